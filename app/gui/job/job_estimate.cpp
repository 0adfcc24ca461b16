// The design's job on the design's cluster (see job_estimate.h).
#include "app/gui/job/job_estimate.h"

#include "core/report/training_plan.h"

namespace gigaplan::app {

JobOutlook outlookFor(const design::ResolvedDesign& design, const engine::Evaluation& evaluation) {
  // The report's training numbers (core/report/training_plan): the same cluster, rules and, for
  // `parallelism: auto`, the same search for the best plan — so the panel shows an estimate for an
  // automatic plan at once, and the app and the report agree.
  const report::TrainingPlan t = report::planTraining(design, evaluation);
  JobOutlook o;
  o.hasJob = t.present;
  if (!o.hasJob) return o;
  o.cluster = t.cluster;
  o.idle = t.idle;
  o.searched = t.searched;
  o.findings = report::trainingFindings(t);
  if (t.ok)
    o.estimate = t.estimate;
  else
    o.problem = QString::fromStdString(t.problem);
  return o;
}

}  // namespace gigaplan::app
