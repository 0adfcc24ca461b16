// What a planner may pick for a field: rack types and gear models from the catalog, the power
// nodes that can feed a rack and the cooling units that can cool it, near the rack first. Shared
// by the properties panel and the 3D view's context menu.
#pragma once

#include <QString>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"

namespace gigaplan::app {

struct Choice {
  QString value;  // what goes in the design ("" = none)
  QString label;  // what the planner reads
};

std::vector<Choice> rackTypeChoices(const catalog::Catalog& catalog);
std::vector<Choice> powerModelChoices(const catalog::Catalog& catalog, catalog::PowerGearKind kind);
std::vector<Choice> coolingModelChoices(const catalog::Catalog& catalog, catalog::CoolingGearKind kind);
std::vector<Choice> switchChoices(const catalog::Catalog& catalog);
/// The values an enum takes in the design file ("2n", "rail-optimized", "end-of-row").
/// A redundancy as planners write it: "none", "N+1", "2N" (the file keeps "n+1", "2n").
QString redundancyLabel(const QString& value);
std::vector<Choice> redundancyChoices();
std::vector<Choice> topologyChoices();
std::vector<Choice> leafPlacementChoices();

/// Distribution nodes (transformer, switchboard, UPS, busway, PDU) of `hall` and of the site,
/// nearest to `near` first; at most `limit` (0 = all). Starts with "(none)" when `allowNone`.
std::vector<Choice> feedChoices(const design::Layout& layout, int hall, design::Vec2 near, bool allowNone,
                                std::size_t limit = 0);
/// Cooling units of `kind` in `hall` and on the site, nearest first; "(none)" first.
std::vector<Choice> coolingChoices(const design::Layout& layout, int hall, design::CoolingKind kind, design::Vec2 near,
                                   std::size_t limit = 0);

/// The label of the "nothing" choice.
QString noneLabel();

}  // namespace gigaplan::app
