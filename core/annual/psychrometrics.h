// Moist-air relations the year model needs: the wet-bulb temperature (what cooling towers
// approach) from an hour's dry bulb, dew point and station pressure. Equations from ASHRAE
// Handbook—Fundamentals (2017, SI), chapter 1 "Psychrometrics": Hyland–Wexler saturation
// pressure over ice and over water (eqs. 5 and 6), humidity ratio from vapour pressure (eq. 20),
// and the thermodynamic wet bulb from the humidity ratio (eqs. 33 and 35, above and below
// freezing), solved for t* by bisection between the dew point and the dry bulb.
//
//   double twb = annual::wetBulb(30.0, 20.0, 101325.0);   // ≈ 22.9 °C
#pragma once

namespace gigaplan::annual {

/// Pa of water vapour at saturation at `t` °C (over ice below 0 °C).
double saturationPressure(double t);

/// kg of water per kg of dry air for vapour pressure `pw` at total pressure `p` (Pa).
double humidityRatio(double pw, double p);

/// °C: thermodynamic wet bulb of air at dry bulb `t`, dew point `dewPoint` (°C) and station
/// pressure `p` (Pa). A dew point at or above the dry bulb (saturated air) gives the dry bulb.
double wetBulb(double t, double dewPoint, double p);

}  // namespace gigaplan::annual
