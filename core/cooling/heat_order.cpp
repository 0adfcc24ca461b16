// coolingTopology: Kahn's algorithm over rejects_to, and a union-find for the loops.
#include "core/cooling/heat_order.h"

#include <numeric>

#include "core/fabric/placement.h"

namespace gigaplan::cooling {

namespace {

int findRoot(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

CoolingTopology coolingTopology(const design::Layout& layout) {
  const int n = static_cast<int>(layout.cooling.size());
  auto valid = [n](int u) { return u >= 0 && u < n; };
  CoolingTopology t;
  t.indegree.assign(n, 0);
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (int i = 0; i < n; ++i)
    for (int s : layout.cooling[i].rejectsTo)
      if (valid(s)) {
        ++t.indegree[s];
        parent[findRoot(parent, i)] = findRoot(parent, s);
      }
  std::vector<int> pending = t.indegree;
  t.order.reserve(n);
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0) t.order.push_back(i);
  for (std::size_t h = 0; h < t.order.size(); ++h)
    for (int s : layout.cooling[t.order[h]].rejectsTo)
      if (valid(s) && --pending[s] == 0) t.order.push_back(s);
  std::vector<int> id(n, design::kNone);
  t.loop.assign(n, design::kNone);
  for (int i = 0; i < n; ++i) {
    const int r = findRoot(parent, i);
    if (id[r] == design::kNone) id[r] = t.loops++;
    t.loop[i] = id[r];
  }
  // Halls by footprint: the same test the fabric uses to put a switch in a hall.
  const int halls = static_cast<int>(layout.halls.size());
  t.hallAirHandlers.assign(halls, {});
  for (int i = 0; i < n; ++i) {
    const design::CoolingUnit& u = layout.cooling[i];
    if (u.kind != design::CoolingKind::AirHandler) continue;
    const int h = u.hall >= 0 && u.hall < halls ? u.hall : fabric::detail::hallAt(layout, u.position);
    if (h >= 0 && h < halls) t.hallAirHandlers[h].push_back(i);
  }
  t.nodeHall.reserve(layout.power.size());
  for (const design::PowerNode& node : layout.power)
    t.nodeHall.push_back(fabric::detail::hallAt(layout, node.position));
  return t;
}

}  // namespace gigaplan::cooling
