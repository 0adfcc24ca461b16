// analyzeFabric: groups racks into pods and leaf groups, sizes every tier, places switches, routes
// and tallies cables, checks ports, and derives bisection and collective bandwidth. See fabric.h.
#include "core/fabric/fabric.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <tuple>
#include <utility>

#include "core/base/thousands.h"
#include "core/fabric/cable_tally.h"
#include "core/fabric/collectives.h"
#include "core/fabric/placement.h"
#include "core/fabric/sizing.h"
#include "core/units/units.h"

namespace gigaplan::fabric {

std::string tierName(int tier) {
  switch (tier) {
    case 1:
      return "leaf";
    case 2:
      return "spine";
    case 3:
      return "core";
    default:
      return "tier" + std::to_string(tier);
  }
}

std::string switchId(const SwitchPlacement& s) {
  if (s.tier == 1 && s.rail != design::kNone)
    return "leaf-g" + std::to_string(s.group + 1) + "-r" + std::to_string(s.rail + 1);
  return tierName(s.tier) + "-" + std::to_string(s.index + 1);
}

std::string injectionText(const FabricResult& f, const std::function<std::string(double)>& rate) {
  const bool same = std::all_of(f.gpuLinks.begin(), f.gpuLinks.end(),
                                [&](const GpuLinks& l) { return l.injection == f.injectionBandwidth; });
  if (same) return rate(f.injectionBandwidth);
  std::string text;
  for (const GpuLinks& l : f.gpuLinks) text += (text.empty() ? "" : ", ") + rate(l.injection) + " (" + l.gpu + ")";
  return text;
}

std::string bisectionBoundText(const FabricResult& f) {
  const auto tier =
      std::find_if(f.tierStats.begin(), f.tierStats.end(), [&](const Tier& t) { return t.tier == f.bisectionTier; });
  if (f.bisectionTier == 0 || tier == f.tierStats.end()) return "bounded by what the GPUs inject";
  std::string bound = "bounded by the " + tier->name + " tier's uplinks";
  if (tier->oversubscription <= 1.001) return bound;
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.3g:1", tier->oversubscription);
  return bound + ", " + ratio + " oversubscribed";
}

std::string nicModulesText(const FabricResult& f) {
  if (f.nicTransceivers <= 0) return "";
  return base::thousands(f.nicTransceivers) + " in the GPU NICs, their " + units::formatPower(f.nicOpticsPower) +
         " inside the racks' rated power";
}

double injectionOf(const FabricResult& f, const std::string& gpu) {
  for (const GpuLinks& l : f.gpuLinks)
    if (l.gpu == gpu) return l.injection;
  return f.injectionBandwidth;
}

namespace {

using design::kNone;
using design::Vec2;
using detail::ceilDiv;

// What the fabric needs from a rack type, looked up once per type rather than once per rack.
struct TypeInfo {
  const catalog::RackType* spec = nullptr;
  const catalog::Gpu* gpu = nullptr;
  int gpus = 0, nodes = 0, gpusPerNode = 1;
  double nicRate = 0;
  std::int64_t totalGpus = 0;  // on this fabric, to find the dominant type
  // Once the link rate is known (analyzeFabric): links per GPU, NIC ports per node (the rails of
  // its leaf groups when rail-optimized), the rate a GPU runs them at and what it injects.
  int links = 1, rails = 1;
  double rate = 0, injection = 0;
  double linkRate = 0;  // what each of its links runs at: the link rate, or a slower NIC's own
};

class TypeCache {
 public:
  explicit TypeCache(const catalog::Catalog& c) : catalog_(c) {}

  // Linear search: a site has a handful of rack types, and a pointer compare beats a map lookup.
  TypeInfo& get(const design::Rack& rack) {
    const catalog::RackType* spec = rack.spec ? rack.spec : catalog_.rack(rack.type);
    for (auto& t : types_)
      if (t.spec == spec) return t;
    TypeInfo& t = types_.emplace_back();
    t.spec = spec;
    if (spec && spec->kind == catalog::RackKind::Compute && spec->gpus > 0) {
      t.gpu = catalog_.gpu(spec->gpu);
      t.gpus = spec->gpus;
      // GPUs per node: as the catalog says, else 8 (HGX/DGX) or 4 (Grace trays) when they divide.
      if (spec->nodes > 0 && spec->gpus % spec->nodes == 0)
        t.gpusPerNode = spec->gpus / spec->nodes;
      else if (spec->gpus % 8 == 0)
        t.gpusPerNode = 8;
      else if (spec->gpus % 4 == 0)
        t.gpusPerNode = 4;
      t.nodes = t.gpus / t.gpusPerNode;
      t.nicRate = catalog::rackNicRate(*spec, t.gpu);
    }
    return t;
  }
  const std::deque<TypeInfo>& all() const { return types_; }
  std::deque<TypeInfo>& all() { return types_; }

