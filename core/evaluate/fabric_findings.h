// The fabric's problems as findings:
//   fabric.cable-too-long     a routed cable is longer than every medium at its rate reaches (error)
//   fabric.ports-exhausted    switches (or network-rack slots) run out of ports for the plan (error)
//   fabric.not-synthesised    no fabric could be built (no switch model, no GPUs …)        (warning)
//   fabric.assumption         a fallback the fabric applied, as a note                        (info)
//
//   std::vector<engine::Finding> f = engine::fabricFindings(layout, fabricResult);
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"

namespace gigaplan::engine {

std::vector<Finding> fabricFindings(const design::Layout& layout, const fabric::FabricResult& fabric);

}  // namespace gigaplan::engine
