// placeNetworkLoads: switch placements to per-rack, per-node and facility loads and heat.
#include "core/evaluate/network_loads.h"

namespace gigaplan::engine {

NetworkLoads placeNetworkLoads(const design::Layout& layout, const fabric::FabricResult& fabric) {
  const int racks = static_cast<int>(layout.racks.size());
  const int nodes = static_cast<int>(layout.power.size());
  NetworkLoads n;
  n.rackLoad.assign(racks, 0.0);
  n.nodeLoad.assign(nodes, 0.0);
  n.unitAirHeat.assign(layout.cooling.size(), 0.0);
  std::vector<std::vector<int>> hallAir(layout.halls.size());
  for (int u = 0; u < static_cast<int>(layout.cooling.size()); ++u) {
    const design::CoolingUnit& unit = layout.cooling[u];
    if (unit.kind == design::CoolingKind::AirHandler && unit.hall >= 0 && unit.hall < static_cast<int>(hallAir.size()))
      hallAir[unit.hall].push_back(u);
  }
  const double optics = fabric.switches.empty() ? 0.0 : fabric.opticsPower / static_cast<double>(fabric.switches.size());
  if (fabric.switches.empty()) n.facilityLoad += fabric.opticsPower;
  std::vector<char> holdsSwitch(racks, 0);
  std::vector<double> hallHeat(layout.halls.size(), 0.0);
  for (const fabric::SwitchPlacement& s : fabric.switches) {
    const double w = s.power + optics;
    if (s.rack >= 0 && s.rack < racks) {
      n.rackLoad[s.rack] += w;
      holdsSwitch[s.rack] = 1;
      continue;
    }
    if (s.feed >= 0 && s.feed < nodes)
      n.nodeLoad[s.feed] += w;
    else
      n.facilityLoad += w;
    const bool inHall = s.hall >= 0 && s.hall < static_cast<int>(hallAir.size()) && !hallAir[s.hall].empty();
    if (inHall)
      hallHeat[s.hall] += w;
    else
      n.unplacedHeat += w;
  }
  for (std::size_t h = 0; h < hallAir.size(); ++h)
    for (int u : hallAir[h]) n.unitAirHeat[u] += hallHeat[h] / static_cast<double>(hallAir[h].size());
  for (int r = 0; r < racks; ++r) {
    const catalog::RackType* spec = layout.racks[r].spec;
    if (!holdsSwitch[r] && spec && spec->kind == catalog::RackKind::Network) n.rackLoad[r] = spec->power;
  }
  for (double w : n.rackLoad) n.total += w;
  for (double w : n.nodeLoad) n.total += w;
  n.total += n.facilityLoad;
  return n;
}

}  // namespace gigaplan::engine
