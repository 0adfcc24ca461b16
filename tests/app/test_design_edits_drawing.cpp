// Laying out halls and rows with the mouse, as edits: a hall drawn as a rectangle, a row drawn by
// dragging, and a hall moved, resized, deleted, duplicated and taken out of its template — each
// checked on the three-hall site (one template, halls h1–h3 of 50 m × 40 m, 60 m apart), for what
// it writes, what it refuses and why, and that the result saves and loads again.
#include <QtTest>

#include "app/gui/editing/design_edits.h"
#include "design_test_support.h"

using namespace gigaplan;
using namespace gigaplan::app::editing;
using design::Vec2;
using test::cat;
using test::kThreeHalls;
using test::resolveText;
using test::roundTrip;

namespace {

int hallIndex(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.hallIndex.at(id);
}

int racksIn(const design::ResolvedDesign& r, const std::string& hall) {
  int n = 0;
  for (const auto& rack : r.layout.racks) n += r.layout.halls[static_cast<std::size_t>(rack.hall)].id == hall;
  return n;
}

const design::Rack& rack(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.racks[static_cast<std::size_t>(r.layout.rackIndex.at(id))];
}

const design::PowerNode& nodeOf(const design::ResolvedDesign& r, int index) {
  return r.layout.power[static_cast<std::size_t>(index)];
}

// The design after the edit, resolved; fails the test when the edit was refused.
std::shared_ptr<const design::ResolvedDesign> applied(const EditOutcome& out) {
  if (!out) {
    qWarning("refused: %s", out.refusal.c_str());
    return nullptr;
  }
  return design::resolve(*out.design, cat());
}

void expectRefusal(const EditOutcome& out, const char* part) {
  QVERIFY2(!out, "the edit should have been refused");
  QVERIFY2(QString::fromStdString(out.refusal).contains(part), out.refusal.c_str());
}

}  // namespace

class TestDesignEditsDrawing : public QObject {
  Q_OBJECT
 private slots:
  void drawsAHallSnappedToWholeMetres() {
    const auto r = resolveText(kThreeHalls);
    const HallSketch s = sketchHall(*r, {230.6, 40.4}, {190.3, 10.2});  // dragged from any corner
    QVERIFY2(s.refusal.empty(), s.refusal.c_str());
    QCOMPARE(s.origin.x, 190.0);
    QCOMPARE(s.origin.y, 10.0);
    QCOMPARE(s.size.x, 41.0);
    QCOMPARE(s.size.y, 30.0);
    const auto after = applied(drawHall(*r, {230.6, 40.4}, {190.3, 10.2}));
    QVERIFY(after);
    QCOMPARE(after->layout.halls.size(), std::size_t(4));
    const design::Hall& h = after->layout.halls.back();
    QCOMPARE(h.origin.x, 190.0);
    QCOMPARE(h.size.x, 41.0);
    // A new hall never takes a name another hall shows ("Hall 1" is h1's).
    QVERIFY(h.name != "Hall 1" && h.name != "Hall 2" && h.name != "Hall 3");
    QVERIFY(after->design.site.size.x >= 231.0);
    QVERIFY(roundTrip(after->design));
  }

  void linesUpWithTheWallsOfOtherHalls() {
    const auto r = resolveText(kThreeHalls);
    // h3's walls run along y = 10 m and y = 50 m: corners drawn within 1.5 m of them snap there.
    const HallSketch s = sketchHall(*r, {190.4, 11.2}, {231.3, 48.9});
    QCOMPARE(s.origin.y, 10.0);
    QCOMPARE(s.size.y, 40.0);
    QCOMPARE(s.origin.x, 190.0);  // no wall near: whole metres
    QCOMPARE(s.size.x, 41.0);
  }

  void refusesAHallTooSmallOrOnAnother() {
    const auto r = resolveText(kThreeHalls);
    expectRefusal(drawHall(*r, {190, 10}, {193, 40}), "at least 5 m");
    expectRefusal(drawHall(*r, {40, 20}, {80, 45}), "overlap Hall 1");
    QVERIFY(!sketchHall(*r, {40, 20}, {80, 45}).refusal.empty());
  }

