// Wiring without a window: what a drag from objects onto another one connects (feed A, then feed B,
// CDU, air handler, a power node's feed, a cooling unit's pump feed and heat sink), the reasons a
// link is refused before the drop (a meaningless pairing, a link already there, the loader's rules
// — a loop in the power graph, a source feeding racks —, and capacity judged by the engine), how
// the link is written (the only instance of a template changes its template; one instance of a
// repeated template gets a fed_by / rejects_to override that saves and loads again), and that
// disconnecting undoes it.
#include <QtTest>

#include "app/document/document.h"
#include "app/gui/editing/design_edits.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "design_test_support.h"

using namespace gigaplan;
using namespace gigaplan::app::editing;
using test::cat;
using test::resolveText;
using test::roundTrip;
using test::sample;

namespace {

ObjectSet ids(const design::ResolvedDesign& r, const std::vector<std::string>& list) {
  return objectsOf(r.layout, list);
}

const design::PowerNode& powerNode(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.power[static_cast<std::size_t>(r.layout.powerIndex.at(id))];
}

const design::CoolingUnit& coolingUnit(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.cooling[static_cast<std::size_t>(r.layout.coolingIndex.at(id))];
}

std::vector<std::string> powerIds(const design::ResolvedDesign& r, const std::vector<int>& v) {
  std::vector<std::string> out;
  for (int i : v) out.push_back(r.layout.power[static_cast<std::size_t>(i)].id);
  return out;
}

std::vector<std::string> coolingIds(const design::ResolvedDesign& r, const std::vector<int>& v) {
  std::vector<std::string> out;
  for (int i : v) out.push_back(r.layout.cooling[static_cast<std::size_t>(i)].id);
  return out;
}

// A small site with little wired yet: the grid feeds two transformers, tx-2 feeds a 34.5 kW rack
// PDU; a UPS, a busway, a generator, a CDU, an air handler, a dry cooler, a chiller and one row of
// two GB200 NVL72 racks stand unconnected.
const char* const kLoose = R"(format: 1
site:
  name: Loose ends
  size: [120 m, 80 m]
power:
  - {id: grid, kind: grid, rating: 20 MW, position: [5 m, 70 m]}
  - {id: 'tx-{i}', count: 2, kind: transformer, model: unit-substation-3mva, fed_by: grid, position: [30 m, 70 m], step: [12 m, 0 m]}
  - {id: gen-1, kind: generator, model: genset-3mw, position: [60 m, 70 m]}
cooling:
  - {id: dc-1, kind: dry-cooler, model: dry-cooler-adiabatic, position: [90 m, 70 m]}
  - {id: ch-1, kind: chiller, model: chiller-air-cooled, position: [100 m, 60 m]}
halls:
  - id: h1
    origin: [10 m, 10 m]
    size: [60 m, 40 m]
    power:
      - {id: ups-1, kind: ups, model: ups-1500kw, position: [50 m, 5 m]}
      - {id: bw-1, kind: busway, model: busway-800a, position: [5 m, 5 m]}
      - {id: pdu-1, kind: pdu, model: rack-pdu-60a, fed_by: tx-2, position: [20 m, 5 m]}
    cooling:
      - {id: cdu-1, kind: cdu, model: cdu-vertiv-2300, position: [50 m, 30 m]}
      - {id: ahu-1, kind: air-handler, model: air-handler, position: [40 m, 30 m]}
    rows:
      - {id: r, origin: [6 m, 12 m], racks: 2, rack: gb200-nvl72}
network:
  topology: rail-optimized
  switch: qm9700
)";

}  // namespace

