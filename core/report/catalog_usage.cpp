// Catalog entries used by a design (see catalog_usage.h).
#include "core/report/catalog_usage.h"

#include <map>

namespace gigaplan::report {
namespace {

template <class Entry>
void add(std::vector<CatalogUse>& out, const design::ResolvedDesign& r, const std::string& section,
         const std::map<std::string, Entry>& entries, const std::map<std::string, std::int64_t>& counts) {
  const auto overrides = r.design.catalogOverrides.find(section);
  for (const auto& [id, n] : counts) {
    auto it = entries.find(id);
    if (it == entries.end()) continue;
    CatalogUse u;
    u.section = section;
    u.id = id;
    u.name = it->second.name;
    u.count = n;
    u.provenance = it->second.provenance;
    u.changedByDesign = overrides != r.design.catalogOverrides.end() && overrides->second.count(id) > 0;
    out.push_back(std::move(u));
  }
}

}  // namespace

std::vector<CatalogUse> catalogUsed(const design::ResolvedDesign& r, const engine::Evaluation& e) {
  const catalog::Catalog& cat = *r.catalog;
  std::map<std::string, std::int64_t> gpus, racks, switches, media, power, cooling;
  for (const auto& rack : r.layout.racks) {
    ++racks[rack.type];
    if (rack.spec && !rack.spec->gpu.empty()) gpus[rack.spec->gpu] += rack.spec->gpus;
  }
  if (!e.fabric.switchModel.empty() && e.fabric.totalSwitches > 0)
    switches[e.fabric.switchModel] += e.fabric.totalSwitches;
  for (const auto& c : e.fabric.cables) media[c.medium] += c.count;
  for (const auto& p : r.layout.power) {
    if (!p.model.empty()) power[p.model] += p.units;
  }
  for (const auto& c : r.layout.cooling) {
    if (!c.model.empty()) cooling[c.model] += c.units;
  }
  std::vector<CatalogUse> out;
  add(out, r, "gpus", cat.gpus, gpus);
  add(out, r, "racks", cat.racks, racks);
  add(out, r, "switches", cat.switches, switches);
  add(out, r, "media", cat.media, media);
  add(out, r, "power_gear", cat.powerGear, power);
  add(out, r, "cooling_gear", cat.coolingGear, cooling);
  return out;
}

}  // namespace gigaplan::report
