// Small closed meshes with explicit normals for the glyph shapes (see mesh_builder.h).
#include "widgets/scene/mesh_builder.h"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace gigaplan::widgets::scene {

namespace {
Vec3 sub(const Vec3& a, const Vec3& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double dot(const Vec3& a, const Vec3& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
Vec3 normalized(const Vec3& v) {
  const double n = std::sqrt(dot(v, v));
  return n > 0 ? Vec3{v[0] / n, v[1] / n, v[2] / n} : Vec3{0, 0, 1};
}
}  // namespace

int MeshBuilder::vertex(const Vec3& p, const Vec3& n) {
  points_.push_back(p);
  normals_.push_back(n);
  return static_cast<int>(points_.size()) - 1;
}

void MeshBuilder::flatPolygon(std::vector<Vec3> corners, const Vec3& inside) {
  Vec3 centre{0, 0, 0};
  for (const Vec3& c : corners)
    for (int i = 0; i < 3; ++i) centre[i] += c[i] / static_cast<double>(corners.size());
  Vec3 normal = normalized(cross(sub(corners[1], corners[0]), sub(corners[2], corners[0])));
  if (dot(normal, sub(centre, inside)) < 0) {
    std::reverse(corners.begin(), corners.end());
    normal = {-normal[0], -normal[1], -normal[2]};
  }
  if (normal[2] < -0.999) return;  // faces straight down are never seen
  const int first = vertex(corners[0], normal);
  for (std::size_t i = 1; i < corners.size(); ++i) vertex(corners[i], normal);
  for (int i = 1; i + 1 < static_cast<int>(corners.size()); ++i)
    triangles_.push_back({first, first + i, first + i + 1});
}

void MeshBuilder::box(const Vec3& min, const Vec3& max) {
  prism({{min[0], min[1]}, {max[0], min[1]}, {max[0], max[1]}, {min[0], max[1]}}, min[2], max[2]);
}

void MeshBuilder::prism(const std::vector<std::array<double, 2>>& outline, double z0, double z1) {
  Vec3 inside{0, 0, (z0 + z1) / 2};
  for (const auto& p : outline)
    inside[0] += p[0] / static_cast<double>(outline.size()), inside[1] += p[1] / static_cast<double>(outline.size());
  std::vector<Vec3> top;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const auto& a = outline[i];
    const auto& b = outline[(i + 1) % outline.size()];
    flatPolygon({{a[0], a[1], z0}, {b[0], b[1], z0}, {b[0], b[1], z1}, {a[0], a[1], z1}}, inside);
    top.push_back({a[0], a[1], z1});
  }
  flatPolygon(top, inside);
}

void MeshBuilder::lowPolyBox(const Vec3& min, const Vec3& max) {
  lowPolyPrism({{min[0], min[1]}, {max[0], min[1]}, {max[0], max[1]}, {min[0], max[1]}}, min[2], max[2]);
}

void MeshBuilder::lowPolyPrism(const std::vector<std::array<double, 2>>& outline, double z0, double z1) {
  lowPolyExtrusion(outline, 2, z0, z1);
}

void MeshBuilder::lowPolyExtrusionX(const std::vector<std::array<double, 2>>& profile, double x0, double x1) {
  lowPolyExtrusion(profile, 0, x0, x1);
}

void MeshBuilder::lowPolyExtrusion(const std::vector<std::array<double, 2>>& outline, int axis, double t0, double t1) {
  withNormals_ = false;
  // Counter-clockwise seen from the +axis end, so that side triangles face outwards.
  std::vector<std::array<double, 2>> ring = outline;
  double area = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const auto& a = ring[i];
    const auto& b = ring[(i + 1) % ring.size()];
    area += a[0] * b[1] - b[0] * a[1];
  }
  if (area < 0) std::reverse(ring.begin(), ring.end());
  // Outline (u, v) and extrusion t to x, y, z: (u, v, t) along z, (t, u, v) along x.
  auto point = [axis](const std::array<double, 2>& uv, double t) {
    return axis == 2 ? Vec3{uv[0], uv[1], t} : Vec3{t, uv[0], uv[1]};
  };
  const int n = static_cast<int>(ring.size());
  const int base = static_cast<int>(points_.size());
  for (double t : {t0, t1})
    for (const auto& p : ring) vertex(point(p, t), {0, 0, 1});
  for (int i = 0; i < n; ++i) {
    const int j = (i + 1) % n;
    const bool onFloor =
        axis == 0 && ring[static_cast<std::size_t>(i)][1] == 0 && ring[static_cast<std::size_t>(j)][1] == 0;
    if (onFloor) continue;
    triangles_.push_back({base + i, base + j, base + n + j});
    triangles_.push_back({base + i, base + n + j, base + n + i});
  }
  for (int i = 1; i + 1 < n; ++i) {
    triangles_.push_back({base + n, base + n + i, base + n + i + 1});     // far end, facing +axis
    if (axis != 2) triangles_.push_back({base, base + i + 1, base + i});  // near end (along z: the floor)
  }
}