class TestDesignEditsWiring : public QObject {
  Q_OBJECT
 private slots:
  // Racks take feed A first, then feed B; Shift asks for B outright; a CDU and an air handler
  // take their heat. Each link saves and loads again.
  void racksTakeFeedsAndCooling() {
    auto r = resolveText(kLoose);
    const ObjectSet racks = ids(*r, {"r"});
    QCOMPARE(racks.racks.size(), std::size_t{2});
    LinkOutcome l = linkBetween(*r, racks, "bw-1");
    QVERIFY2(l.link, l.refusal.c_str());
    QCOMPARE(*l.link, Link::FeedA);
    QCOMPARE(linkBetween(*r, racks, "bw-1", true).link, std::optional<Link>(Link::FeedB));
    auto out = connectObjects(*r, racks, "bw-1");
    QVERIFY2(out, out.refusal.c_str());
    // The whole row template was selected: the template changes, no rack overrides appear.
    QCOMPARE(out.design->halls[0].rows[0].feedA, std::string("bw-1"));
    QVERIFY(out.design->overrides.empty());
    auto a = roundTrip(*out.design);
    QVERIFY(a);
    QCOMPARE(a->layout.racks[0].feedA, a->layout.powerIndex.at("bw-1"));

    // Feed A taken: the next drop onto another node is feed B; onto the same one it is refused.
    const ObjectSet racksA = ids(*a, {"r"});
    QCOMPARE(linkBetween(*a, racksA, "ups-1").link, std::optional<Link>(Link::FeedB));
    const LinkOutcome again = linkBetween(*a, racksA, "bw-1");
    QVERIFY(!again.link);
    QVERIFY2(again.refusal.find("already fed by bw-1") != std::string::npos, again.refusal.c_str());

    // Cooling: a CDU, an air handler; a chiller is not where racks put their heat.
    QCOMPARE(linkBetween(*a, racksA, "cdu-1").link, std::optional<Link>(Link::Cdu));
    QCOMPARE(linkBetween(*a, racksA, "ahu-1").link, std::optional<Link>(Link::AirHandler));
    const LinkOutcome chiller = linkBetween(*a, racksA, "ch-1");
    QVERIFY(!chiller.link);
    QVERIFY2(chiller.refusal.find("CDU or an air handler") != std::string::npos, chiller.refusal.c_str());

    // One rack of the row: an override, not the template.
    const ObjectSet one = ids(*a, {"r-1"});
    auto cdu = connectObjects(*a, one, "cdu-1");
    QVERIFY2(cdu, cdu.refusal.c_str());
    QCOMPARE(cdu.design->overrides.at("r-1").cdu, std::optional<std::string>("cdu-1"));
    auto b = roundTrip(*cdu.design);
    QVERIFY(b);
    QCOMPARE(b->layout.racks[0].cdu, b->layout.coolingIndex.at("cdu-1"));
    QCOMPARE(b->layout.racks[1].cdu, design::kNone);
  }

  // Power nodes and cooling units: fed_by and rejects_to grow by the dropped target.
  void gearTakesFeedsAndSinks() {
    auto r = resolveText(kLoose);
    auto out = connectObjects(*r, ids(*r, {"ups-1"}), "tx-1");
    QVERIFY2(out, out.refusal.c_str());
    auto a = roundTrip(*out.design);
    QVERIFY(a);
    QCOMPARE(powerIds(*a, powerNode(*a, "ups-1").fedBy), (std::vector<std::string>{"tx-1"}));
    // A second feed is added, not swapped.
    auto two = connectObjects(*a, ids(*a, {"ups-1"}), "tx-2");
    QVERIFY2(two, two.refusal.c_str());
    auto b = roundTrip(*two.design);
    QVERIFY(b);
    QCOMPARE(powerIds(*b, powerNode(*b, "ups-1").fedBy), (std::vector<std::string>{"tx-1", "tx-2"}));

    // A CDU rejects heat to the dry cooler and its pumps are fed by the UPS.
    auto sink = connectObjects(*b, ids(*b, {"cdu-1"}), "dc-1");
    QVERIFY2(sink, sink.refusal.c_str());
    auto c = roundTrip(*sink.design);
    QVERIFY(c);
    QCOMPARE(coolingIds(*c, coolingUnit(*c, "cdu-1").rejectsTo), (std::vector<std::string>{"dc-1"}));
    auto pumps = connectObjects(*c, ids(*c, {"cdu-1"}), "ups-1");
    QVERIFY2(pumps, pumps.refusal.c_str());
    auto d = roundTrip(*pumps.design);
    QVERIFY(d);
    QCOMPARE(powerIds(*d, coolingUnit(*d, "cdu-1").fedBy), (std::vector<std::string>{"ups-1"}));

    // Power gear onto a cooling unit means nothing; onto itself neither.
    const LinkOutcome wrong = linkBetween(*d, ids(*d, {"tx-1"}), "dc-1");
    QVERIFY(!wrong.link);
    QVERIFY2(wrong.refusal.find("drag from the cooling unit") != std::string::npos, wrong.refusal.c_str());
    QVERIFY(!linkBetween(*d, ids(*d, {"tx-1"}), "tx-1").link);
    QVERIFY(!linkBetween(*d, ids(*d, {"r"}), "r-2").link);  // onto a rack
  }

