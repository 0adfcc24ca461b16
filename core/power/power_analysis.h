// The power analysis of a layout: load flow at design (nominal) load for energy and PUE, load
// flow at peak load for capacity checks, the failover check, sources and batteries. Findings:
//   power.overload          a node's peak load exceeds its continuous rating          (error)
//   power.not-fed           a rack with no feed, or a node with no source above it    (error)
//   power.cycle             a node on or below a loop in the fedBy graph              (error)
//   power.source-short      peak facility draw exceeds grid + generation              (error)
//   power.redundancy-lost   a single failure overloads a survivor (see redundancy.h)  (error)
//   power.battery-load      batteries carry steady-state load (nothing else feeds it) (warning)
//   power.ride-through-short battery energy lasts less than kRideThroughTarget at peak draw (warning)
//   power.battery-power-short batteries cannot discharge at the facility's peak draw   (warning)
//   power.ride-through-unstated UPS without battery nodes: no stored energy to check      (info)
//   power.thin-margin       gear above base::kThinMargin of its rating, peak or fail-over (info)
//
//   power::PowerResult p = power::analyzePower(layout, graph, dominators, nominalDemand, peakDemand);
//   double pue = p.pue;
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/design/layout.h"
#include "core/power/power_flow.h"
#include "core/power/power_graph.h"
#include "core/power/redundancy.h"
#include "core/power/supply_paths.h"

namespace gigaplan::power {

/// Ride-through below which a warning is raised: 5 minutes, a common UPS autonomy target.
/// Grade U (planning convention, not from a cited source) — a design with other needs reads the figure.
inline constexpr double kRideThroughTarget = 5 * 60;  // s

struct PowerResult {
  PowerFlow nominal;  // at design (nominal) rack load: energy, PUE
  PowerFlow peak;     // at peak rack load: capacity and failover checks
  FailoverResult failover;
  std::vector<double> utilisation;  // per node: peak out / capacity (0 when unrated)

  double it = 0;            // W, rack IT load that is fed (nominal)
  double unfed = 0;         // W, racks with no feed (not drawn from anywhere)
  double network = 0;       // W, switches and optics (and network racks)
  double cooling = 0;       // W, pumps, fans, chillers
  double losses = 0;        // W, conversion losses in the chain
  double facility = 0;      // W drawn from the sources = it + network + cooling + losses (+ stranded)
  double peakFacility = 0;  // W, the same at peak rack load
  double pue = 0;           // facility / (it + network); 0 when there is no IT load
  // W each kind of source can deliver: its ratings, each capped by the gear it feeds (a 240 MW
  // grid connection into a 228 MW HV substation counts 228 MW)
  double gridCapacity = 0;
  double generationCapacity = 0;
  double sourceCapacity = 0;  // W, grid + generation (batteries apart)
  double headroom = 0;        // W, sourceCapacity − peakFacility
  // W the grid connections and the generators carry of the design-load draw in steady operation
  // (SourceSplit: the flow's shares, generators held within their minimum load and rating)
  double gridCarried = 0;
  double generationCarried = 0;
  bool generationAtMinimum = false;  // a generator's share is below its minimum load: held there
  double batteryEnergy = 0;          // J
  double batteryPower = 0;           // W of discharge
  double rideThrough = 0;            // s at peak facility draw (0 without batteries)
  std::vector<engine::Finding> findings;
};

/// "grid 78.6 MW, generation 80 MW (a generator held at its minimum load)": what the sources carry
/// at design load; empty without generation.
std::string carriedText(const PowerResult& r);

/// W the grid connections (`grid`) and the generators (`generation`) can deliver: each rating,
/// capped by the gear it feeds (a 240 MW grid connection into a 228 MW HV substation counts 228 MW).
/// The one home of PowerResult::gridCapacity and generationCapacity.
struct SourceCapacity {
  double grid = 0, generation = 0;
};
SourceCapacity sourceCapacity(const design::Layout& layout, const PowerGraph& graph);

PowerResult analyzePower(const design::Layout& layout, const PowerGraph& graph, const SupplyDominators& dominators,
                         const PowerDemand& nominal, const PowerDemand& peak);

}  // namespace gigaplan::power