 private:
  const catalog::Catalog& catalog_;
  std::deque<TypeInfo> types_;  // deque: references stay valid as types are added
};

struct Group {
  int pod = 0, firstRack = 0, lastRack = 0;
  int rails = 1;  // rail-optimized: NIC ports of each of its nodes, one leaf each
  double sx = 0, sy = 0, weight = 0;
  std::int64_t endpoints = 0;
  int leaves = 0, firstSwitch = 0, firstLeaf = 0;  // firstLeaf: index into the leaf tier of sizeTiers()
};
struct Pod {
  std::int64_t gpus = 0, endpoints = 0, leaves = 0;
  std::int64_t reserved = 0;  // endpoints and the group slots left empty to keep racks whole
};
struct Chunk {  // part of one rack wired to one leaf group
  int rack = 0, group = 0;
  int links = 1;  // links per GPU of the rack's type
  std::int64_t endpoints = 0;
  double rate = 0;  // B/s each link runs at (TypeInfo::linkRate)
};
struct Grouping {
  std::vector<Group> groups;
  std::vector<Pod> pods;
  std::vector<Chunk> chunks;
  std::int64_t reserved = 0;  // Σ Pod::reserved: the endpoints the tiers above must reach
};

// Racks in layout order fill pods (whole racks, up to the pod's endpoints) and, inside a pod,
// leaf groups of `slotsPerGroup` slots: nodes for a rail-optimized fabric (each node gives one
// port to every leaf of its group), NIC ports for a plain fat tree (one leaf per group).
// A rail-optimized rack that fits in one group is cabled to one group: when it does not fit in
// what is left of the current group, that space stays empty and the rack starts the next. So an
// NVL72 rack (18 trays) takes a 64-port leaf per rail on its own, as NVIDIA's GB200 SuperPOD
// cables it, and DGX racks of 4 nodes fill groups of 32 or 72 nodes exactly. The nodes of a
// rail-optimized group have one number of NIC ports, its rails: a node with another (an 8-GPU DGX
// beside 4-GPU trays, a GPU with two links beside one with one) starts a group of its own.
Grouping groupRacks(const design::Layout& layout, TypeCache& types, bool railOpt, std::int64_t slotsPerGroup,
                    std::int64_t podEndpoints, bool podsOfGpus, FabricResult& res) {
  Grouping g;
  g.chunks.reserve(layout.racks.size() + 16);
  std::int64_t fill = slotsPerGroup;
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    const TypeInfo& t = types.get(rack);
    if (t.gpus <= 0) continue;
    const std::int64_t rackEndpoints = static_cast<std::int64_t>(t.gpus) * t.links;
    const int portsPerSlot = railOpt ? t.rails : 1;
    const std::int64_t slots = railOpt ? t.nodes : rackEndpoints;
    if (railOpt && !g.groups.empty() && g.groups.back().rails != portsPerSlot) fill = slotsPerGroup;
    const bool skip = railOpt && slots <= slotsPerGroup && fill < slotsPerGroup && fill + slots > slotsPerGroup;
    std::int64_t skipped = skip ? (slotsPerGroup - fill) * portsPerSlot : 0;
    // A pod the planner sized in GPUs holds that many; a pod the tiers sized holds its slots.
    const std::int64_t podFill = podsOfGpus       ? g.pods.empty() ? 0 : g.pods.back().endpoints + rackEndpoints
                                 : g.pods.empty() ? 0
                                                  : g.pods.back().reserved + skipped + rackEndpoints;
    if (g.pods.empty() || (podEndpoints > 0 && g.pods.back().reserved > 0 && podFill > podEndpoints)) {
      g.pods.push_back({});
      fill = slotsPerGroup;  // a leaf group never spans pods
      skipped = 0;
    } else if (skip) {
      fill = slotsPerGroup;
    }
    Pod& pod = g.pods.back();
    pod.gpus += t.gpus;
    pod.endpoints += rackEndpoints;
    pod.reserved += skipped + rackEndpoints;
    g.reserved += skipped + rackEndpoints;
    const int podIndex = static_cast<int>(g.pods.size()) - 1;
    res.rackPod[r] = podIndex;
    std::int64_t remaining = slots;
    while (remaining > 0) {
      if (fill >= slotsPerGroup) {
        g.groups.push_back({podIndex, static_cast<int>(r), static_cast<int>(r), portsPerSlot});
        fill = 0;
      }
      const std::int64_t take = std::min(remaining, slotsPerGroup - fill);
      Group& grp = g.groups.back();
      const int gi = static_cast<int>(g.groups.size()) - 1;
      grp.lastRack = static_cast<int>(r);
      grp.endpoints += take * portsPerSlot;
      grp.sx += rack.position.x * static_cast<double>(take);
      grp.sy += rack.position.y * static_cast<double>(take);
      grp.weight += static_cast<double>(take);
      if (res.rackRailGroup[r] == kNone) res.rackRailGroup[r] = gi;
      g.chunks.push_back({static_cast<int>(r), gi, t.links, take * portsPerSlot, t.linkRate});
      // Nodes of this chunk: rail-optimized slots are nodes; otherwise the nodes whose first port
      // falls in the chunk's ports [done, done + take).
      const std::int64_t done = slots - remaining;
      const std::int64_t nodePorts = railOpt ? 1 : static_cast<std::int64_t>(t.gpusPerNode) * t.links;
      const std::int64_t first = ceilDiv(done, nodePorts), end = ceilDiv(done + take, nodePorts);
      if (end > first)
        res.nodeSpans.push_back(
            {static_cast<int>(r), gi, static_cast<int>(first), static_cast<int>(end - first), t.gpusPerNode});
      fill += take;
      remaining -= take;
    }
  }
  return g;
}

// One switch while the tiers are sized: its links and the block of switches it stripes with.
struct Sized {
  int pod = kNone;                // pod it serves, kNone above the pods
  int block = 0;                  // children of one block stripe over the same set of parents
  int plane = 0;                  // position inside its block
  int rail = 0;                   // leaves: rail within the leaf group
  std::int64_t down = 0, up = 0;  // links
  std::int64_t free = 0;          // ports left once down and up are cabled
  // The parents its uplinks spread over: a run of the tier above (index into that tier's list).
  std::int64_t firstParent = 0, parents = 0;
};

// Leaves of each group, each with ceil(down used / oversubscription) uplinks before striping.
std::vector<Sized> sizeLeaves(Grouping& g, bool railOpt, int tiers, int radix, double oversubscription) {
  std::vector<Sized> leaves;
  for (Group& grp : g.groups) {
    // The group's ports spread over its rails: `extra` leaves carry one port more than the rest.
    const int rails = grp.rails;
    const std::int64_t base = railOpt ? grp.endpoints / rails : grp.endpoints;
    const std::int64_t extra = railOpt ? grp.endpoints % rails : 0;
    grp.leaves = railOpt ? static_cast<int>(base > 0 ? rails : extra) : 1;
    grp.firstLeaf = static_cast<int>(leaves.size());
    for (int l = 0; l < grp.leaves; ++l) {
      Sized s;
      s.pod = grp.pod;
      s.block = static_cast<int>(leaves.size());
      s.rail = l;
      s.down = base + (l < extra ? 1 : 0);
      s.up = tiers == 1 ? 0 : detail::uplinksFor(s.down, oversubscription);
      s.free = radix - s.down - s.up;
      leaves.push_back(s);
    }
    g.pods[grp.pod].leaves += grp.leaves;
  }
  return leaves;
}

// Parents of one block of children: the children's planes (i-th switch of every child block) are
// split into groups of `g` planes; each group stripes over its own parents. Tries every g that
// divides the planes and keeps the fewest parents, then the fewest links (striping raises a child's
// uplinks to a multiple of its group's parents; a pod smaller than the rest raises fewer in groups
// of its own), then the whole block as one group. With
// `byRail`, leaves' rails are the planes and each rail has parents of its own (g = 1).
struct PlaneSplit {
  int planesPerGroup = 1;
  std::vector<detail::Stripe> groups;
  std::int64_t parents = 0;
  std::int64_t links = 0;  // children's uplinks once striped
  bool striped = true;
};

int planeOf(const Sized& s, bool byRail) {
  return byRail ? s.rail : s.plane;
}

PlaneSplit splitPlanes(const std::vector<Sized>& tier, std::size_t first, std::size_t last, int planes, int parentDown,
                       bool byRail) {
  PlaneSplit best;
  bool found = false;
  for (int g = byRail ? 1 : planes; g >= 1; --g) {
    if (planes % g != 0) continue;
    PlaneSplit cand;
    cand.planesPerGroup = g;
    const int groups = planes / g;
    std::vector<std::vector<detail::StripeChild>> kids(groups);
    for (std::size_t i = first; i < last; ++i) {
      auto& k = kids[planeOf(tier[i], byRail) / g];
      auto it = std::find_if(k.begin(), k.end(), [&](const detail::StripeChild& c) {
        return c.up == tier[i].up && c.maxUp == tier[i].up + tier[i].free;
      });
      if (it != k.end())
        ++it->count;
      else
        k.push_back({tier[i].up, tier[i].up + tier[i].free, 1});
    }
    for (const auto& k : kids) {
      const detail::Stripe& st = cand.groups.emplace_back(detail::stripe(k, parentDown));
      cand.parents += st.parents;
      cand.striped = cand.striped && st.striped;
      for (const detail::StripeChild& c : k) cand.links += c.count * detail::stripedUplinks(c.up, st.parents);
    }
    if (!cand.striped) {
      if (!found && g == planes) best = cand;  // fallback: the bare bound over the whole block
      continue;
    }
    if (!found || cand.parents < best.parents || (cand.parents == best.parents && cand.links < best.links))
      best = std::move(cand), found = true;
  }
  return best;
}

// Sizes tiers 2..t from the leaves up. Inside a pod (tiers up to the pod's top) blocks are per pod;
// above, one pool. A tier that is the top of its domain takes all the domain's child blocks as one
// block; a tier below it takes them `down` at a time (a switch reaches one switch of each).
// Striping may raise children's uplinks (stripedUplinks), never lower them.
std::vector<std::vector<Sized>> sizeTiers(std::vector<Sized> leaves, const detail::TierPlan& tp, int radix, bool perPod,
                                          bool railOpt, std::vector<std::string>& notes) {
  const int t = tp.tiers;
  std::vector<std::vector<Sized>> tiers(t + 1);
  tiers[1] = std::move(leaves);
  bool unevenNoted = false;
  for (int j = 2; j <= t; ++j) {
    std::vector<Sized>& below = tiers[j - 1];
    std::vector<Sized>& here = tiers[j];
    const bool inPods = perPod && j <= tp.podTiers;
    const bool domainTop = j == t || (perPod && j == tp.podTiers);
    const int parentDown = tp.down[j];
    // Pods under a core: each rail's leaves stripe over spines of their own, as NVIDIA's three-tier
    // SuperPODs build them (H100 and B200 at 16 SU and up, GB200 from 2 SU): a spine serves one
    // rail. Two tiers share their spines among the rails (B300 XDR up to 18 SU).
    const bool byRail = railOpt && j == 2 && inPods && t >= 3;
    std::size_t i = 0;
    while (i < below.size()) {
      // One parent block: child blocks from i on, same domain, all of them or `parentDown` of them.
      const int domain = inPods ? below[i].pod : kNone;
      std::size_t e = i;
      int childBlocks = 0, planes = 0;
      while (e < below.size() && (!inPods || below[e].pod == domain)) {
        if (!domainTop && childBlocks == parentDown && below[e].block != below[e - 1].block) break;
        if (e == i || below[e].block != below[e - 1].block) ++childBlocks;
        planes = std::max(planes, planeOf(below[e], byRail) + 1);
        ++e;
      }
      const PlaneSplit split = splitPlanes(below, i, e, planes, parentDown, byRail);
      if (!split.striped && !unevenNoted) {
        unevenNoted = true;
        const std::string note = tierName(j) +
                                 " switches have too few ports for every switch below them to reach "
                                 "each one evenly; counted by ports alone";
        if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
      }
      const int block = here.empty() ? 0 : here.back().block + 1;
      int plane = 0;
      for (std::size_t k = 0; k < split.groups.size(); ++k) {
        const detail::Stripe& st = split.groups[k];
        std::int64_t links = 0;
        for (std::size_t c = i; c < e; ++c) {
          if (planeOf(below[c], byRail) / split.planesPerGroup != static_cast<int>(k)) continue;
          below[c].firstParent = static_cast<std::int64_t>(here.size());
          below[c].parents = st.parents;
          if (st.striped) {
            const std::int64_t up = detail::stripedUplinks(below[c].up, st.parents);
            below[c].free -= up - below[c].up;
            below[c].up = up;
          }
          links += below[c].up;
        }
        for (std::int64_t m = 0; m < st.parents; ++m) {
          Sized p;
          p.pod = inPods ? domain : kNone;
          p.block = block;
          p.plane = plane++;
          // Striped: every parent takes the same links. Not striped: full switches first.
          p.down = st.striped ? st.linksPerParent : std::min<std::int64_t>(parentDown, links - m * parentDown);
          p.up = j < t ? detail::uplinksFor(p.down, tp.over[j]) : 0;
          p.free = radix - p.down - p.up;
          here.push_back(p);
        }
      }
      i = e;
    }
  }
  return tiers;
}

// sizeTiers on each plane's leaves apart (leaf l of a group is on plane l / (rails / planes)); the
// leaves keep their order, the upper tiers list plane 0's switches first.
std::vector<std::vector<Sized>> sizePlanes(std::vector<Sized> leaves, int planes, int rails, const detail::TierPlan& tp,
                                           int radix, bool perPod, bool railOpt, std::vector<std::string>& notes) {
  if (planes <= 1) return sizeTiers(std::move(leaves), tp, radix, perPod, railOpt, notes);
  const int railsPerPlane = std::max(1, rails / planes);
  std::vector<std::vector<Sized>> all(tp.tiers + 1);
  for (int p = 0; p < planes; ++p) {
    std::vector<std::size_t> index;
    std::vector<Sized> mine;
    for (std::size_t i = 0; i < leaves.size(); ++i)
      if (leaves[i].rail / railsPerPlane == p) index.push_back(i), mine.push_back(leaves[i]);
    std::vector<std::vector<Sized>> part = sizeTiers(std::move(mine), tp, radix, perPod, railOpt, notes);
    // Parent indices were into this plane's tiers; the planes' tiers are listed one after another.
    for (int j = 1; j < tp.tiers; ++j)
      for (Sized& s : part[j]) s.firstParent += static_cast<std::int64_t>(all[j + 1].size());
    for (std::size_t k = 0; k < index.size(); ++k) leaves[index[k]] = part[1][k];
    for (int j = 2; j <= tp.tiers; ++j) all[j].insert(all[j].end(), part[j].begin(), part[j].end());
  }
  all[1] = std::move(leaves);
  return all;
}

// Adds tiers above the pods when the rack-by-rack grouping made more pods than planned.
void fitPodsUnderTop(detail::TierPlan& tp, std::int64_t pods, int radix) {
  if (pods <= 1 || tp.podTiers >= tp.tiers) return;
  const int t = tp.podTiers + detail::tiersAbovePods(pods, radix);
  if (t <= tp.tiers) return;
  const int oldTop = tp.tiers;
  tp.down.resize(t + 1, radix / 2);
  tp.over.resize(t + 1, 1.0);
  if (oldTop > tp.podTiers) tp.down[oldTop] = std::max(1, radix / 2);
  tp.down[t] = radix;
  tp.tiers = t;
}

void addShortfall(FabricResult& res, int tier, std::int64_t needed, std::int64_t available, const std::string& below) {
  PortShortfall s;
  s.tier = tier;
  s.needed = needed;
  s.available = available;
  s.message = tierName(tier) + " switches need " + std::to_string(needed) + " ports each to reach every " + below +
              " below them, and have " + std::to_string(available) + "; add a tier or use a larger switch";
  res.portShortfalls.push_back(std::move(s));
}

// Port checks on one plane (planes are separate fabrics of equal size: counts divide by `planes`).
void checkPorts(FabricResult& res, const detail::TierPlan& tp, const Grouping& g, std::int64_t totalLeaves,
                int planes) {
  const int t = tp.tiers;
  totalLeaves /= planes;
  if (t == 1) {
    if (totalLeaves > 1) {
      PortShortfall s;
      s.needed = res.endpoints / planes;
      s.available = res.radix;
      s.message = "one tier leaves " + std::to_string(totalLeaves) +
                  " leaf switches unconnected to each other; the fabric needs a second tier";
      res.portShortfalls.push_back(std::move(s));
    }
    return;
  }
  // Children of a tier-j switch: leaves at tier 2, else subtrees of the tier below.
  auto children = [&](int j, std::int64_t endpoints, std::int64_t leaves) {
    return j == 2 ? leaves : ceilDiv(endpoints, detail::subtreeCapacity(tp, j - 1));
  };
  auto childName = [](int j) { return j == 2 ? std::string("leaf") : tierName(j - 1) + " group"; };
  if (g.pods.size() <= 1 || tp.podTiers >= t) {
    const std::int64_t need = children(t, g.reserved / planes, totalLeaves);
    if (need > tp.down[t]) addShortfall(res, t, need, tp.down[t], childName(t));
    return;
  }
  const int top = tp.podTiers;
  std::int64_t need = 0;
  for (const Pod& p : g.pods) need = std::max(need, children(top, p.reserved / planes, p.leaves / planes));
  if (need > tp.down[top]) addShortfall(res, top, need, tp.down[top], childName(top));
  std::int64_t reach = 1;
  for (int j = top + 1; j < t; ++j) reach *= tp.down[j];
  const std::int64_t podsNeed = ceilDiv(static_cast<std::int64_t>(g.pods.size()), reach);
  if (podsNeed > tp.down[t]) addShortfall(res, t, podsNeed, tp.down[t], "pod");
}

// Collective inputs that need no switch: the scale-up domain of the dominant rack type.
detail::CollectiveInputs scaleUpInputs(const TypeInfo* dominant, std::int64_t gpus, double injection) {
  detail::CollectiveInputs in;
  if (dominant && dominant->spec) {
    in.scaleUpGpus = dominant->spec->scaleUpDomain > 0 ? dominant->spec->scaleUpDomain
                                                       : (dominant->gpu ? dominant->gpu->scaleUpDomain : 1);
    in.scaleUpBandwidth = dominant->gpu ? dominant->gpu->scaleUpBandwidth : 0;
  }
  in.siteGpus = gpus;
  in.injection = injection;
  return in;
}

// Each GPU type's links, most GPUs first (rack types of one GPU and NIC rate merged).
std::vector<GpuLinks> gpuLinks(const TypeCache& types) {
  std::vector<GpuLinks> out;
  for (const TypeInfo& t : types.all()) {
    if (t.totalGpus <= 0) continue;
    const std::string id = t.gpu ? t.gpu->id : t.spec->gpu;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const GpuLinks& l) { return l.gpu == id && l.nicRate == t.rate && l.links == t.links; });
    if (it == out.end()) it = out.insert(out.end(), {id, 0, t.rate, t.links, t.injection});
    it->gpus += t.totalGpus;
  }
  std::stable_sort(out.begin(), out.end(), [](const GpuLinks& a, const GpuLinks& b) { return a.gpus > b.gpus; });
  return out;
}

