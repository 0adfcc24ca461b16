// Cooling analysis on hand-built plants: where heat lands (racks, hall air, losses, the plant's
// own draw), heat rejected to ambient, pump / fan / compressor power, water, capacity and N+1
// checks, and how cooling power reaches the power chain.
#include <QtTest>

#include <algorithm>

#include "core/evaluate/evaluation.h"
#include "core/evaluate/network_loads.h"
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
// handler; both reject to two water-cooled chillers (COP 5), which reject to one tower.
Plant buildPlant(Site& s, const Chain& c) {
  Plant p;
  s.catalog.coolingGear["chiller"].condenser = catalog::Condenser::Water;
  p.tower = s.cooling("tower1", CoolingKind::CoolingTower, "tower", {});
  p.ch1 = s.cooling("ch1", CoolingKind::Chiller, "chiller", {p.tower});
  p.ch2 = s.cooling("ch2", CoolingKind::Chiller, "chiller", {p.tower});
  p.cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {p.ch1, p.ch2});
  p.ahu = s.cooling("ahu1", CoolingKind::AirHandler, "ahu", {p.ch1, p.ch2});
  for (int r : c.racks) {
    s.layout.racks[r].cdu = p.cdu;
    s.layout.racks[r].airHandler = p.ahu;
  }
  return p;
}

// Stands power nodes in the yard, outside hall h1 (0–40 m × 0–20 m): their losses go to ambient.
void outdoors(Site& s, std::initializer_list<int> nodes) {
  for (int n : nodes) s.layout.power[n].position = {60, 10};
}

void outdoors(Site& s, const Chain& c) {
  outdoors(s, {c.grid, c.tx, c.upsA, c.upsB, c.busA, c.busB});
}

// Everything drawn from the sources leaves the site as heat.
void checkBalance(const engine::Evaluation& e) {
  const auto& k = e.cooling;
  QCOMPARE(k.unassignedHeat, 0.0);
  QVERIFY2(
      std::fabs(e.power.facility - k.rejected) <= 1e-9 * e.power.facility,
      qPrintable(QString("facility %1 W, rejected %2 W").arg(e.power.facility, 0, 'f', 3).arg(k.rejected, 0, 'f', 3)));
  QVERIFY(std::fabs(k.heat + k.lossHeat + k.power - k.rejected) <= 1e-9 * k.rejected);
}

// The reference chain and plant with a 2-tier fabric whose spines stand in a core room outside
// the hall, cooled by core-ahu (network.core_air_handler).
Chain coreRoomSite(Site& s) {
  const Chain c = buildChain(s);
  outdoors(s, c);
  const Plant p = buildPlant(s, c);
  engine::fixture::closeRow(s);
  engine::fixture::addNetworkCatalog(s);
  s.design.network.tiers = 2;
  s.design.network.spinePosition = {30, 40};
  s.design.network.spinePositionSet = true;
  const int core = s.cooling("core-ahu", CoolingKind::AirHandler, "ahu", {p.ch1, p.ch2});
  s.layout.cooling[core].hall = design::kNone;
  s.layout.cooling[core].position = {30, 40};
  s.layout.coreAirHandler = core;
  return c;
}

}  // namespace