  void drawsARowAlongTheDrag() {
    const auto r = resolveText(kThreeHalls);
    // In h2 (corner at 70, 10): 4.8 m east from (10.1, 25.2) inside the hall.
    const RowSketch s = sketchRow(*r, "dgx-h100-rack", {80.1, 35.2}, {84.9, 35.3});
    QVERIFY2(s.refusal.empty(), s.refusal.c_str());
    QCOMPARE(s.hall, hallIndex(*r, "h2"));
    QCOMPARE(s.rotation, 0.0);
    QCOMPARE(s.racks, 9);           // 4.8 m at a 0.6 m pitch: 8 gaps, 9 racks
    QCOMPARE(s.first.x, 70 + 9.9);  // the rack's west edge on the 0.6 m grid
    const EditOutcome out = drawRow(*r, "dgx-h100-rack", {80.1, 35.2}, {84.9, 35.3});
    const auto after = applied(out);
    QVERIFY(after);
    QCOMPARE(out.select, std::vector<std::string>{"h2-row1"});
    QCOMPARE(racksIn(*after, "h2"), 8 + 9);
    QCOMPARE(racksIn(*after, "h1"), 8);  // only the hall it was drawn in
    QCOMPARE(rack(*after, "h2-row1-9").position.x, 70 + 9.9 + 8 * 0.6);
    QVERIFY(roundTrip(after->design));
  }

  void drawsARowAlongYFromEitherEnd() {
    const auto r = resolveText(kThreeHalls);
    const RowSketch down = sketchRow(*r, "dgx-h100-rack", {100, 40}, {100.4, 32});
    const RowSketch up = sketchRow(*r, "dgx-h100-rack", {100, 32}, {100.4, 40});
    QVERIFY2(down.refusal.empty(), down.refusal.c_str());
    QCOMPARE(down.rotation, 90.0);
    QCOMPARE(down.racks, up.racks);
    QCOMPARE(down.first.y, up.first.y);  // the first rack is the southern one either way
    QVERIFY(down.first.y < 33);
  }

  void refusesARowOutsideAHallPastItsWallsOrOnRacks() {
    const auto r = resolveText(kThreeHalls);
    expectRefusal(drawRow(*r, "dgx-h100-rack", {65, 20}, {68, 20}), "inside a hall");
    expectRefusal(drawRow(*r, "dgx-h100-rack", {115, 20}, {130, 20}), "walls of Hall 2");
    // Across the existing rows of h2 (racks at 6–7.8 m east of its corner).
    expectRefusal(drawRow(*r, "dgx-h100-rack", {74, 16}, {80, 16}), "aisle");
    expectRefusal(drawRow(*r, "no-such-rack", {80, 30}, {84, 30}), "not a rack type");
  }

  void movesAndResizesEveryHallOfTheTemplate() {
    const auto r = resolveText(kThreeHalls);
    const Vec2 before = rack(*r, "h3-r1-1").position;
    const auto after = applied(setHallGeometry(*r, hallIndex(*r, "h2"), {75, 12}, {52, 41}));
    QVERIFY(after);
    QCOMPARE(after->design.halls.size(), std::size_t(1));
    for (const auto& h : after->layout.halls) {
      QCOMPARE(h.size.x, 52.0);
      QCOMPARE(h.size.y, 41.0);
    }
    QCOMPARE(after->layout.halls[1].origin.x, 75.0);
    QCOMPARE(after->layout.halls[0].origin.x, 15.0);  // the template moved by (5, 2)
    QCOMPARE(rack(*after, "h3-r1-1").position.x, before.x + 5);
    QCOMPARE(rack(*after, "h3-r1-1").position.y, before.y + 2);
    QVERIFY(roundTrip(after->design));
  }

