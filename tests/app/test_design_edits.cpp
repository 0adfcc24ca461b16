// The editor's design edits on the teaching hall, without a window: moves land where asked and
// refuse overlaps, whole rows move as rows, rotation turns about the selection's centre, delete
// removes templates or marks racks, duplicates and new rows find free floor, assignments go to the
// template when every rack of it is chosen, and every result loads again from its saved YAML.
#include <QtTest>

#include <cmath>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/gui/editing/design_edits.h"
#include "core/io/design_io.h"
#include "core/model/footprint.h"

using namespace gigaplan;
using namespace gigaplan::app::editing;
using namespace gigaplan::model;

namespace {

const catalog::Catalog& cat() {
  static const catalog::Catalog* c = cli::baseCatalog(std::cerr);
  return *c;
}

std::shared_ptr<const design::ResolvedDesign> teachingHall() {
  return design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml", cat()), cat());
}

ObjectSet ids(const design::ResolvedDesign& r, std::vector<std::string> list) {
  return objectsOf(r.layout, list);
}

// The edited design must survive saving and loading, and give the same layout.
std::shared_ptr<const design::ResolvedDesign> reload(const design::Design& d) {
  return design::resolve(io::loadDesignText(io::designToYaml(d), "edited.yaml", cat()), cat());
}

const design::Rack& rack(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.racks[static_cast<std::size_t>(r.layout.rackIndex.at(id))];
}

bool near(double a, double b) {
  return std::abs(a - b) < 1e-6;
}

}  // namespace

class TestDesignEdits : public QObject {
  Q_OBJECT
 private slots:
  void snapsAlongAndAcrossTheRow_data() {
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("dy");
    QTest::addColumn<double>("rotation");
    QTest::addColumn<double>("grid");
    QTest::addColumn<double>("ex");
    QTest::addColumn<double>("ey");
    QTest::newRow("3 m along +x") << 3.1 << 0.2 << 0.0 << 0.6 << 3.0 << 0.0;
    QTest::newRow("rounds to nearest") << 0.31 << -0.29 << 0.0 << 0.6 << 0.6 << 0.0;
    QTest::newRow("row along +y") << 0.2 << 2.9 << 90.0 << 0.6 << 0.0 << 3.0;
    QTest::newRow("grid off") << 0.123 << 0.456 << 0.0 << 0.0 << 0.123 << 0.456;
    // 3√2 m along a 45° row snaps to 4 m (grid 1 m): 4/√2 on each axis.
    QTest::newRow("diagonal row") << 3.0 << 3.0 << 45.0 << 1.0 << 4 / std::sqrt(2.0) << 4 / std::sqrt(2.0);
  }
  void snapsAlongAndAcrossTheRow() {
    QFETCH(double, dx);
    QFETCH(double, dy);
    QFETCH(double, rotation);
    QFETCH(double, grid);
    QFETCH(double, ex);
    QFETCH(double, ey);
    const design::Vec2 s = snapDelta({dx, dy}, rotation, grid);
    QVERIFY2(near(s.x, ex) && near(s.y, ey), qPrintable(QString("%1 %2").arg(s.x).arg(s.y)));
  }