// What a site of several NICs does to the links, in the planner's words: a slower NIC runs its
// link below the link rate; GPU types with different numbers of links share one fabric.
void linkNotes(FabricResult& res, double linkRate, bool planesApart) {
  using units::Dimension;
  for (const GpuLinks& l : res.gpuLinks)
    if (l.nicRate < linkRate * (1 - 1e-9))
      res.notes.push_back(
          base::counted(l.gpus, l.gpu + " GPU") + " (" + units::format(l.nicRate, Dimension::DataRate) +
          " NICs) each take a whole " + units::format(linkRate, Dimension::DataRate) +
          " link and run it at their NIC's rate, on modules of that rate at both ends (that the switch's "
          "ports take them is not confirmed in a vendor document; the network plan's nic sets one "
          "rate for every GPU)");
  const auto differs = [&](const GpuLinks& l) { return l.links != res.gpuLinks.front().links; };
  if (planesApart || std::none_of(res.gpuLinks.begin(), res.gpuLinks.end(), differs)) return;
  std::string text;
  for (const GpuLinks& l : res.gpuLinks)
    text += (text.empty() ? "" : ", ") + l.gpu + " " + base::counted(l.links, "link");
  res.notes.push_back("GPU types take different numbers of links (" + text +
                      " per GPU): one fabric, not one per plane; each type's leaf groups have a leaf per NIC port "
                      "of its nodes");
}

}  // namespace