  // The loader's rules decide what the design cannot hold: the Document refuses with its message.
  void loaderRulesRefuse() {
    app::Document doc(cat());
    doc.adopt(design::Design(resolveText(kLoose)->design), {}, false);
    auto r = doc.resolved();
    // tx-1 fed by ups-1, which will be fed by tx-1: a loop.
    auto first = connectObjects(*r, ids(*r, {"ups-1"}), "tx-1");
    QVERIFY(first);
    QVERIFY(doc.edit("wire", [&](design::Design& d) { d = *first.design; }).isEmpty());
    r = doc.resolved();
    auto loop = connectObjects(*r, ids(*r, {"tx-1"}), "ups-1");
    QVERIFY(loop);  // a link the gesture can express…
    const QString why = doc.check(*loop.design);
    QVERIFY2(why.contains("cycle"), qPrintable(why));  // …that the power graph's rule refuses
    // Racks fed straight from a generator: the loader wants distribution gear between.
    auto gen = connectObjects(*r, ids(*r, {"r"}), "gen-1");
    QVERIFY(gen);
    const QString source = doc.check(*gen.design);
    QVERIFY2(source.contains("distribution node"), qPrintable(source));
    // A CDU rejecting heat to another CDU.
    auto cdu = connectObjects(*r, ids(*r, {"ahu-1"}), "cdu-1");
    QVERIFY(cdu);
    const QString sink = doc.check(*cdu.design);
    QVERIFY2(sink.contains("chiller, dry cooler or cooling tower"), qPrintable(sink));
  }

  // Capacity: two GB200 NVL72 racks onto a 34.5 kW rack PDU overload it; the message names the
  // node, its load and its share of the rating. A feed that stays within its rating passes.
  void overloadIsRefused() {
    auto r = resolveText(kLoose);
    const engine::Evaluation before = engine::evaluate(r->design, r->layout, *r->catalog);
    auto heavy = connectObjects(*r, ids(*r, {"r"}), "pdu-1");
    QVERIFY2(heavy, heavy.refusal.c_str());
    auto h = roundTrip(*heavy.design);
    QVERIFY(h);
    const engine::Evaluation hEval = engine::evaluate(h->design, h->layout, *h->catalog);
    const double util = hEval.power.utilisation[static_cast<std::size_t>(h->layout.powerIndex.at("pdu-1"))];
    QVERIFY2(util > 5, std::to_string(util).c_str());  // ≥ 2 × 120 kW on 34.5 kW
    const std::string why = newOverload(*r, before, *h, hEval, "pdu-1");
    QVERIFY2(why.rfind("pdu-1 would carry ", 0) == 0, why.c_str());
    QVERIFY2(why.find("of its 34.5 kW rating") != std::string::npos, why.c_str());

    // The busway (800 A at 415 V) takes both racks within its rating.
    auto light = connectObjects(*r, ids(*r, {"r"}), "bw-1");
    QVERIFY(light);
    auto l = roundTrip(*light.design);
    QVERIFY(l);
    const engine::Evaluation lEval = engine::evaluate(l->design, l->layout, *l->catalog);
    QCOMPARE(newOverload(*r, before, *l, lEval, "bw-1"), std::string());
  }

  // Lists typed in the properties panel; one instance of a repeated template gets an override.
  void setsListsAndOverridesInstances() {
    auto r = resolveText(test::kThreeHalls);
    // h2-bw1 is one of six busways made by one template in a hall template made three times.
    auto out = setPowerFeeds(*r, ids(*r, {"h2-bw1"}), {"tx-1"});
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.design->overrides.at("h2-bw1").fedBy, std::optional<std::vector<std::string>>({"tx-1"}));
    const std::string yaml = io::designToYaml(*out.design);
    QVERIFY2(yaml.find("fed_by: tx-1") != std::string::npos, yaml.c_str());
    auto back = roundTrip(*out.design);
    QVERIFY(back);
    QCOMPARE(powerIds(*back, powerNode(*back, "h2-bw1").fedBy), (std::vector<std::string>{"tx-1"}));
    QCOMPARE(powerIds(*back, powerNode(*back, "h2-bw2").fedBy),
             (std::vector<std::string>{"tx-2"}));  // its sibling keeps the template's

