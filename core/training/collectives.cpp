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

double domainsReached(int experts, int copies, double domains) {
  if (domains <= 1) return 1;
  if (experts <= 0) return std::min(domains, static_cast<double>(copies));  // no spread known: all apart
  // P(a domain holds none of the k experts) = Π_{i<k} (E − E/D − i) / (E − i).
  const double others = experts - experts / domains;
  double missed = 1;
  for (int i = 0; i < copies && missed > 0; ++i) missed *= std::max(0.0, (others - i) / (experts - i));
  return domains * (1 - missed);
}

double dispatchTime(const Link& l, int n, double tokenBytes, const Dispatch& d) {
  const bool perNode = d.perNode || d.nodeLimit > 0;
  if (!perNode || !l.crossesDomains) return allToAllTime(l, n, tokenBytes * d.copies);
  if (n <= 1 || tokenBytes <= 0) return 0;
  const int inside = std::min(n, l.ranksPerDomain);
  const double domains = std::ceil(static_cast<double>(n) / inside);
  // Node-limited routing draws the experts from `nodeLimit` domains' worth of them.
  const double pool = d.nodeLimit > 0 ? std::min(domains, static_cast<double>(d.nodeLimit)) : domains;
  const double experts = d.experts > 0 ? d.experts * pool / domains : 0;
  const double reached = domainsReached(static_cast<int>(std::lround(experts)), d.copies, pool);
  // The token's own domain is one of the `reached` with chance reached / domains.
  const double out = tokenBytes * reached * (domains - 1) / domains / l.scaleOut;
  const double up = tokenBytes * d.copies * (inside - 1.0) / inside / l.scaleUp;
  return std::max(up, out) + log2Steps(n) * l.latency;
}

double p2pTime(const Link& l, double bytes) {
  if (bytes <= 0) return 0;
  return bytes / (l.crossesDomains ? l.scaleOut : l.scaleUp) + l.latency;
}

}  // namespace gigaplan::training
