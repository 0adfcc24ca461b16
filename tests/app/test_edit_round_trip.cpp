// Every kind of edit the GUI offers, applied at random (seeded, so a failure replays) to every
// sample, the way the GUI applies it (app/gui/editing functions, the properties table's moves and
// rotations, the Job panel's fields, the palette's rows and gear) through Document::edit. After
// each edit:
//   - an edit the document accepted saves a file that loads again and gives back the same design
//     (and saving that gives the same text);
//   - an edit the document refused names a rule, and the design it would have made is one the
//     loader refuses too: the editor's and the loader's rules agree;
// and at the end undo leads back to the file as opened (snapshots of the Design, re-resolved).
#include <QtTest>

#include <QDir>
#include <array>
#include <cstdio>
#include <random>
#include <sstream>

#include "app/document/document.h"
#include "app/gui/editing/design_edits.h"
#include "app/gui/job/model_presets.h"
#include "core/training/job_edits.h"
#include "design_test_support.h"

using namespace gigaplan;
using app::editing::EditOutcome;
using app::editing::ObjectSet;
using app::editing::RackField;

namespace {

// The Design's saved content (everything but where it came from), member by member.
bool sameDesign(const design::Design& a, const design::Design& b) {
  return a.format == b.format && a.site == b.site && a.catalogOverrides == b.catalogOverrides && a.power == b.power &&
         a.cooling == b.cooling && a.halls == b.halls && a.network == b.network && a.job == b.job &&
         a.overrides == b.overrides;
}

// Which parts differ, for the failure message.
std::string differences(const design::Design& a, const design::Design& b) {
  std::string out;
  auto note = [&](bool same, const char* what) {
    if (!same) out += std::string(out.empty() ? "" : ", ") + what;
  };
  note(a.site == b.site, "site");
  note(a.catalogOverrides == b.catalogOverrides, "catalog");
  note(a.power == b.power, "power");
  note(a.cooling == b.cooling, "cooling");
  note(a.halls == b.halls, "halls");
  note(a.network == b.network, "network");
  note(a.overrides == b.overrides, "overrides");
  if (a.job.has_value() != b.job.has_value()) {
    note(false, "job presence");
  } else if (a.job) {
    note(a.job->model == b.job->model, "job.model");
    note(a.job->training == b.job->training, "job.training");
    note(a.job->parallelism == b.job->parallelism, "job.parallelism");
    if (!(a.job->training == b.job->training)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " (tokens %.17g vs %.17g)", a.job->training.tokens, b.job->training.tokens);
      out += buf;
    }
    if (!(a.job->model == b.job->model)) out += " (name '" + a.job->model.name + "' vs '" + b.job->model.name + "')";
  }
  return out;
}

class RandomEditor {
 public:
  RandomEditor(app::Document& doc, unsigned seed) : doc_(doc), rng_(seed) {}

  int accepted = 0, refusedByEditor = 0, refusedByDocument = 0;
  std::map<std::string, int> acceptedByKind;

