// A plain-text summary of an Evaluation for the terminal (`gigaplan evaluate`): headline figures
// by area, then the findings, errors first.
#pragma once

#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

/// `maxFindings`: list at most this many findings (the rest are counted).
std::string evaluationText(const design::ResolvedDesign& design, const engine::Evaluation& eval, int maxFindings = 50);

}  // namespace gigaplan::report
