// Where the fabric's switches and optics draw power and shed heat. The fabric places every switch
// (fabric::SwitchPlacement); this file turns placements into loads for the power flow and heat for
// the cooling analysis:
//   - a switch in a network rack is that rack's load (A/B split like any rack) and heat (to the
//     rack's CDU / air handler by its liquid fraction). A network rack with no fabric switch in
//     it draws its catalog RackType.power, counted as network, not IT;
//   - a switch with known feeds (fabric: the adjacent rack's, A and B as the switch's two supplies)
//     loads those nodes, half on each when there are two (the failover check moves it whole, see
//     twoFed); the core room's switches take network.core_feeds the same way; a switch with no
//     feed (a core room without core_feeds) is a facility load drawn at the sources;
//   - a switch outside racks but inside a hall sheds its heat into that hall's air; one outside
//     every hall (the core room) into the core room's air, which network.core_air_handler cools
//     (core/cooling places both; with no air handler the heat is an error there).
// Optics: the fabric's opticsPower is the switch-side modules only (the NIC-side modules are powered
// by the compute systems and already in the racks' rated power, see fabric.h); it is spread evenly
// over the switches (an approximation: leaves with copper to their racks carry fewer modules).
//
//   engine::NetworkLoads n = engine::placeNetworkLoads(layout, fabricResult);
#pragma once

#include <string>
#include <vector>

#include "core/design/layout.h"
#include "core/fabric/fabric.h"
#include "core/power/power_flow.h"

namespace gigaplan::engine {

struct NetworkLoads {
  std::vector<double> rackLoad;  // W per rack: network racks only (switches in them, or RackType.power)
  std::vector<double> nodeLoad;  // W per power node: switches fed there, not in a rack
  std::vector<power::PowerDemand::TwoFed> twoFed;  // those of them on two feeds (in nodeLoad, half each)
  double facilityLoad = 0;                         // W: switches with neither rack nor feed
  std::vector<double> hallHeat;                    // W per hall: switches standing in it outside racks
  double coreRoomHeat = 0;   // W: switches outside every hall (and optics when no switch holds them)
  int coreRoomSwitches = 0;  // how many
  std::string coreRoomIds;   // their first and last id, for a finding: "spine-1 … core-288"
  double total = 0;          // W: every network load above
};

NetworkLoads placeNetworkLoads(const design::Layout& layout, const fabric::FabricResult& fabric);

/// What one switch of `fabric` draws: its own power and an even share of the switch-side optics.
double switchDraw(const fabric::FabricResult& fabric, const fabric::SwitchPlacement& s);

/// The switches above the leaves, which stand in the core room: how many, what they draw with their
/// optics, and the power nodes feeding them (network.core_feeds; kNone: drawn at the sources).
struct CoreRoomDraw {
  std::int64_t switches = 0;
  double power = 0;  // W
  int feedA = design::kNone, feedB = design::kNone;
};
CoreRoomDraw coreRoomDraw(const fabric::FabricResult& fabric);

}  // namespace gigaplan::engine
