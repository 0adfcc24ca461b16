// Switch-count arithmetic of a folded Clos; see sizing.h.
#include "core/fabric/sizing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gigaplan::fabric::detail {
namespace {

constexpr int kMaxTiers = 6;  // beyond this no real fabric exists; stops runaway loops on radix 2
constexpr std::int64_t kSaturate = std::numeric_limits<std::int64_t>::max() / 4;

std::int64_t satMul(std::int64_t a, std::int64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturate / b ? kSaturate : a * b;
}

}  // namespace

std::int64_t fuzzyCeil(double x) {
  return static_cast<std::int64_t>(std::ceil(x - 1e-9));
}

PortSplit splitPorts(int ports, double portRate, double nicRate) {
  PortSplit s;
  if (ports <= 0 || portRate <= 0) return s;
  if (nicRate <= 0 || std::abs(portRate - nicRate) <= 1e-9 * portRate) {
    s.radix = ports;
    s.linkRate = portRate;
  } else if (portRate > nicRate) {
    s.breakout = std::max(1, static_cast<int>(std::floor(portRate / nicRate + 1e-9)));
    s.radix = ports * s.breakout;
    s.linkRate = portRate / s.breakout;
  } else {
    s.planes = static_cast<int>(fuzzyCeil(nicRate / portRate));
    s.radix = ports;
    s.linkRate = portRate;
  }
  return s;
}

int downPorts(int radix, double oversubscription) {
  const double o = std::max(1.0, oversubscription);
  int d = static_cast<int>(std::floor(radix * o / (1 + o)));
  while (d > 0 && d + fuzzyCeil(d / o) > radix) --d;
  while (d + 1 + fuzzyCeil((d + 1) / o) <= radix) ++d;
  return std::max(d, radix > 1 ? 1 : 0);
}

std::int64_t uplinksFor(std::int64_t downUsed, double oversubscription) {
  return downUsed <= 0 ? 0 : fuzzyCeil(static_cast<double>(downUsed) / std::max(1.0, oversubscription));
}

std::int64_t stripedUplinks(std::int64_t up, std::int64_t parents) {
  return up <= 0 || parents <= 0 ? up : parents * ceilDiv(up, parents);
}

Stripe stripe(const std::vector<StripeChild>& children, int parentDown) {
  Stripe s;
  std::int64_t total = 0, maxM = std::numeric_limits<std::int64_t>::max();
  for (const StripeChild& c : children) {
    if (c.up <= 0 || c.count <= 0) continue;
    total = std::min(kSaturate, total + satMul(c.up, c.count));
    maxM = std::min(maxM, std::max(c.up, c.maxUp));  // a parent needs at least one link from each child
  }
  if (total == 0 || parentDown <= 0) return s;
  // exact: every child's uplinks divide evenly over the m parents (no link added to stripe).
  auto linksPerParent = [&](std::int64_t m, bool exact) {
    std::int64_t n = 0;
    for (const StripeChild& c : children)
      if (c.up > 0 && c.count > 0) {
        if (exact ? c.up % m != 0 : stripedUplinks(c.up, m) > std::max(c.up, c.maxUp)) return kSaturate;
        n = std::min(kSaturate, n + satMul(ceilDiv(c.up, m), c.count));
      }
    return n;
  };
  // Uplinks as needed where a count divides them all (NVIDIA's SuperPOD tables run as many links
  // up as down at each tier: GB200 stripes a rail's 18 uplinks per leaf over 6 spines, not 20 over
  // 5), within twice the port bound; else the fewest parents once uplinks are rounded up (a group
  // of 31 nodes: 32 uplinks over 4 spines rather than 31 over 31).
  const std::int64_t bound = ceilDiv(total, parentDown);
  for (const bool exact : {true, false}) {
    for (std::int64_t m = bound; m <= (exact ? std::min(maxM, 2 * bound) : maxM); ++m) {
      const std::int64_t n = linksPerParent(m, exact);
      if (n <= parentDown) {
        s.parents = m;
        s.linksPerParent = n;
        return s;
      }
    }
  }
  s.striped = false;
  s.parents = ceilDiv(total, parentDown);
  s.linksPerParent = ceilDiv(total, s.parents);
  return s;
}

