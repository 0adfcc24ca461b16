// `gigaplan summary FILE`: a few lines on what a design holds (used by scripts/run without a display).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

int runSummary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
