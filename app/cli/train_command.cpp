// `gigaplan train` / `gigaplan search` (see train_command.h): argument parsing, loading the
// cluster and job files, and printing estimates as a readable table or JSON.
#include "app/cli/train_command.h"

#include <optional>

#include "app/cli/design_cluster.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>

#include "app/cli/command_line.h"
#include "app/cli/text_rows.h"
#include "core/base/thousands.h"
#include "core/io/diagnostic.h"
#include "core/model/plan_rules.h"
#include "core/report/report_format.h"
#include "core/report/training_plan.h"
#include "core/training/estimate_json.h"
#include "core/training/flops.h"
#include "core/training/job_reader.h"
#include "core/training/plan_findings.h"
#include "core/training/search.h"
#include "core/training/validation.h"
#include "core/units/units.h"

namespace gigaplan::cli {
namespace {

// Values start in this column of the figures table.
constexpr std::size_t kTrainLabelWidth = 24;

using namespace training;

std::string rankUsage() {
  return "       --rank days (default: wall-clock days with failures, then energy) | energy (facility MWh, then days)\n"
         "              | step (step time, then energy) | cost (needs --gpu-hour-price and/or --energy-price)\n"
         "              ties: " +
         std::string(kRankTies) +
         "\n"
         "       --gpu-hour-price X   price of one GPU-hour of the site (idle GPUs included)\n"
         "       --energy-price X     price of one MWh of facility energy (same currency)\n";
}
constexpr const char* kTrainUsage =
    "usage: gigaplan train --cluster FILE [--job FILE] [--json] [--rank HOW]   (--rank when parallelism is auto)\n"
    "       (FILE may be a cluster file or a design; a design's own job is used when --job is left out)\n"
    "       gigaplan train --validation-report FILE\n";
constexpr const char* kSearchUsage =
    "usage: gigaplan search --cluster FILE [--job FILE] [--top N] [--rank HOW] [--json]\n";

struct Args {
  std::string cluster, job, report;
  bool json = false;
  int top = 10;
  RankBy rank = RankBy::Days;
  Prices prices;
  std::string error;  // set when the arguments are unusable
};

Args parse(const std::vector<std::string>& args, bool search) {
  Args a;
  for (std::size_t i = 0; i < args.size() && a.error.empty(); ++i) {
    const std::string& arg = args[i];
    auto next = [&](std::string& into) {
      if (i + 1 >= args.size()) {
        a.error = arg + " needs a value";
      } else {
        into = args[++i];
      }
    };
    if (arg == "--cluster") {
      next(a.cluster);
    } else if (arg == "--job") {
      next(a.job);
    } else if (arg == "--json") {
      a.json = true;
    } else if (arg == "--validation-report" && !search) {
      next(a.report);
    } else if (arg == "--rank") {
      std::string how;
      next(how);
      if (const auto r = parseRankBy(how)) {
        a.rank = *r;
      } else if (a.error.empty()) {
        a.error = "--rank needs days, energy, step or cost, found '" + how + "'";
      }
    } else if (arg == "--gpu-hour-price" || arg == "--energy-price") {
      std::string v;
      next(v);
      const auto r = units::parseNumber(v);
      if (a.error.empty() && (!r || !(r.value >= 0) || !std::isfinite(r.value))) {
        a.error = arg + " needs a price of zero or more, found '" + v + "'";
      }
      if (r) (arg == "--energy-price" ? a.prices.perMwh : a.prices.perGpuHour) = r.value;
    } else if (arg == "--top" && search) {
      std::string n;
      next(n);
      const auto r = units::parseNumber(n);
      if (a.error.empty() && (!r || r.value < 1 || r.value > 1000 || r.value != static_cast<int>(r.value))) {
        a.error = "--top needs a whole number from 1 to 1000, found '" + n + "'";
      }
      if (r) a.top = static_cast<int>(r.value);
    } else {
      a.error = unexpectedArgument(arg);
    }
  }
  if (a.error.empty() && a.report.empty() && a.cluster.empty()) {
    a.error = "missing --cluster FILE";
  }
  // The catalog holds no prices, so cost has no default: the planner gives the prices.
  if (a.error.empty() && a.rank == RankBy::Cost && !a.prices.given()) {
    a.error = "--rank cost needs --gpu-hour-price and/or --energy-price (the catalog holds no prices)";
  }
  return a;
}

std::string rankText(RankBy r) {
  switch (r) {
    case RankBy::Energy:
      return "facility energy, then days";
    case RankBy::Step:
      return "step time, then energy";
    case RankBy::Cost:
      return "cost (every site GPU for the wall time, plus the job's energy, at the prices given), then days";
    case RankBy::Days:
      break;
  }
  return "days to train with failures, then energy";
}

void printFindings(std::ostream& out, const Estimate& e) {
  for (const auto& f : e.findings)
    out << "  " << engine::toString(f.severity) << " [" << f.code << "]: " << f.message << "\n";
}

void printEstimate(std::ostream& out, const Estimate& e, const Cluster& c) {
  out << report::jobLabel(e, c.gpu) << "\n";
  printFindings(out, e);
  labelRow(out, kTrainLabelWidth, "plan", planText(e.job));
  labelRow(out, kTrainLabelWidth, "parameters",
           report::fixed(parameterCount(e.job.model) / 1e9, 1) + " B (" +
               report::fixed(activeParameterCount(e.job.model) / 1e9, 1) + " B active per token" +
               (e.job.model.mtpDepth > 0
                    ? ", + " + report::fixed(mtpParameterCount(e.job.model) / 1e9, 1) + " B multi-token prediction"
                    : std::string()) +
               ")");
  labelRow(out, kTrainLabelWidth, "step time", report::fixed(e.step.total, 3) + " s");
  labelRow(out, kTrainLabelWidth, "tokens/s", report::fixed(e.tokensPerSecond, 0));
  labelRow(out, kTrainLabelWidth, "model TFLOP/s per GPU",
           report::fixed(e.tflopsPerGpu, 1) + "   MFU " + report::percent(e.mfu) + "   HFU " + report::percent(e.hfu));
  labelRow(out, kTrainLabelWidth, "memory per GPU",
           report::fixed(e.memory.total / units::kGiB, 1) + " GiB of " +
               report::fixed(e.memory.capacity / units::kGiB, 1) + " GiB (" +
               (e.memory.fits ? "fits" : "DOES NOT FIT") + ")");
  labelRow(out, kTrainLabelWidth, "training",
           report::fixed(e.trainingDays, 1) + " days of compute, " + report::fixed(e.effectiveTrainingDays, 1) +
               " days with interruptions (goodput " + report::percent(e.reliability.goodput) + ")");
  labelRow(out, kTrainLabelWidth, "interruptions", report::interruptionsText(e));
  labelRow(out, kTrainLabelWidth, "GPU-hours", report::fixed(e.gpuHours, 0));
  labelRow(out, kTrainLabelWidth, "energy", report::jobEnergyText(e));
  out << "  step breakdown:\n";
  const StepBreakdown& b = e.step;
  const auto parts = training::stepParts(b);
  for (const auto& [name, seconds] : parts) {
    if (seconds <= 0) continue;
    labelRow(out, kTrainLabelWidth, std::string("  ") + name,
             report::fixed(seconds, 3) + " s  " + report::percent(seconds / b.total));
  }
  for (const auto& n : e.notes) out << "  note: " << n << "\n";
}

// Loads cluster and job; returns kOk, or the exit code after writing why. The cluster file may be a
// design: then the cluster is what its evaluation offers, and its `job:` is the default job.
int load(const Args& a, const catalog::Catalog& cat, Cluster& cluster, std::vector<IdleGpus>& idle, Job& job,
         std::ostream& err) {
  try {
    std::optional<Job> designJob;
    if (isDesignFile(a.cluster)) {
      const DesignCluster dc = clusterOfDesign(a.cluster, cat);
      cluster = dc.cluster;
      idle = dc.idle;
      designJob = dc.job;
    } else {
      cluster = loadClusterFile(a.cluster, cat);
    }
    if (!a.job.empty()) {
      job = loadJobFile(a.job, &cluster);
    } else if (designJob) {
      job = *designJob;
    } else {
      throw UsageError(a.cluster + " has no job: give one with --job FILE");
    }
    return kOk;
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
}

SearchResult search(const Job& job, const Cluster& cluster, const GpuParams& gpu, std::size_t top, const Args& a,
                    std::ostream& err) {
  SearchOptions o;
  o.top = top;
  o.rank = a.rank;
  o.prices = a.prices;
  o.progress = [&err](std::size_t done, std::size_t total) {
    err << "\rsearching plans: " << base::thousands(static_cast<std::int64_t>(done)) << " / "
        << base::thousands(static_cast<std::int64_t>(total)) << std::flush;
  };
  SearchResult r = searchPlans(job, cluster, gpu, o);
  err << "\n";
  return r;
}

int writeValidationReport(const std::string& path, const catalog::Catalog& cat, std::ostream& out, std::ostream& err) {
  std::vector<ValidationResult> results;
  try {
    results = runValidation(cat);
  } catch (const std::exception& e) {
    err << "gigaplan train: " << e.what() << "\n";
    return kLoadError;
  }
  std::ofstream file(path);
  file << validationMarkdown(results, cat);
  if (!file) {
    err << "gigaplan train: cannot write '" << path << "'\n";
    return kWriteError;
  }
  for (const auto& r : results) {
    if (!r.pass) {
      err << (r.testCase.gap.empty() ? "outside tolerance: " : "outside tolerance (known gap): ") << r.testCase.name
          << " (" << report::fixed(100 * r.error, 1) << " %)\n";
    }
  }
  const ValidationTally t = tally(results);
  out << path << ": " << t.within << " of " << results.size() << " cases within tolerance";
  if (t.gaps > 0) out << ", " << t.gaps << " known gap" << (t.gaps == 1 ? "" : "s") << " listed in the report";
  out << "\n";
  return t.failed ? kFindings : kOk;
}

}  // namespace

int runTrainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                    const catalog::Catalog& cat) {
  const Args a = parse(args, false);
  if (!a.error.empty()) throw UsageError(a.error);
  if (!a.report.empty()) return writeValidationReport(a.report, cat, out, err);
  Cluster cluster;
  std::vector<IdleGpus> idle;
  Job job;
  if (const int code = load(a, cat, cluster, idle, job, err); code != kOk) return code;
  const GpuParams gpu = resolveGpu(*cat.gpu(cluster.gpu), cluster);
  if (job.parallelism.automatic) {
    const SearchResult r = search(job, cluster, gpu, 1, a, err);
    if (r.best.empty()) {
      err << "gigaplan train: no parallel plan fits in " << cluster.gpu << " memory (" << r.candidates << " tried)\n";
      return kFindings;
    }
    job = r.best.front().job;
    if (!a.json)
      out << "parallelism: auto — best of " << r.fitting << " fitting plans (" << r.candidates << " valid)\n";
  }
  // A design's own job is checked here against the cluster its design builds (a --job file was
  // checked as it was read): a plan needing more GPUs than the site has gets no estimate.
  if (const auto v = model::firstJobViolation(job, "job", &cluster)) {
    err << a.cluster << ": error: the training job has no estimate on this site: " << v->toString()
        << " [training.no-estimate]\n";
    return kFindings;
  }
  Estimate e = estimate(job, cluster, gpu);
  addIdleGpuFindings(e, idle, cluster);
  addPublishedGapFindings(e, cluster.gpu, cat);
  if (a.json) {
    out << estimateJson(e);
  } else {
    printEstimate(out, e, cluster);
  }
  // An explicit plan that does not fit in memory is a finding of severity error, as for validate.
  const bool error = std::any_of(e.findings.begin(), e.findings.end(),
                                 [](const engine::Finding& f) { return f.severity == engine::Severity::Error; });
  return error ? kFindings : kOk;
}

int runSearchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const catalog::Catalog& cat) {
  const Args a = parse(args, true);
  if (!a.error.empty()) throw UsageError(a.error);
  Cluster cluster;
  std::vector<IdleGpus> idle;
  Job job;
  if (const int code = load(a, cat, cluster, idle, job, err); code != kOk) return code;
  const GpuParams gpu = resolveGpu(*cat.gpu(cluster.gpu), cluster);
  const SearchResult r = search(job, cluster, gpu, static_cast<std::size_t>(a.top), a, err);
  std::vector<Estimate> estimates;
  for (const auto& p : r.best) {
    estimates.push_back(estimate(p.job, cluster, gpu));
    addIdleGpuFindings(estimates.back(), idle, cluster);
  }
  if (a.json) {
    out << searchJson(r, estimates);
    return estimates.empty() ? kFindings : kOk;
  }
  const bool cost = a.rank == RankBy::Cost;
  out << base::counted(static_cast<std::int64_t>(r.candidates), "valid plan") << ", "
      << base::thousands(static_cast<std::int64_t>(r.fitting)) << " fit in memory; best " << estimates.size() << " by "
      << rankText(a.rank) << ":\n";
  // Figures first, in aligned columns; the plan, whose description varies in length, below them.
  out << "  #   step s   TFLOP/s     MFU      GiB     days          MWh" << (cost ? "           cost" : "") << "\n";
  for (std::size_t i = 0; i < estimates.size(); ++i) {
    const Estimate& e = estimates[i];
    char line[256];
    std::snprintf(line, sizeof line, "%3zu %8.3f %9.1f %5.1f %% %8.1f %8.1f %12s", i + 1, e.step.total, e.tflopsPerGpu,
                  100 * e.mfu, e.memory.total / units::kGiB, e.effectiveTrainingDays,
                  report::fixed(e.energyMwh, 0).c_str());
    out << line;
    if (cost) {
      std::snprintf(line, sizeof line, " %14s", report::fixed(r.best[i].cost, 0).c_str());
      out << line;
    }
    out << "\n      " << planText(e.job) << "\n";
  }
  if (estimates.empty()) {
    out << "  no plan fits in " << cluster.gpu << " memory\n";
    return kFindings;
  }
  // Idle GPU types concern every plan; the batch finding concerns the best.
  for (const auto& f : estimates.front().findings) {
    out << engine::toString(f.severity) << " [" << f.code << "]"
        << (f.code == "training.batch-too-small" ? " (plan 1)" : "") << ": " << f.message << "\n";
  }
  return kOk;
}

std::string trainUsage() {
  return std::string(kTrainUsage) + rankUsage();
}

std::string searchUsage() {
  return std::string(kSearchUsage) + rankUsage();
}

}  // namespace gigaplan::cli
