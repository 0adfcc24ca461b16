// The design's job on the design's cluster (see job_estimate.h).
#include "app/gui/job/job_estimate.h"

#include <QObject>
#include <cmath>

#include "core/evaluate/job_cluster.h"
#include "core/model/plan_rules.h"
#include "core/training/gpu_params.h"

namespace gigaplan::app {

training::Cluster clusterOf(const design::ResolvedDesign& design, const engine::Evaluation& e) {
  // The same cluster the report's training section uses, so the app and the report agree.
  return engine::clusterFromEvaluation(design.design, e);
}

QString planProblem(const training::Job& job, const training::Cluster& cluster) {
  // The design file's rules (core/model/plan_rules), so the panel never estimates a plan that
  // would not load; auto is valid in a file but has no plan to estimate yet.
  if (const auto v = model::firstJobViolation(job, "job", &cluster)) return QString::fromStdString(v->toString());
  if (job.parallelism.automatic) return QObject::tr("parallelism is 'auto': use Find best plan to choose one");
  return {};
}

JobOutlook outlookFor(const design::ResolvedDesign& design, const engine::Evaluation& evaluation) {
  JobOutlook o;
  o.hasJob = design.design.job.has_value();
  if (!o.hasJob) return o;
  o.cluster = clusterOf(design, evaluation);
  o.idle = engine::idleGpuTypes(evaluation);
  const catalog::Gpu* gpu = o.cluster.gpu.empty() ? nullptr : design.catalog->gpu(o.cluster.gpu);
  if (!gpu || o.cluster.count < 1) {
    o.problem = QObject::tr("the site has no GPUs to train on");
    return o;
  }
  o.problem = planProblem(*design.design.job, o.cluster);
  if (!o.problem.isEmpty()) return o;
  o.estimate = training::estimate(*design.design.job, o.cluster, training::resolveGpu(*gpu, o.cluster));
  training::addIdleGpuFindings(*o.estimate, o.idle, o.cluster);
  if (!std::isfinite(o.estimate->step.total) || o.estimate->step.total <= 0) {
    o.estimate.reset();
    o.problem = QObject::tr("the training model gave no step time for this plan");
  }
  return o;
}

}  // namespace gigaplan::app
