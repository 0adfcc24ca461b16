// The power single-line diagram as a vector tree: one box per power node (or per "× N" group of
// identical ones, see power_tree.h) with its load, rating, utilisation bar and fail-over
// utilisation, joined to its parent by elbow lines and edged in its power path's colour. Split into
// parts no taller than `maxPartHeight` so a paged back end can put them on separate pages; the
// connector lines continue across parts.
//
//   std::vector<Drawing> parts = report::singleLineDiagram(layout, report::buildPowerTree(layout, eval));
#pragma once

#include <vector>

#include "core/design/layout.h"
#include "core/report/drawing.h"
#include "core/report/power_tree.h"

namespace gigaplan::report {

struct DiagramOptions {
  double width = 515;
  double maxPartHeight = 680;
};

std::vector<Drawing> singleLineDiagram(const design::Layout& layout, const PowerTree& tree,
                                       const DiagramOptions& options = {});

}  // namespace gigaplan::report
