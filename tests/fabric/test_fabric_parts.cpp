// The fabric's building blocks on their own: port split and oversubscription arithmetic, tier
// planning, medium choice by reach and rate, length buckets, row-id matching, collective model.
#include <QTest>

#include "core/catalog/catalog_loader.h"
#include "core/fabric/cable_tally.h"
#include "core/fabric/collectives.h"
#include "core/fabric/placement.h"
#include "core/fabric/sizing.h"
#include "tests/fabric/fabric_fixture.h"

using namespace gigaplan;
using namespace gigaplan::fabric;
using fixture::kGbps;

class TestFabricParts : public QObject {
  Q_OBJECT
 private slots:
  // The core room: rows of 20 switch racks (16 RU each: four 4-RU switches), in blocks side by
  // side so that the room is about as wide as it is deep. A campus's 11,136 switches need 2,784
  // racks: 5 blocks of 28 rows (66 m × 67.2 m), every switch inside the footprint; a small fabric's
  // room is one row.
  void coreRoomIsAboutSquare() {
    const design::Layout none;
    const detail::CoreRoom big(none, {300, 200}, 11136, 4);
    const auto e = big.extent();
    QVERIFY(qFuzzyCompare(e.max.y - e.min.y, 28 * 2.4));
    QVERIFY(qFuzzyCompare(e.max.x - e.min.x, 5 * (20 * 0.6 + 1.2) - 1.2));
    for (std::int64_t i = 0; i < 11136; i += 97) {
      const design::Vec2 p = big.position(i);
      QVERIFY(p.x >= e.min.x && p.x <= e.max.x && p.y >= e.min.y && p.y <= e.max.y);
    }
    QVERIFY(big.position(0).x < big.position(4 * 20 * 28).x);  // the second block beside the first
    const detail::CoreRoom small(none, {0, 0}, 12, 4);         // 3 racks in one row
    QVERIFY(qFuzzyCompare(small.extent().max.x - small.extent().min.x + 1, 3 * 0.6 + 1));
    QVERIFY(qFuzzyCompare(small.position(0).x, -0.6));
  }

  void downPorts_data() {
    QTest::addColumn<int>("radix");
    QTest::addColumn<double>("over");
    QTest::addColumn<int>("down");
    QTest::newRow("64 non-blocking") << 64 << 1.0 << 32;
    QTest::newRow("64 2:1") << 64 << 2.0 << 42;
    QTest::newRow("64 3:1") << 64 << 3.0 << 48;
    QTest::newRow("64 7:1") << 64 << 7.0 << 56;
    QTest::newRow("128 non-blocking") << 128 << 1.0 << 64;
    QTest::newRow("below 1 treated as 1") << 64 << 0.5 << 32;
  }
  void downPorts() {
    QFETCH(int, radix);
    QFETCH(double, over);
    QFETCH(int, down);
    QCOMPARE(detail::downPorts(radix, over), down);
    // The ratio must hold: up ports >= down / over.
    QVERIFY(down + detail::uplinksFor(down, over) <= radix);
  }

  void splitPorts_data() {
    QTest::addColumn<int>("ports");
    QTest::addColumn<double>("portGbps");
    QTest::addColumn<double>("nicGbps");
    QTest::addColumn<int>("radix");
    QTest::addColumn<int>("breakout");
    QTest::addColumn<int>("planes");
    QTest::addColumn<double>("linkGbps");
    QTest::newRow("equal") << 64 << 400.0 << 400.0 << 64 << 1 << 1 << 400.0;
    QTest::newRow("800G port, 400G NIC") << 64 << 800.0 << 400.0 << 128 << 2 << 1 << 400.0;
    QTest::newRow("800G port, 200G NIC") << 144 << 800.0 << 200.0 << 576 << 4 << 1 << 200.0;
    QTest::newRow("400G port, 800G NIC") << 64 << 400.0 << 800.0 << 64 << 1 << 2 << 400.0;
  }
  void splitPorts() {
    QFETCH(int, ports);
    QFETCH(double, portGbps);
    QFETCH(double, nicGbps);
    QFETCH(int, radix);
    QFETCH(int, breakout);
    QFETCH(int, planes);
    QFETCH(double, linkGbps);
    const auto s = detail::splitPorts(ports, portGbps * kGbps, nicGbps * kGbps);
    QCOMPARE(s.radix, radix);
    QCOMPARE(s.breakout, breakout);
    QCOMPARE(s.planes, planes);
    QCOMPARE(s.linkRate, linkGbps * kGbps);
  }

