// Two quantities only the power-dynamics settings use, parsed and printed at the edge like the
// rest of core/units: a power ramp ("30 MW/min", "5 MW/s" → W/s) and a frequency ("0.1 Hz",
// "20 Hz", "50 mHz" → Hz).
//
//   auto r = units::parsePowerRamp("30 MW/min");   // r.value == 5e5 (W/s)
//   units::formatPowerRamp(5e5)                    // "30 MW/min"
#pragma once

#include <string>
#include <string_view>

#include "core/units/units.h"

namespace gigaplan::units {

/// "<power>/<time unit>": "30 MW/min", "500 kW/s", "1 GW/h". W/s when ok.
ParseResult parsePowerRamp(std::string_view text);
/// MW/min, as grid codes state it, with 3 significant digits ("30 MW/min").
std::string formatPowerRamp(double wattsPerSecond);
/// Exact form that parsePowerRamp reads back as the same double ("500000 W/s" when nothing shorter).
std::string formatPowerRampExact(double wattsPerSecond);

/// "0.1 Hz", "20 Hz", "50 mHz", "1 kHz". Hz when ok.
ParseResult parseFrequency(std::string_view text);
/// 3 significant digits; below 0.1 Hz with the period too ("0.000556 Hz, every 30 min").
std::string formatFrequency(double hertz);
std::string formatFrequencyExact(double hertz);

}  // namespace gigaplan::units
