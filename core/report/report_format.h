// How reports print numbers, in one place so every format (PDF, HTML, Markdown) and the tests that
// compare a report with `gigaplan evaluate --json` agree on the text of each figure.
//
//   report::count(589824)        // "589,824"
//   report::megawatts(1.1e9)     // "1,100 MW"; 713e3 → "713 kW"; 12.34e6 → "12.3 MW"; 0 → "0 W"
//   report::pue(1.2134)          // "1.213"
//   report::percent(0.873)       // "87.3 %"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/units/units.h"

namespace gigaplan::report {

/// Whole number with thousands separated by commas: 589824 → "589,824".
std::string count(std::int64_t n);

/// A count with its noun, singular or plural, thousands separated: counted(1, "hall") → "1 hall",
/// counted(1536, "rack") → "1,536 racks", counted(2, "busway", "busways").
std::string counted(std::int64_t n, std::string_view singular, std::string_view plural = {});

/// Fixed decimals, with thousands separators in the integer part: fixed(12345.678, 1) → "12,345.7".
std::string fixed(double v, int decimals);

/// Power in MW with three significant figures below 100 MW and whole megawatts above, in kW below
/// 1 MW: 47.5 kW, 713 kW, 1.11 MW, 12.3 MW, 1,100 MW. Zero reads "0 W", as units::format and every
/// other power in the reports print it (never "0 MW" in one line and "0 kW" in the next). Headline
/// figures use this.
std::string megawatts(double watts);
/// The same in the unit `like` takes, so that the parts of one figure read alike ("0.71 MW into the
/// halls' air, 1.20 MW outdoors", not "713 kW …, 1.20 MW"); zero still "0 W".
std::string megawatts(double watts, double like);

/// What the site's sources can deliver, as the report's power and power-swings sections say it:
/// "grid 5.00 MW, generation none" — "none" for a kind of source the site does not have.
std::string sourcesText(double grid, double generation);

/// An estimate's figure to three significant figures, thousands separated: 145,046,987 →
/// "145,000,000", 13,639.9 → "13,600", 135.41 → "135", 7.46 → "7.5". For values the reader
/// takes as ≈, where more digits would claim a precision the model does not have.
std::string approximately(double v);

/// Power usage effectiveness, three decimals: "1.213" ("n/a" when zero: no IT load).
std::string pue(double value);

/// A fraction as a percentage with one decimal: 0.873 → "87.3 %".
std::string percent(double fraction);

/// A quantity with its unit via units::format ("132 kW", "800 Gb/s").
std::string quantity(double siValue, units::Dimension dim);

/// An equipment kind as planners write it: "ups" → "UPS", "cdu" → "CDU", "air-handler" → "air handler".
std::string kindLabel(std::string_view kind);

/// Metres, whole below 10 km ("1,234 m"), else km with one decimal.
std::string length(double metres);

}  // namespace gigaplan::report
