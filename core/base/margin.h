// Thin margins: gear that holds at its load but within a few percent of its rating. One threshold
// and one text for power nodes (power.thin-margin) and cooling units (cooling.thin-margin): a 2N
// busway at 96.7 % on fail-over holds, but rack power is a planning default, and a load a few
// percent above it overloads such gear.
//
//   base::ThinMargins thin;
//   for (…) thin.add(utilisation, "busway", node.id);   // counts (kThinMargin, 1] only
//   if (thin.count() > 0) message = thin.text("power node", "at peak or with one node failed");
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gigaplan::base {

/// Utilisation above which gear that holds is noted as having little margin.
inline constexpr double kThinMargin = 0.95;

class ThinMargins {
 public:
  /// Counts `utilisation` (load / rating) when it is above kThinMargin and not over the rating.
  void add(double utilisation, std::string_view kind, const std::string& id);
  int count() const { return count_; }
  double worst() const { return worst_; }
  const std::string& worstId() const { return worstId_; }
  /// "2,304 power nodes run above 95 % of their rating at peak or with one node failed (2,304
  /// busways), up to 96.7 % (a1-bw1-1a): a load a few percent above …"; `noun` singular.
  std::string text(std::string_view noun, std::string_view when) const;

 private:
  std::map<std::string, int> byKind_;
  int count_ = 0;
  double worst_ = 0;
  std::string worstId_;
};

}  // namespace gigaplan::base
