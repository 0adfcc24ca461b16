// Builds small meshes (boxes, prisms, chamfered boxes, cylinders) with explicit normals, for the
// unit glyph shapes in shapes.cpp. Faces are flat-shaded except the round sides of cylinders.
// Faces looking straight down are left out: the camera never goes under the ground, and with
// 8,000 instanced racks every triangle counts in Mesa's software renderer.
#pragma once

#include <vtkSmartPointer.h>
#include <array>
#include <vector>

class vtkPolyData;

namespace gigaplan::widgets::scene {

using Vec3 = std::array<double, 3>;

class MeshBuilder {
 public:
  /// Axis-aligned box from min to max corner.
  void box(const Vec3& min, const Vec3& max);
  /// Vertical prism: a convex outline (x, y pairs, either winding) extruded from z0 to z1.
  void prism(const std::vector<std::array<double, 2>>& outline, double z0, double z1);
  /// Box with all twelve edges cut at 45° by `bevel` (per axis), so edges catch the light.
  void chamferedBox(const Vec3& min, const Vec3& max, const Vec3& bevel);
  /// A vertical prism with shared corners and no normals: VTK then shades each face flat from
  /// screen-space derivatives. Fewest vertices per instance; for the 8,000 racks. A builder that
  /// uses it builds without normals, so do not mix it with the other solids.
  void lowPolyPrism(const std::vector<std::array<double, 2>>& outline, double z0, double z1);
  void lowPolyBox(const Vec3& min, const Vec3& max);
  /// The same for a profile in the y-z plane (y, z pairs, convex) extruded along x from x0 to x1;
  /// faces lying on z = 0 are left out.
  void lowPolyExtrusionX(const std::vector<std::array<double, 2>>& profile, double x0, double x1);
  /// Vertical (axis 2) or horizontal (axis 0 or 1) cylinder with end caps; `base` is the centre of
  /// the first cap. A frustum when the radii differ.
  void cylinder(const Vec3& base, int axis, double length, double radius0, double radius1, int segments = 8);

  vtkSmartPointer<vtkPolyData> build() const;
  std::size_t triangleCount() const { return triangles_.size(); }

 private:
  int vertex(const Vec3& p, const Vec3& n);
  /// Shared-corner extrusion of a convex outline along z (axis 2) or x (axis 0).
  void lowPolyExtrusion(const std::vector<std::array<double, 2>>& outline, int axis, double t0, double t1);
  /// A convex planar polygon; its winding is corrected to face away from `inside`.
  void flatPolygon(std::vector<Vec3> corners, const Vec3& inside);

  std::vector<Vec3> points_, normals_;
  std::vector<std::array<int, 3>> triangles_;
  bool withNormals_ = true;
};

}  // namespace gigaplan::widgets::scene
