// The power chain as a graph the power and reliability analyses walk: an order with every parent
// before its children, the parents that carry each node's steady-state draw, efficiencies and
// real-power capacities. Built once per evaluation from the Layout.
//
//   power::PowerGraph g = power::buildPowerGraph(layout, design.site.powerFactor);
//   for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) { /* children first */ }
#pragma once

#include <span>
#include <string>
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
  std::vector<int> order;                       // parents before children; nodes in or below a cycle are absent
  std::vector<int> rank;                        // position of each node in `order`, kNone when absent
  Adjacency supply;                             // parents that carry the node's draw, without duplicates
  Adjacency children;                           // nodes listing this one in fedBy
  std::vector<double> efficiency;               // out / in at rated load; 1 for grid, generators and batteries
  std::vector<const catalog::PowerGear*> gear;  // catalog entry with its efficiency curve (nullptr: flat `efficiency`)
  std::vector<double> capacity;                 // W of real power the node may carry continuously; 0 = unrated
  std::vector<char> source;                     // grid, generator or battery with no parent
  // A node is "caught" when one of its parents declares N+1 for its children and it has a sibling
  // there: its failure moves its load to those siblings instead of cutting its subtree.
  std::vector<int> catcher;  // that parent, kNone when the node is not caught
  // A bank of units (units ≥ 2) whose remaining units carry its peak load with one unit out: a
  // single failure there stops nothing (see markSparedBanks). All 0 until marked.
  std::vector<char> spared;

  /// W the node draws from its parents to deliver `out`: out / efficiency at out / capacity.
  double input(int node, double out) const;
  /// The fraction of a node's draw that `parent` carries among `parents`: in proportion to their
  /// capacities (parallel gear shares load by rating), evenly when any of them is unrated.
  double share(int parent, std::span<const int> parents) const;
};

/// Grid connections, generators and batteries: where power enters the site.
bool isSourceKind(design::PowerKind kind);

/// Substations and transformers are rated in apparent power (MVA); their real-power capacity is
/// rating × power factor. Other gear is rated in W (UPS kW, busway and PDU continuous kW).
bool isApparentPowerRated(design::PowerKind kind);

/// The power factor a node's rating is stated at: 1 for apparent-power ratings (MVA), the catalog's
/// rating_power_factor for gear limited by its current (an 800 A busway's 546 kW at pf 0.95), 0 for
/// gear rated in real power (UPS, generators, grid connections).
double ratingPowerFactor(const design::PowerNode& node);

/// The real power a node carries at the site's power factor `pf`: rating × pf / ratingPowerFactor
/// (the current limit holds whatever the power factor), the rating itself when rated in real power.
/// The one home of the rule: the power graph's capacities and every view of them.
double realPowerCapacity(const design::PowerNode& node, double pf);

/// A rating as a planner reads it: "1.5 MW", in apparent power for substations and transformers
/// ("3 MVA"), with the power factor it is stated at for gear limited by its current ("546 kW at pf
/// 0.95"); "unrated" when zero. The node form gives a node's own rating.
std::string ratingText(double watts, bool apparentPower, double statedPowerFactor);
std::string ratingText(const design::PowerNode& node);

/// Batteries carry steady-state load only when a node has no other parent: they bridge outages,
/// they do not share the daily load (an approximation; peak shaving is not modelled).
/// A node's draw is split among its supply parents by their capacities (see PowerGraph::share).
PowerGraph buildPowerGraph(const design::Layout& layout, double powerFactor);

/// Marks the banks whose units keep the load with one unit out, from the peak load each node
/// delivers (`peakOut`, W per node): out ≤ capacity × (units − 1) / units. Fail one unit of such a
/// bank and nothing stops; a bank without that spare trips on its remaining units, so its failure
/// is the whole node's, as for a single unit.
void markSparedBanks(const design::Layout& layout, const std::vector<double>& peakOut, PowerGraph& graph);

}  // namespace gigaplan::power
