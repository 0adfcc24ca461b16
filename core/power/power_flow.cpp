// flowLoads: leaves-to-sources accumulation of the power chain's loads and losses.
#include "core/power/power_flow.h"

namespace gigaplan::power {

using design::kNone;

namespace {

// Loads with no feeding node (facility-level cooling, network gear without a place) are taken at
// the sources that feed the site: the grid connections and generators with something below them
// (batteries if nothing else; every source when none feeds anything), shared by their ratings as
// parallel gear is (PowerGraph::share). A standby generator wired to nothing carries none of it.
std::vector<int> facilitySources(const design::Layout& layout, const PowerGraph& g) {
  std::vector<int> primary, batteries, idle;
  for (int i = 0; i < static_cast<int>(g.source.size()); ++i) {
    if (!g.source[i]) continue;
    if (g.children[i].empty())
      idle.push_back(i);
    else
      (layout.power[i].kind == design::PowerKind::Battery ? batteries : primary).push_back(i);
  }
  return !primary.empty() ? primary : !batteries.empty() ? batteries : idle;
}

}  // namespace

PowerFlow flowLoads(const design::Layout& layout, const PowerGraph& g, const PowerDemand& d) {
  const int n = static_cast<int>(layout.power.size());
  PowerFlow f;
  f.out.assign(n, 0.0);
  f.in.assign(n, 0.0);
  auto valid = [n](int i) { return i >= 0 && i < n; };

  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    const double load = d.rack(r);
    const bool a = valid(rack.feedA), b = valid(rack.feedB) && rack.feedB != rack.feedA;
    if (a && b) {
      f.out[rack.feedA] += load / 2;
      f.out[rack.feedB] += load / 2;
    } else if (a || b) {
      f.out[a ? rack.feedA : rack.feedB] += load;
    } else {
      f.unfed += load;
      continue;
    }
    const double network = r < d.rackNetwork.size() ? d.rackNetwork[r] : 0.0;
    f.network += network;
    f.it += load - network;
  }
  for (int i = 0; i < n; ++i) {
    const double c = i < static_cast<int>(d.nodeCooling.size()) ? d.nodeCooling[i] : 0.0;
    const double w = i < static_cast<int>(d.nodeNetwork.size()) ? d.nodeNetwork[i] : 0.0;
    f.out[i] += c + w;
    f.cooling += c;
    f.network += w;
  }
  const std::vector<int> sources = facilitySources(layout, g);
  const double facility = d.facilityCooling + d.facilityNetwork;
  f.cooling += d.facilityCooling;
  f.network += d.facilityNetwork;
  if (sources.empty()) {
    f.stranded += facility;
  } else {
    for (int s : sources) f.out[s] += facility * g.share(s, sources);
  }

  // Children first: by the time a node is reached, every child has added its share to `out`.
  for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
    const int node = *it;
    f.in[node] = g.input(node, f.out[node]);
    f.losses += f.in[node] - f.out[node];
    const auto parents = g.supply[node];
    if (parents.empty()) {
      if (g.source[node]) {
        f.sourceDraw += f.in[node];
        if (layout.power[node].kind == design::PowerKind::Battery) f.batteryDraw += f.in[node];
      } else {
        f.stranded += f.in[node];
      }
      continue;
    }
    for (int p : parents) f.out[p] += f.in[node] * g.share(p, parents);
  }
  // Nodes in or below a cycle were never ordered: whatever reached them stops there.
  for (int i = 0; i < n; ++i)
    if (g.rank[i] == kNone) f.stranded += f.out[i];
  return f;
}

}  // namespace gigaplan::power
