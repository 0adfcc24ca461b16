// Power analysis on hand-built chains: load flow, losses, PUE, capacity, failover, N+1 siblings,
// multi-parent nodes, sources and batteries — each expectation worked out by hand in the comments.
#include <QtTest>

#include <algorithm>
#include <utility>

#include "core/evaluate/evaluation.h"
#include "core/power/source_split.h"
#include "engine_fixture.h"

using namespace gigaplan;
using design::PowerKind;
using engine::fixture::buildChain;
using engine::fixture::Chain;
using engine::fixture::countCode;
using engine::fixture::Site;

namespace {

// IT + network + cooling + losses must equal what the sources give (plus stranded load).
void checkConservation(const power::PowerFlow& f) {
  const double lhs = f.it + f.network + f.cooling + f.losses;
  const double rhs = f.sourceDraw + f.stranded;
  QVERIFY2(std::fabs(lhs - rhs) <= 1e-9 * std::max(1.0, rhs), qPrintable(QString("%1 vs %2").arg(lhs).arg(rhs)));
}

// A 300 kW grid and a 1 MW generator in parallel above a transformer, a busway and two 100 kW
// racks; returns the grid and generator nodes.
std::pair<int, int> gridAndGenerator(Site& s) {
  const int grid = s.power("grid", PowerKind::Grid, "", {}, 300e3);
  const int gen = s.power("gen1", PowerKind::Generator, "gen", {});
  const int tx = s.power("tx1", PowerKind::Transformer, "tx", {grid, gen});
  const int bus = s.power("bus", PowerKind::Busway, "bw", {tx});
  s.rack("rack1", "r100", 2, 5, bus);
  s.rack("rack2", "r100", 3, 5, bus);
  return {grid, gen};
}

}  // namespace

class TestPower : public QObject {
  Q_OBJECT
 private slots:
  void chainLoadsLossesAndPue() {
    Site s;
    const Chain c = buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const auto& p = e.power;
    // 4 racks × 100 kW, half on each busway: 200 kW out of each busway.
    QCOMPARE(p.nominal.out[c.busA], 200e3);
    QCOMPARE(p.nominal.out[c.busB], 200e3);
    // Busway 99 %, UPS 95 %, transformer 98 %: each stage divides by its efficiency.
    QVERIFY(qFuzzyCompare(p.nominal.in[c.busA], 200e3 / 0.99));
    QVERIFY(qFuzzyCompare(p.nominal.out[c.upsA], 200e3 / 0.99));
    QVERIFY(qFuzzyCompare(p.nominal.out[c.tx], 400e3 / 0.99 / 0.95));
    const double facility = 400e3 / 0.99 / 0.95 / 0.98;
    QVERIFY(qFuzzyCompare(p.facility, facility));
    QVERIFY(qFuzzyCompare(p.nominal.in[c.grid], facility));
    QCOMPARE(p.it, 400e3);
    QVERIFY(qFuzzyCompare(p.losses, facility - 400e3));
    QVERIFY(qFuzzyCompare(p.pue, facility / 400e3));  // 1.0850
    QVERIFY(p.pue > 1.08 && p.pue < 1.09);
    // Peak: 120 kW racks → 240 kW on each 500 kW busway.
    QVERIFY(qFuzzyCompare(p.utilisation[c.busA], 0.48));
    QVERIFY(qFuzzyCompare(p.peakFacility, 480e3 / 0.99 / 0.95 / 0.98));
    // The 5 MW grid connection feeds one transformer that carries 2 MW of real power: the source
    // delivers what that transformer passes, not its own rating (a 240 MW connection into a 228 MW
    // HV substation counts 228 MW).
    QCOMPARE(p.gridCapacity, 2e6);
    QCOMPARE(p.sourceCapacity, 2e6);
    QVERIFY(qFuzzyCompare(p.headroom, 2e6 - p.peakFacility));
    QCOMPARE(countCode(e, "power.overload"), 0);
    QCOMPARE(countCode(e, "power.redundancy-lost"), 0);
    checkConservation(p.nominal);
    checkConservation(p.peak);
  }

  void transformerRatedInApparentPower() {
    Site s;
    s.design.site.powerFactor = 0.9;
    const Chain c = buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // 2 MVA × 0.9 = 1.8 MW of real power; UPS (kW-rated) unchanged.
    QVERIFY(qFuzzyCompare(e.power.utilisation[c.tx] * 1.8e6, e.power.peak.out[c.tx]));
    QVERIFY(qFuzzyCompare(e.power.utilisation[c.upsA] * 1e6, e.power.peak.out[c.upsA]));
  }

