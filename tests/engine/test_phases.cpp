// Phases of a build-out on hand-checkable designs: names matched to objects (halls, rows,
// templates, '*', the more specific name winning), every bad phase located at its key, each
// phase evaluated with only what stands then (its dependencies on what does not are findings), the
// last phase equal to the whole design, a job across phases finishing on a hand-worked day, and
// the gigawatt sample's build-out.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/base/date.h"
#include "core/catalog/catalog_loader.h"
#include "core/design/phases.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/evaluate/phases.h"
#include "core/io/design_io.h"
#include "core/model/plan_rules.h"
#include "core/report/phases_report.h"
#include "tests/support/bundled.h"

using namespace gigaplan;

namespace {

using testsupport::baseCatalog;
using testsupport::readFile;

// The teaching hall (one hall: grid → tx-1/tx-2 → ups-a/ups-b → busways; rows a (4 GB200), b (3
// DGX H100 and a network rack) and s (storage)) with `phases` appended.
std::string teachingHall(const std::string& phases) {
  return readFile(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml") + phases;
}

design::Design loadText(const std::string& text) {
  return io::loadDesignText(text, "phased.yaml", baseCatalog());
}

// The load error of `text`, or "" when it loads.
std::string loadError(const std::string& text) {
  try {
    loadText(text);
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "";
}

// The line (1-based) of the first occurrence of `needle` in `text`.
int lineOf(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// `text` with the first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("not in the text: " + from);
  return text.replace(at, from.size(), to);
}

int countCode(const engine::Evaluation& e, const std::string& code, engine::Severity s) {
  return static_cast<int>(std::count_if(e.findings.begin(), e.findings.end(),
                                        [&](const engine::Finding& f) { return f.code == code && f.severity == s; }));
}

const engine::Finding* findingOn(const engine::Evaluation& e, const std::string& object, const std::string& code) {
  for (const engine::Finding& f : e.findings)
    if (f.object == object && f.code == code) return &f;
  return nullptr;
}

const std::string kThreePhases = R"(phases:
  - name: First light
    date: 2026-01-05
  - name: Row b
    date: 2026-04-01
    online: [b, ahu-2]
  - name: B side
    date: 2026-07-01
    online: [tx-2, ups-b, 'bw-*-b']
)";

}  // namespace

class TestPhases : public QObject {
  Q_OBJECT

 private slots:
  void datesParseAndPrint() {
    QCOMPARE(*base::parseDate("1970-01-01"), 0);
    QCOMPARE(*base::parseDate("2026-03-01"), 20513);  // 56 years, 14 leap days: 56 × 365 + 14 + 59
    QCOMPARE(base::isoDate(20513), std::string("2026-03-01"));
    QCOMPARE(base::displayDate(20513), std::string("1 Mar 2026"));
    QCOMPARE(*base::parseDate("2028-02-29") - *base::parseDate("2028-02-28"), 1);
    for (const char* bad : {"2026-02-30", "2027-02-29", "2026-13-01", "2026-3-01", "26-03-01", "2026/03/01",
                            "1899-12-31", "2201-01-01", "", "2026-03-01x"})
      QVERIFY2(!base::parseDate(bad), bad);
  }

  void namesMatchWithStars() {
    QVERIFY(design::matchesName("h2-*", "h2-row3-4"));
    QVERIFY(design::matchesName("*-b", "bw-1-b"));
    QVERIFY(design::matchesName("bw-*-b", "bw-12-b"));
    QVERIFY(!design::matchesName("bw-*-b", "bw-1-a"));
    QVERIFY(design::matchesName("*", "anything"));
    QVERIFY(design::matchesName("a*b*c", "aXXbYYc"));
    QVERIFY(!design::matchesName("a*b*c", "aXXbYY"));
    QVERIFY(design::matchesName("tx-1", "tx-1"));
    QVERIFY(!design::matchesName("tx-1", "tx-10"));
  }

  void phasesRoundTripThroughTheFile() {
    const design::Design d = loadText(teachingHall(kThreePhases + "    retire: [ahu-1]\n"));
    QCOMPARE(d.phases.size(), std::size_t(3));
    QCOMPARE(d.phases[1].name, std::string("Row b"));
    QCOMPARE(d.phases[1].date, *base::parseDate("2026-04-01"));
    QCOMPARE(d.phases[2].online, (std::vector<std::string>{"tx-2", "ups-b", "bw-*-b"}));
    QCOMPARE(d.phases[2].retire, (std::vector<std::string>{"ahu-1"}));
    const design::Design again = loadText(io::designToYaml(d));
    QVERIFY(again.phases == d.phases);
  }

