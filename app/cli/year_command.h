// `gigaplan year FILE [--weather EPW] [--json|--csv]`: the design through a year of hourly weather
// (core/annual): energy, PUE, water, carbon, cost, throttling.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::cli {

/// The usage text (`gigaplan year --help`).
std::string yearUsage();

/// Days the design's own job takes on its site without weather throttling, failures and restarts
/// included (the best plan when it says `parallelism: auto`); nullopt when it has no job or no plan
/// fits.
std::optional<double> designJobDays(const design::ResolvedDesign& r, const engine::Evaluation& e);

int runYear(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
