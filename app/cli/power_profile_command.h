// `gigaplan power-profile FILE [--seconds S] [--job FILE] [--csv|--json]`: the site's power
// waveform while the design's training plan runs (core/dynamics): figures at the sources and at
// the grid meter after batteries and generators, grid limits, the GPU power floor's cost and the
// smallest battery that keeps the grid within its limits; --csv writes the sampled series.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

std::string powerProfileUsage();
int runPowerProfile(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
