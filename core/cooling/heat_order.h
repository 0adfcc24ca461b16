// The shape of the cooling plant, computed once per evaluation and shared by the cooling analysis
// and the failure domains: the order heat travels (every unit before the units it rejects to —
// CDUs and air handlers, then chillers, then towers; units on or below a rejects_to loop are left
// out), how many units reject to each unit, and the loops (units joined through rejects_to). Also
// where a hall's air goes: the air handlers of each hall (made by the hall's template, or standing
// inside its footprint), and the hall each power node stands in (its losses heat that hall's air;
// kNone: outdoors).
//
//   cooling::CoolingTopology t = cooling::coolingTopology(layout);
//   for (int u : t.order) { /* every unit rejecting to u is done */ }
#pragma once

#include <vector>

#include "core/design/layout.h"

namespace gigaplan::cooling {

struct CoolingTopology {
  std::vector<int> order;     // heat order; units in or below a loop are absent
  std::vector<int> indegree;  // per unit: how many units reject to it (0 for CDUs and air handlers)
  std::vector<int> loop;      // per unit: index of its loop
  int loops = 0;
  std::vector<std::vector<int>> hallAirHandlers;  // per layout hall: the air handlers serving it
  std::vector<int> nodeHall;                      // per power node: the hall it stands in, or kNone
};

CoolingTopology coolingTopology(const design::Layout& layout);

}  // namespace gigaplan::cooling