  void movesAHallByItsWallsInWholeMetresOrOntoANeighboursWall() {
    // A hall of its own east of h3 (h3: x 130–180 m, y 10–50 m).
    const auto r = applied(drawHall(*resolveText(kThreeHalls), {190, 10}, {231, 40}));
    QVERIFY(r);
    const int h4 = static_cast<int>(r->layout.halls.size()) - 1;
    // No wall within 1.5 m: the move goes in whole metres.
    HallSketch s = hallDragged(*r, h4, HallGrip::Walls, {-7.6, 3.3});
    QVERIFY2(s.refusal.empty(), s.refusal.c_str());
    QCOMPARE(s.origin.x, 182.0);
    QCOMPARE(s.origin.y, 13.0);
    QCOMPARE(s.size.x, 41.0);  // a move keeps the size
    // The west wall comes within 1.5 m of h3's east wall (180 m) and lines up with it; the south
    // and north walls (12.9 m, 42.9 m) are near no wall, so y still goes in whole metres.
    s = hallDragged(*r, h4, HallGrip::Walls, {-9.2, 2.9});
    QCOMPARE(s.origin.x, 180.0);
    QCOMPARE(s.origin.y, 13.0);
    const auto after = applied(dragHall(*r, h4, HallGrip::Walls, {-9.2, 2.9}));
    QVERIFY(after);
    QCOMPARE(after->layout.halls[static_cast<std::size_t>(h4)].origin.x, 180.0);
    QVERIFY(roundTrip(after->design));
    // Less than half a metre east, and the south wall 0.4 m from the line of the others' (10 m):
    // where it was.
    s = hallDragged(*r, h4, HallGrip::Walls, {0.3, -0.4});
    QCOMPARE(s.origin.x, 190.0);
    QCOMPARE(s.origin.y, 10.0);
    // Onto h3: refused with the reason, as Properties would be.
    expectRefusal(dragHall(*r, h4, HallGrip::Walls, {-30, 0}), "would overlap");
  }

  void resizesAHallByACornerWhileTheOppositeOneStays() {
    const auto r = applied(drawHall(*resolveText(kThreeHalls), {190, 10}, {231, 40}));
    QVERIFY(r);
    const int h4 = static_cast<int>(r->layout.halls.size()) - 1;
    // The north-east corner out: x in whole metres, y onto h3's north wall (50 m) 0.8 m away.
    HallSketch s = hallDragged(*r, h4, HallGrip::NorthEast, {5.4, 9.2});
    QVERIFY2(s.refusal.empty(), s.refusal.c_str());
    QCOMPARE(s.origin.x, 190.0);
    QCOMPARE(s.origin.y, 10.0);
    QCOMPARE(s.size.x, 46.0);
    QCOMPARE(s.size.y, 40.0);
    // The south-west corner in: the north-east one stays at (231, 40).
    s = hallDragged(*r, h4, HallGrip::SouthWest, {3.2, 4.4});
    QCOMPARE(s.origin.x, 193.0);
    QCOMPARE(s.origin.y, 14.0);
    QCOMPARE(s.size.x, 38.0);
    QCOMPARE(s.size.y, 26.0);
    // Dragged past the opposite corner, the rectangle turns over instead of going negative.
    s = hallDragged(*r, h4, HallGrip::SouthEast, {-51, 0});
    QCOMPARE(s.origin.x, 180.0);
    QCOMPARE(s.size.x, 10.0);
    const auto after = applied(dragHall(*r, h4, HallGrip::NorthWest, {-2.2, 6.1}));
    QVERIFY(after);
    const design::Hall& h = after->layout.halls[static_cast<std::size_t>(h4)];
    QCOMPARE(h.origin.x, 188.0);
    QCOMPARE(h.size.x, 43.0);
    QCOMPARE(h.size.y, 36.0);
    QVERIFY(roundTrip(after->design));
    expectRefusal(dragHall(*r, h4, HallGrip::NorthEast, {-38, 0}), "at least 5 m");
  }

