// billOfMaterials: aggregation by catalog id with small ordered maps (few distinct items).
#include "core/evaluate/bill_of_materials.h"

#include <map>
#include <tuple>

namespace gigaplan::engine {

namespace {

struct Tally {
  std::map<std::string, BomLine> lines;
  void add(const std::string& category, const std::string& item, const std::string& name, const std::string& detail,
           std::int64_t count) {
    BomLine& l = lines[item];
    l.category = category;
    l.item = item;
    l.name = name;
    l.detail = detail;
    l.count += count;
  }
  void appendTo(std::vector<BomLine>& out) const {
    for (const auto& [id, line] : lines) out.push_back(line);
  }
};

}  // namespace

std::vector<BomLine> billOfMaterials(const design::Layout& layout, const catalog::Catalog& catalog,
                                     const fabric::FabricResult& fabric) {
  Tally racks, power, cooling, switches, transceivers;
  for (const design::Rack& rack : layout.racks)
    racks.add("rack", rack.type, rack.spec ? rack.spec->name : rack.type, std::string(catalog::toString(
                                                                              rack.spec ? rack.spec->kind : catalog::RackKind::Compute)), 1);
  for (const design::PowerNode& node : layout.power) {
    const std::string item = node.model.empty() ? std::string(design::toString(node.kind)) : node.model;
    power.add("power", item, node.spec ? node.spec->name : item, std::string(design::toString(node.kind)), node.units);
  }
  for (const design::CoolingUnit& unit : layout.cooling)
    cooling.add("cooling", unit.model, unit.spec ? unit.spec->name : unit.model, std::string(design::toString(unit.kind)),
                unit.units);
  if (fabric.totalSwitches > 0) {
    const catalog::Switch* sw = catalog.switchModel(fabric.switchModel);
    switches.add("switch", fabric.switchModel, sw ? sw->name : fabric.switchModel, "", fabric.totalSwitches);
  }
  std::map<std::tuple<std::string, int>, BomLine> cables;
  for (const fabric::CableGroup& g : fabric.cables) {
    const catalog::CableMedium* m = catalog.medium(g.medium);
    const std::string name = m ? m->name : g.medium;
    if (g.transceivers > 0) transceivers.add("transceiver", g.medium, name, std::string(catalog::toString(g.kind)), g.transceivers);
    BomLine& l = cables[{g.medium, g.bucket}];
    l.category = "cable";
    l.item = g.medium;
    l.name = name;
    l.detail = std::string(fabric::bucketLabel(g.bucket));
    l.count += g.count;
    l.length += g.totalLength;
  }
  std::vector<BomLine> out;
  for (const Tally* t : {&racks, &power, &cooling, &switches, &transceivers}) t->appendTo(out);
  for (const auto& [key, line] : cables) out.push_back(line);
  return out;
}

}  // namespace gigaplan::engine