  // Gear limited by its current states its kW at a power factor; at a lower site power factor the
  // same current carries less real power (an 800 A, 415 V busway: 546 kW at 0.95, 489 kW at 0.85).
  void currentLimitedGearFollowsThePowerFactor_data() {
    QTest::addColumn<double>("sitePf");
    QTest::addColumn<double>("busCapacity");
    QTest::newRow("site pf as stated") << 0.95 << 250e3;
    QTest::newRow("lower site pf") << 0.85 << 250e3 * 0.85 / 0.95;
    QTest::newRow("unity site pf") << 1.0 << 250e3 / 0.95;
  }
  void currentLimitedGearFollowsThePowerFactor() {
    QFETCH(double, sitePf);
    QFETCH(double, busCapacity);
    Site s;
    s.gear("bw", catalog::PowerGearKind::Busway, 250e3, 0.99).ratingPowerFactor = 0.95;
    s.design.site.powerFactor = sitePf;
    const Chain c = buildChain(s);  // 240 kW on each busway at peak
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.utilisation[c.busA] * busCapacity, e.power.peak.out[c.busA]));
    QVERIFY(qFuzzyCompare(e.power.utilisation[c.upsA] * 1e6, e.power.peak.out[c.upsA]));  // kW-rated: unchanged
    // 240 kW fits 250 kW at 0.95, not the 224 kW the same current carries at 0.85.
    QCOMPARE(countCode(e, "power.overload"), sitePf < 0.9 ? 2 : 0);
  }

  void overloadAtPeak() {
    Site s;
    s.gear("bw", catalog::PowerGearKind::Busway, 200e3, 0.99);  // 240 kW at peak on each
    buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.overload"), 2);
    const auto it =
        std::find_if(e.findings.begin(), e.findings.end(), [](auto& f) { return f.code == "power.overload"; });
    QCOMPARE(it->value, 240e3);
    QCOMPARE(it->limit, 200e3);
    QVERIFY(it->severity == engine::Severity::Error);
    QVERIFY(e.hasErrors());
  }

  void failoverMovesAbLoad() {
    Site s;
    s.gear("bw", catalog::PowerGearKind::Busway, 300e3, 0.99);  // 240 kW each at peak: fine until one fails
    const Chain c = buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.overload"), 0);
    // Busway A fails: all 480 kW moves to busway B (300 kW) → lost. The same for B, and for either
    // UPS (it cuts its busway). The transformer's failure stops everything: nothing to carry.
    QCOMPARE(countCode(e, "power.redundancy-lost"), 4);
    QCOMPARE(countCode(e, "power.redundancy-lost", "bus-a"), 1);
    QCOMPARE(countCode(e, "power.redundancy-lost", "ups-a"), 1);
    QCOMPARE(countCode(e, "power.redundancy-lost", "tx1"), 0);
    QCOMPARE(e.power.failover.failuresChecked, 5);
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.busB], 480e3 / 300e3));
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [](auto& f) { return f.code == "power.redundancy-lost" && f.object == "bus-a"; });
    QCOMPARE(it->value, 480e3);
    QCOMPARE(it->limit, 300e3);
    QVERIFY(it->message.find("bus-b") != std::string::npos);
  }

  void failoverPropagatesUpstream() {
    Site s;
    s.gear("ups", catalog::PowerGearKind::Ups, 300e3, 0.95);
    const Chain c = buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Busway A fails: busway B carries 480 kW (fine, 500 kW) but UPS B then delivers 480 / 0.99.
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.upsB], 480e3 / 0.99 / 300e3));
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [](auto& f) { return f.code == "power.redundancy-lost" && f.object == "bus-a"; });
    QVERIFY(it != e.findings.end());
    QVERIFY(it->message.find("ups-b") != std::string::npos);
    // The transformer sees no change: what UPS B gains, UPS A loses.
    QVERIFY(e.power.failover.worstUtilisation[c.tx] <= e.power.utilisation[c.tx] * (1 + 1e-12));
  }

  void nPlusOneSiblingsCatchAFailure_data() {
    QTest::addColumn<double>("rackLoad");
    QTest::addColumn<int>("lost");
    // 3 UPS of 100 kW under an N+1 switchboard, one single-fed rack each behind a 99 % busway.
    // One UPS fails: each sibling gains half of load / 0.99.
    QTest::newRow("60 kW racks: 90.9 kW each after") << 60e3 << 0;
    QTest::newRow("80 kW racks: 121 kW each after") << 80e3 << 3;
  }
  void nPlusOneSiblingsCatchAFailure() {
    QFETCH(double, rackLoad);
    QFETCH(int, lost);
    Site s;
    auto& rt = s.catalog.racks["r100"];
    rt.power = rt.peakPower = rackLoad;
    s.gear("ups", catalog::PowerGearKind::Ups, 100e3, 1.0);
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int sb = s.power("sb", PowerKind::Switchboard, "sb", {grid}, 0, design::Redundancy::NPlus1);
    std::vector<int> ups, bus;
    for (int i = 0; i < 3; ++i) {
      ups.push_back(s.power("ups" + std::to_string(i), PowerKind::Ups, "ups", {sb}));
      bus.push_back(s.power("bus" + std::to_string(i), PowerKind::Busway, "bw", {ups.back()}));
      s.rack("rack" + std::to_string(i), "r100", 2 + i, 5, bus.back());
    }
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.redundancy-lost"), lost);
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[ups[1]], (rackLoad + rackLoad / 2) / 0.99 / 100e3));
    // A caught UPS stops no GPU; its busway (single, no N+1 above it) stops its rack's 4.
    QCOMPARE(e.reliability.powerGpus[ups[0]], std::int64_t{0});
    QCOMPARE(e.reliability.powerGpus[bus[0]], std::int64_t{4});
    QCOMPARE(e.reliability.powerGpus[sb], std::int64_t{12});
  }

  void multiParentNodeMovesToTheSurvivor() {
    Site s;
    auto& big = s.catalog.racks["big"];
    big = s.catalog.racks["r100"];
    big.id = "big";
    big.power = big.peakPower = 1.2e6;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int t1 = s.power("tx-1", PowerKind::Transformer, "tx", {grid}, 1e6);
    const int t2 = s.power("tx-2", PowerKind::Transformer, "tx", {grid}, 1e6);
    const int sb = s.power("sb", PowerKind::Switchboard, "sb", {t1, t2});
    s.rack("big1", "big", 5, 5, sb);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Baseline: 600 kW through each 1 MW transformer. Either fails: 1.2 MW on the other.
    QCOMPARE(e.power.peak.out[t1], 600e3);
    QCOMPARE(countCode(e, "power.overload"), 0);
    QCOMPARE(countCode(e, "power.redundancy-lost", "tx-1"), 1);
    QCOMPARE(countCode(e, "power.redundancy-lost", "tx-2"), 1);
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[t2], 1.2));
    // Neither transformer alone stops the rack; the switchboard does.
    QCOMPARE(e.reliability.powerGpus[t1], std::int64_t{0});
    QCOMPARE(e.reliability.powerGpus[sb], std::int64_t{4});
    checkConservation(e.power.nominal);
  }

  void sourcesAndGenerators() {
    Site s;
    const auto [grid, gen] = gridAndGenerator(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Source capacity = grid 300 kW + generator 1 MW; parallel parents share the transformer's
    // draw by capacity: the grid carries 300 / 1300 of it, the generator 1000 / 1300. Each
    // delivers its rating here: its share of the 2 MW transformer is larger.
    QCOMPARE(e.power.sourceCapacity, 1.3e6);
    QCOMPARE(e.power.gridCapacity, 300e3);
    QCOMPARE(e.power.generationCapacity, 1e6);
    const double txIn = 200e3 / 0.99 / 0.98;
    QVERIFY(qFuzzyCompare(e.power.nominal.in[grid], txIn * 3 / 13));
    QVERIFY(qFuzzyCompare(e.power.nominal.in[gen], txIn * 10 / 13));
    QCOMPARE(countCode(e, "power.source-short"), 0);
    // 3/13 of 240 kW / 0.99 / 0.98 = 57 kW on the 300 kW grid: within rating.
    QCOMPARE(countCode(e, "power.overload", "grid"), 0);
    checkConservation(e.power.nominal);
  }

  // In operation a generator runs within its minimum load and its rating (power::SourceSplit). The
  // site of sourcesAndGenerators draws 200 kW / 0.99 / 0.98 = 206.1 kW; the generator's share,
  // 10/13 of it, is 158.6 kW. At a 20 % minimum load it is held at 200 kW and the grid carries the
  // other 6.1 kW; without one it carries its share.
  void generatorsHoldTheirMinimumLoad() {
    Site s;
    s.catalog.powerGear["gen"].minLoad = 0.2;
    gridAndGenerator(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const double draw = 200e3 / 0.99 / 0.98;
    QVERIFY(qFuzzyCompare(e.power.facility, draw));
    QVERIFY(qFuzzyCompare(e.power.generationCarried, 200e3));
    QVERIFY(qFuzzyCompare(e.power.gridCarried, draw - 200e3));
    QVERIFY(e.power.generationAtMinimum);
    QVERIFY(power::carriedText(e.power).find("minimum load") != std::string::npos);

    const power::SourceSplit split(s.layout, e.power.nominal);
    QCOMPARE(split.sources().size(), std::size_t{2});
    std::vector<double> w;
    split.carry(1e6, w);  // share 769 kW: above the minimum, below the 1 MW rating
    QVERIFY(qFuzzyCompare(w[1], 1e6 * 10 / 13));
    QVERIFY(qFuzzyCompare(w[0] + w[1], 1e6));
    split.carry(2e6, w);  // share 1.54 MW: capped at the rating, the grid takes the rest
    QCOMPARE(w[1], 1e6);
    QCOMPARE(w[0], 1e6);
    split.carry(50e3, w);  // below the minimum load itself: the grid exports the difference
    QCOMPARE(w[1], 200e3);
    QCOMPARE(w[0], -150e3);
    QCOMPARE(split.generation(50e3), 200e3);

    // Generators alone follow the load, minimum or not (an island); without min_load they carry
    // their share.
    const power::SourceSplit island({{0, PowerKind::Generator, 1, 200e3, 1e6}});
    island.carry(50e3, w);
    QCOMPARE(w[0], 50e3);
    s.catalog.powerGear["gen"].minLoad = 0;
    const auto plain = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(plain.power.generationCarried, draw * 10 / 13));
    QVERIFY(!plain.power.generationAtMinimum);
    QVERIFY(power::carriedText(plain.power).find("minimum load") == std::string::npos);
  }

  void sourceShort() {
    Site s;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 400e3);
    const int bus = s.power("bus", PowerKind::Busway, "bw", {grid});
    s.rack("rack1", "r100", 2, 5, bus);
    s.rack("rack2", "r100", 3, 5, bus);
    s.rack("rack3", "r100", 4, 5, bus);
    s.rack("rack4", "r100", 5, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Peak 480 kW / 0.99 = 485 kW from a 400 kW grid connection.
    QCOMPARE(countCode(e, "power.source-short"), 1);
    QCOMPARE(countCode(e, "power.overload", "grid"), 1);
    QVERIFY(e.power.headroom < 0);
  }

  void batteries_data() {
    QTest::addColumn<double>("energyKwh");
    QTest::addColumn<int>("racks");
    QTest::addColumn<double>("minutes");
    QTest::addColumn<int>("rideShort");
    QTest::addColumn<int>("powerShort");
    // Ride-through is computed at peak: facility = racks × 120 kW / 0.99 / 0.98 (busway 99 %,
    // transformer 98 %); minutes = energy / facility. 4 racks draw 494.7 kW at peak, within the
    // 500 kW battery; 8 racks draw 989 kW, beyond it. 500 kWh at 494.7 kW = 60.6 min.
    QTest::newRow("500 kWh, 4 racks") << 500.0 << 4 << 500.0 / (480 / 0.99 / 0.98) * 60 << 0 << 0;
    QTest::newRow("10 kWh, 4 racks") << 10.0 << 4 << 10.0 / (480 / 0.99 / 0.98) * 60 << 1 << 0;
    QTest::newRow("500 kWh, 8 racks") << 500.0 << 8 << 500.0 / (960 / 0.99 / 0.98) * 60 << 0 << 1;
  }
  void batteries() {
    QFETCH(double, energyKwh);
    QFETCH(int, racks);
    QFETCH(double, minutes);
    QFETCH(int, rideShort);
    QFETCH(int, powerShort);
    Site s;
    s.catalog.powerGear["bat"].energy = energyKwh * 3.6e6;
    s.gear("bw", catalog::PowerGearKind::Busway, 2e6, 0.99);
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int bat = s.power("bat1", PowerKind::Battery, "bat", {});
    const int tx = s.power("tx1", PowerKind::Transformer, "tx", {grid, bat});
    const int bus = s.power("bus", PowerKind::Busway, "bw", {tx});
    for (int i = 0; i < racks; ++i) s.rack("rack" + std::to_string(i), "r100", 2 + 0.6 * i, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Batteries carry no steady-state load while the grid is there.
    QCOMPARE(e.power.nominal.in[bat], 0.0);
    QCOMPARE(e.power.nominal.batteryDraw, 0.0);
    QCOMPARE(e.power.batteryPower, 500e3);
    QVERIFY(qFuzzyCompare(e.power.rideThrough / 60, minutes));
    QCOMPARE(countCode(e, "power.ride-through-short"), rideShort);
    QCOMPARE(countCode(e, "power.battery-power-short"), powerShort);
    QCOMPARE(countCode(e, "power.battery-load"), 0);
    // A battery is not an alternate path for failure domains: the transformer still stops all.
    QCOMPARE(e.reliability.powerGpus[tx], std::int64_t{4 * racks});
  }

  // Gear that holds within 5 % of its rating is noted once for the site: a 500 kW busway under four
  // racks of 120 kW peak carries 480 kW, 96 %; at 400 kW (80 %) nothing is said, and past its
  // rating it is an overload, not a thin margin.
  void thinMarginIsNoted() {
    const auto evaluateWith = [](double busway) {
      Site s;
      s.gear("bw", catalog::PowerGearKind::Busway, busway, 0.99);
      const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
      const int bus = s.power("bus", PowerKind::Busway, "bw", {grid});
      for (int i = 0; i < 4; ++i) s.rack("rack" + std::to_string(i), "r100", 2 + 0.6 * i, 5, bus);
      return engine::evaluate(s.design, s.layout, s.catalog);
    };
    const auto thin = evaluateWith(500e3);
    QCOMPARE(countCode(thin, "power.thin-margin"), 1);
    const auto it = std::find_if(thin.findings.begin(), thin.findings.end(),
                                 [](const auto& f) { return f.code == "power.thin-margin"; });
    QVERIFY(it->severity == engine::Severity::Info);
    QCOMPARE(it->object, std::string("bus"));
    QVERIFY2(it->message.find("1 power node runs above 95 % of its rating at peak or with one node failed (1 "
                              "busway), up to 96.0 % (bus): a load a few percent above the catalog's figures") == 0,
             it->message.c_str());
    QCOMPARE(countCode(evaluateWith(600e3), "power.thin-margin"), 0);
    const auto over = evaluateWith(450e3);
    QCOMPARE(countCode(over, "power.thin-margin"), 0);
    QCOMPARE(countCode(over, "power.overload"), 1);
  }

  // A UPS without battery nodes: its stored energy is not in the design, so the ride-through is
  // not checked, and the site is told so (a note, not a warning: the energy exists, unstated).
  void upsWithoutBatteriesIsNoted() {
    Site s;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int ups = s.power("ups1", PowerKind::Ups, "ups", {grid});
    const int bus = s.power("bus", PowerKind::Busway, "bw", {ups});
    s.rack("rack0", "r100", 2, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.ride-through-unstated"), 1);
    QCOMPARE(e.power.rideThrough, 0.0);
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [](const auto& f) { return f.code == "power.ride-through-unstated"; });
    QVERIFY(it->severity == engine::Severity::Info);
    QVERIFY2(it->message.find("The design has 1 UPS but no batteries") == 0, it->message.c_str());
    // With a battery beside it, the ride-through is checked instead.
    Site b;
    b.catalog.powerGear["bat"].energy = 500 * 3.6e6;
    const int g2 = b.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int bat = b.power("bat1", PowerKind::Battery, "bat", {});
    const int u2 = b.power("ups1", PowerKind::Ups, "ups", {g2, bat});
    b.rack("rack0", "r100", 2, 5, b.power("bus", PowerKind::Busway, "bw", {u2}));
    QCOMPARE(countCode(engine::evaluate(b.design, b.layout, b.catalog), "power.ride-through-unstated"), 0);
  }

  void batteryAsOnlySupply() {
    Site s;
    const int bat = s.power("bat1", PowerKind::Battery, "bat", {});
    const int bus = s.power("bus", PowerKind::Busway, "bw", {bat});
    s.rack("rack1", "r100", 2, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.battery-load", "bat1"), 1);
    QVERIFY(qFuzzyCompare(e.power.nominal.batteryDraw, 100e3 / 0.99));
    checkConservation(e.power.nominal);
  }

  void notFedAndCycles() {
    Site s;
    const Chain c = buildChain(s, 2);
    s.rack("orphan", "r100", 10, 5, design::kNone);
    const int floating = s.power("floating", PowerKind::Busway, "bw", {});
    s.rack("on-floating", "r100", 11, 5, floating);
    const int a = s.power("loop-a", PowerKind::Pdu, "bw", {});
    const int b = s.power("loop-b", PowerKind::Pdu, "bw", {a});
    s.layout.power[a].fedBy = {b};
    s.rack("on-loop", "r100", 12, 5, b);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(countCode(e, "power.not-fed", "orphan"), 1);
    QCOMPARE(countCode(e, "power.not-fed", "floating"), 1);
    QCOMPARE(countCode(e, "power.cycle", "loop-a"), 1);
    QCOMPARE(countCode(e, "power.cycle", "loop-b"), 1);
    // The orphan draws nothing; the floating busway's and the loop's racks are stranded.
    QCOMPARE(e.power.unfed, 100e3);
    QVERIFY(qFuzzyCompare(e.power.nominal.stranded, 100e3 / 0.99 + 100e3));
    QVERIFY(qFuzzyCompare(e.power.nominal.in[c.grid], 200e3 / 0.99 / 0.95 / 0.98));
    checkConservation(e.power.nominal);
  }

  void efficiencyFollowsTheCurve() {
    // Fixture curve (round numbers, not equipment data): 90 % at 25 % load, 94 % at 50 %, 96 % at
    // 100 %. grid → UPS (1 MW) → busway (99 %) → racks on one feed.
    Site s;
    s.catalog.powerGear["ups"].efficiencyCurve = {{0.25, 0.90}, {0.50, 0.94}, {1.00, 0.96}};
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int ups = s.power("ups1", PowerKind::Ups, "ups", {grid});
    const int bus = s.power("bus", PowerKind::Busway, "bw", {ups});
    for (int i = 0; i < 4; ++i) s.rack("rack" + std::to_string(i), "r100", 2 + 0.6 * i, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // Nominal: UPS out = 400 kW / 0.99 = 404.04 kW = 40.4 % load, between the 25 % and 50 %
    // points: 0.90 + (0.94 − 0.90) × (0.40404 − 0.25) / 0.25 = 0.92465.
    const double out = 400e3 / 0.99, x = out / 1e6, eff = 0.90 + 0.04 * (x - 0.25) / 0.25;
    QVERIFY(qFuzzyCompare(e.power.nominal.out[ups], out));
    QVERIFY(qFuzzyCompare(e.power.nominal.in[ups], out / eff));
    QVERIFY(eff > 0.9246 && eff < 0.9247);
    // Peak: 480 kW / 0.99 = 484.85 kW = 48.5 % → 0.90 + 0.04 × 0.2348 / 0.25 = 0.93758.
    const double peakOut = 480e3 / 0.99, peakEff = 0.90 + 0.04 * (peakOut / 1e6 - 0.25) / 0.25;
    QVERIFY(qFuzzyCompare(e.power.peak.in[ups], peakOut / peakEff));
    QVERIFY(qFuzzyCompare(e.power.losses, out / eff - 400e3));
    checkConservation(e.power.nominal);
    checkConservation(e.power.peak);
    // One rack: 101 kW = 10 % load, below the first point. The losses there are a fixed part plus
    // a square-law part through the first two points: per unit of rating 0.25 × (1/0.90 − 1) =
    // 0.027778 at 25 % and 0.5 × (1/0.94 − 1) = 0.031915 at 50 %, so 0.022065 x² + 0.026399; at
    // x = 0.10101 they are 0.026624 and the efficiency 0.10101 / 0.127634 = 79.14 % (held flat
    // at 90 %, the losses would be 0.011223, under the fixed part).
    Site one;
    one.catalog.powerGear["ups"].efficiencyCurve = {{0.25, 0.90}, {0.50, 0.94}, {1.00, 0.96}};
    const int g1 = one.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int u1 = one.power("ups1", PowerKind::Ups, "ups", {g1});
    const int b1 = one.power("bus", PowerKind::Busway, "bw", {u1});
    one.rack("rack0", "r100", 2, 5, b1);
    const auto e1 = engine::evaluate(one.design, one.layout, one.catalog);
    const double x1 = 100e3 / 0.99 / 1e6, eff1 = x1 / (x1 + lightLoadLoss(x1));
    QVERIFY(eff1 > 0.7913 && eff1 < 0.7915);
    QVERIFY(qFuzzyCompare(e1.power.nominal.in[u1], 100e3 / 0.99 / eff1));
  }

  // The fixture curve's losses below its first point, per unit of rating (see above).
  static double lightLoadLoss(double x) {
    const double a = 0.25 * (1 / 0.90 - 1), b = 0.5 * (1 / 0.94 - 1);
    const double square = (b - a) / (0.25 - 0.0625);
    return a - square * 0.0625 + square * x * x;
  }

  void twoNGearRunsLowOnItsCurve() {
    // The reference chain with the fixture curve on both UPS (2N): at peak each carries 240 kW /
    // 0.99 = 242.4 kW = 24.2 % of 1 MW, just below the 25 % point → 89.8 %, in = 269.9 kW each.
    Site s;
    s.catalog.powerGear["ups"].efficiencyCurve = {{0.25, 0.90}, {0.50, 0.94}, {1.00, 0.96}};
    const Chain c = buildChain(s);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const double half = 240e3 / 0.99, halfEff = (half / 1e6) / (half / 1e6 + lightLoadLoss(half / 1e6));
    QVERIFY(halfEff > 0.897 && halfEff < 0.90);
    QVERIFY(qFuzzyCompare(e.power.peak.in[c.upsA], half / halfEff));
    // UPS A fails: UPS B delivers 484.85 kW = 48.5 % → 93.758 %, drawing 517.13 kW. The
    // transformer then carries 517.13 kW, less than the 539.8 kW it carries with both UPS at 89.8 %:
    // its failover utilisation stays at its normal 539.8 / 2,000 = 27.0 %, never below.
    const double after = 2 * half, afterEff = 0.90 + 0.04 * (after / 1e6 - 0.25) / 0.25;
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.upsB], after / 1e6));
    QVERIFY(qFuzzyCompare(e.power.utilisation[c.tx], 2 * half / halfEff / 2e6));
    QVERIFY(after / afterEff < 2 * half / halfEff);
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.tx], e.power.utilisation[c.tx]));
    // Every node: failover utilisation ≥ normal utilisation.
    for (std::size_t i = 0; i < s.layout.power.size(); ++i)
      QVERIFY(e.power.failover.worstUtilisation[i] >= e.power.utilisation[i]);
    checkConservation(e.power.peak);
  }

  void parallelParentsShareByCapacity() {
    // A 3 MW and a 1 MW transformer (98 %) in parallel feed a switchboard with one 100 kW rack
    // (120 kW peak). The switchboard's draw splits 3 : 1.
    Site s;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int big = s.power("tx-big", PowerKind::Transformer, "tx", {grid}, 3e6);
    const int small = s.power("tx-small", PowerKind::Transformer, "tx", {grid}, 1e6);
    const int sb = s.power("sb", PowerKind::Switchboard, "sb", {big, small});
    s.rack("rack1", "r100", 2, 5, sb);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.nominal.out[big], 75e3));
    QVERIFY(qFuzzyCompare(e.power.nominal.out[small], 25e3));
    QVERIFY(qFuzzyCompare(e.power.nominal.in[grid], 100e3 / 0.98));
    // tx-big fails: tx-small carries the whole 120 kW peak (12 % of 1 MW); tx-small fails:
    // tx-big carries 120 kW (4 % of 3 MW).
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[small], 0.12));
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[big], 0.04));
    checkConservation(e.power.nominal);
  }

  void banksFailOneUnitAtATime_data() {
    QTest::addColumn<double>("unitRating");
    QTest::addColumn<bool>("spared");
    // Three transformer units feed 4 racks single-fed through a busway (99 %): peak out of the
    // transformer = 480 kW / 0.99 = 484.85 kW. With one unit out two remain.
    // 2 MW units: two carry 4 MW ≥ 484.85 kW → one unit failing stops nothing.
    QTest::newRow("spare unit") << 2e6 << true;
    // 200 kW units: two carry 400 kW < 484.85 kW → the bank trips and stops all 16 GPUs.
    QTest::newRow("no spare unit") << 200e3 << false;
  }
  void banksFailOneUnitAtATime() {
    QFETCH(double, unitRating);
    QFETCH(bool, spared);
    Site s;
    s.design.site.maxFailureShare = 1;  // this test is about the domain, not the warning
    s.catalog.powerGear["tx"].rating = unitRating;
    const int grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    const int tx = s.power("tx-bank", PowerKind::Transformer, "tx", {grid}, 0, design::Redundancy::None, 3);
    const int bus = s.power("bus", PowerKind::Busway, "bw", {tx});
    for (int i = 0; i < 4; ++i) s.rack("rack" + std::to_string(i), "r100", 2 + 0.6 * i, 5, bus);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    const double out = 480e3 / 0.99;
    QCOMPARE(e.reliability.powerGpus[tx], std::int64_t(spared ? 0 : 16));
    // The busway (one unit) still stops all four racks.
    QCOMPARE(e.reliability.powerGpus[bus], std::int64_t{16});
    // With one unit out the bank's own utilisation is out / (2 units).
    if (spared)
      QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[tx], out / (2 * unitRating)));
    else
      QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[tx], e.power.utilisation[tx]));
  }

  void wholeSparedBankStillFailsOver() {
    // The reference chain with 2-unit UPS nodes (2 × 1 MW each side): at peak each side delivers
    // 240 kW / 0.99 = 242.4 kW, within one unit, so one module failing stops nothing. The whole
    // UPS A failing is still checked: UPS B then delivers 480 kW / 0.99 = 484.8 kW of its 2 MW.
    Site s;
    Chain c;
    c.grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
    c.tx = s.power("tx1", PowerKind::Transformer, "tx", {c.grid});
    c.upsA = s.power("ups-a", PowerKind::Ups, "ups", {c.tx}, 0, design::Redundancy::None, 2);
    c.upsB = s.power("ups-b", PowerKind::Ups, "ups", {c.tx}, 0, design::Redundancy::None, 2);
    c.busA = s.power("bus-a", PowerKind::Busway, "bw", {c.upsA});
    c.busB = s.power("bus-b", PowerKind::Busway, "bw", {c.upsB});
    for (int i = 0; i < 4; ++i) s.rack("rack" + std::to_string(i + 1), "r100", 2 + 0.6 * i, 5, c.busA, c.busB);
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.upsB], 480e3 / 0.99 / 2e6));
    QCOMPARE(e.reliability.powerGpus[c.upsA], std::int64_t{0});
    QCOMPARE(countCode(e, "power.redundancy-lost"), 0);
  }

  void coolingUnitLoadSplitsOverItsFeeds() {
    // A CDU fed from busway A and busway B of the reference chain, like a rack: its pumps draw
    // 4 kW × 320 / 400 = 3.2 kW at nominal (4 racks × 80 kW liquid), 1.6 kW on each busway.
    Site s;
    const Chain c = buildChain(s);
    const int cdu = s.cooling("cdu1", design::CoolingKind::Cdu, "cdu", {}, c.busA);
    s.layout.cooling[cdu].fedBy = {c.busA, c.busB};
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    QVERIFY(qFuzzyCompare(e.power.nominal.out[c.busA], 200e3 + 1.6e3));
    QVERIFY(qFuzzyCompare(e.power.nominal.out[c.busB], 200e3 + 1.6e3));
    // Peak: 4 × 96 kW liquid → 3.84 kW of pumps. Busway A fails: busway B carries 480 kW of racks
    // and the whole 3.84 kW → 483.84 kW of its 500 kW.
    QVERIFY(qFuzzyCompare(e.power.failover.worstUtilisation[c.busB], (480e3 + 3.84e3) / 500e3));
    // Neither busway alone stops the CDU or its racks.
    QCOMPARE(e.reliability.powerGpus[c.busA], std::int64_t{0});
    QCOMPARE(e.reliability.coolingGpus[cdu], std::int64_t{16});
    checkConservation(e.power.nominal);
    checkConservation(e.power.peak);
  }

  void facilityLoadsAreDrawnAtTheSources() {
    Site s;
    const Chain c = buildChain(s);
    const int cdu = s.cooling("cdu1", design::CoolingKind::Cdu, "cdu", {});
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const auto e = engine::evaluate(s.design, s.layout, s.catalog);
    // 4 × 80 kW liquid → CDU at 320 / 400 → 3.2 kW of pumps, not fed by a node: at the grid.
    QVERIFY(qFuzzyCompare(e.power.cooling, 3.2e3));
    QVERIFY(qFuzzyCompare(e.power.facility, 400e3 / 0.99 / 0.95 / 0.98 + 3.2e3));
    checkConservation(e.power.nominal);
    checkConservation(e.power.peak);
  }

  // The sources that take loads with no feeding node are those that feed the site, shared by their
  // ratings: a standby generator wired to nothing carries none of the CDU's 3.2 kW of pumps; a
  // second grid connection of twice the rating that feeds a transformer carries two thirds.
  void facilityLoadsGoToTheSourcesThatFeedTheSite() {
    Site s;
    const Chain c = buildChain(s);
    const int cdu = s.cooling("cdu1", design::CoolingKind::Cdu, "cdu", {});
    for (int r : c.racks) s.layout.racks[r].cdu = cdu;
    const int standby = s.power("gen", PowerKind::Generator, "", {}, 10e6);
    const auto alone = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(alone.power.nominal.out[standby], 0.0);
    QVERIFY(qFuzzyCompare(alone.power.nominal.out[c.grid], 400e3 / 0.99 / 0.95 / 0.98 + 3.2e3));
    const int grid2 = s.power("grid2", PowerKind::Grid, "", {}, 10e6);  // twice the 5 MW of `grid`
    s.power("tx2", PowerKind::Transformer, "tx", {grid2});
    const auto two = engine::evaluate(s.design, s.layout, s.catalog);
    QCOMPARE(two.power.nominal.out[standby], 0.0);
    QVERIFY(qFuzzyCompare(two.power.nominal.out[grid2] - two.power.nominal.in[s.layout.powerIndex.at("tx2")],
                          2 * 3.2e3 / 3));
    checkConservation(two.power.nominal);
  }
};

QTEST_GUILESS_MAIN(TestPower)
#include "test_power.moc"
