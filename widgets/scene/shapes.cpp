// Unit glyph shapes (see shapes.h). Racks are the budget that matters (8,000 instances drawn in
// software): 10–22 triangles each, recognisable by a single feature. Gear (hundreds of
// instances) can afford chamfers and fans.
#include "widgets/scene/shapes.h"

#include <vtkPolyData.h>

#include "widgets/scene/mesh_builder.h"

namespace gigaplan::widgets::scene {

vtkSmartPointer<vtkPolyData> rackShape(RackShape shape) {
  // Racks stand at their pitch, touching; a 3 % gap each side keeps them countable in a row.
  constexpr double w = 0.47;
  MeshBuilder m;
  switch (shape) {
    case RackShape::RackScale:
      // Rear top edge cut away where the coolant manifolds run: a distinct silhouette for one
      // more vertex pair than a box (8,000 of these are drawn in software).
      m.lowPolyExtrusionX({{-0.5, 0}, {0.5, 0}, {0.5, 0.9}, {0.3, 1.0}, {-0.5, 1.0}}, -w, w);
      break;
    case RackShape::Server:
      m.lowPolyBox({-w, -0.5, 0}, {w, 0.5, 1.0});
      break;
    case RackShape::Network:
      m.lowPolyBox({-w, -0.5, 0}, {w, 0.5, 0.9});
      // Cable basket above the rack, as wide as the rack pitch so a row of them joins up.
      m.lowPolyBox({-0.5, -0.3, 0.95}, {0.5, 0.3, 1.0});
      break;
    case RackShape::Storage:
      // Octagonal cabinet: the cut vertical edges read as a different kind of rack.
      m.lowPolyPrism({{-w, -0.3}, {-0.3, -0.5}, {0.3, -0.5}, {w, -0.3}, {w, 0.3}, {0.3, 0.5}, {-0.3, 0.5}, {-w, 0.3}},
                     0, 1.0);
      break;
  }
  return m.build();
}

vtkSmartPointer<vtkPolyData> powerShape(design::PowerKind kind) {
  using design::PowerKind;
  MeshBuilder m;
  switch (kind) {
    case PowerKind::Grid:
      // Pylon: a tapered mast with a cross-arm on a pad.
      m.box({-0.5, -0.5, 0}, {0.5, 0.5, 0.04});
      m.cylinder({0, 0, 0.04}, 2, 0.96, 0.32, 0.06, 4);
      m.box({-0.5, -0.04, 0.8}, {0.5, 0.04, 0.84});
      break;
    case PowerKind::Substation:
      // Yard slab, a main transformer and a rank of insulator posts.
      m.box({-0.5, -0.5, 0}, {0.5, 0.5, 0.06});
      m.chamferedBox({-0.35, -0.25, 0.06}, {0.1, 0.25, 0.6}, {0.02, 0.02, 0.02});
      for (double x : {0.22, 0.38})
        for (double y : {-0.3, 0.0, 0.3}) m.cylinder({x, y, 0.06}, 2, 0.94, 0.03, 0.03, 6);
      break;
    case PowerKind::Transformer:
      // Tank with cooling fins on the long sides and three bushings on top.
      m.chamferedBox({-0.4, -0.3, 0}, {0.4, 0.3, 0.72}, {0.03, 0.03, 0.02});
      for (int i = 0; i < 4; ++i) {
        const double x = -0.3 + 0.2 * i;
        m.box({x - 0.025, -0.5, 0.05}, {x + 0.025, -0.3, 0.62});
        m.box({x - 0.025, 0.3, 0.05}, {x + 0.025, 0.5, 0.62});
      }
      for (double x : {-0.22, 0.0, 0.22}) m.cylinder({x, 0, 0.72}, 2, 0.28, 0.05, 0.03, 6);
      break;
    case PowerKind::Switchboard:
      // Line-up of cabinets on a plinth.
      m.box({-0.5, -0.5, 0}, {0.5, 0.5, 0.05});
      for (int i = 0; i < 4; ++i) {
        const double x0 = -0.5 + 0.25 * i;
        m.box({x0 + 0.006, -0.48, 0.05}, {x0 + 0.244, 0.48, 1.0});
      }
      break;
    case PowerKind::Ups:
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.9}, {0.02, 0.04, 0.02});
      m.box({-0.3, -0.3, 0.9}, {0.3, 0.3, 1.0});  // fan hood
      break;
    case PowerKind::Battery:
      // Battery enclosure with a stepped roof.
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.85}, {0.01, 0.03, 0.02});
      m.box({-0.46, -0.4, 0.85}, {0.46, 0.4, 1.0});
      break;
    case PowerKind::Generator:
      // Turbine/genset: skid, horizontal casing and an exhaust stack.
      m.box({-0.5, -0.5, 0}, {0.5, 0.5, 0.12});
      m.cylinder({-0.45, 0, 0.42}, 0, 0.7, 0.3, 0.3, 12);
      m.cylinder({0.35, 0, 0.12}, 2, 0.88, 0.1, 0.1, 8);
      break;
    case PowerKind::Busway:
    case PowerKind::Pdu:
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 1.0}, {0.03, 0.03, 0.02});
      break;
  }
  return m.build();
}

vtkSmartPointer<vtkPolyData> coolingShape(design::CoolingKind kind) {
  using design::CoolingKind;
  MeshBuilder m;
  switch (kind) {
    case CoolingKind::Cdu:
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.88}, {0.03, 0.03, 0.015});
      for (double x : {-0.22, 0.22}) m.cylinder({x, 0.1, 0.88}, 2, 0.12, 0.09, 0.09, 8);  // supply/return
      break;
    case CoolingKind::Chiller:
      // Compressor body with one line of condenser fans along the top.
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.78}, {0.01, 0.03, 0.02});
      for (int i = 0; i < 4; ++i) m.cylinder({-0.375 + 0.25 * i, 0, 0.78}, 2, 0.22, 0.1, 0.1, 8);
      break;
    case CoolingKind::DryCooler:
      // Low coil bank with two lines of fans.
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.8}, {0.01, 0.03, 0.02});
      for (int i = 0; i < 4; ++i)
        for (double y : {-0.24, 0.24}) m.cylinder({-0.36 + 0.24 * i, y, 0.8}, 2, 0.2, 0.1, 0.1, 8);
      break;
    case CoolingKind::CoolingTower:
      // Cell with a flared fan stack.
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 0.7}, {0.03, 0.03, 0.02});
      m.cylinder({0, 0, 0.7}, 2, 0.3, 0.36, 0.44, 16);
      break;
    case CoolingKind::AirHandler:
      // Casing with louvre bands.
      m.chamferedBox({-0.5, -0.5, 0}, {0.5, 0.5, 1.0}, {0.02, 0.04, 0.02});
      for (double z : {0.3, 0.5, 0.7}) m.box({-0.45, -0.52, z}, {0.45, -0.5, z + 0.06});
      break;
  }
  return m.build();
}

vtkSmartPointer<vtkPolyData> coarseGearShape() {
  MeshBuilder m;
  m.lowPolyBox({-0.5, -0.5, 0}, {0.5, 0.5, 1.0});
  return m.build();
}

vtkSmartPointer<vtkPolyData> barShape() {
  MeshBuilder m;
  m.box({-0.5, -0.5, 0}, {0.5, 0.5, 1.0});
  return m.build();
}

}  // namespace gigaplan::widgets::scene
