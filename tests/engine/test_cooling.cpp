// Cooling analysis on hand-built plants: heat split, CDU → chillers → tower chain, pump / fan /
// compressor power, water, capacity and N+1 checks, and how cooling power reaches the power chain.
#include <QtTest>

#include <algorithm>

#include "core/evaluate/evaluation.h"
#include "engine_fixture.h"

using namespace gigaplan;
using design::CoolingKind;
using design::PowerKind;
using engine::fixture::buildChain;
using engine::fixture::Chain;
using engine::fixture::countCode;
using engine::fixture::Site;

namespace {

struct Plant {
  int cdu, ahu, ch1, ch2, tower;
};

// Reference plant: the 4-rack chain's racks send 80 kW each to one CDU and 20 kW each to one air
// handler; the CDU rejects to two chillers (COP 5), which reject to one tower.
Plant buildPlant(Site& s, const Chain& c) {
  Plant p;
  p.tower = s.cooling("tower1", CoolingKind::CoolingTower, "tower", {});
  p.ch1 = s.cooling("ch1", CoolingKind::Chiller, "chiller", {p.tower});
  p.ch2 = s.cooling("ch2", CoolingKind::Chiller, "chiller", {p.tower});
  p.cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {p.ch1, p.ch2});
  p.ahu = s.cooling("ahu1", CoolingKind::AirHandler, "ahu", {});
  for (int r : c.racks) {
    s.layout.racks[r].cdu = p.cdu;
    s.layout.racks[r].airHandler = p.ahu;
  }
  return p;
}

}  // namespace