  // One random edit; returns "" or what went wrong (the test's failure message).
  std::string step(int index) {
    const auto r = doc_.resolved();
    const int kind = pick(0, 16);
    kind_ = kKinds[static_cast<std::size_t>(kind)];
    EditOutcome out;
    switch (kind) {
      case 0:
        out = app::editing::moveObjects(*r, someObjects(*r), app::editing::snapDelta(randomDelta(), 0, 0.6));
        break;
      case 1:
        out = app::editing::rotateObjects(*r, someObjects(*r), 90);
        break;
      case 2:
        out = app::editing::setRotation(*r, someObjects(*r), oneOf<double>({0, 45, 90, 180, 270, 359.5, 12.25}));
        break;
      case 3:
        out = app::editing::deleteObjects(*r, someObjects(*r));
        break;
      case 4:
        out = app::editing::duplicateRows(*r, someObjects(*r));
        break;
      case 5:
        out = app::editing::addRow(*r, someHall(*r), someKey(r->catalog->racks), pick(1, 12));
        break;
      case 6:
        out = app::editing::addEquipment(
            *r, someHall(*r), pick(0, 1) ? someKey(r->catalog->powerGear) : someKey(r->catalog->coolingGear));
        break;
      case 7:
        out = rackField(*r);
        break;
      case 8:
        out = app::editing::setEquipmentModel(
            *r, someObjects(*r), pick(0, 1) ? someKey(r->catalog->powerGear) : someKey(r->catalog->coolingGear));
        break;
      case 9:
        out = app::editing::clearOverrides(*r, someObjects(*r));
        break;
      case 10: {  // properties table: position x or y typed in
        const ObjectSet set = someObjects(*r);
        const double target = oneOf<double>({-5, 0, 3.3, 12.345678, 250, 99'999, 150'000, -1e9});
        const design::Vec2 now = centreOf(*r, set);
        out = app::editing::moveObjects(*r, set,
                                        pick(0, 1) ? design::Vec2{target - now.x, 0} : design::Vec2{0, target - now.y});
        break;
      }
      case 11: {  // properties table: site name
        design::Design d = r->design;
        d.site.name = oneOf<std::string>({"Renamed", "", "  spaced  ", "Site: with a colon", "# not a comment",
                                          "Zürich – 北京", "'quoted'", "yes", "1e3", "line\nbreak"});
        out = {std::move(d), {}, {}};
        break;
      }
      case 12:
        out = jobField(r->design);
        break;
      case 13:
        out = jobChoice(r->design);
        break;
      case 14: {  // Job panel: add or remove the job
        design::Design d = r->design;
        if (d.job)
          d.job.reset();
        else
          d.job = app::defaultJob();
        out = {std::move(d), {}, {}};
        break;
      }
      case 15:
        out = jobPreset(r->design);
        break;
      default: {  // Job panel: a plan from the search's own candidates shape (explicit sizes)
        out = jobPlan(r->design);
        break;
      }
    }
    return apply(index, std::move(out));
  }

 private:
  static constexpr std::array<const char*, 17> kKinds = {
      "move",      "rotate",     "set rotation",   "delete",          "duplicate",   "add row",
      "add gear",  "rack field", "gear model",     "clear overrides", "move to x/y", "site name",
      "job field", "job choice", "job add/remove", "job preset",      "job plan"};

