// Turns the engine's Evaluation into the per-object values the 3D view colours by.
//
//   auto s = colorScalars(ColorBy::FeedUtilisation, *evaluated.design, *evaluated.evaluation);
//   view.setColorBy(ColorBy::FeedUtilisation, s);
#pragma once

#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "widgets/scene/color_by.h"

namespace gigaplan::app {

/// `focusId`: for FailureDomain, the power node or cooling unit whose failure to show (racks it
/// stops are category 1); when empty or unknown, every rack is coloured by the element that
/// bounds its largest failure domain.
widgets::scene::ColorScalars colorScalars(widgets::scene::ColorBy mode, const design::ResolvedDesign& design,
                                          const engine::Evaluation& evaluation, const std::string& focusId = {});

}  // namespace gigaplan::app
