// core/model: each rule once, on in-memory values, with key paths — the plan rules (the reported
// TP 16 bug), the overlap rule shared by the engine and the editor, rack power (a network rack
// draws its switches), and a resolved design that owns its catalog (copies of its layout outlive
// it; before, they pointed into a freed catalog).
#include <QtTest>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/model/design_validation.h"
#include "core/model/footprint.h"
#include "core/model/plan_rules.h"
#include "core/model/rack_power.h"

using namespace gigaplan;

namespace {

const char* const kSamples = GIGAPLAN_SOURCE_DIR "/samples/";

std::unique_ptr<catalog::Catalog> freshCatalog() {
  return std::make_unique<catalog::Catalog>(catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog"));
}

// Llama 3 70B (arXiv 2407.21783 Table 3: 80 layers, hidden 8192, FFN 28672, 64 heads, 8 KV
// heads, 8K sequence, 128,256 vocabulary) with a plan that keeps every rule.
training::Job llama70b() {
  training::Job j;
  training::Model& m = j.model;
  m.name = "Llama 3 70B";
  m.layers = 80, m.hidden = 8192, m.ffnHidden = 28672, m.heads = 64, m.kvHeads = 8, m.seqLen = 8192;
  m.vocab = 128256;
  m.activation = training::Activation::SwiGlu;
  j.training.tokens = 15e12;
  j.training.globalBatch = 2048;
  j.parallelism.tp = 8, j.parallelism.pp = 4, j.parallelism.dp = 16;
  return j;
}

}  // namespace

class TestModelRules : public QObject {
  Q_OBJECT
 private slots:
  void planRulesNameTheKey_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("message");
    // 16 divides 64 heads but not 8 KV heads: the reported bug.
    QTest::newRow("tp") << "tp" << 16
                        << "job.parallelism.tp: found '16', expected a divisor of heads (64) and kv_heads (8)";
    QTest::newRow("pp") << "pp" << 81 << "job.parallelism.pp: found '81', expected at most the number of layers (80)";
    // 2,048 sequences over DP 3 × micro-batch 1 do not split evenly.
    QTest::newRow("dp") << "dp" << 3
                        << "job.training.global_batch: found '2048', expected a multiple of dp × micro_batch (3)";
    QTest::newRow("cp") << "cp" << 3 << "job.parallelism.cp: found '3', expected a divisor of seq_len (8192)";
    QTest::newRow("ep dense") << "ep" << 2
                              << "job.parallelism.ep: found '2', expected 1 for a dense model (no moe section)";
    QTest::newRow("zero") << "tp" << 0 << "job.parallelism.tp: found '0', expected a whole number from 1 to 1000000000";
  }
  void planRulesNameTheKey() {
    QFETCH(QString, field);
    QFETCH(int, value);
    QFETCH(QString, message);
    training::Job job = llama70b();
    QVERIFY(model::jobViolations(job).empty());
    auto& p = job.parallelism;
    (field == "tp" ? p.tp : field == "pp" ? p.pp : field == "dp" ? p.dp : field == "cp" ? p.cp : p.ep) = value;
    const auto v = model::firstJobViolation(job);
    QVERIFY(v);
    QCOMPARE(QString::fromStdString(v->toString()), message);
    // `auto` holds no plan (a file's `parallelism: auto` has none), so it has none to break; sizes
    // set beside it would be lost on saving and are refused.
    p.automatic = true;
    QCOMPARE(QString::fromStdString(model::firstJobViolation(job)->keyPath), QString("job.parallelism"));
    p = {};
    p.automatic = true;
    QVERIFY(model::jobViolations(job).empty());
  }

  void theReaderUsesTheSameRule() {
    // The same job in a file: the reader adds only file:line:column to the validator's words.
    const auto cat = freshCatalog();
    design::Design d = io::loadDesign(std::string(kSamples) + "llama3-cluster.yaml", *cat);
    d.job = llama70b();
    d.job->parallelism.tp = 16;
    const auto v = model::firstDesignViolation(d);
    QVERIFY(v);
    try {
      io::loadDesignText(io::designToYaml(d), "edited.yaml", *cat);
      QFAIL("loaded a design whose plan breaks a rule");
    } catch (const io::LoadError& e) {
      QCOMPARE(e.diagnostic().keyPath, v->keyPath);
      QCOMPARE(e.diagnostic().found, v->found);
      QCOMPARE(e.diagnostic().expected, v->expected);
      QVERIFY(e.diagnostic().line > 0);
    }
  }