  void everyObjectGetsItsPhase() {
    const auto r = design::resolve(loadText(teachingHall(kThreePhases)), baseCatalog());
    const design::Layout& l = r->layout;
    QCOMPARE(l.phaseCount, 3);
    const auto rack = [&](const char* id) { return l.racks[static_cast<std::size_t>(l.rackIndex.at(id))]; };
    const auto power = [&](const char* id) { return l.power[static_cast<std::size_t>(l.powerIndex.at(id))]; };
    const auto cooling = [&](const char* id) { return l.cooling[static_cast<std::size_t>(l.coolingIndex.at(id))]; };
    QCOMPARE(rack("a-1").online, 0);  // named nowhere: the first phase
    QCOMPARE(rack("b-2").online, 1);  // its row
    QCOMPARE(rack("b-4").online, 1);  // an overridden rack of that row too
    QCOMPARE(power("tx-2").online, 2);
    QCOMPARE(power("bw-3-b").online, 2);  // by '*'
    QCOMPARE(power("bw-3-a").online, 0);
    QCOMPARE(cooling("ahu-2").online, 1);
    QCOMPARE(rack("a-1").retired, design::kNone);
    QCOMPARE(l.rows[static_cast<std::size_t>(l.rowIndex.at("b"))].online, 1);
    QCOMPARE(l.halls.front().online, 0);  // its first object stands from the first phase
  }

