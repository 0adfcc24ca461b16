// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), for a design's phases and
// a training job's start: parsed from ISO "2026-03-01", written back the same way, and shown as
// "1 Mar 2026".
//
//   std::optional<int> d = base::parseDate("2026-03-01");   // nullopt: not a real date
//   base::isoDate(*d + 30) == "2026-03-31";
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gigaplan::base {

/// Dates GigaPlan accepts: years 1900 … 2200.
inline constexpr int kFirstYear = 1900, kLastYear = 2200;

/// "YYYY-MM-DD" → days since 1970-01-01; nullopt when the text is not a real date in range.
std::optional<int> parseDate(std::string_view text);
/// Days since 1970-01-01 → "YYYY-MM-DD".
std::string isoDate(int days);
/// Days since 1970-01-01 → "1 Mar 2026".
std::string displayDate(int days);
/// The calendar year of a day.
int yearOf(int days);

}  // namespace gigaplan::base
