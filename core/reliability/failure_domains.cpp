// analyzeFailureDomains: per-element GPU counts from each rack's set of single points of failure.
#include "core/reliability/failure_domains.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <span>

#include "core/base/thousands.h"
#include "core/cooling/heat_order.h"

namespace gigaplan::reliability {

using design::kNone;

namespace {

// Element ids in one space: power nodes 0..P-1, cooling units P..P+C-1.
class ElementSets {
 public:
  ElementSets(const design::Layout& layout, const cooling::CoolingTopology& topology,
              const power::SupplyDominators& dom, const std::vector<double>& heat)
      : powerCount_(static_cast<int>(layout.power.size())) {
    const int c = static_cast<int>(layout.cooling.size());
    coolingBegin_.assign(c, 0);
    coolingSize_.assign(c, 0);
    std::vector<int> set, sinks, next, feeds;
    const std::vector<int>& order = topology.order;
    std::vector<char> done(c, 0);
    const std::vector<int>* lastRejectsTo = nullptr;  // units of a hall share their plant: reuse
    // Sinks before the units that reject to them.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const int u = *it;
      const design::CoolingUnit& unit = layout.cooling[u];
      // A bank whose other units carry its heat with one unit out does not stop when one fails.
      const double load = u < static_cast<int>(heat.size()) ? heat[u] : 0.0;
      const bool spared =
          unit.units >= 2 && load <= design::capacityWithOneUnitOut(unit.capacity, unit.units) * (1 + 1e-9);
      set.clear();
      if (!spared) set.push_back(powerCount_ + u);
      feedCut(unit.fedBy, dom, feeds, next);
      unite(set, feeds);
      const bool same =
          lastRejectsTo && *lastRejectsTo == unit.rejectsTo &&
          std::all_of(unit.rejectsTo.begin(), unit.rejectsTo.end(), [&](int s) { return s >= 0 && s < c && done[s]; });
      lastRejectsTo = &unit.rejectsTo;
      if (same) {
        unite(set, sinks);
        store(u, set);
        done[u] = 1;
        continue;
      }
      bool first = true;
      sinks.clear();
      for (int s : unit.rejectsTo) {
        if (s < 0 || s >= c || !done[s]) continue;
        if (first) {
          auto ss = cooling(s);
          sinks.assign(ss.begin(), ss.end());
          first = false;
        } else {
          next.clear();
          power::intersectSorted(sinks, cooling(s), next);
          sinks.swap(next);
        }
      }
      unite(set, sinks);
      store(u, set);
      done[u] = 1;
    }
    for (int u = 0; u < c; ++u)
      if (!done[u]) store(u, std::vector<int>{powerCount_ + u});
  }

  std::span<const int> cooling(int u) const {
    return {ids_.data() + coolingBegin_[u], static_cast<std::size_t>(coolingSize_[u])};
  }
  int powerCount() const { return powerCount_; }

  // The power elements whose single failure cuts every one of `fedBy` (all of its feeds).
  void feedCut(const std::vector<int>& fedBy, const power::SupplyDominators& dom, std::vector<int>& out,
               std::vector<int>& next) const {
    out.clear();
    bool first = true;
    for (int f : fedBy) {
      if (f < 0 || f >= powerCount_) continue;
      if (first) {
        auto s = dom.of(f);
        out.assign(s.begin(), s.end());
        first = false;
      } else {
        next.clear();
        power::intersectSorted(out, dom.of(f), next);
        out.swap(next);
      }
    }
  }

  static void unite(std::vector<int>& set, std::span<const int> more) {
    scratch().clear();
    std::set_union(set.begin(), set.end(), more.begin(), more.end(), std::back_inserter(scratch()));
    set.swap(scratch());
  }

 private:
  static std::vector<int>& scratch() {
    thread_local std::vector<int> s;
    return s;
  }
  void store(int u, const std::vector<int>& set) {
    coolingBegin_[u] = static_cast<int>(ids_.size());
    coolingSize_[u] = static_cast<int>(set.size());
    ids_.insert(ids_.end(), set.begin(), set.end());
  }
  int powerCount_;
  std::vector<int> coolingBegin_, coolingSize_, ids_;
};

bool valid(int i, std::size_t n) {
  return i >= 0 && i < static_cast<int>(n);
}

using base::thousands;

// 0.1 → "10 %", 0.125 → "12.5 %", 1 → "100 %".
std::string significantPercent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g %%", fraction * 100);
  return buf;
}

}  // namespace

std::string largestDomainText(const FailureDomains& domains) {
  if (domains.largestGpus <= 0 || domains.largestId.empty()) return std::string("none (") + kNoFailureDomain + ")";
  return base::counted(domains.largestGpus, "GPU") + " behind " + domains.largestId;
}

