// Small text rules the readers share: what counts as blank around a field.
//
//   base::trimBlanks(" 132 kW\t")   // "132 kW"
#pragma once

#include <string_view>

namespace gigaplan::base {

/// `text` without leading and trailing spaces, tabs and carriage returns (a CRLF file's line end).
constexpr std::string_view trimBlanks(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r";
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace gigaplan::base
