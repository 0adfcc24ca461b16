// Collective bandwidth per level; see collectives.h for the model and its constants.
#include "core/fabric/collectives.h"

#include <algorithm>
#include <cmath>

namespace gigaplan::fabric {

std::string_view toString(Level l) {
  switch (l) {
    case Level::ScaleUp:
      return "scale-up";
    case Level::Leaf:
      return "leaf";
    case Level::Pod:
      return "pod";
    case Level::Site:
      return "site";
  }
  return "?";
}

namespace detail {
namespace {

CollectiveBandwidth level(Level l, std::int64_t n, double busBandwidth, double stepLatency, int hops) {
  CollectiveBandwidth c;
  c.level = l;
  c.groupGpus = static_cast<int>(std::min<std::int64_t>(n, 2'000'000'000));
  c.switchHops = hops;
  c.allReduce = c.reduceScatter = c.allGather = busBandwidth;
  if (n > 1) {
    const double ring = static_cast<double>(n - 1);
    const double logn = std::ceil(std::log2(static_cast<double>(n)));
    c.allReduceLatency = std::min(2 * ring, 2 * logn) * stepLatency;
    c.reduceScatterLatency = c.allGatherLatency = std::min(ring, logn) * stepLatency;
  }
  return c;
}

}  // namespace

std::array<CollectiveBandwidth, kLevels> collectiveBandwidths(const CollectiveInputs& in) {
  const std::int64_t site = std::max<std::int64_t>(in.siteGpus, 0);
  const std::int64_t pod = std::clamp<std::int64_t>(in.podGpus > 0 ? in.podGpus : site, 0, site);
  const std::int64_t leaf = std::clamp<std::int64_t>(in.leafGroupGpus > 0 ? in.leafGroupGpus : pod, 0, pod);
  const int podHops = 2 * in.podTiers - 1, siteHops = 2 * in.tiers - 1;
  // A pod no larger than one leaf group never climbs above the leaves.
  const double podOver = pod > leaf ? std::max(1.0, in.podOversubscription) : 1.0;
  const double siteOver = site > pod ? std::max(1.0, in.siteOversubscription) : podOver;
  std::array<CollectiveBandwidth, kLevels> out{};
  out[0] = level(Level::ScaleUp, std::min<std::int64_t>(in.scaleUpGpus, std::max<std::int64_t>(site, 1)),
                 in.scaleUpBandwidth, kNvlinkStepLatency, 1);
  out[1] = level(Level::Leaf, leaf, in.injection, kNetworkStepLatency + kSwitchHopLatency, 1);
  out[2] = level(Level::Pod, pod, in.injection / podOver, kNetworkStepLatency + podHops * kSwitchHopLatency, podHops);
  out[3] =
      level(Level::Site, site, in.injection / siteOver, kNetworkStepLatency + siteHops * kSwitchHopLatency, siteHops);
  return out;
}

}  // namespace detail
}  // namespace gigaplan::fabric
