// The design's job on the design's cluster (see training_plan.h).
#include "core/report/training_plan.h"

#include <cmath>

#include "core/model/plan_rules.h"
#include "core/training/gpu_params.h"
#include "core/training/plan_findings.h"
#include "core/training/search.h"

namespace gigaplan::report {

training::Cluster clusterFromEvaluation(const design::Design& design, const engine::Evaluation& e) {
  training::Cluster c;
  if (e.compute.byType.empty()) return c;
  const engine::GpuTypeSummary& t = e.compute.byType.front();  // most GPUs first
  c.gpu = t.gpu;
  c.count = static_cast<int>(t.count);
  c.scaleUpSize = t.domainSize > 0 ? t.domainSize : 8;
  c.scaleUpBandwidth = t.scaleUpBandwidth;
  if (e.fabric.problem.empty()) {  // else the fabric was not built: bandwidths fall back to the catalog (0)
    c.scaleOutBandwidth = e.fabric.injectionBandwidth;
    if (!e.fabric.tierStats.empty() && e.fabric.tierStats.front().oversubscription > 0) {
      c.oversubscription = e.fabric.tierStats.front().oversubscription;  // as built, not as asked
    }
    if (e.fabric.pods > 1) {
      c.podGpus = e.fabric.podGpus;
      c.oversubscriptionAbovePod = design.network.oversubscriptionAbovePod;
    }
    c.leafGpus = e.fabric.leafGroupGpus;
  }
  c.pue = e.power.pue;
  // IT power per GPU including its share of hosts (in the rack figure) and the network.
  if (e.compute.gpus > 0) c.itPowerPerGpu = (e.power.it + e.power.network) / static_cast<double>(e.compute.gpus);
  c.storageBandwidth = design.site.storageBandwidth > 0 ? design.site.storageBandwidth : e.compute.storageBandwidth;
  c.largestFailureDomainGpus = static_cast<int>(e.reliability.largestGpus);
  return c;
}

std::vector<training::IdleGpus> idleGpuTypes(const engine::Evaluation& e) {
  // clusterFromEvaluation takes the first (most numerous) type; every other one sits idle.
  std::vector<training::IdleGpus> idle;
  for (std::size_t i = 1; i < e.compute.byType.size(); ++i) {
    const engine::GpuTypeSummary& t = e.compute.byType[i];
    idle.push_back({t.gpu, static_cast<long long>(t.count), t.domainSize});
  }
  return idle;
}

TrainingPlan planTraining(const design::ResolvedDesign& r, const engine::Evaluation& e) {
  TrainingPlan t;
  if (!r.design.job) return t;
  t.present = true;
  t.cluster = clusterFromEvaluation(r.design, e);
  t.idle = idleGpuTypes(e);
  const catalog::Gpu* gpu = t.cluster.gpu.empty() ? nullptr : r.catalog->gpu(t.cluster.gpu);
  if (t.cluster.count <= 0 || !gpu) {
    t.problem = "the design has no GPUs the training model can use";
    return t;
  }
  const training::GpuParams params = training::resolveGpu(*gpu, t.cluster);
  training::Job job = *r.design.job;
  if (job.parallelism.automatic) {
    training::SearchOptions o;
    o.top = 1;
    const training::SearchResult s = training::searchPlans(job, t.cluster, params, o);
    t.searched = true;
    t.plansValid = s.candidates;
    t.plansFitting = s.fitting;
    if (s.best.empty()) {
      t.problem = "no parallel plan fits in " + gpu->name + " memory (" + std::to_string(s.candidates) + " plans tried)";
      return t;
    }
    job = s.best.front().job;
  }
  if (const auto v = model::firstJobViolation(job, "job", &t.cluster)) {  // the file's rules (core/model)
    t.problem = v->toString();
    return t;
  }
  t.estimate = training::estimate(job, t.cluster, params);
  training::addIdleGpuFindings(t.estimate, t.idle, t.cluster);
  t.ok = std::isfinite(t.estimate.step.total) && t.estimate.step.total > 0;
  if (!t.ok) t.problem = "the training model gave no step time for this plan";
  return t;
}

}  // namespace gigaplan::report
