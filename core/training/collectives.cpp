// Collective time formulas (see collectives.h). Bandwidth terms follow the ring algorithm (what
// NCCL reaches on large messages); latency terms follow a tree (log2 n steps), which is what NCCL
// picks for the small messages where latency matters.
#include "core/training/collectives.h"

#include <algorithm>
#include <cmath>

namespace gigaplan::training {
namespace {

double log2Steps(int n) {
  return n > 1 ? std::ceil(std::log2(static_cast<double>(n))) : 0;
}

}  // namespace

Link groupLink(const GpuParams& g, const Cluster& c, int size, int stride) {
  Link l;
  const int domain = std::max(1, g.scaleUpSize);
  const double span = static_cast<double>(size) * stride;  // ranks the group covers
  l.scaleUp = g.scaleUpBandwidth * g.eff.scaleUpBusEfficiency;
  l.crossesDomains = span > domain;
  l.ranksPerDomain = l.crossesDomains ? std::max(1, domain / std::max(1, stride)) : size;
  double oversub = 1;
  const double leaf = c.leafGpus > 0 ? c.leafGpus : domain;
  if (span > leaf) oversub = std::max(oversub, c.oversubscription);
  if (c.podGpus > 0 && span > c.podGpus) oversub = std::max(oversub, c.oversubscriptionAbovePod);
  l.scaleOut = g.scaleOutBandwidth * g.eff.scaleOutBusEfficiency / oversub;
  if (l.crossesDomains) {
    // Every member in a domain drives its own NIC, so rings across domains move ranksPerDomain
    // NICs' worth of data at once (multi-node NCCL bus bandwidth ≈ NICs per node × NIC rate).
    l.busBandwidth = std::min(l.scaleUp, l.ranksPerDomain * l.scaleOut);
    l.latency = g.eff.scaleOutLatency;
  } else {
    l.busBandwidth = l.scaleUp;
    l.latency = g.eff.scaleUpLatency;
  }
  return l;
}

double allReduceTime(const Link& l, int n, double bytes) {
  if (n <= 1 || bytes <= 0) return 0;
  return 2.0 * (n - 1) / n * bytes / l.busBandwidth + 2 * log2Steps(n) * l.latency;
}

double allGatherTime(const Link& l, int n, double bytes) {
  if (n <= 1 || bytes <= 0) return 0;
  return static_cast<double>(n - 1) / n * bytes / l.busBandwidth + log2Steps(n) * l.latency;
}

double reduceScatterTime(const Link& l, int n, double bytes) {
  return allGatherTime(l, n, bytes);
}

double allToAllTime(const Link& l, int n, double bytes) {
  if (n <= 1 || bytes <= 0) return 0;
  // Peers in the same domain exchange over NVLink; the rest leaves through this GPU's NIC.
  const int inside = std::min(n, l.ranksPerDomain);
  const double up = bytes * (inside - 1) / n / l.scaleUp;
  const double out = l.crossesDomains ? bytes * (n - inside) / n / l.scaleOut : 0;
  return std::max(up, out) + log2Steps(n) * l.latency;
}

double dispatchTime(const Link& l, int n, double tokenBytes, int copies, int nodeLimit) {
  if (nodeLimit <= 0 || !l.crossesDomains) return allToAllTime(l, n, tokenBytes * copies);
  if (n <= 1 || tokenBytes <= 0) return 0;
  const int inside = std::min(n, l.ranksPerDomain);
  const double domains = std::ceil(static_cast<double>(n) / inside);
  // The token's own domain is one of the `reached` with chance reached / domains.
  const double reached = std::min({static_cast<double>(nodeLimit), domains, static_cast<double>(copies)});
  const double out = tokenBytes * reached * (domains - 1) / domains / l.scaleOut;
  const double up = tokenBytes * copies * (inside - 1.0) / inside / l.scaleUp;
  return std::max(up, out) + log2Steps(n) * l.latency;
}

double p2pTime(const Link& l, double bytes) {
  if (bytes <= 0) return 0;
  return bytes / (l.crossesDomains ? l.scaleOut : l.scaleUp) + l.latency;
}

}  // namespace gigaplan::training
