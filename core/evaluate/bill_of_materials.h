// The bill of materials: counts of every catalog item the layout uses (racks by type, power gear
// and cooling gear by model — each node's `units` counted — switches by model, transceivers by
// medium) and cables by medium and length bucket, from the fabric.
//
//   for (const engine::BomLine& l : engine::billOfMaterials(layout, catalog, fabric))
//     std::cout << l.category << ' ' << l.item << ' ' << l.count << '\n';
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"

namespace gigaplan::engine {

struct BomLine {
  std::string category;  // "rack", "power", "cooling", "switch", "transceiver", "cable"
  std::string item;      // catalog id ("gb200-nvl72"); "grid" for grid connections
  std::string name;      // catalog display name
  std::string detail;    // cables: length bucket ("<=5 m"); power / cooling: kind ("ups")
  std::int64_t count = 0;
  double length = 0;  // m, cables only: total length in this line
};

/// Lines ordered by category (as listed above), then item, then length bucket.
std::vector<BomLine> billOfMaterials(const design::Layout& layout, const catalog::Catalog& catalog,
                                     const fabric::FabricResult& fabric);

}  // namespace gigaplan::engine
