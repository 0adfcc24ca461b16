// Unit parsing and printing: a small table of unit symbols per dimension.
#include "core/units/units.h"
#include "core/base/text.h"
#include "core/base/thousands.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <span>
#include <utility>

namespace gigaplan::units {
namespace {

struct UnitSymbol {
  std::string_view symbol;
  double factor;      // multiply to get SI
  double offset = 0;  // added after multiplying (kelvin -> °C)
};

constexpr UnitSymbol kPower[] = {{"W", 1},  {"kW", 1e3},  {"MW", 1e6},  {"GW", 1e9},
                                 {"VA", 1}, {"kVA", 1e3}, {"MVA", 1e6}, {"GVA", 1e9}};
constexpr UnitSymbol kEnergy[] = {{"J", 1},     {"kJ", 1e3},    {"MJ", 1e6},    {"GJ", 1e9},
                                  {"Wh", 3600}, {"kWh", 3.6e6}, {"MWh", 3.6e9}, {"GWh", 3.6e12}};
constexpr UnitSymbol kLength[] = {{"mm", 1e-3}, {"cm", 1e-2}, {"m", 1}, {"km", 1e3}, {"ft", 0.3048}, {"in", 0.0254}};
constexpr UnitSymbol kTime[] = {{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3},    {"s", 1},
                                {"min", 60},  {"h", 3600},  {"d", 86400}, {"days", 86400}, {"day", 86400}};
constexpr UnitSymbol kDataRate[] = {{"b/s", 0.125},    {"kb/s", 125.0},   {"Mb/s", 1.25e5}, {"Gb/s", 1.25e8},
                                    {"Tb/s", 1.25e11}, {"Pb/s", 1.25e14}, {"bps", 0.125},   {"Gbps", 1.25e8},
                                    {"Tbps", 1.25e11}, {"B/s", 1},        {"kB/s", 1e3},    {"KB/s", 1e3},
                                    {"MB/s", 1e6},     {"GB/s", 1e9},     {"TB/s", 1e12},   {"PB/s", 1e15}};
constexpr UnitSymbol kDataSize[] = {{"B", 1},
                                    {"kB", 1e3},
                                    {"KB", 1e3},
                                    {"MB", 1e6},
                                    {"GB", 1e9},
                                    {"TB", 1e12},
                                    {"PB", 1e15},
                                    {"KiB", 1024.0},
                                    {"MiB", 1048576.0},
                                    {"GiB", 1073741824.0},
                                    {"TiB", 1099511627776.0}};
constexpr UnitSymbol kTemperature[] = {{"degC", 1}, {"C", 1}, {"°C", 1}, {"K", 1, -273.15}};
constexpr UnitSymbol kMass[] = {{"g", 1e-3}, {"kg", 1}, {"t", 1e3}, {"lb", 0.45359237}};
constexpr UnitSymbol kVoltage[] = {{"V", 1}, {"kV", 1e3}};
constexpr UnitSymbol kCurrent[] = {{"A", 1}, {"kA", 1e3}};
constexpr UnitSymbol kFlow[] = {
    {"L/s", 1}, {"L/min", 1.0 / 60}, {"m3/h", 1000.0 / 3600}, {"m³/h", 1000.0 / 3600}, {"gpm", 3.785411784 / 60}};
constexpr UnitSymbol kVolume[] = {{"L", 1}, {"m3", 1000}, {"m³", 1000}, {"gal", 3.785411784}};
constexpr UnitSymbol kCompute[] = {{"FLOP/s", 1},     {"GFLOP/s", 1e9}, {"TFLOP/s", 1e12}, {"PFLOP/s", 1e15},
                                   {"EFLOP/s", 1e18}, {"TF/s", 1e12},   {"PF/s", 1e15},    {"EF/s", 1e18}};
constexpr UnitSymbol kArea[] = {{"m2", 1}, {"m²", 1}, {"ft2", 0.09290304}, {"ft²", 0.09290304}};
constexpr UnitSymbol kRatio[] = {{"%", 0.01}};

std::span<const UnitSymbol> symbolsFor(Dimension dim) {
  switch (dim) {
    case Dimension::Dimensionless:
      return kRatio;
    case Dimension::Power:
      return kPower;
    case Dimension::Energy:
      return kEnergy;
    case Dimension::Length:
      return kLength;
    case Dimension::Time:
      return kTime;
    case Dimension::DataRate:
      return kDataRate;
    case Dimension::DataSize:
      return kDataSize;
    case Dimension::Temperature:
      return kTemperature;
    case Dimension::Mass:
      return kMass;
    case Dimension::Voltage:
      return kVoltage;
    case Dimension::Current:
      return kCurrent;
    case Dimension::FlowRate:
      return kFlow;
    case Dimension::Volume:
      return kVolume;
    case Dimension::Compute:
      return kCompute;
    case Dimension::Area:
      return kArea;
  }
  return {};
}

// Splits "132kW" / "132 kW" into the number and the rest; returns false when no number leads.
bool splitNumber(std::string_view text, double& number, std::string_view& rest) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;  // from_chars does not take a leading '+'
  auto [ptr, ec] = std::from_chars(begin, end, number, std::chars_format::general);
  if (ec != std::errc() || ptr == begin) return false;
  rest = base::trimBlanks(std::string_view(ptr, static_cast<size_t>(end - ptr)));
  return true;
}

}  // namespace

