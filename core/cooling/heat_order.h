// The order heat travels through the cooling plant: every unit before the units it rejects to
// (CDUs and air handlers first, then chillers, then towers). Units on or below a rejects_to loop
// are left out. Shared by the cooling analysis and the failure domains.
//
//   for (int u : cooling::heatOrder(layout, indegree)) { /* u's sources are done */ }
#pragma once

#include <vector>

#include "core/design/layout.h"

namespace gigaplan::cooling {

/// `indegree[u]` receives how many units reject to u (0 for CDUs and air handlers).
std::vector<int> heatOrder(const design::Layout& layout, std::vector<int>& indegree);

}  // namespace gigaplan::cooling