  std::string apply(int index, EditOutcome out) {
    std::ostringstream where;
    where << "edit " << index << " (" << kind_ << ")";
    if (!out) {
      ++refusedByEditor;  // the editor's own refusal (an overlap, nothing selected …): no design made
      return {};
    }
    const std::string before = io::designToYaml(doc_.design());
    design::Design candidate = *out.design;
    const QString error = doc_.edit(QString::fromUtf8(kind_), [&](design::Design& d) { d = *out.design; });
    if (!error.isEmpty()) {
      ++refusedByDocument;
      if (io::designToYaml(doc_.design()) != before) return where.str() + ": refused but the design changed";
      // The loader refuses the same design, or the file cannot hold it (what loads is another
      // design: a dense model's top-k has no place in a file).
      try {
        const auto loaded = test::resolveText(io::designToYaml(candidate));
        if (!sameDesign(loaded->design, candidate)) return {};
        return where.str() + ": the document refused (" + error.toStdString() + ") a design that loads";
      } catch (const io::LoadError&) {
        return {};
      }
    }
    ++accepted;
    ++acceptedByKind[kind_];
    const std::string text = io::designToYaml(doc_.design());
    std::shared_ptr<const design::ResolvedDesign> back;
    try {
      back = test::resolveText(text);
    } catch (const std::exception& e) {
      return where.str() + ": accepted, saved, and the file does not load: " + e.what();
    }
    if (!sameDesign(back->design, doc_.design()))
      return where.str() + ": reloaded design differs from the edited one in " +
             differences(back->design, doc_.design());
    if (io::designToYaml(back->design) != text) return where.str() + ": saving the reloaded design gives other text";
    if (back->layout.racks.size() != doc_.resolved()->layout.racks.size())
      return where.str() + ": reloaded layout has another rack count";
    return {};
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <class T>
  T oneOf(std::initializer_list<T> values) {
    return *(values.begin() + pick(0, static_cast<int>(values.size()) - 1));
  }
  template <class M>
  std::string someKey(const M& map) {
    if (map.empty()) return "none";
    auto it = map.begin();
    std::advance(it, pick(0, static_cast<int>(map.size()) - 1));
    return it->first;
  }
  design::Vec2 randomDelta() {
    return {std::uniform_real_distribution<double>(-8, 8)(rng_), std::uniform_real_distribution<double>(-8, 8)(rng_)};
  }
  int someHall(const design::ResolvedDesign& r) {
    return r.layout.halls.empty() ? -1 : pick(0, static_cast<int>(r.layout.halls.size()) - 1);
  }

  // A rack, a row, a hall, a power node or a cooling unit — or a few of them.
  ObjectSet someObjects(const design::ResolvedDesign& r) {
    const design::Layout& L = r.layout;
    std::vector<std::string> ids;
    const int n = pick(1, 3);
    for (int i = 0; i < n; ++i) {
      switch (pick(0, 4)) {
        case 0:
          if (!L.racks.empty())
            ids.push_back(L.racks[static_cast<std::size_t>(pick(0, static_cast<int>(L.racks.size()) - 1))].id);
          break;
        case 1:
          if (!L.rows.empty())
            ids.push_back(L.rows[static_cast<std::size_t>(pick(0, static_cast<int>(L.rows.size()) - 1))].id);
          break;
        case 2:
          if (!L.power.empty())
            ids.push_back(L.power[static_cast<std::size_t>(pick(0, static_cast<int>(L.power.size()) - 1))].id);
          break;
        case 3:
          if (!L.cooling.empty())
            ids.push_back(L.cooling[static_cast<std::size_t>(pick(0, static_cast<int>(L.cooling.size()) - 1))].id);
          break;
        default:
          if (!L.halls.empty() && pick(0, 3) == 0)
            ids.push_back(L.halls[static_cast<std::size_t>(pick(0, static_cast<int>(L.halls.size()) - 1))].id);
          break;
      }
    }
    return app::editing::objectsOf(L, ids);
  }

  static design::Vec2 centreOf(const design::ResolvedDesign& r, const ObjectSet& set) {
    design::Vec2 sum;
    double n = 0;
    for (int i : set.racks)
      sum.x += r.layout.racks[static_cast<std::size_t>(i)].position.x,
          sum.y += r.layout.racks[static_cast<std::size_t>(i)].position.y, ++n;
    for (int i : set.power)
      sum.x += r.layout.power[static_cast<std::size_t>(i)].position.x,
          sum.y += r.layout.power[static_cast<std::size_t>(i)].position.y, ++n;
    for (int i : set.cooling)
      sum.x += r.layout.cooling[static_cast<std::size_t>(i)].position.x,
          sum.y += r.layout.cooling[static_cast<std::size_t>(i)].position.y, ++n;
    return n > 0 ? design::Vec2{sum.x / n, sum.y / n} : design::Vec2{};
  }

  EditOutcome rackField(const design::ResolvedDesign& r) {
    const RackField field =
        oneOf<RackField>({RackField::Type, RackField::FeedA, RackField::FeedB, RackField::Cdu, RackField::AirHandler});
    std::string value;
    if (field == RackField::Type) {
      value = pick(0, 9) ? someKey(r.catalog->racks) : "no-such-rack";
    } else if (field == RackField::FeedA || field == RackField::FeedB) {
      const int p = static_cast<int>(r.layout.power.size());
      value = pick(0, 5) == 0 || p == 0 ? "" : r.layout.power[static_cast<std::size_t>(pick(0, p - 1))].id;
    } else {
      const int c = static_cast<int>(r.layout.cooling.size());
      value = pick(0, 5) == 0 || c == 0 ? "" : r.layout.cooling[static_cast<std::size_t>(pick(0, c - 1))].id;
    }
    return app::editing::setRackField(r, someObjects(r), field, value);
  }

  // The Job panel's number fields (the spin boxes' ranges), values near the current one or odd.
  EditOutcome jobField(const design::Design& current) {
    if (!current.job) return EditOutcome::refuse("no job");
    design::Design d = current;
    training::Job& j = *d.job;
    int* fields[] = {&j.model.layers,
                     &j.model.hidden,
                     &j.model.ffnHidden,
                     &j.model.heads,
                     &j.model.kvHeads,
                     &j.model.seqLen,
                     &j.model.vocab,
                     &j.model.moe.experts,
                     &j.model.moe.topK,
                     &j.training.globalBatch,
                     &j.training.microBatch,
                     &j.parallelism.tp,
                     &j.parallelism.pp,
                     &j.parallelism.dp,
                     &j.parallelism.cp,
                     &j.parallelism.ep,
                     &j.parallelism.virtualStages,
                     &j.model.mla.kvLoraRank};
    const int f = pick(0, static_cast<int>(std::size(fields)) - 1);
    int& v = *fields[f];
    const int old = v;
    switch (pick(0, 3)) {
      case 0:
        v = std::max(f == 7 || f == 8 || f == 17 ? 0 : 1, old * 2);
        break;
      case 1:
        v = std::max(f == 7 || f == 8 || f == 17 ? 0 : 1, old / 2);
        break;
      case 2:
        v = std::max(f == 7 || f == 8 || f == 17 ? 0 : 1, old + oneOf<int>({-1, 1, 3}));
        break;
      default:
        v = oneOf<int>({1, 2, 3, 8, 16, 64});
        break;
    }
    // The experts and latent fields settle their sections as the panel does.
    if (f == 7) training::settleExperts(j);
    if (f == 17) training::settleLatentAttention(j);
    return {std::move(d), {}, {}};
  }

  EditOutcome jobChoice(const design::Design& current) {
    if (!current.job) return EditOutcome::refuse("no job");
    design::Design d = current;
    training::Job& j = *d.job;
    switch (pick(0, 8)) {
      case 0:
        j.model.name = oneOf<std::string>({"", "My model", "GPT: 7B", "#1", "Ω-3"});
        break;
      case 1:
        j.training.tokens = oneOf<double>({1, 1e6, 15.6e12, 2.5e11, 123456789, 1e18});
        break;
      case 2:
        j.model.activation = oneOf({training::Activation::Gelu, training::Activation::SwiGlu});
        break;
      case 3:
        j.training.precision = oneOf({training::Precision::BF16, training::Precision::FP8, training::Precision::FP4});
        break;
      case 4:
        j.parallelism.recompute =
            oneOf({training::Recompute::None, training::Recompute::Selective, training::Recompute::Full});
        break;
      case 5: {  // the panel's "Choose automatically": auto holds no plan
        const bool on = !j.parallelism.automatic;
        j.parallelism = {};
        j.parallelism.automatic = on;
        break;
      }
      case 6:
        j.parallelism.sequenceParallel = !j.parallelism.sequenceParallel;
        break;
      case 7:
        j.parallelism.distributedOptimizer = !j.parallelism.distributedOptimizer;
        break;
      default:
        j.parallelism.fsdp = !j.parallelism.fsdp;
        break;
    }
    return {std::move(d), {}, {}};
  }

  EditOutcome jobPreset(const design::Design& current) {
    if (!current.job) return EditOutcome::refuse("no job");
    design::Design d = current;
    const auto& presets = app::modelPresets();
    d.job->model = presets[static_cast<std::size_t>(pick(0, static_cast<int>(presets.size()) - 1))].model;
    return {std::move(d), {}, {}};
  }

  EditOutcome jobPlan(const design::Design& current) {
    if (!current.job) return EditOutcome::refuse("no job");
    design::Design d = current;
    training::Parallelism& p = d.job->parallelism;
    p.automatic = false;
    p.tp = oneOf({1, 2, 4, 8, 16}), p.pp = oneOf({1, 2, 4, 8}), p.dp = oneOf({1, 2, 4, 8, 16, 32});
    p.cp = oneOf({1, 2}), p.virtualStages = oneOf({1, 1, 2});
    return {std::move(d), {}, {}};
  }

  app::Document& doc_;
  std::mt19937 rng_;
  const char* kind_ = "";
};

}  // namespace

