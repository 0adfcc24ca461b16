// The colour of each class of rack (model/rack_class.h) wherever racks are drawn by class: the 3D
// view's "colour by type" and its legend, and the report's site plan and its legend (network and
// storage racks; compute racks there take their hall's colour). One table, so a network rack is
// the same colour in the report's plan as in the 3D picture beside it.
//
//   d.polygon(corners, Style::filled(report::rackColor(model::RackClass::Network)));
#pragma once

#include "core/model/rack_class.h"
#include "core/report/drawing.h"

namespace gigaplan::report {

/// Compute green (rack-scale) and teal (servers); network a deep indigo and storage violet, both
/// apart from every hall colour of the site plan (paletteColor) and from the 3D view's gear.
Color rackColor(model::RackClass rackClass);

}  // namespace gigaplan::report