  void theMoreSpecificNameWins() {
    // The hall in phase 2, one of its racks by its own id in phase 1, the B-side busways by '*' in
    // phase 2 and one of them by its id in phase 3.
    const auto r = design::resolve(loadText(teachingHall(R"(phases:
  - {date: 2026-01-05, online: [a-2]}
  - {date: 2026-02-05, online: [hall-1, 'bw-*-b']}
  - {date: 2026-03-05, online: [bw-2-b]}
)")),
                                   baseCatalog());
    const design::Layout& l = r->layout;
    QCOMPARE(l.racks[static_cast<std::size_t>(l.rackIndex.at("a-2"))].online, 0);
    QCOMPARE(l.racks[static_cast<std::size_t>(l.rackIndex.at("a-1"))].online, 1);
    QCOMPARE(l.power[static_cast<std::size_t>(l.powerIndex.at("bw-1-b"))].online, 1);
    QCOMPARE(l.power[static_cast<std::size_t>(l.powerIndex.at("bw-2-b"))].online, 2);
    QCOMPARE(l.power[static_cast<std::size_t>(l.powerIndex.at("grid"))].online, 0);  // site level: not in the hall
    QCOMPARE(design::phaseLabel(r->design, 1), std::string("Phase 2"));
  }

  void templatesAreNamesToo() {
    // "bw-{i}-a" is the template of bw-1-a … bw-4-a; "tx-{i}" of tx-1 and tx-2.
    const auto r = design::resolve(loadText(teachingHall(R"(phases:
  - {date: 2026-01-05}
  - {date: 2026-02-05, online: ['bw-{i}-a', 'tx-{i}']}
)")),
                                   baseCatalog());
    const design::Layout& l = r->layout;
    for (const char* id : {"bw-1-a", "bw-4-a", "tx-1", "tx-2"})
      QCOMPARE(l.power[static_cast<std::size_t>(l.powerIndex.at(id))].online, 1);
    QCOMPARE(l.power[static_cast<std::size_t>(l.powerIndex.at("bw-1-b"))].online, 0);
  }

  void badPhasesAreLocated() {
    struct Case {
      std::string phases, needle, expect;
    };
    const std::vector<Case> cases = {
        {"phases:\n  - {date: 2026-03-01}\n  - {date: 2026-02-01}\n", "2026-02-01",
         "phases[1].date: found '2026-02-01', expected a date after the phase before it (2026-03-01)"},
        {"phases:\n  - {date: 2026-03-01}\n  - {name: same day, date: 2026-03-01}\n", "same day", "phases[1].date"},
        {"phases:\n  - {date: 2026-02-30}\n", "2026-02-30", "phases[0].date: found '2026-02-30', expected a date"},
        {"phases:\n  - {date: 2026-03-01, online: [a, nowhere]}\n", "nowhere",
         "phases[0].online[1]: found 'nowhere', expected the id of a hall, row, rack"},
        {"phases:\n  - {date: 2026-03-01, online: ['zz*']}\n", "zz*", "phases[0].online[0]: found 'zz*'"},
        {"phases:\n  - {date: 2026-03-01, online: [b]}\n  - {name: again, date: 2026-04-01, online: [b]}\n", "again",
         "phases[1].online[0]: found 'b-1' in 'again', also in 'Phase 1' (online[0])"},
        {"phases:\n  - {date: 2026-03-01}\n  - {date: 2026-04-01, online: [tx-2], retire: [tx-2]}\n", "retire: [tx-2",
         "phases[1].retire[0]: found 'tx-2' retired in 'Phase 2', when it comes online in 'Phase 2'"},
        {"phases:\n  - {date: 2026-03-01, colour: red}\n", "colour", "phases[0].colour"},
        {"phases:\n  - {name: x}\n", "name: x", "phases[0].date: found no 'date', expected a value for 'date'"},
        {"phases:\n  - {date: 2026-03-01, online: ['a b']}\n", "a b", "phases[0].online[0]"},
    };
    for (const Case& c : cases) {
      const std::string text = teachingHall(c.phases);
      const std::string error = loadError(text);
      QVERIFY2(error.find(c.expect) != std::string::npos, (error + "\n  wanted: " + c.expect).c_str());
      const std::string where = "phased.yaml:" + std::to_string(lineOf(text, c.needle)) + ":";
      QVERIFY2(error.rfind(where, 0) == 0, (error + "\n  wanted at: " + where).c_str());
    }
    // A start that is not a date, in the job.
    std::string text = teachingHall("");
    text = replaced(text, "    precision: bf16", "    precision: bf16\n    start: 2026-13-01");
    QVERIFY(loadError(text).find("job.training.start: found '2026-13-01', expected a date YYYY-MM-DD") !=
            std::string::npos);
  }

  void eachPhaseStandsOnWhatIsBuilt() {
    const auto r = design::resolve(loadText(teachingHall(kThreePhases)), baseCatalog());
    const engine::Evaluation whole = engine::evaluate(r->design, r->layout, *r->catalog);
    const std::vector<engine::PhaseResult> phases = engine::evaluatePhases(r->design, r->layout, *r->catalog);
    QCOMPARE(phases.size(), std::size_t(3));
    QCOMPARE(phases[0].label, std::string("First light"));

    // Phase 1: rows a and s; no row b; the B side and ahu-2 not built.
    const engine::PhaseResult& first = phases[0];
    QCOMPARE(first.layout.racks.size(), std::size_t(5));
    QVERIFY(!first.layout.rowIndex.count("b"));
    QCOMPARE(first.evaluation.compute.gpus, std::int64_t(4 * 72));
    QVERIFY(!first.layout.powerIndex.count("ups-b"));
    // The storage rack's only air handler is ahu-2: an error; the racks of row a keep feed A.
    const engine::Finding* ahu = findingOn(first.evaluation, "ahu-2", "phase.not-in-service");
    QVERIFY(ahu && ahu->severity == engine::Severity::Error);
    QCOMPARE(ahu->message, std::string("ahu-2 comes online only in 'Row b' (1 Apr 2026), and 1 rack in service depends "
                                       "on it with no other cooling."));
    const engine::Finding* bw = findingOn(first.evaluation, "bw-1-b", "phase.not-in-service");
    QVERIFY(bw && bw->severity == engine::Severity::Warning);
    QCOMPARE(bw->message,
             std::string("bw-1-b comes online only in 'B side' (1 Jul 2026), and 2 racks in service run on "
                         "their other feed."));
    QCOMPARE(countCode(first.evaluation, "phase.not-in-service", engine::Severity::Warning), 3);  // bw-1/2/4-b
    QCOMPARE(countCode(first.evaluation, "phase.not-in-service", engine::Severity::Error), 1);
    // A rack left with one feed has it as feed A.
    const design::Rack& a1 = first.layout.racks[static_cast<std::size_t>(first.layout.rackIndex.at("a-1"))];
    QVERIFY(a1.feedA != design::kNone && a1.feedB == design::kNone);

    // Phase 2: row b and ahu-2 stand; the B side still missing (bw-3-b now leaned on too).
    QCOMPARE(phases[1].evaluation.compute.gpus, whole.compute.gpus);
    QCOMPARE(countCode(phases[1].evaluation, "phase.not-in-service", engine::Severity::Error), 0);
    QCOMPARE(countCode(phases[1].evaluation, "phase.not-in-service", engine::Severity::Warning), 4);
    QVERIFY(phases[1].evaluation.power.facility > first.evaluation.power.facility);

    // Phase 3: everything stands, and it is the whole design's evaluation.
    const engine::Evaluation& last = phases[2].evaluation;
    QCOMPARE(phases[2].layout.racks.size(), r->layout.racks.size());
    QCOMPARE(last.power.facility, whole.power.facility);
    QCOMPARE(last.power.pue, whole.power.pue);
    QCOMPARE(last.cooling.unitHeat, whole.cooling.unitHeat);
    QCOMPARE(last.findings.size(), whole.findings.size());
    for (std::size_t i = 0; i < last.findings.size(); ++i)
      QCOMPARE(last.findings[i].message, whole.findings[i].message);
  }

  void retiredGenerationLeavesTheSite() {
    // A generator beside the grid, retired in phase 2: the transformers keep the grid (no
    // finding); retire the grid too and they have nothing: errors.
    std::string text = teachingHall(R"(phases:
  - {date: 2026-01-05}
  - {date: 2026-06-01, retire: [gen]}
)");
    text = replaced(text, "  - id: tx-{i}",
                    "  - id: gen\n    kind: generator\n    model: gas-turbine-smt130\n    position: [4 m, 40 m]\n"
                    "  - id: tx-{i}");
    text = replaced(text, "    fed_by: grid\n", "    fed_by: [grid, gen]\n");
    const auto r = design::resolve(loadText(text), baseCatalog());
    auto phases = engine::evaluatePhases(r->design, r->layout, *r->catalog);
    QVERIFY(phases[0].layout.powerIndex.count("gen"));
    QVERIFY(!phases[1].layout.powerIndex.count("gen"));
    QVERIFY(phases[0].evaluation.power.generationCapacity > 0);
    QCOMPARE(phases[1].evaluation.power.generationCapacity, 0.0);
    QCOMPARE(countCode(phases[1].evaluation, "phase.not-in-service", engine::Severity::Warning), 1);
    const engine::Finding* gen = findingOn(phases[1].evaluation, "gen", "phase.not-in-service");
    QVERIFY(gen && gen->message.find("gen was retired in 'Phase 2' (1 Jun 2026), and 2 power nodes in service run on "
                                     "their other feed") == 0);

    text = replaced(text, "retire: [gen]", "retire: [gen, grid]");
    const auto bare = design::resolve(loadText(text), baseCatalog());
    phases = engine::evaluatePhases(bare->design, bare->layout, *bare->catalog);
    const engine::Finding* grid = findingOn(phases[1].evaluation, "grid", "phase.not-in-service");
    QVERIFY(grid && grid->severity == engine::Severity::Error);
    QVERIFY(phases[1].evaluation.hasErrors());
  }

  void aJobRunsAcrossPhases() {
    // Phases on days 100, 110 and 120: the first cannot run the job, the second trains 100 tokens a
    // day, the third 200. 3,000 tokens from day 105: nothing until day 110, 1,000 by day 120, the
    // other 2,000 in 10 days: it finishes on day 130.
    std::vector<engine::PhaseResult> phases(3);
    for (int p = 0; p < 3; ++p) phases[static_cast<std::size_t>(p)].date = 100 + 10 * p;
    std::vector<report::PhaseTraining> t(3);
    t[0].problem = "no GPUs";
    t[1] = {true, "", 100, 8, "g", 2.0, 0, {}};
    t[2] = {true, "", 200, 16, "g", 3.0, 0, {}};
    report::JobAcrossPhases j = report::scheduleJob(phases, t, 3000, 105);
    QVERIFY(j.finish);
    QCOMPARE(*j.finish, 130.0);
    QCOMPARE(j.tokens, (std::vector<double>{0, 1000, 2000}));
    QCOMPARE(j.days, (std::vector<double>{0, 10, 10}));
    QCOMPARE(j.energy, 1000 * 2.0 + 2000 * 3.0);
    // Before the first phase it waits for it: from day 50 it is the same run.
    j = report::scheduleJob(phases, t, 3000, 50);
    QCOMPARE(*j.finish, 130.0);
    QVERIFY(j.note.find("waits for the first phase") != std::string::npos);
    // Finishing inside a phase: 500 tokens from day 112 take 5 days of phase 2.
    j = report::scheduleJob(phases, t, 500, 112);
    QCOMPARE(*j.finish, 117.0);
    // Nothing can run it from the phase it starts in: it never finishes.
    t[1].ok = t[2].ok = false;
    t[2].problem = "no plan fits";
    j = report::scheduleJob(phases, t, 3000, 105);
    QVERIFY(!j.finish);
    QVERIFY(j.note.find("never finishes") != std::string::npos && j.note.find("no plan fits") != std::string::npos);
  }

  void aFixedPlanShrinksToAPhase() {
    training::Job job;
    job.model.name = "m";
    job.model.layers = 8;
    job.model.hidden = 1024;
    job.model.ffnHidden = 4096;
    job.model.heads = job.model.kvHeads = 16;
    job.model.seqLen = 2048;
    job.model.vocab = 32000;
    job.training.tokens = 1e9;
    job.training.globalBatch = 512;
    job.parallelism.tp = 8;
    job.parallelism.dp = 64;  // 512 GPUs
    training::Cluster c;
    c.gpu = "h100";
    c.count = 200;  // room for 25 replicas; 16 is the largest dp dividing the batch of 512
    auto fitted = model::withDataParallelFor(job, c);
    QVERIFY(fitted);
    QCOMPARE(fitted->parallelism.dp, 16);
    QCOMPARE(fitted->parallelism.tp, 8);
    QCOMPARE(fitted->training.globalBatch, 512);
    c.count = 7;  // not one replica
    QVERIFY(!model::withDataParallelFor(job, c));
    job.parallelism.automatic = true;
    c.count = 200;
    QVERIFY(!model::withDataParallelFor(job, c));
  }

  void theGigawattCampusComesOnline() {
    const auto r = design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml", baseCatalog()),
                                   baseCatalog());
    QVERIFY(r->design.phases.size() >= 3);
    const report::PhasesOverview o = report::overviewPhases(*r, false);
    QCOMPARE(o.phases.size(), r->design.phases.size());
    for (std::size_t p = 1; p < o.phases.size(); ++p) {
      QVERIFY(o.phases[p].evaluation.compute.gpus > o.phases[p - 1].evaluation.compute.gpus);
      QVERIFY(o.phases[p].date > o.phases[p - 1].date);
    }
    for (const engine::PhaseResult& p : o.phases) QVERIFY2(!p.evaluation.hasErrors(), p.label.c_str());
    const engine::Evaluation whole = engine::evaluate(r->design, r->layout, *r->catalog);
    QCOMPARE(o.phases.back().evaluation.compute.gpus, whole.compute.gpus);
    QCOMPARE(o.phases.back().evaluation.power.facility, whole.power.facility);
    // The job starts on the day it names and trains every one of its tokens by its finish.
    QVERIFY(o.job.present && o.job.finish);
    QCOMPARE(o.job.start, *r->design.job->training.start);
    double tokens = 0;
    for (double t : o.job.tokens) tokens += t;
    QVERIFY(std::abs(tokens - r->design.job->training.tokens) < 1e-6 * tokens);
    QVERIFY(*o.job.finish > o.job.start);
    // The first phase is smaller than the plan: fewer data-parallel replicas, the plan otherwise kept.
    QVERIFY(o.training.front().ok);
    QVERIFY(o.training.front().dataParallel < r->design.job->parallelism.dp);
    QVERIFY(o.training.front().gpusUsed <= o.phases.front().evaluation.compute.gpus);
    // The chart: three panels of one step per phase, each step's height its phase's value, the
    // steps numbered.
    const report::Figure f = report::phasesFigure(o);
    QCOMPARE(f.parts.size(), std::size_t(1));
    std::vector<report::Rect> steps;
    std::vector<std::string> labels;
    for (const report::Item& item : f.parts.front().items()) {
      if (const auto* rect = std::get_if<report::RectItem>(&item)) steps.push_back(rect->r);
      if (const auto* text = std::get_if<report::TextItem>(&item)) labels.push_back(text->text);
    }
    QCOMPARE(steps.size(), 3 * o.phases.size());
    for (std::size_t p = 1; p < o.phases.size(); ++p) {
      QVERIFY(steps[p].h > steps[p - 1].h);                   // GPUs grow
      QCOMPARE(steps[p].x, steps[p - 1].x + steps[p - 1].w);  // steps meet
    }
    QVERIFY(std::count(labels.begin(), labels.end(), std::to_string(o.phases.size())) >= 3);
    QVERIFY(std::count(labels.begin(), labels.end(), "2027") >= 3);  // the year marks
    // The GB200 run injects at the GB200's own 400G, though the GB300 halls' 800G sized the fabric.
    const training::Cluster c = engine::clusterFromEvaluation(r->design, whole);
    QCOMPARE(c.scaleOutBandwidth, 50e9);
    QCOMPARE(whole.fabric.injectionBandwidth, 50e9);  // the most numerous type's
    QCOMPARE(fabric::injectionOf(whole.fabric, "gb300"), 100e9);
    QCOMPARE(whole.fabric.linkRate, 100e9);
    // Phases 1-4 (GB200 only) run 400G links, two to each 800G port; the GB300 halls' phase plans
    // the fabric anew at 800G, and says so. The phases before only grow it.
    auto replanned = [](const engine::PhaseResult& p) {
      return std::count_if(p.evaluation.findings.begin(), p.evaluation.findings.end(),
                           [](const engine::Finding& x) { return x.code == "phase.fabric-replanned"; });
    };
    for (std::size_t p = 0; p + 1 < o.phases.size(); ++p) {
      QCOMPARE(o.phases[p].evaluation.fabric.linkRate, 50e9);
      QCOMPARE(replanned(o.phases[p]), 0);
    }
    QCOMPARE(replanned(o.phases.back()), 1);
    // The core room's B side comes with hall pair 2: until then its switches and its plant run on
    // side A, each said of what depends on it (the plant's units are cooling units).
    const engine::Finding* ups = findingOn(o.phases[0].evaluation, "core-ups-b", "phase.not-in-service");
    QVERIFY(ups && ups->message.find("the core room in service runs on its other feed") != std::string::npos);
    const engine::Finding* mech = findingOn(o.phases[0].evaluation, "core-mech-b", "phase.not-in-service");
    QVERIFY2(mech && mech->message.find("3 cooling units in service run on their other feed") != std::string::npos,
             mech ? mech->message.c_str() : "no finding");
    QVERIFY(!findingOn(o.phases[2].evaluation, "core-mech-b", "phase.not-in-service"));
    const auto& last = o.phases.back().evaluation.findings;
    const auto note =
        std::find_if(last.begin(), last.end(), [](const auto& x) { return x.code == "phase.fabric-replanned"; });
    QVERIFY2(
        note->message.find("links at 800 Gb/s, 1 per switch port (400 Gb/s, 2 per port before)") != std::string::npos,
        note->message.c_str());
    QVERIFY(note->severity == engine::Severity::Warning);
  }

  // The rule alone: growth is no re-plan; a faster link, another tier or a tier that shrinks is.
  void aFabricReplannedIsNamed() {
    engine::PhaseResult a, b;
    a.label = "one", b.label = "two";
    QVERIFY(!engine::fabricReplanned(a, b));  // no fabric on either side
    auto& fa = a.evaluation.fabric;
    fa.tiers = 2, fa.linkRate = 50e9, fa.breakout = 1;
    fa.tierStats = {{1, "leaf", 10}, {2, "spine", 5}};
    b.evaluation.fabric = fa;
    auto& fb = b.evaluation.fabric;
    fb.tierStats = {{1, "leaf", 20}, {2, "spine", 10}};
    QVERIFY(!engine::fabricReplanned(a, b));
    fb.tierStats[1].switches = 4;
    auto f = engine::fabricReplanned(a, b);
    QVERIFY(f && f->message.find("4 spine switches (5 before)") != std::string::npos);
    fb.tierStats[1].switches = 10;
    fb.tiers = 3;
    fb.tierStats.push_back({3, "core", 2});
    f = engine::fabricReplanned(a, b);
    QVERIFY2(f && f->message.find("3 tiers of switches (2 before)") != std::string::npos, f ? f->message.c_str() : "");
  }
};

QTEST_APPLESS_MAIN(TestPhases)
#include "test_phases.moc"
