// The unit shapes every instanced object is drawn with. Each fills the box x, y ∈ [-0.5, 0.5],
// z ∈ [0, 1] (base on the floor); the glyph mapper scales it per instance to the catalog
// footprint (width along x, depth along y, height) and turns it about z.
#pragma once

#include <vtkSmartPointer.h>

#include "core/design/design.h"
#include "core/model/rack_class.h"

class vtkPolyData;

namespace gigaplan::widgets::scene {

/// How a rack is recognised at a glance (with its colour and catalog height): one shape per rack
/// class (core/model/rack_class.h). RackScale: liquid manifold along the top rear; Server: a plain
/// cabinet; Network: cable basket above, running along the row; Storage: chamfered vertical edges.
using RackShape = model::RackClass;
inline constexpr int kRackShapeCount = model::kRackClassCount;

vtkSmartPointer<vtkPolyData> rackShape(RackShape shape);
/// Busways are drawn by their own bar layer; Busway here is the stand-alone box used when a busway
/// feeds no rack. Grid connections are drawn as a tapered pylon.
vtkSmartPointer<vtkPolyData> powerShape(design::PowerKind kind);
vtkSmartPointer<vtkPolyData> coolingShape(design::CoolingKind kind);
/// The stand-in for every power and cooling shape while the camera moves: the unit box, flat
/// shaded (12 triangles against 100–300 for the full shapes). A gigawatt campus has ~6,700 gear
/// instances whose fans and fins cost more to draw in software than all its racks; measured on the
/// gigawatt sample, even two or three boxes per shape kept the orbit frame above 100 ms.
vtkSmartPointer<vtkPolyData> coarseGearShape();
/// A plain box, used for busway bars over the rows.
vtkSmartPointer<vtkPolyData> barShape();

inline constexpr int kPowerKindCount = 9;    // design::PowerKind values
inline constexpr int kCoolingKindCount = 5;  // design::CoolingKind values

}  // namespace gigaplan::widgets::scene
