// `gigaplan evaluate FILE [--json] [--objects]`: what the layout delivers, draws and risks.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan evaluate --help`).
std::string evaluateUsage();

int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