class TestCooling : public QObject {
  Q_OBJECT
 private slots:
  void heatPowerAndWater() {
    Site s;
    const Chain c = buildChain(s);
    const Plant p = buildPlant(s, c);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& k = e.cooling;
    QCOMPARE(k.heat, 400e3);
    QVERIFY(qFuzzyCompare(k.liquidHeat, 320e3));
    QVERIFY(qFuzzyCompare(k.airHeat, 80e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.cdu], 320e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ahu], 80e3));
    // CDU pumps: 4 kW × 320 / 400; air handler fans: 2 kW × 80 / 100.
    QVERIFY(qFuzzyCompare(k.unitPower[p.cdu], 3.2e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.ahu], 1.6e3));
    // Each chiller takes half the CDU's heat, 160 kW, and draws 160 / 5 = 32 kW.
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ch1], 160e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.ch1], 32e3));
    // The tower rejects heat + compressor work: 320 + 64 = 384 kW; fans 10 kW × 0.384.
    QVERIFY(qFuzzyCompare(k.unitHeat[p.tower], 384e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.tower], 3.84e3));
    // Water: 2 L/kWh × 384 kW × 24 h.
    QVERIFY(qFuzzyCompare(k.unitWater[p.tower], 2 * 384 * 24.0));
    QVERIFY(qFuzzyCompare(k.water, 2 * 384 * 24.0));
    QVERIFY(qFuzzyCompare(k.power, 3.2e3 + 1.6e3 + 64e3 + 3.84e3));
    QVERIFY(qFuzzyCompare(k.capacity, 400e3 + 100e3));    // CDU + air handler
    QVERIFY(qFuzzyCompare(k.rejectionCapacity, 1e6 + 100e3));  // tower + air handler
    QCOMPARE(k.loops, 2);  // {cdu, chillers, tower} and {ahu}
    QCOMPARE(k.unitLoop[p.cdu], k.unitLoop[p.tower]);
    QVERIFY(k.unitLoop[p.cdu] != k.unitLoop[p.ahu]);
    // Two 500 kW chillers for 320 kW: N+1 holds; the single tower has no spare.
    QCOMPARE(countCode(e, "cooling.redundancy-lost", "ch1"), 0);
    QCOMPARE(countCode(e, "cooling.redundancy-lost", "tower1"), 1);
    QCOMPARE(countCode(e, "cooling.redundancy-lost"), 1);
    QCOMPARE(countCode(e, "cooling.overload"), 0);
    QCOMPARE(countCode(e, "cooling.cdu-short"), 0);
    // Unfed cooling gear is drawn at the sources: facility = chain + cooling.
    QVERIFY(qFuzzyCompare(e.power.facility, 400e3 / 0.99 / 0.95 / 0.98 + k.power));
    QVERIFY(qFuzzyCompare(e.power.pue, e.power.facility / 400e3));
  }

  void coolingFedByANodeLoadsIt() {
    Site s;
    const Chain c = buildChain(s);
    const int mech = s.power("mech", PowerKind::Busway, "bw", {c.tx});
    const Plant p = buildPlant(s, c);
    for (int u : {p.cdu, p.ch1, p.ch2, p.tower, p.ahu}) s.layout.cooling[u].fedBy = {mech};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.nominal.out[mech], e.cooling.power));
    QVERIFY(qFuzzyCompare(e.cooling.nodePower[mech], e.cooling.power));
    QCOMPARE(e.cooling.facilityPower, 0.0);
    // The mechanical busway's draw passes the transformer's 98 %.
    const double tx = (400e3 / 0.99 / 0.95 + e.cooling.power / 0.99) / 0.98;
    QVERIFY(qFuzzyCompare(e.power.facility, tx));
    // Peak: racks at 120 kW raise the cooling draw with them (linear in heat).
    QVERIFY(qFuzzyCompare(e.power.peak.cooling, e.cooling.power * 1.2));
  }

  void findings_data() {
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("object");
    QTest::addColumn<int>("severity");
    QTest::newRow("cdu short") << 0 << "cooling.cdu-short" << "cdu1" << int(engine::Severity::Error);
    QTest::newRow("chiller overload") << 1 << "cooling.overload" << "ch1" << int(engine::Severity::Error);
    QTest::newRow("one chiller: no N+1") << 2 << "cooling.redundancy-lost" << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("two-unit CDU: no spare") << 3 << "cooling.redundancy-lost" << "cdu1" << int(engine::Severity::Warning);
    QTest::newRow("no CDU") << 4 << "cooling.not-cooled" << "rack1" << int(engine::Severity::Error);
    QTest::newRow("no air handler") << 5 << "cooling.not-cooled" << "rack1" << int(engine::Severity::Warning);
    QTest::newRow("CDU rejects nowhere") << 6 << "cooling.no-heat-sink" << "cdu1" << int(engine::Severity::Warning);
    QTest::newRow("hot site") << 7 << "cooling.ambient-above-rating" << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("chiller without COP") << 8 << "cooling.cop-missing" << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("rejects_to loop") << 9 << "cooling.cycle" << "ch1" << int(engine::Severity::Error);
  }
  void findings() {
    QFETCH(int, variant);
    QFETCH(QString, code);
    QFETCH(QString, object);
    QFETCH(int, severity);
    Site s;
    const Chain c = buildChain(s);
    Plant p = buildPlant(s, c);
    auto& L = s.layout;
    switch (variant) {
      case 0: s.catalog.coolingGear["cdu"].capacity = 300e3, L.cooling[p.cdu].capacity = 300e3; break;
      case 1: L.cooling[p.ch1].capacity = L.cooling[p.ch2].capacity = 100e3; break;
      case 2: L.cooling[p.cdu].rejectsTo = {p.ch1}; break;
      case 3: L.cooling[p.cdu].units = 2; break;  // 2 × 200 kW for 320 kW: one out leaves 200 kW
      case 4: L.racks[c.racks[0]].cdu = design::kNone; break;
      case 5: L.racks[c.racks[0]].airHandler = design::kNone; break;
      case 6: L.cooling[p.cdu].rejectsTo.clear(); break;
      case 7:
        s.catalog.coolingGear["chiller"].maxAmbient = 25;
        s.design.site.ambient = 40;
        break;
      case 8: s.catalog.coolingGear["chiller"].cop = 0; break;
      case 9: L.cooling[p.tower].rejectsTo = {p.ch1}; break;
    }
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto it = std::find_if(e.findings.begin(), e.findings.end(), [&](const engine::Finding& f) {
      return f.code == code.toStdString() && f.object == object.toStdString();
    });
    QVERIFY2(it != e.findings.end(), qPrintable(code + " on " + object));
    QCOMPARE(int(it->severity), severity);
    QVERIFY(!it->message.empty());
    if (variant == 0) {
      QVERIFY(qFuzzyCompare(it->value, 320e3));
      QVERIFY(qFuzzyCompare(it->limit, 300e3));
    }
    if (variant == 2) {  // 320 kW on one 500 kW chiller: with it out, nothing left
      QVERIFY(qFuzzyCompare(it->value, 320e3));
      QCOMPARE(it->limit, 0.0);
    }
    if (variant == 4) QVERIFY(qFuzzyCompare(e.cooling.unassignedHeat, 80e3));
  }

  void plantRedundancyCountsUnitsInsideANode() {
    Site s;
    const Chain c = buildChain(s);
    const Plant p = buildPlant(s, c);
    // One chiller node with three 500 kW units: 1 MW left with one out, for 320 kW → N+1 holds.
    s.layout.cooling[p.cdu].rejectsTo = {p.ch1};
    s.layout.cooling[p.ch1].units = 3;
    s.layout.cooling[p.ch1].capacity = 1.5e6;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "cooling.redundancy-lost", "ch1"), 0);
  }

  void adiabaticDryCoolerUsesWater() {
    Site s;
    const Chain c = buildChain(s);
    s.catalog.coolingGear["dry"].waterPerKwh = 0.16;
    const int dry = s.cooling("dry1", CoolingKind::DryCooler, "dry", {});
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {dry});
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.cooling.unitHeat[dry], 320e3));
    QVERIFY(qFuzzyCompare(e.cooling.unitPower[dry], 5e3 * 320 / 500));
    QVERIFY(qFuzzyCompare(e.cooling.water, 0.16 * 320 * 24));
  }
};

QTEST_GUILESS_MAIN(TestCooling)
#include "test_cooling.moc"
