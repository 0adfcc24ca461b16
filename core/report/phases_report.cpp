// The site over its build-out (see phases_report.h).
#include "core/report/phases_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "core/base/date.h"
#include "core/base/json_writer.h"
#include "core/evaluate/job_cluster.h"
#include "core/model/plan_rules.h"
#include "core/report/charts.h"
#include "core/report/escape.h"
#include "core/report/report_format.h"
#include "core/report/training_plan.h"

namespace gigaplan::report {
namespace {

constexpr double kJoulesPerMwh = 3.6e9;
constexpr std::size_t kFindingsPerPhase = 8;  // in the text and the report; all of them in the JSON

std::string day(double days) {
  return base::displayDate(static_cast<int>(std::floor(days)));
}

// Tokens as "15.6 T" / "980 B": the scale planners speak of runs in.
std::string tokens(double n) {
  if (n >= 1e12) return fixed(n / 1e12, n >= 1e14 ? 0 : 1) + " T";
  if (n >= 1e9) return fixed(n / 1e9, n >= 1e11 ? 0 : 1) + " B";
  if (n >= 1e6) return fixed(n / 1e6, 1) + " M";
  return fixed(n, 0);
}

// The last day the timeline draws: a quarter of the phases' span after the last phase, at least
// 90 days, or the job's finish when that is later.
int timelineEnd(const PhasesOverview& o) {
  const int first = o.phases.front().date, last = o.phases.back().date;
  int end = last + std::max(90, (last - first) / 4);
  if (o.job.finish && *o.job.finish + 1 > end) end = static_cast<int>(std::ceil(*o.job.finish)) + 1;
  return end;
}

// "2 errors, 1 warning"; empty for none.
std::string severities(std::int64_t errors, std::int64_t warnings) {
  std::string s;
  if (errors > 0) s = counted(errors, "error");
  if (warnings > 0) s += (s.empty() ? "" : ", ") + counted(warnings, "warning");
  return s;
}

std::string findingsCount(const engine::Evaluation& e) {
  const std::string s = severities(e.errors, e.warnings);
  return s.empty() ? "holds" : s;
}

// The job's errors and warnings on a phase's cluster, as its line ends: "; job findings: 3
// warnings", or nothing.
std::string jobFindingsCount(const PhaseTraining& t) {
  const auto of = [&](engine::Severity v) {
    return std::count_if(t.findings.begin(), t.findings.end(),
                         [&](const engine::Finding& f) { return f.severity == v; });
  };
  const std::string s = severities(of(engine::Severity::Error), of(engine::Severity::Warning));
  return s.empty() ? s : "; job findings: " + s;
}

}  // namespace

std::string phaseFindingsNote(const PhasesOverview& o) {
  if (!o.job.present) return "";
  return "Findings: the site's own checks at each phase; the training job's findings on each phase's cluster are "
         "counted on the job's line for that phase below.";
}

JobAcrossPhases scheduleJob(const std::vector<engine::PhaseResult>& phases, const std::vector<PhaseTraining>& training,
                            double tokenTarget, std::optional<int> start) {
  JobAcrossPhases j;
  j.present = true;
  const std::size_t n = phases.size();
  j.tokens.assign(n, 0);
  j.days.assign(n, 0);
  if (n == 0 || training.size() != n) {
    j.note = "the design has no phases";
    return j;
  }
  j.start = start.value_or(phases.front().date);
  double t = j.start, remaining = tokenTarget;
  if (j.start < phases.front().date) {
    t = phases.front().date;
    j.note = "it waits for the first phase, " + base::displayDate(phases.front().date);
  }
  for (std::size_t p = 0; p < n && remaining > 0; ++p) {
    const double end = p + 1 < n ? phases[p + 1].date : std::numeric_limits<double>::infinity();
    if (end <= t) continue;
    const double from = std::max(t, static_cast<double>(phases[p].date));
    t = end;
    const PhaseTraining& tr = training[p];
    if (!tr.ok || !(tr.tokensPerDay > 0)) continue;
    const double need = remaining / tr.tokensPerDay;
    const double trained = from + need <= end ? remaining : tr.tokensPerDay * (end - from);
    j.tokens[p] = trained;
    j.days[p] = trained / tr.tokensPerDay;
    j.energy += trained * tr.energyPerToken;
    remaining -= trained;
    if (from + need <= end) j.finish = from + need;
  }
  if (!j.finish) {
    const PhaseTraining& last = training.back();
    j.note = "it never finishes: the last phase cannot run the job" +
             (last.problem.empty() ? std::string() : " (" + last.problem + ")");
  }
  return j;
}

PhasesOverview overviewPhases(const design::ResolvedDesign& r, bool withYear) {
  PhasesOverview o;
  o.site = r.design.site.name;
  o.phases = engine::evaluatePhases(r.design, r.layout, *r.catalog);
  if (r.design.job && !o.phases.empty()) {
    const double target = r.design.job->training.tokens;
    for (const engine::PhaseResult& p : o.phases) {
      design::ResolvedDesign at{r.design, r.catalog, p.layout};
      // A fixed plan larger than the phase runs with fewer data-parallel replicas (one home: core/model).
      const training::Cluster cluster = engine::clusterFromEvaluation(r.design, p.evaluation);
      if (!at.design.job->parallelism.automatic && model::planGpus(at.design.job->parallelism) > cluster.count) {
        if (auto fitted = model::withDataParallelFor(*at.design.job, cluster)) at.design.job = std::move(*fitted);
      }
      const TrainingPlan plan = planTraining(at, p.evaluation);
      PhaseTraining t;
      if (!at.design.job->parallelism.automatic) t.dataParallel = at.design.job->parallelism.dp;
      if (plan.ok && plan.estimate.effectiveTrainingDays > 0) {
        t.ok = true;
        t.tokensPerDay = target / plan.estimate.effectiveTrainingDays;
        t.gpusUsed = plan.estimate.gpusUsed;
        t.gpu = plan.cluster.gpu;
        t.energyPerToken = plan.estimate.energyMwh * kJoulesPerMwh / target;
        t.findings = trainingFindings(plan);
      } else {
        t.problem = plan.problem.empty() ? "no estimate" : plan.problem;
      }
      o.training.push_back(std::move(t));
    }
    o.job = scheduleJob(o.phases, o.training, target, r.design.job->training.start);
  }
  if (withYear && !r.design.site.weather.empty()) {
    for (const engine::PhaseResult& p : o.phases) {
      const annual::YearResult y = annual::simulateSiteYear(r.design, p.layout, p.evaluation);
      o.years.push_back({y.year, y.carbonComplete, y.hasPrice});
      o.weatherFile = y.location.empty() ? y.weatherFile : y.location + " (" + y.weatherFile + ")";
    }
  }
  return o;
}

std::string phasesText(const PhasesOverview& o, const std::string& file) {
  std::ostringstream out;
  if (o.phases.empty()) return "The design " + file + " has no phases: it is evaluated as one build.\n";
  out << "Phases of " << o.site << " (" << file << "): " << counted(static_cast<std::int64_t>(o.phases.size()), "phase")
      << ", " << base::displayDate(o.phases.front().date) << " to " << base::displayDate(o.phases.back().date)
      << "\n\n";
  out << "   #  date              GPUs  EFLOP/s BF16   IT MW  network MW  facility MW  sources MW    PUE  findings / "
         "phase\n";
  for (const engine::PhaseResult& p : o.phases) {
    const engine::Evaluation& e = p.evaluation;
    char line[200];
    std::snprintf(line, sizeof line, "  %2d  %-12s %9s %14s %7s %11s %12s %11s %6s  ", p.phase + 1,
                  base::displayDate(p.date).c_str(), count(e.compute.gpus).c_str(),
                  fixed(e.compute.peakBf16 / 1e18, 1).c_str(), fixed(e.power.it / 1e6, 1).c_str(),
                  fixed(e.power.network / 1e6, 1).c_str(), fixed(e.power.facility / 1e6, 1).c_str(),
                  fixed(e.power.sourceCapacity / 1e6, 1).c_str(), pue(e.power.pue).c_str());
    out << line << findingsCount(e) << " / " << p.label << "\n";
  }
  if (const std::string note = phaseFindingsNote(o); !note.empty()) out << "  " << note << "\n";
  if (o.job.present) {
    out << "\nTraining across the phases, from " << base::displayDate(o.job.start) << ":\n";
    for (std::size_t p = 0; p < o.phases.size() && p < o.training.size(); ++p) {
      const PhaseTraining& t = o.training[p];
      out << "  " << (p + 1) << ". ";
      if (!t.ok) {
        out << "cannot run: " << t.problem << "\n";
        continue;
      }
      out << tokens(t.tokensPerDay) << " tokens/day on " << count(t.gpusUsed) << " " << t.gpu;
      if (t.dataParallel > 0) out << " (dp " << count(t.dataParallel) << ")";
      if (o.job.days[p] > 0)
        out << "; trains " << fixed(o.job.days[p], 1) << " days, " << tokens(o.job.tokens[p]) << " tokens";
      out << jobFindingsCount(t) << "\n";
    }
    if (o.job.finish) {
      out << "  finishes " << day(*o.job.finish) << ", " << fixed(*o.job.finish - o.job.start, 1)
          << " days after it starts; " << fixed(o.job.energy / kJoulesPerMwh, 0)
          << " MWh at the facility for the job's GPUs (each phase's at its PUE; not the rest of the site)\n";
    }
    if (!o.job.note.empty()) out << "  (" << o.job.note << ")\n";
  }
  if (!o.years.empty()) {
    out << "\nA typical year at each phase's build, " << o.weatherFile << ":\n";
    out << "   #  energy MWh    PUE  worst PUE   water m³  carbon t  throttled h\n";
    for (std::size_t p = 0; p < o.years.size(); ++p) {
      const annual::PeriodFigures& y = o.years[p].year;
      char line[160];
      std::snprintf(line, sizeof line, "  %2zu %11s %6s %10s %10s %9s %12s\n", p + 1,
                    fixed(y.energy / kJoulesPerMwh, 0).c_str(), pue(y.pue()).c_str(), pue(y.worstPue).c_str(),
                    fixed(y.water() / 1000, 0).c_str(),
                    (o.years[p].carbonComplete ? fixed(y.carbon / 1000, 0) : std::string("incomplete")).c_str(),
                    count(y.throttledHours).c_str());
      out << line;
    }
  }
  for (const engine::PhaseResult& p : o.phases) {
    const engine::Evaluation& e = p.evaluation;
    if (e.errors == 0 && e.warnings == 0) continue;
    out << "\nPhase " << (p.phase + 1) << " (" << p.label << "): " << findingsCount(e) << "\n";
    std::size_t shown = 0;
    for (const engine::Finding& f : e.findings) {
      if (f.severity == engine::Severity::Info) continue;
      if (shown++ == kFindingsPerPhase) {
        out << "  … and more (all of them in --json)\n";
        break;
      }
      out << "  " << engine::toString(f.severity) << "  " << (f.object.empty() ? "site" : f.object) << "  " << f.message
          << "\n";
    }
  }
  return out.str();
}

std::string phasesJson(const PhasesOverview& o, const std::string& file) {
  JsonWriter j;
  j.beginObject();
  j.field("design", file).field("site", o.site);
  const auto findings = [&](const std::vector<engine::Finding>& list) {
    j.key("findings").beginArray();
    for (const engine::Finding& f : list) {
      j.beginObject().field("severity", std::string(engine::toString(f.severity))).field("object", f.object);
      j.field("code", f.code).field("message", f.message).endObject();
    }
    j.endArray();
  };
  j.key("phases").beginArray();
  for (std::size_t i = 0; i < o.phases.size(); ++i) {
    const engine::PhaseResult& p = o.phases[i];
    const engine::Evaluation& e = p.evaluation;
    j.beginObject();
    j.field("phase", p.phase + 1).field("name", p.label).field("date", base::isoDate(p.date));
    j.field("gpus", static_cast<std::int64_t>(e.compute.gpus)).field("racks", e.compute.racks);
    j.field("peak_bf16_flops", e.compute.peakBf16).field("peak_fp8_flops", e.compute.peakFp8);
    j.field("it_w", e.power.it).field("network_w", e.power.network).field("facility_w", e.power.facility);
    j.field("peak_facility_w", e.power.peakFacility);
    j.field("source_capacity_w", e.power.sourceCapacity).field("pue", e.power.pue);
    j.field("errors", e.errors).field("warnings", e.warnings);
    findings(e.findings);
    if (i < o.training.size()) {
      const PhaseTraining& t = o.training[i];
      j.key("training").beginObject().field("ok", t.ok);
      if (t.ok) {
        j.field("tokens_per_day", t.tokensPerDay).field("gpus_used", t.gpusUsed).field("gpu", t.gpu);
        if (t.dataParallel > 0) j.field("dp", t.dataParallel);
        j.field("tokens_trained", o.job.tokens[i]).field("days_training", o.job.days[i]);
        findings(t.findings);  // the job's on this phase's cluster
      } else {
        j.field("problem", t.problem);
      }
      j.endObject();
    }
    if (i < o.years.size()) {
      const annual::PeriodFigures& y = o.years[i].year;
      j.key("year").beginObject();
      j.field("energy_mwh", y.energy / kJoulesPerMwh).field("pue", y.pue()).field("worst_pue", y.worstPue);
      j.field("water_m3", y.water() / 1000).field("wue_l_per_kwh", y.wue());
      j.field("carbon_t", y.carbon / 1000).field("carbon_complete", o.years[i].carbonComplete);
      j.key("cost");
      if (o.years[i].hasPrice)
        j.value(y.cost);
      else
        j.null();
      j.field("throttled_hours", y.throttledHours).field("lost_gpu_hours", y.lostGpuHours);
      j.endObject();
    }
    j.endObject();
  }
  j.endArray();
  if (o.job.present) {
    j.key("job").beginObject().field("start", base::isoDate(o.job.start));
    j.key("finish");
    if (o.job.finish)
      j.value(base::isoDate(static_cast<int>(std::floor(*o.job.finish))));
    else
      j.null();
    j.key("days");
    if (o.job.finish)
      j.value(*o.job.finish - o.job.start);
    else
      j.null();
    j.field("energy_mwh", o.job.energy / kJoulesPerMwh).field("note", o.job.note).endObject();
  }
  if (!o.years.empty()) j.field("weather", o.weatherFile);
  j.endObject();
  return j.str() + "\n";
}

std::string phasesCsv(const PhasesOverview& o) {
  std::ostringstream out;
  out << "phase,date,name,gpus,peak_bf16_eflops,it_mw,network_mw,facility_mw,source_capacity_mw,pue,errors,warnings";
  if (o.job.present) out << ",tokens_per_day,tokens_trained";
  if (!o.years.empty()) out << ",year_energy_mwh,year_pue,year_worst_pue,year_water_m3,year_carbon_t";
  out << "\n";
  const auto num = [](double v, int decimals) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return std::string(b);
  };
  for (std::size_t i = 0; i < o.phases.size(); ++i) {
    const engine::PhaseResult& p = o.phases[i];
    const engine::Evaluation& e = p.evaluation;
    out << p.phase + 1 << "," << base::isoDate(p.date) << "," << csvField(p.label) << "," << e.compute.gpus << ","
        << num(e.compute.peakBf16 / 1e18, 3) << "," << num(e.power.it / 1e6, 3) << "," << num(e.power.network / 1e6, 3)
        << "," << num(e.power.facility / 1e6, 3) << "," << num(e.power.sourceCapacity / 1e6, 3) << ","
        << num(e.power.pue, 4) << "," << e.errors << "," << e.warnings;
    if (o.job.present) {
      const bool ok = i < o.training.size() && o.training[i].ok;
      out << "," << (ok ? num(o.training[i].tokensPerDay, 0) : "") << "," << num(o.job.tokens[i], 0);
    }
    if (i < o.years.size()) {
      const annual::PeriodFigures& y = o.years[i].year;
      out << "," << num(y.energy / kJoulesPerMwh, 1) << "," << num(y.pue(), 4) << "," << num(y.worstPue, 4) << ","
          << num(y.water() / 1000, 1) << "," << (o.years[i].carbonComplete ? num(y.carbon / 1000, 1) : "");
    }
    out << "\n";
  }
  return out.str();
}

