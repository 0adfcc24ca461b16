// Which single failures cut a node's supply: for every power node, the set of nodes that lie on
// every path from it up to a source (its dominators in the supply graph, itself included). A node
// caught by N+1 siblings is left out of its own set and its descendants' sets, because its load
// moves to the siblings; so is a spared bank (PowerGraph::spared), because one of its units failing
// leaves the others carrying the load. Used by the failover check and the failure domains.
//
// Cost: one pass in parents-first order, intersecting the parents' sorted sets — linear in nodes
// × chain depth for tree-like power chains (the usual case: depth ≤ ~8). A mesh where every node
// feeds every other would make the sets long; real power chains are not like that.
//
//   power::SupplyDominators dom(graph);
//   bool lost = dom.cuts(upsIndex, buswayIndex);   // does losing the UPS cut the busway?
#pragma once

#include <span>
#include <vector>

#include "core/power/power_graph.h"

namespace gigaplan::power {

class SupplyDominators {
 public:
  explicit SupplyDominators(const PowerGraph& graph);

  /// Sorted indices of the nodes whose single failure cuts `node` (including `node` unless caught).
  std::span<const int> of(int node) const {
    return {ids_.data() + begin_[node], static_cast<std::size_t>(size_[node])};
  }
  bool cuts(int failed, int node) const;

 private:
  std::vector<int> begin_, size_;
  std::vector<int> ids_;
};

/// Sorted intersection of two sorted index lists, appended to `out`.
void intersectSorted(std::span<const int> a, std::span<const int> b, std::vector<int>& out);

}  // namespace gigaplan::power
