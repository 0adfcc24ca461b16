// Template expansion: ids, positions, references and overrides of a small design, computed by hand.
#include <QtTest>

#include "core/catalog/catalog_loader.h"
#include "core/design/expand.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"

using namespace gigaplan;

namespace {

const catalog::Catalog& cat() {
  static const catalog::Catalog c = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return c;
}

// Two halls of two rows of four racks; busways per pair of racks ({k/2}), A/B cycling UPS.
const char* kDesign = R"(format: 1
site: {name: X, size: [200 m, 100 m]}
power:
  - {id: grid, kind: grid, rating: 50 MW}
  - {id: 'ups-{i}', count: 2, kind: ups, model: ups-1500kw, fed_by: grid}
halls:
  - id: 'h{h}'
    count: 2
    origin: [10 m, 10 m]
    step: [60 m, 0 m]
    size: [50 m, 30 m]
    power:
      - {id: 'h{h}-bw{i}', count: 4, kind: busway, model: busway-800a, fed_by: 'ups-{i%2}'}
      - {id: 'h{h}-bwb{i}', count: 2, kind: busway, model: busway-800a, fed_by: ups-2}
    rows:
      - id: 'h{h}-r{i}'
        count: 2
        origin: [5 m, 4 m]
        pitch: 3.6 m
        racks: 4
        rack_pitch: 0.6 m
        rack: gb200-nvl72
        feed_a: 'h{h}-bw{k/2}'
        feed_b: 'h{h}-bwb{i:01}'
)";

}  // namespace

class TestExpand : public QObject {
  Q_OBJECT
 private slots:
  void countsAndIds() {
    auto r = design::resolve(io::loadDesignText(kDesign, "x.yaml", cat()), cat());
    const auto& l = r->layout;
    QCOMPARE(l.halls.size(), std::size_t{2});
    QCOMPARE(l.rows.size(), std::size_t{4});
    QCOMPARE(l.racks.size(), std::size_t{16});
    QCOMPARE(l.power.size(), std::size_t{1 + 2 + 8 + 4});
    QCOMPARE(QString::fromStdString(l.halls[1].id), QString("h2"));
    QCOMPARE(QString::fromStdString(l.rows[3].id), QString("h2-r2"));
    QCOMPARE(QString::fromStdString(l.racks[5].id), QString("h1-r2-2"));
    QCOMPARE(design::countObjects(r->design), std::uint64_t{2 + 4 + 16 + 1 + 2 + 8 + 4});
  }

  void positionsFollowOriginsPitchAndSteps() {
    auto r = design::resolve(io::loadDesignText(kDesign, "x.yaml", cat()), cat());
    const auto& l = r->layout;
    // Hall 2 starts at 10 + 60 m; row 2 is one 3.6 m pitch up; rack 3 is two 0.6 m pitches along.
    const auto& rack = l.racks[static_cast<std::size_t>(l.rackIndex.at("h2-r2-3"))];
    QCOMPARE(rack.position.x, 70.0 + 5.0 + 1.2);
    QCOMPARE(rack.position.y, 10.0 + 4.0 + 3.6);
    QCOMPARE(l.halls[1].origin.x, 70.0);
  }

  void referencesResolveThroughPatterns() {
    auto r = design::resolve(io::loadDesignText(kDesign, "x.yaml", cat()), cat());
    const auto& l = r->layout;
    const auto feedOf = [&](const char* rack, bool b) {
      const auto& rk = l.racks[static_cast<std::size_t>(l.rackIndex.at(rack))];
      return QString::fromStdString(l.power[static_cast<std::size_t>(b ? rk.feedB : rk.feedA)].id);
    };
    QCOMPARE(feedOf("h1-r1-1", false), QString("h1-bw1"));  // {k/2}: racks 1,2 → 1
    QCOMPARE(feedOf("h1-r1-3", false), QString("h1-bw2"));  // racks 3,4 → 2
    QCOMPARE(feedOf("h2-r2-4", true), QString("h2-bwb2"));  // {i}: row 2
    const auto& bw3 = l.power[static_cast<std::size_t>(l.powerIndex.at("h1-bw3"))];
    QCOMPARE(QString::fromStdString(l.power[static_cast<std::size_t>(bw3.fedBy.at(0))].id), QString("ups-1"));  // {i%2}
    QCOMPARE(bw3.rating, cat().power("busway-800a")->rating);
  }

