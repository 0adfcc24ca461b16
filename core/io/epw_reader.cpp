// readEpw: the EPW header and hourly rows, checked field by field (see epw_reader.h).
#include "core/io/epw_reader.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/base/text.h"
#include "core/base/thousands.h"
#include "core/io/text_lines.h"

namespace gigaplan::io {

namespace {

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

constexpr std::array<const char*, 8> kHeaders{"LOCATION",
                                              "DESIGN CONDITIONS",
                                              "TYPICAL/EXTREME PERIODS",
                                              "GROUND TEMPERATURES",
                                              "HOLIDAYS/DAYLIGHT SAVINGS",
                                              "COMMENTS 1",
                                              "COMMENTS 2",
                                              "DATA PERIODS"};

constexpr std::array<int, 13> kDaysInMonth{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

class EpwParser {
 public:
  EpwParser(std::string_view text, std::string file) : text_(text), lines_(text) { year_.file = std::move(file); }

  WeatherYear parse() {
    if (text_.size() > kMaxEpwBytes)
      fail(0, 0, "", base::thousands(static_cast<long long>(text_.size())) + " bytes",
           "an EPW file of at most " + base::thousands(static_cast<long long>(kMaxEpwBytes)) +
               " bytes (a year of hourly weather is about 1.6 MB)");
    for (std::size_t h = 0; h < kHeaders.size(); ++h) header(h);
    rows();
    return std::move(year_);
  }

 private:
  [[noreturn]] void fail(int line, int column, const std::string& field, const std::string& found,
                         const std::string& expected) const {
    throw LoadError(Diagnostic{year_.file, line, column, field, found, expected});
  }

  bool nextLine(std::string_view& line) {
    const bool more = lines_.next(line);
    line_ = lines_.line();
    return more;
  }

  double number(const CsvField& f, const std::string& name, double min, double max, const std::string& range) const {
    const std::string_view t = base::trimBlanks(f.text);
    const std::optional<double> v = parseCsvNumber(t);
    if (!v) fail(line_, f.column, name, t.empty() ? "an empty field" : quotedField(f.text), "a number " + range);
    if (*v < min || *v > max) fail(line_, f.column, name, quotedField(t), "a number " + range);
    return *v;
  }

  int whole(const CsvField& f, const std::string& name, int min, int max) const {
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    const double v = number(f, name, min, max, range);
    if (v != std::floor(v))
      fail(line_, f.column, name, quotedField(base::trimBlanks(f.text)), "a whole number " + range);
    return static_cast<int>(v);
  }

  void header(std::size_t index) {
    std::string_view line;
    const std::string name = kHeaders[index];
    if (!nextLine(line))
      fail(line_ + 1, 1, name, "the end of the file",
           "the " + name + " header (line " + std::to_string(index + 1) + " of the 8 EPW header lines)");
    const std::vector<CsvField> f = splitCsv(line);
    if (!equalsNoCase(base::trimBlanks(f[0].text), name))
      fail(line_, 1, name, quotedField(f[0].text),
           "the " + name + " header (line " + std::to_string(index + 1) + " of the 8 EPW header lines)");
    if (index == 0) location(f);
    if (index == kHeaders.size() - 1) dataPeriods(f);
  }

  void location(const std::vector<CsvField>& f) {
    if (f.size() < 10)
      fail(line_, static_cast<int>(f.back().column + f.back().text.size()), "LOCATION",
           std::to_string(f.size()) + " fields",
           "10: LOCATION, city, state, country, source, WMO, latitude, longitude, time zone, elevation");
    year_.location = std::string(base::trimBlanks(f[1].text));
    for (std::size_t i : {2u, 3u})
      if (!base::trimBlanks(f[i].text).empty()) year_.location += ", " + std::string(base::trimBlanks(f[i].text));
    year_.dataSource = std::string(base::trimBlanks(f[4].text));
    year_.latitude = number(f[6], "LOCATION.latitude", -90, 90, "from -90 to +90 degrees");
    year_.longitude = number(f[7], "LOCATION.longitude", -180, 180, "from -180 to +180 degrees");
    year_.timeZone = number(f[8], "LOCATION.time_zone", -12, 14, "from -12 to +14 hours");
    year_.elevation = number(f[9], "LOCATION.elevation", -1000, 9999.9, "from -1000 to 9999.9 m");
  }

  void dataPeriods(const std::vector<CsvField>& f) {
    if (f.size() < 3)
      fail(line_, 1, "DATA PERIODS", std::to_string(f.size()) + " fields",
           "DATA PERIODS, number of periods, records per hour, …");
    whole(f[1], "DATA PERIODS.periods", 1, 12);
    const int perHour = whole(f[2], "DATA PERIODS.records_per_hour", 1, 60);
    if (perHour != 1)
      fail(line_, f[2].column, "DATA PERIODS.records_per_hour", std::to_string(perHour),
           "1 (hourly data; sub-hourly files are not read)");
    if (f.size() > 4 && !base::trimBlanks(f[4].text).empty()) {  // the start day of week (time-of-use tariffs)
      static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};
      std::string day(base::trimBlanks(f[4].text));
      for (char& c : day) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (std::size_t d = 0; d < kDays.size(); ++d)
        if (day == kDays[d]) year_.firstWeekday = static_cast<int>(d);
      if (year_.firstWeekday < 0)
        fail(line_, f[4].column, "DATA PERIODS.start_day_of_week", "'" + std::string(base::trimBlanks(f[4].text)) + "'",
             "a day of the week (Sunday, Monday, … Saturday)");
    }
  }

  // The calendar position the next row must have.
  struct When {
    int month = 1, day = 1, hour = 1;
  };

  When advance(When w) const {
    if (++w.hour <= 24) return w;
    w.hour = 1;
    const int days = w.month == 2 && leap_ ? 29 : kDaysInMonth[static_cast<std::size_t>(w.month)];
    if (++w.day <= days) return w;
    w.day = 1;
    ++w.month;
    return w;
  }

  void rows() {
    When expected;
    std::string_view line;
    int lastRowLine = line_;
    while (nextLine(line)) {
      if (base::trimBlanks(line).empty()) {
        // Blank lines may end the file; one before another row is an error.
        if (!lines_.onlyBlanksLeft()) fail(line_, 1, "", "an empty line", "an hourly row");
        break;
      }
      if (expected.month > 12)
        fail(line_, 1, "", "a row after 31 December hour 24",
             "the end of the file (" + base::thousands(leap_ ? kHoursPerLeapYear : kHoursPerYear) + " hourly rows)");
      row(line, expected);
      lastRowLine = line_;
      expected = advance(expected);
    }
    const int want = leap_ ? kHoursPerLeapYear : kHoursPerYear;
    const int got = static_cast<int>(year_.hours.size());
    if (got != want)
      fail(lastRowLine + 1, 1, "",
           "the end of the file after " + base::thousands(got) + (got == 1 ? " hourly row" : " hourly rows"),
           base::thousands(want) + " hourly rows (a full year" + (leap_ ? ", leap year" : "") + ")");
    if (leap_) {
      std::erase_if(year_.hours, [](const WeatherHour& h) { return h.month == 2 && h.day == 29; });
      year_.leapDayDropped = true;
    }
  }

  void row(std::string_view line, When& expected) {
    const std::vector<CsvField> f = splitCsv(line);
    if (f.size() < 10)
      fail(line_, static_cast<int>(f.back().column + f.back().text.size()), "", std::to_string(f.size()) + " fields",
           "at least 10 comma-separated fields (year, month, day, hour, minute, data source, dry bulb, dew point, "
           "relative humidity, station pressure)");
    number(f[0], "year", -9999, 9999, "(the year)");
    WeatherHour h;
    h.month = whole(f[1], "month", 1, 12);
    h.day = whole(f[2], "day", 1, 31);
    h.hour = whole(f[3], "hour", 1, 24);
    // A 29 February where 1 March was due: the file is a leap year.
    if (!leap_ && expected.month == 3 && expected.day == 1 && expected.hour == 1 && h.month == 2 && h.day == 29) {
      leap_ = true;
      expected = When{2, 29, 1};
    }
    const auto when = [](int m, int d, int hr) {
      return std::to_string(m) + "/" + std::to_string(d) + " hour " + std::to_string(hr);
    };
    const std::string due =
        when(expected.month, expected.day, expected.hour) + " (rows follow the calendar hour by hour)";
    if (h.month != expected.month) fail(line_, f[1].column, "month", when(h.month, h.day, h.hour), due);
    if (h.day != expected.day) fail(line_, f[2].column, "day", when(h.month, h.day, h.hour), due);
    if (h.hour != expected.hour) fail(line_, f[3].column, "hour", when(h.month, h.day, h.hour), due);
    // The data dictionary's limits; the missing-data codes lie outside them.
    h.dryBulb = number(f[6], "dry_bulb", -70, 70, "from -70 to 70 °C (99.9 is the missing-data code)");
    h.dewPoint = number(f[7], "dew_point", -70, 70, "from -70 to 70 °C (99.9 is the missing-data code)");
    h.relativeHumidity = number(f[8], "relative_humidity", 0, 110, "from 0 to 110 % (999 is the missing-data code)");
    h.pressure =
        number(f[9], "station_pressure", 31000, 120000, "from 31000 to 120000 Pa (999999 is the missing-data code)");
    year_.hours.push_back(h);
  }

  std::string_view text_;
  TextLines lines_;
  int line_ = 0;
  bool leap_ = false;
  WeatherYear year_;
};

}  // namespace

WeatherYear readEpwText(std::string_view text, const std::string& fileName) {
  return EpwParser(text, fileName).parse();
}

WeatherYear readEpw(const std::string& path) {
  return readEpwText(readBounded(path, kMaxEpwBytes, "an EPW weather file"), path);
}

std::string pathBesideDesign(const design::Design& design, const std::string& path) {
  const std::filesystem::path file(path);
  if (file.is_absolute() || design.sourceFile.empty()) return file.string();
  return (std::filesystem::path(design.sourceFile).parent_path() / file).lexically_normal().string();
}

std::string siteFile(const design::Design& design, const std::string& key, const std::string& value,
                     const std::string& expected) {
  std::string path = pathBesideDesign(design, value);
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    const auto [line, column] = design.site.where.of(key);
    throw LoadError(Diagnostic{design.sourceFile, line, column, "site." + key,
                               "'" + value + "' (" + path + ": " + std::strerror(errno) + ")", expected});
  }
  return path;
}

std::string siteWeatherPath(const design::Design& design) {
  return pathBesideDesign(design, design.site.weather);
}

WeatherYear readSiteWeather(const design::Design& design) {
  if (design.site.weather.empty())
    throw LoadError(Diagnostic{design.sourceFile, design.site.where.line, design.site.where.column, "site.weather",
                               "no weather file", "site: weather: FILE (an EPW file), or --weather FILE"});
  return readEpw(
      siteFile(design, "weather", design.site.weather, "an EPW weather file, its path relative to the design file"));
}

}  // namespace gigaplan::io
