// The JSON report: everything the evaluation knows (engine::writeEvaluationJson with per-object
// values), plus the design's site and hall information, the training plan and estimate, every
// catalog entry used with its source and grade, and the modelling assumptions. Shape in
// docs/report.schema.json; top-level keys: report, design, evaluation, training, sources,
// assumptions.
//
//   std::ofstream("site.json") << report::reportJson(*resolved, eval, report::planTraining(*resolved, eval));
#pragma once

#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/report/training_plan.h"

namespace gigaplan::report {

/// Identifies the document shape; bumped when keys change meaning or disappear.
inline constexpr const char* kReportSchema = "gigaplan-report/1";

/// `unsavedEdits`: the design differs from its file on disk ("design.unsaved_edits").
std::string reportJson(const design::ResolvedDesign& design, const engine::Evaluation& eval,
                       const TrainingPlan& training, bool unsavedEdits = false);

}  // namespace gigaplan::report