void MeshBuilder::chamferedBox(const Vec3& min, const Vec3& max, const Vec3& bevel) {
  const Vec3 c{(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
  const Vec3 h{(max[0] - min[0]) / 2, (max[1] - min[1]) / 2, (max[2] - min[2]) / 2};
  const bool chamfer = bevel[0] > 0 && bevel[1] > 0 && bevel[2] > 0;
  // Corner (sx, sy, sz) has one vertex on each of the three faces meeting there; axis a's vertex
  // lies on face a, pulled in by the bevel along the two other axes.
  auto corner = [&](int axis, int sx, int sy, int sz) {
    const int s[3] = {sx, sy, sz};
    Vec3 p;
    for (int i = 0; i < 3; ++i) p[i] = c[i] + s[i] * (i == axis ? h[i] : h[i] - bevel[i]);
    return p;
  };
  for (int axis = 0; axis < 3; ++axis) {
    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
    for (int side : {-1, 1}) {
      std::vector<Vec3> quad;
      for (auto [su, sv] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
        int s[3];
        s[axis] = side, s[u] = su, s[v] = sv;
        quad.push_back(corner(axis, s[0], s[1], s[2]));
      }
      flatPolygon(quad, c);
    }
  }
  if (!chamfer) return;
  // Edge strips between face a and face b, running along the third axis.
  for (int a = 0; a < 3; ++a) {
    const int b = (a + 1) % 3, along = (a + 2) % 3;
    for (int sa : {-1, 1})
      for (int sb : {-1, 1}) {
        std::vector<Vec3> quad;
        for (int sAlong : {-1, 1}) {
          int s[3];
          s[a] = sa, s[b] = sb, s[along] = sAlong;
          quad.push_back(corner(a, s[0], s[1], s[2]));
        }
        for (int sAlong : {1, -1}) {
          int s[3];
          s[a] = sa, s[b] = sb, s[along] = sAlong;
          quad.push_back(corner(b, s[0], s[1], s[2]));
        }
        flatPolygon(quad, c);
      }
  }
  for (int sx : {-1, 1})
    for (int sy : {-1, 1})
      for (int sz : {-1, 1}) flatPolygon({corner(0, sx, sy, sz), corner(1, sx, sy, sz), corner(2, sx, sy, sz)}, c);
}

void MeshBuilder::cylinder(const Vec3& base, int axis, double length, double radius0, double radius1, int segments) {
  const int u = (axis + 1) % 3, v = (axis + 2) % 3;
  auto at = [&](double angle, double r, double t) {
    Vec3 p = base;
    p[u] += r * std::cos(angle);
    p[v] += r * std::sin(angle);
    p[axis] += t;
    return p;
  };
  Vec3 axisDir{0, 0, 0};
  axisDir[axis] = 1;
  Vec3 centre = base;
  centre[axis] += length / 2;
  // Side: radial normals tilted by the frustum slope.
  const double slope = (radius0 - radius1) / length;
  const double step = 2 * std::numbers::pi / segments;
  const int first = static_cast<int>(points_.size());
  for (int i = 0; i <= segments; ++i) {
    const double angle = i * step;
    Vec3 n{0, 0, 0};
    n[u] = std::cos(angle), n[v] = std::sin(angle), n[axis] = slope;
    n = normalized(n);
    vertex(at(angle, radius0, 0), n);
    vertex(at(angle, radius1, length), n);
  }
  for (int i = 0; i < segments; ++i) {
    const int a = first + 2 * i, b = a + 1, c2 = a + 2, d = a + 3;
    // Counter-clockwise seen from outside for axis-aligned (u, v, axis) right-handed frames.
    triangles_.push_back({a, c2, d});
    triangles_.push_back({a, d, b});
  }
  for (auto [r, t] : {std::pair{radius0, 0.0}, {radius1, length}}) {
    if (r <= 0) continue;
    std::vector<Vec3> cap;
    for (int i = 0; i < segments; ++i) cap.push_back(at(i * step, r, t));
    flatPolygon(cap, centre);
  }
}

vtkSmartPointer<vtkPolyData> MeshBuilder::build() const {
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToFloat();
  points->SetNumberOfPoints(static_cast<vtkIdType>(points_.size()));
  auto normals = vtkSmartPointer<vtkFloatArray>::New();
  normals->SetName("Normals");
  normals->SetNumberOfComponents(3);
  normals->SetNumberOfTuples(static_cast<vtkIdType>(normals_.size()));
  for (std::size_t i = 0; i < points_.size(); ++i) {
    points->SetPoint(static_cast<vtkIdType>(i), points_[i].data());
    normals->SetTuple(static_cast<vtkIdType>(i), normals_[i].data());
  }
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  for (const auto& t : triangles_) {
    const vtkIdType ids[3] = {t[0], t[1], t[2]};
    polys->InsertNextCell(3, ids);
  }
  auto mesh = vtkSmartPointer<vtkPolyData>::New();
  mesh->SetPoints(points);
  mesh->SetPolys(polys);
  if (withNormals_) mesh->GetPointData()->SetNormals(normals);
  return mesh;
}

}  // namespace gigaplan::widgets::scene