std::string_view describe(Dimension dim) {
  switch (dim) {
    case Dimension::Dimensionless:
      return "a number such as 0.5 or 50 %";
    case Dimension::Power:
      return "a power such as 132 kW or 1.2 GW";
    case Dimension::Energy:
      return "an energy such as 3854 kWh";
    case Dimension::Length:
      return "a length such as 3.6 m";
    case Dimension::Time:
      return "a time such as 30 s or 5 min";
    case Dimension::DataRate:
      return "a data rate such as 800 Gb/s or 900 GB/s";
    case Dimension::DataSize:
      return "a size such as 80 GB";
    case Dimension::Temperature:
      return "a temperature such as 45 degC";
    case Dimension::Mass:
      return "a mass such as 1360 kg";
    case Dimension::Voltage:
      return "a voltage such as 415 V or 34.5 kV";
    case Dimension::Current:
      return "a current such as 800 A";
    case Dimension::FlowRate:
      return "a flow rate such as 60 L/s";
    case Dimension::Volume:
      return "a volume such as 1000 L";
    case Dimension::Compute:
      return "a compute rate such as 989 TFLOP/s";
    case Dimension::Area:
      return "an area such as 1200 m2";
  }
  return "a value";
}

ParseResult parseNumber(std::string_view text) {
  ParseResult r;
  std::string_view rest;
  if (!splitNumber(base::trimBlanks(text), r.value, rest) || !rest.empty() || !std::isfinite(r.value)) {
    r.error = "expected a number";
  }
  return r;
}

ParseResult parse(std::string_view text, Dimension dim) {
  ParseResult r;
  std::string_view rest;
  text = base::trimBlanks(text);
  if (!splitNumber(text, r.value, rest) || !std::isfinite(r.value)) {
    r.error = "expected " + std::string(describe(dim));
    return r;
  }
  if (rest.empty()) {
    if (dim != Dimension::Dimensionless) r.error = "expected " + std::string(describe(dim)) + " (a unit is required)";
    return r;
  }
  for (const auto& u : symbolsFor(dim)) {
    if (u.symbol == rest) {
      r.value = r.value * u.factor + u.offset;
      // "2e305 day" is a finite number of days but more seconds than a double holds.
      if (!std::isfinite(r.value)) r.error = "expected " + std::string(describe(dim)) + " (a value too large)";
      return r;
    }
  }
  r.error = "expected " + std::string(describe(dim)) + " (unknown unit '" + std::string(rest) + "')";
  return r;
}

