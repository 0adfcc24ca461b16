// Camera maths for a site seen from above: a pose is a focal point, a distance and two angles
// (azimuth around the vertical, elevation above the horizon), so the horizon never rolls and the
// plan view (elevation 90°) is just one pose. Framing, interpolation and screen→world rays.
#pragma once

#include <array>
#include <optional>

class vtkCamera;
class vtkRenderer;

namespace gigaplan::widgets {

struct CameraPose {
  std::array<double, 3> focal{};
  double distance = 100;     // m from focal point to camera
  double azimuth = -135;     // degrees: the camera stands in this compass direction from +x (CCW)
  double elevation = 35.26;  // degrees above the horizon; 90 = looking straight down
};

/// Plan view: straight down, north (+y) up on screen.
inline constexpr double kPlanAzimuth = -90, kPlanElevation = 90;
/// Isometric: from the south-west, at the true isometric angle.
inline constexpr double kIsoAzimuth = -135, kIsoElevation = 35.26;
/// Orbiting never goes below this elevation (the ground would hide the site).
inline constexpr double kMinElevation = 2;

CameraPose readPose(vtkCamera* camera);
void applyPose(vtkCamera* camera, const CameraPose& pose);

/// A pose at the given angles that frames `bounds` (xmin, xmax, ymin, ymax, zmin, zmax) in a
/// perspective view of `viewAngle` degrees (vertical) and `aspect` (width / height), leaving
/// `margin` (fraction) free around it and the right `rightReserve` (fraction of the width) to
/// the legend.
CameraPose framePose(double azimuth, double elevation, const std::array<double, 6>& bounds, double viewAngle,
                     double aspect, double margin = 0.05, double rightReserve = 0);

/// Smooth path between poses: focal point linear, distance geometric, azimuth the short way.
CameraPose interpolate(const CameraPose& a, const CameraPose& b, double t);

struct Ray {
  std::array<double, 3> origin, direction;  // direction has unit length
};
/// The ray through display pixel (x, y) (VTK display coordinates: origin bottom-left, device px).
Ray displayRay(vtkRenderer* renderer, double x, double y);
/// Where a ray meets the horizontal plane z = height, if it does in front of the camera.
std::optional<std::array<double, 3>> hitPlane(const Ray& ray, double height);
/// World → display (VTK display coordinates).
std::array<double, 2> worldToDisplay(vtkRenderer* renderer, const std::array<double, 3>& world);

}  // namespace gigaplan::widgets
