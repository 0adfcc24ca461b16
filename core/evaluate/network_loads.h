// Where the fabric's switches and optics draw power and shed heat. The fabric places every switch
// (fabric::SwitchPlacement); this file turns placements into loads for the power flow and heat for
// the cooling analysis:
//   - a switch in a network rack is that rack's load (A/B split like any rack) and heat (to the
//     rack's CDU / air handler by its liquid fraction). A network rack with no fabric switch in
//     it draws its catalog RackType.power, counted as network, not IT;
//   - a switch with a known feed (fabric: the adjacent rack's feed A) loads that node; its heat
//     goes to the air handlers of its hall, evenly (unplaced heat when the hall has none);
//   - a switch with neither (spine / core rooms) is a facility load drawn at the sources and its
//     heat is unplaced (a core room's cooling is not in the design).
// Optics: the fabric's opticsPower is the switch-side modules only (the NIC-side modules are powered
// by the compute systems and already in the racks' rated power, see fabric.h); it is spread evenly
// over the switches (an approximation: leaves with copper to their racks carry fewer modules).
//
//   engine::NetworkLoads n = engine::placeNetworkLoads(layout, fabricResult);
#pragma once

#include <vector>

#include "core/design/layout.h"
#include "core/fabric/fabric.h"

namespace gigaplan::engine {

struct NetworkLoads {
  std::vector<double> rackLoad;     // W per rack: network racks only (switches in them, or RackType.power)
  std::vector<double> nodeLoad;     // W per power node: switches fed there, not in a rack
  double facilityLoad = 0;          // W: switches with neither rack nor feed
  std::vector<double> unitAirHeat;  // W per cooling unit: heat of switches outside racks, in its hall
  double unplacedHeat = 0;          // W of switch heat with no air handler to go to
  double total = 0;                 // W: every network load above
};

NetworkLoads placeNetworkLoads(const design::Layout& layout, const fabric::FabricResult& fabric);

}  // namespace gigaplan::engine