  void planTiers_data() {
    QTest::addColumn<qint64>("endpoints");
    QTest::addColumn<int>("rails");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("podGpus");
    QTest::addColumn<int>("tiers");
    QTest::addColumn<int>("podTiers");
    QTest::addColumn<qint64>("podEndpoints");
    QTest::newRow("one switch") << qint64(40) << 1 << 0 << 0 << 1 << 1 << qint64(0);
    QTest::newRow("rails need a spine") << qint64(40) << 8 << 0 << 0 << 2 << 2 << qint64(0);
    QTest::newRow("8 SU fits two tiers") << qint64(2048) << 8 << 0 << 0 << 2 << 2 << qint64(0);
    QTest::newRow("16 SU needs three") << qint64(4096) << 8 << 0 << 0 << 3 << 2 << qint64(1024);
    QTest::newRow("requested 2 kept") << qint64(4096) << 8 << 2 << 0 << 2 << 2 << qint64(0);
    QTest::newRow("planner pods") << qint64(8192) << 8 << 0 << 2048 << 4 << 3 << qint64(2048);
    QTest::newRow("pods ignored below 3 tiers") << qint64(8192) << 8 << 2 << 2048 << 2 << 2 << qint64(0);
  }
  void planTiers() {
    QFETCH(qint64, endpoints);
    QFETCH(int, rails);
    QFETCH(int, requested);
    QFETCH(int, podGpus);
    QFETCH(int, tiers);
    QFETCH(int, podTiers);
    QFETCH(qint64, podEndpoints);
    detail::SizingInput in;
    in.radix = 64;
    in.rails = rails;
    in.endpoints = endpoints;
    in.requestedTiers = requested;
    in.podEndpoints = podGpus;
    const auto p = detail::planTiers(in);
    QCOMPARE(p.tiers, tiers);
    QCOMPARE(p.podTiers, podTiers);
    QCOMPARE(qint64(p.podEndpoints), podEndpoints);
    QCOMPARE(p.down[p.tiers], 64);  // the top tier turns every port down
    if (p.tiers >= 2) QCOMPARE(p.down[1], 32);
  }

  void stripe() {
    // B300 XDR 4 SU: 32 leaves × 72 uplinks (72 free ports) on 144-port spines. m = 16, 17 would
    // need 80, 85 uplinks per leaf; 18 takes 4 from each leaf: 128 spine ports.
    auto s = detail::stripe({{72, 72, 32}}, 144);
    QVERIFY(s.striped);
    QCOMPARE(qint64(s.parents), qint64(18));
    QCOMPARE(qint64(s.linksPerParent), qint64(128));
    QCOMPARE(qint64(detail::stripedUplinks(72, 18)), qint64(72));
    // A leaf short of one node (31 down, 31 up, 33 free ports) rounds up to 32 over 4 spines.
    s = detail::stripe({{32, 32, 7}, {31, 33, 1}}, 64);
    QCOMPARE(qint64(s.parents), qint64(4));
    QCOMPARE(qint64(s.linksPerParent), qint64(64));
    QCOMPARE(qint64(detail::stripedUplinks(31, 4)), qint64(32));
    // One rail of a GB200 SU: 8 leaves × 18 uplinks (46 free ports) on spines of 32 down. The
    // bound is 5 (144 / 32), and 5 spines would take 4 links from each leaf (20, two added); 6
    // divide 18: 3 links from each leaf, 24 spine ports.
    s = detail::stripe({{18, 46, 8}}, 32);
    QCOMPARE(qint64(s.parents), qint64(6));
    QCOMPARE(qint64(s.linksPerParent), qint64(24));
    QCOMPARE(qint64(detail::stripedUplinks(18, 6)), qint64(18));
    // A divisor beyond twice the bound is not taken: 17 uplinks on 8 leaves, bound 5 (136 / 32);
    // 17 is prime and more than 10, so uplinks round up: 5 spines, 4 links from each leaf (20).
    s = detail::stripe({{17, 47, 8}}, 32);
    QCOMPARE(qint64(s.parents), qint64(5));
    QCOMPARE(qint64(s.linksPerParent), qint64(32));
    QCOMPARE(qint64(detail::stripedUplinks(17, 5)), qint64(20));
    // 128 leaves cannot each reach 64-port spines: not striped, the bare bound 4,096 / 64.
    s = detail::stripe({{32, 32, 128}}, 64);
    QVERIFY(!s.striped);
    QCOMPARE(qint64(s.parents), qint64(64));
    // Nothing to stripe.
    s = detail::stripe({{0, 32, 8}}, 64);
    QCOMPARE(qint64(s.parents), qint64(0));
  }

