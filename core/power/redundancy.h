// Failover check: fail each busway, UPS and transformer — and every node whose parent declares
// N+1 or 2N — one at a time, move the load that has somewhere to go, and check the survivors stay
// within their continuous rating. Where load goes:
//   - a rack fed A and B, or a cooling unit with several feeds, moves its whole draw to the feeds
//     that still have supply (split evenly among them); a node with several parents likewise,
//     split among the live parents by their capacities;
//   - a node whose parent declares N+1 hands its load to its siblings under that parent;
//   - a bank of units (units ≥ 2) also loses one unit: when the other units carry its peak load
//     (PowerGraph::spared) nothing moves and the node's own worst utilisation is load / (capacity
//     with one unit out); the whole node failing (a 2N side losing its UPS system) is checked too,
//     so pass dominators built before markSparedBanks, where every node cuts its own subtree;
//   - loads with nowhere to go are lost (that is a failure domain, not a redundancy finding).
// A node's draw after a transfer is read off its efficiency curve at its new load.
// Each failure touches only the nodes that receive load and their ancestors (processed once each,
// children first), so the whole check costs about (racks + nodes) × chain depth, not nodes².
// Approximation: loads cut by a failure (racks that stop) are not subtracted from the cooling gear
// they feed through other nodes; that errs towards reporting an overload.
//
//   power::FailoverResult r = power::checkFailover(layout, graph, dominators, peakFlow, peakDemand);
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/design/layout.h"
#include "core/power/power_flow.h"
#include "core/power/power_graph.h"
#include "core/power/supply_paths.h"

namespace gigaplan::power {

struct FailoverResult {
  std::vector<double> worstUtilisation;   // per node: highest out / capacity with any one checked node failed,
                                          // never below its normal peak utilisation
  std::vector<int> worstFailure;          // the failed node behind worstUtilisation (kNone: never raised)
  std::vector<engine::Finding> findings;  // power.redundancy-lost, one per failure that overloads a survivor
  int failuresChecked = 0;
};

/// True for the nodes the check fails: busways, UPS, transformers, children of N+1 / 2N parents.
bool isCheckedForFailover(const design::Layout& layout, int node);

FailoverResult checkFailover(const design::Layout& layout, const PowerGraph& graph, const SupplyDominators& dominators,
                             const PowerFlow& peak, const PowerDemand& peakDemand);

}  // namespace gigaplan::power
