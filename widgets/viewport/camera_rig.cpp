// Camera poses, framing, interpolation and rays (see camera_rig.h).
#include "widgets/viewport/camera_rig.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <algorithm>
#include <cmath>

#include "core/units/units.h"

namespace gigaplan::widgets {

namespace {

using V3 = std::array<double, 3>;

double dot(const V3& a, const V3& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
V3 cross(const V3& a, const V3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

struct Basis {
  V3 back, up, right;  // back: focal → camera
};

Basis basis(double azimuth, double elevation) {
  const double a = azimuth * units::kDegree, e = elevation * units::kDegree;
  Basis b;
  b.back = {std::cos(e) * std::cos(a), std::cos(e) * std::sin(a), std::sin(e)};
  // The elevation tangent: perpendicular to the view, pointing "up the screen"; defined at 90°.
  b.up = {-std::sin(e) * std::cos(a), -std::sin(e) * std::sin(a), std::cos(e)};
  b.right = cross(b.up, b.back);
  return b;
}

}  // namespace

CameraPose readPose(vtkCamera* camera) {
  CameraPose p;
  double f[3], pos[3], up[3];
  camera->GetFocalPoint(f);
  camera->GetPosition(pos);
  camera->GetViewUp(up);
  p.focal = {f[0], f[1], f[2]};
  V3 w{pos[0] - f[0], pos[1] - f[1], pos[2] - f[2]};
  p.distance = std::sqrt(dot(w, w));
  if (p.distance <= 0) return p;
  for (double& c : w) c /= p.distance;
  p.elevation = std::asin(std::clamp(w[2], -1.0, 1.0)) / units::kDegree;
  if (std::hypot(w[0], w[1]) > 1e-6)
    p.azimuth = std::atan2(w[1], w[0]) / units::kDegree;
  else
    p.azimuth = std::atan2(-up[1], -up[0]) / units::kDegree;  // looking straight down: from the view-up
  return p;
}

void applyPose(vtkCamera* camera, const CameraPose& pose) {
  const Basis b = basis(pose.azimuth, pose.elevation);
  camera->SetFocalPoint(pose.focal.data());
  camera->SetPosition(pose.focal[0] + pose.distance * b.back[0], pose.focal[1] + pose.distance * b.back[1],
                      pose.focal[2] + pose.distance * b.back[2]);
  camera->SetViewUp(b.up.data());
}

CameraPose framePose(double azimuth, double elevation, const std::array<double, 6>& bounds, double viewAngle,
                     double aspect, double margin, double rightReserve) {
  const Basis b = basis(azimuth, elevation);
  const V3 centre{(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, (bounds[4] + bounds[5]) / 2};
  // Corners in the camera frame (u right, v up, d towards the camera).
  std::array<V3, 8> corners;
  double umin = INFINITY, umax = -INFINITY, vmin = INFINITY, vmax = -INFINITY;
  for (int i = 0; i < 8; ++i) {
    const V3 p{bounds[(i & 1) ? 1 : 0] - centre[0], bounds[(i & 2) ? 3 : 2] - centre[1],
               bounds[(i & 4) ? 5 : 4] - centre[2]};
    corners[static_cast<std::size_t>(i)] = {dot(p, b.right), dot(p, b.up), dot(p, b.back)};
    umin = std::min(umin, corners[static_cast<std::size_t>(i)][0]),
    umax = std::max(umax, corners[static_cast<std::size_t>(i)][0]);
    vmin = std::min(vmin, corners[static_cast<std::size_t>(i)][1]),
    vmax = std::max(vmax, corners[static_cast<std::size_t>(i)][1]);
  }
  const double uc = (umin + umax) / 2, vc = (vmin + vmax) / 2;
  const double tanV = std::tan(viewAngle / 2 * units::kDegree) * (1 - margin);
  const double tanH = tanV * aspect * (1 - rightReserve);
  // A point at lateral offset s and depth d (towards the camera) stays in view when the camera
  // distance D satisfies |s| / (D - d) <= tan(half angle).
  double distance = 1;
  for (const V3& c : corners)
    distance = std::max({distance, std::abs(c[0] - uc) / tanH + c[2], std::abs(c[1] - vc) / tanV + c[2]});
  CameraPose pose;
  pose.azimuth = azimuth;
  pose.elevation = elevation;
  pose.distance = distance;
  // Centre the content in the part of the screen left of the reserve: move the focal point right
  // by the reserve's share of the half-width at the focal distance.
  const double shift = rightReserve * tanV * aspect * distance;
  for (std::size_t a = 0; a < 3; ++a) pose.focal[a] = centre[a] + (uc + shift) * b.right[a] + vc * b.up[a];
  return pose;
}

CameraPose interpolate(const CameraPose& a, const CameraPose& b, double t) {
  CameraPose p;
  for (std::size_t i = 0; i < 3; ++i) p.focal[i] = a.focal[i] + t * (b.focal[i] - a.focal[i]);
  p.distance = a.distance * std::pow(b.distance / a.distance, t);
  double da = std::fmod(b.azimuth - a.azimuth, 360.0);
  if (da > 180) da -= 360;
  if (da < -180) da += 360;
  p.azimuth = a.azimuth + t * da;
  p.elevation = a.elevation + t * (b.elevation - a.elevation);
  return p;
}

Ray displayRay(vtkRenderer* renderer, double x, double y) {
  auto world = [&](double z) {
    renderer->SetDisplayPoint(x, y, z);
    renderer->DisplayToWorld();
    double w[4];
    renderer->GetWorldPoint(w);
    const double h = w[3] != 0 ? w[3] : 1;
    return V3{w[0] / h, w[1] / h, w[2] / h};
  };
  const V3 near = world(0), far = world(1);
  V3 d{far[0] - near[0], far[1] - near[1], far[2] - near[2]};
  const double n = std::sqrt(dot(d, d));
  if (n > 0)
    for (double& c : d) c /= n;
  return {near, d};
}

std::optional<std::array<double, 3>> hitPlane(const Ray& ray, double height) {
  if (std::abs(ray.direction[2]) < 1e-9) return std::nullopt;
  const double t = (height - ray.origin[2]) / ray.direction[2];
  if (t <= 0) return std::nullopt;
  return V3{ray.origin[0] + t * ray.direction[0], ray.origin[1] + t * ray.direction[1], height};
}

std::array<double, 2> worldToDisplay(vtkRenderer* renderer, const std::array<double, 3>& world) {
  renderer->SetWorldPoint(world[0], world[1], world[2], 1.0);
  renderer->WorldToDisplay();
  double d[3];
  renderer->GetDisplayPoint(d);
  return {d[0], d[1]};
}

}  // namespace gigaplan::widgets
