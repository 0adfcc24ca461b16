// Medium choice and the (medium, bucket) cable table; see cable_tally.h.
#include "core/fabric/cable_tally.h"

#include <algorithm>
#include <tuple>

namespace gigaplan::fabric {

int lengthBucket(double length) {
  for (int i = 0; i < kLengthBuckets - 1; ++i)
    if (length <= kBucketLimits[i] + 1e-9) return i;
  return kLengthBuckets - 1;
}

std::string_view bucketLabel(int bucket) {
  static constexpr std::array<std::string_view, kLengthBuckets> kLabels = {
      "<=3 m", "<=5 m", "<=10 m", "<=30 m", "<=50 m", "<=100 m", "<=500 m", "<=2 km", ">2 km"};
  return bucket >= 0 && bucket < kLengthBuckets ? kLabels[bucket] : "?";
}

namespace detail {

int costRank(catalog::MediumKind kind) {
  using K = catalog::MediumKind;
  switch (kind) {
    case K::PassiveCopper:
      return 0;
    case K::ActiveCopper:
      return 1;
    case K::ActiveOptical:
    case K::Multimode:
      return 2;
    case K::SingleMode:
      return 3;
  }
  return 4;
}

CableTally::CableTally(const catalog::Catalog& catalog, double linkRate) : linkRate_(linkRate) {
  for (const auto& [id, m] : catalog.media)
    if (m.maxReach > 0 && m.rate > 0) ranked_.push_back({id, &m});
  // Cheapest kind first; within a kind the shorter-reach, slower, lower-power part is the cheaper.
  std::sort(ranked_.begin(), ranked_.end(), [](const Ranked& a, const Ranked& b) {
    return std::make_tuple(costRank(a.medium->kind), a.medium->maxReach, a.medium->rate, a.medium->transceiverPower,
                           a.id) < std::make_tuple(costRank(b.medium->kind), b.medium->maxReach, b.medium->rate,
                                                   b.medium->transceiverPower, b.id);
  });
  counts_.assign(ranked_.size(), {});
  for (auto* table : {&lengths_, &rates_, &switchPower_, &nicPower_}) table->assign(ranked_.size(), {});
  switchEnds_.assign(ranked_.size(), {});
  switchModules_.assign(ranked_.size(), {});
  nicEnds_.assign(ranked_.size(), {});
  nicModules_.assign(ranked_.size(), {});
}

bool CableTally::carries(std::size_t m, double rate) const {
  return ranked_[m].medium->rate + 1e-9 * rate >= rate;
}

int CableTally::choose(double length, double rate) const {
  rate = rateOrLink(rate);
  for (std::size_t i = 0; i < ranked_.size(); ++i)
    if (carries(i, rate) && ranked_[i].medium->maxReach + 1e-9 >= length) return static_cast<int>(i);
  return -1;
}

double CableTally::longestReach(double rate) const {
  rate = rateOrLink(rate);
  double reach = 0;
  for (std::size_t i = 0; i < ranked_.size(); ++i)
    if (carries(i, rate)) reach = std::max(reach, ranked_[i].medium->maxReach);
  return reach;
}

std::pair<double, double> CableTally::span(int m, int b) const {
  if (m < 0 || m >= media() || b < 0 || b >= kLengthBuckets || !carries(static_cast<std::size_t>(m), linkRate_))
    return {0, 0};
  double lo = b > 0 ? kBucketLimits[static_cast<std::size_t>(b) - 1] : 0.0;
  double hi = b < kLengthBuckets - 1 ? kBucketLimits[static_cast<std::size_t>(b)] : 1e300;
  for (std::size_t i = 0; i < static_cast<std::size_t>(m); ++i)
    if (carries(i, linkRate_)) lo = std::max(lo, ranked_[i].medium->maxReach);
  hi = std::min(hi, ranked_[static_cast<std::size_t>(m)].medium->maxReach);
  return {lo, hi};
}

int CableTally::add(double length, std::int64_t count, const BundleEnds& ends, double rate) {
  if (count <= 0) return -1;
  rate = rateOrLink(rate);
  const int m = choose(length, rate);
  if (m < 0) {
    unservedCount_ += count;
    unservedLength_ += length * static_cast<double>(count);
    return -1;
  }
  const int b = lengthBucket(length);
  counts_[m][b] += count;
  lengths_[m][b] += length * static_cast<double>(count);
  switchEnds_[m][b] += ends.switchEnds;
  switchModules_[m][b] += ends.switchModules;
  nicEnds_[m][b] += ends.nicEnds;
  nicModules_[m][b] += ends.nicModules;
  rates_[m][b] = std::max(rates_[m][b], rate);
  // Power per link end: the medium's per-end figure, shared when a faster module carries slower
  // links (an 800G twin-port module on two 400G links: half each); equal power per bit.
  const catalog::CableMedium& med = *ranked_[static_cast<std::size_t>(m)].medium;
  if (med.transceiversPerLink > 0) {
    const double perEnd = med.transceiverPower * std::min(1.0, rate / med.rate);
    switchPower_[m][b] += static_cast<double>(ends.switchEnds) * perEnd;
    nicPower_[m][b] += static_cast<double>(ends.nicEnds) * perEnd;
  }
  return m;
}

std::int64_t CableTally::transceivers(int m, const BundleEnds& ends) const {
  const catalog::CableMedium& med = *ranked_[static_cast<std::size_t>(m)].medium;
  if (med.transceiversPerLink <= 0) return 0;
  const bool pluggable = med.kind != catalog::MediumKind::ActiveOptical;
  return ends.nicModules + (pluggable ? ends.switchModules : ends.switchEnds);
}

void CableTally::finish(FabricResult& r) const {
  r.cables.clear();
  r.totalCables = unservedCount_;
  r.totalCableLength = unservedLength_;
  r.transceivers = r.nicTransceivers = 0;
  r.opticsPower = r.nicOpticsPower = 0;
  for (std::size_t m = 0; m < ranked_.size(); ++m) {
    const catalog::CableMedium& med = *ranked_[m].medium;
    const bool pluggable = med.transceiversPerLink > 0 && med.kind != catalog::MediumKind::ActiveOptical;
    for (int b = 0; b < kLengthBuckets; ++b) {
      if (counts_[m][b] == 0) continue;
      CableGroup g;
      g.medium = ranked_[m].id;
      g.kind = med.kind;
      g.bucket = b;
      g.count = counts_[m][b];
      g.totalLength = lengths_[m][b];
      g.linkRate = rates_[m][b];
      if (med.transceiversPerLink > 0) {
        g.nicTransceivers = nicModules_[m][b];
        g.switchEnds = switchEnds_[m][b];
        g.transceivers = g.nicTransceivers + (pluggable ? switchModules_[m][b] : switchEnds_[m][b]);
        g.opticsPower = switchPower_[m][b];
        g.nicOpticsPower = nicPower_[m][b];
      }
      r.totalCables += g.count;
      r.totalCableLength += g.totalLength;
      r.transceivers += g.transceivers;
      r.nicTransceivers += g.nicTransceivers;
      r.opticsPower += g.opticsPower;
      r.nicOpticsPower += g.nicOpticsPower;
      r.cables.push_back(std::move(g));
    }
  }
}

}  // namespace detail
}  // namespace gigaplan::fabric