  void modulesCountedAsPlugged() {
    // 10 GPU links of 12 m (multimode, 9 W per end) landing 5 + 5 on two leaves with twin-port
    // cages: 3 + 3 = 6 modules at the switches, 10 in the NICs. 4 leaf uplinks of 12 m: 2 modules
    // at each end. Power: switch ends (10 + 8) × 9 W = 162 W; NIC ends 10 × 9 W = 90 W.
    const auto cat = fixture::makeCatalog();
    detail::CableTally tally(cat, 400 * kGbps);
    tally.add(12, 10, {10, 6, 10, 10});
    tally.add(12, 4, {8, 4, 0, 0});
    FabricResult r;
    tally.finish(r);
    QCOMPARE(qint64(r.totalCables), qint64(14));
    QCOMPARE(qint64(r.transceivers), qint64(6 + 10 + 4));
    QCOMPARE(qint64(r.nicTransceivers), qint64(10));
    QCOMPARE(r.opticsPower, 162.0);
    QCOMPARE(r.nicOpticsPower, 90.0);
    // Five NICs whose ports split into two planes each (800G NICs on 400G switch ports): the same
    // 10 links and 90 W at the NIC ends, in 5 twin-port modules.
    detail::CableTally twin(cat, 400 * kGbps);
    twin.add(12, 10, {10, 6, 10, 5});
    FabricResult t;
    twin.finish(t);
    QCOMPARE(qint64(t.nicTransceivers), qint64(5));
    QCOMPARE(qint64(t.transceivers), qint64(6 + 5));
    QCOMPARE(t.nicOpticsPower, 90.0);
    // Copper takes no module at either end.
    detail::CableTally copper(cat, 400 * kGbps);
    copper.add(1, 10, {10, 5, 10, 10});
    FabricResult c;
    copper.finish(c);
    QCOMPARE(qint64(c.transceivers), qint64(0));
    QCOMPARE(c.opticsPower, 0.0);
  }

  void mediumByLength_data() {
    QTest::addColumn<double>("length");
    QTest::addColumn<QString>("medium");
    QTest::newRow("1 m copper") << 1.0 << "dac-400g";
    QTest::newRow("3 m copper") << 3.0 << "dac-400g";
    QTest::newRow("3.1 m multimode") << 3.1 << "mm-400g";
    QTest::newRow("50 m multimode") << 50.0 << "mm-400g";
    QTest::newRow("51 m DR") << 51.0 << "sm-400g-dr4";
    QTest::newRow("500 m DR") << 500.0 << "sm-400g-dr4";
    QTest::newRow("501 m FR") << 501.0 << "sm-400g-fr4";
    QTest::newRow("2 km FR") << 2000.0 << "sm-400g-fr4";
    QTest::newRow("2.1 km none") << 2100.0 << "";
  }
  void mediumByLength() {
    QFETCH(double, length);
    QFETCH(QString, medium);
    const auto cat = fixture::makeCatalog();
    detail::CableTally tally(cat, 400 * kGbps);
    tally.add(length, 3, {3, 3, 3, 3});
    FabricResult r;
    tally.finish(r);
    QCOMPARE(qint64(r.totalCables), qint64(3));
    if (medium.isEmpty()) {
      QVERIFY(r.cables.empty());
      return;
    }
    QCOMPARE(int(r.cables.size()), 1);
    QCOMPARE(QString::fromStdString(r.cables[0].medium), medium);
    QCOMPARE(r.cables[0].bucket, lengthBucket(length));
    QCOMPARE(r.cables[0].totalLength, 3 * length);
  }

