// Load flow through the power chain: rack, cooling and network loads pushed from the leaves up to
// the sources, each node drawing out / efficiency from its parents, the efficiency read off the
// gear's published curve at the node's load (PowerGraph::input), the draw split among parallel
// parents by their capacities (PowerGraph::share).
// Pure arithmetic, one pass in children-first order. The balance
//   it + cooling + network + losses == sourceDraw + stranded
// holds by construction (tests assert it); `stranded` is zero in a design where every node is fed.
//
//   power::PowerDemand d;
//   d.rackLoad = itPerRack;                       // W; d.rack(r) = rackLoad[r] + rackNetwork[r]
//   power::PowerFlow f = power::flowLoads(layout, graph, d);
#pragma once

#include <vector>

#include "core/design/layout.h"
#include "core/power/power_graph.h"

namespace gigaplan::power {

struct PowerDemand {
  std::vector<double> rackLoad;     // W of IT per layout rack; split evenly between feed A and feed B
  std::vector<double> rackNetwork;  // W of network gear per layout rack (network racks; may be empty)
  double rack(std::size_t r) const {
    return (r < rackLoad.size() ? rackLoad[r] : 0.0) + (r < rackNetwork.size() ? rackNetwork[r] : 0.0);
  }
  std::vector<double> nodeCooling;  // W per power node: pumps, fans and chillers it feeds (may be empty)
  std::vector<double> nodeNetwork;  // W per power node: switches and optics it feeds (may be empty)
  double facilityCooling = 0;       // W of cooling gear with no feeding node: drawn at the sources
  double facilityNetwork = 0;       // W of network gear with no feeding node: drawn at the sources
  // W per cooling unit (indexed like Layout::cooling; may be empty): already in nodeCooling, split
  // over the unit's feeds; the failover check moves a unit's whole draw to its surviving feeds.
  std::vector<double> unitCooling;
  // Network gear with two supplies on two nodes (a switch beside a row, on the row's A and B
  // feeds): already in nodeNetwork, half on each; the failover check moves its whole draw to the
  // surviving feed, as it does a rack's.
  struct TwoFed {
    int feeds[2] = {design::kNone, design::kNone};
    double watts = 0;
  };
  std::vector<TwoFed> networkTwoFed;
};

struct PowerFlow {
  std::vector<double> out;          // W each node delivers (children + its direct loads)
  std::vector<double> in;           // W each node draws = out / efficiency
  double it = 0;                    // W of rack IT load reaching a feed
  double cooling = 0, network = 0;  // W of cooling and network load reaching a node or the sources
  double losses = 0;                // W, sum of in − out over the chain
  double sourceDraw = 0;            // W drawn from source nodes (grid, generators, batteries)
  double batteryDraw = 0;           // W of sourceDraw coming from batteries (steady state: should be 0)
  double stranded = 0;              // W reaching a node with no source above it (not fed, cycle)
  double unfed = 0;                 // W of racks with neither feed (in neither `it` nor `network`)
};

PowerFlow flowLoads(const design::Layout& layout, const PowerGraph& graph, const PowerDemand& demand);

}  // namespace gigaplan::power
