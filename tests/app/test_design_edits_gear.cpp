// Adding power and cooling gear from the palette, without a window: every catalog model lands on
// free floor with its catalog footprint — yard gear outside the hall, the rest inside — with a
// fresh id, no feeds, and a design that loads again from its saved YAML and evaluates. In a hall
// template that makes three halls, gear goes to the one hall; undo removes it.
#include <QtTest>

#include "app/document/document.h"
#include "app/gui/editing/design_edits.h"
#include "core/evaluate/evaluation.h"
#include "core/model/footprint.h"
#include "design_test_support.h"

using namespace gigaplan;
using namespace gigaplan::app::editing;
using namespace gigaplan::model;
using test::cat;
using test::resolveText;
using test::roundTrip;
using test::sample;

namespace {

Footprint hallFootprint(const design::Hall& h) {
  return {{h.origin.x + 0.5 * h.size.x, h.origin.y + 0.5 * h.size.y}, h.size.x, h.size.y, 0};
}

bool within(const design::Hall& h, const Footprint& f) {
  return f.centre.x - 0.5 * f.width >= h.origin.x && f.centre.x + 0.5 * f.width <= h.origin.x + h.size.x &&
         f.centre.y - 0.5 * f.depth >= h.origin.y && f.centre.y + 0.5 * f.depth <= h.origin.y + h.size.y;
}

// The new object's footprint (catalog size; 1 m for gear without one) and its hall.
struct Added {
  Footprint footprint;
  int hall = design::kNone;
  std::string model;
  bool power = true;
};

std::optional<Added> find(const design::ResolvedDesign& r, const std::string& id) {
  const auto& L = r.layout;
  if (auto it = L.powerIndex.find(id); it != L.powerIndex.end()) {
    const auto& n = L.power[static_cast<std::size_t>(it->second)];
    return Added{powerFootprint(n, n.position, n.rotation), n.hall, n.model, true};
  }
  if (auto it = L.coolingIndex.find(id); it != L.coolingIndex.end()) {
    const auto& u = L.cooling[static_cast<std::size_t>(it->second)];
    return Added{coolingFootprint(u, u.position, u.rotation), u.hall, u.model, false};
  }
  return std::nullopt;
}

}  // namespace