  void dragsEveryHallOfATemplateWithoutSnappingToThem() {
    const auto r = resolveText(kThreeHalls);
    // The template's halls move together, so their walls are nothing to line up with: 0.4 m east
    // is no move, 2.2 m north is 2 m, for all three.
    const HallSketch s = hallDragged(*r, hallIndex(*r, "h2"), HallGrip::Walls, {0.4, 2.2});
    QCOMPARE(s.origin.x, 70.0);
    QCOMPARE(s.origin.y, 12.0);
    const auto after = applied(dragHall(*r, hallIndex(*r, "h2"), HallGrip::Walls, {0.4, 2.2}));
    QVERIFY(after);
    for (const auto& h : after->layout.halls) QCOMPARE(h.origin.y, 12.0);
    QCOMPARE(rack(*after, "h1-r1-1").position.y, rack(*r, "h1-r1-1").position.y + 2);
  }

  void refusesAResizeThatLeavesRacksOutsideOrHallsOverlapping() {
    const auto r = resolveText(kThreeHalls);
    const int h1 = hallIndex(*r, "h1");
    expectRefusal(setHallGeometry(*r, h1, {10, 10}, {5, 40}), "outside Hall 1");
    expectRefusal(setHallGeometry(*r, h1, {10, 10}, {65, 40}), "would overlap");
    expectRefusal(setHallGeometry(*r, h1, {10, 10}, {50, 40}), "already stands there");
    // Onto the transformers in the yard (y = 70 m).
    expectRefusal(setHallGeometry(*r, h1, {10, 10}, {50, 62}), "would stand on");
  }

  void deletesOnlyTheLastHallOfATemplate() {
    const auto r = resolveText(kThreeHalls);
    expectRefusal(deleteHall(*r, hallIndex(*r, "h2")), "only the last one");
    const auto after = applied(deleteHall(*r, hallIndex(*r, "h3")));
    QVERIFY(after);
    QCOMPARE(after->layout.halls.size(), std::size_t(2));
    QCOMPARE(after->layout.racks.size(), std::size_t(16));
    QCOMPARE(after->design.halls[0].count, 2);
  }

  void takesTheLastHallOutOfItsTemplateKeepingItsIds() {
    const auto r = resolveText(kThreeHalls);
    expectRefusal(breakOutHall(*r, hallIndex(*r, "h1")), "Only the last hall");
    const auto after = applied(breakOutHall(*r, hallIndex(*r, "h3")));
    QVERIFY(after);
    QCOMPARE(after->design.halls.size(), std::size_t(2));
    QCOMPARE(after->design.halls[0].count, 2);
    QCOMPARE(after->design.halls[1].id, std::string("h3"));
    QCOMPARE(after->design.halls[1].name, std::string("Hall 3"));
    // Same objects, same places, same feeds: only how the file says it changed.
    QCOMPARE(after->layout.racks.size(), r->layout.racks.size());
    for (const auto& before : r->layout.racks) {
      const design::Rack& now = rack(*after, before.id);
      QCOMPARE(now.position.x, before.position.x);
      QCOMPARE(nodeOf(*after, now.feedA).id, nodeOf(*r, before.feedA).id);
    }
    const auto& bw = after->layout.power[static_cast<std::size_t>(after->layout.powerIndex.at("h3-bw1"))];
    QCOMPARE(nodeOf(*after, bw.fedBy.at(0)).id, std::string("tx-3"));
    expectRefusal(breakOutHall(*after, hallIndex(*after, "h3")), "already a hall of its own");
    QVERIFY(roundTrip(after->design));
  }

  void duplicatesAHallWithItsContents() {
    const auto r = resolveText(kThreeHalls);
    const EditOutcome out = duplicateHall(*r, hallIndex(*r, "h2"));
    const auto after = applied(out);
    QVERIFY(after);
    QCOMPARE(out.select.size(), std::size_t(1));
    const std::string id = out.select.front();
    QCOMPARE(racksIn(*after, id), 8);
    const design::Hall& copy = after->layout.halls.back();
    QCOMPARE(copy.id, id);
    QVERIFY(copy.origin.x >= 180);  // east of h3
    // Links inside the hall follow the copies; the transformer in the yard is the source's.
    const design::Rack& first = rack(*after, id + "-r1-1");
    QCOMPARE(nodeOf(*after, first.feedA).id, id + "-bw1");
    QCOMPARE(nodeOf(*after, nodeOf(*after, first.feedA).fedBy.at(0)).id, std::string("tx-2"));
    QCOMPARE(after->layout.cooling[static_cast<std::size_t>(first.airHandler)].id, id + "-ahu");
    QCOMPARE(first.position.x - copy.origin.x, rack(*r, "h2-r1-1").position.x - 70);
    QVERIFY(roundTrip(after->design));
  }