int tiersAbovePods(std::int64_t pods, int radix) {
  int a = 1;
  std::int64_t cap = radix;
  while (pods > cap && a < kMaxTiers) {
    cap = satMul(cap, std::max(1, radix / 2));
    ++a;
  }
  return a;
}

std::int64_t subtreeCapacity(const TierPlan& plan, int j) {
  std::int64_t c = 1;
  for (int i = 1; i <= j && i < static_cast<int>(plan.down.size()); ++i) c = satMul(c, plan.down[i]);
  return c;
}

TierPlan planTiers(const SizingInput& in) {
  TierPlan p;
  const int k = std::max(1, in.radix);
  const int half = std::max(1, k / 2);
  const double o = std::max(1.0, in.oversubscription);
  const double oA = std::max(1.0, in.oversubscriptionAbovePod);
  const bool railsNeedSpine = in.rails > 1;  // the rails of a group only meet above the leaves
  const int leafDown = downPorts(k, o);
  const std::int64_t E = in.endpoints;

  // One pod: the top tier must reach every subtree below it with one port each.
  auto fitsOnePod = [&](int t) {
    if (t == 1) return !railsNeedSpine && E <= k;
    std::int64_t c = leafDown;
    for (int j = 2; j < t; ++j) c = satMul(c, half);
    return ceilDiv(E, c) <= k;
  };

  bool pods = in.podEndpoints > 0 && E > in.podEndpoints;
  if (pods && in.leafSpine) {
    p.notes.push_back("a leaf-spine fabric has no pods: pod size and oversubscription above the pod are ignored");
    pods = false;
  }
  int t = 1, tp = 1;
  if (pods) {
    int tpNeeded = 2;
    const int podTopDown = downPorts(k, oA);
    for (;; ++tpNeeded) {
      std::int64_t c = leafDown;
      for (int j = 2; j < tpNeeded; ++j) c = satMul(c, half);
      if (ceilDiv(in.podEndpoints, c) <= podTopDown || tpNeeded >= kMaxTiers) break;
    }
    const int above = tiersAbovePods(ceilDiv(E, in.podEndpoints), k);
    if (in.requestedTiers == 0) {
      tp = tpNeeded;
      t = tpNeeded + above;
    } else if (in.requestedTiers >= 3) {
      t = in.requestedTiers;
      tp = std::min(tpNeeded, t - 1);
    } else {
      p.notes.push_back("pods need at least three tiers: the planned pod size is ignored with " +
                        std::to_string(in.requestedTiers) + " tier(s)");
      pods = false;
    }
  }
  if (!pods) {
    if (in.requestedTiers > 0) {
      t = in.requestedTiers;
    } else if (in.leafSpine) {
      t = 2;
    } else {
      t = railsNeedSpine ? 2 : 1;
      while (!fitsOnePod(t) && t < kMaxTiers) ++t;
    }
    tp = t;
  }

  p.tiers = t;
  p.plannerPods = pods;
  p.down.assign(t + 1, half);
  p.over.assign(t + 1, 1.0);
  p.down[1] = t == 1 ? k : leafDown;
  p.over[1] = t == 1 ? 1.0 : o;
  if (pods) {
    p.down[tp] = downPorts(k, oA);
    p.over[tp] = oA;
  }
  if (t >= 2) p.down[t] = k;
  if (pods) {
    p.podTiers = tp;
    p.podEndpoints = in.podEndpoints;
  } else if (t >= 3) {
    // Structural pods: the subtrees just below the top tier (NVIDIA's 16-SU design: 4 × 4 SU).
    p.podTiers = t - 1;
    p.podEndpoints = subtreeCapacity(p, t - 1);
  } else {
    p.podTiers = t;
    p.podEndpoints = 0;
  }
  return p;
}

}  // namespace gigaplan::fabric::detail
