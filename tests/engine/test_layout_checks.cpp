// Layout checks: racks outside their hall and overlapping racks, including rotated racks, and the
// grid hash agreeing with a brute-force comparison of every pair.
#include <QtTest>

#include <random>

#include "core/evaluate/layout_checks.h"
#include "engine_fixture.h"

using namespace gigaplan;
using engine::fixture::Site;

namespace {

int count(const std::vector<engine::Finding>& f, const std::string& code) {
  return static_cast<int>(std::count_if(f.begin(), f.end(), [&](const auto& x) { return x.code == code; }));
}

}  // namespace

class TestLayoutChecks : public QObject {
  Q_OBJECT
 private slots:
  void pairs_data() {
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("dy");
    QTest::addColumn<double>("rotation");
    QTest::addColumn<int>("overlaps");
    // Two 0.6 × 1.2 m racks; the second offset by (dx, dy) and rotated.
    QTest::newRow("side by side, touching") << 0.6 << 0.0 << 0.0 << 0;
    QTest::newRow("5 cm into each other") << 0.55 << 0.0 << 0.0 << 1;
    QTest::newRow("back to back, touching") << 0.0 << 1.2 << 0.0 << 0;
    QTest::newRow("rotated 90 degrees, apart") << 0.95 << 0.0 << 90.0 << 0;
    QTest::newRow("rotated 90 degrees, crossing") << 0.85 << 0.0 << 90.0 << 1;
    QTest::newRow("rotated 45 degrees, corner in") << 0.65 << 0.0 << 45.0 << 1;
  }
  void pairs() {
    QFETCH(double, dx);
    QFETCH(double, dy);
    QFETCH(double, rotation);
    QFETCH(int, overlaps);
    Site s;
    s.rack("a", "r100", 10, 10, design::kNone);
    const int b = s.rack("b", "r100", 10 + dx, 10 + dy, design::kNone);
    s.layout.racks[b].rotation = rotation;
    const auto f = engine::checkLayout(s.layout);
    QCOMPARE(count(f, "layout.racks-overlap"), overlaps);
    QCOMPARE(count(f, "layout.rack-outside-hall"), 0);
  }

  void outsideTheHall_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("rotation");
    QTest::addColumn<int>("outside");
    // Hall h1: 40 × 20 m from the origin; racks 0.6 wide (x), 1.2 deep (y).
    QTest::newRow("well inside") << 20.0 << 10.0 << 0.0 << 0;
    QTest::newRow("flush with x = 0") << 0.3 << 10.0 << 0.0 << 0;
    QTest::newRow("10 cm past x = 0") << 0.2 << 10.0 << 0.0 << 1;
    QTest::newRow("past y = 20") << 20.0 << 19.5 << 0.0 << 1;
    QTest::newRow("rotated: depth now along x") << 0.4 << 10.0 << 90.0 << 1;
    QTest::newRow("hall without a size: not checked") << -5.0 << 10.0 << 0.0 << -1;
  }
  void outsideTheHall() {
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, rotation);
    QFETCH(int, outside);
    Site s;
    const int r = s.rack("a", "r100", x, y, design::kNone);
    s.layout.racks[r].rotation = rotation;
    if (outside < 0) s.layout.halls[0].size = {0, 0};
    const auto f = engine::checkLayout(s.layout);
    QCOMPARE(count(f, "layout.rack-outside-hall"), std::max(outside, 0));
    if (outside > 0) QCOMPARE(f[0].object, std::string("a"));
  }

  // Gear that serves racks from inside (CDU, air handler, busway, PDU) and is its hall's, standing
  // beyond the floor: a warning. Yard gear of the hall (a chiller, a transformer) may stand outside;
  // site-level gear has no hall.
  void gearOutsideItsHall() {
    Site s;  // hall h1: 40 × 20 m from the origin
    const int grid = s.power("grid", design::PowerKind::Grid, "", {}, 5e6);
    const int bus = s.power("bus", design::PowerKind::Busway, "bw", {grid});
    const int tx = s.power("tx", design::PowerKind::Transformer, "tx", {grid});
    const int cdu = s.cooling("cdu", design::CoolingKind::Cdu, "cdu", {});
    const int chiller = s.cooling("chiller", design::CoolingKind::Chiller, "chiller", {});
    s.layout.power[grid].hall = design::kNone;
    s.layout.power[grid].position = {100, 100};
    s.layout.power[bus].position = {20, 10};
    s.layout.power[tx].position = {50, 10};
    s.layout.cooling[cdu].position = {40.4, 10};  // its centre 0.4 m past the wall: set against it
    s.layout.cooling[chiller].position = {60, 10};
    QCOMPARE(count(engine::checkLayout(s.layout), "layout.gear-outside-hall"), 0);
    s.layout.power[bus].position = {20, 25};
    s.layout.cooling[cdu].position = {56, 10};
    const auto f = engine::checkLayout(s.layout);
    QCOMPARE(count(f, "layout.gear-outside-hall"), 2);
    for (const auto& x : f)
      if (x.code == "layout.gear-outside-hall") {
        QVERIFY(x.severity == engine::Severity::Warning);
        QVERIFY2(x.object == "bus" ? x.message ==
                                         "bus, a busway of hall h1, stands 5 m outside its floor: it feeds "
                                         "the hall's racks from inside; move it in, or check its position"
                                   : x.object == "cdu" && x.value == 16,
                 x.message.c_str());
      }
  }

  void gridHashMatchesBruteForce() {
    Site s;
    s.layout.halls[0].size = {200, 200};
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> pos(5, 60), angle(0, 360);
    for (int i = 0; i < 600; ++i) {
      const int r = s.rack("r" + std::to_string(i), "r100", pos(rng), pos(rng), design::kNone);
      s.layout.racks[r].rotation = i % 3 == 0 ? angle(rng) : 0;
    }
    const auto f = engine::checkLayout(s.layout);
    // Brute force: every pair on its own (the pair test itself is covered by pairs() above), so
    // any pair the grid hash fails to compare shows up as a difference in the count.
    int expected = 0;
    for (std::size_t i = 0; i < s.layout.racks.size(); ++i)
      for (std::size_t j = i + 1; j < s.layout.racks.size(); ++j) {
        Site pair;
        pair.layout.halls[0].size = {200, 200};
        pair.layout.racks = {s.layout.racks[i], s.layout.racks[j]};
        expected += count(engine::checkLayout(pair.layout), "layout.racks-overlap");
      }
    QVERIFY(expected > 10);  // the random layout does produce overlaps
    QCOMPARE(count(f, "layout.racks-overlap"), expected);
  }
};

QTEST_GUILESS_MAIN(TestLayoutChecks)
#include "test_layout_checks.moc"
