// Variants inside a design (key `variants`) on the teaching hall: each merge rule (maps key by
// key, lists of objects by id, additions, removals, other values replaced), every bad variant
// located at its key and named, the base loading whatever its variants hold, saving that keeps
// them, and the object-by-object differences that comparisons show (design::diffLayouts).
#include <QtTest>

#include <fstream>
#include <sstream>

#include "core/catalog/catalog_loader.h"
#include "core/design/layout_diff.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/comparison.h"
#include "tests/support/bundled.h"

using namespace gigaplan;

namespace {

using testsupport::baseCatalog;
using testsupport::readFile;

// The teaching hall (grid → tx-1/tx-2 → ups-a/ups-b → busways bw-1..4-a/b; rows a (4 GB200 on
// cdu-1), b (4 DGX H100, b-4 overridden to a network rack) and s (one storage rack)) with
// `variants` appended.
std::string teachingHall(const std::string& variants) {
  std::string sample = readFile(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml");
  sample.resize(sample.find("\nvariants:") + 1);  // the sample's own variant
  return sample + variants;
}

const std::string kVariants = R"(variants:
  gb300:
    description: Row a with GB300 racks
    halls:
      - id: hall-1
        rows:
          - {id: a, rack: gb300-nvl72}
  hot-site:
    site: {ambient: 45 degC, name: Teaching hall in the desert}
  no-storage:
    halls:
      - id: hall-1
        rows:
          - {id: s, removed: true}
  third-ups:
    power:
      - {id: ups-c, kind: ups, model: ups-1500kw, fed_by: tx-1, position: [70 m, 30 m]}
  two-chillers-to-one:
    cooling:
      - {id: 'chiller-{i}', count: 1}
    halls:
      - id: hall-1
        cooling:
          - {id: 'ahu-{i}', rejects_to: [chiller-1]}
  moved-row:
    halls:
      - id: hall-1
        rows:
          - {id: b, origin: [8 m, 18 m]}
)";

design::Design load(const std::string& text, const std::string& variant = {}) {
  return io::loadDesignText(text, "variants.yaml", baseCatalog(), {}, variant);
}

std::shared_ptr<const design::ResolvedDesign> resolved(const std::string& text, const std::string& variant = {}) {
  return design::resolve(load(text, variant), baseCatalog());
}

// The load error of `variant` of `text`, or "" when it loads.
std::string loadError(const std::string& text, const std::string& variant = {}) {
  try {
    load(text, variant);
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "";
}

// The line (1-based) of the first occurrence of `needle` in `text`.
int lineOf(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string at(int line) {
  return "variants.yaml:" + std::to_string(line) + ":";
}

const design::Rack& rack(const design::Layout& l, const std::string& id) {
  return l.racks[static_cast<std::size_t>(l.rackIndex.at(id))];
}

}  // namespace

class TestVariants : public QObject {
  Q_OBJECT

 private slots:
  void baseListsItsVariants() {
    const design::Design d = load(teachingHall(kVariants));
    QCOMPARE(d.variants.size(), std::size_t{6});
    QCOMPARE(d.variants[0].name, std::string("gb300"));
    QCOMPARE(d.variants[0].description, std::string("Row a with GB300 racks"));
    QVERIFY(d.variant.empty());
    QCOMPARE(d.variants[0].where.line, lineOf(teachingHall(kVariants), "    description: Row a"));
    // The base is the teaching hall as it was: row a still GB200.
    const auto r = resolved(teachingHall(kVariants));
    QCOMPARE(rack(r->layout, "a-1").type, std::string("gb200-nvl72"));
  }

  void listsOfObjectsMergeById() {
    const auto r = resolved(teachingHall(kVariants), "gb300");
    QCOMPARE(r->design.variant, std::string("gb300"));
    QVERIFY(r->design.variants.empty());
    QCOMPARE(io::designLabel(r->design), std::string("variants.yaml#gb300"));
    for (int k = 1; k <= 4; ++k) QCOMPARE(rack(r->layout, "a-" + std::to_string(k)).type, std::string("gb300-nvl72"));
    // What the variant does not name keeps the base's values: the row's feeds, its other rows.
    QCOMPARE(r->layout.power[static_cast<std::size_t>(rack(r->layout, "a-3").feedA)].id, std::string("bw-2-a"));
    QCOMPARE(rack(r->layout, "b-1").type, std::string("dgx-h100-rack"));
    QCOMPARE(rack(r->layout, "b-4").type, std::string("network-rack"));  // the base's override still applies
    QCOMPARE(r->layout.racks.size(), std::size_t{9});
  }

  void mapsMergeKeyByKey() {
    const design::Design d = load(teachingHall(kVariants), "hot-site");
    QCOMPARE(d.site.ambient, 45.0);
    QCOMPARE(d.site.name, std::string("Teaching hall in the desert"));
    QCOMPARE(d.site.size.x, 100.0);  // not named by the variant: the base's
    QCOMPARE(d.site.description, load(teachingHall(kVariants)).site.description);
  }

  void objectsAreAddedAndRemoved() {
    const auto added = resolved(teachingHall(kVariants), "third-ups");
    QVERIFY(added->layout.powerIndex.count("ups-c"));
    QCOMPARE(added->layout.power.size(), resolved(teachingHall(kVariants))->layout.power.size() + 1);
    const auto removed = resolved(teachingHall(kVariants), "no-storage");
    QVERIFY(!removed->layout.rowIndex.count("s"));
    QVERIFY(!removed->layout.rackIndex.count("s-1"));
    QCOMPARE(removed->layout.racks.size(), std::size_t{8});
    // A template's object merges like any other (by its id as written): one chiller, not two.
    const auto fewer = resolved(teachingHall(kVariants), "two-chillers-to-one");
    QVERIFY(fewer->layout.coolingIndex.count("chiller-1"));
    QVERIFY(!fewer->layout.coolingIndex.count("chiller-2"));
  }

  void otherValuesAreReplaced() {
    const auto r = resolved(teachingHall(kVariants), "moved-row");
    QCOMPARE(rack(r->layout, "b-1").position.y, rack(resolved(teachingHall(kVariants))->layout, "b-1").position.y + 8);
  }

  void badVariantsAreLocated() {
    const std::string missing = teachingHall(kVariants);
    std::string e = loadError(missing, "gb400");
    QVERIFY2(e.find("no variant 'gb400'") != std::string::npos, e.c_str());
    QVERIFY2(e.find("gb300, hot-site, no-storage") != std::string::npos, e.c_str());
    QVERIFY2(e.find(at(lineOf(missing, "  gb300:"))) != std::string::npos, e.c_str());

    e = loadError(teachingHall(""), "gb300");
    QVERIFY2(e.find("a design without variants") != std::string::npos, e.c_str());

    // Removing what the base lacks: at the element, with the ids the list has.
    const std::string ghost = teachingHall("variants:\n  v:\n    power:\n      - {id: ups-z, removed: true}\n");
    e = loadError(ghost, "v");
    QVERIFY2(e.find(at(lineOf(ghost, "{id: ups-z")) + "14: power[0].id") != std::string::npos, e.c_str());
    QVERIFY2(e.find("'ups-z', which the design does not have") != std::string::npos, e.c_str());
    QVERIFY2(e.find("grid, tx-{i}, ups-a, ups-b") != std::string::npos, e.c_str());
    // …and loading the base is not stopped by it.
    QCOMPARE(loadError(ghost), std::string());

    const std::string extra =
        teachingHall("variants:\n  v:\n    power:\n      - {id: ups-a, removed: true, units: 2}\n");
    e = loadError(extra, "v");
    QVERIFY2(e.find("'removed: true' with other keys") != std::string::npos, e.c_str());

    // A wrong value inside a variant: at its line, the key path of the merged design, the variant named.
    const std::string wrong = teachingHall(
        "variants:\n  v:\n    halls:\n      - id: hall-1\n        rows:\n"
        "          - {id: a, rack: gb900-nvl72}\n");
    e = loadError(wrong, "v");
    QVERIFY2(e.find(at(lineOf(wrong, "gb900"))) != std::string::npos, e.c_str());
    QVERIFY2(e.find("halls[0].rows[0].rack (variant v)") != std::string::npos, e.c_str());
    QVERIFY2(e.find("'gb900-nvl72'") != std::string::npos, e.c_str());
    QCOMPARE(loadError(wrong), std::string());

    // A variant that breaks the base's own references: the base's line, the variant named.
    const std::string breaks = teachingHall(
        "variants:\n  v:\n    halls:\n      - id: hall-1\n        rows:\n"
        "          - {id: b, removed: true}\n");
    e = loadError(breaks, "v");
    QVERIFY2(e.find(at(lineOf(breaks, "  b-4: {type"))) != std::string::npos, e.c_str());
    QVERIFY2(e.find("overrides.b-4 (variant v)") != std::string::npos, e.c_str());
  }

  void badVariantShapesStopTheBase() {
    // The shape of every variant is checked with the base: a name, known sections, each once.
    const std::string unknown = teachingHall("variants:\n  v:\n    formats: 2\n");
    std::string e = loadError(unknown);
    QVERIFY2(e.find(at(lineOf(unknown, "formats:")) + "5: variants.v.formats: found unknown key 'formats'") !=
                 std::string::npos,
             e.c_str());
    e = loadError(teachingHall("variants:\n  v:\n    variants: {}\n"));
    QVERIFY2(e.find("unknown key 'variants'") != std::string::npos, e.c_str());
    e = loadError(teachingHall("variants:\n  v: {}\n  v: {}\n"));
    QVERIFY2(e.find("twice") != std::string::npos, e.c_str());
    e = loadError(teachingHall("variants:\n  'bad name': {}\n"));
    QVERIFY2(e.find("variants") != std::string::npos && !e.empty(), e.c_str());
    e = loadError(teachingHall("variants: [gb300]\n"));
    QVERIFY2(e.find("variants: found a list, expected a mapping") != std::string::npos, e.c_str());
  }

  void savingKeepsVariants() {
    const design::Design d = load(teachingHall(kVariants));
    const std::string saved = io::designToYaml(d);
    QVERIFY(saved.find("variants:") != std::string::npos);
    const design::Design back = io::loadDesignText(saved, "variants.yaml", baseCatalog());
    QVERIFY(back.variants == d.variants);
    QCOMPARE(io::designToYaml(back), saved);
    // Each variant of the saved file is the variant of the original.
    for (const auto& v : d.variants) {
      const design::Design fromOriginal = load(teachingHall(kVariants), v.name);
      const design::Design fromSaved = io::loadDesignText(saved, "variants.yaml", baseCatalog(), {}, v.name);
      QCOMPARE(io::designToYaml(fromSaved), io::designToYaml(fromOriginal));
    }
    // A design loaded as a variant saves as a plain design: the variant merged, no variants.
    const std::string merged = io::designToYaml(load(teachingHall(kVariants), "gb300"));
    QVERIFY(merged.find("variants:") == std::string::npos);
    QVERIFY(merged.find("gb300-nvl72") != std::string::npos);
  }

  void theSamplesVariants() {
    const auto base = design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml", baseCatalog()),
                                      baseCatalog());
    QCOMPARE(base->design.variants.size(), std::size_t{1});
    const auto gb300 = design::resolve(
        io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml#gb300", baseCatalog()), baseCatalog());
    QCOMPARE(design::diffLayouts(base->layout, gb300->layout).size(), std::size_t{4});
    const auto campus = design::resolve(
        io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml#ups-eco", baseCatalog()), baseCatalog());
    const auto& ups = campus->layout.power[static_cast<std::size_t>(campus->layout.powerIndex.at("c2-nups2-2b"))];
    QCOMPARE(ups.model, std::string("ups-1500kw-eco"));
  }

  void refsSplitAtTheLastHash() {
    QCOMPARE(io::splitDesignRef("site.yaml#gb300").file, std::string("site.yaml"));
    QCOMPARE(io::splitDesignRef("site.yaml#gb300").variant, std::string("gb300"));
    QCOMPARE(io::splitDesignRef("a#b/site.yaml").variant, std::string());
    QCOMPARE(io::splitDesignRef("site.yaml#").file, std::string("site.yaml#"));
    QCOMPARE(io::splitDesignRef("site.yaml").variant, std::string());
  }

  void layoutDifferences() {
    const auto base = resolved(teachingHall(kVariants));
    QVERIFY(design::diffLayouts(base->layout, base->layout).empty());

    const auto gb300 = resolved(teachingHall(kVariants), "gb300");
    auto d = design::diffLayouts(base->layout, gb300->layout);
    QCOMPARE(d.size(), std::size_t{4});
    for (const auto& x : d) {
      QVERIFY(x.type == design::ObjectType::Rack);
      QVERIFY(x.change == design::ObjectChange::Changed);
      QCOMPARE(x.what, std::string("type gb200-nvl72 \u2192 gb300-nvl72"));
    }
    QCOMPARE(d[0].id, std::string("a-1"));

    // A power node added before others moves every index; connections compare by id, so only the
    // new node differs.
    const auto added = resolved(teachingHall(kVariants), "third-ups");
    d = design::diffLayouts(base->layout, added->layout);
    QCOMPARE(d.size(), std::size_t{1});
    QCOMPARE(d[0].id, std::string("ups-c"));
    QVERIFY(d[0].change == design::ObjectChange::Added);

    const auto removed = resolved(teachingHall(kVariants), "no-storage");
    d = design::diffLayouts(base->layout, removed->layout);
    QCOMPARE(d.size(), std::size_t{2});  // row s and its rack
    QVERIFY(d[0].type == design::ObjectType::Row);
    QVERIFY(d[0].change == design::ObjectChange::Removed);
    QCOMPARE(d[1].id, std::string("s-1"));

    const auto moved = resolved(teachingHall(kVariants), "moved-row");
    d = design::diffLayouts(base->layout, moved->layout);
    QCOMPARE(design::countDifferences(d)[static_cast<std::size_t>(design::ObjectType::Rack)]
                                        [static_cast<std::size_t>(design::ObjectChange::Changed)],
             std::size_t{4});
    QCOMPARE(d.back().what, std::string("moved 8.0 m"));

    const auto fewer = resolved(teachingHall(kVariants), "two-chillers-to-one");
    d = design::diffLayouts(base->layout, fewer->layout);
    // chiller-2 removed; the air handlers that rejected to both now reject to one.
    QCOMPARE(d.size(), std::size_t{3});
    const auto find = [&](const std::string& id) {
      return *std::find_if(d.begin(), d.end(), [&](const design::ObjectDifference& x) { return x.id == id; });
    };
    QCOMPARE(find("ahu-1").what, std::string("rejects to chiller-1, chiller-2 \u2192 chiller-1"));
    QVERIFY(find("ahu-2").change == design::ObjectChange::Changed);
    QVERIFY(find("chiller-2").change == design::ObjectChange::Removed);
    QVERIFY(find("chiller-2").type == design::ObjectType::Cooling);
  }

  void comparisonNamesTheObjects() {
    const auto a = resolved(teachingHall(kVariants));
    const auto b = resolved(teachingHall(kVariants), "gb300");
    const engine::Evaluation ea = engine::evaluate(a->design, a->layout, *a->catalog);
    const engine::Evaluation eb = engine::evaluate(b->design, b->layout, *b->catalog);
    const report::Comparison c = report::compare({"base", *a, ea, nullptr}, {"gb300", *b, eb, nullptr});
    QCOMPARE(c.objects.size(), std::size_t{4});
    QCOMPARE(report::objectSummary(c), std::string("4 racks changed"));
    QCOMPARE(report::objectLine(c.objects[0]), std::string("~ rack a-1: type gb200-nvl72 \u2192 gb300-nvl72"));
    const std::string text = report::comparisonText(c);
    QVERIFY(text.find("Objects that differ in B: 4 racks changed") != std::string::npos);
    const std::string json = report::comparisonJson(c);
    const auto objects = json.find(R"("objects": [)");
    QVERIFY(objects != std::string::npos);
    QVERIFY(json.find(R"("id": "a-1",)", objects) != std::string::npos);
    QVERIFY(json.find(R"("what": "type gb200-nvl72 → gb300-nvl72")", objects) != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestVariants)
#include "test_variants.moc"