Figure phasesFigure(const PhasesOverview& o) {
  Figure f{"phases", "GPUs, compute and facility power as each phase comes online (numbered steps)", {}};
  if (o.phases.empty()) return f;
  std::vector<int> dates;
  TimelinePanel gpus{"GPUs", {}, "", 1, paletteColor(0)};
  TimelinePanel compute{"Compute, BF16 dense", {}, "EFLOP/s", 1e-18, paletteColor(1)};
  TimelinePanel power{"Facility power", {}, "MW", 1e-6, paletteColor(2)};
  for (const engine::PhaseResult& p : o.phases) {
    dates.push_back(p.date);
    gpus.values.push_back(static_cast<double>(p.evaluation.compute.gpus));
    compute.values.push_back(p.evaluation.compute.peakBf16);
    power.values.push_back(p.evaluation.power.facility);
  }
  f.parts.push_back(timelinePanels({gpus, compute, power}, dates, timelineEnd(o)));
  return f;
}

namespace {

// What the job does in phase p: trains (days, tokens), has finished, or has not started.
std::string jobInPhase(const PhasesOverview& o, std::size_t p) {
  if (o.job.days[p] > 0) return "; " + fixed(o.job.days[p], 1) + " days, " + tokens(o.job.tokens[p]) + " tokens";
  if (p >= o.phases.size()) return "";
  const double date = static_cast<double>(o.phases[p].date);
  if (o.job.finish && *o.job.finish <= date) return "; the job has finished by then";
  return date < o.job.start ? "; before the job starts" : "";
}

}  // namespace

