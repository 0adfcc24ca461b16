// Switch-count arithmetic of a folded Clos (fat tree): how a switch's ports split between down
// and up links for a given oversubscription, how many tiers a fabric needs, and which tiers form
// a pod. No geometry here; analyzeFabric() feeds it counts and places what it returns.
//
//   PortSplit ps = splitPorts(64, 100e9, 50e9);   // 800G ports, 400G NICs → radix 128, breakout 2
//   TierPlan tp = planTiers({.radix = 64, .rails = 8, .endpoints = 4096, ...});  // 3 tiers, pods of 1024
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gigaplan::fabric::detail {

inline std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
  return b <= 0 ? 0 : (a + b - 1) / b;
}

/// ceil(x) that ignores floating-point fuzz: 42 / 2.0000000001 is 21, not 22.
std::int64_t fuzzyCeil(double x);

/// Logical ports of one switch at the link rate. portRate > nicRate: each port splits into
/// floor(portRate / nicRate) links (breakout). nicRate > portRate: each GPU takes
/// ceil(nicRate / portRate) ports (planes) and links run at portRate.
struct PortSplit {
  int radix = 0;        // logical ports per switch
  int breakout = 1;     // logical ports per physical port
  int planes = 1;       // switch ports per GPU
  double linkRate = 0;  // B/s per logical link
};
PortSplit splitPorts(int ports, double portRate, double nicRate);

/// Largest d with d + ceil(d / oversubscription) <= radix: the down ports of a switch whose
/// down:up ratio must not exceed `oversubscription` (64 ports: 1 → 32, 2 → 42, 3 → 48).
int downPorts(int radix, double oversubscription);

/// ceil(downUsed / oversubscription), the uplinks that keep a switch's ratio.
std::int64_t uplinksFor(std::int64_t downUsed, double oversubscription);

struct SizingInput {
  int radix = 0;                // logical ports per switch
  int rails = 1;                // leaves per leaf group (rail-optimized); 1 for a plain fat tree
  std::int64_t endpoints = 0;   // NIC ports to connect
  double oversubscription = 1;  // at the leaf
  double oversubscriptionAbovePod = 1;
  std::int64_t podEndpoints = 0;  // planner's pod size in endpoints, 0 = none
  int requestedTiers = 0;         // 0 = as few as needed
  bool leafSpine = false;         // two tiers unless requested otherwise; no pods
};

/// Tiers and per-tier port split. Index 1..tiers in `down` and `over` (index 0 unused).
struct TierPlan {
  int tiers = 1;
  int podTiers = 1;               // tiers inside one pod (= tiers when the fabric is one pod)
  bool plannerPods = false;       // pods come from the plan (podGpus), not from the structure
  std::int64_t podEndpoints = 0;  // pod capacity for grouping racks; 0 = one pod
  std::vector<int> down;          // down ports per switch at each tier
  std::vector<double> over;       // uplink oversubscription at each tier (1 at the top)
  std::vector<std::string> notes;
};
TierPlan planTiers(const SizingInput& in);

/// Switches that share one uplink count: `count` children that each need `up` uplinks and have
/// ports for at most `maxUp` (their free ports: radix − down).
struct StripeChild {
  std::int64_t up = 0;
  std::int64_t maxUp = 0;
  std::int64_t count = 1;
};

/// Fewest parents m over which every child stripes evenly: each child runs the same number of
/// links, ceil(up / m), to every parent, and each parent's down ports hold Σ ceil(up / m) ≤
/// parentDown. An m that divides every child's uplinks comes first (up to twice the bare bound
/// ceil(Σ up / parentDown)); only when none fits are uplinks rounded up to m × ceil(up / m) ≤
/// maxUp. `striped` is false when no m does
/// (too many children for a parent's ports): then parents is the bare bound ceil(Σ up / parentDown)
/// and the caller reports the port shortfall. Linear in distinct children × parentDown.
///   stripe({{72, 72, 32}}, 144) → 18   (B300 XDR 4 SU: 32 leaves × 72 uplinks, 4 links per spine)
///   stripe({{18, 46, 8}}, 32)   → 6    (GB200, one rail of an SU: 3 links per spine, not 5 × 4)
struct Stripe {
  std::int64_t parents = 0;
  std::int64_t linksPerParent = 0;  // Σ ceil(up / m): down ports used on each parent
  bool striped = true;
};
Stripe stripe(const std::vector<StripeChild>& children, int parentDown);

/// Uplinks a child actually runs once striped over `parents`: parents × ceil(up / parents).
std::int64_t stripedUplinks(std::int64_t up, std::int64_t parents);

/// Tiers needed above `pods` pods (the top tier has `radix` down ports, those between radix / 2).
int tiersAbovePods(std::int64_t pods, int radix);

/// Endpoints one subtree rooted at tier j (1 <= j) can hold: down[1] × ... × down[j].
std::int64_t subtreeCapacity(const TierPlan& plan, int j);

}  // namespace gigaplan::fabric::detail
