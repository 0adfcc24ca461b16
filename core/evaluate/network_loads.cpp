// placeNetworkLoads: switch placements to per-rack, per-node and facility loads and heat.
#include "core/evaluate/network_loads.h"

namespace gigaplan::engine {

double switchDraw(const fabric::FabricResult& fabric, const fabric::SwitchPlacement& s) {
  return s.power + (fabric.switches.empty() ? 0.0 : fabric.opticsPower / static_cast<double>(fabric.switches.size()));
}

CoreRoomDraw coreRoomDraw(const fabric::FabricResult& fabric) {
  CoreRoomDraw room;
  for (const fabric::SwitchPlacement& s : fabric.switches) {
    if (s.tier < 2 || s.rack != design::kNone) continue;
    ++room.switches;
    room.power += switchDraw(fabric, s);
    room.feedA = s.feed, room.feedB = s.feedB;
  }
  return room;
}

NetworkLoads placeNetworkLoads(const design::Layout& layout, const fabric::FabricResult& fabric) {
  const int racks = static_cast<int>(layout.racks.size());
  const int nodes = static_cast<int>(layout.power.size());
  const int halls = static_cast<int>(layout.halls.size());
  NetworkLoads n;
  n.rackLoad.assign(racks, 0.0);
  n.nodeLoad.assign(nodes, 0.0);
  n.hallHeat.assign(halls, 0.0);
  if (fabric.switches.empty()) {
    n.facilityLoad += fabric.opticsPower;
    n.coreRoomHeat += fabric.opticsPower;
  }
  std::vector<char> holdsSwitch(racks, 0);
  const fabric::SwitchPlacement* firstInCore = nullptr;
  const fabric::SwitchPlacement* lastInCore = nullptr;
  for (const fabric::SwitchPlacement& s : fabric.switches) {
    const double w = switchDraw(fabric, s);
    if (s.rack >= 0 && s.rack < racks) {
      n.rackLoad[s.rack] += w;
      holdsSwitch[s.rack] = 1;
      continue;
    }
    const bool a = s.feed >= 0 && s.feed < nodes;
    const bool b = a && s.feedB >= 0 && s.feedB < nodes && s.feedB != s.feed;
    if (b) {
      n.nodeLoad[s.feed] += w / 2;
      n.nodeLoad[s.feedB] += w / 2;
      n.twoFed.push_back({{s.feed, s.feedB}, w});
    } else if (a)
      n.nodeLoad[s.feed] += w;
    else
      n.facilityLoad += w;
    if (s.hall >= 0 && s.hall < halls) {
      n.hallHeat[s.hall] += w;
      continue;
    }
    n.coreRoomHeat += w;
    ++n.coreRoomSwitches;
    if (!firstInCore) firstInCore = &s;
    lastInCore = &s;
  }
  if (firstInCore)
    n.coreRoomIds =
        fabric::switchId(*firstInCore) + (lastInCore != firstInCore ? " … " + fabric::switchId(*lastInCore) : "");
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
