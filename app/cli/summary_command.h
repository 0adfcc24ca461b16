// `gigaplan summary FILE`: a few lines on what a design holds (used by scripts/run without a display).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan summary --help`).
std::string summaryUsage();

int runSummary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
