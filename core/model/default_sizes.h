// The size an object is drawn, planned and checked with when the catalog gives it none (an
// unknown rack type or gear model, a catalog entry without width/depth/height). The one home of
// these figures: the catalog's field defaults, the overlap and hall checks, the site plan, the 3D
// scene and the editor's footprints all read them here.
//
//   const model::Size3 s = spec ? model::Size3{spec->width, spec->depth, spec->height} : model::kUnknownRackSize;
#pragma once

namespace gigaplan::model {

struct Size3 {
  double width = 0, depth = 0, height = 0;  // m: along the row / the object's x, across it, tall
};

/// A standard 600 mm wide, 1,200 mm deep, 48U (≈ 2.3 m) data-centre rack — a planning default
/// (grade U), not any vendor's figure; a rack type in the catalog always gives its own.
inline constexpr Size3 kUnknownRackSize{0.6, 1.2, 2.3};
/// A 1 m × 1 m cabinet, 2 m tall, for power or cooling gear whose model gives no footprint — a
/// placeholder so it can be seen and selected (grade U).
inline constexpr Size3 kUnknownGearSize{1.0, 1.0, 2.0};

/// A grid connection (which has no catalog model) is drawn as a pylon of this size where the
/// utility's line comes in; new gear keeps clear of it — a marker (grade U), not a substation's
/// footprint.
inline constexpr Size3 kGridConnectionSize{8.0, 8.0, 18.0};

}  // namespace gigaplan::model
