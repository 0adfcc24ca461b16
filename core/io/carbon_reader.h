// Reading the grid's hourly carbon intensity for a year (design key site.grid_carbon_hourly): a
// comma-separated text file, lines starting with '#' are comments, then a header line whose last
// column names the unit — "g/kWh" or "kg/kWh" (e.g. "hour,carbon intensity (g/kWh)") — then one
// row per hour from 1 January hour 1, the intensity in its last field (other fields, such as a
// timestamp, are not read). Grid operators and public data sets publish such series (e.g. hourly
// average or marginal emission rates); the planner exports one column of it.
//
// Checks, each failure an io::LoadError naming file:line:column, the field and what was expected:
//   - the header and its unit; every row's intensity a number from 0 to 2 kg/kWh;
//   - 8,760 rows; a leap year's 8,784 are read with 29 February (rows 1,417–1,440) dropped, as the
//     weather's is; anything else is the wrong number of hours. Blank lines may only end the file.
// Bounded: at most kMaxCarbonBytes are read.
//
//   std::vector<double> kgPerKwh = io::readCarbonCsv("grid-2025.csv");   // 8,760 values
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/design/design.h"

namespace gigaplan::io {

inline constexpr std::size_t kMaxCarbonBytes = 4u << 20;  // 8,760 rows with timestamps: ~0.3 MB

/// kg CO2 per kWh for each hour of a 365-day year. Throws LoadError.
std::vector<double> readCarbonCsvText(std::string_view text, const std::string& fileName);
std::vector<double> readCarbonCsv(const std::string& path);

/// The hourly intensity the design names (site.grid_carbon_hourly, resolved against the design
/// file's folder); empty when it names none. A file that cannot be opened is reported at the key.
std::vector<double> readSiteGridCarbon(const design::Design& design);

}  // namespace gigaplan::io
