// Geometric checks on the expanded layout, linear in racks:
//   layout.rack-outside-hall  a rack's footprint reaches outside its hall's floor    (error;
//                             halls without a size are not checked)
//   layout.racks-overlap      two racks' footprints overlap by more than 1 mm        (error;
//                             model::overlapDepth and kOverlapTolerance, as the editor)
//   layout.gear-outside-hall  a CDU, air handler, busway or PDU made by a hall stands (warning)
//                             more than 0.5 m outside its floor: it serves the racks from
//                             inside (yard gear — transformers, UPS, plant — is not checked)
// Footprints are the rack type's width (along the rack's rotation) × depth, centred on the
// rack's position. Overlaps are found with a uniform grid hash (cell = the largest rack's
// diagonal), so each rack is compared only with racks in the 3 × 3 cells around it.
//
//   std::vector<engine::Finding> f = engine::checkLayout(layout);
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/design/layout.h"

namespace gigaplan::engine {

std::vector<Finding> checkLayout(const design::Layout& layout);

}  // namespace gigaplan::engine
