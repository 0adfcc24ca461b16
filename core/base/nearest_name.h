// The one rule for "did you mean …?": which of the names a reader or the command line accepts a
// mistyped word most likely meant — a design file's unknown key or value of a fixed set, a command's
// name.
//
//   base::nearestName("ratting", {"id", "kind", "rating"})  // "rating"
//   base::nearestName("feed_c", {"feed_a", "feed_b"})       // nothing: two are as near
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gigaplan::base {

/// Levenshtein distance (insertions, deletions, substitutions, and swaps of neighbours count one).
std::size_t editDistance(std::string_view a, std::string_view b);

/// Words longer than this get no suggestion: no name is that long (and a megabyte of key would cost
/// a table of a megabyte by each name).
inline constexpr std::size_t kLongestTypo = 64;

/// The one name that starts with `word` (three letters or more: "eval" for "evaluate"); else the
/// one of `names` nearest to `word`, within max(2, a third of the word's length) edits; nothing when
/// two names are as good (a suggestion must not be a guess) or none is near.
std::optional<std::string> nearestName(std::string_view word, const std::vector<std::string_view>& names);

}  // namespace gigaplan::base