FabricResult analyzeFabric(const design::Layout& layout, const design::NetworkPlan& plan,
                           const catalog::Catalog& catalog) {
  FabricResult res;
  res.topology = plan.topology;
  res.switchModel = plan.switchModel;
  res.rackPod.assign(layout.racks.size(), kNone);
  res.rackRailGroup.assign(layout.racks.size(), kNone);

  // Pass 0: GPUs, the fastest NIC, the racks' bounding box, the dominant rack type.
  TypeCache types(catalog);
  double maxNic = 0, minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
  for (const design::Rack& rack : layout.racks) {
    TypeInfo& t = types.get(rack);
    if (t.gpus <= 0) continue;
    res.gpus += t.gpus;
    t.totalGpus += t.gpus;
    maxNic = std::max(maxNic, t.nicRate);
    minX = std::min(minX, rack.position.x), maxX = std::max(maxX, rack.position.x);
    minY = std::min(minY, rack.position.y), maxY = std::max(maxY, rack.position.y);
  }
  const TypeInfo* dominant = nullptr;
  for (const TypeInfo& t : types.all())
    if (t.totalGpus > 0 && (!dominant || t.totalGpus > dominant->totalGpus)) dominant = &t;
  const double nicRate = plan.nicRate > 0 ? plan.nicRate : maxNic;

  if (res.gpus == 0) {
    res.problem = "no compute racks with GPUs: there is no fabric to build";
    return res;
  }
  if (nicRate <= 0) {
    res.problem = "no NIC rate: set the network plan's nic rate or the rack type's / GPU's nic rate";
    res.collectives = detail::collectiveBandwidths(scaleUpInputs(dominant, res.gpus, 0));
    return res;
  }
  const catalog::Switch* sw = catalog.switchModel(plan.switchModel);
  if (!sw || sw->ports <= 0 || sw->portRate <= 0) {
    res.problem = plan.switchModel.empty()
                      ? "the network plan names no switch model"
                      : "switch model '" + plan.switchModel + "' is not in the catalog or has no ports";
    res.injectionBandwidth = nicRate;
    res.notes.push_back(
        "without a switch model the collective bandwidths assume a non-blocking fabric at the NIC rate");
    res.collectives = detail::collectiveBandwidths(scaleUpInputs(dominant, res.gpus, nicRate));
    return res;
  }

  // Ports, rails, tiers. The fastest NIC (or the plan's) sets the link rate; every GPU type takes
  // as many links as its own NIC needs at that rate (a slower NIC one, run at its own rate).
  const detail::PortSplit split = detail::splitPorts(sw->ports, sw->portRate, nicRate);
  res.radix = split.radix;
  res.breakout = split.breakout;
  res.planes = split.planes;
  res.linkRate = split.linkRate;
  const bool railOpt = plan.topology == design::Topology::RailOptimizedFatTree;
  int rails = 1;
  bool uniformLinks = true;
  for (TypeInfo& t : types.all()) {
    if (t.totalGpus <= 0) continue;
    t.rate = plan.nicRate > 0 ? plan.nicRate : t.nicRate > 0 ? t.nicRate : nicRate;
    t.links = static_cast<int>(std::max<std::int64_t>(1, detail::fuzzyCeil(t.rate / split.linkRate)));
    t.rails = t.gpusPerNode * t.links;
    t.injection = std::min(t.rate, t.links * split.linkRate);
    t.linkRate = std::min(split.linkRate, t.rate / t.links);
    res.endpoints += t.totalGpus * t.links;
    if (railOpt) rails = std::max(rails, t.rails);
    uniformLinks = uniformLinks && t.links == split.planes;
  }
  res.rails = rails;
  res.gpuLinks = gpuLinks(types);
  res.injectionBandwidth = dominant->injection;
  if (split.breakout > 1)
    res.notes.push_back("switch ports (" + std::to_string(sw->ports) + ") split " + std::to_string(split.breakout) +
                        " ways to the NIC rate: " + std::to_string(split.radix) + " logical ports per switch");
  if (split.planes > 1 && uniformLinks)
    res.notes.push_back("the NIC is faster than a switch port: each GPU uses " + std::to_string(split.planes) +
                        " ports");
  linkNotes(res, split.linkRate, uniformLinks || !railOpt);

  detail::SizingInput in;
  in.radix = split.radix;
  // A GPU's planes (NIC faster than a port) are separate fabrics of a rail-optimized design, as
  // NVIDIA's multi-plane SuperPODs build them: each plane is sized on its own share of the ports.
  // GPU types with different numbers of links share one fabric (see linkNotes).
  const int fabricPlanes = railOpt && uniformLinks ? split.planes : 1;
  in.rails = rails / fabricPlanes;
  in.endpoints = res.endpoints / fabricPlanes;
  in.oversubscription = plan.oversubscription;
  in.oversubscriptionAbovePod = plan.oversubscriptionAbovePod;
  in.podEndpoints = plan.podGpus > 0 ? static_cast<std::int64_t>(plan.podGpus) * split.planes / fabricPlanes : 0;
  in.requestedTiers = plan.tiers;
  in.leafSpine = plan.topology == design::Topology::LeafSpine;
  detail::TierPlan tp = detail::planTiers(in);
  if (railOpt && tp.tiers >= 2) {
    // Racks kept whole in leaf groups leave group slots empty: the tiers above reach every slot.
    FabricResult scratch;
    scratch.rackPod.assign(layout.racks.size(), kNone);
    scratch.rackRailGroup.assign(layout.racks.size(), kNone);
    const std::int64_t reserved = groupRacks(layout, types, railOpt, tp.down[1], 0, false, scratch).reserved;
    if (reserved > res.endpoints) {
      in.endpoints = reserved / fabricPlanes;
      tp = detail::planTiers(in);
    }
  }
  res.notes.insert(res.notes.end(), tp.notes.begin(), tp.notes.end());

  // Pass 1: pods and leaf groups.
  Grouping g = groupRacks(layout, types, railOpt, tp.down[1], tp.podEndpoints * fabricPlanes, tp.plannerPods, res);
  if (plan.tiers == 0) fitPodsUnderTop(tp, static_cast<std::int64_t>(g.pods.size()), split.radix);
  const int t = tp.tiers;
  res.tiers = t;
  res.tierStats.resize(t);
  for (int j = 1; j <= t; ++j) res.tierStats[j - 1].tier = j, res.tierStats[j - 1].name = tierName(j);

  // Every tier striped evenly over the one above: pod by pod up to the pod's top, then pooled.
  const bool perPod = g.pods.size() > 1;
  const std::vector<std::vector<Sized>> sized =
      sizePlanes(sizeLeaves(g, railOpt, t, split.radix, tp.over[1]), fabricPlanes, rails, tp, split.radix, perPod,
                 railOpt, res.notes);
  std::int64_t upperSwitches = 0;
  for (int j = 1; j <= t; ++j) {
    Tier& st = res.tierStats[j - 1];
    for (const Sized& s : sized[j]) st.linksDown += s.down, st.linksUp += s.up;
    st.switches = static_cast<std::int64_t>(sized[j].size());
    if (j >= 2) upperSwitches += st.switches;
  }

  // Leaf switches where the plan puts them.
  detail::LeafPlacer placer(layout, plan, res.notes);
  const std::int64_t totalLeaves = res.tierStats[0].switches;
  res.switches.reserve(static_cast<std::size_t>(totalLeaves + upperSwitches));
  std::vector<detail::LeafSite> sites(g.groups.size());
  for (std::size_t gi = 0; gi < g.groups.size(); ++gi) {
    Group& grp = g.groups[gi];
    detail::GroupExtent ext{grp.firstRack, grp.lastRack, {grp.sx / grp.weight, grp.sy / grp.weight}, grp.leaves};
    sites[gi] = placer.place(ext, res.portShortfalls);
    grp.firstSwitch = static_cast<int>(res.switches.size());
    for (int l = 0; l < grp.leaves; ++l) {
      const auto& s = sites[gi];
      res.switches.push_back({1, static_cast<int>(res.switches.size()), static_cast<int>(gi), railOpt ? l : kNone,
                              s.position, s.hall, s.rack, s.feed, s.feedB, sw->power});
    }
  }

  // Cables: GPU → leaf per rack chunk, leaf → tier 2 per leaf, then per upper switch. Modules are
  // counted by what is plugged: a switch cage holds res.linksPerModule links (twin-port OSFP: 2).
  const Vec2 spine = plan.spinePositionSet ? plan.spinePosition : Vec2{(minX + maxX) / 2, (minY + maxY) / 2};
  const double drop = trayDrop(plan);
  const double slack = std::max(0.0, plan.slack);
  const int perModule = std::max(1, split.radix / std::max(1, sw->cages > 0 ? sw->cages : sw->ports));
  res.linksPerModule = perModule;
  detail::CableTally tally(catalog, split.linkRate);
  res.cableRuns.reserve(g.chunks.size() + static_cast<std::size_t>(totalLeaves + upperSwitches));
  auto lay = [&](double length, std::int64_t count, const detail::BundleEnds& ends, int rack, int fromSwitch, int tier,
                 int group = kNone, double rate = 0) {
    const int m = tally.add(length, count, ends, rate);
    if (m >= 0)
      res.cableRuns.push_back(
          {rack, fromSwitch, group, tier, tally.mediumId(m), count, length, tally.transceivers(m, ends), kNone, 0});
    else if (count > 0)
      res.overlongCables.push_back({rack, fromSwitch, tier, length, tally.longestReach(rate), count});
  };
  for (const Chunk& c : g.chunks) {
    // The chunk's links spread over the group's rails: one leaf each per rail it reaches.
    const Group& grp = g.groups[c.group];
    const std::int64_t leaves = std::max<std::int64_t>(1, std::min<std::int64_t>(grp.leaves, c.endpoints));
    const std::int64_t perLeaf = ceilDiv(c.endpoints, leaves);
    // A NIC faster than a switch port splits its one port into planes (ConnectX-8: 800 Gb/s or
    // 2 × 400 Gb/s): one module on the NIC, twin-port, for all its planes' links.
    const detail::BundleEnds ends{c.endpoints, leaves * ceilDiv(perLeaf, perModule), c.endpoints,
                                  ceilDiv(c.endpoints, std::max(1, c.links))};
    lay(detail::routedLength(layout.racks[c.rack].position, sites[c.group].position, drop, slack), c.endpoints, ends,
        c.rack, kNone, 1, c.group, c.rate);
  }
  detail::CoreRoom room(layout, spine, upperSwitches, sw->rackUnits);
  if (upperSwitches > 0) {
    res.coreRoomMin = room.extent().min;
    res.coreRoomMax = room.extent().max;
    res.coreRoomSwitches = upperSwitches;
    res.coreRoomRacks = room.racks();
  }
  // The switches above the leaves stand in the room tier by tier, in sized order, after the leaves
  // in `switches`.
  std::vector<std::int64_t> tierStart(static_cast<std::size_t>(t) + 2, 0);
  for (int j = 2; j <= t; ++j) tierStart[j + 1] = tierStart[j] + static_cast<std::int64_t>(sized[j].size());
  std::vector<Vec2> roomPosition(static_cast<std::size_t>(upperSwitches));
  for (std::int64_t i = 0; i < upperSwitches; ++i) roomPosition[static_cast<std::size_t>(i)] = room.position(i);
  // Switches of one rack share its position (CoreRoom::rackEnd), so a child's links to them are
  // measured once; looked up per parent, kept here.
  std::vector<std::int64_t> rackEnd(static_cast<std::size_t>(upperSwitches));
  for (std::int64_t i = 0; i < upperSwitches; ++i) rackEnd[static_cast<std::size_t>(i)] = room.rackEnd(i);
  const int leafCount = static_cast<int>(res.switches.size());
  // A switch's uplinks spread evenly over its parents, each measured to where that parent stands and
  // tallied at that length (medium and bucket). A module in its cages carries links of one medium:
  // each parent's links take the modules they add to those of their medium so far (and as many at
  // the far ends), so a switch's modules are per medium, as plugged. For the schedule, consecutive
  // parents whose links take the same medium in the same length bucket make one bundle, at their
  // mean length.
  std::vector<std::int64_t> laidByMedium(static_cast<std::size_t>(std::max(0, tally.media())));
  auto layUplinks = [&](Vec2 from, const Sized& s, int tier, int fromSwitch) {
    const std::int64_t n = std::max<std::int64_t>(1, s.parents);
    std::fill(laidByMedium.begin(), laidByMedium.end(), 0);
    CableRun run;
    int runBucket = kNone, runMedium = kNone;
    double runLength = 0;
    detail::BundleEnds runEnds;
    // One bundle: one medium, one length bucket, so tallied once at its mean length (the same
    // medium, bucket and total length as its cables one by one).
    auto flush = [&] {
      if (run.count == 0) return;
      run.length = runLength / static_cast<double>(run.count);
      tally.add(run.length, run.count, runEnds);
      run.transceivers = tally.transceivers(runMedium, runEnds);
      res.cableRuns.push_back(run);
      run.count = 0;
      run.toSwitches = 0;
      runLength = 0;
      runEnds = {};
    };
    // Links to parents k .. e-1: up / n each, one more to the first up % n of them.
    auto linksTo = [&](std::int64_t k, std::int64_t e) {
      const std::int64_t extra = std::max<std::int64_t>(0, std::min(e, s.up % n) - k);
      return (e - k) * (s.up / n) + extra;
    };
    const auto parentsAbove = static_cast<std::int64_t>(sized[tier + 1].size());
    // Medium and bucket of the last length measured hold over (lo, hi): most neighbours fall there.
    int lastMedium = kNone, lastBucket = kNone;
    double lo = 0, hi = 0;
    for (std::int64_t k = 0, e = 1; k < n; k = e) {
      const std::int64_t parent = s.firstParent + k;
      const bool known = parent >= 0 && parent < parentsAbove;
      const std::int64_t at = tierStart[tier + 1] + parent;
      // The parents from k on standing in the same place (one rack of the room: measured once; same
      // tier, within this child's set).
      e = known ? std::min({n, k + rackEnd[static_cast<std::size_t>(at)] - at, k + tierStart[tier + 2] - at}) : k + 1;
      const std::int64_t count = linksTo(k, e);
      if (count == 0) continue;
      const double length =
          detail::routedLength(from, known ? roomPosition[static_cast<std::size_t>(at)] : spine, drop, slack);
      if (!(length > lo + 1e-6 && length < hi - 1e-6)) {
        lastMedium = tally.choose(length);
        lastBucket = lengthBucket(length);
        std::tie(lo, hi) = tally.span(lastMedium, lastBucket);
      }
      const int m = lastMedium;
      std::int64_t modules = 0;
      if (m >= 0) {
        std::int64_t& before = laidByMedium[static_cast<std::size_t>(m)];
        modules = ceilDiv(before + count, perModule) - ceilDiv(before, perModule);
        before += count;
      }
      const detail::BundleEnds ends{2 * count, 2 * modules, 0, 0};
      if (m < 0) {
        lay(length, count, ends, kNone, fromSwitch, tier + 1);  // overlong: listed as such
        continue;
      }
      const int bucket = lastBucket;
      const int to = known ? leafCount + static_cast<int>(at) : kNone;
      const bool joins = run.count > 0 && m == runMedium && bucket == runBucket && to != kNone &&
                         run.toSwitch != kNone && to == run.toSwitch + run.toSwitches;  // consecutive switches
      if (!joins) {
        flush();
        run.fromSwitch = fromSwitch;
        run.toTier = tier + 1;
        run.medium = tally.mediumId(m);
        run.toSwitch = to;
        runBucket = bucket;
        runMedium = m;
      }
      run.count += count;
      runLength += length * static_cast<double>(count);
      runEnds.switchEnds += ends.switchEnds;
      runEnds.switchModules += ends.switchModules;
      run.toSwitches += known ? static_cast<int>(e - k) : 0;
    }
    flush();
  };
  if (t >= 2)
    for (std::size_t gi = 0; gi < g.groups.size(); ++gi) {
      const Group& grp = g.groups[gi];
      for (int l = 0; l < grp.leaves; ++l)
        layUplinks(sites[gi].position, sized[1][grp.firstLeaf + l], 1, grp.firstSwitch + l);
    }

  std::int64_t roomIndex = 0;
  for (int j = 2; j <= t; ++j) {
    int index = 0;
    for (const Sized& s : sized[j]) {
      const Vec2 pos = roomPosition[static_cast<std::size_t>(roomIndex++)];
      const int idx = static_cast<int>(res.switches.size());
      // Fed where network.core_feeds says (A and B), else drawn at the sources (engine::placeNetworkLoads).
      res.switches.push_back(
          {j, index++, s.pod, kNone, pos, room.hall(), kNone, layout.coreFeedA, layout.coreFeedB, sw->power});
      if (j < t) layUplinks(pos, s, j, idx);
    }
  }
  tally.finish(res);

  // Tier statistics, ports, bisection.
  std::int64_t narrowest = res.endpoints;
  int narrowestTier = 0;
  for (Tier& st : res.tierStats) {
    st.portsUsed = st.linksDown + st.linksUp;
    st.portsFree = std::max<std::int64_t>(0, st.switches * split.radix - st.portsUsed);
    st.oversubscription = st.linksUp > 0 ? static_cast<double>(st.linksDown) / static_cast<double>(st.linksUp) : 1;
    if (st.tier < t && st.linksUp < narrowest) {
      narrowest = st.linksUp;
      narrowestTier = st.tier;
    }
    res.totalSwitches += st.switches;
  }
  // Half the narrowest tier's links cross the worst cut, and never more than half of what the
  // GPUs inject: a 400 Gb/s NIC on an 800 Gb/s link fills half of it.
  double injected = 0;
  for (const GpuLinks& l : res.gpuLinks) injected += static_cast<double>(l.gpus) * l.injection;
  const double links = static_cast<double>(narrowest) * split.linkRate;
  res.bisectionBandwidth = (injected > 0 ? std::min(links, injected) : links) / 2;
  res.bisectionTier = injected > 0 && injected <= links ? 0 : narrowestTier;
  res.maxHops = 2 * t - 1;
  res.switchPower = static_cast<double>(res.totalSwitches) * sw->power;
  res.pods = static_cast<int>(g.pods.size());
  for (const Pod& p : g.pods) res.podGpus = std::max<int>(res.podGpus, static_cast<int>(p.gpus));
  res.leafGroups = static_cast<int>(g.groups.size());
  const int gpusPerNode = dominant ? dominant->gpusPerNode : 1;
  // A full rail-optimized group holds the whole racks that fit (see groupRacks).
  const int rackNodes = dominant ? dominant->nodes : 0;
  const int groupNodes = rackNodes > 0 && rackNodes <= tp.down[1] ? tp.down[1] / rackNodes * rackNodes : tp.down[1];
  res.leafGroupGpus = railOpt ? groupNodes * gpusPerNode : std::max(1, tp.down[1] / (dominant ? dominant->links : 1));
  checkPorts(res, tp, g, totalLeaves, fabricPlanes);

  // Collectives.
  detail::CollectiveInputs ci = scaleUpInputs(dominant, res.gpus, res.injectionBandwidth);
  ci.leafGroupGpus = res.leafGroupGpus;
  ci.podGpus = res.pods > 1 ? res.podGpus : res.gpus;
  const int podTiers = res.pods > 1 ? tp.podTiers : t;
  for (const Tier& st : res.tierStats) {
    if (st.tier >= t) continue;
    if (st.tier < podTiers) ci.podOversubscription *= st.oversubscription;
    ci.siteOversubscription *= st.oversubscription;
  }
  ci.podTiers = podTiers;
  ci.tiers = t;
  res.collectives = detail::collectiveBandwidths(ci);
  return res;
}

}  // namespace gigaplan::fabric