  void linesGearUpWithOtherGear() {
    const auto r = teachingHall();
    // ups-a stands at (70, 14) m; tx-1 at (60, 14), the dry coolers at x = 84 m (y 10 and 16), the
    // hall's A busways at y = 15, 19, 23, 27 m.
    const auto aligned = [&](std::vector<std::string> moved, design::Vec2 raw) {
      return alignDelta(*r, ids(*r, std::move(moved)), raw, snapDelta(raw, 0, 0.6));
    };
    // 0.3 m off tx-1's line: back on it (y), while x keeps the grid.
    design::Vec2 d = aligned({"ups-a"}, {4.3, 0.3});
    QVERIFY2(near(d.x, 4.2) && near(d.y, 0), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
    // 0.3 m off the dry coolers' line: onto x = 84 m; y onto the hall's busway bw-1-a (y = 15 m).
    d = aligned({"ups-a"}, {13.7, 1.1});
    QVERIFY2(near(d.x, 14) && near(d.y, 1), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
    // Nothing within 0.5 m on either axis (x 77.6 m, y 11.9 m): the grid's snap.
    d = aligned({"ups-a"}, {7.6, -2.1});
    QVERIFY2(near(d.x, 7.8) && near(d.y, -2.4), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
    // The moved units are no lines to align with: ups-a and ups-b share x = 70 m.
    d = aligned({"ups-a", "ups-b"}, {0.2, 0});
    QVERIFY2(near(d.x, 0) && near(d.y, 0), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
    // Racks follow their row's pitch: the grid's snap as it is.
    d = aligned({"a-1", "ups-a"}, {13.7, 1.1});
    QVERIFY2(near(d.x, 13.8) && near(d.y, 1.2), qPrintable(QString("%1 %2").arg(d.x).arg(d.y)));
  }

  void footprintsOverlap_data() {
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("dy");
    QTest::addColumn<double>("rotation");
    QTest::addColumn<bool>("overlap");
    QTest::newRow("side by side at the rack width") << 0.6 << 0.0 << 0.0 << false;
    QTest::newRow("half a rack along") << 0.3 << 0.0 << 0.0 << true;
    QTest::newRow("back to back") << 0.0 << 1.2 << 0.0 << false;
    QTest::newRow("turned and crossing") << 0.0 << 0.5 << 90.0 << true;
    QTest::newRow("far away") << 5.0 << 5.0 << 30.0 << false;
  }
  void footprintsOverlap() {
    QFETCH(double, dx);
    QFETCH(double, dy);
    QFETCH(double, rotation);
    QFETCH(bool, overlap);
    const Footprint a{{0, 0}, 0.6, 1.2, 0};
    const Footprint b{{dx, dy}, 0.6, 1.2, rotation};
    QCOMPARE(overlaps(a, b), overlap);
    QCOMPARE(overlaps(b, a), overlap);
  }

  void movesARackAlongItsRow() {
    const auto r = teachingHall();
    const design::Vec2 before = rack(*r, "a-4").position;
    const EditOutcome out = moveObjects(*r, ids(*r, {"a-4"}), {3.0, 0});
    QVERIFY2(out, out.refusal.c_str());
    const auto after = reload(*out.design);
    QVERIFY(near(rack(*after, "a-4").position.x, before.x + 3.0));
    QVERIFY(near(rack(*after, "a-4").position.y, before.y));
    QVERIFY(near(rack(*after, "a-3").position.x, rack(*r, "a-3").position.x));  // neighbours stay
  }

  void refusesAMoveOntoAnotherRack() {
    const auto r = teachingHall();
    const EditOutcome out = moveObjects(*r, ids(*r, {"a-1"}), {0.6, 0});
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("a-2"), out.refusal.c_str());
  }

  void movesAWholeRowAsARow() {
    const auto r = teachingHall();
    const EditOutcome out = moveObjects(*r, ids(*r, {"a"}), {0, -1.2});
    QVERIFY2(out, out.refusal.c_str());
    QVERIFY(out.design->overrides.count("a"));     // one row override…
    QVERIFY(!out.design->overrides.count("a-1"));  // …not one per rack
    const auto after = reload(*out.design);
    for (const char* id : {"a-1", "a-2", "a-3", "a-4"})
      QVERIFY(near(rack(*after, id).position.y, rack(*r, id).position.y - 1.2));
  }

  void rotatesAboutTheSelectionCentre() {
    const auto r = teachingHall();
    const EditOutcome out = rotateObjects(*r, ids(*r, {"b"}), 90);
    QVERIFY2(out, out.refusal.c_str());
    const auto after = reload(*out.design);
    const auto& row = r->layout.rows[static_cast<std::size_t>(r->layout.rowIndex.at("b"))];
    const double cx = 0.5 * (row.start.x + row.end.x), cy = 0.5 * (row.start.y + row.end.y);
    for (const char* id : {"b-1", "b-4"}) {
      const auto& was = rack(*r, id);
      const auto& now = rack(*after, id);
      QVERIFY(near(now.rotation, 90));
      QVERIFY(near(now.position.x, cx - (was.position.y - cy)));
      QVERIFY(near(now.position.y, cy + (was.position.x - cx)));
    }
  }

  void deletesAWholeRowTemplate() {
    const auto r = teachingHall();
    const EditOutcome out = deleteObjects(*r, ids(*r, {"s-1"}));
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.design->halls[0].rows.size(), r->design.halls[0].rows.size() - 1);
    const auto after = reload(*out.design);
    QCOMPARE(after->layout.racks.size(), r->layout.racks.size() - 1);
    QVERIFY(!after->layout.rowIndex.count("s"));
  }

  void deletesSomeRacksByOverride() {
    const auto r = teachingHall();
    const EditOutcome out = deleteObjects(*r, ids(*r, {"a-2", "b-4"}));
    QVERIFY2(out, out.refusal.c_str());
    QVERIFY(out.design->overrides.at("a-2").removed);
    const auto after = reload(*out.design);
    QCOMPARE(after->layout.racks.size(), r->layout.racks.size() - 2);
    QVERIFY(!after->layout.rackIndex.count("a-2"));
  }

  void refusesToDeleteEquipmentStillInUse() {
    const auto r = teachingHall();
    const EditOutcome out = deleteObjects(*r, ids(*r, {"cdu-1"}));
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("cools rack"), out.refusal.c_str());
  }

  // The network's core_air_handler is a reference too: deleting that unit would leave a file that
  // does not load again.
  void refusesToDeleteTheCoreRoomsAirHandler() {
    design::Design d = io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml", cat());
    design::CoolingUnitSpec ahu;
    ahu.id = "core-ahu";
    ahu.kind = design::CoolingKind::AirHandler;
    ahu.model = "air-handler";
    ahu.rejectsTo = {"chiller-1"};
    d.cooling.push_back(ahu);
    d.network.coreAirHandler = "core-ahu";
    const auto r = design::resolve(d, cat());
    const EditOutcome out = deleteObjects(*r, ids(*r, {"core-ahu"}));
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("still cools the core room"), out.refusal.c_str());
  }

