// Power paths for colouring drawings: each power node belongs to the branch of the power chain it
// hangs from directly below a source (grid, generator, battery) — following each node's first
// `fed_by` parent. In a 2N design that gives the A and B sides (tx-1, tx-2); in a campus, one path
// per substation. Sources themselves and nodes on a cycle get kNone.
//
//   PowerPaths p = report::powerPaths(layout);
//   Color c = powerPathColor(p.nodePath[i]);    // p.names[p.nodePath[i]] == "tx-1"
#pragma once

#include <string>
#include <vector>

#include "core/design/layout.h"
#include "core/report/drawing.h"

namespace gigaplan::report {

struct PowerPaths {
  std::vector<int> nodePath;       // per layout.power: path index, design::kNone for sources / cycles
  std::vector<std::string> names;  // per path: id of the node the path starts at
  std::vector<int> nodes;          // per path: power nodes on it
};

PowerPaths powerPaths(const design::Layout& layout);

/// The colour of a path in every drawing (dark grey for kNone: sources): the one home of the power
/// paths' palette, eight dark colours that cycle, each apart from every hall colour of the site
/// plan (hallColor, site_plan.h), so gear never reads as belonging to another hall.
Color powerPathColor(int path);

}  // namespace gigaplan::report