  void repeatsAHallOfItsOwnAsATemplate() {
    std::string text = kThreeHalls;
    text += "overrides:\n  h3-r2-3: {type: network-rack}\n";
    const auto r = resolveText(text);
    const auto own = applied(breakOutHall(*r, hallIndex(*r, "h3")));
    QVERIFY(own);
    const int h3 = hallIndex(*own, "h3");
    // South of it stands transformer tx-3 (y = 70 m); too close and the halls overlap.
    expectRefusal(repeatHall(*own, h3, 2, {0, 45}), "would stand on tx-3");
    expectRefusal(repeatHall(*own, h3, 2, {20, 0}), "would overlap");
    expectRefusal(repeatHall(*own, h3, 0, {60, 0}), "1 to 1000 halls");
    const auto after = applied(repeatHall(*own, h3, 2, {60, 0}));
    QVERIFY(after);
    QCOMPARE(after->layout.halls.size(), std::size_t(4));
    QCOMPARE(racksIn(*after, "h3-1"), 8);
    QCOMPARE(racksIn(*after, "h3-2"), 8);
    QCOMPARE(after->layout.halls.back().name, std::string("Hall 3-2"));
    QCOMPARE(after->layout.halls.back().origin.x, 190.0);
    // The first hall keeps its override; the new one is as the template makes it.
    QCOMPARE(rack(*after, "h3-1-r2-3").type, std::string("network-rack"));
    QCOMPARE(rack(*after, "h3-2-r2-3").type, std::string("dgx-h100-rack"));
    // Links inside follow each hall; the yard transformer is shared.
    const design::Rack& second = rack(*after, "h3-2-r1-1");
    QCOMPARE(nodeOf(*after, second.feedA).id, std::string("h3-2-bw1"));
    QCOMPARE(nodeOf(*after, nodeOf(*after, second.feedA).fedBy.at(0)).id, std::string("tx-3"));
    QVERIFY(after->design.site.size.x >= 240);
    QVERIFY(roundTrip(after->design));
  }

  void repeatsFewerHalls() {
    const auto r = resolveText(kThreeHalls);
    const auto after = applied(repeatHall(*r, hallIndex(*r, "h2"), 2, {60, 0}));
    QVERIFY(after);
    QCOMPARE(after->layout.halls.size(), std::size_t(2));
    QCOMPARE(after->layout.racks.size(), std::size_t(16));
    expectRefusal(repeatHall(*r, 0, 3, {60, 0}), "already makes 3 halls");
    const auto wider = applied(repeatHall(*r, 0, 3, {55, 0}));
    QVERIFY(wider);
    QCOMPARE(wider->layout.halls[2].origin.x, 10.0 + 2 * 55);
  }

  void duplicatesARackOverrideWithTheHall() {
    std::string text = kThreeHalls;
    text += "overrides:\n  h1-r2-3: {type: network-rack}\n";
    const auto r = resolveText(text);
    const EditOutcome out = duplicateHall(*r, hallIndex(*r, "h1"));
    const auto after = applied(out);
    QVERIFY(after);
    QCOMPARE(rack(*after, out.select.front() + "-r2-3").type, std::string("network-rack"));
    QCOMPARE(rack(*after, out.select.front() + "-r2-2").type, std::string("dgx-h100-rack"));
  }
};

QTEST_GUILESS_MAIN(TestDesignEditsDrawing)
#include "test_design_edits_drawing.moc"
