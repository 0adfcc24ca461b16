// SiteScene without a window: what is built from a Layout, colours per mode, picking by ray,
// selection, id lookup, tooltips; and the colour-mode keys and palettes.
#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkGlyph3DMapper.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <QTest>
#include <cmath>

#include "core/design/resolved_design.h"
#include "core/report/site_plan.h"
#include "sample_sites.h"
#include "widgets/scene/scalar_palette.h"
#include "widgets/scene/site_scene.h"

using namespace gigaplan::widgets::scene;
using gigaplan::testing::gigawattSite;
using gigaplan::testing::teachingHall;

Q_DECLARE_METATYPE(ColorBy)

namespace {

std::array<int, 3> bytes(const Rgb& c) {
  return {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
          static_cast<int>(std::lround(c.b * 255))};
}

int glyphActors(vtkRenderer* r) {
  int n = 0;
  vtkActorCollection* actors = r->GetActors();
  actors->InitTraversal();
  while (vtkActor* a = actors->GetNextActor()) n += vtkGlyph3DMapper::SafeDownCast(a->GetMapper()) != nullptr;
  return n;
}

}  // namespace

class TestSiteScene : public QObject {
  Q_OBJECT
 private slots:
  void colorByKeysRoundTrip_data() {
    QTest::addColumn<ColorBy>("mode");
    for (ColorBy m : kAllColorBy) QTest::newRow(std::string(toKey(m)).c_str()) << m;
  }
  void colorByKeysRoundTrip() {
    QFETCH(ColorBy, mode);
    QCOMPARE(colorByFromKey(toKey(mode)), std::optional(mode));
    QVERIFY(!displayName(mode).empty());
  }
  void colorByAliasesAndUnknown() {
    QCOMPARE(colorByFromKey("utilization"), std::optional(ColorBy::FeedUtilisation));
    QCOMPARE(colorByFromKey("fabric-pod"), std::optional(ColorBy::FabricPod));
    QCOMPARE(colorByFromKey("colour"), std::nullopt);
  }

  void continuousPaletteSpansTheData() {
    ColorScalars s;
    s.racks = {100e3, 150e3, std::nan("")};
    s.unit = "kW";
    s.unitScale = 1e-3;
    ScalarPalette p(ColorBy::PowerDraw, s);
    QCOMPARE(p.low(), 100e3);
    QCOMPARE(p.high(), 150e3);
    QCOMPARE(p.title(), std::string("Power draw (kW)"));
    QVERIFY(!p.color(std::nan("")));
    QVERIFY(bytes(*p.color(100e3)) != bytes(*p.color(150e3)));
    QCOMPARE(bytes(*p.color(90e3)), bytes(*p.color(100e3)));  // clamped below the range
  }
  void utilisationIsRedAtFullRating() {
    ColorScalars s;
    s.power = {0.2, 0.5};
    ScalarPalette p(ColorBy::FeedUtilisation, s);
    QCOMPARE(p.high(), 1.0);  // the ramp always reaches 100 %
    const Rgb full = *p.color(1.0), low = *p.color(0.2);
    QVERIFY(full.r > 0.7 && full.g < 0.3);
    QVERIFY(low.g > low.r);
  }
  void categoricalPaletteNamesCategories() {
    ColorScalars s;
    s.racks = {0, 1, 1, 0};
    s.categories = {"A", "B"};
    ScalarPalette p(ColorBy::FeedPath, s);
    QVERIFY(p.categorical());
    QCOMPARE(p.categoryCount(), 2);
    QVERIFY(bytes(*p.color(0)) != bytes(*p.color(1)));
    auto table = p.legendTable();
    QVERIFY(table->GetIndexedLookup());
    QCOMPARE(table->GetNumberOfAnnotatedValues(), 2);
  }
  void findingsPaletteHasFixedMeaning() {
    ColorScalars s;
    s.racks = {0, 3};
    ScalarPalette p(ColorBy::Findings, s);
    const Rgb error = *p.color(3), none = *p.color(0);
    QVERIFY(error.r > 0.8 && error.g < 0.5);
    QVERIFY(std::abs(none.r - none.b) < 0.1);  // grey
  }