class TestDesignEditsGear : public QObject {
  Q_OBJECT
 private slots:
  void addsEveryCatalogModel_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("yard");
    // The teaching hall already has tx-1, tx-2, cdu-1, dc-1, dc-2, chiller-1, chiller-2.
    QTest::newRow("HV substation") << "hv-substation-240mva"
                                   << "sub-1" << true;
    QTest::newRow("unit substation") << "unit-substation-3mva"
                                     << "tx-3" << true;
    QTest::newRow("switchboard") << "switchboard-4000a"
                                 << "swb-1" << false;
    QTest::newRow("UPS") << "ups-1500kw"
                         << "ups-1" << false;
    QTest::newRow("busway") << "busway-800a"
                            << "bw-1" << false;
    QTest::newRow("rack PDU") << "rack-pdu-60a"
                              << "pdu-1" << false;
    QTest::newRow("battery") << "megapack-2xl-2h"
                             << "bess-1" << true;
    QTest::newRow("turbine") << "gas-turbine-titan350"
                             << "gen-1" << true;
    QTest::newRow("genset") << "genset-3mw"
                            << "gen-1" << true;
    QTest::newRow("CDU") << "cdu-vertiv-2300"
                         << "cdu-2" << false;
    QTest::newRow("chiller") << "chiller-water-cooled"
                             << "chiller-3" << true;
    QTest::newRow("dry cooler") << "dry-cooler-adiabatic"
                                << "dc-3" << true;
    QTest::newRow("cooling tower") << "cooling-tower"
                                   << "tower-1" << true;
    QTest::newRow("air handler") << "air-handler"
                                 << "ahu-3" << false;
  }
  void addsEveryCatalogModel() {
    QFETCH(QString, model);
    QFETCH(QString, id);
    QFETCH(bool, yard);
    const auto r = sample("teaching-hall.yaml");
    QCOMPARE(standsInYard(cat(), model.toStdString()), yard);
    const EditOutcome out = addEquipment(*r, 0, model.toStdString());
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.select, std::vector<std::string>{id.toStdString()});
    const auto after = roundTrip(*out.design);
    QVERIFY2(after, "saving and loading must give the same design");
    const auto added = find(*after, id.toStdString());
    QVERIFY(added);
    QCOMPARE(QString::fromStdString(added->model), model);
    QCOMPARE(after->layout.power.size() + after->layout.cooling.size(),
             r->layout.power.size() + r->layout.cooling.size() + 1);
    // On free floor: clear of every rack and piece of gear there was, on the site.
    const Footprint& f = added->footprint;
    QVERIFY2(FootprintIndex::ofLayout(r->layout).overlapping(f).empty(), qPrintable(id));
    QVERIFY(f.centre.x - 0.5 * f.width >= 0 && f.centre.x + 0.5 * f.width <= r->design.site.size.x);
    QVERIFY(f.centre.y - 0.5 * f.depth >= 0 && f.centre.y + 0.5 * f.depth <= r->design.site.size.y);
    const design::Hall& hall = after->layout.halls[0];
    if (yard) {
      QVERIFY2(!overlaps(f, hallFootprint(hall)), "yard gear stands outside the hall");
      QCOMPARE(added->hall, design::kNone);  // a site-level object
    } else {
      QVERIFY2(within(hall, f), "hall gear stands inside the hall");
      QCOMPARE(added->hall, 0);
    }
    // Unconnected gear evaluates (what it lacks is the engine's findings) and is bought.
    auto bought = [&](const design::ResolvedDesign& d) {
      std::int64_t n = 0;
      for (const auto& line : engine::evaluate(d.design, d.layout, *d.catalog).bom) {
        if (line.item == model.toStdString()) n += line.count;
      }
      return n;
    };
    QCOMPARE(bought(*after), bought(*r) + 1);
  }

  void addingTwiceGivesTwoUnitsApart() {
    const auto r = sample("teaching-hall.yaml");
    const EditOutcome one = addEquipment(*r, 0, "ups-1500kw");
    QVERIFY2(one, one.refusal.c_str());
    const auto mid = design::resolve(*one.design, cat());
    const EditOutcome two = addEquipment(*mid, 0, "ups-1500kw");
    QVERIFY2(two, two.refusal.c_str());
    QCOMPARE(two.select, std::vector<std::string>{"ups-2"});
    const auto after = roundTrip(*two.design);
    QVERIFY(after);
    QVERIFY(!overlaps(find(*after, "ups-1")->footprint, find(*after, "ups-2")->footprint));
  }

  void refusesWhatIsNotGear() {
    const auto r = sample("teaching-hall.yaml");
    const EditOutcome out = addEquipment(*r, 0, "gb200-nvl72");
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("not power or cooling gear"), out.refusal.c_str());
  }

  void addsGearToOneHallOfATemplate() {
    const auto r = resolveText(test::kThreeHalls);
    const int h2 = r->layout.hallIndex.at("h2");
    const EditOutcome cdu = addEquipment(*r, h2, "cdu-vertiv-2300");
    QVERIFY2(cdu, cdu.refusal.c_str());
    QCOMPARE(cdu.design->halls[0].cooling.back().onlyIn, std::string("h2"));
    const auto after = roundTrip(*cdu.design);
    QVERIFY(after);
    QCOMPARE(after->layout.cooling.size(), r->layout.cooling.size() + 1);  // not one per hall
    QCOMPARE(find(*after, "cdu-1")->hall, h2);
    QVERIFY(within(after->layout.halls[static_cast<std::size_t>(h2)], find(*after, "cdu-1")->footprint));
    // Deleting it removes its template again.
    const EditOutcome del = deleteObjects(*after, objectsOf(after->layout, {"cdu-1"}));
    QVERIFY2(del, del.refusal.c_str());
    QVERIFY(del.design->halls == r->design.halls);
    // Yard gear of that hall is a site-level object next to it.
    const EditOutcome tx = addEquipment(*after, h2, "unit-substation-3mva");
    QVERIFY2(tx, tx.refusal.c_str());
    QCOMPARE(tx.select, std::vector<std::string>{"tx-4"});
    QCOMPARE(tx.design->power.size(), r->design.power.size() + 1);
    QCOMPARE(tx.design->power.back().id, std::string("tx-4"));
  }

  void addsGearOnASiteWithoutHalls() {
    const auto r = resolveText("format: 1\nsite: {name: Empty, size: [80 m, 60 m]}\n");
    const EditOutcome out = addEquipment(*r, -1, "gas-turbine-titan350");
    QVERIFY2(out, out.refusal.c_str());
    const auto after = roundTrip(*out.design);
    QVERIFY(after);
    QVERIFY(find(*after, "gen-1"));
    const EditOutcome cdu = addEquipment(*r, -1, "cdu-vertiv-2300");
    QVERIFY2(cdu, cdu.refusal.c_str());
    QCOMPARE(cdu.design->cooling.size(), std::size_t(1));
  }

  void refusesWhenTheSiteIsFull() {
    const auto r = resolveText("format: 1\nsite: {name: Tiny, size: [10 m, 10 m]}\n");
    const EditOutcome out = addEquipment(*r, -1, "hv-substation-240mva");
    QVERIFY(!out);
    QVERIFY2(QString::fromStdString(out.refusal).contains("No free place"), out.refusal.c_str());
  }

  void addsGearNextToAGigawattHall() {
    const auto r = sample("gigawatt-campus.yaml");
    const int a2 = r->layout.hallIndex.at("a2");
    QElapsedTimer clock;
    clock.start();
    for (const char* model : {"ups-1500kw", "chiller-water-cooled"}) {
      const EditOutcome out = addEquipment(*r, a2, model);
      QVERIFY2(out, out.refusal.c_str());
      const auto after = design::resolve(*out.design, cat());
      const auto added = find(*after, out.select.at(0));
      QVERIFY(added);
      QVERIFY(FootprintIndex::ofLayout(r->layout).overlapping(added->footprint).empty());
    }
    qInfo("two additions on the gigawatt campus: %lld ms", static_cast<long long>(clock.elapsed()));
  }

  // Units: a node that is its template's only instance has the template changed (the file keeps
  // its style); one instance of a repeated template gets an override; racks and 0 are refused.
  // tx-2 of kThreeHalls is a 3 MVA unit substation: 2 units are 6 MVA.
  void setsUnitCounts() {
    auto r = resolveText(test::kThreeHalls);
    const auto& L = r->layout;
    ObjectSet grid, tx2, rack;
    grid.power = {L.powerIndex.at("grid")};
    tx2.power = {L.powerIndex.at("tx-2")};
    rack.racks = {0};
    QVERIFY(!setEquipmentUnits(*r, rack, 2));
    QVERIFY(!setEquipmentUnits(*r, tx2, 0));
    QVERIFY(!setEquipmentUnits(*r, tx2, 1));  // unchanged
    auto out = setEquipmentUnits(*r, tx2, 2);
    QVERIFY(out);
    QCOMPARE(out.design->overrides.at("tx-2").units, std::optional<int>(2));
    QCOMPARE(out.design->power[1].units, 1);  // the template of tx-1 … tx-3 is untouched
    auto back = roundTrip(*out.design);
    QVERIFY(back);
    const auto& n = back->layout.power[static_cast<std::size_t>(back->layout.powerIndex.at("tx-2"))];
    QCOMPARE(n.units, 2);
    QCOMPARE(n.rating, 2 * back->layout.power[static_cast<std::size_t>(back->layout.powerIndex.at("tx-1"))].rating);
    // The teaching hall's ups-a is its own template: the template changes, no override appears.
    auto hall = sample("teaching-hall.yaml");
    ObjectSet ups;
    ups.power = {hall->layout.powerIndex.at("ups-a")};
    const int before = hall->layout.power[static_cast<std::size_t>(ups.power[0])].units;
    auto t = setEquipmentUnits(*hall, ups, before + 1);
    QVERIFY(t);
    QVERIFY(!t.design->overrides.count("ups-a"));
    auto again = roundTrip(*t.design);
    QVERIFY(again);
    QCOMPARE(again->layout.power[static_cast<std::size_t>(again->layout.powerIndex.at("ups-a"))].units, before + 1);
  }

  // A site from nothing: an empty hall 20 m in from the corner, a second one 20 m east of it, a
  // third of the size asked for; the site grows to hold them; a hall drawn onto another is refused
  // with the reason. A grid connection lands in the hall's yard with its rating. All of it saves
  // and loads again.
  void addsHallsAndAGridConnection() {
    app::Document doc(cat());
    doc.reset();
    auto r = doc.resolved();
    QVERIFY(r->layout.halls.empty());
    auto one = addHall(*r, {60, 30});
    QVERIFY2(one, one.refusal.c_str());
    QCOMPARE(one.select, std::vector<std::string>{"hall-1"});
    auto a = roundTrip(*one.design);
    QVERIFY(a);
    QCOMPARE(a->layout.halls.size(), std::size_t{1});
    const design::Hall& h1 = a->layout.halls[0];
    QCOMPARE(h1.name, std::string("Hall 1"));
    QCOMPARE(h1.origin.x, 20.0);
    QCOMPARE(h1.origin.y, 20.0);
    QCOMPARE(h1.size.x, 60.0);
    QVERIFY(a->design.site.size.x >= 100 && a->design.site.size.y >= 70);

    auto two = addHall(*a, {40, 25});
    QVERIFY2(two, two.refusal.c_str());
    auto b = roundTrip(*two.design);
    QVERIFY(b);
    const design::Hall& h2 = b->layout.halls[1];
    QCOMPARE(h2.id, std::string("hall-2"));
    QCOMPARE(h2.origin.x, 100.0);  // 20 m east of hall-1's east wall at 80 m
    QCOMPARE(h2.origin.y, 20.0);
    QVERIFY(b->design.site.size.x >= 160);  // the hall and 20 m beyond it

    const auto onTop = addHall(*b, {10, 10}, design::Vec2{30, 30});
    QVERIFY(!onTop);
    QVERIFY2(onTop.refusal.find("overlap Hall 1") != std::string::npos, onTop.refusal.c_str());
    QVERIFY(!addHall(*b, {0.5, 10}));

    auto grid = addGridConnection(*b, 0, 20e6);
    QVERIFY2(grid, grid.refusal.c_str());
    QCOMPARE(grid.select, std::vector<std::string>{"grid"});
    auto c = roundTrip(*grid.design);
    QVERIFY(c);
    const auto& g = c->layout.power[static_cast<std::size_t>(c->layout.powerIndex.at("grid"))];
    QVERIFY(g.kind == design::PowerKind::Grid);
    QCOMPARE(g.rating, 20e6);
    const design::Hall& hall = c->layout.halls[0];
    const bool outside = g.position.x < hall.origin.x || g.position.x > hall.origin.x + hall.size.x ||
                         g.position.y < hall.origin.y || g.position.y > hall.origin.y + hall.size.y;
    QVERIFY(outside);
    QVERIFY(!addGridConnection(*c, 0, 0));
    auto second = addGridConnection(*c, 0, 5e6);
    QVERIFY(second);
    QCOMPARE(second.select, std::vector<std::string>{"grid-1"});
  }

  void undoRemovesIt() {
    app::Document doc(cat());
    QVERIFY(doc.open(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml").isEmpty());
    const std::string original = io::designToYaml(doc.design());
    const EditOutcome out = addEquipment(*doc.resolved(), 0, "air-handler");
    QVERIFY2(out, out.refusal.c_str());
    QVERIFY(doc.edit("Add air-handler", [&](design::Design& d) { d = *out.design; }).isEmpty());
    QVERIFY(doc.resolved()->layout.coolingIndex.count("ahu-3"));
    doc.undoStack()->undo();
    QVERIFY(!doc.resolved()->layout.coolingIndex.count("ahu-3"));
    QCOMPARE(io::designToYaml(doc.design()), original);
  }
};

QTEST_GUILESS_MAIN(TestDesignEditsGear)
#include "test_design_edits_gear.moc"
