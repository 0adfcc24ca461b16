// The training section's numbers: the design's job (`job:`) estimated on the cluster the design
// builds. The cluster comes from clusterFromEvaluation below, which the Job panel and
// `gigaplan train --cluster DESIGN` call too:
// the most numerous GPU type and its count, scale-up domain and bandwidth, the fabric's injection
// bandwidth, leaf oversubscription, pod size, leaf group size, the PUE, IT + network power per GPU,
// storage bandwidth and the largest failure domain. `parallelism: auto` runs the plan search and
// estimates the best plan.
//
//   TrainingPlan t = report::planTraining(*resolved, eval);
//   if (t.ok) std::cout << t.estimate.effectiveTrainingDays;  else if (t.present) std::cout << t.problem;
#pragma once

#include <cstddef>
#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/training/estimate.h"
#include "core/training/job.h"

namespace gigaplan::report {

struct TrainingPlan {
  bool present = false;        // the design has a job
  bool ok = false;             // an estimate was made
  std::string problem;         // why not, when present && !ok
  training::Cluster cluster;
  training::Estimate estimate;
  bool searched = false;       // the plan came from the search (parallelism: auto)
  std::size_t plansValid = 0, plansFitting = 0;
};

/// The cluster a design's evaluation offers to a training job (see the file comment).
training::Cluster clusterFromEvaluation(const design::Design& design, const engine::Evaluation& eval);

TrainingPlan planTraining(const design::ResolvedDesign& design, const engine::Evaluation& eval);

}  // namespace gigaplan::report
