// Physical quantities at the edge of the program: parsing "132 kW" and printing 1.32e5 W.
// Inside GigaPlan every value is SI (W, m, s, J, B, B/s, FLOP/s, kg, L); temperatures are °C,
// because that is how every cooling datasheet states them and they are never multiplied.
//
//   auto p = units::parse("1.2 GW", units::Dimension::Power);   // p.value == 1.2e9
//   if (!p) std::cerr << p.error;                              // "expected a power such as ..."
//   units::format(1.2e9, units::Dimension::Power)               // "1.2 GW"
#pragma once

#include <numbers>
#include <string>
#include <string_view>

namespace gigaplan::units {

/// Radians in one degree: designs store rotations in degrees, trigonometry takes radians.
inline constexpr double kDegree = std::numbers::pi / 180.0;
/// Bytes in a gibibyte: memory sizes print in GiB, as GPU and framework documentation state them.
inline constexpr double kGiB = 1024.0 * 1024 * 1024;

enum class Dimension {
  Dimensionless,  // plain number, optional "%"" (0.5 or 50 %)
  Power,          // W, kW, MW, GW, VA, kVA, MVA (VA treated as W at unity power factor)
  Energy,         // J, kJ, MJ, Wh, kWh, MWh, GWh
  Length,         // mm, cm, m, km, ft, in
  Time,           // ns, us, ms, s, min, h, d
  DataRate,       // b/s and B/s with k/M/G/T/P prefixes; stored as bytes per second
  DataSize,       // B, KB, MB, GB, TB, PB (decimal) and KiB, MiB, GiB, TiB (binary)
  Temperature,    // degC, C, °C, K
  Mass,           // g, kg, t, lb
  Voltage,        // V, kV
  Current,        // A, kA
  FlowRate,       // L/s, L/min, m3/h, gpm (stored as L/s)
  Volume,         // L, m3, gal (stored as litres)
  Compute,        // FLOP/s, TFLOP/s, PFLOP/s, EFLOP/s (also "TF/s", "PF/s")
  Area,           // m2, ft2
};

/// What the parser expects for a dimension, for error messages ("a power such as 132 kW").
std::string_view describe(Dimension dim);

struct ParseResult {
  double value = 0.0;  // SI value when ok
  std::string error;   // empty when ok; otherwise "expected ..." text
  explicit operator bool() const { return error.empty(); }
};

/// Parses "132 kW", "1.2GW", "800 Gb/s", "45 degC", "3.6 m". A bare number is accepted only for
/// Dimensionless. Rejects NaN, infinities and trailing garbage. Never throws.
ParseResult parse(std::string_view text, Dimension dim);

/// A unit format() prints in: its symbol and its size in SI units ({1e3, "kW"}; a data rate's
/// "Gb/s" is 1.25e8, bytes per second).
struct Scale {
  double factor = 1;
  std::string_view symbol;
};

/// The unit format() prints `siValue` in: the largest whose one is not above it, the smallest for
/// smaller values and zero. Figures that are read side by side take the one of the largest, so that
/// they share a unit: scaleOf(3.5e4, Power) is {1e3, "kW"}, and 5.5e4 W then reads 55 kW.
/// Dimensionless has the symbol "", Temperature "°C" (factor 1).
Scale scaleOf(double siValue, Dimension dim);

/// Prints an SI value with a sensible unit prefix and 3 significant digits: format(1.2e9, Power)
/// == "1.2 GW". DataRate prints bits per second ("800 Gb/s"), as network people say it.
std::string format(double siValue, Dimension dim);
/// A power as format() writes it: formatPower(1.2e6) is "1.2 MW".
inline std::string formatPower(double watts) {
  return format(watts, Dimension::Power);
}

/// Prints an SI value so that parse() gives back exactly the same double: the largest unit whose
/// shortest decimal form round-trips ("132 kW", "0.6 m", "1.25e+08 B/s" only when nothing better).
/// Used when saving designs.
/// A byte rate as storage and memory are quoted, in bytes per second with 3 significant figures:
/// "65.5 TB/s", "450 GB/s" (format(…, DataRate) gives network rates, in bits).
std::string formatByteRate(double bytesPerSecond);

std::string formatExact(double siValue, Dimension dim);

/// Shortest decimal text that reads back as exactly `v` ("0.1", "300000000000").
std::string shortest(double v);

/// Parses a plain number ("300e9", "1536", "0.5"). Rejects units, NaN, inf, trailing text.
ParseResult parseNumber(std::string_view text);

}  // namespace gigaplan::units
