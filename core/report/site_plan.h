// The site plan for reports: a 2D top view of the layout as a vector Drawing — site boundary,
// halls coloured by hall, compute racks (or whole rows when there are too many racks to see) in
// their hall's colour, network and storage racks in their class's (report/rack_colors.h, as in the
// 3D view), power gear coloured by power path with its feed lines, cooling units, a scale bar, a
// north arrow (north = +y of the site coordinates) and a legend. Given the evaluated fabric, also
// its core room (the spine and core switch racks the engine places around the spine position) as
// a labelled footprint.
//
//   Drawing d = report::sitePlan(resolved->design.site, resolved->layout, {.width = 515}, &eval.fabric);
#pragma once

#include <string>
#include <vector>

#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"
#include "core/report/drawing.h"

namespace gigaplan::report {

struct SitePlanOptions {
  double width = 515;          // pt, the whole drawing
  double maxPlotHeight = 560;  // pt, the plan area (the legend comes below)
  int maxRacksDrawn = 4000;    // above this, each row is drawn as one bar
  int maxFeedLines = 3000;     // above this many power nodes, only feed lines above hall level are drawn
};

/// `fabric` (optional): the evaluation's fabric, whose core room (coreRoomRacks > 0) is drawn.
Drawing sitePlan(const design::SiteInfo& site, const design::Layout& layout, const SitePlanOptions& options = {},
                 const fabric::FabricResult* fabric = nullptr);

/// One entry of the site plan's legend: its swatch (shape and colour) and what it stands for.
struct LegendEntry {
  enum class Shape { Square, Diamond, Circle, Outline, Line, Room } shape = Shape::Square;
  Color color;
  std::string label;  // "Hall 1", "power path tx-1", "network rack" …
};
/// The legend sitePlan() draws for `layout`, in its order: its halls and power paths, then a symbol
/// or colour for each kind of thing the layout holds (sources, transformers, other power gear,
/// cooling units, network racks, storage racks, the fabric's core room) and for nothing it does not.
std::vector<LegendEntry> sitePlanLegend(const design::Layout& layout, const fabric::FabricResult* fabric = nullptr);

/// The colour of hall `hall` (an index into layout.halls; kMuted for design::kNone) in the site plan:
/// its outline, its tint and its compute racks. The one home of the halls' palette, the categorical
/// paletteColor; power paths have their own (powerPathColor, power_paths.h), apart from it.
Color hallColor(int hall);

/// A "nice" scale-bar length (1, 2 or 5 × 10^n m) close to `target` metres.
double niceLength(double target);

}  // namespace gigaplan::report
