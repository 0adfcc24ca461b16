// SupplyDominators: dominator sets of the supply graph, built parents first.
#include "core/power/supply_paths.h"

#include <algorithm>

namespace gigaplan::power {

void intersectSorted(std::span<const int> a, std::span<const int> b, std::vector<int>& out) {
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
}

SupplyDominators::SupplyDominators(const PowerGraph& graph) {
  const int n = static_cast<int>(graph.rank.size());
  begin_.assign(n, 0);
  size_.assign(n, 0);
  ids_.reserve(static_cast<std::size_t>(n) * 6);
  std::vector<int> common, next;
  auto store = [&](int node, const std::vector<int>& set) {
    begin_[node] = static_cast<int>(ids_.size());
    size_[node] = static_cast<int>(set.size());
    ids_.insert(ids_.end(), set.begin(), set.end());
  };
  // Nodes in or below a cycle are cut only by themselves (they are reported as not fed anyway).
  std::vector<char> done(n, 0);
  for (int node : graph.order) {
    common.clear();
    const auto parents = graph.supply[node];
    if (!parents.empty()) {
      auto first = of(parents[0]);
      common.assign(first.begin(), first.end());
      for (std::size_t k = 1; k < parents.size() && !common.empty(); ++k) {
        next.clear();
        intersectSorted(common, of(parents[k]), next);
        common.swap(next);
      }
    }
    const bool spared = node < static_cast<int>(graph.spared.size()) && graph.spared[node];
    if (graph.catcher[node] == design::kNone && !spared)
      common.insert(std::lower_bound(common.begin(), common.end(), node), node);
    store(node, common);
    done[node] = 1;
  }
  for (int node = 0; node < n; ++node)
    if (!done[node]) store(node, std::vector<int>{node});
}

bool SupplyDominators::cuts(int failed, int node) const {
  auto set = of(node);
  return std::binary_search(set.begin(), set.end(), failed);
}

}  // namespace gigaplan::power
