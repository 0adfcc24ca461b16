// The year of weather and the power swings a report adds (see report_extras.h).
#include "core/report/report_extras.h"

#include "core/io/design_io.h"
#include "core/io/epw_reader.h"

namespace gigaplan::report {

ReportExtras reportExtras(const design::ResolvedDesign& r, const engine::Evaluation& e, const TrainingPlan& plan,
                          int uncertaintySamples, const std::vector<const LoadedDesign*>& compareWith) {
  ReportExtras x;
  if (plan.ok && plan.estimate.effectiveTrainingDays > 0) x.jobDays = plan.estimate.effectiveTrainingDays;
  if (!r.design.site.weather.empty()) x.year = annual::simulateSiteYear(r.design, r.layout, e);
  if (plan.ok) x.swings = jobSwings(r, e, plan.estimate, plan.cluster.gpu);
  if (!r.design.phases.empty()) x.phases = overviewPhases(r, true);
  if (uncertaintySamples > 0) {
    UncertaintyOptions o;
    o.samples = uncertaintySamples;
    x.uncertainty = propagateUncertainty(r, o);
  }
  for (const LoadedDesign* other : compareWith)
    x.comparisons.push_back(compare({io::designLabel(r.design), r, e, &plan}, other->side()));
  return x;
}

std::optional<dynamics::PowerProfile> jobSwings(const design::ResolvedDesign& r, const engine::Evaluation& e,
                                                const training::Estimate& estimate, const std::string& gpuId,
                                                double seconds) {
  const catalog::Gpu* gpu = gpuId.empty() ? nullptr : r.catalog->gpu(gpuId);
  if (!gpu) return std::nullopt;
  return dynamics::powerProfile(r.layout, e.power, estimate, *gpu, r.design.powerDynamics, {.seconds = seconds});
}

void attach(ReportInputs& in, const ReportExtras& x) {
  in.year = x.year ? &*x.year : nullptr;
  in.jobDays = x.jobDays;
  in.swings = x.swings ? &*x.swings : nullptr;
  in.phases = x.phases ? &*x.phases : nullptr;
  in.uncertainty = x.uncertainty ? &*x.uncertainty : nullptr;
  in.comparisons = &x.comparisons;
}

}  // namespace gigaplan::report
