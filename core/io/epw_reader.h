// Reading typical-year hourly weather in EnergyPlus's EPW format (U.S. DOE, EnergyPlus Auxiliary
// Programs, "EnergyPlus Weather File (EPW) Data Dictionary"): 8 header lines (LOCATION, DESIGN
// CONDITIONS, TYPICAL/EXTREME PERIODS, GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1,
// COMMENTS 2, DATA PERIODS), then one comma-separated line per hour: year, month, day, hour (1–24,
// the hour ending then), minute, data source flags, dry bulb (°C), dew point (°C), relative
// humidity (%), station pressure (Pa), then radiation, wind, sky, precipitation fields we do not use.
//
// Checks, each failure an io::LoadError naming file:line:column, the field and what was expected:
//   - the 8 headers in order; LOCATION's latitude, longitude, time zone and elevation numeric and in range;
//   - one record per hour (DATA PERIODS), hours in calendar order from 1 January hour 1;
//   - every row has at least the first 10 fields (through station pressure; the dictionary lists
//     35, the rest unused here), the used ones numeric and within the dictionary's limits (dry bulb and dew point
//     −70…70 °C, humidity 0…110 %, pressure 31,000…120,000 Pa); a field at its missing-data code (99.9 °C, 999 %,
//     999999 Pa) is refused, since the year model has no value to put in its place;
//   - 8,760 rows; a leap-year file of 8,784 rows is read with its 29 February dropped (the model
//     runs a 365-day year; `leapDayDropped` says so); anything else is the wrong number of hours.
// Bounded: at most kMaxEpwBytes are read, so a huge or endless input is refused, never a hang.
//
//   io::WeatherYear w = io::readEpw("resources/weather/chicago.epw");   // throws io::LoadError
//   double hottest = 0;
//   for (const io::WeatherHour& h : w.hours) hottest = std::max(hottest, h.dryBulb);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/design/design.h"
#include "core/io/diagnostic.h"

namespace gigaplan::io {

inline constexpr int kHoursPerYear = 8760;
inline constexpr int kHoursPerLeapYear = 8784;
inline constexpr std::size_t kMaxEpwBytes = 8u << 20;  // real files are 1.5–1.7 MB

struct WeatherHour {
  int month = 1, day = 1, hour = 1;  // hour 1–24: the hour ending at that time
  double dryBulb = 0;                // °C
  double dewPoint = 0;               // °C
  double relativeHumidity = 0;       // %
  double pressure = 101325;          // Pa, at the station
};

struct WeatherYear {
  std::string file;                    // where it was read from (for messages and reports)
  std::string location;                // "Chicago Ohare Intl Ap, IL, USA"
  std::string dataSource;              // LOCATION's data source field, e.g. "TMY3"
  double latitude = 0, longitude = 0;  // degrees, north and east positive
  double timeZone = 0;                 // hours from UTC
  double elevation = 0;                // m
  bool leapDayDropped = false;         // the file had 8,784 hours; 29 February was left out
  int firstWeekday = -1;               // of 1 January, 0 = Monday … 6 = Sunday (DATA PERIODS); -1 not given
  std::vector<WeatherHour> hours;      // 8,760, from 1 January hour 1
};

/// Reads an EPW file; throws LoadError (file:line:column, field, found, expected).
WeatherYear readEpw(const std::string& path);
/// The same from text in memory; `fileName` is used in messages.
WeatherYear readEpwText(std::string_view text, const std::string& fileName);

/// `path` resolved against the folder of the design file (design.sourceFile) unless absolute.
std::string pathBesideDesign(const design::Design& design, const std::string& path);

/// The path the site's key `key` (value `value`) names, resolved beside the design; throws
/// LoadError at that key's line and column when the file cannot be opened (`expected` says what).
std::string siteFile(const design::Design& design, const std::string& key, const std::string& value,
                     const std::string& expected);

/// The path site.weather names, resolved against the folder of the design file (design.sourceFile).
std::string siteWeatherPath(const design::Design& design);

/// Reads the weather file the design names. A file that cannot be opened is reported at
/// site.weather in the design (file:line:column); what is wrong inside it, at the EPW's own line.
/// Throws LoadError, also when the design names no weather file.
WeatherYear readSiteWeather(const design::Design& design);

}  // namespace gigaplan::io