  void buildsOneInstancePerObject() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    const auto counts = scene.instanceCounts();
    QCOMPARE(counts[0], std::size_t{8});  // racks
    QCOMPARE(counts[1], std::size_t{2});  // transformer and UPS
    QCOMPARE(counts[2], std::size_t{2});  // CDU and chiller
    QCOMPARE(counts[3], std::size_t{4});  // two busways over two rows
    QCOMPARE(glyphActors(r), 4);
    const auto b = scene.bounds();
    QVERIFY(b[0] <= -6 && b[1] >= 25);  // transformer west, chiller east of the hall
    QVERIFY(b[5] >= 2.3);
  }
  void gigawattSiteIsStillFourInstancedActors() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = gigawattSite(16);
    scene.build(site.layout, site.catalog);
    QCOMPARE(site.layout.racks.size(), std::size_t{8000});
    QCOMPARE(scene.instanceCounts()[0], std::size_t{8000});
    QCOMPARE(glyphActors(r), 4);
    // 17 fixed actors (the wiring line, the picked-link outline and the core room's floor and
    // edges among them) plus one row-label actor per hall: nothing grows with the rack count.
    QCOMPARE(r->GetActors()->GetNumberOfItems(), 17 + 16);
  }

  void emptyLayoutBuildsAnEmptySite() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    scene.build({}, {});
    QCOMPARE(scene.instanceCounts(), (std::array<std::size_t, 4>{0, 0, 0, 0}));
    QVERIFY(!scene.pick({0, 0, 50}, {0, 0, -1}));
    QVERIFY(scene.bounds()[1] > scene.bounds()[0]);
    QVERIFY(!scene.boundsOf(scene.resolve({"anything"})));
  }
  void standaloneRacksGetTheirOwnBusway() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    auto site = teachingHall();
    for (auto& rack : site.layout.racks) rack.row = gigaplan::design::kNone;  // placed one by one
    scene.build(site.layout, site.catalog);
    QCOMPARE(scene.instanceCounts()[3], std::size_t{16});  // a short bar per rack and side
    const auto bar = *scene.boundsOf({*scene.find("busway-a")});
    QVERIFY(bar[1] - bar[0] < 25);  // not one bar across the hall
  }

  // A CDU standing on a rack that names it (an in-rack CDU, model::mountingRacks) is drawn in that
  // rack at its catalog size, turned with the rack, at its foot and a little proud of its faces,
  // with no coolant pipe of its own: its loop stays in the rack.
  void inRackCduIsDrawnInItsRack() {
    auto site = teachingHall();
    gigaplan::catalog::CoolingGear gear;
    gear.id = "in-rack-250";
    gear.kind = gigaplan::catalog::CoolingGearKind::Cdu;
    gear.width = 0.6, gear.depth = 1.2, gear.height = 0.18;
    site.catalog.coolingGear[gear.id] = gear;
    gigaplan::design::Layout& l = site.layout;
    gigaplan::design::Rack& rack = l.racks[static_cast<std::size_t>(l.rackIndex.at("h1-row1-2"))];
    rack.rotation = 90;  // its 0.6 m along y, 1.2 m along x
    gigaplan::design::CoolingUnit unit;
    unit.id = "cdu-in-rack";
    unit.model = gear.id;
    unit.hall = rack.hall;
    unit.position = {rack.position.x + 0.1, rack.position.y};  // off its centre, on its footprint
    l.cooling.push_back(unit);
    l.coolingIndex[unit.id] = static_cast<int>(l.cooling.size()) - 1;
    rack.cdu = l.coolingIndex[unit.id];

    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    scene.build(l, site.catalog);
    const auto b = scene.boundsOf({*scene.find(unit.id)});
    QVERIFY(b);
    QVERIFY(std::abs(((*b)[0] + (*b)[1]) / 2 - rack.position.x) < 1e-9);  // on the rack's centre
    QVERIFY(std::abs(((*b)[2] + (*b)[3]) / 2 - rack.position.y) < 1e-9);
    QVERIFY2((*b)[1] - (*b)[0] > 1.2 && (*b)[1] - (*b)[0] < 1.3, "depth along x, with the rack");
    QVERIFY2((*b)[3] - (*b)[2] > 0.6 && (*b)[3] - (*b)[2] < 0.7, "width along y");
    QVERIFY(std::abs((*b)[4]) < 1e-9 && std::abs((*b)[5] - 0.18) < 1e-9);  // its 4U at the foot
    for (const auto& link : scene.links()) QVERIFY(link.kind != SiteScene::Link::Kind::Coolant || link.to != unit.id);
    // The floor-standing CDU of the other racks keeps its pipes.
    QVERIFY(std::any_of(scene.links().begin(), scene.links().end(), [](const SiteScene::Link& link) {
      return link.kind == SiteScene::Link::Kind::Coolant && link.to == "cdu-1";
    }));
  }

  void typeColoursDistinguishRackKinds() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = gigawattSite(1);
    scene.build(site.layout, site.catalog);
    const auto compute = scene.fillColor(*scene.find("h1-row01-2"));
    const auto network = scene.fillColor(*scene.find("h1-row01-1"));
    const auto storage = scene.fillColor(*scene.find("h1-row20-5"));
    QCOMPARE(*compute, bytes(typeColor(RackShape::RackScale)));
    QCOMPARE(*network, bytes(typeColor(RackShape::Network)));
    QCOMPARE(*storage, bytes(typeColor(RackShape::Storage)));
    QCOMPARE(*scene.fillColor(*scene.find("h1-cdu1")), bytes(typeColor(gigaplan::design::CoolingKind::Cdu)));
  }
  // The 3D view and the report's site plan give a class of rack one colour: a network and a
  // storage rack in the scene have the fill of the site plan legend's swatch for their class.
  void rackColoursMatchTheSitePlanLegend() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = gigawattSite(1);
    const auto catalog = std::make_shared<const gigaplan::catalog::Catalog>(site.catalog);
    const auto layout = gigaplan::design::rebind(site.layout, catalog);
    scene.build(layout, *catalog);
    const auto legend = gigaplan::report::sitePlanLegend(layout);
    auto swatch = [&](const std::string& label) {
      for (const auto& e : legend)
        if (e.label == label) return std::array<int, 3>{e.color.r, e.color.g, e.color.b};
      return std::array<int, 3>{-1, -1, -1};
    };
    QCOMPARE(*scene.fillColor(*scene.find("h1-row01-1")), swatch("network rack"));
    QCOMPARE(*scene.fillColor(*scene.find("h1-row20-5")), swatch("storage rack"));
  }
  // The core room is drawn over its footprint to rack height and named, kept across a rebuild,
  // and gone when the room has no racks.
  void drawsTheCoreRoom() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    QVERIFY(!scene.coreRoomBounds());
    QVERIFY(!scene.coreRoomNameBox());
    const double before = scene.bounds()[3];
    scene.setCoreRoom({{30, 40}, {42, 50}, 20});
    for (int pass = 0; pass < 2; ++pass) {
      const auto b = scene.coreRoomBounds();
      QVERIFY(b);
      QCOMPARE((*b)[0], 30.0);
      QCOMPARE((*b)[1], 42.0);
      QCOMPARE((*b)[2], 40.0);
      QCOMPARE((*b)[3], 50.0);
      QVERIFY((*b)[5] > 2);  // rack height
      const auto name = scene.coreRoomNameBox();
      QVERIFY(name && name->letterHeight > 1);
      const double cx = (name->corners[0][0] + name->corners[2][0]) / 2;
      QVERIFY(std::abs(cx - 36) < 0.01);                               // centred on the room
      QVERIFY(scene.bounds()[3] >= 50 && scene.bounds()[3] > before);  // "fit all" takes it in
      scene.build(site.layout, site.catalog);                          // kept across a rebuild
    }
    // A room of one rack, narrower than its name, is drawn but not named: the name would cover the
    // racks around it.
    scene.setCoreRoom({{30, 40}, {30.6, 42.4}, 1});
    QVERIFY(scene.coreRoomBounds());
    QVERIFY(!scene.coreRoomNameBox());
    scene.setCoreRoom({});
    QVERIFY(!scene.coreRoomBounds());
    QVERIFY(!scene.coreRoomNameBox());
  }
  void scalarModeColoursByValueAndGreysMissing() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    ColorScalars s;
    s.unit = "kW";
    s.unitScale = 1e-3;
    s.racks.assign(8, 120e3);
    s.racks[3] = 60e3;
    s.racks[5] = std::nan("");
    scene.setColorBy(ColorBy::PowerDraw, s);
    ScalarPalette p(ColorBy::PowerDraw, s);
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 0}), bytes(*p.color(120e3)));
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 3}), bytes(*p.color(60e3)));
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 5}), bytes(scene.theme().noData));
    QCOMPARE(*scene.fillColor(*scene.find("ups-1")), bytes(scene.theme().noData));  // no power values
    // A selection recolours only what it changes, and gives back the value's colour, not the type's.
    scene.setSelection({{ObjectKind::Rack, 3}});
    QVERIFY(*scene.fillColor({ObjectKind::Rack, 3}) != bytes(*p.color(60e3)));
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 0}), bytes(*p.color(120e3)));
    scene.setSelection({{ObjectKind::Rack, 5}});
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 3}), bytes(*p.color(60e3)));
    QVERIFY(*scene.fillColor({ObjectKind::Rack, 5}) != bytes(scene.theme().noData));
    scene.setSelection({});
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 5}), bytes(scene.theme().noData));
    scene.setColorBy(ColorBy::Type);
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 3}), bytes(typeColor(RackShape::RackScale)));
  }

  void pickFindsTheRackUnderARay() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    const auto& rack = site.layout.racks[6];  // h1-row2-3
    // Straight down through the rack, beside the busway bars: the rack.
    auto hit = scene.pick({rack.position.x, rack.position.y - 0.45, 50}, {0, 0, -1});
    QVERIFY(hit);
    QCOMPARE(scene.idOf(*hit), std::string("h1-row2-3"));
    // Straight down over its centre line: the A busway bar hangs above it.
    hit = scene.pick({rack.position.x, rack.position.y - 0.22, 50}, {0, 0, -1});
    QCOMPARE(scene.idOf(*hit), std::string("busway-a"));
    // Horizontally through row 2 from the west: the first rack of that row.
    hit = scene.pick({-30, rack.position.y + 0.5, 1.0}, {1, 0, 0});
    QCOMPARE(scene.idOf(*hit), std::string("h1-row2-1"));
    QVERIFY(!scene.pick({100, 100, 50}, {0, 0, -1}));
  }
  void pickIsExactOnRotatedObjects() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();  // the chiller (12 × 2.4 m) is turned by 90°
    scene.build(site.layout, site.catalog);
    QCOMPARE(scene.idOf(*scene.pick({25, 7 + 5.5, 20}, {0, 0, -1})), std::string("chiller-1"));
    QVERIFY(!scene.pick({25 + 5.5, 7, 20}, {0, 0, -1}));
  }

  void selectionResolvesRowsAndTints() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    const auto refs = scene.resolve({"h1-row2", "busway-a", "no-such-id"});
    QCOMPARE(refs.size(), std::size_t{5});
    const auto before = *scene.fillColor({ObjectKind::Rack, 4});
    scene.setSelection(refs);
    QCOMPARE(scene.selection().size(), std::size_t{5});
    QVERIFY(*scene.fillColor({ObjectKind::Rack, 4}) != before);
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 0}), bytes(typeColor(RackShape::RackScale)));  // row 1: not selected
    const auto box = scene.boundsOf(scene.resolve({"h1-row2"}));
    QVERIFY(box);
    QVERIFY(std::abs(((*box)[1] - (*box)[0]) - 2.4) < 0.01);  // 4 racks × 0.6 m
    scene.setSelection({});
    QCOMPARE(*scene.fillColor({ObjectKind::Rack, 4}), before);
  }
  void describeNamesTheObjectAndItsValue() {
    vtkNew<vtkRenderer> r;
    SiteScene scene(r);
    const auto site = teachingHall();
    scene.build(site.layout, site.catalog);
    const auto rack = *scene.find("h1-row1-2");
    std::string text = scene.describe(rack);
    QVERIFY2(text.find("h1-row1-2") != std::string::npos, text.c_str());
    QVERIFY2(text.find("GB200 NVL72") != std::string::npos, text.c_str());
    QVERIFY2(text.find("132 kW") != std::string::npos, text.c_str());
    QVERIFY2(text.find("busway-a") != std::string::npos, text.c_str());
    ColorScalars s;
    s.label = "Power draw";
    s.unit = "kW";
    s.unitScale = 1e-3;
    s.racks.assign(8, 118.5e3);
    scene.setColorBy(ColorBy::PowerDraw, s);
    text = scene.describe(rack);
    QVERIFY2(
        text.find("Power draw: 118 kW") != std::string::npos || text.find("Power draw: 119 kW") != std::string::npos,
        text.c_str());
    QVERIFY(scene.describe(*scene.find("ups-1")).find("Fed by: tx-1") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestSiteScene)
#include "test_site_scene.moc"
