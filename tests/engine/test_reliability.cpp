// Failure domains: GPUs stopped by each power node and cooling unit failing alone, on small
// hand-built sites whose answers can be read off the drawing.
#include <QtTest>

#include <algorithm>

#include "core/evaluate/evaluation.h"
#include "engine_fixture.h"

using namespace gigaplan;
using design::CoolingKind;
using design::PowerKind;
using engine::fixture::buildChain;
using engine::fixture::Chain;
using engine::fixture::Site;
using reliability::Element;

class TestReliability : public QObject {
  Q_OBJECT
 private slots:
  void abRacksSurviveOneFeed() {
    Site s;
    const Chain c = buildChain(s);  // 4 racks × 4 GPUs, A from busway A, B from busway B
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& fd = e.reliability;
    QCOMPARE(fd.powerGpus[c.busA], std::int64_t{0});
    QCOMPARE(fd.powerGpus[c.upsA], std::int64_t{0});
    QCOMPARE(fd.powerGpus[c.tx], std::int64_t{16});
    QCOMPARE(fd.powerRacks[c.tx], 4);
    QCOMPARE(fd.powerGpus[c.grid], std::int64_t{16});
    // The grid is a source: the headline is the transformer.
    QCOMPARE(fd.largestGpus, std::int64_t{16});
    QCOMPARE(fd.largestId, std::string("tx1"));
    QVERIFY(fd.largest == (Element{Element::Kind::Power, c.tx}));
    QVERIFY(fd.rackDomain[c.racks[0]] == (Element{Element::Kind::Power, c.tx}));
    QCOMPARE(e.rackFailureDomainGpus[c.racks[0]], std::int64_t{16});
    QCOMPARE(reliability::largestDomainText(fd), std::string("16 GPUs behind tx1"));
  }

  void singleFedRacksFollowTheirChain() {
    Site s;
    const Chain c = buildChain(s, 2);
    const int single = s.rack("single", "r100", 5, 5, c.busA);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& fd = e.reliability;
    QCOMPARE(fd.powerGpus[c.busA], std::int64_t{4});
    QCOMPARE(fd.powerGpus[c.upsA], std::int64_t{4});
    QCOMPARE(fd.powerGpus[c.busB], std::int64_t{0});
    QCOMPARE(fd.powerGpus[c.tx], std::int64_t{12});
    // The single-fed rack's biggest non-source domain is still the transformer.
    QVERIFY(fd.rackDomain[single] == (Element{Element::Kind::Power, c.tx}));
  }

  void feedsFromTwoTransformersLeaveOnlyTheGrid() {
    Site s;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int t1 = s.power("tx-1", PowerKind::Transformer, "tx", {grid});
    const int t2 = s.power("tx-2", PowerKind::Transformer, "tx", {grid});
    const int b1 = s.power("bus-1", PowerKind::Busway, "bw", {t1});
    const int b2 = s.power("bus-2", PowerKind::Busway, "bw", {t2});
    s.rack("rack1", "r100", 2, 5, b1, b2);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(e.reliability.powerGpus[t1], std::int64_t{0});
    QCOMPARE(e.reliability.powerGpus[grid], std::int64_t{4});
    QCOMPARE(e.reliability.largestGpus, std::int64_t{0});
    QVERIFY(e.reliability.largestId.empty());
    QVERIFY(e.reliability.rackDomain[0].kind == Element::Kind::None);
    // Said as such, not as "0 GPUs ()": every view calls this text.
    QCOMPARE(reliability::largestDomainText(e.reliability),
             std::string("none (no single power or cooling element stops a rack; the sources and a switch's own "
                         "failure are not counted)"));
  }

