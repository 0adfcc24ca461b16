// Builds the content of a design report (report_document.h) from a resolved design, its
// Evaluation and its training plan: title page figures, summary, site plan, 3D picture (supplied
// by the app as PNG bytes, or a note why there is none), compute, fabric, power with the
// single-line diagram, cooling, failure domains, training, findings, bill of materials, and
// assumptions and sources. Pure: no I/O, no clock (the caller passes the date).
//
//   ReportInputs in{*resolved, eval, report::planTraining(*resolved, eval)};
//   in.generatedOn = "2026-11-28";
//   ReportDocument doc = report::buildReport(in);
//   std::string html = report::toHtml(doc);
#pragma once

#include <optional>
#include <string>

#include "core/annual/year.h"
#include "core/design/resolved_design.h"
#include "core/dynamics/power_profile.h"
#include "core/evaluate/evaluation.h"
#include "core/report/comparison.h"
#include "core/report/phases_report.h"
#include "core/report/report_document.h"
#include "core/report/training_plan.h"
#include "core/report/uncertainty.h"

namespace gigaplan::report {

struct ReportInputs {
  ReportInputs(const design::ResolvedDesign& d, const engine::Evaluation& e, const TrainingPlan& t)
      : design(d), eval(e), training(t) {}
  const design::ResolvedDesign& design;
  const engine::Evaluation& eval;
  const TrainingPlan& training;
  std::string picturePng;                          // the 3D view as PNG bytes; empty when there is none
  std::string pictureNote;                         // why there is none ("no display available")
  std::string generatedOn;                         // date text for the title page; empty = omitted
  double contentWidth = 515;                       // pt: drawings are made this wide (A4 minus margins)
  double maxFigureHeight = 680;                    // pt: tall diagrams are split into parts of at most this height
  int maxFindingRows = 300;                        // findings listed one by one; the rest are counted
  const annual::YearResult* year = nullptr;        // the year of weather, when the design names one (its section)
  const dynamics::PowerProfile* swings = nullptr;  // the job's power waveform (the power swings section)
  const PhasesOverview* phases = nullptr;          // the design's phases, when it has them (their section)
  const Uncertainty* uncertainty = nullptr;        // the Monte Carlo, when asked for ("How sure")
  const std::vector<Comparison>* comparisons = nullptr;  // this design against others, when asked for
  std::optional<double> jobDays;                         // the job's days without weather throttling (year)
  bool unsavedEdits = false;                             // the design differs from its file on disk
};

ReportDocument buildReport(const ReportInputs& inputs);

}  // namespace gigaplan::report
