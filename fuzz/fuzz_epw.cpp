// libFuzzer target: the EPW weather reader on arbitrary text. Reading never crashes or hangs; it
// returns a full year or throws io::LoadError naming file:line:column; a year it returns has
// 8,760 hours in calendar order with every used field inside the data dictionary's limits.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/io/epw_reader.h"

using namespace gigaplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const io::WeatherYear w = io::readEpwText(text, "fuzz.epw");
    if (w.hours.size() != io::kHoursPerYear) std::abort();
    for (const io::WeatherHour& h : w.hours)
      if (h.dryBulb < -70 || h.dryBulb > 70 || h.relativeHumidity < 0 || h.pressure < 31000) std::abort();
  } catch (const io::LoadError& e) {
    if (e.diagnostic().file != "fuzz.epw" || e.diagnostic().expected.empty()) std::abort();
  }
  return 0;
}
