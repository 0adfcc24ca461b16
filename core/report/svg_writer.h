// SVG back end of the report display list (drawing.h): one standalone SVG document per Drawing,
// sized in points, with every text escaped and no external references (fonts by family name only).
//
//   std::string svg = report::toSvg(drawing);   // "<svg xmlns=… width="515pt" …>…</svg>"
#pragma once

#include <string>

#include "core/report/drawing.h"

namespace gigaplan::report {

std::string toSvg(const Drawing& drawing);

}  // namespace gigaplan::report
