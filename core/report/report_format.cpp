// Number formatting for reports (see report_format.h).
#include "core/report/report_format.h"

#include <cmath>
#include <cstdio>

#include "core/base/thousands.h"

namespace gigaplan::report {

using base::groupThousands;

std::string count(std::int64_t n) {
  return base::thousands(n);
}

std::string counted(std::int64_t n, std::string_view singular, std::string_view plural) {
  return base::counted(n, singular, plural);
}

std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string text = buf;
  if (text == "-0" || text.rfind("-0.", 0) == 0) {
    // "-0.0" reads as a sign where there is none.
    bool zero = true;
    for (char c : text) zero = zero && (c == '-' || c == '0' || c == '.');
    if (zero) text.erase(0, 1);
  }
  return groupThousands(text);
}

std::string megawatts(double watts) {
  return megawatts(watts, watts);
}

std::string megawatts(double watts, double like) {
  const double mw = watts / 1e6;
  const double a = std::fabs(mw);
  const bool kilowatts = like != 0 && std::fabs(like) / 1e6 < 0.9995;  // a small site's, as evaluate prints
  if (a == 0) return units::format(0, units::Dimension::Power);        // "0 W", as every power prints zero
  if (kilowatts) {
    const double kw = watts / 1e3, k = std::fabs(kw);
    return fixed(kw, k >= 99.95 ? 0 : k >= 9.995 ? 1 : 2) + " kW";
  }
  const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return fixed(mw, decimals) + " MW";
}

std::string sourcesText(double grid, double generation) {
  const auto capacity = [](double w) { return w > 0 ? megawatts(w) : std::string("none"); };
  return "grid " + capacity(grid) + ", generation " + capacity(generation);
}

std::string pue(double value) {
  return value > 0 ? fixed(value, 3) : std::string("n/a");
}

std::string percent(double fraction) {
  return fixed(100 * fraction, 1) + " %";
}

std::string quantity(double siValue, units::Dimension dim) {
  if (!std::isfinite(siValue)) return "n/a";
  return units::format(siValue, dim);
}

std::string kindLabel(std::string_view kind) {
  if (kind == "ups") return "UPS";
  if (kind == "pdu") return "PDU";
  if (kind == "cdu") return "CDU";
  std::string s(kind);
  for (char& c : s) {
    if (c == '-') c = ' ';
  }
  return s;
}

std::string length(double metres) {
  if (std::fabs(metres) >= 100e3) return fixed(metres / 1e3, 0) + " km";
  if (std::fabs(metres) >= 10e3) return fixed(metres / 1e3, 1) + " km";
  return fixed(metres, 0) + " m";
}

std::string approximately(double v) {
  if (!std::isfinite(v)) return "n/a";
  const double a = std::fabs(v);
  if (a < 1000) return fixed(v, a < 10 ? 1 : 0);
  const double unit = std::pow(10.0, std::floor(std::log10(a)) - 2);  // three significant figures
  return fixed(std::round(v / unit) * unit, 0);
}

}  // namespace gigaplan::report
