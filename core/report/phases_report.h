// The site over its build-out (Design::phases): each phase's GPUs, compute, power and findings
// (engine::evaluatePhases), the design's job run across the phases — tokens accumulate at each
// phase's rate from the job's start date to its finish date — and, when the site names its
// weather, a typical year at each phase's build. What `gigaplan phases` prints, the report's
// "Phases" section and the app's Phases panel all come from here.
//
//   report::PhasesOverview o = report::overviewPhases(*resolved, true);
//   if (o.job.finish) std::cout << base::displayDate(static_cast<int>(*o.job.finish));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/annual/year.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/phases.h"
#include "core/report/report_document.h"

namespace gigaplan::report {

/// The design's job on one phase's cluster (report::planTraining; `auto` searched per phase).
struct PhaseTraining {
  bool ok = false;
  std::string problem;      // why the job cannot run on this phase, when !ok
  double tokensPerDay = 0;  // wall clock, failures and checkpoints included
  int gpusUsed = 0;
  std::string gpu;
  double energyPerToken = 0;  // J at the facility
  int dataParallel = 0;       // the plan's dp on this phase: fewer replicas while the site is smaller
                              // (model::withDataParallelFor); 0 when searched (`auto`)
  // The job's findings on this phase's cluster (report::trainingFindings), when ok: not among the
  // phase's own (engine::PhaseResult::evaluation), which are the site's checks alone.
  std::vector<engine::Finding> findings;
};

/// The job across the phases: it starts at `start` (or the first phase) and trains at each
/// phase's rate while that phase stands.
struct JobAcrossPhases {
  bool present = false;          // the design has a job
  int start = 0;                 // days since 1970-01-01
  std::optional<double> finish;  // days since 1970-01-01 (fractional); none: it never finishes
  std::vector<double> tokens;    // trained in each phase
  std::vector<double> days;      // days spent training in each phase
  double energy = 0;             // J at the facility over the run
  std::string note;              // why it never finishes, or that it waits for the first phase
};

/// A typical year at one phase's build (the site's weather file).
struct PhaseYear {
  annual::PeriodFigures year;
  bool carbonComplete = true;
  bool hasPrice = false;
};

struct PhasesOverview {
  std::string site;
  std::vector<engine::PhaseResult> phases;
  std::vector<PhaseTraining> training;  // per phase, when the design has a job
  JobAcrossPhases job;
  std::vector<PhaseYear> years;  // per phase, when the site names weather and a year was asked for
  std::string weatherFile;
};

/// Evaluates every phase, the job across them and (withYear, when site.weather is set) a year at
/// each phase's build. Throws io::LoadError when the weather or carbon file cannot be read.
PhasesOverview overviewPhases(const design::ResolvedDesign& design, bool withYear);

/// The job across phases from each phase's training (the schedule overviewPhases makes).
JobAcrossPhases scheduleJob(const std::vector<engine::PhaseResult>& phases, const std::vector<PhaseTraining>& training,
                            double tokens, std::optional<int> start);

/// What the phases' findings count, as the text, the report and the app say it under their table:
/// the site's own checks at each phase, not the training job's, which each phase's job line counts.
/// Empty when the design has no job (the site's checks are then all there is).
std::string phaseFindingsNote(const PhasesOverview& overview);

std::string phasesText(const PhasesOverview& overview, const std::string& file);
std::string phasesJson(const PhasesOverview& overview, const std::string& file);
/// One row per phase: date, name, GPUs, compute, IT, network and facility MW, sources, PUE, findings,
/// tokens per day and the year's figures when made.
std::string phasesCsv(const PhasesOverview& overview);

/// GPUs, compute and facility power over time, as steps from each phase's date.
Figure phasesFigure(const PhasesOverview& overview);

/// The report's "Phases" section: the table, the chart, the job's schedule, each phase's errors.
Section phasesSection(const PhasesOverview& overview);

}  // namespace gigaplan::report
