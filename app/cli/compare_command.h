// `gigaplan compare A.yaml B.yaml [--json|--md] [--changed]`: two designs side by side — every
// headline metric with its difference and percentage change, and the findings that appear or
// disappear (the comparison itself is core/report/comparison.h).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan compare --help`).
std::string compareUsage();

int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