  // So are network.core_feeds: a UPS feeding the core room stays until another is named.
  void refusesToDeleteTheCoreRoomsFeed() {
    design::Design d = io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml", cat());
    design::PowerNodeSpec ups;
    ups.id = "core-ups";
    ups.kind = design::PowerKind::Ups;
    ups.model = "ups-1500kw";
    ups.fedBy = {"tx-2"};
    d.power.push_back(ups);
    d.network.coreFeeds = {"core-ups"};
    const auto r = design::resolve(d, cat());
    QCOMPARE(r->layout.coreFeedA, r->layout.powerIndex.at("core-ups"));
    const EditOutcome out = deleteObjects(*r, ids(*r, {"core-ups"}));
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("still feeds the core room"), out.refusal.c_str());
  }

  void duplicatesRowsOnFreeFloor() {
    const auto r = teachingHall();
    const EditOutcome out = duplicateRows(*r, ids(*r, {"b-2"}));
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.select, std::vector<std::string>{"b-copy"});
    const auto after = reload(*out.design);
    QCOMPARE(after->layout.racks.size(), r->layout.racks.size() + 4);
    // The network rack override of b-4 comes along, and the copy stands on free floor.
    QCOMPARE(rack(*after, "b-copy-4").type, std::string("network-rack"));
    const FootprintIndex index = FootprintIndex::ofLayout(r->layout);
    for (int k = 1; k <= 4; ++k)
      QVERIFY(index.overlapping(rackFootprint(rack(*after, "b-copy-" + std::to_string(k)))).empty());
    QCOMPARE(rack(*after, "b-copy-1").feedA, rack(*after, "b-1").feedA);
    // A copy of the copy is another copy of b, not "b-copy-copy".
    const EditOutcome again = duplicateRows(*after, ids(*after, {"b-copy-1"}));
    QVERIFY2(again, again.refusal.c_str());
    QCOMPARE(again.select, std::vector<std::string>{"b-copy1"});
  }

  void addsARowAtAFreePlace() {
    const auto r = teachingHall();
    const EditOutcome out = addRow(*r, 0, "gb200-nvl72", 5);
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.select.size(), std::size_t(1));
    const auto after = reload(*out.design);
    QCOMPARE(after->layout.racks.size(), r->layout.racks.size() + 5);
    const FootprintIndex index = FootprintIndex::ofLayout(r->layout);
    const auto& row = after->layout.rows[static_cast<std::size_t>(after->layout.rowIndex.at(out.select[0]))];
    for (int k = 0; k < row.rackCount; ++k) {
      QVERIFY(
          index.overlapping(rackFootprint(after->layout.racks[static_cast<std::size_t>(row.firstRack + k)])).empty());
    }
    QVERIFY(!addRow(*r, 0, "no-such-rack", 3));
  }

  void setsTypesOnRacksOrTheirTemplate() {
    const auto r = teachingHall();
    const EditOutcome one = setRackField(*r, ids(*r, {"a-1"}), RackField::Type, "dgx-h100-rack");
    QVERIFY2(one, one.refusal.c_str());
    QCOMPARE(*one.design->overrides.at("a-1").type, std::string("dgx-h100-rack"));
    const EditOutcome row = setRackField(*r, ids(*r, {"a"}), RackField::Type, "dgx-h100-rack");
    QVERIFY2(row, row.refusal.c_str());
    QCOMPARE(row.design->halls[0].rows[0].rackType, std::string("dgx-h100-rack"));
    QVERIFY(!row.design->overrides.count("a-1"));
    const auto after = reload(*row.design);
    QCOMPARE(rack(*after, "a-3").type, std::string("dgx-h100-rack"));
    QVERIFY(!setRackField(*r, ids(*r, {"a-1"}), RackField::Type, "no-such-rack"));
  }

  void reassignsFeedsAndCooling() {
    const auto r = teachingHall();
    const EditOutcome out = setRackField(*r, ids(*r, {"b-1"}), RackField::FeedA, "bw-1-a");
    QVERIFY2(out, out.refusal.c_str());
    const auto after = reload(*out.design);
    QCOMPARE(after->layout.power[static_cast<std::size_t>(rack(*after, "b-1").feedA)].id, std::string("bw-1-a"));
    const EditOutcome bad = setRackField(*r, ids(*r, {"b-1"}), RackField::Cdu, "ahu-1");  // not a CDU
    QVERIFY(bad);
    QVERIFY_THROWS_EXCEPTION(io::LoadError, design::resolve(*bad.design, cat()));
  }

  void clearsOverrides() {
    const auto r = teachingHall();
    const EditOutcome out = clearOverrides(*r, ids(*r, {"b-4"}));
    QVERIFY2(out, out.refusal.c_str());
    QVERIFY(!out.design->overrides.count("b-4"));
    QVERIFY(!clearOverrides(*r, ids(*r, {"a-1"})));  // nothing to clear
  }
};

QTEST_GUILESS_MAIN(TestDesignEdits)
#include "test_design_edits.moc"