  void clusterSizeIsARuleToo() {
    // TP 8 × PP 4 × DP 16 = 512 GPUs on a 256-GPU cluster.
    training::Cluster c;
    c.count = 256;
    const auto v = model::firstJobViolation(llama70b(), "job", &c);
    QVERIFY(v);
    QCOMPARE(QString::fromStdString(v->toString()),
             QString("job.parallelism: found tp·pp·dp·cp = 512 GPUs, expected at most the cluster's 256 GPUs"));
  }

  void moeSectionIsAllOrNothing() {
    training::Job job = llama70b();
    job.model.moe.topK = 2;  // experts 0: a dense model with a top-k a file cannot hold
    QCOMPARE(QString::fromStdString(model::firstJobViolation(job)->keyPath), QString("job.model.moe.top_k"));
    job.model.moe = {8, 9, 1024};  // top-9 of 8 experts
    QCOMPARE(QString::fromStdString(model::firstJobViolation(job)->expected), QString("a whole number from 1 to 8"));
  }

  void coordinatesAndRotationsStayInRange() {
    design::Design d;
    d.overrides["a-1"].position = design::Vec2{150'000, 0};  // 150 km: beyond a 100 km site
    d.overrides["a-2"].rotation = 400;
    const auto v = model::designViolations(d);
    QCOMPARE(v.size(), std::size_t{2});
    QCOMPARE(QString::fromStdString(v[0].keyPath), QString("overrides.a-1.position"));
    QCOMPARE(QString::fromStdString(v[1].keyPath), QString("overrides.a-2.rotation"));
  }

  void overlapToleranceIsOneMillimetre() {
    // Two 0.6 m × 1.2 m racks along x: centres 0.6 m apart touch; 0.5995 m apart overlap by
    // 0.5 mm (within the tolerance); 0.598 m apart by 2 mm (an overlap).
    const model::Footprint a{{0, 0}, 0.6, 1.2, 0};
    QCOMPARE(model::overlapDepth(a, {{0.6, 0}, 0.6, 1.2, 0}), 0.0);
    QVERIFY(!model::overlaps(a, {{0.5995, 0}, 0.6, 1.2, 0}));
    QVERIFY(model::overlaps(a, {{0.598, 0}, 0.6, 1.2, 0}));
    QVERIFY(qAbs(model::overlapDepth(a, {{0.598, 0}, 0.6, 1.2, 0}) - 0.002) < 1e-12);
    // Turned 90°, a rack's axis-aligned half extents swap: 0.6 deep along x, 0.3 along y.
    const design::Vec2 h = model::halfExtent({{0, 0}, 0.6, 1.2, 90});
    QVERIFY(qAbs(h.x - 0.6) < 1e-12 && qAbs(h.y - 0.3) < 1e-12);
  }

  // A unit standing on a rack that names it as its CDU or air handler is mounted in that rack (an
  // in-rack CDU); one on a rack it does not cool, or on the floor, is not.
  void unitsOnTheRackTheyCoolAreMountedInIt() {
    design::Layout l;
    for (double x : {0.0, 1.2}) {
      design::Rack r;  // no type: 0.6 m × 1.2 m, turned so its 0.6 m run along y
      r.position = {x, 0};
      r.rotation = 90;
      r.cdu = 0;
      r.airHandler = 2;
      l.racks.push_back(r);
    }
    for (const design::Vec2 at : {design::Vec2{0.55, 0.25}, {1.2, 0}, {5, 5}}) {
      design::CoolingUnit u;
      u.position = at;
      l.cooling.push_back(u);
    }
    // Unit 0 stands near rack 0's corner; unit 1 stands on rack 1, which does not name it; unit 2
    // is the racks' air handler, on the floor away from them.
    QCOMPARE(model::mountingRacks(l), (std::vector<int>{0, design::kNone, design::kNone}));
    l.cooling[0].position = {0.65, 0};  // past rack 0's 0.6 m half-depth, on rack 1, which cools it too
    QCOMPARE(model::mountingRacks(l)[0], 1);
    l.cooling[0].position = {0.55, 0.35};  // past rack 0's 0.3 m half-width
    QCOMPARE(model::mountingRacks(l)[0], design::kNone);
  }

  // The Colossus-like sample's in-rack CDUs stand in the racks they cool. They stood in a line
  // along each hall's wall, 0.14 m apart and 0.6 m wide, which the 3D view and the site plan drew
  // as one strip (and the 3D view's pipes fanned out from it to every rack).
  void colossusCdusStandInTheirRacks() {
    const auto base = freshCatalog();
    const auto r = design::resolve(io::loadDesign(std::string(kSamples) + "colossus1-like.yaml", *base), *base);
    const design::Layout& l = r->layout;
    const std::vector<int> mounts = model::mountingRacks(l);
    int inRack = 0;
    for (std::size_t i = 0; i < l.racks.size(); ++i) {
      const int cdu = l.racks[i].cdu;
      QVERIFY(cdu != design::kNone);
      QCOMPARE(l.cooling[static_cast<std::size_t>(cdu)].model, std::string("in-rack-cdu-250"));
      QVERIFY2(mounts[static_cast<std::size_t>(cdu)] == static_cast<int>(i),
               l.cooling[static_cast<std::size_t>(cdu)].id.c_str());
      ++inRack;
    }
    QCOMPARE(inRack, 1536);
  }

  void networkRackDrawsItsSwitches() {
    // The catalog's network rack is "0 kW" on purpose (switch power comes from switches.yaml):
    // before an evaluation rackItPower says 0 and that it waits for the switches; with the
    // evaluation's per-rack figures the rack draws what the engine placed in it.
    const auto cat = freshCatalog();
    const auto r = design::resolve(io::loadDesign(std::string(kSamples) + "superpod-gb200-su.yaml", *cat), *cat);
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    int networkRack = -1;
    for (std::size_t i = 0; i < r->layout.racks.size(); ++i)
      if (r->layout.racks[i].spec && r->layout.racks[i].spec->kind == catalog::RackKind::Network && e.rackPower[i] > 0)
        networkRack = static_cast<int>(i);
    if (networkRack < 0) QSKIP("the sample places no switch in a network rack");
    const model::RackPower catalogOnly = model::rackPower(r->layout, networkRack);
    QVERIFY(catalogOnly.fromSwitches);
    QCOMPARE(catalogOnly.nominal, 0.0);
    const model::RackPower engine = model::rackPower(r->layout, networkRack, &e.rackPower, &e.rackPeakPower);
    QCOMPARE(engine.nominal, e.rackPower[static_cast<std::size_t>(networkRack)]);
    QVERIFY(engine.nominal > 0);
    // A compute rack draws its type's catalog figure either way.
    const design::Rack& compute = r->layout.racks.front();
    QCOMPARE(model::rackItPower(compute).nominal, compute.spec->power);
  }

  void resolvedDesignOwnsItsCatalog() {
    // The base catalog and the resolved design go out of scope; a copy of the layout (what a view
    // keeps) still reads its specs. Before, both reads were a heap-use-after-free under ASan.
    design::Layout kept;
    std::string type;
    double power = 0;
    {
      const auto base = freshCatalog();
      auto r = design::resolve(io::loadDesign(std::string(kSamples) + "teaching-hall.yaml", *base), *base);
      type = r->layout.racks.front().type;
      power = base->rack(type)->power;
      kept = r->layout;
    }
    QVERIFY(kept.catalog);
    QCOMPARE(kept.racks.front().spec, kept.catalog->rack(type));
    QCOMPARE(kept.racks.front().spec->power, power);
  }
};

QTEST_GUILESS_MAIN(TestModelRules)
#include "test_model_rules.moc"
