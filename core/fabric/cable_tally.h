// Choosing a cable medium by length and rate, and counting cables by (medium, length bucket)
// without a heap allocation per cable: the tally is a fixed table of counters.
//
//   CableTally tally(catalog, 100e9);           // the fabric's links run at 800 Gb/s
//   int m = tally.add(12.5, 32, {32, 16, 32});  // 32 GPU links of 12.5 m: 16 twin-port modules at
//                                               // the leaf, 32 in the NICs; -1 if no medium reaches
//   tally.add(12.5, 8, ends, 50e9);             // 8 links a 400 Gb/s NIC runs at its own rate: the
//                                               // cheapest medium carrying 400 Gb/s (its lanes)
//   tally.finish(result);                       // fills cables, transceivers, optics power
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/fabric/fabric.h"

namespace gigaplan::fabric::detail {

/// Cost rank of a medium kind: passive copper < active copper < AOC / multimode < single-mode.
int costRank(catalog::MediumKind kind);

/// Where one bundle's link ends sit. The modules are what would be plugged if the medium is a
/// pluggable optic; copper takes none, and an AOC's ends are built into each cable (one per end).
struct BundleEnds {
  std::int64_t switchEnds = 0;     // link ends on switch ports (2 per switch-to-switch link, 1 per GPU link)
  std::int64_t switchModules = 0;  // pluggable modules those ends fill (a twin-port cage serves two)
  std::int64_t nicEnds = 0;        // link ends in GPU NICs, powered by the rack
  std::int64_t nicModules = 0;     // modules those ends fill: one per NIC, whatever planes its port splits into
};

class CableTally {
 public:
  /// `linkRate`: the fabric's link rate, the rate of every link not given its own.
  CableTally(const catalog::Catalog& catalog, double linkRate);

  /// Index (into the ranked media) of the cheapest medium carrying `rate` (0: the link rate) and
  /// reaching `length`, or -1. A link slower than the link rate (a slower NIC run at its own rate)
  /// takes the media of its own rate: a module's lanes run at one speed.
  int choose(double length, double rate = 0) const;

  /// Counts `count` cables of `length` m at `rate` (0: the link rate); returns the medium index or
  /// -1 (counted as unserved).
  int add(double length, std::int64_t count, const BundleEnds& ends, double rate = 0);

  /// The catalog id of ranked medium `m` (an index add() returned).
  const std::string& mediumId(int m) const { return ranked_[static_cast<std::size_t>(m)].id; }
  int media() const { return static_cast<int>(ranked_.size()); }
  /// The lengths for which choose() at the link rate gives medium `m` and lengthBucket() bucket
  /// `b`: (lo, hi], or an empty span (lo >= hi) when none. Lets a caller measuring many lengths
  /// skip both searches.
  std::pair<double, double> span(int m, int b) const;

  /// Modules one bundle of medium `m` plugs, counted as finish() counts them.
  std::int64_t transceivers(int m, const BundleEnds& ends) const;

  /// Longest reach among media that carry `rate` (0: the link rate; 0 when none does).
  double longestReach(double rate = 0) const;

  /// Writes cables, totals, transceivers and optics power into `r`.
  void finish(FabricResult& r) const;

 private:
  struct Ranked {
    std::string id;
    const catalog::CableMedium* medium = nullptr;
  };
  bool carries(std::size_t m, double rate) const;
  double rateOrLink(double rate) const { return rate > 0 ? rate : linkRate_; }

  std::vector<Ranked> ranked_;  // cheapest first, every medium of any rate
  std::vector<std::array<std::int64_t, kLengthBuckets>> counts_;
  std::vector<std::array<double, kLengthBuckets>> lengths_, rates_, switchPower_, nicPower_;
  std::vector<std::array<std::int64_t, kLengthBuckets>> switchEnds_, switchModules_, nicEnds_, nicModules_;
  std::int64_t unservedCount_ = 0;
  double unservedLength_ = 0;
  double linkRate_ = 0;
};

}  // namespace gigaplan::fabric::detail