class TestEditRoundTrip : public QObject {
  Q_OBJECT
 private slots:
  void everyAcceptedEditReloads_data() {
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("edits");
    // The gigawatt campus resolves in a good fraction of a second per edit: fewer edits there.
    for (const QString& name : QDir(GIGAPLAN_SOURCE_DIR "/samples").entryList({"*.yaml"}, QDir::Files, QDir::Name))
      QTest::newRow(qPrintable(name)) << name << (name.startsWith("gigawatt") ? 40 : 150);
  }

  void everyAcceptedEditReloads() {
    QFETCH(QString, sample);
    QFETCH(int, edits);
    app::Document doc(test::cat());
    const QString path = QString(GIGAPLAN_SOURCE_DIR "/samples/") + sample;
    QVERIFY(doc.open(path).isEmpty());
    const std::string original = io::designToYaml(doc.design());
    const unsigned seed = static_cast<unsigned>(qHash(sample));  // reproducible per sample
    RandomEditor editor(doc, seed);
    for (int i = 0; i < edits; ++i) {
      const std::string problem = editor.step(i);
      QVERIFY2(problem.empty(),
               qPrintable(sample + " seed " + QString::number(seed) + ": " + QString::fromStdString(problem)));
    }
    // Enough of each to mean something: most edits go through, and the document refused some
    // (a plan or a reference the loader would refuse).
    QVERIFY2(editor.accepted >= edits / 4,
             qPrintable(QString("only %1 of %2 edits accepted").arg(editor.accepted).arg(edits)));
    qInfo("%s: %d accepted, %d refused by the editor, %d by the document's rules", qPrintable(sample), editor.accepted,
          editor.refusedByEditor, editor.refusedByDocument);
    // Undo all the way: the file as opened (Design snapshots, resolved again on each step).
    while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
    QCOMPARE(io::designToYaml(doc.design()), original);
    QCOMPARE(doc.resolved()->layout.racks.size(), test::resolveText(original)->layout.racks.size());
  }

  void refusedEditChangesNothing() {
    // TP 16 on Llama 3 70B (64 heads, 8 KV heads; arXiv 2407.21783 Table 3): 16 divides 64 but not 8.
    app::Document doc(test::cat());
    QVERIFY(doc.open(GIGAPLAN_SOURCE_DIR "/samples/llama3-cluster.yaml").isEmpty());
    const auto before = doc.resolved();
    const QString error = doc.edit("TP 16", [](design::Design& d) {
      d.job->model.heads = 64;
      d.job->model.kvHeads = 8;
      d.job->model.hidden = 8192;
      d.job->parallelism.tp = 16;
    });
    QCOMPARE(error, QString("job.parallelism.tp: found '16', expected a divisor of heads (64) and kv_heads (8)"));
    QCOMPARE(doc.resolved(), before);
    QCOMPARE(doc.undoStack()->count(), 0);
  }
};

QTEST_GUILESS_MAIN(TestEditRoundTrip)
#include "test_edit_round_trip.moc"