FailureDomains analyzeFailureDomains(const design::Layout& layout, const power::PowerGraph& graph,
                                     const power::SupplyDominators& dom, const cooling::CoolingTopology& topology,
                                     const std::vector<double>& coolingHeat, const fabric::FabricResult& fabric) {
  const std::size_t P = layout.power.size(), C = layout.cooling.size(), R = layout.racks.size();
  const ElementSets sets(layout, topology, dom, coolingHeat);
  std::vector<std::int64_t> gpus(P + C, 0);
  std::vector<int> racks(P + C, 0);
  std::vector<int> begin(R + 1, 0), ids;
  ids.reserve(R * 8);
  std::vector<int> set, next;

  // What stops a rack itself: its power (both feeds of an A/B rack) and the cooling its heat goes to.
  auto rackSet = [&](const design::Rack& rack, std::vector<int>& out) {
    out.clear();
    const bool a = valid(rack.feedA, P), b = valid(rack.feedB, P);
    if (a && b) {
      power::intersectSorted(dom.of(rack.feedA), dom.of(rack.feedB), out);
    } else if (a || b) {
      auto s = dom.of(a ? rack.feedA : rack.feedB);
      out.assign(s.begin(), s.end());
    }
    const double liquid = rack.spec ? rack.spec->liquidFraction : 0.0;
    if (liquid > 0 && valid(rack.cdu, C)) ElementSets::unite(out, sets.cooling(rack.cdu));
    if (liquid < 1 && valid(rack.airHandler, C)) ElementSets::unite(out, sets.cooling(rack.airHandler));
  };

  // What stops a leaf group's switches: a GPU whose leaf stops is off the fabric, and a training
  // job stops with it. A leaf in a network rack stops with that rack; one beside a row with its feeds.
  std::vector<std::vector<int>> groupSet(static_cast<std::size_t>(std::max(0, fabric.leafGroups)));
  std::vector<int> feeds;
  for (const fabric::SwitchPlacement& s : fabric.switches) {
    if (s.tier != 1 || s.group < 0 || s.group >= static_cast<int>(groupSet.size())) continue;
    if (valid(s.rack, R)) {
      rackSet(layout.racks[s.rack], set);
    } else {
      feeds.clear();
      if (valid(s.feed, P)) feeds.push_back(s.feed);
      if (valid(s.feedB, P)) feeds.push_back(s.feedB);
      sets.feedCut(feeds, dom, set, next);
    }
    ElementSets::unite(groupSet[s.group], set);
  }
  // The leaf groups each rack's GPUs link to: fabric::NodeSpan lists them in layout order, so a
  // rack's are one run of `groups` from groupBegin[r] (a rack split over two groups has two).
  std::vector<int> groupBegin(R + 1, 0), groups;
  groups.reserve(fabric.nodeSpans.size());
  {
    std::vector<int> count(R, 0);
    for (const fabric::NodeSpan& n : fabric.nodeSpans)
      if (valid(n.rack, R) && n.group >= 0 && n.group < static_cast<int>(groupSet.size())) ++count[n.rack];
    for (std::size_t r = 0; r < R; ++r) groupBegin[r + 1] = groupBegin[r] + count[r];
    groups.assign(static_cast<std::size_t>(groupBegin[R]), kNone);
    std::vector<int> fill(groupBegin.begin(), groupBegin.end() - 1);
    for (const fabric::NodeSpan& n : fabric.nodeSpans)
      if (valid(n.rack, R) && n.group >= 0 && n.group < static_cast<int>(groupSet.size()))
        groups[static_cast<std::size_t>(fill[n.rack]++)] = n.group;
  }
  auto rackGroups = [&](std::size_t r) {
    return std::span<const int>(groups.data() + groupBegin[r],
                                static_cast<std::size_t>(groupBegin[r + 1] - groupBegin[r]));
  };

  // Racks side by side share feeds, CDU, air handler and leaves: their set is the previous one.
  struct Key {
    int feedA, feedB, cdu, airHandler;
    bool liquid, air;
    bool operator==(const Key&) const = default;
  };
  Key last{kNone, kNone, kNone, kNone, false, false};
  int lastRack = kNone;

  for (std::size_t r = 0; r < R; ++r) {
    const design::Rack& rack = layout.racks[r];
    begin[r] = static_cast<int>(ids.size());
    if (!valid(rack.feedA, P) && !valid(rack.feedB, P)) continue;  // not fed: it does not run, so no failure stops it
    const double liquid = rack.spec ? rack.spec->liquidFraction : 0.0;
    const Key key{rack.feedA, rack.feedB, rack.cdu, rack.airHandler, liquid > 0, liquid < 1};
    const int g = rack.spec ? rack.spec->gpus : 0;
    const auto mine = rackGroups(r);
    const auto previous = lastRack != kNone ? rackGroups(static_cast<std::size_t>(lastRack)) : std::span<const int>();
    if (!(lastRack != kNone && key == last && std::equal(mine.begin(), mine.end(), previous.begin(), previous.end()))) {
      rackSet(rack, set);
      for (int grp : mine) ElementSets::unite(set, groupSet[grp]);
      last = key;
      lastRack = static_cast<int>(r);
    }
    for (int e : set) {
      gpus[e] += g;
      ++racks[e];
    }
    ids.insert(ids.end(), set.begin(), set.end());
  }
  begin[R] = static_cast<int>(ids.size());

  auto isSource = [&](int e) { return e < static_cast<int>(P) && graph.source[e]; };
  auto toElement = [&](int e) {
    return e < static_cast<int>(P) ? Element{Element::Kind::Power, e}
                                   : Element{Element::Kind::Cooling, e - static_cast<int>(P)};
  };
  FailureDomains fd;
  fd.powerGpus.assign(gpus.begin(), gpus.begin() + P);
  fd.powerRacks.assign(racks.begin(), racks.begin() + P);
  fd.coolingGpus.assign(gpus.begin() + P, gpus.end());
  fd.coolingRacks.assign(racks.begin() + P, racks.end());
  fd.rackDomain.assign(R, Element{});
  for (std::size_t r = 0; r < R; ++r) {
    int best = kNone;
    for (int k = begin[r]; k < begin[r + 1]; ++k) {
      const int e = ids[k];
      if (!isSource(e) && (best == kNone || gpus[e] > gpus[best] || (gpus[e] == gpus[best] && racks[e] > racks[best])))
        best = e;
    }
    if (best != kNone) fd.rackDomain[r] = toElement(best);
  }
  int largest = kNone;
  for (int e = 0; e < static_cast<int>(P + C); ++e)
    if (!isSource(e) && racks[e] > 0 && (largest == kNone || gpus[e] > gpus[largest])) largest = e;
  if (largest != kNone) {
    fd.largest = toElement(largest);
    fd.largestId = largest < static_cast<int>(P) ? layout.power[largest].id : layout.cooling[largest - P].id;
    fd.largestGpus = gpus[largest];
    fd.largestRacks = racks[largest];
  }
  for (std::size_t r = 0; r < R; ++r)
    if (layout.racks[r].spec) fd.siteGpus += layout.racks[r].spec->gpus;
  return fd;
}

