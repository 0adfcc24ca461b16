// Plain-text tables of the command line: a label and its value on one line, values aligned in a
// column, as `train` and `power-profile` print their figures.
//
//   labelRow(std::cout, 24, "step time", report::fixed(seconds, 3) + " s");
//   //   "  step time               12.345 s"
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string_view>

namespace gigaplan::cli {

/// Two spaces, the label, padding to `width` characters (at least one space after a longer
/// label), the value and a newline.
void labelRow(std::ostream& out, std::size_t width, std::string_view label, std::string_view value);

}  // namespace gigaplan::cli
