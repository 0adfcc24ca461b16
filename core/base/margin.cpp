// Thin margins (see margin.h).
#include "core/base/margin.h"

#include <cmath>
#include <cstdio>

#include "core/base/thousands.h"

namespace gigaplan::base {

void ThinMargins::add(double utilisation, std::string_view kind, const std::string& id) {
  if (!(utilisation > kThinMargin) || utilisation > 1 + 1e-9) return;
  ++count_;
  ++byKind_[std::string(kind)];
  if (utilisation > worst_) {
    worst_ = utilisation;
    worstId_ = id;
  }
}

std::string ThinMargins::text(std::string_view noun, std::string_view when) const {
  const bool one = count_ == 1;
  std::string kinds;
  for (const auto& [kind, n] : byKind_)
    kinds += (kinds.empty() ? "" : ", ") + thousands(n) + " " + kind + (n == 1 ? "" : "s");
  char percent[16];
  std::snprintf(percent, sizeof percent, "%.1f %%", 100 * worst_);
  return thousands(count_) + " " + std::string(noun) + (one ? " runs" : "s run") + " above " +
         std::to_string(std::lround(100 * kThinMargin)) + " % of " + (one ? "its" : "their") + " rating " +
         std::string(when) + " (" + kinds + "), up to " + percent + " (" + worstId_ +
         "): a load a few percent above the catalog's figures, which are planning defaults for rack power, would "
         "overload " +
         (one ? "it" : "them");
}

}  // namespace gigaplan::base
