// Builds the PowerGraph: supply parents, children, a parents-first order (Kahn), efficiencies,
// capacities and N+1 catchers.
#include "core/power/power_graph.h"

#include <algorithm>
#include <cmath>

#include "core/units/units.h"

namespace gigaplan::power {

using design::kNone;
using design::PowerKind;

bool isSourceKind(PowerKind kind) {
  return kind == PowerKind::Grid || kind == PowerKind::Generator || kind == PowerKind::Battery;
}

bool isApparentPowerRated(PowerKind kind) {
  return kind == PowerKind::Substation || kind == PowerKind::Transformer;
}

double ratingPowerFactor(const design::PowerNode& node) {
  if (isApparentPowerRated(node.kind)) return 1.0;
  return node.spec && node.spec->ratingPowerFactor > 0 ? node.spec->ratingPowerFactor : 0.0;
}

double realPowerCapacity(const design::PowerNode& node, double pf) {
  const double stated = ratingPowerFactor(node);
  const double site = pf > 0 && pf <= 1 ? pf : 1.0;
  return std::max(0.0, node.rating) * (stated > 0 ? site / stated : 1.0);
}

std::string ratingText(double watts, bool apparentPower, double statedPowerFactor) {
  if (!std::isfinite(watts)) return "n/a";
  if (watts <= 0) return "unrated";
  std::string s = units::format(watts, units::Dimension::Power);
  if (apparentPower && s.size() > 1 && s.back() == 'W') s = s.substr(0, s.size() - 1) + "VA";  // "3 MW" → "3 MVA"
  if (!apparentPower && statedPowerFactor > 0) s += " at pf " + units::shortest(statedPowerFactor);
  return s;
}

std::string ratingText(const design::PowerNode& node) {
  return ratingText(node.rating, isApparentPowerRated(node.kind), ratingPowerFactor(node));
}

namespace {

// Parents-first order by Kahn's algorithm; nodes on or below a cycle never reach in-degree 0.
void orderParentsFirst(std::vector<int> pending, PowerGraph& g) {
  const int n = static_cast<int>(pending.size());
  g.order.reserve(n);
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0) g.order.push_back(i);
  for (std::size_t head = 0; head < g.order.size(); ++head)
    for (int c : g.children[g.order[head]])
      if (--pending[c] == 0) g.order.push_back(c);
  g.rank.assign(n, kNone);
  for (int r = 0; r < static_cast<int>(g.order.size()); ++r) g.rank[g.order[r]] = r;
}

}  // namespace

PowerGraph buildPowerGraph(const design::Layout& layout, double powerFactor) {
  const int n = static_cast<int>(layout.power.size());
  PowerGraph g;
  g.efficiency.assign(n, 1.0);
  g.capacity.assign(n, 0.0);
  g.source.assign(n, 0);
  g.catcher.assign(n, kNone);
  g.gear.assign(n, nullptr);
  g.spared.assign(n, 0);
  auto battery = [&](int p) { return layout.power[p].kind == PowerKind::Battery; };

  // Distinct valid parents of every node, flat; then supply (batteries dropped unless they are all
  // there is) and children (by counting).
  std::vector<int> begin(n + 1, 0), parents, childCount(n + 1, 0);
  parents.reserve(static_cast<std::size_t>(n) * 2);
  for (int i = 0; i < n; ++i) {
    const std::size_t first = parents.size();
    for (int p : layout.power[i].fedBy)
      if (p >= 0 && p < n && p != i && std::find(parents.begin() + first, parents.end(), p) == parents.end()) {
        parents.push_back(p);
        ++childCount[p + 1];
      }
    begin[i + 1] = static_cast<int>(parents.size());
  }
  g.supply.reserve(n, parents.size());
  std::vector<int> pending(n), steady;
  for (int i = 0; i < n; ++i) {
    const std::span<const int> all(parents.data() + begin[i], static_cast<std::size_t>(begin[i + 1] - begin[i]));
    pending[i] = static_cast<int>(all.size());
    g.source[i] = all.empty() && isSourceKind(layout.power[i].kind);
    if (std::any_of(all.begin(), all.end(), battery) && !std::all_of(all.begin(), all.end(), battery)) {
      steady.clear();
      for (int p : all)
        if (!battery(p)) steady.push_back(p);
      g.supply.add(steady);
    } else {
      g.supply.add(all);
    }
    const design::PowerNode& node = layout.power[i];
    if (node.spec && !isSourceKind(node.kind) && node.spec->efficiency > 0 && node.spec->efficiency <= 1)
      g.efficiency[i] = node.spec->efficiency;
    if (node.spec && !isSourceKind(node.kind) && node.spec->efficiencyCurve.size() >= 2) g.gear[i] = node.spec;
    g.capacity[i] = realPowerCapacity(node, powerFactor);
  }
  for (int i = 0; i < n; ++i) childCount[i + 1] += childCount[i];
  std::vector<int> children(parents.size()), fill(childCount.begin(), childCount.end() - 1);
  for (int i = 0; i < n; ++i)
    for (int k = begin[i]; k < begin[i + 1]; ++k) children[fill[parents[k]]++] = i;
  g.children.reserve(n, children.size());
  for (int i = 0; i < n; ++i)
    g.children.add(std::span<const int>(children.data() + childCount[i],
                                        static_cast<std::size_t>(childCount[i + 1] - childCount[i])));

  for (int i = 0; i < n; ++i)
    for (int k = begin[i]; k < begin[i + 1]; ++k) {
      const int p = parents[k];
      if (layout.power[p].redundancy == design::Redundancy::NPlus1 && g.children[p].size() >= 2) {
        g.catcher[i] = p;
        break;
      }
    }
  orderParentsFirst(std::move(pending), g);
  return g;
}

double PowerGraph::input(int node, double out) const {
  if (out <= 0) return out / efficiency[node];
  const catalog::PowerGear* spec = gear[node];
  const double eff = spec && capacity[node] > 0 ? spec->efficiencyAt(out / capacity[node]) : efficiency[node];
  return out / eff;
}

double PowerGraph::share(int parent, std::span<const int> parents) const {
  double total = 0;
  for (int p : parents) {
    if (capacity[p] <= 0) return 1.0 / static_cast<double>(parents.size());
    total += capacity[p];
  }
  return capacity[parent] / total;
}

void markSparedBanks(const design::Layout& layout, const std::vector<double>& peakOut, PowerGraph& g) {
  for (std::size_t i = 0; i < layout.power.size() && i < peakOut.size(); ++i) {
    const design::PowerNode& n = layout.power[i];
    g.spared[i] = !isSourceKind(n.kind) && n.units >= 2 && g.capacity[i] > 0 &&
                  peakOut[i] <= design::capacityWithOneUnitOut(g.capacity[i], n.units) * (1 + 1e-9);
  }
}

}  // namespace gigaplan::power
