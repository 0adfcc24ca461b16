// `gigaplan phases FILE [--no-year] [--json|--csv]`: the site phase by phase (core/report/phases_report.h):
// GPUs, compute, power and findings per phase, the design's job across them with its finish date,
// and a typical year at each phase's build when the site names its weather.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

std::string phasesUsage();

/// Exit 0 when every phase holds, 1 when a phase has errors, 2 when the design cannot be loaded.
int runPhases(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
