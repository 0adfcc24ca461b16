// evaluate() end to end on a small site with a fabric: compute figures, network and cooling power
// in the power chain, energy balance, bill of materials, fabric and layout findings, JSON keys.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <set>

#include "core/evaluate/evaluation.h"
#include "core/evaluate/evaluation_json.h"
#include "engine_fixture.h"

using namespace gigaplan;
using design::CoolingKind;
using design::PowerKind;
using engine::fixture::Chain;
using engine::fixture::countCode;
using engine::fixture::Site;

namespace {

// 8 racks fed A/B, one CDU and one air handler rejecting to two air-cooled chillers, one leaf
// switch; the power chain stands in the yard.
Chain buildSite(Site& s) {
  const Chain c = engine::fixture::buildChain(s, 8);
  engine::fixture::closeRow(s);
  engine::fixture::addNetworkCatalog(s);
  s.gear("bw", catalog::PowerGearKind::Busway, 1.2e6, 0.99);
  s.gear("ups", catalog::PowerGearKind::Ups, 1.5e6, 0.95);
  s.cooler("cdu", catalog::CoolingGearKind::Cdu, 1e6, 10e3, 0, 0);
  s.cooler("ahu", catalog::CoolingGearKind::AirHandler, 250e3, 2e3, 0, 0);
  for (auto& n : s.layout.power) {
    n.rating = n.spec ? n.spec->rating : n.rating;
    n.position = {60, 10};  // in the yard, outside the hall: the chain's losses go to ambient
  }
  s.catalog.coolingGear["chiller"].condenser = catalog::Condenser::Air;
  const int ch1 = s.cooling("ch1", CoolingKind::Chiller, "chiller", {});
  const int ch2 = s.cooling("ch2", CoolingKind::Chiller, "chiller", {});
  const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {ch1, ch2});
  const int ahu = s.cooling("ahu1", CoolingKind::AirHandler, "ahu", {ch1, ch2});
  for (auto& u : s.layout.cooling) u.capacity = u.spec->capacity * u.units;
  for (int r : c.racks) {
    s.layout.racks[r].cdu = cdu;
    s.layout.racks[r].airHandler = ahu;
  }
  return c;
}

QJsonObject parse(const std::string& text) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
  if (error.error != QJsonParseError::NoError) qWarning() << error.errorString();
  return doc.object();
}

}  // namespace

