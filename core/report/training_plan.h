// The training section's numbers: the design's job (`job:`) estimated on the cluster the design
// builds (engine::clusterFromEvaluation, core/evaluate/job_cluster.h). `parallelism: auto` runs
// the plan search and estimates the best plan.
//
//   TrainingPlan t = report::planTraining(*resolved, eval);
//   if (t.ok) std::cout << t.estimate.effectiveTrainingDays;  else if (t.present) std::cout << t.problem;
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/training/estimate.h"
#include "core/training/job.h"
#include "core/training/plan_findings.h"

namespace gigaplan::report {

struct TrainingPlan {
  bool present = false;  // the design has a job
  bool ok = false;       // an estimate was made
  std::string problem;   // why not, when present && !ok
  training::Cluster cluster;
  std::vector<training::IdleGpus> idle;  // the site's GPUs of other types the job does not use
  training::Estimate estimate;           // findings include training.idle-gpu-type for `idle`
  bool searched = false;                 // the plan came from the search (parallelism: auto)
  std::size_t plansValid = 0, plansFitting = 0;
};

TrainingPlan planTraining(const design::ResolvedDesign& design, const engine::Evaluation& eval);

/// The job's energy as `train`, `phases`, the reports and the app state it, saying what it counts:
/// "120,456 MWh at the facility for the job's 98,304 GPUs (their IT with hosts and network at the
/// racks' design draw for the whole wall time, 104,490 MWh, × PUE 1.15; an upper bound: ...; not
/// the rest of the site)". `power-profile` gives the draw through a step; `year` the site's meter.
std::string jobEnergyText(const training::Estimate& e);

/// What trains on what, in one line: "Llama 3 70B on 576 × gb200 (fp8)" (`train`, compare, the
/// Metrics panel).
std::string jobLabel(const training::Estimate& e, const std::string& gpu);

/// The job's failures and recovery as `train` and the reports state them: "171 per day (one every
/// 8.4 min); checkpoint every 6 s (0.1 s to write); restart 10 min (assumed) + the checkpoint read".
std::string interruptionsText(const training::Estimate& e);

/// The job's findings, which are the site's too: the estimate's (a plan that does not fit in GPU
/// memory, a batch too small for it, GPU types the job leaves idle) or, when no estimate could be
/// made, why (training.no-estimate, an error). Empty without a job.
std::vector<engine::Finding> trainingFindings(const TrainingPlan& plan);

/// The evaluation with the job's findings added, as validate, evaluate, the reports and the app
/// count and list the site's findings.
engine::Evaluation withTrainingFindings(engine::Evaluation eval, const TrainingPlan& plan);

/// The design evaluated with its job's findings among the site's (validate, evaluate).
engine::Evaluation evaluateWithJob(const design::ResolvedDesign& design);

}  // namespace gigaplan::report
