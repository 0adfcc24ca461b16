// The modelling assumptions behind a report's figures, as sentences: what the power, cooling,
// fabric, failure-domain and training analyses approximate. Listed in the report's "Assumptions
// and sources" section and in the JSON report.
//
//   for (const std::string& a : report::modelAssumptions(*resolved, eval, training.ok)) ...
#pragma once

#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

/// Cooling capacities and chiller COPs are taken at their ratings whatever the design ambient: the
/// sentence that says so and which way that errs (one text for the assumptions and the plant section).
std::string coolingRatingNote();

std::vector<std::string> modelAssumptions(const design::ResolvedDesign& design, const engine::Evaluation& eval,
                                          bool withTraining);

}  // namespace gigaplan::report