  void overridesMoveRetypeAndRemove() {
    auto d = io::loadDesignText(kDesign, "x.yaml", cat());
    d.overrides["h1-r1-2"].position = design::Vec2{30, 25};
    d.overrides["h1-r1-3"].type = "gb300-nvl72";
    d.overrides["h1-r1-4"].removed = true;
    d.overrides["h2-r1"].position = design::Vec2{100, 20};  // a whole row
    auto r = design::resolve(d, cat());
    const auto& l = r->layout;
    QCOMPARE(l.racks.size(), std::size_t{15});
    QVERIFY(!l.rackIndex.count("h1-r1-4"));
    const auto& moved = l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-r1-2"))];
    QCOMPARE(moved.position.x, 30.0);
    QCOMPARE(QString::fromStdString(l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-r1-3"))].type),
             QString("gb300-nvl72"));
    const auto& row = l.rows[static_cast<std::size_t>(l.rowIndex.at("h1-r1"))];
    QCOMPARE(row.rackCount, 3);
    // The whole row h2-r1 moved: its racks follow the new start along the row.
    const auto& first = l.racks[static_cast<std::size_t>(l.rackIndex.at("h2-r1-1"))];
    const auto& last = l.racks[static_cast<std::size_t>(l.rackIndex.at("h2-r1-4"))];
    QCOMPARE(first.position.x, 100.0);
    QCOMPARE(first.position.y, 20.0);
    QVERIFY(qFuzzyCompare(last.position.x, 101.8));
    // Racks stay contiguous per row after removal.
    for (const auto& rw : l.rows) {
      for (int k = 0; k < rw.rackCount; ++k) {
        QCOMPARE(l.racks[static_cast<std::size_t>(rw.firstRack + k)].row, static_cast<int>(&rw - l.rows.data()));
      }
    }
  }

  // `units` on one node of a repeated template: ups-1500kw is rated 1.5 MW per cabinet, so 3
  // units make 4.5 MW on ups-2 while ups-1 keeps its 1 × 1.5 MW; saving writes it back, and
  // `units` on a rack or a row is refused with its location.
  void unitsOverrideSetsTheBank() {
    auto d = io::loadDesignText(kDesign, "x.yaml", cat());
    d.overrides["ups-2"].units = 3;
    auto r = design::resolve(d, cat());
    const auto& l = r->layout;
    const auto& ups2 = l.power[static_cast<std::size_t>(l.powerIndex.at("ups-2"))];
    const auto& ups1 = l.power[static_cast<std::size_t>(l.powerIndex.at("ups-1"))];
    QCOMPARE(ups2.units, 3);
    QCOMPARE(ups2.rating, 4.5e6);
    QCOMPARE(ups1.units, 1);
    QCOMPARE(ups1.rating, 1.5e6);
    const std::string text = io::designToYaml(d);
    QVERIFY2(text.find("ups-2: {units: 3}") != std::string::npos, text.c_str());
    QCOMPARE(io::loadDesignText(text, "y.yaml", cat()).overrides.at("ups-2").units, std::optional<int>(3));
    for (const char* id : {"h1-r1-2", "h1-r1"}) {
      auto bad = io::loadDesignText(kDesign, "x.yaml", cat());
      bad.overrides[id].units = 2;
      QVERIFY_THROWS_EXCEPTION(std::exception, design::resolve(bad, cat()));
    }
    const std::string text0 = std::string(kDesign) + "overrides:\n  ups-1: {units: 0}\n";
    try {
      io::loadDesignText(text0, "x.yaml", cat());
      QFAIL("units: 0 was accepted");
    } catch (const std::exception& e) {
      QVERIFY2(std::string(e.what()).find("units") != std::string::npos, e.what());
    }
  }

  void rotatedRowsRunAlongTheirDirection() {
    std::string text = kDesign;
    text.replace(text.find("pitch: 3.6 m"), 12, "pitch: 3.6 m\n        rotation: 90");
    auto r = design::resolve(io::loadDesignText(text, "x.yaml", cat()), cat());
    const auto& l = r->layout;
    const auto& a = l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-r1-1"))];
    const auto& b = l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-r1-2"))];
    QCOMPARE(b.position.x, a.position.x);
    QVERIFY(qFuzzyCompare(b.position.y - a.position.y, 0.6));
    // Rows step perpendicular to the row: towards -x for a row running +y.
    const auto& c = l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-r2-1"))];
    QVERIFY(qFuzzyCompare(a.position.x - c.position.x, 3.6));
  }
};

QTEST_APPLESS_MAIN(TestExpand)
#include "test_expand.moc"
