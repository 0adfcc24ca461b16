// libFuzzer target: the hourly grid carbon reader on arbitrary text. Reading never crashes or
// hangs; it returns a year of 8,760 intensities from 0 to 2 kg/kWh or throws io::LoadError naming
// the file and what was expected.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/io/carbon_reader.h"
#include "core/io/epw_reader.h"

using namespace gigaplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const std::vector<double> hours = io::readCarbonCsvText(text, "fuzz.csv");
    if (hours.size() != io::kHoursPerYear) std::abort();
    for (double v : hours)
      if (!(v >= 0 && v <= 2)) std::abort();
  } catch (const io::LoadError& e) {
    if (e.diagnostic().file != "fuzz.csv" || e.diagnostic().expected.empty()) std::abort();
  }
  return 0;
}