class TestCooling : public QObject {
  Q_OBJECT
 private slots:
  void heatPowerAndWater() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const Plant p = buildPlant(s, c);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& k = e.cooling;
    QCOMPARE(k.heat, 400e3);
    QVERIFY(qFuzzyCompare(k.liquidHeat, 320e3));
    QVERIFY(qFuzzyCompare(k.airHeat, 80e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.cdu], 320e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ahu], 80e3));
    // CDU pumps: 4 kW × 320 / 400; air handler fans: 2 kW × 80 / 100. Both heat the stream they move.
    QVERIFY(qFuzzyCompare(k.unitPower[p.cdu], 3.2e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.ahu], 1.6e3));
    QVERIFY(qFuzzyCompare(k.unitRejected[p.cdu], 323.2e3));
    QVERIFY(qFuzzyCompare(k.unitRejected[p.ahu], 81.6e3));
    // Each chiller takes half of 323.2 + 81.6 = 404.8 kW, 202.4 kW, and draws 202.4 / 5 = 40.48 kW.
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ch1], 202.4e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.ch1], 40.48e3));
    // The tower takes heat + compressor work: 404.8 × 1.2 = 485.76 kW; fans 10 kW × 0.48576.
    QVERIFY(qFuzzyCompare(k.unitHeat[p.tower], 485.76e3));
    QVERIFY(qFuzzyCompare(k.unitPower[p.tower], 4.8576e3));
    // Water: 2 L/kWh × 485.76 kW × 24 h.
    QVERIFY(qFuzzyCompare(k.unitWater[p.tower], 2 * 485.76 * 24.0));
    QVERIFY(qFuzzyCompare(k.water, 2 * 485.76 * 24.0));
    const double plant = 3.2e3 + 1.6e3 + 2 * 40.48e3 + 4.8576e3;
    QVERIFY(qFuzzyCompare(k.power, plant));
    QVERIFY(qFuzzyCompare(k.capacity, 400e3 + 100e3));  // CDU + air handler
    QVERIFY(qFuzzyCompare(k.rejectionCapacity, 1e6));   // the tower: the only unit releasing to ambient
    QCOMPARE(k.loops, 1);
    QCOMPARE(k.unitLoop[p.cdu], k.unitLoop[p.ahu]);
    // The chain stands outdoors: its losses, 400 kW / 0.99 / 0.95 / 0.98 − 400 kW, go straight to
    // ambient; the tower releases 485.76 kW + its fans.
    const double chain = 400e3 / 0.99 / 0.95 / 0.98;
    QVERIFY(qFuzzyCompare(k.lossHeat, chain - 400e3));
    QVERIFY(qFuzzyCompare(k.lossHeatOutdoors, chain - 400e3));
    QVERIFY(qFuzzyCompare(k.rejected, 485.76e3 + 4.8576e3 + chain - 400e3));
    // Two 500 kW chillers for 404.8 kW: N+1 holds; the single tower has no spare.
    QCOMPARE(countCode(e, "cooling.redundancy-lost", "ch1"), 0);
    QCOMPARE(countCode(e, "cooling.redundancy-lost", "tower1"), 1);
    QCOMPARE(countCode(e, "cooling.redundancy-lost"), 1);
    QCOMPARE(countCode(e, "cooling.overload"), 0);
    QCOMPARE(countCode(e, "cooling.cdu-short"), 0);
    QCOMPARE(e.errors, 0);
    // Unfed cooling gear is drawn at the sources: facility = chain + cooling.
    QVERIFY(qFuzzyCompare(e.power.facility, chain + plant));
    QVERIFY(qFuzzyCompare(e.power.pue, e.power.facility / 400e3));
    checkBalance(e);
  }

  // The review's case: 8 kW of air-handler fans. All 400 kW of rack heat goes to air (5 × 100 kW
  // air handler, fans 5 × 2 kW at full duty = 8 kW at 400 kW); the chillers must take 408 kW, not
  // 400. Derivation: chillers 408 kW → compressors 408 / 5 = 81.6 kW → tower 489.6 kW, fans
  // 10 kW × 0.4896 = 4.896 kW. Chain outdoors: losses 400 / (0.99 × 0.95 × 0.98) − 400 =
  // 33.985 kW to ambient. Facility = 433.985 + 8 + 81.6 + 4.896 = 528.481 kW = rejected:
  // tower 489.6 + 4.896, plus the chain's 33.985.
  void eightKilowattsOfFans() {
    Site s;
    s.catalog.racks["r100"].liquidFraction = 0;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const Plant p = buildPlant(s, c);
    s.layout.cooling[p.ahu].units = 5;
    s.layout.cooling[p.ahu].capacity = 500e3;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& k = e.cooling;
    QVERIFY(qFuzzyCompare(k.unitPower[p.ahu], 8e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ch1] + k.unitHeat[p.ch2], 408e3));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.tower], 489.6e3));
    QVERIFY(qFuzzyCompare(k.power, 8e3 + 81.6e3 + 4.896e3));
    const double chain = 400e3 / 0.99 / 0.95 / 0.98;
    QVERIFY(qFuzzyCompare(e.power.facility, chain + 8e3 + 81.6e3 + 4.896e3));
    QVERIFY(qFuzzyCompare(k.rejected, 489.6e3 + 4.896e3 + chain - 400e3));
    checkBalance(e);
  }

  // A unit's heat goes to its rejects_to in proportion to their capacities, as hall air goes to its
  // air handlers: a chiller of three times the other's capacity takes three quarters, and both run
  // at the same utilisation; the heat balance holds.
  void heatSharedByCapacity() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const Plant p = buildPlant(s, c);
    s.layout.cooling[p.ch1].capacity = 300e3;
    s.layout.cooling[p.ch2].capacity = 900e3;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& k = e.cooling;
    const double both = k.unitHeat[p.ch1] + k.unitHeat[p.ch2];
    QVERIFY(both > 400e3);  // the racks' 400 kW and the CDU's pumps and the air handler's fans
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ch1], both / 4));
    QVERIFY(qFuzzyCompare(k.unitHeat[p.ch2], 3 * both / 4));
    QVERIFY(qFuzzyCompare(k.unitUtilisation[p.ch1], k.unitUtilisation[p.ch2]));
    checkBalance(e);
  }

  // The plant is checked at the racks' peak power, as the power chain is (the catalog's peak_power
  // is "the maximum used for capacity checks"); its figures stay the design load's. Four racks of
  // 100 kW (120 kW peak), 80 % liquid: 320 kW reach the CDU at design load, 384 kW at peak — over
  // a 350 kW CDU that the design load alone would pass.
  void plantIsCheckedAtPeak() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const Plant p = buildPlant(s, c);
    s.layout.cooling[p.cdu].capacity = 350e3;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.cooling.unitHeat[p.cdu], 320e3));
    QVERIFY(qFuzzyCompare(e.cooling.unitUtilisation[p.cdu], 320.0 / 350));
    const auto it = std::find_if(e.findings.begin(), e.findings.end(), [](const engine::Finding& f) {
      return f.code == "cooling.cdu-short" && f.object == "cdu1";
    });
    QVERIFY(it != e.findings.end());
    QVERIFY(qFuzzyCompare(it->value, 384e3));
    QVERIFY(qFuzzyCompare(it->limit, 350e3));
    QVERIFY2(it->message.find("384 kW at peak IT load but is rated 350 kW") != std::string::npos, it->message.c_str());
    s.catalog.racks["r100"].peakPower = s.catalog.racks["r100"].power;  // no peak above the design load
    const auto flat = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(std::none_of(flat.findings.begin(), flat.findings.end(),
                         [](const engine::Finding& f) { return f.code == "cooling.cdu-short"; }));
  }

  // A unit that holds its peak heat within 5 % of its rating is noted once for the site: the CDU
  // above takes 384 kW at peak, 97.0 % of 396 kW, beside the fixture's air handler, itself above
  // 95 %; at 420 kW (91 %) the note counts the air handler alone.
  void thinCoolingMarginIsNoted() {
    const auto evaluateWith = [](double cdu) {
      Site s;
      const Chain c = buildChain(s);
      outdoors(s, c);
      const Plant p = buildPlant(s, c);
      s.layout.cooling[p.cdu].capacity = cdu;
      return engine::evaluate(s.design, s.layout, s.catalog);
    };
    const auto thin = evaluateWith(396e3);
    const auto it = std::find_if(thin.findings.begin(), thin.findings.end(),
                                 [](const engine::Finding& f) { return f.code == "cooling.thin-margin"; });
    QVERIFY(it != thin.findings.end());
    QVERIFY(it->severity == engine::Severity::Info);
    QCOMPARE(it->object, std::string("cdu1"));
    QVERIFY2(it->message.find("2 cooling units run above 95 % of their rating at peak IT load (1 air-handler, 1 "
                              "cdu), up to 97.0 % (cdu1)") == 0,
             it->message.c_str());
    const auto roomy = evaluateWith(420e3);
    const auto other = std::find_if(roomy.findings.begin(), roomy.findings.end(),
                                    [](const engine::Finding& f) { return f.code == "cooling.thin-margin"; });
    QVERIFY(other != roomy.findings.end());
    QVERIFY2(other->message.find("1 cooling unit runs above 95 % of its rating at peak IT load (1 air-handler)") == 0,
             other->message.c_str());
  }

  // N+1 on the full load: three 202 kW chillers leave 404 kW with one out — enough for the 400 kW
  // of rack heat, not for the 408 kW that reaches them with the fans' heat (racks at their design
  // load at peak too, so the numbers are the design load's).
  void plantRedundancyCountsFanHeat() {
    Site s;
    s.catalog.racks["r100"].liquidFraction = 0;
    s.catalog.racks["r100"].peakPower = s.catalog.racks["r100"].power;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const Plant p = buildPlant(s, c);
    s.layout.cooling[p.ahu].units = 5;
    s.layout.cooling[p.ahu].capacity = 500e3;
    const int ch3 = s.cooling("ch3", CoolingKind::Chiller, "chiller", {p.tower});
    for (int u : {p.ch1, p.ch2, ch3}) s.layout.cooling[u].capacity = 202e3;
    s.layout.cooling[p.ahu].rejectsTo = {p.ch1, p.ch2, ch3};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto it = std::find_if(e.findings.begin(), e.findings.end(), [](const engine::Finding& f) {
      return f.code == "cooling.redundancy-lost" && f.object == "ch1";
    });
    QVERIFY(it != e.findings.end());
    QVERIFY(qFuzzyCompare(it->value, 408e3));
    QVERIFY(qFuzzyCompare(it->limit, 404e3));
  }

  // Losses inside the hall heat its air, and the cooling draw they bring loads the chain that made
  // them: evaluate() settles the loop. Grid and transformer in the yard; UPS, busways and a
  // mechanical busway (feeding all cooling gear, 0.99) inside hall h1; air handler 2 × 100 kW.
  // With X the air handler's heat and P the cooling draw (kW):
  //   X = 80 (rack air) + L (UPS + busway losses on IT, 400 / 0.99 / 0.95 − 400) + P (1 / 0.99 − 1)
  //   P = 3.2 (CDU) + 0.02 X (fans 4 kW × X / 200) + 0.212 Q (chillers Q / 5, tower fans 0.01 × 1.2 Q)
  //   Q = 323.2 + 1.02 X (chiller heat: CDU 320 + 3.2 pumps, air handler X + fans)
  // — two linear equations, solved below.
  void lossesInTheHallSettle() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, {c.grid, c.tx});
    const int mech = s.power("mech", PowerKind::Busway, "bw", {c.tx});
    const Plant p = buildPlant(s, c);
    s.layout.cooling[p.ahu].units = 2;
    s.layout.cooling[p.ahu].capacity = 200e3;
    for (int u : {p.cdu, p.ch1, p.ch2, p.tower, p.ahu}) s.layout.cooling[u].fedBy = {mech};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const double L = 400 / 0.99 / 0.95 - 400, m = 1 / 0.99 - 1;
    const double P0 = 3.2 + 0.212 * 323.2, P1 = 0.02 + 0.212 * 1.02;  // P = P0 + P1 X
    const double X = (80 + L + m * P0) / (1 - m * P1);
    const double P = P0 + P1 * X;
    QVERIFY(std::fabs(e.cooling.unitHeat[p.ahu] - X * 1e3) < 1e-6);
    QVERIFY(std::fabs(e.cooling.power - P * 1e3) < 1e-6);
    QVERIFY(std::fabs(e.cooling.hallAirHeat[0] - (L + m * P) * 1e3) < 1e-6);
    QVERIFY(std::fabs(e.power.cooling - P * 1e3) < 1e-6);
    // The transformer in the yard sheds its losses outdoors.
    QVERIFY(std::fabs(e.cooling.lossHeatOutdoors - (e.power.nominal.in[c.tx] - e.power.nominal.out[c.tx])) < 1e-6);
    QCOMPARE(countCode(e, "cooling.heat-runaway"), 0);
    checkBalance(e);
  }

  void coolingFedByANodeLoadsIt() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, c);
    const int mech = s.power("mech", PowerKind::Busway, "bw", {c.tx});
    outdoors(s, {mech});
    const Plant p = buildPlant(s, c);
    for (int u : {p.cdu, p.ch1, p.ch2, p.tower, p.ahu}) s.layout.cooling[u].fedBy = {mech};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.nominal.out[mech], e.cooling.power));
    QVERIFY(qFuzzyCompare(e.cooling.nodePower[mech], e.cooling.power));
    QCOMPARE(e.cooling.facilityPower, 0.0);
    // The mechanical busway's draw passes the transformer's 98 %.
    const double tx = (400e3 / 0.99 / 0.95 + e.cooling.power / 0.99) / 0.98;
    QVERIFY(qFuzzyCompare(e.power.facility, tx));
    // Peak: racks at 120 kW raise the cooling draw with them (linear in heat; the losses are outdoors).
    QVERIFY(qFuzzyCompare(e.power.peak.cooling, e.cooling.power * 1.2));
    checkBalance(e);
  }

  void findings_data() {
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("object");
    QTest::addColumn<int>("severity");
    QTest::newRow("cdu short") << 0 << "cooling.cdu-short"
                               << "cdu1" << int(engine::Severity::Error);
    QTest::newRow("chiller overload") << 1 << "cooling.overload"
                                      << "ch1" << int(engine::Severity::Error);
    QTest::newRow("one chiller: no N+1") << 2 << "cooling.redundancy-lost"
                                         << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("two-unit CDU: no spare") << 3 << "cooling.redundancy-lost"
                                            << "cdu1" << int(engine::Severity::Warning);
    QTest::newRow("no CDU") << 4 << "cooling.not-cooled"
                            << "rack1" << int(engine::Severity::Error);
    QTest::newRow("hall air, no air handler") << 5 << "cooling.not-cooled"
                                              << "h1" << int(engine::Severity::Error);
    QTest::newRow("CDU rejects nowhere") << 6 << "cooling.no-heat-sink"
                                         << "cdu1" << int(engine::Severity::Error);
    QTest::newRow("hot site") << 7 << "cooling.ambient-above-rating"
                              << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("chiller without COP") << 8 << "cooling.cop-missing"
                                         << "ch1" << int(engine::Severity::Warning);
    QTest::newRow("rejects_to loop") << 9 << "cooling.cycle"
                                     << "ch1" << int(engine::Severity::Error);
    QTest::newRow("air handler rejects nowhere") << 10 << "cooling.no-heat-sink"
                                                 << "ahu1" << int(engine::Severity::Error);
    QTest::newRow("water-cooled chiller rejects nowhere") << 11 << "cooling.no-heat-sink"
                                                          << "ch1" << int(engine::Severity::Error);
    QTest::newRow("core room, no air handler") << 12 << "cooling.not-cooled"
                                               << "" << int(engine::Severity::Error);
    QTest::newRow("losses feed the cooling draw") << 13 << "cooling.heat-runaway"
                                                  << "" << int(engine::Severity::Error);
  }
  void findings() {
    QFETCH(int, variant);
    QFETCH(QString, code);
    QFETCH(QString, object);
    QFETCH(int, severity);
    Site s;
    s.catalog.racks["r100"].peakPower = s.catalog.racks["r100"].power;  // the values below are at design load
    const Chain c = buildChain(s);
    outdoors(s, c);
    Plant p = buildPlant(s, c);
    auto& L = s.layout;
    switch (variant) {
      case 0:
        s.catalog.coolingGear["cdu"].capacity = 300e3, L.cooling[p.cdu].capacity = 300e3;
        break;
      case 1:
        L.cooling[p.ch1].capacity = L.cooling[p.ch2].capacity = 100e3;
        break;
      case 2:
        L.cooling[p.cdu].rejectsTo = L.cooling[p.ahu].rejectsTo = {p.ch1};
        break;
      case 3:
        L.cooling[p.cdu].units = 2;
        break;  // 2 × 200 kW for 320 kW: one out leaves 200 kW
      case 4:
        L.racks[c.racks[0]].cdu = design::kNone;
        break;
      case 5:  // no rack names an air handler and the only one stands outside the hall
        for (int r : c.racks) L.racks[r].airHandler = design::kNone;
        L.cooling[p.ahu].hall = design::kNone;
        L.cooling[p.ahu].position = {60, 10};
        break;
      case 6:
        L.cooling[p.cdu].rejectsTo.clear();
        break;
      case 7:
        s.catalog.coolingGear["chiller"].maxAmbient = 25;
        s.design.site.ambient = 40;
        break;
      case 8:
        s.catalog.coolingGear["chiller"].cop = 0;
        break;
      case 9:
        L.cooling[p.tower].rejectsTo = {p.ch1};
        break;
      case 10:
        L.cooling[p.ahu].rejectsTo.clear();
        break;
      case 11:
        L.cooling[p.ch1].rejectsTo.clear();
        break;
      case 12:  // a two-tier fabric whose spine stands in a core room outside the hall
        engine::fixture::closeRow(s);
        engine::fixture::addNetworkCatalog(s);
        s.design.network.tiers = 2;
        s.design.network.spinePosition = {30, 40};
        s.design.network.spinePositionSet = true;
        break;
      case 13: {  // a DX air handler (COP 0.1) fed through a 50 % busway standing in the hall: each
                  // watt of air heat draws 10 W, which loses 10 W more into the hall's air
        s.catalog.coolingGear["ahu"].cop = 0.1;
        L.cooling[p.ahu].rejectsTo.clear();
        s.gear("weak", catalog::PowerGearKind::Busway, 1e9, 0.5);
        L.cooling[p.ahu].fedBy = {s.power("mech", PowerKind::Busway, "weak", {c.tx})};
        break;
      }
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
    if (variant == 2) {  // 323.2 + 81.6 kW on one 500 kW chiller: with it out, nothing left
      QVERIFY(qFuzzyCompare(it->value, 404.8e3));
      QCOMPARE(it->limit, 0.0);
    }
    if (variant == 4) QVERIFY(qFuzzyCompare(e.cooling.unassignedHeat, 80e3));
    if (variant == 5) {  // 4 racks × 20 kW of air, the chain outdoors
      QVERIFY(qFuzzyCompare(it->value, 80e3));
      QVERIFY2(it->message.find("air share of 4 racks (rack1, rack2, rack3, …)") != std::string::npos,
               it->message.c_str());
    }
    // What the unit would have passed on has no path to ambient: CDU 320 + 3.2 kW pumps; air
    // handler 80 + 1.6 kW fans.
    if (variant == 6) QVERIFY(qFuzzyCompare(it->value, 323.2e3));
    if (variant == 10) QVERIFY(qFuzzyCompare(it->value, 81.6e3));
    if (variant == 6 || variant == 10 || variant == 11) QVERIFY(e.cooling.unassignedHeat >= it->value * (1 - 1e-12));
    if (variant == 12) {  // the spine switches and their optics share
      QVERIFY(it->value > 0);
      QVERIFY(qFuzzyCompare(e.cooling.unassignedHeat, it->value));
      QVERIFY2(it->message.find("spine-1") != std::string::npos, it->message.c_str());
    }
    if (variant == 13) QVERIFY(it->value > 1);
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

  // Heat leaves the site from a unit with no rejects_to only when it can reach the outdoor air.
  void finalRejection() {
    Site s;
    const Chain c = buildChain(s);
    outdoors(s, c);
    Plant p = buildPlant(s, c);
    auto& L = s.layout;
    // An air-cooled chiller and a DX air handler (COP 3) with nothing downstream are fine.
    s.catalog.coolingGear["chiller"].condenser = catalog::Condenser::Air;
    s.catalog.coolingGear["ahu"].cop = 3;
    L.cooling[p.ch1].rejectsTo.clear();
    L.cooling[p.ch2].rejectsTo.clear();
    L.cooling[p.ahu].rejectsTo.clear();
    L.cooling[p.cdu].rejectsTo = {p.ch1, p.ch2};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "cooling.no-heat-sink"), 0);
    // DX: fans 1.6 kW + compressor 80 / 3 kW, all released with the 80 kW.
    QVERIFY(qFuzzyCompare(e.cooling.unitPower[p.ahu], 1.6e3 + 80e3 / 3));
    QVERIFY(qFuzzyCompare(e.cooling.unitRejected[p.ahu], 81.6e3 + 80e3 / 3));
    // Released to ambient by: both chillers, the air handler and the (now idle) tower.
    QVERIFY(qFuzzyCompare(e.cooling.rejectionCapacity, 2 * 500e3 + 100e3 + 1e6));
    checkBalance(e);
  }

  // The core room's switches go to network.core_air_handler.
  void coreRoomAirHandler() {
    Site s;
    coreRoomSite(s);
    const int core = s.layout.coreAirHandler;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "cooling.not-cooled"), 0);
    double coreSwitches = 0;
    const double optics = e.fabric.opticsPower / static_cast<double>(e.fabric.switches.size());
    for (const auto& sw : e.fabric.switches)
      if (sw.hall == design::kNone) coreSwitches += sw.power + optics;
    QVERIFY(coreSwitches > 0);
    QVERIFY(qFuzzyCompare(e.cooling.unitHeat[core], coreSwitches));
    checkBalance(e);
  }

  // network.core_feeds: the core room's switches draw on the nodes named, half on each, and the
  // failover check moves all of them onto the survivor; without feeds they are drawn at the sources.
  void coreRoomFeeds() {
    Site s;
    const Chain c = coreRoomSite(s);
    const auto unfed = engine::evaluate(s.design, s.layout, s.catalog);
    const engine::CoreRoomDraw before = engine::coreRoomDraw(unfed.fabric);
    QVERIFY(before.switches > 0 && before.power > 0);
    QCOMPARE(before.feedA, design::kNone);
    s.layout.coreFeedA = c.upsA;
    s.layout.coreFeedB = c.upsB;
    const auto fed = engine::evaluate(s.design, s.layout, s.catalog);
    const engine::CoreRoomDraw room = engine::coreRoomDraw(fed.fabric);
    QCOMPARE(room.switches, before.switches);
    QVERIFY(qFuzzyCompare(room.power, before.power));
    QCOMPARE(room.feedA, c.upsA);
    QCOMPARE(room.feedB, c.upsB);
    // Each UPS now carries half the room beyond what it carried; the facility total is the same
    // load plus the UPS's losses on it.
    for (int ups : {c.upsA, c.upsB})
      QVERIFY2(std::abs(fed.power.nominal.out[ups] - unfed.power.nominal.out[ups] - room.power / 2) < 1,
               qPrintable(QString::number(fed.power.nominal.out[ups] - unfed.power.nominal.out[ups])));
    QVERIFY(fed.power.facility > unfed.power.facility);
    QVERIFY(fed.power.facility < unfed.power.facility + 0.1 * room.power);
    checkBalance(fed);
  }

  void adiabaticDryCoolerUsesWater() {
    Site s;
    const Chain c = buildChain(s);
    s.catalog.coolingGear["dry"].waterPerKwh = 0.16;
    const int dry = s.cooling("dry1", CoolingKind::DryCooler, "dry", {});
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {dry});
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // The CDU passes on 320 kW and its pumps' 3.2 kW.
    QVERIFY(qFuzzyCompare(e.cooling.unitHeat[dry], 323.2e3));
    QVERIFY(qFuzzyCompare(e.cooling.unitPower[dry], 5e3 * 323.2 / 500));
    QVERIFY(qFuzzyCompare(e.cooling.water, 0.16 * 323.2 * 24));
  }
};

QTEST_GUILESS_MAIN(TestCooling)
#include "test_cooling.moc"
