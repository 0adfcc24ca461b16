// Id patterns of templated objects: "h{h}-row{i:02}-bw{i/4}" → "h1-row07-bw2".
//   {v}     the 1-based index v (h = hall instance, i = instance in its template, k = rack slot)
//   {v/N}   the group of N that v falls in: 1,1,…,1,2,… (ceil(v / N))
//   {v%N}   cycles 1..N (e.g. alternate A/B)
//   {v:0W}  zero-padded to W digits (combine: {i/4:02})
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gigaplan::design {

struct PatternVars {
  int h = 0, i = 0, k = 0;  // 0 = not available in this context
};

struct PatternResult {
  std::string text;
  std::string error;  // empty when ok; else what was wrong ("{j} is not a variable here; use {h}, {i}")
};

PatternResult expandPattern(std::string_view pattern, const PatternVars& vars);

}  // namespace gigaplan::design
