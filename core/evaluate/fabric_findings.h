// The fabric's problems as findings:
//   fabric.cable-too-long     a routed cable is longer than every medium at its rate reaches (error)
//   fabric.ports-exhausted    switches (or network-rack slots) run out of ports for the plan (error)
//   fabric.not-synthesised    no fabric could be built (no switch model, no GPUs …)        (warning)
//   fabric.assumption         a fallback the fabric applied, as a note                        (info)
//   fabric.core-room-placement the core room (spine and core switches around spine_position) reaches
//                             beyond the site or into a hall it does not stand in           (warning)
//
//   std::vector<engine::Finding> f = engine::fabricFindings(layout, fabricResult, design.site.size);
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"

namespace gigaplan::engine {

/// `site`: the site's size (x, y), which the core room should stay within.
std::vector<Finding> fabricFindings(const design::Layout& layout, const fabric::FabricResult& fabric,
                                    design::Vec2 site);

}  // namespace gigaplan::engine