  // The shipped media give every optical link a part made for its rate: a 400G link never takes a
  // 2 × 400G twin-port module as if it were one faster link, and an 800G link (200G lanes, XDR)
  // takes a 200G-lane part at every reach. Copper may be faster than the link (an 800G ACC split
  // into two 400G ends); optics may not.
  void shippedOpticsMatchTheLinkRate_data() {
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("length");
    for (const double rate : {400.0, 800.0})
      for (const double length : {10.0, 40.0, 300.0, 1500.0})
        QTest::newRow(qPrintable(QString("%1G, %2 m").arg(rate).arg(length))) << rate << length;
  }
  void shippedOpticsMatchTheLinkRate() {
    QFETCH(double, rate);
    QFETCH(double, length);
    static const catalog::Catalog shipped = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    detail::CableTally tally(shipped, rate * kGbps);
    const int m = tally.add(length, 1, {1, 1, 1, 1});
    QVERIFY2(m >= 0, "no shipped medium reaches");
    const catalog::CableMedium* medium = shipped.medium(tally.mediumId(m));
    QVERIFY(medium);
    QVERIFY2(medium->transceiversPerLink > 0, tally.mediumId(m).c_str());
    QCOMPARE(medium->rate, rate * kGbps);
  }

  void noMediumAtRate() {
    const auto cat = fixture::makeCatalog();
    detail::CableTally tally(cat, 800 * kGbps);  // fixture media are all 400G
    QCOMPARE(tally.longestReach(), 0.0);
    QCOMPARE(tally.add(1.0, 1, {}), -1);
  }

  void buckets() {
    QCOMPARE(lengthBucket(0.5), 0);
    QCOMPARE(lengthBucket(3.0), 0);
    QCOMPARE(lengthBucket(3.01), 1);
    QCOMPARE(lengthBucket(2000), 7);
    QCOMPARE(lengthBucket(2001), 8);
    QCOMPARE(bucketLabel(8), std::string_view(">2 km"));
    QCOMPARE(bucketLabel(4), std::string_view("<=50 m"));
  }

  void idMatching() {
    QVERIFY(detail::idMatches("h1-net1", "h1-net1"));
    QVERIFY(!detail::idMatches("h1-net1", "h1-net12"));
    QVERIFY(detail::idMatches("h{h}-net{i}", "h2-net12"));
    QVERIFY(detail::idMatches("*-net*", "h2-net3"));
    QVERIFY(!detail::idMatches("h{h}-net{i}", "h2-row3"));
  }

  void routedLength() {
    // 3 m across + 4 m along + two 1 m drops = 9 m, +10 % slack.
    QCOMPARE(detail::routedLength({0, 0}, {3, -4}, 1.0, 0.1), 9.9);
  }

  void collectiveModel() {
    detail::CollectiveInputs in;
    in.scaleUpGpus = 8;
    in.scaleUpBandwidth = 450e9;
    in.leafGroupGpus = 256;
    in.podGpus = 1024;
    in.siteGpus = 4096;
    in.injection = 50e9;
    in.podOversubscription = 2;
    in.siteOversubscription = 8;
    in.podTiers = 2;
    in.tiers = 3;
    const auto c = detail::collectiveBandwidths(in);
    QCOMPARE(c[0].groupGpus, 8);
    QCOMPARE(c[0].allReduce, 450e9);
    QCOMPARE(c[1].allReduce, 50e9);
    QCOMPARE(c[2].allReduce, 25e9);
    QCOMPARE(c[3].reduceScatter, 50e9 / 8);
    QCOMPARE(c[3].switchHops, 5);
    // Ring vs tree: 8 GPUs all-reduce takes min(14, 6) NVLink steps.
    QCOMPARE(c[0].allReduceLatency, 6 * detail::kNvlinkStepLatency);
    QCOMPARE(c[0].allGatherLatency, 3 * detail::kNvlinkStepLatency);
    const double siteStep = detail::kNetworkStepLatency + 5 * detail::kSwitchHopLatency;
    QCOMPARE(c[3].allReduceLatency, 2 * 12 * siteStep);
    QCOMPARE(toString(Level::Pod), std::string_view("pod"));
  }
};

QTEST_APPLESS_MAIN(TestFabricParts)
#include "test_fabric_parts.moc"
