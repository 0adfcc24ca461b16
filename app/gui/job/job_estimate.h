// The training job of a design on the design's own cluster: the cluster as the training model
// sees it, derived from the evaluation (GPU type and count, scale-up domain, NIC bandwidth,
// fabric pods and leaf groups, PUE, IT power per GPU, storage, largest failure domain), and the
// estimate for the job's plan — for `parallelism: auto`, the best plan the search finds.
//
//   JobOutlook o = outlookFor(*evaluated.design, *evaluated.evaluation);
//   if (o.estimate) showDays(o.estimate->effectiveTrainingDays); else showWhy(o.problem);
#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/training/estimate.h"
#include "core/training/plan_findings.h"

namespace gigaplan::app {

struct JobOutlook {
  bool hasJob = false;
  training::Cluster cluster;
  std::vector<training::IdleGpus> idle;        // the site's GPUs the job leaves idle (other types)
  std::optional<training::Estimate> estimate;  // findings include the idle GPU types
  QString problem;                             // why there is no estimate (no GPUs, plan does not fit the cluster, …)
  bool searched = false;                       // `parallelism: auto`: the plan is the search's best
  std::vector<engine::Finding> findings;       // the job's findings, the site's too (report::trainingFindings)
};

JobOutlook outlookFor(const design::ResolvedDesign& design, const engine::Evaluation& evaluation);

}  // namespace gigaplan::app
