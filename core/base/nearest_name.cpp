// Suggestions for mistyped names (see nearest_name.h).
#include "core/base/nearest_name.h"

#include <algorithm>

namespace gigaplan::base {

std::size_t editDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: the classic table, plus a transposition of neighbours as one edit.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> nearestName(std::string_view word, const std::vector<std::string_view>& names) {
  // A word this long is not a mistyped name; the distance table would grow with it times each name.
  if (word.size() > kLongestTypo) return std::nullopt;
  // A name begun but not finished ("eval"), when only one begins so: a suggestion must not be a guess.
  std::optional<std::string_view> begun;
  bool ambiguous = false;
  if (word.size() >= 3) {
    for (const std::string_view name : names) {
      if (!name.starts_with(word)) continue;
      ambiguous = ambiguous || (begun && *begun != name);
      begun = name;
    }
  }
  if (begun && !ambiguous) return std::string(*begun);
  std::optional<std::string_view> nearest;
  std::size_t best = std::max<std::size_t>(2, word.size() / 3) + 1;  // one more than the edits allowed
  bool tie = false;
  for (const std::string_view name : names) {
    const std::size_t d = editDistance(word, name);
    if (d < best) {
      best = d, nearest = name, tie = false;
    } else if (d == best && nearest && name != *nearest) {
      tie = true;
    }
  }
  if (nearest && !tie) return std::string(*nearest);
  return std::nullopt;
}

}  // namespace gigaplan::base
