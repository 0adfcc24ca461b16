// Node host names from the network's `node_names` pattern (see node_names.h).
#include "core/design/node_names.h"

#include <algorithm>

namespace gigaplan::design {

PatternResult nodeName(std::string_view pattern, const NodeNameVars& vars) {
  if (pattern.empty()) pattern = kDefaultNodeNames;
  std::string withRack;
  withRack.reserve(pattern.size() + vars.rack.size());
  constexpr std::string_view kRack = "{rack}";
  for (std::size_t pos = 0; pos < pattern.size();) {
    if (pattern.substr(pos, kRack.size()) == kRack) {
      withRack += vars.rack;
      pos += kRack.size();
    } else {
      withRack += pattern[pos++];
    }
  }
  // Racks stand in halls; a rack outside every hall (none today) would read as hall 1.
  return expandPattern(withRack, {std::max(vars.hall, 1), vars.node, vars.slot});
}

std::string nodeNamePatternProblem(std::string_view pattern) {
  const PatternResult r = nodeName(pattern, {"rack-1", 1, 1, 1});
  if (!r.error.empty()) return r.error;
  const bool site = pattern.find("{i") != std::string_view::npos;
  const bool rack = pattern.find("{rack}") != std::string_view::npos && pattern.find("{k") != std::string_view::npos;
  if (!site && !rack) return "a pattern that tells every node apart: {i}, or {rack} with {k}";
  const bool hostChars = std::all_of(r.text.begin(), r.text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
  if (!hostChars || r.text.empty()) return "host-name characters only: letters, digits, '-', '_', '.'";
  return {};
}

}  // namespace gigaplan::design
