// Mouse navigation for a site: left-drag orbits around the vertical (the ground never rolls and
// the camera never goes under it), middle-drag or shift+left pans, right-drag dollies, the wheel
// zooms towards the point under the cursor. VTK's single-key shortcuts (wireframe, quit …) are off.
#pragma once

#include <vtkInteractorStyleTrackballCamera.h>

namespace gigaplan::widgets {

class SiteInteractorStyle : public vtkInteractorStyleTrackballCamera {
 public:
  static SiteInteractorStyle* New();
  vtkTypeMacro(SiteInteractorStyle, vtkInteractorStyleTrackballCamera)

      void Rotate() override;
  void Spin() override;
  void OnMouseWheelForward() override;
  void OnMouseWheelBackward() override;
  void OnChar() override;

  /// Zoom factor per wheel notch (> 1).
  void SetWheelZoomFactor(double f) { wheelZoomFactor_ = f; }

 protected:
  SiteInteractorStyle() = default;

 private:
  void zoomTowardsCursor(double factor);
  double wheelZoomFactor_ = 1.2;
};

}  // namespace gigaplan::widgets