std::vector<engine::Finding> checkFailureShare(const design::Layout& layout, const FailureDomains& fd,
                                               double maxShare) {
  std::vector<engine::Finding> out;
  if (fd.largest.kind == Element::Kind::None || fd.siteGpus <= 0 || maxShare <= 0) return out;
  const double share = static_cast<double>(fd.largestGpus) / static_cast<double>(fd.siteGpus);
  if (share <= maxShare * (1 + 1e-9)) return out;
  // Every element over the limit is named; the message of the largest leads.
  auto over = [&](std::int64_t gpus) {
    return static_cast<double>(gpus) > maxShare * (1 + 1e-9) * static_cast<double>(fd.siteGpus);
  };
  std::vector<std::pair<std::int64_t, std::string>> elements;
  for (std::size_t i = 0; i < layout.power.size(); ++i)
    if (over(fd.powerGpus[i]) && !power::isSourceKind(layout.power[i].kind))
      elements.emplace_back(fd.powerGpus[i], layout.power[i].id);
  for (std::size_t i = 0; i < layout.cooling.size(); ++i)
    if (over(fd.coolingGpus[i])) elements.emplace_back(fd.coolingGpus[i], layout.cooling[i].id);
  std::stable_sort(elements.begin(), elements.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [gpus, id] : elements) {
    const double s = static_cast<double>(gpus) / static_cast<double>(fd.siteGpus);
    out.push_back(engine::makeFinding(engine::Severity::Warning, id, "reliability.large-failure-domain",
                                      "A single failure of " + id + " stops " + thousands(gpus) + " GPUs (" +
                                          significantPercent(s) + " of the site's " + thousands(fd.siteGpus) +
                                          "); the design allows " + significantPercent(maxShare) +
                                          " (site.max_failure_share). Feed its load from two sides, add a spare unit, "
                                          "or state the risk and raise the share",
                                      s, maxShare));
  }
  return out;
}

}  // namespace gigaplan::reliability