Scale scaleOf(double v, Dimension dim) {
  // The largest unit whose one is not above |v| (within rounding: 999.95 W prints "1 kW").
  const auto pick = [&](std::initializer_list<Scale> scales) {
    const Scale* best = scales.begin();
    for (const auto& s : scales) {
      if (std::fabs(v) >= s.factor * 0.9999) best = &s;
    }
    return *best;
  };
  switch (dim) {
    case Dimension::Dimensionless:
      return {1, ""};
    case Dimension::Power:
      return pick({{1, "W"}, {1e3, "kW"}, {1e6, "MW"}, {1e9, "GW"}});
    case Dimension::Energy:
      return pick({{3600, "Wh"}, {3.6e6, "kWh"}, {3.6e9, "MWh"}, {3.6e12, "GWh"}});
    case Dimension::Length:
      return pick({{1e-3, "mm"}, {1, "m"}, {1e3, "km"}});
    case Dimension::Time:
      if (std::fabs(v) >= 86400) return {86400, "d"};
      if (std::fabs(v) >= 3600) return {3600, "h"};
      if (std::fabs(v) >= 60) return {60, "min"};
      return pick({{1e-9, "ns"}, {1e-6, "µs"}, {1e-3, "ms"}, {1, "s"}});
    case Dimension::DataRate:  // bits per second, stored as bytes
      return pick({{1.0 / 8, "b/s"},
                   {1e3 / 8, "kb/s"},
                   {1e6 / 8, "Mb/s"},
                   {1e9 / 8, "Gb/s"},
                   {1e12 / 8, "Tb/s"},
                   {1e15 / 8, "Pb/s"}});
    case Dimension::DataSize:
      return pick({{1, "B"}, {1e3, "kB"}, {1e6, "MB"}, {1e9, "GB"}, {1e12, "TB"}, {1e15, "PB"}});
    case Dimension::Temperature:
      return {1, "°C"};
    case Dimension::Mass:
      return pick({{1, "kg"}, {1e3, "t"}});
    case Dimension::Voltage:
      return pick({{1, "V"}, {1e3, "kV"}});
    case Dimension::Current:
      return pick({{1, "A"}, {1e3, "kA"}});
    case Dimension::FlowRate:
      return {1, "L/s"};
    case Dimension::Volume:
      return pick({{1, "L"}, {1000, "m³"}});
    case Dimension::Compute:
      return pick({{1, "FLOP/s"}, {1e12, "TFLOP/s"}, {1e15, "PFLOP/s"}, {1e18, "EFLOP/s"}});
    case Dimension::Area:
      return {1, "m²"};
  }
  return {1, ""};
}

std::string format(double v, Dimension dim) {
  char buf[64] = {};
  if (dim == Dimension::Dimensionless) {
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
  }
  const Scale scale = scaleOf(v, dim);
  const std::string symbol(scale.symbol);
  const double scaled = v / scale.factor;
  // Past the largest unit print whole numbers in groups of three ("1,070 EFLOP/s"), never exponents.
  if (std::fabs(scaled) >= 1000) {
    std::snprintf(buf, sizeof buf, "%.0f", scaled);
    return base::groupThousands(buf) + " " + symbol;
  }
  std::snprintf(buf, sizeof buf, "%.3g %s", scaled, symbol.c_str());
  return buf;
}

std::string shortest(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string formatExact(double v, Dimension dim) {
  if (dim == Dimension::Dimensionless) return shortest(v);
  const auto symbols = symbolsFor(dim);
  // Prefer the unit giving the shortest text among those that read back exactly, and of texts as
  // short, the unit nearest the base unit ("33.45 m", not "3345 cm"); VA, bps and the like are
  // aliases we accept but never write.
  std::string best;
  double bestDistance = 0;  // |log10 factor| of the best unit
  for (const auto& u : symbols) {
    if (u.symbol == "VA" || u.symbol == "kVA" || u.symbol == "MVA" || u.symbol == "GVA" || u.symbol == "bps" ||
        u.symbol == "Gbps" || u.symbol == "Tbps" || u.symbol == "C" || u.symbol == "°C" || u.symbol == "µs" ||
        u.symbol == "m³" || u.symbol == "m³/h" || u.symbol == "m²" || u.symbol == "ft²" || u.symbol == "days" ||
        u.symbol == "day" || u.symbol == "KB/s" || u.symbol == "KB" || u.symbol == "K") {
      continue;
    }
    const double scaled = (v - u.offset) / u.factor;
    std::string candidate = shortest(scaled) + " " + std::string(u.symbol);
    const auto back = parse(candidate, dim);
    if (!back || back.value != v) continue;
    const double distance = std::abs(std::log10(u.factor));
    if (best.empty() || candidate.size() < best.size() ||
        (candidate.size() == best.size() && distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best.empty()) {
    for (const auto& u : symbols) {
      if (u.factor == 1 && u.offset == 0) return shortest(v) + " " + std::string(u.symbol);
    }
  }
  return best;
}

std::string formatByteRate(double v) {
  const std::pair<double, const char*> scales[] = {
      {1e18, "EB/s"}, {1e15, "PB/s"}, {1e12, "TB/s"}, {1e9, "GB/s"}, {1e6, "MB/s"}};
  auto text = [](double x, const char* unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::fabs(x) >= 100 ? 0 : std::fabs(x) >= 10 ? 1 : 2, x);
    return base::groupThousands(buf) + " " + unit;
  };
  for (auto [factor, unit] : scales)
    if (std::fabs(v) >= factor * 0.9995) return text(v / factor, unit);
  return text(v / 1e6, "MB/s");
}

}  // namespace gigaplan::units
