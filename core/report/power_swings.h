// How a site's power swings read — the figures of a power profile (core/dynamics) as labelled
// rows, one home for `gigaplan power-profile` and the report's "Power swings" section.
//
//   const dynamics::PowerProfile p = dynamics::powerProfile(...);
//   for (const auto& [label, value] : report::seriesRows(p, p.site)) std::cout << label << value;
//   Section s = report::powerSwingsSection(p, spec, {.gpus = 576});
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/design/design.h"
#include "core/dynamics/power_profile.h"
#include "core/report/report_document.h"

namespace gigaplan::report {

using LabelledRows = std::vector<std::pair<std::string, std::string>>;

/// A series' dominant line as `power-profile`, the report and the app say it: "1.62 Hz (5.05 MW
/// amplitude) — the training steps" (dynamics::lineCause); "none within the record: the slowest line
/// a 1 h record resolves dominates (every 20 min, …) — …" when it is only that
/// (dynamics::slowestLineOnly); "none" without one.
std::string dominantText(const dynamics::PowerProfile& p, const dynamics::SeriesFigures& f);

/// Peak / trough / swing, mean, fastest ramp, dominant frequency (dominantText) and the swing's
/// share in the design's band, of one series of `p` (at the sources, or at the grid meter).
LabelledRows seriesRows(const dynamics::PowerProfile& p, const dynamics::SeriesFigures& f);

/// When the sampling cannot resolve the top of the design's band, a sentence that says so ("The band
/// watched ends at 5 Hz, ..."); else empty.
std::string bandNote(const dynamics::SeriesFigures& f, const design::PowerDynamicsSpec& spec);

/// The rest a planner reads: GPU power per step, energy per step, events, the grid meter's
/// largest change in a second and a minute, the sources, the GPU floor's cost, the smallest battery.
LabelledRows profileRows(const dynamics::PowerProfile& p, const design::PowerDynamicsSpec& spec);

struct SwingContext {
  std::int64_t gpus = 0;  // GPUs the job trains on
  double seconds = 0;     // length of the record
};

/// The report's section: the figures at the sources and at the grid meter side by side, the rows
/// above, two charts (the first two minutes, step by step; the whole record), the limits broken
/// and what the model assumes.
Section powerSwingsSection(const dynamics::PowerProfile& p, const design::PowerDynamicsSpec& spec,
                           const SwingContext& context);

}  // namespace gigaplan::report