Section phasesSection(const PhasesOverview& o) {
  Section s{"phases", "Phases", {}};
  if (o.phases.empty()) return s;
  s.blocks.push_back(Paragraph{
      "The site as it comes online: each phase is evaluated with only what is in service from its date (what no "
      "phase names is there from the first). A phase whose power or cooling does not hold has errors of its own.",
      Tone::Note});
  Table t;
  t.caption = "Each phase as built";
  t.columns = {{"#", Align::Right, 0},          {"Date", Align::Left, 0},          {"Phase", Align::Left, 2},
               {"GPUs", Align::Right, 0},       {"EFLOP/s BF16", Align::Right, 0}, {"IT MW", Align::Right, 0},
               {"Network MW", Align::Right, 0}, {"Facility MW", Align::Right, 0},  {"Sources MW", Align::Right, 0},
               {"PUE", Align::Right, 0},        {"Findings", Align::Left, 1}};
  for (const engine::PhaseResult& p : o.phases) {
    const engine::Evaluation& e = p.evaluation;
    t.rows.push_back({std::to_string(p.phase + 1), base::displayDate(p.date), p.label, count(e.compute.gpus),
                      fixed(e.compute.peakBf16 / 1e18, 1), fixed(e.power.it / 1e6, 1), fixed(e.power.network / 1e6, 1),
                      fixed(e.power.facility / 1e6, 1), fixed(e.power.sourceCapacity / 1e6, 1), pue(e.power.pue),
                      findingsCount(e)});
    t.rowTones.push_back(e.errors > 0 ? Tone::Error : e.warnings > 0 ? Tone::Warning : Tone::Normal);
  }
  t.footnote = phaseFindingsNote(o);
  s.blocks.push_back(std::move(t));
  s.blocks.push_back(phasesFigure(o));
  if (o.job.present) {
    KeyValues kv;
    kv.entries.push_back({"Start", base::displayDate(o.job.start)});
    for (std::size_t p = 0; p < o.training.size(); ++p) {
      const PhaseTraining& tr = o.training[p];
      kv.entries.push_back({"Phase " + std::to_string(p + 1),
                            tr.ok ? tokens(tr.tokensPerDay) + " tokens/day on " + count(tr.gpusUsed) + " " + tr.gpu +
                                        (tr.dataParallel > 0 ? " (dp " + count(tr.dataParallel) + ")" : std::string()) +
                                        jobInPhase(o, p) + jobFindingsCount(tr)
                                  : "cannot run: " + tr.problem});
    }
    kv.entries.push_back({"Finish", o.job.finish ? day(*o.job.finish) + " (" + fixed(*o.job.finish - o.job.start, 1) +
                                                       " days; " + fixed(o.job.energy / kJoulesPerMwh, 0) +
                                                       " MWh at the facility for the job's GPUs)"
                                                 : std::string("never")});
    s.blocks.push_back(
        Paragraph{"The design's job across the phases: tokens accumulate at each phase's rate "
                  "(its own cluster, failures and checkpoints) while the phase stands. A fixed plan "
                  "larger than a phase keeps its tp, pp, cp and ep and runs fewer data-parallel "
                  "replicas there (the same global batch, more gradient accumulation).",
                  Tone::Normal, true});
    s.blocks.push_back(std::move(kv));
    if (!o.job.note.empty()) s.blocks.push_back(Paragraph{"The job " + o.job.note + ".", Tone::Note});
  }
  if (!o.years.empty()) {
    Table y;
    y.caption = "A typical year at each phase's build";
    y.columns = {{"#", Align::Right, 0},          {"Energy MWh", Align::Right, 1}, {"PUE", Align::Right, 1},
                 {"Worst hour", Align::Right, 1}, {"Water m³", Align::Right, 1},   {"Carbon t CO2", Align::Right, 1},
                 {"Throttled h", Align::Right, 1}};
    y.footnote = "Weather: " + o.weatherFile +
                 ". Each row is a whole year at that phase's build, as if it stood "
                 "for the year; the year section gives the whole design's months and hours.";
    for (std::size_t p = 0; p < o.years.size(); ++p) {
      const annual::PeriodFigures& v = o.years[p].year;
      y.rows.push_back({std::to_string(p + 1), fixed(v.energy / kJoulesPerMwh, 0), pue(v.pue()), pue(v.worstPue),
                        fixed(v.water() / 1000, 0),
                        o.years[p].carbonComplete ? fixed(v.carbon / 1000, 0) : std::string("incomplete"),
                        count(v.throttledHours)});
    }
    s.blocks.push_back(std::move(y));
  }
  // Each phase's errors, and the warnings the finished site (the last phase) does not have too:
  // those are under Findings.
  const std::vector<engine::Finding>& finished = o.phases.back().evaluation.findings;
  const auto ownFinding = [&](const engine::Finding& x) {
    if (x.severity == engine::Severity::Error) return true;
    if (x.severity != engine::Severity::Warning) return false;
    return std::none_of(finished.begin(), finished.end(),
                        [&](const engine::Finding& y) { return y.code == x.code && y.object == x.object; });
  };
  for (std::size_t k = 0; k < o.phases.size(); ++k) {
    const engine::PhaseResult& p = o.phases[k];
    std::vector<const engine::Finding*> own;
    for (const engine::Finding& x : p.evaluation.findings)
      if ((k + 1 < o.phases.size() || x.severity == engine::Severity::Error) && ownFinding(x)) own.push_back(&x);
    if (own.empty()) continue;
    const bool errors = own.front()->severity == engine::Severity::Error;  // findings come errors first
    const bool warnings = own.back()->severity == engine::Severity::Warning;
    Table f;
    f.caption = std::string(errors && warnings ? "Errors and warnings"
                            : errors           ? "Errors"
                                               : "Warnings") +
                " in phase " + std::to_string(p.phase + 1) + " (" + p.label + ")";
    f.columns = {{"Object", Align::Left, 0}, {"Finding", Align::Left, 3}};
    for (const engine::Finding* x : own) {
      if (f.rows.size() == kFindingsPerPhase) {
        f.footnote = "showing " + count(static_cast<std::int64_t>(kFindingsPerPhase)) + " of " +
                     count(static_cast<std::int64_t>(own.size())) + "; all of them in gigaplan phases --json";
        break;
      }
      f.rows.push_back({x->object.empty() ? "site" : x->object, x->message});
      f.rowTones.push_back(x->severity == engine::Severity::Error ? Tone::Error : Tone::Warning);
    }
    s.blocks.push_back(std::move(f));
  }
  return s;
}

}  // namespace gigaplan::report