  void coolingStopsRacks_data() {
    QTest::addColumn<bool>("twoChillers");
    QTest::addColumn<double>("liquidFraction");
    QTest::addColumn<int>("chillerGpus");
    QTest::addColumn<int>("ahuGpus");
    QTest::addColumn<int>("mechGpus");
    // 4 racks on one CDU fed by "mech" (single-fed from the transformer).
    QTest::newRow("one chiller, hybrid racks") << false << 0.8 << 16 << 16 << 16;
    QTest::newRow("two chillers: either may fail") << true << 0.8 << 0 << 16 << 16;
    QTest::newRow("fully liquid racks ignore the air handler") << true << 1.0 << 0 << 0 << 16;
  }
  void coolingStopsRacks() {
    QFETCH(bool, twoChillers);
    QFETCH(double, liquidFraction);
    QFETCH(int, chillerGpus);
    QFETCH(int, ahuGpus);
    QFETCH(int, mechGpus);
    Site s;
    s.catalog.racks["r100"].liquidFraction = liquidFraction;
    const Chain c = buildChain(s);
    const int mech = s.power("mech", PowerKind::Busway, "bw", {c.tx});
    const int ch1 = s.cooling("ch1", CoolingKind::Chiller, "chiller", {});
    const int ch2 = s.cooling("ch2", CoolingKind::Chiller, "chiller", {});
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {}, mech);
    s.layout.cooling[cdu].rejectsTo = twoChillers ? std::vector<int>{ch1, ch2} : std::vector<int>{ch1};
    const int ahu = s.cooling("ahu1", CoolingKind::AirHandler, "ahu", {});
    for (int r : c.racks) {
      s.layout.racks[r].cdu = cdu;
      s.layout.racks[r].airHandler = ahu;
    }
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& fd = e.reliability;
    QCOMPARE(fd.coolingGpus[cdu], std::int64_t{16});
    QCOMPARE(fd.coolingGpus[ch1], std::int64_t(chillerGpus));
    QCOMPARE(fd.coolingGpus[ch2], std::int64_t{0});
    QCOMPARE(fd.coolingGpus[ahu], std::int64_t(ahuGpus));
    // The busway feeding the CDU's pumps stops the racks although it feeds none of them.
    QCOMPARE(fd.powerGpus[mech], std::int64_t(mechGpus));
    QCOMPARE(fd.powerGpus[c.busA], std::int64_t{0});
    QCOMPARE(fd.largestGpus, std::int64_t{16});
    // Ties go to the first element found: the transformer (a power node) before any cooling unit.
    QCOMPARE(fd.largestId, std::string("tx1"));
  }

  // A GPU whose leaf switch stops is off the fabric: the leaf's power and cooling stop its racks.
  void leavesStopTheirRacks_data() {
    QTest::addColumn<bool>("networkRow");  // the leaf in a network rack (else beside the row)
    QTest::addColumn<bool>("singleFed");   // that network rack on bus-a only (else A/B)
    QTest::addColumn<int>("busAGpus");
    QTest::addColumn<int>("busARacks");
    QTest::addColumn<int>("ahuGpus");  // the network rack's air handler
    // Beside the row the leaf takes the end rack's two feeds on its two supplies: bus-a alone
    // stops nothing, as for the racks.
    QTest::newRow("beside the row, A/B") << false << false << 0 << 0 << 0;
    QTest::newRow("network rack, A/B") << true << false << 0 << 0 << 16;
    // A network rack on one feed takes every GPU linked to its leaf with it (and itself).
    QTest::newRow("network rack, bus-a only") << true << true << 16 << 5 << 16;
  }
  void leavesStopTheirRacks() {
    QFETCH(bool, networkRow);
    QFETCH(bool, singleFed);
    QFETCH(int, busAGpus);
    QFETCH(int, busARacks);
    QFETCH(int, ahuGpus);
    Site s;
    engine::fixture::addNetworkCatalog(s);
    const Chain c = buildChain(s);  // 4 racks × 4 GPUs, A/B
    engine::fixture::closeRow(s);
    const int ahu = s.cooling("ahu-net", CoolingKind::AirHandler, "ahu", {});
    if (networkRow) {
      const int net = s.rack("net-1", "net", 2, 9, c.busA, singleFed ? design::kNone : c.busB, design::kNone, ahu);
      design::Row row;
      row.id = "net1";
      row.hall = 0;
      row.firstRack = net;
      row.rackCount = 1;
      row.start = row.end = {2, 9};
      s.layout.racks[net].row = 1;
      s.layout.rowIndex[row.id] = 1;
      s.layout.rows.push_back(row);
      s.design.network.leafPlacement = design::LeafPlacement::NetworkRow;
      s.design.network.networkRows = {"net1"};
    }
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY2(e.fabric.problem.empty(), e.fabric.problem.c_str());
    QCOMPARE(e.fabric.switches.size(), std::size_t{1});
    QCOMPARE(e.fabric.switches[0].rack != design::kNone, networkRow);
    const auto& fd = e.reliability;
    QCOMPARE(fd.powerGpus[c.busA], std::int64_t(busAGpus));
    QCOMPARE(fd.powerGpus[c.upsA], std::int64_t(busAGpus));
    QCOMPARE(fd.powerRacks[c.busA], busARacks);
    QCOMPARE(fd.powerGpus[c.busB], std::int64_t{0});
    QCOMPARE(fd.coolingGpus[ahu], std::int64_t(ahuGpus));
    QCOMPARE(fd.powerGpus[c.tx], std::int64_t{16});
  }

  void biggestDomainPerRack() {
    Site s;
    const Chain c = buildChain(s, 2);
    // A second transformer feeds two more racks A/B: tx1 has 8 GPUs, tx2 8; a CDU shared by all
    // four racks has 16 and is the biggest thing that stops each rack.
    const int tx2 = s.power("tx2", PowerKind::Transformer, "tx", {c.grid});
    const int a2 = s.power("bus-a2", PowerKind::Busway, "bw", {tx2});
    const int b2 = s.power("bus-b2", PowerKind::Busway, "bw", {tx2});
    s.rack("rack3", "r100", 4, 5, a2, b2);
    s.rack("rack4", "r100", 5, 5, a2, b2);
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {});
    for (auto& r : s.layout.racks) r.cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(e.reliability.powerGpus[c.tx], std::int64_t{8});
    QCOMPARE(e.reliability.powerGpus[tx2], std::int64_t{8});
    QCOMPARE(e.reliability.coolingGpus[cdu], std::int64_t{16});
    for (const auto& d : e.reliability.rackDomain) QVERIFY(d == (Element{Element::Kind::Cooling, cdu}));
    QCOMPARE(e.reliability.largestId, std::string("cdu1"));
  }

  void coolingBanksFailOneUnitAtATime_data() {
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("cduGpus");
    // 4 racks × 80 kW liquid = 320 kW on a CDU bank of 400 kW units (fixture "cdu").
    // 2 units: one out leaves 400 kW ≥ 320 kW → one unit failing stops nothing.
    QTest::newRow("two units, one spare") << 2 << 0;
    // 1 unit: its failure stops all 16 GPUs (as before).
    QTest::newRow("one unit") << 1 << 16;
  }
  void coolingBanksFailOneUnitAtATime() {
    QFETCH(int, units);
    QFETCH(int, cduGpus);
    Site s;
    const Chain c = buildChain(s);
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {}, design::kNone, units);
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(e.reliability.coolingGpus[cdu], std::int64_t(cduGpus));
  }

  void coolingBankWithoutSpareStopsWhole() {
    // 8 racks × 80 kW = 640 kW on two 400 kW CDU units: one out leaves 400 kW < 640 kW, the
    // other trips: all 32 GPUs stop. (The cooling N+1 check warns about the same bank.)
    Site s;
    const Chain c = buildChain(s, 8);
    const int cdu = s.cooling("cdu1", CoolingKind::Cdu, "cdu", {}, design::kNone, 2);
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(e.reliability.coolingGpus[cdu], std::int64_t{32});
    QCOMPARE(engine::fixture::countCode(e, "cooling.redundancy-lost", "cdu1"), 1);
  }

  void largeFailureDomainWarns_data() {
    QTest::addColumn<double>("maxShare");
    QTest::addColumn<int>("warnings");
    // Two transformers each feed 2 racks A/B (8 of the site's 16 GPUs: 50 % each). A/B racks
    // survive one UPS or busway, and the grid is a source (not counted), so only tx1 and tx2 stop
    // GPUs. 10 % (the default): both warn.
    QTest::newRow("default 10 %") << 0.10 << 2;
    // 50 %: exactly the limit is allowed.
    QTest::newRow("50 % allowed") << 0.50 << 0;
    QTest::newRow("49 %") << 0.49 << 2;
  }
  void largeFailureDomainWarns() {
    QFETCH(double, maxShare);
    QFETCH(int, warnings);
    Site s;
    s.design.site.maxFailureShare = maxShare;
    const Chain c = buildChain(s, 2);
    const int tx2 = s.power("tx2", PowerKind::Transformer, "tx", {c.grid});
    const int a2 = s.power("bus-a2", PowerKind::Busway, "bw", {tx2});
    const int b2 = s.power("bus-b2", PowerKind::Busway, "bw", {tx2});
    s.rack("rack3", "r100", 4, 5, a2, b2);
    s.rack("rack4", "r100", 5, 5, a2, b2);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(e.reliability.siteGpus, std::int64_t{16});
    QCOMPARE(engine::fixture::countCode(e, "reliability.large-failure-domain"), warnings);
    if (warnings == 0) return;
    QCOMPARE(engine::fixture::countCode(e, "reliability.large-failure-domain", "tx1"), 1);
    QCOMPARE(engine::fixture::countCode(e, "reliability.large-failure-domain", "tx2"), 1);
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [](const engine::Finding& f) { return f.code == "reliability.large-failure-domain"; });
    QVERIFY(it->severity == engine::Severity::Warning);
    QCOMPARE(it->value, 0.5);
    QCOMPARE(it->limit, maxShare);
    if (maxShare == 0.10)
      QCOMPARE(QString::fromStdString(it->message),
               QString("A single failure of tx1 stops 8 GPUs (50 % of the site's 16); the design allows 10 % "
                       "(site.max_failure_share). Feed its load from two sides, add a spare unit, or state the risk "
                       "and raise the share"));
  }
};

QTEST_GUILESS_MAIN(TestReliability)
#include "test_reliability.moc"
