// The year of weather and the power swings a report adds (see report_extras.h).
#include "core/report/report_extras.h"

#include "core/io/epw_reader.h"

namespace gigaplan::report {

ReportExtras reportExtras(const design::ResolvedDesign& r, const engine::Evaluation& e, const TrainingPlan& plan) {
  ReportExtras x;
  if (plan.ok && plan.estimate.effectiveTrainingDays > 0) x.jobDays = plan.estimate.effectiveTrainingDays;
  if (!r.design.site.weather.empty())
    x.year = annual::simulateYear(r.design, r.layout, e, io::readSiteWeather(r.design));
  if (plan.ok) {
    if (const catalog::Gpu* gpu = r.catalog->gpu(plan.cluster.gpu))
      x.swings = dynamics::powerProfile(r.layout, e.power, plan.estimate, *gpu, r.design.powerDynamics,
                                        {.seconds = kReportSwingSeconds});
  }
  return x;
}

void attach(ReportInputs& in, const ReportExtras& x) {
  in.year = x.year ? &*x.year : nullptr;
  in.jobDays = x.jobDays;
  in.swings = x.swings ? &*x.swings : nullptr;
}

}  // namespace gigaplan::report
