// What a report adds to a design's evaluation and training plan, made once for every front end
// (the command line's HTML and Markdown, the app's PDF and the rest): the year of weather when
// the design names its weather file, the power swings of its training job, and its phases.
//
//   const TrainingPlan plan = report::planTraining(*resolved, eval);
//   const ReportExtras extras = report::reportExtras(*resolved, eval, plan);   // io::LoadError
//   ReportInputs in{*resolved, eval, plan};
//   report::attach(in, extras);
#pragma once

#include <optional>

#include "core/annual/year.h"
#include "core/dynamics/power_profile.h"
#include "core/report/comparison.h"
#include "core/report/phases_report.h"
#include "core/report/report_builder.h"
#include "core/report/uncertainty.h"

namespace gigaplan::report {

/// Seconds of the power record a report shows (the first hour at 10 Hz).
inline constexpr double kReportSwingSeconds = 3600;

struct ReportExtras {
  std::optional<annual::YearResult> year;        // the design names its weather (site.weather)
  std::optional<double> jobDays;                 // the job without weather throttling, for the year section
  std::optional<dynamics::PowerProfile> swings;  // the design's job has an estimate
  std::optional<PhasesOverview> phases;          // the design has phases (with a year each, given weather)
  std::optional<Uncertainty> uncertainty;        // asked for: a Monte Carlo of that many samples
  std::vector<Comparison> comparisons;           // asked for: this design against each other one
};

/// The power waveform of the design's job (`estimate` on GPUs of type `gpu`) over `seconds`, or
/// nothing when the catalog has no such GPU. The one way every front end makes it.
std::optional<dynamics::PowerProfile> jobSwings(const design::ResolvedDesign& design, const engine::Evaluation& eval,
                                                const training::Estimate& estimate, const std::string& gpu,
                                                double seconds = kReportSwingSeconds);

/// Throws io::LoadError when the design's weather or carbon file cannot be read.
/// `uncertaintySamples` > 0 adds the "How sure" section's Monte Carlo (core/report/uncertainty.h);
/// each of `compareWith` (loadForComparison) a comparison of this design with it.
ReportExtras reportExtras(const design::ResolvedDesign& design, const engine::Evaluation& eval,
                          const TrainingPlan& plan, int uncertaintySamples = 0,
                          const std::vector<const LoadedDesign*>& compareWith = {});

/// Points `inputs` at the extras (which must outlive it).
void attach(ReportInputs& inputs, const ReportExtras& extras);

}  // namespace gigaplan::report
