// The training section's numbers: the design's job (`job:`) estimated on the cluster the design
// builds. The cluster is derived from the Evaluation here (no shared helper exists yet):
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
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/training/estimate.h"
#include "core/training/job.h"
#include "core/training/plan_findings.h"

namespace gigaplan::report {

struct TrainingPlan {
  bool present = false;        // the design has a job
  bool ok = false;             // an estimate was made
  std::string problem;         // why not, when present && !ok
  training::Cluster cluster;
  std::vector<training::IdleGpus> idle;  // the site's GPUs of other types the job does not use
  training::Estimate estimate;           // findings include training.idle-gpu-type for `idle`
  bool searched = false;       // the plan came from the search (parallelism: auto)
  std::size_t plansValid = 0, plansFitting = 0;
};

/// The cluster a design's evaluation offers to a training job (see the file comment).
training::Cluster clusterFromEvaluation(const design::Design& design, const engine::Evaluation& eval);

/// The GPUs a design has beyond that cluster (other types, or the same type in another scale-up
/// domain size): the training model maps a job onto one GPU type, so these sit idle.
std::vector<training::IdleGpus> idleGpuTypes(const engine::Evaluation& eval);

TrainingPlan planTraining(const design::ResolvedDesign& design, const engine::Evaluation& eval);

}  // namespace gigaplan::report
