// Builds the PowerGraph: supply parents, children, a parents-first order (Kahn), efficiencies,
// capacities and N+1 catchers.
#include "core/power/power_graph.h"

#include <algorithm>

namespace gigaplan::power {

using design::kNone;
using design::PowerKind;

bool isSourceKind(PowerKind kind) {
  return kind == PowerKind::Grid || kind == PowerKind::Generator || kind == PowerKind::Battery;
}

bool isApparentPowerRated(PowerKind kind) {
  return kind == PowerKind::Substation || kind == PowerKind::Transformer;
}

namespace {

std::vector<int> distinctParents(const design::PowerNode& node, int self, int count) {
  std::vector<int> parents;
  parents.reserve(node.fedBy.size());
  for (int p : node.fedBy)
    if (p >= 0 && p < count && p != self && std::find(parents.begin(), parents.end(), p) == parents.end())
      parents.push_back(p);
  return parents;
}

// Parents-first order by Kahn's algorithm; nodes on or below a cycle never reach in-degree 0.
void orderParentsFirst(const std::vector<std::vector<int>>& parents, PowerGraph& g) {
  const int n = static_cast<int>(parents.size());
  std::vector<int> pending(n);
  for (int i = 0; i < n; ++i) pending[i] = static_cast<int>(parents[i].size());
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
  g.supply.resize(n);
  g.children.resize(n);
  g.efficiency.assign(n, 1.0);
  g.capacity.assign(n, 0.0);
  g.source.assign(n, 0);
  g.catcher.assign(n, kNone);
  const double pf = powerFactor > 0 && powerFactor <= 1 ? powerFactor : 1.0;

  std::vector<std::vector<int>> parents(n);
  for (int i = 0; i < n; ++i) {
    const design::PowerNode& node = layout.power[i];
    parents[i] = distinctParents(node, i, n);
    for (int p : parents[i]) g.children[p].push_back(i);
    std::vector<int> steady;
    for (int p : parents[i])
      if (layout.power[p].kind != PowerKind::Battery) steady.push_back(p);
    g.supply[i] = steady.empty() ? parents[i] : std::move(steady);
    g.source[i] = parents[i].empty() && isSourceKind(node.kind);
    if (node.spec && !isSourceKind(node.kind) && node.spec->efficiency > 0 && node.spec->efficiency <= 1)
      g.efficiency[i] = node.spec->efficiency;
    g.capacity[i] = std::max(0.0, node.rating) * (isApparentPowerRated(node.kind) ? pf : 1.0);
  }
  for (int i = 0; i < n; ++i)
    for (int p : parents[i])
      if (layout.power[p].redundancy == design::Redundancy::NPlus1 && g.children[p].size() >= 2) {
        g.catcher[i] = p;
        break;
      }
  orderParentsFirst(parents, g);
  return g;
}

}  // namespace gigaplan::power