class TestEvaluate : public QObject {
  Q_OBJECT
 private slots:
  void wholeSite() {
    Site s;
    const Chain c = buildSite(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Compute: 8 racks × 4 GPUs of 1 / 2 PFLOP/s (BF16 / FP8), 100 GB HBM, NVLink domains of 4.
    QCOMPARE(e.compute.gpus, std::int64_t{32});
    QCOMPARE(e.compute.peakBf16, 32e15);
    QCOMPARE(e.compute.peakFp8, 64e15);
    QCOMPARE(e.compute.peakFp4, 0.0);
    QCOMPARE(e.compute.hbm, 3.2e12);
    QCOMPARE(e.compute.scaleUpDomains, std::int64_t{8});
    QCOMPARE(e.compute.scaleUpBandwidthTotal, 32 * 900e9);
    // Fabric: one 64-port leaf for 32 GPUs; its power and the optics are the network load.
    QVERIFY2(e.fabric.problem.empty(), e.fabric.problem.c_str());
    QCOMPARE(e.fabric.totalSwitches, std::int64_t{1});
    const double network = e.fabric.switchPower + e.fabric.opticsPower;
    QCOMPARE(e.fabric.switchPower, 1700.0);
    QVERIFY(qFuzzyCompare(e.power.network, network));
    // The leaf stands at the end of the row on the adjacent rack's feeds, A and B, as its two
    // supplies: half its draw on each, all of it on the survivor when one fails.
    QCOMPARE(e.fabric.switches[0].feed, c.busA);
    QCOMPARE(e.fabric.switches[0].feedB, c.busB);
    QVERIFY(qFuzzyCompare(e.power.nominal.out[c.busA], 400e3 + network / 2));
    QVERIFY(qFuzzyCompare(e.power.nominal.out[c.busB], 400e3 + network / 2));
    const double busOut = e.power.peak.out[c.busA];
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.busA] / e.power.utilisation[c.busA],
                          (busOut + e.power.peak.out[c.busB]) / busOut));
    // Its heat goes to the hall's air handler.
    QVERIFY(qFuzzyCompare(e.cooling.heat, 800e3 + network));
    QVERIFY(qFuzzyCompare(e.cooling.unitHeat[3], 160e3 + network));
    QCOMPARE(e.cooling.unassignedHeat, 0.0);
    // Energy balance and PUE over IT + network.
    const auto& f = e.power.nominal;
    QVERIFY(std::fabs(f.it + f.network + f.cooling + f.losses - f.sourceDraw) < 1e-9 * f.sourceDraw);
    QCOMPARE(f.stranded, 0.0);
    QVERIFY(qFuzzyCompare(e.power.pue, e.power.facility / (800e3 + network)));
    QVERIFY(e.power.pue > 1.0 && e.power.pue < 1.3);
    // Per-rack values for the view.
    QCOMPARE(e.rackPower[0], 100e3);
    QCOMPARE(e.rackPeakPower[0], 120e3);
    QVERIFY(qFuzzyCompare(e.rackFeedUtilisation[0], e.power.utilisation[c.busA]));
    QVERIFY(qFuzzyCompare(e.rackCoolingUtilisation[0], 640e3 / 1e6));
    QCOMPARE(e.rackFailureDomainGpus[0], std::int64_t{32});
    QCOMPARE(e.errors, 0);
  }

  // A site mixing domain sizes lists each (the teaching hall's GB200 NVL72 and 8-GPU DGX racks
  // once read "16 × 72 GPUs"); types sharing a size and a rate merge.
  void scaleUpDomainsOfAMixedSite() {
    engine::ComputeSummary c;
    QCOMPARE(engine::scaleUpDomainsText(c, [](double) { return std::string(); }), std::string("none"));
    c.byType = {{"gb200", "GB200", 288, 4, 72, 4, 900e9, 50e9},
                {"gb300", "GB300", 144, 2, 72, 2, 900e9, 100e9},
                {"h100-sxm", "H100", 96, 3, 8, 12, 450e9, 50e9},
                {"a100-sxm-80gb", "A100", 8, 1, 8, 1, 300e9, 25e9}};
    auto tbps = [](double bw) {
      char b[16];
      std::snprintf(b, sizeof b, "%.1f", bw * 8 / 1e12);  // Tb/s
      return std::string(b);
    };
    QCOMPARE(engine::scaleUpDomainsText(c, tbps),
             std::string("6 × 72 GPUs at 7.2, 12 × 8 GPUs at 3.6, 1 × 8 GPUs at 2.4"));
    c.byType.resize(1);
    QCOMPARE(engine::scaleUpDomainsText(c, tbps), std::string("4 × 72 GPUs at 7.2"));
  }

  void billOfMaterials() {
    Site s;
    buildSite(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    auto line = [&](const std::string& category, const std::string& item) -> std::int64_t {
      std::int64_t n = 0;
      for (const auto& l : e.bom)
        if (l.category == category && l.item == item) n += l.count;
      return n;
    };
    QCOMPARE(line("rack", "r100"), std::int64_t{8});
    QCOMPARE(line("power", "ups"), std::int64_t{2});
    QCOMPARE(line("power", "bw"), std::int64_t{2});
    QCOMPARE(line("power", "grid"), std::int64_t{1});
    QCOMPARE(line("cooling", "chiller"), std::int64_t{2});
    QCOMPARE(line("switch", "sw64"), std::int64_t{1});
    QCOMPARE(line("transceiver", "mm"), e.fabric.transceivers);
    // A NIC end takes the medium's part, a switch end one module per port; a twin-port cage takes
    // one module for two links, on its own line that says so.
    auto ends = [](const engine::Evaluation& ev, const char* detail) {
      std::int64_t n = 0;
      for (const auto& l : ev.bom)
        if (l.category == "transceiver" && l.detail.find(detail) != std::string::npos) n += l.count;
      return n;
    };
    QCOMPARE(ends(e, "NIC end"), e.fabric.nicTransceivers);
    QCOMPARE(ends(e, "switch end"), e.fabric.transceivers - e.fabric.nicTransceivers);
    QCOMPARE(ends(e, "2 links per module"), std::int64_t{0});
    s.catalog.switches["sw64"].cages = 32;
    const auto twin = engine::evaluate(s.design, s.layout, s.catalog);
    std::int64_t switchEnds = 0;
    for (const fabric::CableGroup& g : twin.fabric.cables) switchEnds += g.switchEnds;
    const std::int64_t twinModules = ends(twin, "2 links per module");
    QCOMPARE(ends(twin, "NIC end") + twinModules, twin.fabric.transceivers);
    QVERIFY2(twinModules > 0 && twinModules * 2 >= switchEnds && twinModules < switchEnds,
             qPrintable(QString("%1 modules for %2 switch ends").arg(twinModules).arg(switchEnds)));
    for (const auto& l : twin.bom)
      if (l.detail.find("2 links per module") != std::string::npos)
        QVERIFY2(l.name.rfind("Twin-port module for 2 × 400 Gb/s links, as ", 0) == 0, l.name.c_str());
    QCOMPARE(line("cable", "mm") + line("cable", "dac"), e.fabric.totalCables);
    // Categories in their documented order.
    const std::vector<std::string> order = {"rack", "power", "cooling", "switch", "transceiver", "cable"};
    int last = 0;
    for (const auto& l : e.bom) {
      const int at = static_cast<int>(std::find(order.begin(), order.end(), l.category) - order.begin());
      QVERIFY(at >= last && at < 6);
      last = at;
    }
  }

  void networkRacksCarryTheirSwitches() {
    Site s;
    buildSite(s);
    // A second row of two network racks, fed A/B like the compute racks, with the leaf in it.
    const int first = static_cast<int>(s.layout.racks.size());
    s.rack("net-1", "net", 2, 9, s.layout.powerIndex["bus-a"], s.layout.powerIndex["bus-b"]);
    s.rack("net-2", "net", 2.6, 9, s.layout.powerIndex["bus-a"], s.layout.powerIndex["bus-b"]);
    design::Row row;
    row.id = "net1";
    row.firstRack = first;
    row.rackCount = 2;
    row.start = {2, 9};
    row.end = {2.6, 9};
    for (int r = first; r < first + 2; ++r) s.layout.racks[r].row = 1;
    s.layout.rows.push_back(row);
    s.layout.rowIndex["net1"] = 1;
    s.layout.rows[0].rackCount = first;
    s.design.network.leafPlacement = design::LeafPlacement::NetworkRow;
    s.design.network.networkRows = {"net1"};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY2(e.fabric.problem.empty(), e.fabric.problem.c_str());
    const int holder = e.fabric.switches[0].rack;
    QVERIFY(holder == first || holder == first + 1);
    const int empty = holder == first ? first + 1 : first;
    // The rack with the leaf draws the leaf and the optics; the other its catalog 10 kW — both network.
    const double leaf = e.fabric.switchPower + e.fabric.opticsPower;
    QVERIFY(qFuzzyCompare(e.rackPower[holder], leaf));
    QCOMPARE(e.rackPower[empty], 10e3);
    QVERIFY(qFuzzyCompare(e.power.network, leaf + 10e3));
    QCOMPARE(e.power.it, 800e3);
    QCOMPARE(e.compute.networkRacks, 2);
  }

  void fabricFindings_data() {
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");
    QTest::newRow("spine 3 km away") << 0 << "fabric.cable-too-long" << int(engine::Severity::Error);
    QTest::newRow("one tier for four rails") << 1 << "fabric.ports-exhausted" << int(engine::Severity::Error);
    QTest::newRow("no switch model") << 2 << "fabric.not-synthesised" << int(engine::Severity::Warning);
    QTest::newRow("network row not found") << 3 << "fabric.assumption" << int(engine::Severity::Info);
    QTest::newRow("core room off the site") << 4 << "fabric.core-room-placement" << int(engine::Severity::Warning);
    QTest::newRow("core room into a hall") << 5 << "fabric.core-room-placement" << int(engine::Severity::Warning);
  }
  void fabricFindings() {
    QFETCH(int, variant);
    QFETCH(QString, code);
    QFETCH(int, severity);
    Site s;
    buildSite(s);
    auto& plan = s.design.network;
    switch (variant) {
      case 0:
        plan.tiers = 2;
        plan.spinePosition = {3000, 0};
        plan.spinePositionSet = true;
        break;
      case 1:
        plan.topology = design::Topology::RailOptimizedFatTree;
        plan.tiers = 1;
        break;
      case 2:
        plan.switchModel.clear();
        break;
      case 3:
        plan.leafPlacement = design::LeafPlacement::NetworkRow;
        plan.networkRows = {"no-such-row"};
        break;
      case 4:  // on the site's edge: half the room stands outside
        plan.tiers = 2;
        s.design.site.size = {100, 100};
        plan.spinePosition = {100, 50};
        plan.spinePositionSet = true;
        break;
      case 5:  // just outside the hall's corner (hall h1: 0–40 m × 0–20 m): the room reaches in
        plan.tiers = 2;
        s.design.site.size = {200, 200};
        plan.spinePosition = {40.2, 20.5};
        plan.spinePositionSet = true;
        break;
    }
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [&](const engine::Finding& f) { return f.code == code.toStdString(); });
    QVERIFY2(it != e.findings.end(), qPrintable(code));
    QCOMPARE(int(it->severity), severity);
    QVERIFY(!it->message.empty());
    if (variant == 0) {
      QVERIFY(it->value > 3000);
      QCOMPARE(it->limit, 50.0);  // the multimode reach
      QVERIFY(it->object.rfind("leaf", 0) == 0);
    }
    if (variant == 1) {
      QCOMPARE(it->value, double(e.fabric.portShortfalls[0].needed));
      QCOMPARE(it->limit, double(e.fabric.portShortfalls[0].available));
    }
    if (variant == 4 || variant == 5) {
      QVERIFY(e.fabric.coreRoomSwitches > 0);
      QVERIFY2(it->message.find(variant == 4 ? "the site" : "hall h1") != std::string::npos, it->message.c_str());
      // In open ground the same room raises nothing.
      s.design.network.spinePosition = {150, 150};
      s.design.site.size = {300, 300};
      const auto open = engine::evaluate(s.design, s.layout, s.catalog);
      QVERIFY(std::none_of(open.findings.begin(), open.findings.end(),
                           [](const engine::Finding& f) { return f.code == "fabric.core-room-placement"; }));
    }
  }

  void layoutFindings() {
    Site s;
    buildSite(s);
    s.layout.racks[0].position = {0.1, 5};                    // 0.6 m wide: 0.2 m past the hall's x = 0
    s.layout.racks[3].position = s.layout.racks[2].position;  // stacked on rack3
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "layout.rack-outside-hall", "rack1"), 1);
    QCOMPARE(countCode(e, "layout.rack-outside-hall"), 1);
    QCOMPARE(countCode(e, "layout.racks-overlap", "rack3"), 1);
    QCOMPARE(countCode(e, "layout.racks-overlap"), 1);
  }

  void findingsSortedBySeverity() {
    Site s;
    buildSite(s);
    // warning: the two 500 kW chillers carry ~820 kW, no N+1
    s.layout.racks[1].feedA = s.layout.racks[1].feedB = design::kNone;   // error
    s.design.network.leafPlacement = design::LeafPlacement::NetworkRow;  // info (fallback note)
    s.design.network.networkRows = {"nothing"};
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(e.errors >= 1 && e.warnings >= 1 && e.infos >= 1);
    QVERIFY(std::is_sorted(e.findings.begin(), e.findings.end(),
                           [](const auto& a, const auto& b) { return a.severity > b.severity; }));
    QCOMPARE(e.errors + e.warnings + e.infos, int(e.findings.size()));
  }

  void jsonHasTheStableKeys() {
    Site s;
    buildSite(s);
    s.layout.racks[0].cdu = design::kNone;  // one error to list first
    s.design.site.maxFailureShare = 1;      // the small hall is one failure domain; not this test's finding
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const QJsonObject j = parse(engine::evaluationToJson(e, s.layout));
    QCOMPARE(j["gpus"].toInt(), 32);
    QCOMPARE(j["racks"].toInt(), 8);
    const std::vector<std::pair<QString, QStringList>> keys = {
        {"compute", {"peak_bf16_pflops", "peak_fp8_pflops", "peak_fp4_pflops"}},
        {"fabric", {"tiers", "switches", "bisection_tbps", "transceivers", "optics_power_mw"}},
        {"power", {"it_mw", "facility_mw", "pue", "source_capacity_mw"}},
        {"cooling", {"heat_mw", "capacity_mw", "power_mw"}},
        {"reliability", {"largest_failure_domain_gpus"}}};
    for (const auto& [section, names] : keys)
      for (const QString& name : names)
        QVERIFY2(j[section].toObject().contains(name), qPrintable(section + "." + name));
    QCOMPARE(j["compute"]["peak_bf16_pflops"].toDouble(), 32.0);
    QCOMPARE(j["fabric"]["switches"].toInt(), 1);
    // Each GPU type's injection, and what bounds the bisection, as the report words it.
    const QJsonArray injection = j["fabric"]["injection_by_gpu"].toArray();
    QCOMPARE(injection.size(), qsizetype(e.fabric.gpuLinks.size()));
    QCOMPARE(injection[0].toObject()["gpus"].toInt(), 32);
    QCOMPARE(injection[0].toObject()["injection_gbps"].toDouble(), e.fabric.gpuLinks[0].injection * 8 / 1e9);
    QCOMPARE(j["fabric"]["bisection_bound"].toString(), QString::fromStdString(fabric::bisectionBoundText(e.fabric)));
    QVERIFY(std::fabs(j["power"]["pue"].toDouble() - e.power.pue) < 1e-8);  // 9 significant digits
    QVERIFY(qFuzzyCompare(j["power"]["it_mw"].toDouble(), 0.8));
    QCOMPARE(j["reliability"]["largest_failure_domain_gpus"].toInt(), 32);
    QCOMPARE(j["bom"].toArray().size(), qsizetype(e.bom.size()));
    const QJsonArray findings = j["findings"].toArray();
    QCOMPARE(findings.size(), qsizetype(e.findings.size()));
    const QJsonObject first = findings[0].toObject();
    for (const char* k : {"severity", "object", "code", "message", "value", "limit"}) QVERIFY(first.contains(k));
    QCOMPARE(first["code"].toString(), QString("cooling.not-cooled"));
    QCOMPARE(first["severity"].toString(), QString("error"));
    QVERIFY(!j.contains("objects"));
  }

  void jsonPerObjectValues() {
    Site s;
    const Chain c = buildSite(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const QJsonObject j = parse(engine::evaluationToJson(e, s.layout, {.objects = true}));
    const QJsonArray racks = j["objects"]["racks"].toArray();
    QCOMPARE(racks.size(), qsizetype(8));
    QCOMPARE(racks[0].toObject()["id"].toString(), QString("rack1"));
    QCOMPARE(racks[0].toObject()["power_kw"].toDouble(), 100.0);
    QCOMPARE(racks[0].toObject()["failure_domain"].toString(), QString("tx1"));
    const QJsonArray power = j["objects"]["power"].toArray();
    QCOMPARE(power[c.tx].toObject()["failure_gpus"].toInt(), 32);
    QCOMPARE(j["objects"]["cooling"].toArray().size(), qsizetype(4));
  }
};

QTEST_GUILESS_MAIN(TestEvaluate)
#include "test_evaluate.moc"
