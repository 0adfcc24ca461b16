// analyzeFabric on hand-built layouts: NVIDIA SuperPOD switch counts, a small design computed by
// hand (switches, cables by medium, transceivers, optics power), oversubscription, pods, port
// and reach checks, leaf placement, breakout and planes.
#include <QTest>

#include <numeric>

#include "core/fabric/fabric.h"
#include "core/fabric/placement.h"
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
  // Every row of NVIDIA's published DGX SuperPOD compute-fabric tables. Each SU is one row of
  // racks of 4 DGX systems; GigaPlan must reproduce the leaf, spine and core switch counts and the
  // cable counts per level. Cable columns hold -1 where the table gives none.
  void superPodTables_data() {
    QTest::addColumn<QString>("rack");
    QTest::addColumn<QString>("switchModel");
    QTest::addColumn<int>("racksPerSu");
    QTest::addColumn<int>("su");
    QTest::addColumn<bool>("ufmInLastSu");  // the last rack gives one DGX place to the UFM appliance
    QTest::addColumn<qint64>("gpus");
    QTest::addColumn<qint64>("leaves");
    QTest::addColumn<qint64>("spines");
    QTest::addColumn<qint64>("cores");
    QTest::addColumn<qint64>("nodeLeaf");
    QTest::addColumn<qint64>("leafSpine");
    QTest::addColumn<qint64>("spineCore");
    QTest::addColumn<int>("tiersAsked");   // 0: as few as the size needs
    QTest::addColumn<int>("suPerPod");     // pods under the core (three tiers)
    QTest::addColumn<int>("groupsPerSu");  // leaf groups (one leaf per rail each)

    // NVIDIA DGX SuperPOD Reference Architecture featuring DGX H100 systems (RA-11333-001),
    // docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-h100/latest/
    // network-fabrics.html, Table 4 "Compute fabric component count" (online edition, read 2026;
    // QM9700 NDR, 32 nodes per SU of which the last SU gives one to the UFM appliance):
    //   SU | nodes | GPUs | leaf | spine | compute and UFM cables | spine-leaf cables
    //    1 |   31  |  248 |   8  |   4   |   252                  |   256
    //    2 |   63  |  504 |  16  |   8   |   508                  |   512
    //    3 |   95  |  760 |  24  |  16   |   764                  |   768
    //    4 |  127  | 1016 |  32  |  16   |  1020                  |  1024
    // The compute-and-UFM column adds the UFM appliance's 4 ports to the 8 per node; GigaPlan counts
    // GPU links (248, 504, 760, 1016). The leaves of the short SU are cabled up in full (256 per SU).
    QTest::newRow("H100 1 SU") << "dgx-h100-rack"
                               << "qm9700" << 8 << 1 << true << qint64(248) << qint64(8) << qint64(4) << qint64(0)
                               << qint64(248) << qint64(256) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("H100 2 SU") << "dgx-h100-rack"
                               << "qm9700" << 8 << 2 << true << qint64(504) << qint64(16) << qint64(8) << qint64(0)
                               << qint64(504) << qint64(512) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("H100 3 SU") << "dgx-h100-rack"
                               << "qm9700" << 8 << 3 << true << qint64(760) << qint64(24) << qint64(16) << qint64(0)
                               << qint64(760) << qint64(768) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("H100 4 SU") << "dgx-h100-rack"
                               << "qm9700" << 8 << 4 << true << qint64(1016) << qint64(32) << qint64(16) << qint64(0)
                               << qint64(1016) << qint64(1024) << qint64(-1) << 0 << 0 << 1;

    // The same document (RA-11333-001 V11, 22 September 2023), Table 3 "Larger SuperPOD component
    // counts" (32 nodes per SU, no node given up to the UFM; the HTML edition prints the last row as
    // "56" SU, the PDF as 64, which its 2,048 nodes confirm):
    //   SU | nodes | GPUs  | leaf | spine | core | node-leaf | leaf-spine | spine-core
    //    4 |  128  |  1024 |  32  |  16   |  –   |   1024    |   1024     |     –
    //    8 |  256  |  2048 |  64  |  32   |  –   |   2048    |   2048     |     –
    //   16 |  512  |  4096 | 128  | 128   |  64  |   4096    |   4096     |   4096
    //   32 | 1024  |  8192 | 256  | 256   | 128  |   8192    |   8192     |   8192
    //   64 | 2048  | 16384 | 512  | 512   | 256  |  16384    |  16384     |  16384
    QTest::newRow("H100 larger 4 SU") << "dgx-h100-rack"
                                      << "qm9700" << 8 << 4 << false << qint64(1024) << qint64(32) << qint64(16)
                                      << qint64(0) << qint64(1024) << qint64(1024) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("H100 larger 8 SU") << "dgx-h100-rack"
                                      << "qm9700" << 8 << 8 << false << qint64(2048) << qint64(64) << qint64(32)
                                      << qint64(0) << qint64(2048) << qint64(2048) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("H100 larger 16 SU") << "dgx-h100-rack"
                                       << "qm9700" << 8 << 16 << false << qint64(4096) << qint64(128) << qint64(128)
                                       << qint64(64) << qint64(4096) << qint64(4096) << qint64(4096) << 0 << 4 << 1;
    QTest::newRow("H100 larger 32 SU") << "dgx-h100-rack"
                                       << "qm9700" << 8 << 32 << false << qint64(8192) << qint64(256) << qint64(256)
                                       << qint64(128) << qint64(8192) << qint64(8192) << qint64(8192) << 0 << 4 << 1;
    QTest::newRow("H100 larger 64 SU") << "dgx-h100-rack"
                                       << "qm9700" << 8 << 64 << false << qint64(16384) << qint64(512) << qint64(512)
                                       << qint64(256) << qint64(16384) << qint64(16384) << qint64(16384) << 0 << 4 << 1;

    // NVIDIA DGX SuperPOD Reference Architecture featuring DGX B200 systems,
    // docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-b200/latest/
    // dgx-superpod-architecture.html, table "Larger SuperPOD component counts" (online edition,
    // read 2026; QM9700 NDR, DGX B200 with 8 × 400 Gb/s, 32 nodes per SU):
    //   SU | nodes | GPUs  | leaf | spine | core | node-leaf | leaf-spine | spine-core
    //    2 |   64  |   512 |  16  |   8   |  –   |    512    |    512     |     –
    //    4 |  128  |  1024 |  32  |  16   |  –   |   1024    |   1024     |     –
    //    8 |  256  |  2048 |  64  |  32   |  –   |   2048    |   2048     |     –
    //   16 |  512  |  4096 | 128  | 128   |  64  |   4096    |   4096     |   4096
    //   32 | 1024  |  8192 | 256  | 256   | 128  |   8192    |   8192     |   8192
    //   64 | 2048  | 16384 | 512  | 512   | 256  |  16384    |  16384     |  16384
    QTest::newRow("B200 2 SU") << "dgx-b200-rack"
                               << "qm9700" << 8 << 2 << false << qint64(512) << qint64(16) << qint64(8) << qint64(0)
                               << qint64(512) << qint64(512) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B200 4 SU") << "dgx-b200-rack"
                               << "qm9700" << 8 << 4 << false << qint64(1024) << qint64(32) << qint64(16) << qint64(0)
                               << qint64(1024) << qint64(1024) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B200 8 SU") << "dgx-b200-rack"
                               << "qm9700" << 8 << 8 << false << qint64(2048) << qint64(64) << qint64(32) << qint64(0)
                               << qint64(2048) << qint64(2048) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B200 16 SU") << "dgx-b200-rack"
                                << "qm9700" << 8 << 16 << false << qint64(4096) << qint64(128) << qint64(128)
                                << qint64(64) << qint64(4096) << qint64(4096) << qint64(4096) << 0 << 4 << 1;
    QTest::newRow("B200 32 SU") << "dgx-b200-rack"
                                << "qm9700" << 8 << 32 << false << qint64(8192) << qint64(256) << qint64(256)
                                << qint64(128) << qint64(8192) << qint64(8192) << qint64(8192) << 0 << 4 << 1;
    QTest::newRow("B200 64 SU") << "dgx-b200-rack"
                                << "qm9700" << 8 << 64 << false << qint64(16384) << qint64(512) << qint64(512)
                                << qint64(256) << qint64(16384) << qint64(16384) << qint64(16384) << 0 << 4 << 1;

    // NVIDIA SuperPOD with DGX B300 Systems, NVIDIA Quantum-X800 InfiniBand switching and AC Power
    // Reference Architecture (RA-11339-001 V01), docs.nvidia.com/dgx-superpod/reference-architecture/
    // scalable-infrastructure-b300-xdr/latest/dgx-superpod-architecture.html, Table 3 "Example
    // Compute Fabric Components for DGX SuperPOD Counts" (Q3400 144 × 800 Gb/s, 8 × ConnectX-8 at
    // 800 Gb/s per DGX B300, 72 nodes = 18 racks of 4 per SU):
    //   SU | nodes | GPUs  | leaf | spine | node-leaf | leaf-spine
    //    1 |   72  |   576 |   8  |   4   |    576    |    576
    //    2 |  144  |  1152 |  16  |   8   |   1152    |   1152
    //    4 |  288  |  2304 |  32  |  18   |   2304    |   2304
    //    8 |  576  |  4608 |  64  |  36   |   4608    |   4608
    //   18 | 1296  |  9216 | 144  |  72   |  10368    |  10368
    // (The 18-SU row prints 9,216 GPUs; 1,296 nodes × 8 = 10,368, as its cable columns say.)
    // 4 SU by hand: 32 leaves × 72 uplinks; the bare bound 2,304 / 144 = 16 spines would leave
    // each leaf 4.5 links per spine; the fewest spines that divide 72 from 16 up is 18 (4 each,
    // 128 of 144 spine ports used). 8 SU: 64 leaves, bound 32, next divisor of 72 is 36 (2 each).
    QTest::newRow("B300 XDR 1 SU") << "dgx-b300-rack"
                                   << "q3400" << 18 << 1 << false << qint64(576) << qint64(8) << qint64(4) << qint64(0)
                                   << qint64(576) << qint64(576) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 XDR 2 SU") << "dgx-b300-rack"
                                   << "q3400" << 18 << 2 << false << qint64(1152) << qint64(16) << qint64(8)
                                   << qint64(0) << qint64(1152) << qint64(1152) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 XDR 4 SU") << "dgx-b300-rack"
                                   << "q3400" << 18 << 4 << false << qint64(2304) << qint64(32) << qint64(18)
                                   << qint64(0) << qint64(2304) << qint64(2304) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 XDR 8 SU") << "dgx-b300-rack"
                                   << "q3400" << 18 << 8 << false << qint64(4608) << qint64(64) << qint64(36)
                                   << qint64(0) << qint64(4608) << qint64(4608) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 XDR 18 SU") << "dgx-b300-rack"
                                    << "q3400" << 18 << 18 << false << qint64(10368) << qint64(144) << qint64(72)
                                    << qint64(0) << qint64(10368) << qint64(10368) << qint64(-1) << 0 << 0 << 1;

    // NVIDIA DGX SuperPOD Reference Architecture featuring DGX B300 systems (Spectrum-X, DC
    // busbar), docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300/
    // latest/dgx-superpod-architecture.html, Table 3 "Larger DGX SuperPOD component counts"
    // (online edition, read 2026; twin-planar: each GPU's ConnectX-8 runs 2 × 400GbE into two
    // planes; 64 nodes = 16 racks of 4 per SU; modelled on 128 × 400GbE Spectrum-4 switches):
    //   SU | nodes | GPUs | leaf | spine | node-leaf | leaf-spine
    //    1 |   64  |  512 |  16  |   8   |    512    |    512
    //    2 |  128  | 1024 |  32  |  16   |   1024    |   1024
    //    4 |  256  | 2048 |  64  |  32   |   2048    |   2048
    //    8 |  512  | 4096 | 128  |  64   |   4096    |   4096
    //   16 | 1024  | 8192 | 256  | 128   |   8192    |   8192
    // The table counts 800G cables, each carrying two 400G links; GigaPlan counts links (× 2).
    QTest::newRow("B300 Spectrum-X 1 SU") << "dgx-b300-rack"
                                          << "sn5600-400g" << 16 << 1 << false << qint64(512) << qint64(16) << qint64(8)
                                          << qint64(0) << qint64(1024) << qint64(1024) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 Spectrum-X 2 SU")
        << "dgx-b300-rack"
        << "sn5600-400g" << 16 << 2 << false << qint64(1024) << qint64(32) << qint64(16) << qint64(0) << qint64(2048)
        << qint64(2048) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 Spectrum-X 4 SU")
        << "dgx-b300-rack"
        << "sn5600-400g" << 16 << 4 << false << qint64(2048) << qint64(64) << qint64(32) << qint64(0) << qint64(4096)
        << qint64(4096) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 Spectrum-X 8 SU")
        << "dgx-b300-rack"
        << "sn5600-400g" << 16 << 8 << false << qint64(4096) << qint64(128) << qint64(64) << qint64(0) << qint64(8192)
        << qint64(8192) << qint64(-1) << 0 << 0 << 1;
    QTest::newRow("B300 Spectrum-X 16 SU")
        << "dgx-b300-rack"
        << "sn5600-400g" << 16 << 16 << false << qint64(8192) << qint64(256) << qint64(128) << qint64(0)
        << qint64(16384) << qint64(16384) << qint64(-1) << 0 << 0 << 1;

    // NVIDIA DGX SuperPOD Reference Architecture featuring DGX GB200 (RA-11338-001 V01, 16 June
    // 2025), docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-gb200/
    // latest/network-fabrics.html (QM9700 NDR; 8 NVL72 racks per SU, 18 trays of 4 GPUs each with a
    // 400 Gb/s ConnectX-7 per GPU: 4 rails). NVIDIA's table itself was not readable in the copies
    // we had; these rows are as four independent write-ups of the RA give them, agreeing:
    //   SU | GPUs | leaf | spine | core
    //    1 |  576 |  32  |   9   |  –      (each rack a leaf per rail, 18 down / 18 up; 2 links per spine)
    //    2 | 1152 |  64  |  48   |  18
    //    4 | 2304 | 128  |  96   |  36
    //    8 | 4608 | 256  | 192   |  72
    //   16 | 9216 | 512  | 384   | 144
    // By hand: a second rack does not fit in the 14 trays a leaf has left, so each rack has a leaf
    // per rail (32 per SU). From 2 SU the RA builds pods of one SU under a core: each rail's 8
    // leaves stripe their 18 uplinks over 6 spines of their own (3 links each, 24 down and 24 up);
    // the cores take 24 × 24 = 576 spine uplinks per SU, 9 cores of 64 ports per SU. On its own
    // GigaPlan sizes 2 SU as two tiers (64 leaves, 18 spines: 82 switches, not 130); the row asks
    // for three tiers and pods of one SU, as the RA builds them to grow to 16 SU.
    QTest::newRow("GB200 1 SU") << "gb200-nvl72"
                                << "qm9700" << 8 << 1 << false << qint64(576) << qint64(32) << qint64(9) << qint64(0)
                                << qint64(576) << qint64(576) << qint64(-1) << 0 << 0 << 8;
    QTest::newRow("GB200 2 SU") << "gb200-nvl72"
                                << "qm9700" << 8 << 2 << false << qint64(1152) << qint64(64) << qint64(48) << qint64(18)
                                << qint64(1152) << qint64(1152) << qint64(1152) << 3 << 1 << 8;
    QTest::newRow("GB200 4 SU") << "gb200-nvl72"
                                << "qm9700" << 8 << 4 << false << qint64(2304) << qint64(128) << qint64(96)
                                << qint64(36) << qint64(2304) << qint64(2304) << qint64(2304) << 0 << 1 << 8;
    QTest::newRow("GB200 8 SU") << "gb200-nvl72"
                                << "qm9700" << 8 << 8 << false << qint64(4608) << qint64(256) << qint64(192)
                                << qint64(72) << qint64(4608) << qint64(4608) << qint64(4608) << 0 << 1 << 8;
    QTest::newRow("GB200 16 SU") << "gb200-nvl72"
                                 << "qm9700" << 8 << 16 << false << qint64(9216) << qint64(512) << qint64(384)
                                 << qint64(144) << qint64(9216) << qint64(9216) << qint64(9216) << 0 << 1 << 8;
  }
  void superPodTables() {
    QFETCH(QString, rack);
    QFETCH(QString, switchModel);
    QFETCH(int, racksPerSu);
    QFETCH(int, su);
    QFETCH(bool, ufmInLastSu);
    QFETCH(qint64, gpus);
    QFETCH(qint64, leaves);
    QFETCH(qint64, spines);
    QFETCH(qint64, cores);
    QFETCH(qint64, nodeLeaf);
    QFETCH(qint64, leafSpine);
    QFETCH(qint64, spineCore);
    QFETCH(int, tiersAsked);
    QFETCH(int, suPerPod);
    QFETCH(int, groupsPerSu);
    const auto cat = fixture::makeCatalog();
    auto layout = fixture::makeLayout(cat, su, racksPerSu, rack.toStdString());
    if (ufmInLastSu) {
      layout.racks.back().type = "dgx-h100-rack-3";
      layout.racks.back().spec = cat.rack("dgx-h100-rack-3");
    }
    auto plan = qm9700Plan();
    plan.switchModel = switchModel.toStdString();
    plan.tiers = tiersAsked;
    if (tiersAsked > 0) plan.podGpus = static_cast<int>(gpus / su * suPerPod);
    const auto r = analyzeFabric(layout, plan, cat);
    QVERIFY2(r.problem.empty(), r.problem.c_str());
    QCOMPARE(qint64(r.gpus), gpus);
    // Planes are separate fabrics: at 16 SU each Spectrum-X plane (128 leaves) still fits two
    // tiers, where one joined fabric of 256 leaves would need three.
    QCOMPARE(r.tiers, cores > 0 ? 3 : 2);
    QCOMPARE(qint64(r.tierStats[0].switches), leaves);
    QCOMPARE(qint64(r.tierStats[1].switches), spines);
    QCOMPARE(qint64(r.tiers == 3 ? r.tierStats[2].switches : 0), cores);
    QCOMPARE(qint64(r.totalSwitches), leaves + spines + cores);
    QCOMPARE(qint64(r.tierStats[0].linksDown), nodeLeaf);
    QCOMPARE(qint64(r.tierStats[0].linksUp), leafSpine);
    if (spineCore >= 0) QCOMPARE(qint64(r.tierStats[1].linksUp), spineCore);
    QCOMPARE(r.leafGroups, su * groupsPerSu);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(r.leafGroups) * r.rails);  // a leaf per rail and group
    QCOMPARE(qint64(r.totalCables), allLinks(r));
    // One module in each GPU's NIC, also when its port splits into two planes (twin-planar B300).
    QVERIFY2(r.nicTransceivers == 0 || qint64(r.nicTransceivers) == gpus, std::to_string(r.nicTransceivers).c_str());
    if (r.planes > 1) QVERIFY(r.nicTransceivers > 0);  // the rows above: optics at the NICs
    QVERIFY(r.portShortfalls.empty());
    QCOMPARE(int(r.switches.size()), int(r.totalSwitches));
    // Non-blocking: the narrowest level is the GPUs' own links.
    QCOMPARE(r.bisectionBandwidth, double(nodeLeaf) * r.linkRate / 2);
    QCOMPARE(r.rackRailGroup[racksPerSu * (su - 1)], groupsPerSu * (su - 1));
    QCOMPARE(r.pods, cores > 0 ? su / suPerPod : 1);  // 3 tiers: pods of suPerPod SU under the core
    QCOMPARE(r.rackPod.back(), r.pods - 1);
  }

  // Even striping at sizes no table lists, by hand. H100 at 6 SU: 48 leaves × 32 uplinks; the
  // bound 1,536 / 64 = 24 spines leaves 32 / 24 links per spine; the fewest spines from 24 up that
  // divide 32 is 32 (one link from every leaf, 48 of 64 spine ports used). 12 SU: 96 leaves need
  // 96 spine ports, more than 64, so three tiers: 3 pods of 4 SU × 32 spines. Their 3,072 uplinks
  // need at least 48 cores, but each spine's 32 uplinks stripe over a set of cores that divides 32:
  // spines grouped g planes at a time (3g spines) need m ≥ 3g × 32 / 64 = 1.5 g cores with m | 32,
  // so m = 2g and 32 / g groups make 64 cores, 48 of 64 ports used each.
  void stripedSpinesByHand_data() {
    QTest::addColumn<int>("su");
    QTest::addColumn<qint64>("spines");
    QTest::addColumn<qint64>("cores");
    QTest::newRow("6 SU") << 6 << qint64(32) << qint64(0);
    QTest::newRow("5 SU") << 5 << qint64(32) << qint64(0);  // 40 leaves, bound 20 → 32
    QTest::newRow("12 SU") << 12 << qint64(96) << qint64(64);
  }
  void stripedSpinesByHand() {
    QFETCH(int, su);
    QFETCH(qint64, spines);
    QFETCH(qint64, cores);
    const auto cat = fixture::makeCatalog();
    const auto r = analyzeFabric(fixture::makeLayout(cat, su, 8, "dgx-h100-rack"), qm9700Plan(), cat);
    QCOMPARE(qint64(r.tierStats[1].switches), spines);
    QCOMPARE(qint64(r.tiers == 3 ? r.tierStats[2].switches : 0), cores);
    QCOMPARE(qint64(r.tierStats[0].linksUp), qint64(su) * 256);
    QVERIFY(r.portShortfalls.empty());
    // Every leaf has the same number of links to every spine: its uplinks divide by the spines.
    QCOMPARE(32 % (r.tiers == 2 ? spines : spines / (su / 4)), qint64(0));
  }

  // A plain fat-tree of 32 GB200 NVL72 racks (2,304 GPUs) by hand: past the two-tier limit of 64-port
  // switches (2,048), so three tiers with pods of 1,024 endpoints holding 14 whole racks: pods of
  // 1,008, 1,008 and 288 GPUs, 32 + 32 + 9 leaves, 32 + 32 + 16 spines (the small pod's with 18
  // links down and up). Cores: 48 whatever way the spines' planes are grouped. One plane at a time,
  // planes 0-15 hold spines of 32, 32 and 18 uplinks, striped 16 / 16 / 9 over two cores, planes
  // 16-31 two spines of 32 on one core: 16 × 82 + 16 × 64 = 2,336 links. Striping all planes over one
  // set of cores raises the small pod's spines to 32 uplinks: 2,560 links for the same 48 cores.
  void threeTierStripingKeepsLinksFew() {
    const auto cat = fixture::makeCatalog();
    auto plan = qm9700Plan();
    plan.topology = design::Topology::FatTree;
    const auto r = analyzeFabric(fixture::makeLayout(cat, 4, 8, "gb200-nvl72"), plan, cat);
    QCOMPARE(r.tiers, 3);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(73));
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(80));
    QCOMPARE(qint64(r.tierStats[2].switches), qint64(48));
    QCOMPARE(qint64(r.tierStats[0].linksUp), qint64(2336));
    QCOMPARE(qint64(r.tierStats[1].linksUp), qint64(2336));
    QCOMPARE(qint64(r.tierStats[2].linksDown), qint64(2336));
    QVERIFY(r.portShortfalls.empty());

    // Every uplink is measured to a switch of the tier above as the core room places it (not to the
    // room's centre): a bundle names its far switches, and its length (their links' mean) lies
    // between the nearest and the farthest of them. The 80 spines' 2,336 uplinks run to cores rows
    // apart, in bundles of different lengths.
    std::vector<std::int64_t> upOf(r.switches.size(), 0);
    std::vector<double> spineCoreLengths;
    for (const CableRun& c : r.cableRuns) {
      if (c.fromSwitch == design::kNone) continue;
      upOf[static_cast<std::size_t>(c.fromSwitch)] += c.count;
      const SwitchPlacement& from = r.switches[static_cast<std::size_t>(c.fromSwitch)];
      QVERIFY(c.toSwitch >= 0 && c.toSwitches >= 1 && c.toSwitch + c.toSwitches <= int(r.switches.size()));
      double nearest = 1e300, farthest = 0;
      for (int q = c.toSwitch; q < c.toSwitch + c.toSwitches; ++q) {
        const SwitchPlacement& to = r.switches[static_cast<std::size_t>(q)];
        QCOMPARE(to.tier, c.toTier);
        const double l = trayCableLength(from.position, to.position, plan);
        nearest = std::min(nearest, l), farthest = std::max(farthest, l);
      }
      QVERIFY2(c.length >= nearest - 1e-9 && c.length <= farthest + 1e-9,
               qPrintable(QString::fromStdString(switchId(from))));
      if (from.tier == 2) spineCoreLengths.push_back(c.length);
    }
    std::int64_t spineUp = 0;
    for (std::size_t i = 0; i < r.switches.size(); ++i)
      if (r.switches[i].tier == 2) spineUp += upOf[i];
    QCOMPARE(qint64(spineUp), qint64(2336));
    std::sort(spineCoreLengths.begin(), spineCoreLengths.end());
    QVERIFY(spineCoreLengths.back() > spineCoreLengths.front() + 2.0);
  }

  // One row of 4 DGX racks (128 GPUs) worked by hand:
  //   racks at x = 0, 0.6, 1.2, 1.8; the leaf rack at the row end x = 2.4; spine room at (2.4, 10).
  //   drops: tray 2.2 m − ports 1.2 m = 1 m each end; slack 10 %.
  //   rack → leaf: (2.4|1.8|1.2|0.6 + 2) × 1.1 = 4.84, 4.18, 3.52, 2.86 m, 32 cables each
  //     → 32 passive copper (≤3 m), 96 multimode (≤5 m)
  //   leaf → spine: (10 + 2) × 1.1 = 13.2 m, 8 leaves × 16 up = 128 multimode (≤30 m)
  //   switches: 8 leaves (one per rail, 16 down + 16 up used), 2 spines (128 / 64; 16 uplinks
  //   per leaf stripe as 8 to each)
  //   modules, counted as plugged (QM9700: 64 ports in 32 twin-port OSFP cages, 2 links each):
  //     each leaf: 12 optical GPU links (racks 1–3, 4 each) → 6 modules; 16 uplinks → 8 modules
  //     spines: 128 optical down ports → 64 modules; GPU NICs: 96 optical ends → 96 modules
  //     total 8 × (6 + 8) + 64 + 96 = 272 modules, of which 96 in the NICs
  //   optics power per link end 9 W: switch side (96 + 2 × 128) × 9 = 3,168 W of network power;
  //   NIC side 96 × 9 = 864 W, inside the DGX rating (not charged again). Switch power 10 × 1.7 kW.
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
    QCOMPARE(r.linksPerModule, 2);
    QCOMPARE(qint64(r.transceivers), qint64(272));
    QCOMPARE(qint64(r.nicTransceivers), qint64(96));
    QCOMPARE(r.opticsPower, 3168.0);
    QCOMPARE(r.nicOpticsPower, 864.0);
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

  // 2 SU (64 DGX, racks of 4) at 2:1: leaves of 42 down / 21 up (42 + 21 ≤ 64). Racks stay whole
  // in a leaf group, so a group takes 10 racks (40 nodes) and the second the other 6 (24 nodes):
  // 8 leaves × 40 down (20 up needed, 24 ports free) and 8 leaves × 24 down (12 up, 40 free).
  // Spines: the bound is 256 / 64 = 4, and 4 stripes evenly: full leaves 5 links to each (20),
  // short leaves 3 each (12); spine ports 8 × 5 + 8 × 3 = 64. Uplinks 160 + 96 = 256: exactly 2:1.
  void oversubscriptionStripes() {
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 2, 8, "dgx-h100-rack");
    auto plan = qm9700Plan();
    const auto full = analyzeFabric(layout, plan, cat);
    QCOMPARE(qint64(full.tierStats[1].switches), qint64(8));
    plan.oversubscription = 2;
    const auto half = analyzeFabric(layout, plan, cat);
    QCOMPARE(qint64(half.tierStats[1].switches), qint64(4));
    QCOMPARE(qint64(half.tierStats[0].linksUp), qint64(256));
    QCOMPARE(half.tierStats[0].oversubscription, 2.0);
    QCOMPARE(half.bisectionBandwidth, 256 * 400 * kGbps / 2);
    QCOMPARE(half.bisectionTier, 1);  // the leaves' uplinks, not the GPUs, bound it
    QCOMPARE(bisectionBoundText(half), std::string("bounded by the leaf tier's uplinks, 2:1 oversubscribed"));
    QCOMPARE(full.bisectionTier, 0);
    QCOMPARE(bisectionBoundText(full), std::string("bounded by what the GPUs inject"));
    QCOMPARE(half.collective(Level::Site).allReduce, 400 * kGbps * 256 / 512);
    QCOMPARE(half.rackRailGroup[10], 1);  // the 11th rack starts the second group
    QVERIFY(half.totalSwitches < full.totalSwitches);
  }

  // 4 SU in pods of 512 GPUs (2 SU, 16 leaves of 32 down / 32 up), 4:1 above the pod: spines
  // have 51 down / 13 up. Per pod the bound is 512 / 51 = 11 spines, but a leaf's 32 uplinks stripe
  // over a divisor of 32: 16 spines of 16 × 2 = 32 down and ceil(32 / 4) = 8 up. Cores: 2 pods ×
  // 16 spines × 8 = 256 uplinks; all 32 spines in one set need m ≥ 256 / 64 = 4 with m | 8: 4 cores,
  // 32 × 2 = 64 ports each.
  void podsWithOversubscriptionAbove() {
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
    QCOMPARE(qint64(r.tierStats[1].switches), qint64(32));
    QCOMPARE(qint64(r.tierStats[1].linksUp), qint64(256));
    QCOMPARE(qint64(r.tierStats[2].switches), qint64(4));
    QCOMPARE(qint64(r.tierStats[2].linksDown), qint64(256));
    QCOMPARE(r.bisectionBandwidth, 256 * 400 * kGbps / 2);
    QCOMPARE(bisectionBoundText(r), std::string("bounded by the spine tier's uplinks, 4:1 oversubscribed"));
    QCOMPARE(r.collective(Level::Pod).groupGpus, 512);
    QCOMPARE(r.collective(Level::Pod).allReduce, 400 * kGbps);
    QCOMPARE(r.collective(Level::Site).allReduce, 400 * kGbps * 256 / 1024);
    QCOMPARE(r.rackPod[0], 0);
    QCOMPARE(r.rackPod[16], 1);
    QCOMPARE(r.switches.back().group, kNone);  // core above the pods
    QVERIFY(r.portShortfalls.empty());
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
    QCOMPARE(n, qint64(512));                      // every leaf uplink
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

  void gpuTypesTakeTheLinksTheirNicsNeed() {
    // GB200 (400G ConnectX-7) beside GB300 (800G ConnectX-8) on 400G QM9700 ports: a GB300 takes
    // two links, a GB200 one; their leaf groups have 4 and 8 leaves, in one fabric.
    const auto cat = fixture::makeCatalog();
    auto layout = fixture::makeLayout(cat, 1, 4, "gb200-nvl72");
    for (std::size_t k = 2; k < 4; ++k) {
      layout.racks[k].type = "gb300-nvl72";
      layout.racks[k].spec = cat.rack("gb300-nvl72");
    }
    const auto r = analyzeFabric(layout, qm9700Plan(), cat);
    QCOMPARE(qint64(r.endpoints), qint64(2 * 72 + 2 * 72 * 2));
    QCOMPARE(r.gpuLinks.size(), std::size_t(2));
    QCOMPARE(r.gpuLinks[0].links, 1);
    QCOMPARE(r.gpuLinks[0].injection, 400 * kGbps);
    QCOMPARE(r.gpuLinks[1].links, 2);
    QCOMPARE(r.gpuLinks[1].injection, 800 * kGbps);
    QCOMPARE(qint64(r.tierStats[0].switches), qint64(2 * 4 + 2 * 8));
    QCOMPARE(qint64(r.tierStats[0].linksDown), qint64(r.endpoints));
    QCOMPARE(r.injectionBandwidth, 400 * kGbps);  // GB200 and GB300 tie: the first listed
    QCOMPARE(injectionText(r, [](double bw) { return std::to_string(static_cast<int>(bw / kGbps)); }),
             std::string("400 (gb200), 800 (gb300)"));
    const auto note = std::find_if(r.notes.begin(), r.notes.end(),
                                   [](const std::string& n) { return n.find("GPU types take different") == 0; });
    QVERIFY(note != r.notes.end());
    QVERIFY2(note->find("gb200 1 link, gb300 2 links") != std::string::npos, note->c_str());
    // On 800G XDR ports the GB300 takes one link, the GB200 one too, run at its NIC's 400G (the
    // port's 200G lanes do not split for it), and a note says so.
    auto xdr = qm9700Plan();
    xdr.switchModel = "q3400";
    const auto x = analyzeFabric(layout, xdr, cat);
    QCOMPARE(x.linkRate, 800 * kGbps);
    QCOMPARE(qint64(x.endpoints), qint64(4 * 72));
    QCOMPARE(injectionOf(x, "gb200"), 400 * kGbps);
    QCOMPARE(injectionOf(x, "gb300"), 800 * kGbps);
    QVERIFY(std::any_of(x.notes.begin(), x.notes.end(), [](const std::string& n) {
      return n.find("144 gb200 GPUs (400 Gb/s NICs) each take a whole 800 Gb/s link") == 0;
    }));
    // Bisection: what the GPUs inject bounds it, not the links they sit on: 144 × 400 + 144 × 800
    // Gb/s, halved (the 288 links at 800 Gb/s would say 115.2 Tb/s). On QM9700 every link is full:
    // 144 × 400 + 144 × 2 × 400, the same.
    QCOMPARE(x.bisectionBandwidth, (144 * 400 + 144 * 800) * kGbps / 2);
    QCOMPARE(r.bisectionBandwidth, (144 * 400 + 144 * 2 * 400) * kGbps / 2);
  }

  void slowerNicTakesModulesOfItsRate() {
    // GB200 (400G ConnectX-7) beside GB300 (800G ConnectX-8) on 800G XDR ports: a GB200's link
    // runs at 400G, so it takes 400G modules at both ends (a module's lanes run at one speed),
    // never the 200G-lane 800G part the GB300s' links take.
    auto cat = fixture::makeCatalog();
    catalog::CableMedium xdr = cat.media.at("sm-400g-dr4");
    xdr.id = "sm-800g-dr4";
    xdr.rate = 800 * kGbps;
    xdr.transceiverPower = 16;
    cat.media[xdr.id] = xdr;
    auto layout = fixture::makeLayout(cat, 1, 4, "gb200-nvl72");
    for (std::size_t k = 2; k < 4; ++k) {
      layout.racks[k].type = "gb300-nvl72";
      layout.racks[k].spec = cat.rack("gb300-nvl72");
    }
    auto plan = qm9700Plan();
    plan.switchModel = "q3400";
    const auto x = analyzeFabric(layout, plan, cat);
    QCOMPARE(x.linkRate, 800 * kGbps);
    QVERIFY(x.overlongCables.empty());
    std::int64_t nicAt400 = 0, nicAt800 = 0;
    double nicPower400 = 0, nicPower800 = 0;
    for (const auto& g : x.cables) {
      if (g.nicTransceivers == 0) continue;
      if (g.medium == "sm-800g-dr4") {
        QCOMPARE(g.linkRate, 800 * kGbps);
        nicAt800 += g.nicTransceivers, nicPower800 += g.nicOpticsPower;
      } else {
        QCOMPARE(g.linkRate, 400 * kGbps);
        nicAt400 += g.nicTransceivers, nicPower400 += g.nicOpticsPower;
      }
    }
    QCOMPARE(qint64(nicAt400), qint64(144));  // one module per GB200 NIC
    QCOMPARE(qint64(nicAt800), qint64(144));  // one per GB300 NIC
    QCOMPARE(nicPower400, 144 * 9.0);
    QCOMPARE(nicPower800, 144 * 16.0);
    // The GB200s' cable runs name a 400G medium; the GB300s' the 800G one.
    for (const auto& run : x.cableRuns) {
      if (run.toTier != 1 || run.rack < 0) continue;
      const bool gb300 = layout.racks[static_cast<std::size_t>(run.rack)].type == "gb300-nvl72";
      QCOMPARE(run.medium == "sm-800g-dr4", gb300);
    }
  }

  void nvl72RailGroups() {
    // 18 trays of 4 GPUs per rack, 32 trays per rail group: a second rack does not fit in the
    // 14 trays left, so each rack has a leaf per rail of its own (18 down, 18 up).
    const auto cat = fixture::makeCatalog();
    const auto layout = fixture::makeLayout(cat, 1, 8, "gb200-nvl72");
    const auto r = analyzeFabric(layout, qm9700Plan(), cat);
    QCOMPARE(r.rails, 4);
    QCOMPARE(r.leafGroupGpus, 72);
    QCOMPARE(r.rackRailGroup[0], 0);
    QCOMPARE(r.rackRailGroup[1], 1);
    QCOMPARE(r.rackRailGroup[7], 7);
    QCOMPARE(r.leafGroups, 8);
    // Beside 8-rail DGX nodes the trays keep groups of their own, of 4 leaves (one per tray port):
    // a group's nodes have one number of ports. The DGX racks (4 nodes) start a group of 8 leaves.
    auto mixed = layout;
    for (std::size_t k = 4; k < 8; ++k) {
      mixed.racks[k].type = "dgx-h100-rack";
      mixed.racks[k].spec = cat.rack("dgx-h100-rack");
    }
    const auto m = analyzeFabric(mixed, qm9700Plan(), cat);
    QCOMPARE(m.rails, 8);
    QCOMPARE(m.rackRailGroup[1], 1);
    QCOMPARE(m.rackRailGroup[3], 3);
    QCOMPARE(m.rackRailGroup[4], 4);
    QCOMPARE(m.rackRailGroup[7], 4);  // 16 DGX nodes in one group of 32
    QCOMPARE(m.leafGroups, 5);
    QCOMPARE(qint64(m.tierStats[0].switches), qint64(4 * 4 + 8));
    QCOMPARE(qint64(m.tierStats[0].linksDown), qint64(4 * 72 + 4 * 32));
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
