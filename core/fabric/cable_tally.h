// Choosing a cable medium by length and rate, and counting cables by (medium, length bucket)
// without a heap allocation per cable: the tally is a fixed table of counters.
//
//   CableTally tally(catalog, 50e9);            // media that carry 400 Gb/s, cheapest first
//   int m = tally.add(12.5, 32);                // 32 cables of 12.5 m; -1 if no medium reaches
//   tally.finish(result);                       // fills cables, transceivers, optics power
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/fabric/fabric.h"

namespace gigaplan::fabric::detail {

/// Cost rank of a medium kind: passive copper < active copper < AOC / multimode < single-mode.
int costRank(catalog::MediumKind kind);

class CableTally {
 public:
  CableTally(const catalog::Catalog& catalog, double linkRate);

  /// Index (into the ranked media) of the cheapest medium reaching `length`, or -1.
  int choose(double length) const;

  /// Counts `count` cables of `length` m; returns the medium index or -1 (counted as unserved).
  int add(double length, std::int64_t count);

  /// Longest reach among media that carry the link rate (0 when none does).
  double longestReach() const { return longestReach_; }

  /// Writes cables, totals, transceivers and optics power into `r`.
  void finish(FabricResult& r) const;

 private:
  struct Ranked {
    std::string id;
    const catalog::CableMedium* medium = nullptr;
  };
  std::vector<Ranked> ranked_;  // cheapest first
  std::vector<std::array<std::int64_t, kLengthBuckets>> counts_;
  std::vector<std::array<double, kLengthBuckets>> lengths_;
  std::int64_t unservedCount_ = 0;
  double unservedLength_ = 0;
  double longestReach_ = 0;
};

}  // namespace gigaplan::fabric::detail
