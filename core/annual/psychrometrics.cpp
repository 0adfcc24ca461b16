// ASHRAE Fundamentals ch. 1 psychrometrics (see psychrometrics.h).
#include "core/annual/psychrometrics.h"

#include <cmath>

namespace gigaplan::annual {

double saturationPressure(double t) {
  const double T = t + 273.15;
  if (t < 0)  // eq. 5, over ice
    return std::exp(-5.6745359e3 / T + 6.3925247 - 9.6778430e-3 * T + 6.2215701e-7 * T * T + 2.0747825e-9 * T * T * T -
                    9.4840240e-13 * T * T * T * T + 4.1635019 * std::log(T));
  // eq. 6, over liquid water
  return std::exp(-5.8002206e3 / T + 1.3914993 - 4.8640239e-2 * T + 4.1764768e-5 * T * T - 1.4452093e-8 * T * T * T +
                  6.5459673 * std::log(T));
}

double humidityRatio(double pw, double p) {
  return 0.621945 * pw / (p - pw);  // eq. 20
}

namespace {

// The humidity ratio air at dry bulb t would have if its wet bulb were ts (eqs. 33 and 35).
double ratioForWetBulb(double t, double ts, double p) {
  const double ws = humidityRatio(saturationPressure(ts), p);
  if (ts >= 0) return ((2501 - 2.326 * ts) * ws - 1.006 * (t - ts)) / (2501 + 1.86 * t - 4.186 * ts);
  return ((2830 - 0.24 * ts) * ws - 1.006 * (t - ts)) / (2830 + 1.86 * t - 2.1 * ts);
}

}  // namespace

double wetBulb(double t, double dewPoint, double p) {
  if (dewPoint >= t) return t;
  const double w = humidityRatio(saturationPressure(dewPoint), p);
  // ratioForWetBulb rises with ts; the wet bulb lies between the dew point and the dry bulb.
  double lo = dewPoint, hi = t;
  for (int i = 0; i < 60 && hi - lo > 1e-9; ++i) {
    const double mid = (lo + hi) / 2;
    (ratioForWetBulb(t, mid, p) > w ? hi : lo) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace gigaplan::annual
