// The design's job on the design's cluster (see training_plan.h).
#include "core/report/training_plan.h"

#include <cmath>

#include "core/evaluate/job_cluster.h"
#include "core/model/plan_rules.h"
#include "core/report/report_format.h"
#include "core/training/gpu_params.h"
#include "core/training/plan_findings.h"
#include "core/training/search.h"
#include "core/training/validation.h"
#include "core/units/units.h"

namespace gigaplan::report {

std::string jobEnergyText(const training::Estimate& e) {
  // Three figures: an upper bound on rated draw carries no more (199,105 MWh read as exact).
  return approximately(e.energyMwh) + " MWh at the facility for the job's " + counted(e.gpusUsed, "GPU") +
         " (their IT with hosts and network at the racks' design draw for the whole wall time, " +
         approximately(e.itEnergyMwh) + " MWh, \u00d7 PUE " + pue(e.pue) +
         "; an upper bound: communication, checkpoints and restarts draw less; not the rest of the site)";
}

std::string jobLabel(const training::Estimate& e, const std::string& gpu) {
  return (e.job.model.name.empty() ? std::string("model") : e.job.model.name) + " on " + count(e.gpusUsed) +
         " \u00d7 " + gpu + " (" + std::string(training::toString(e.job.training.precision)) + ")";
}

std::string interruptionsText(const training::Estimate& e) {
  using units::Dimension;
  const training::Goodput& g = e.reliability;
  return training::interruptionRateText(g, " per day") + "; checkpoint every " +
         units::format(g.checkpointInterval, Dimension::Time) + " (" +
         units::format(g.checkpointWrite, Dimension::Time) + " to write); restart " +
         units::format(g.restart - g.checkpointWrite, Dimension::Time) + (g.restartAssumed ? " (assumed)" : "") +
         " + the checkpoint read";
}

TrainingPlan planTraining(const design::ResolvedDesign& r, const engine::Evaluation& e) {
  TrainingPlan t;
  if (!r.design.job) return t;
  t.present = true;
  t.cluster = engine::clusterFromEvaluation(r.design, e);
  t.idle = engine::idleGpuTypes(e);
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
      t.problem =
          "no parallel plan fits in " + gpu->name + " memory (" + std::to_string(s.candidates) + " plans tried)";
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
  training::addPublishedGapFindings(t.estimate, t.cluster.gpu, *r.catalog);
  t.ok = std::isfinite(t.estimate.step.total) && t.estimate.step.total > 0;
  if (!t.ok) t.problem = "the training model gave no step time for this plan";
  return t;
}

std::vector<engine::Finding> trainingFindings(const TrainingPlan& t) {
  if (!t.present) return {};
  if (t.ok) return t.estimate.findings;
  std::vector<engine::Finding> out = training::idleGpuFindings(t.idle, t.cluster);
  out.insert(out.begin(), engine::makeFinding(engine::Severity::Error, "", "training.no-estimate",
                                              "the training job has no estimate on this site: " + t.problem, 0, 0));
  return out;
}

engine::Evaluation withTrainingFindings(engine::Evaluation eval, const TrainingPlan& plan) {
  engine::addFindings(eval, trainingFindings(plan));
  return eval;
}

engine::Evaluation evaluateWithJob(const design::ResolvedDesign& design) {
  engine::Evaluation e = engine::evaluate(design.design, design.layout, *design.catalog);
  engine::addFindings(e, trainingFindings(planTraining(design, e)));
  return e;
}

}  // namespace gigaplan::report
