// The grid's hourly carbon intensity, checked line by line (see carbon_reader.h).
#include "core/io/carbon_reader.h"

#include "core/base/text.h"
#include "core/base/thousands.h"
#include "core/io/diagnostic.h"
#include "core/io/epw_reader.h"
#include "core/io/text_lines.h"

namespace gigaplan::io {
namespace {

constexpr double kMaxIntensity = 2;  // kg/kWh: above any fuel's
// 29 February in a leap year's hours: after 31 + 28 days, 24 hours.
constexpr std::size_t kLeapDayFirst = std::size_t{31 + 28} * 24, kLeapDayHours = 24;

class CarbonParser {
 public:
  CarbonParser(std::string_view text, std::string file) : text_(text), lines_(text), file_(std::move(file)) {}

  std::vector<double> parse() {
    if (text_.size() > kMaxCarbonBytes)
      fail(0, 0, "", base::thousands(static_cast<long long>(text_.size())) + " bytes",
           "an hourly carbon file of at most " + base::thousands(static_cast<long long>(kMaxCarbonBytes)) + " bytes");
    header();
    std::vector<double> hours;
    hours.reserve(kHoursPerLeapYear);
    std::string_view line;
    int last = lines_.line();
    while (lines_.next(line)) {
      if (base::trimBlanks(line).empty()) {
        if (!lines_.onlyBlanksLeft()) fail(lines_.line(), 1, "", "an empty line", "an hourly row");
        break;
      }
      if (hours.size() == static_cast<std::size_t>(kHoursPerLeapYear))
        fail(lines_.line(), 1, "", "more than " + base::thousands(kHoursPerLeapYear) + " hourly rows",
             base::thousands(kHoursPerYear) + " hourly rows (or " + base::thousands(kHoursPerLeapYear) +
                 " for a leap year)");
      const std::vector<CsvField> f = splitCsv(line);
      const CsvField& v = f.back();
      const std::optional<double> x = parseCsvNumber(v.text);
      const std::string range =
          std::string("a carbon intensity from 0 to ") + (scale_ == 1 ? "2 kg/kWh" : "2,000 g/kWh");
      if (!x)
        fail(lines_.line(), v.column, "intensity",
             base::trimBlanks(v.text).empty() ? "an empty field" : quotedField(v.text), range);
      if (*x < 0 || *x * scale_ > kMaxIntensity)
        fail(lines_.line(), v.column, "intensity", quotedField(base::trimBlanks(v.text)), range);
      hours.push_back(*x * scale_);
      last = lines_.line();
    }
    if (hours.size() == static_cast<std::size_t>(kHoursPerLeapYear)) {
      hours.erase(hours.begin() + kLeapDayFirst, hours.begin() + kLeapDayFirst + kLeapDayHours);
    } else if (hours.size() != static_cast<std::size_t>(kHoursPerYear)) {
      const auto got = static_cast<long long>(hours.size());
      fail(last + 1, 1, "",
           "the end of the file after " + base::thousands(got) + (got == 1 ? " hourly row" : " hourly rows"),
           base::thousands(kHoursPerYear) + " hourly rows (or " + base::thousands(kHoursPerLeapYear) +
               " for a leap year)");
    }
    return hours;
  }

 private:
  [[noreturn]] void fail(int line, int column, const std::string& field, const std::string& found,
                         const std::string& expected) const {
    throw LoadError(Diagnostic{file_, line, column, field, found, expected});
  }

  // Comments, then the header: its last column names the unit.
  void header() {
    const std::string expected =
        "a header line whose last column names the unit, g/kWh or kg/kWh (e.g. 'hour,intensity (g/kWh)')";
    std::string_view line;
    do {
      if (!lines_.next(line)) fail(lines_.line() + 1, 1, "header", "the end of the file", expected);
      if (lines_.line() == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a UTF-8 byte-order mark
    } while (base::trimBlanks(line).empty() || base::trimBlanks(line).starts_with('#'));
    const CsvField last = splitCsv(line).back();
    const std::string_view name = base::trimBlanks(last.text);
    if (name.find("kg/kWh") != std::string_view::npos) {
      scale_ = 1, unit_ = "kg/kWh";
    } else if (name.find("g/kWh") != std::string_view::npos) {
      scale_ = 1e-3, unit_ = "g/kWh";
    } else {
      fail(lines_.line(), last.column, "header", quotedField(name), expected);
    }
  }

  std::string_view text_;
  TextLines lines_;
  std::string file_;
  double scale_ = 1;  // kg/kWh per unit of the file
  std::string unit_;
};

}  // namespace

std::vector<double> readCarbonCsvText(std::string_view text, const std::string& fileName) {
  return CarbonParser(text, fileName).parse();
}

std::vector<double> readCarbonCsv(const std::string& path) {
  return readCarbonCsvText(readBounded(path, kMaxCarbonBytes, "an hourly carbon intensity file"), path);
}

std::vector<double> readSiteGridCarbon(const design::Design& design) {
  if (design.site.gridCarbonHourly.empty()) return {};
  return readCarbonCsv(siteFile(design, "grid_carbon_hourly", design.site.gridCarbonHourly,
                                "an hourly carbon intensity file, its path relative to the design file"));
}

}  // namespace gigaplan::io