    QVERIFY(!setPowerFeeds(*r, ids(*r, {"h2-bw1"}), {"tx-9"}));          // no such node
    QVERIFY(!setPowerFeeds(*r, ids(*r, {"h2-bw1"}), {"tx-1", "tx-1"}));  // twice
    QVERIFY(!setPowerFeeds(*r, ids(*r, {"h2-bw1"}), {"tx-2"}));          // unchanged
    QVERIFY(!setPowerFeeds(*r, ids(*r, {"h1-r1"}), {"tx-1"}));           // racks
    QVERIFY(!setHeatSinks(*r, ids(*r, {"tx-1"}), {"h1-ahu"}));           // not cooling
  }

  // Redundancy is written on the node's template; the network plan's switch, topology and leaf
  // placement take their design-file names; nonsense is refused.
  void setsRedundancyAndNetwork() {
    auto r = resolveText(kLoose);
    auto red = setRedundancy(*r, ids(*r, {"ups-1"}), design::Redundancy::TwoN);
    QVERIFY2(red, red.refusal.c_str());
    auto a = roundTrip(*red.design);
    QVERIFY(a);
    QVERIFY(powerNode(*a, "ups-1").redundancy == design::Redundancy::TwoN);
    QVERIFY(!setRedundancy(*a, ids(*a, {"ups-1"}), design::Redundancy::TwoN));  // unchanged
    QVERIFY(!setRedundancy(*a, ids(*a, {"grid"}), design::Redundancy::TwoN));   // a source
    QVERIFY(!setRedundancy(*a, ids(*a, {"r"}), design::Redundancy::TwoN));      // racks

    QVERIFY(!setNetworkField(*a, NetworkField::Switch, "no-such-switch"));
    QVERIFY(!setNetworkField(*a, NetworkField::Switch, "qm9700"));  // already
    auto topo = setNetworkField(*a, NetworkField::Topology, "leaf-spine");
    QVERIFY2(topo, topo.refusal.c_str());
    QVERIFY(topo.design->network.topology == design::Topology::LeafSpine);
    QVERIFY(!setNetworkField(*a, NetworkField::Topology, "torus"));
    auto leaves = setNetworkField(*a, NetworkField::LeafPlacement, "middle-of-row");
    QVERIFY2(leaves, leaves.refusal.c_str());
    auto b = roundTrip(*leaves.design);
    QVERIFY(b);
    QVERIFY(b->design.network.leafPlacement == design::LeafPlacement::MiddleOfRow);
  }

  // Disconnecting removes exactly the link, in one edit; the design then equals the one before.
  void disconnectUndoesConnect() {
    auto r = resolveText(kLoose);
    const std::string original = io::designToYaml(r->design);
    auto wired = connectObjects(*r, ids(*r, {"r"}), "bw-1");
    QVERIFY(wired);
    auto a = roundTrip(*wired.design);
    QVERIFY(a);
    auto undone = disconnectObjects(*a, ids(*a, {"r"}), "bw-1");
    QVERIFY2(undone, undone.refusal.c_str());
    QCOMPARE(io::designToYaml(*undone.design), original);
    auto b = roundTrip(*undone.design);
    QVERIFY(b);
    QVERIFY(!disconnectObjects(*b, ids(*b, {"r"}), "bw-1"));  // nothing left to remove

    // One rack of a wired row loses its feed A: an override `feed_a: ''` that saves and loads
    // again (it once saved a file the reader refused).
    auto one = disconnectObjects(*a, ids(*a, {"r-2"}), "bw-1");
    QVERIFY2(one, one.refusal.c_str());
    QCOMPARE(one.design->overrides.at("r-2").feedA, std::optional<std::string>(""));
    auto c1 = roundTrip(*one.design);
    QVERIFY(c1);
    QCOMPARE(c1->layout.racks[1].feedA, design::kNone);
    QCOMPARE(c1->layout.racks[0].feedA, c1->layout.powerIndex.at("bw-1"));

    // An instance override on a repeated template disappears with the disconnect of its only link.
    auto t = resolveText(test::kThreeHalls);
    auto over = setPowerFeeds(*t, ids(*t, {"h2-bw1"}), {"tx-1", "tx-2"});
    QVERIFY(over);
    auto c = roundTrip(*over.design);
    QVERIFY(c);
    auto less = disconnectObjects(*c, ids(*c, {"h2-bw1"}), "tx-1");
    QVERIFY2(less, less.refusal.c_str());
    auto d = roundTrip(*less.design);
    QVERIFY(d);
    QCOMPARE(powerIds(*d, powerNode(*d, "h2-bw1").fedBy), (std::vector<std::string>{"tx-2"}));
  }
};

QTEST_GUILESS_MAIN(TestDesignEditsWiring)
#include "test_design_edits_wiring.moc"
