// heatOrder: Kahn's algorithm over rejects_to.
#include "core/cooling/heat_order.h"

namespace gigaplan::cooling {

std::vector<int> heatOrder(const design::Layout& layout, std::vector<int>& indegree) {
  const int n = static_cast<int>(layout.cooling.size());
  auto valid = [n](int u) { return u >= 0 && u < n; };
  indegree.assign(n, 0);
  for (const auto& u : layout.cooling)
    for (int s : u.rejectsTo)
      if (valid(s)) ++indegree[s];
  std::vector<int> pending = indegree, order;
  order.reserve(n);
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0) order.push_back(i);
  for (std::size_t h = 0; h < order.size(); ++h)
    for (int s : layout.cooling[order[h]].rejectsTo)
      if (valid(s) && --pending[s] == 0) order.push_back(s);
  return order;
}

}  // namespace gigaplan::cooling
