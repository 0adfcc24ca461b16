// analyzeFabric on hand-built layouts: NVIDIA SuperPOD switch counts, a small design computed by
// hand (switches, cables by medium, transceivers, optics power), oversubscription, pods, port
// and reach checks, leaf placement, breakout and planes.
#include <QTest>

#include <numeric>

#include "core/fabric/fabric.h"
#include "tests/fabric/fabric_fixture.h"

using namespace gigaplan;
using namespace gigaplan::fabric;
using design::kNone;
using fixture::kGbps;

namespace {

design::NetworkPlan qm9700Plan() {
  design::NetworkPlan p;
  p.switchModel = "qm9700";
  return p;
}

qint64 cablesOf(const FabricResult& r, const std::string& medium, int bucket = -1) {
  qint64 n = 0;
  for (const auto& c : r.cables)
    if (c.medium == medium && (bucket < 0 || c.bucket == bucket)) n += c.count;
  return n;
}

qint64 allLinks(const FabricResult& r) {
  qint64 n = 0;
  for (const auto& t : r.tierStats) n += t.linksUp;
  return n + r.endpoints;
}

}  // namespace

class TestFabric : public QObject {
  Q_OBJECT
 private slots:
  // NVIDIA DGX SuperPOD (H100) reference architecture: 8 racks × 4 DGX per SU.
  void superPodCounts_data() {
    QTest::addColumn<int>("su");
    QTest::addColumn<qint64>("leaves");
    QTest::addColumn<qint64>("spines");
    QTest::addColumn<qint64>("cores");
    QTest::newRow("2 SU") << 2 << qint64(16) << qint64(8) << qint64(0);
    QTest::newRow("4 SU") << 4 << qint64(32) << qint64(16) << qint64(0);
    QTest::newRow("8 SU") << 8 << qint64(64) << qint64(32) << qint64(0);
    QTest::newRow("16 SU") << 16 << qint64(128) << qint64(128) << qint64(64);
  }
  void superPodCounts() {
    QFETCH(int, su);
    QFETCH(qint64, leaves);
    QFETCH(qint64, spines);
    QFETCH(qint64, cores);
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, su, 8, "dgx-h100-rack");
    const auto r = analyzeFabric(layout, qm9700Plan(), cat);
    QVERIFY2(r.problem.empty(), r.problem.c_str());
    const qint64 gpus = su * 256;
    QCOMPARE(qint64(r.gpus), gpus);
    QCOMPARE(r.tiers, cores > 0 ? 3 : 2);
    QCOMPARE(qint64(r.tierStats[0].switches), leaves);
    QCOMPARE(qint64(r.tierStats[1].switches), spines);
    QCOMPARE(qint64(r.tiers == 3 ? r.tierStats[2].switches : 0), cores);
    QCOMPARE(qint64(r.totalSwitches), leaves + spines + cores);
    QCOMPARE(qint64(r.tierStats[0].linksDown), gpus);  // node–leaf cables
    QCOMPARE(qint64(r.tierStats[0].linksUp), gpus);    // leaf–spine cables
    QCOMPARE(r.leafGroups, su);
    QCOMPARE(r.rails, 8);
    QCOMPARE(qint64(r.totalCables), allLinks(r));
    QVERIFY(r.portShortfalls.empty());
    QCOMPARE(r.bisectionBandwidth, gpus * 400 * kGbps / 2);
    QCOMPARE(int(r.switches.size()), int(r.totalSwitches));
    // Each SU is one rail group; 16 SU forms four pods of 4 SU.
    QCOMPARE(r.rackRailGroup[8 * (su - 1)], su - 1);
    QCOMPARE(r.pods, cores > 0 ? 4 : 1);
    QCOMPARE(r.rackPod.back(), r.pods - 1);
  }

  // One row of 4 DGX racks (128 GPUs) worked by hand:
  //   racks at x = 0, 0.6, 1.2, 1.8; the leaf rack at the row end x = 2.4; spine room at (2.4, 10).
  //   drops: tray 2.2 m − ports 1.2 m = 1 m each end; slack 10 %.
  //   rack → leaf: (2.4|1.8|1.2|0.6 + 2) × 1.1 = 4.84, 4.18, 3.52, 2.86 m, 32 cables each
  //     → 32 passive copper (≤3 m), 96 multimode (≤5 m)
  //   leaf → spine: (10 + 2) × 1.1 = 13.2 m, 8 leaves × 16 up = 128 multimode (≤30 m)
  //   switches: 8 leaves (one per rail, 16 down + 16 up used), 2 spines (128 / 64)
  //   transceivers: (96 + 128) × 2 = 448; optics 448 × 9 W = 4,032 W; switch power 10 × 1.7 kW.
  void smallDesignByHand() {
    const auto cat = fixture::makeCatalog();
    design::Layout layout;
    layout.halls.push_back({"h1", "", {-5, -5}, {30, 30}});
    fixture::addRow(layout, cat, "row1", "dgx-h100-rack", 4, {0, 0});
    auto plan = qm9700Plan();
    plan.trayHeight = 2.2;
    plan.slack = 0.1;
    plan.spinePosition = {2.4, 10};
    plan.spinePositionSet = true;
    const auto r = analyzeFabric(layout, plan, cat);
    QVERIFY2(r.problem.empty(), r.problem.c_str());
    QCOMPARE(r.tiers, 2);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(8));
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(2));
    QCOMPARE(qint64(r.totalSwitches), qint64(10));
    QCOMPARE(qint64(r.tierStats[0].portsUsed), qint64(256));
    QCOMPARE(qint64(r.tierStats[0].portsFree), qint64(256));
    QCOMPARE(qint64(r.tierStats[1].portsFree), qint64(0));
    QCOMPARE(cablesOf(r, "dac-400g", 0), qint64(32));
    QCOMPARE(cablesOf(r, "mm-400g", 1), qint64(96));
    QCOMPARE(cablesOf(r, "mm-400g", 3), qint64(128));
    QCOMPARE(qint64(r.totalCables), qint64(256));
    QCOMPARE(r.totalCableLength, 32 * (4.84 + 4.18 + 3.52 + 2.86) + 128 * 13.2);
    QCOMPARE(qint64(r.transceivers), qint64(448));
    QCOMPARE(r.opticsPower, 4032.0);
    QCOMPARE(r.switchPower, 17000.0);
    QCOMPARE(r.maxHops, 3);
    QCOMPARE(r.injectionBandwidth, 400 * kGbps);
    QCOMPARE(r.bisectionBandwidth, 128 * 400 * kGbps / 2);
    // Leaves stand one pitch past the row end, fed like the last rack, in the hall.
    const auto& leaf = r.switches[0];
    QCOMPARE(leaf.position.x, 2.4);
    QCOMPARE(leaf.position.y, 0.0);
    QCOMPARE(leaf.feed, layout.racks[3].feedA);
    QCOMPARE(leaf.hall, 0);
    QCOMPARE(switchId(leaf), std::string("leaf-g1-r1"));
    QCOMPARE(switchId(r.switches[7]), std::string("leaf-g1-r8"));
    QCOMPARE(switchId(r.switches[9]), std::string("spine-2"));
    QCOMPARE(r.switches[9].tier, 2);
    QVERIFY(std::abs(r.switches[9].position.y - 10) < 1.0);  // in the spine room
    // Collectives: NVLink inside the DGX, the NIC rate across the non-blocking fabric.
    QCOMPARE(r.collective(Level::ScaleUp).groupGpus, 8);
    QCOMPARE(r.collective(Level::ScaleUp).allReduce, 450e9);
    QCOMPARE(r.collective(Level::Site).groupGpus, 128);
    QCOMPARE(r.collective(Level::Site).allGather, 400 * kGbps);
    QCOMPARE(r.collective(Level::Site).switchHops, 3);
    QVERIFY(r.collective(Level::Site).allReduceLatency > r.collective(Level::ScaleUp).allReduceLatency);
  }

  void oversubscriptionHalvesBisection() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    const auto full = analyzeFabric(layout, plan, cat);
    plan.oversubscription = 2;
    const auto half = analyzeFabric(layout, plan, cat);
    QCOMPARE(half.bisectionBandwidth, full.bisectionBandwidth / 2);
    QCOMPARE(half.tierStats[0].oversubscription, 2.0);
    QCOMPARE(qint64(half.tierStats[0].linksUp), qint64(256));
    QCOMPARE(half.collective(Level::Site).allReduce, full.collective(Level::Site).allReduce / 2);
    QVERIFY(half.totalSwitches < full.totalSwitches);  // 42 GPUs per leaf: fewer spines
  }

  void podsWithOversubscriptionAbove() {
    // 4 SU in pods of 512 GPUs, 4:1 above the pod: spines of 51 down / 13 up.
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 4, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.podGpus = 512;
    plan.oversubscriptionAbovePod = 4;
    const auto r = analyzeFabric(layout, plan, cat);
    QVERIFY2(r.problem.empty(), r.problem.c_str());
    QCOMPARE(r.pods, 2);
    QCOMPARE(r.podGpus, 512);
    QCOMPARE(r.tiers, 3);
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(22));  // 2 pods × ceil(512 / 51)
    QCOMPARE(qint64(r.tierStats[1].linksUp), qint64(262));  // 2 × (10 × 13 + 1)
    QCOMPARE(qint64(r.tierStats[2].switches), qint64(5));   // ceil(262 / 64)
    QCOMPARE(r.bisectionBandwidth, 262 * 400 * kGbps / 2);
    QCOMPARE(r.collective(Level::Pod).groupGpus, 512);
    QCOMPARE(r.collective(Level::Pod).allReduce, 400 * kGbps);
    QCOMPARE(r.collective(Level::Site).allReduce, 400 * kGbps * 262 / 1024);
    QCOMPARE(r.rackPod[0], 0);
    QCOMPARE(r.rackPod[16], 1);
    QCOMPARE(r.switches.back().group, kNone);  // core above the pods
  }

  void portsExhausted_data() {
    QTest::addColumn<int>("topology");
    QTest::addColumn<int>("tiers");
    QTest::newRow("fat tree forced to 2 tiers") << int(design::Topology::RailOptimizedFatTree) << 2;
    QTest::newRow("leaf-spine") << int(design::Topology::LeafSpine) << 0;
  }
  void portsExhausted() {
    QFETCH(int, topology);
    QFETCH(int, tiers);
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 16, 8, "dgx-h100-rack");  // 4,096 GPUs
    auto plan = qm9700Plan();
    plan.topology = design::Topology(topology);
    plan.tiers = tiers;
    const auto r = analyzeFabric(layout, plan, cat);
    QCOMPARE(r.tiers, 2);
    QCOMPARE(int(r.portShortfalls.size()), 1);
    const auto& s = r.portShortfalls[0];
    QCOMPARE(s.kind, PortShortfall::Kind::SwitchPorts);
    QCOMPARE(s.tier, 2);
    QCOMPARE(qint64(s.needed), qint64(128));  // one port per leaf
    QCOMPARE(qint64(s.available), qint64(64));
    QVERIFY(!s.message.empty());
  }

  void singleTierWithRailsIsFlagged() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 2, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.tiers = 1;
    const auto r = analyzeFabric(layout, plan, cat);
    QCOMPARE(r.tiers, 1);
    QCOMPARE(int(r.portShortfalls.size()), 1);
    plan.topology = design::Topology::FatTree;  // 64 GPUs on one 64-port switch is fine
    QVERIFY(analyzeFabric(layout, plan, cat).portShortfalls.empty());
  }

  void cableBeyondEveryMediumIsFlagged() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.spinePosition = {3000, 0};
    plan.spinePositionSet = true;
    const auto r = analyzeFabric(layout, plan, cat);
    QVERIFY(!r.overlongCables.empty());
    qint64 n = 0;
    for (const auto& c : r.overlongCables) {
      QCOMPARE(c.tier, 2);
      QVERIFY(c.length > 2000);
      QCOMPARE(c.longestReach, 2000.0);
      QVERIFY(c.fromSwitch != kNone && r.switches[c.fromSwitch].tier == 1);
      n += c.count;
    }
    QCOMPARE(n, qint64(512));  // every leaf uplink
    QCOMPARE(qint64(r.totalCables), allLinks(r));  // still counted, with no medium
    QCOMPARE(cablesOf(r, "mm-400g") + cablesOf(r, "dac-400g"), qint64(512));
  }

  void middleOfRowPlacement() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 9, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.leafPlacement = design::LeafPlacement::MiddleOfRow;
    const auto r = analyzeFabric(layout, plan, cat);
    const auto& mid = layout.racks[4].position;
    QCOMPARE(r.switches[0].position.x, mid.x);
    QCOMPARE(r.switches[0].position.y, mid.y);
  }

  void networkRowPlacement() {
    auto cat = fixture::makeCatalog();
    auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    fixture::addRow(layout, cat, "net1", "network-rack", 4, {2, 2 + 2 * 3.6});
    auto plan = qm9700Plan();
    plan.leafPlacement = design::LeafPlacement::NetworkRow;
    plan.networkRows = {"net*"};
    auto r = analyzeFabric(layout, plan, cat);
    const int firstNet = layout.rows.back().firstRack;
    for (int i = 0; i < 16; ++i) {
      QVERIFY(r.switches[i].rack >= firstNet);
      QCOMPARE(r.switches[i].feed, layout.racks[r.switches[i].rack].feedA);
    }
    QVERIFY(r.switches[0].rack != r.switches[8].rack);  // 8 slots per rack: one SU per rack
    QVERIFY(r.portShortfalls.empty());
    QCOMPARE(r.rackPod[firstNet], kNone);  // network racks carry no GPUs
    QCOMPARE(r.rackRailGroup[firstNet], kNone);

    // With 2 slots per network rack an 8-rail group fits nowhere: the row is full.
    cat.racks["network-rack"].switchSlots = 2;
    r = analyzeFabric(layout, plan, cat);
    QVERIFY(!r.portShortfalls.empty());
    QCOMPARE(r.portShortfalls[0].kind, PortShortfall::Kind::RackSlots);
    QVERIFY(r.portShortfalls[0].rack >= firstNet);

    plan.networkRows = {"nothing-matches"};
    r = analyzeFabric(layout, plan, cat);
    QVERIFY(!r.notes.empty());  // fell back to the end of the row
    QCOMPARE(r.switches[0].rack, kNone);
  }

  void breakoutDoublesRadix() {
    // SN5600 64 × 800G with 400G NICs behaves as 128 × 400G: 512 GPUs fit one leaf group.
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.switchModel = "sn5600";
    const auto r = analyzeFabric(layout, plan, cat);
    QCOMPARE(r.breakout, 2);
    QCOMPARE(r.radix, 128);
    QCOMPARE(r.leafGroups, 1);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(8));
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(4));  // 512 uplinks / 128
    QCOMPARE(r.linkRate, 400 * kGbps);
  }

  void fastNicUsesPlanes() {
    // GB300 (800G ConnectX-8) on 400G QM9700 ports: two planes, 4 GPUs × 2 ports = 8 rails.
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 4, "gb300-nvl72");
    const auto r = analyzeFabric(layout, qm9700Plan(), cat);
    QCOMPARE(r.planes, 2);
    QCOMPARE(r.rails, 8);
    QCOMPARE(qint64(r.endpoints), qint64(2 * 288));
    QCOMPARE(r.injectionBandwidth, 800 * kGbps);
  }

  void nvl72RailGroups() {
    // 18 trays of 4 GPUs per rack, 32 trays per rail group: racks 1–2 start in group 0, rack 3 in 1.
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 8, "gb200-nvl72");
    const auto r = analyzeFabric(layout, qm9700Plan(), cat);
    QCOMPARE(r.rails, 4);
    QCOMPARE(r.leafGroupGpus, 128);
    QCOMPARE(r.rackRailGroup[0], 0);
    QCOMPARE(r.rackRailGroup[1], 0);
    QCOMPARE(r.rackRailGroup[2], 1);
    QCOMPARE(r.leafGroups, 5);  // 144 trays / 32
    QCOMPARE(qint64(r.tierStats[0].linksDown), qint64(576));
    QCOMPARE(r.collective(Level::ScaleUp).groupGpus, 72);
    QCOMPARE(r.collective(Level::ScaleUp).allReduce, 900e9);
  }

  void plainFatTreeLeaves() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.topology = design::Topology::FatTree;
    const auto r = analyzeFabric(layout, plan, cat);
    QCOMPARE(r.rails, 1);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(16));  // 512 / 32
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(8));
    QCOMPARE(switchId(r.switches[3]), std::string("leaf-4"));
    QCOMPARE(r.rackRailGroup[1], 1);  // 32 GPUs per rack = one leaf each
  }

  void problemsAreReported() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 2, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.switchModel = "no-such-switch";
    const auto r = analyzeFabric(layout, plan, cat);
    QVERIFY(!r.problem.empty());
    QCOMPARE(r.totalSwitches, std::int64_t(0));
    QCOMPARE(r.collective(Level::Site).allReduce, 400 * kGbps);  // assumed non-blocking
    QCOMPARE(int(r.rackPod.size()), 2);
    const auto none = analyzeFabric(design::Layout{}, qm9700Plan(), cat);
    QVERIFY(!none.problem.empty());
  }

  void planNicRateOverrides() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 2, "dgx-h100-rack");
    auto plan = qm9700Plan();
    plan.nicRate = 200 * kGbps;
    const auto r = analyzeFabric(layout, plan, cat);
    QCOMPARE(r.breakout, 2);  // 400G ports split to 200G
    QCOMPARE(r.injectionBandwidth, 200 * kGbps);
    QVERIFY(r.cables.empty() || r.cables[0].medium == "dac-400g" || r.cables[0].medium == "mm-400g");
  }
};

QTEST_APPLESS_MAIN(TestFabric)
#include "test_fabric.moc"
