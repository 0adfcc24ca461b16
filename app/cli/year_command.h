// `gigaplan year FILE [--weather EPW] [--json|--csv]`: the design through a year of hourly weather
// (core/annual): energy, PUE, water, carbon, cost, throttling.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan year --help`).
std::string yearUsage();

int runYear(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
