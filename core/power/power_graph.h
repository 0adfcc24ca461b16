// The power chain as a graph the power and reliability analyses walk: an order with every parent
// before its children, the parents that carry each node's steady-state draw, efficiencies and
// real-power capacities. Built once per evaluation from the Layout.
//
//   power::PowerGraph g = power::buildPowerGraph(layout, design.site.powerFactor);
//   for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) { /* children first */ }
#pragma once

#include <span>
#include <vector>

#include "core/design/layout.h"

namespace gigaplan::power {

/// A list of node indices per node, stored flat (two allocations for the whole graph).
class Adjacency {
 public:
  std::span<const int> operator[](int node) const {
    return {items_.data() + begin_[node], static_cast<std::size_t>(begin_[node + 1] - begin_[node])};
  }
  /// Builds from per-node lists produced in node order: call add() for node 0, 1, … in turn.
  void reserve(std::size_t nodes, std::size_t items) {
    begin_.reserve(nodes + 1);
    items_.reserve(items);
    if (begin_.empty()) begin_.push_back(0);
  }
  void add(std::span<const int> list) {
    items_.insert(items_.end(), list.begin(), list.end());
    begin_.push_back(static_cast<int>(items_.size()));
  }

 private:
  std::vector<int> begin_{0}, items_;
};

struct PowerGraph {
  std::vector<int> order;                  // parents before children; nodes in or below a cycle are absent
  std::vector<int> rank;                   // position of each node in `order`, kNone when absent
  Adjacency supply;                        // parents that carry the node's draw, without duplicates
  Adjacency children;                      // nodes listing this one in fedBy
  std::vector<double> efficiency;          // out / in; 1 for grid, generators and batteries
  std::vector<double> capacity;            // W of real power the node may carry continuously; 0 = unrated
  std::vector<char> source;                // grid, generator or battery with no parent
  // A node is "caught" when one of its parents declares N+1 for its children and it has a sibling
  // there: its failure moves its load to those siblings instead of cutting its subtree.
  std::vector<int> catcher;                // that parent, kNone when the node is not caught
};

/// Grid connections, generators and batteries: where power enters the site.
bool isSourceKind(design::PowerKind kind);

/// Substations and transformers are rated in apparent power (MVA); their real-power capacity is
/// rating × power factor. Other gear is rated in W (UPS kW, busway and PDU continuous kW).
bool isApparentPowerRated(design::PowerKind kind);

/// Batteries carry steady-state load only when a node has no other parent: they bridge outages,
/// they do not share the daily load (an approximation; peak shaving is not modelled).
/// A node's draw is split evenly among its supply parents.
PowerGraph buildPowerGraph(const design::Layout& layout, double powerFactor);

}  // namespace gigaplan::power
