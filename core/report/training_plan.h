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

}  // namespace gigaplan::report
