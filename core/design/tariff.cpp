// Time-of-use energy prices (see TariffPeriod in design.h).
#include <array>
#include <cstdio>

#include "core/design/design.h"

namespace gigaplan::design {
namespace {

// `v` within the inclusive range first..last, which wraps past its end when first > last.
bool within(int v, int first, int last) {
  return first <= last ? v >= first && v <= last : v >= first || v <= last;
}

bool covers(const TariffPeriod& p, int month, int hour, bool weekend) {
  if (!within(month, p.firstMonth, p.lastMonth)) return false;
  const bool inHours = p.fromHour < p.toHour ? hour >= p.fromHour && hour < p.toHour
                                             : hour >= p.fromHour || hour < p.toHour;  // wraps midnight
  if (!inHours) return false;
  return p.days == TariffPeriod::Days::All || (p.days == TariffPeriod::Days::Weekends) == weekend;
}

}  // namespace

double tariffPrice(const std::vector<TariffPeriod>& tariff, int month, int hour, bool weekend) {
  for (const TariffPeriod& p : tariff) {
    if (covers(p, month, hour, weekend)) return p.price;
  }
  return -1;
}

std::string tariffGap(const std::vector<TariffPeriod>& tariff) {
  static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
  for (int month = 1; month <= 12; ++month)
    for (int hour = 0; hour < 24; ++hour)
      for (bool weekend : {false, true}) {
        if (tariffPrice(tariff, month, hour, weekend) >= 0) continue;
        char clock[8];
        std::snprintf(clock, sizeof clock, "%02d:00", hour);
        return std::string(kMonths[static_cast<std::size_t>(month - 1)]) + ", " + clock + " on " +
               (weekend ? "weekends" : "weekdays");
      }
  return "";
}

}  // namespace gigaplan::design
