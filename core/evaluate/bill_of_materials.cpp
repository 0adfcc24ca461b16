// billOfMaterials: aggregation by catalog id with small ordered maps (few distinct items).
#include "core/evaluate/bill_of_materials.h"

#include <map>
#include <string_view>
#include <tuple>

#include "core/base/thousands.h"
#include "core/units/units.h"

namespace gigaplan::engine {

namespace {

struct Tally {
  std::map<std::string, BomLine> lines;
  BomLine* last = nullptr;  // objects of one template come in runs of the same item
  const void* lastKey = nullptr;
  // `key` identifies the item cheaply (its catalog entry); nullptr compares by id.
  void add(std::string_view category, const std::string& item, std::string_view name, std::string_view detail,
           std::int64_t count, const void* key = nullptr) {
    if (!last || !key || key != lastKey) {
      lastKey = key;
      last = &lines[item];
      last->category = category;
      last->item = item;
      last->name = name;
      last->detail = detail;
    }
    last->count += count;
  }
  void appendTo(std::vector<BomLine>& out) const {
    for (const auto& [id, line] : lines) out.push_back(line);
  }
};

const std::string kGrid = "grid";

}  // namespace

std::vector<BomLine> billOfMaterials(const design::Layout& layout, const catalog::Catalog& catalog,
                                     const fabric::FabricResult& fabric) {
  Tally racks, power, cooling, switches;
  for (const design::Rack& rack : layout.racks) {
    const auto kind = rack.spec ? rack.spec->kind : catalog::RackKind::Compute;
    racks.add("rack", rack.type, rack.spec ? rack.spec->name : rack.type, catalog::toString(kind), 1, rack.spec);
  }
  // The core room's switch racks: the design's network rack type (else the catalog's first), one
  // line with the rows' racks of that type, its detail saying how many stand in the room.
  if (fabric.coreRoomRacks > 0) {
    const catalog::RackType* type = nullptr;
    for (const design::Rack& rack : layout.racks)
      if (rack.spec && rack.spec->kind == catalog::RackKind::Network) {
        type = rack.spec;
        break;
      }
    for (auto it = catalog.racks.begin(); !type && it != catalog.racks.end(); ++it)
      if (it->second.kind == catalog::RackKind::Network) type = &it->second;
    if (type) {
      racks.add("rack", type->id, type->name, catalog::toString(type->kind), fabric.coreRoomRacks, nullptr);
      BomLine& line = racks.lines[type->id];
      line.detail = std::string(catalog::toString(type->kind)) + ", " + base::thousands(fabric.coreRoomRacks) +
                    " of them in the core room";
    }
  }
  for (const design::PowerNode& node : layout.power) {
    const std::string& item = node.model.empty() ? kGrid : node.model;  // only grid connections have no model
    power.add("power", item, node.spec ? node.spec->name : item, design::toString(node.kind), node.units, node.spec);
  }
  for (const design::CoolingUnit& unit : layout.cooling)
    cooling.add("cooling", unit.model, unit.spec ? unit.spec->name : unit.model, design::toString(unit.kind),
                unit.units, unit.spec);
  if (fabric.totalSwitches > 0) {
    const catalog::Switch* sw = catalog.switchModel(fabric.switchModel);
    switches.add("switch", fabric.switchModel, sw ? sw->name : fabric.switchModel, "", fabric.totalSwitches);
  }
  // Modules by medium and end: a NIC takes the medium's part; a switch's twin-port cage takes one
  // module for two links (the twin-port form of the part), named so.
  std::map<std::tuple<std::string, bool, bool>, BomLine> modules;
  auto addModules = [&](const fabric::CableGroup& g, const std::string& name, bool nic, bool twin, std::int64_t count) {
    if (count <= 0) return;
    BomLine& l = modules[{g.medium, !nic, twin}];
    l.category = "transceiver";
    l.item = g.medium;
    const std::string rate = units::format(g.linkRate > 0 ? g.linkRate : fabric.linkRate, units::Dimension::DataRate);
    l.name = twin ? "Twin-port module for 2 × " + rate + " links, as " + name : name;
    l.detail = std::string(catalog::toString(g.kind)) + (nic    ? ", NIC end"
                                                         : twin ? ", switch end, 2 links per module"
                                                                : ", switch end");
    l.count += count;
  };
  std::map<std::tuple<std::string, int>, BomLine> cables;
  for (const fabric::CableGroup& g : fabric.cables) {
    const catalog::CableMedium* m = catalog.medium(g.medium);
    const std::string name = m ? m->name : g.medium;
    const std::int64_t atSwitches = g.transceivers - g.nicTransceivers;
    addModules(g, name, true, false, g.nicTransceivers);
    addModules(g, name, false, atSwitches < g.switchEnds, atSwitches);
    BomLine& l = cables[{g.medium, g.bucket}];
    l.category = "cable";
    l.item = g.medium;
    l.name = name;
    l.detail = std::string(fabric::bucketLabel(g.bucket));
    l.count += g.count;
    l.length += g.totalLength;
  }
  std::vector<BomLine> out;
  for (const Tally* t : {&racks, &power, &cooling, &switches}) t->appendTo(out);
  for (const auto& [key, line] : modules) out.push_back(line);
  for (const auto& [key, line] : cables) out.push_back(line);
  return out;
}

}  // namespace gigaplan::engine
