// The design's job on the design's cluster (see job_estimate.h).
#include "app/gui/job/job_estimate.h"

#include <QObject>
#include <cmath>

#include "core/evaluate/job_cluster.h"
#include "core/training/gpu_params.h"

namespace gigaplan::app {

training::Cluster clusterOf(const design::ResolvedDesign& design, const engine::Evaluation& e) {
  // The same cluster the report's training section uses, so the app and the report agree.
  return engine::clusterFromEvaluation(design.design, e);
}

QString planProblem(const training::Job& job, const training::Cluster& cluster) {
  const auto& m = job.model;
  const auto& t = job.training;
  const auto& p = job.parallelism;
  if (m.layers < 1 || m.hidden < 1 || m.heads < 1 || m.seqLen < 1 || m.vocab < 1 || m.ffnHidden < 1) {
    return QObject::tr("the model needs layers, hidden size, FFN size, heads, sequence length and vocabulary");
  }
  if (t.tokens <= 0 || t.globalBatch < 1 || t.microBatch < 1)
    return QObject::tr("the training needs tokens, a global batch and a micro-batch");
  if (p.automatic) return QObject::tr("parallelism is 'auto': use Find best plan to choose one");
  if (p.tp < 1 || p.pp < 1 || p.dp < 1 || p.cp < 1 || p.ep < 1 || p.virtualStages < 1)
    return QObject::tr("every parallel size must be at least 1");
  const long long gpus = static_cast<long long>(p.tp) * p.pp * p.dp * p.cp;
  if (gpus > cluster.count) return QObject::tr("the plan uses %1 GPUs, the site has %2").arg(gpus).arg(cluster.count);
  if (m.heads % p.tp != 0) return QObject::tr("TP %1 does not divide the %2 attention heads").arg(p.tp).arg(m.heads);
  if (m.layers < p.pp * p.virtualStages)
    return QObject::tr("%1 layers cannot fill %2 pipeline stages × %3 virtual stages")
        .arg(m.layers)
        .arg(p.pp)
        .arg(p.virtualStages);
  if (t.globalBatch % (p.dp * t.microBatch) != 0) {
    return QObject::tr("the global batch %1 is not a multiple of DP %2 × micro-batch %3")
        .arg(t.globalBatch)
        .arg(p.dp)
        .arg(t.microBatch);
  }
  if (m.seqLen % p.cp != 0) return QObject::tr("CP %1 does not divide the sequence length %2").arg(p.cp).arg(m.seqLen);
  if (m.moe.experts > 0 && m.moe.experts % p.ep != 0)
    return QObject::tr("EP %1 does not divide the %2 experts").arg(p.ep).arg(m.moe.experts);
  return {};
}

JobOutlook outlookFor(const design::ResolvedDesign& design, const engine::Evaluation& evaluation) {
  JobOutlook o;
  o.hasJob = design.design.job.has_value();
  if (!o.hasJob) return o;
  o.cluster = clusterOf(design, evaluation);
  const catalog::Gpu* gpu = o.cluster.gpu.empty() ? nullptr : design.catalog->gpu(o.cluster.gpu);
  if (!gpu || o.cluster.count < 1) {
    o.problem = QObject::tr("the site has no GPUs to train on");
    return o;
  }
  o.problem = planProblem(*design.design.job, o.cluster);
  if (!o.problem.isEmpty()) return o;
  o.estimate = training::estimate(*design.design.job, o.cluster, training::resolveGpu(*gpu, o.cluster));
  if (!std::isfinite(o.estimate->step.total) || o.estimate->step.total <= 0) {
    o.estimate.reset();
    o.problem = QObject::tr("the training model gave no step time for this plan");
  }
  return o;
}

}  // namespace gigaplan::app
