// Power ramps and frequencies (see rates.h).
#include "core/units/rates.h"
#include "core/base/text.h"

#include <cmath>
#include <cstdio>

namespace gigaplan::units {
namespace {

std::string threeDigits(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

ParseResult parsePowerRamp(std::string_view text) {
  const std::string expected = "expected a power ramp such as 30 MW/min or 500 kW/s";
  const std::size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) return {0, expected};
  const ParseResult power = parse(base::trimBlanks(text.substr(0, slash)), Dimension::Power);
  const std::string per = "1 " + std::string(base::trimBlanks(text.substr(slash + 1)));
  const ParseResult time = parse(per, Dimension::Time);
  if (!power || !time || time.value <= 0) return {0, expected};
  return {power.value / time.value, {}};
}

std::string formatPowerRamp(double wattsPerSecond) {
  return threeDigits(wattsPerSecond * 60 / 1e6) + " MW/min";
}

std::string formatPowerRampExact(double wattsPerSecond) {
  // Per second reads back exactly; per minute when that is exact too (the usual grid-code form).
  const double perMinute = wattsPerSecond * 60;
  std::string minute = formatExact(perMinute, Dimension::Power) + "/min";
  if (const ParseResult back = parsePowerRamp(minute); back && back.value == wattsPerSecond) return minute;
  return formatExact(wattsPerSecond, Dimension::Power) + "/s";
}

ParseResult parseFrequency(std::string_view text) {
  const std::string expected = "expected a frequency such as 0.1 Hz or 20 Hz";
  text = base::trimBlanks(text);
  double factor = 0;
  std::string_view number;
  for (const auto& [symbol, f] : {std::pair<std::string_view, double>{"mHz", 1e-3}, {"kHz", 1e3}, {"Hz", 1}}) {
    if (text.size() > symbol.size() && text.substr(text.size() - symbol.size()) == symbol) {
      factor = f;
      number = base::trimBlanks(text.substr(0, text.size() - symbol.size()));
      break;
    }
  }
  if (factor == 0) return {0, expected};
  const ParseResult n = parseNumber(number);
  if (!n || n.value < 0) return {0, expected};
  return {n.value * factor, {}};
}

std::string formatFrequency(double hertz) {
  // Below 0.1 Hz a frequency reads better with its period beside it ("0.000556 Hz, every 30 min").
  if (hertz > 0 && hertz < 0.1) return threeDigits(hertz) + " Hz, every " + format(1 / hertz, Dimension::Time);
  return threeDigits(hertz) + " Hz";
}

std::string formatFrequencyExact(double hertz) {
  return shortest(hertz) + " Hz";
}

}  // namespace gigaplan::units
