// Thousands separators (see thousands.h).
#include "core/base/thousands.h"

namespace gigaplan::base {

std::string groupThousands(const std::string& text) {
  const std::size_t start = (!text.empty() && text[0] == '-') ? 1 : 0;
  std::size_t end = text.find('.');
  if (end == std::string::npos) end = text.size();
  std::string out = text.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += ',';
    out += text[i];
  }
  return out + text.substr(end);
}

std::string thousands(std::int64_t n) {
  return groupThousands(std::to_string(n));
}

std::string counted(std::int64_t n, std::string_view singular, std::string_view plural) {
  std::string noun(n == 1 ? singular : (plural.empty() ? singular : plural));
  if (n != 1 && plural.empty()) noun += 's';
  return thousands(n) + " " + noun;
}

}  // namespace gigaplan::base
