// Which catalog entries a design uses — GPUs, rack types, the switch model, cable media, power and
// cooling gear — each with how many and its provenance (source, grade, note), for the report's
// "Assumptions and sources" section. Grade U entries are planning defaults, not sourced figures.
//
//   for (const CatalogUse& u : report::catalogUsed(*resolved, eval))
//     if (u.planningDefault()) warn(u.id);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

struct CatalogUse {
  std::string section;  // catalog section: "gpus", "racks", "switches", "media", "power_gear", "cooling_gear"
  std::string id, name;
  std::int64_t count = 0;  // GPUs, racks, switches, cables, units of gear
  catalog::Provenance provenance;
  bool changedByDesign = false;  // the design's `catalog:` section overrides or defines it
  bool planningDefault() const { return provenance.grade == "U"; }
};

/// Sections in catalog order, ids sorted within each.
std::vector<CatalogUse> catalogUsed(const design::ResolvedDesign& design, const engine::Evaluation& eval);

}  // namespace gigaplan::report
