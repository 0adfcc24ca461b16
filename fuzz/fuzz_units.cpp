// libFuzzer target: the unit parser and the exact formatter on arbitrary text. Parsing never
// crashes; whatever parses prints back to text that parses to the very same value.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/units/units.h"

using namespace gigaplan::units;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto dim = static_cast<Dimension>(data[0] % (static_cast<int>(Dimension::Area) + 1));
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const ParseResult r = parse(text, dim);
  if (r) {
    const std::string back = formatExact(r.value, dim);
    const ParseResult again = parse(back, dim);
    if (!again || again.value != r.value) std::abort();  // a round-trip failure is a bug
    (void)format(r.value, dim);
  }
  (void)parseNumber(text);
  return 0;
}
