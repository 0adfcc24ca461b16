// Site navigation (see site_interactor_style.h).
#include "widgets/viewport/site_interactor_style.h"

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindow.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>
#include <algorithm>

#include "widgets/viewport/camera_rig.h"

namespace gigaplan::widgets {

vtkStandardNewMacro(SiteInteractorStyle);

void SiteInteractorStyle::Rotate() {
  if (!CurrentRenderer) return;
  vtkRenderWindowInteractor* rwi = Interactor;
  const int dx = rwi->GetEventPosition()[0] - rwi->GetLastEventPosition()[0];
  const int dy = rwi->GetEventPosition()[1] - rwi->GetLastEventPosition()[1];
  const int* size = CurrentRenderer->GetRenderWindow()->GetSize();
  // Same speed as VTK's trackball: a drag across the window turns by about 200°.
  const double perPixelX = -20.0 / std::max(1, size[0]) * MotionFactor;
  const double perPixelY = -20.0 / std::max(1, size[1]) * MotionFactor;
  vtkCamera* camera = CurrentRenderer->GetActiveCamera();
  CameraPose pose = readPose(camera);
  pose.azimuth += dx * perPixelX;
  pose.elevation = std::clamp(pose.elevation + dy * perPixelY, kMinElevation, 90.0);
  applyPose(camera, pose);
  if (AutoAdjustCameraClippingRange) CurrentRenderer->ResetCameraClippingRange();
  rwi->Render();
}

void SiteInteractorStyle::Spin() {
  // No roll: the ground stays level on screen.
}

void SiteInteractorStyle::OnChar() {
  // Swallow VTK's one-key commands: 'w' wireframe, 'q'/'e' quit, '3' stereo, 'r' reset …
}

void SiteInteractorStyle::OnMouseWheelForward() {
  zoomTowardsCursor(wheelZoomFactor_);
}
void SiteInteractorStyle::OnMouseWheelBackward() {
  zoomTowardsCursor(1.0 / wheelZoomFactor_);
}

void SiteInteractorStyle::zoomTowardsCursor(double factor) {
  const int* pos = Interactor->GetEventPosition();
  FindPokedRenderer(pos[0], pos[1]);
  if (!CurrentRenderer) return;
  GrabFocus(EventCallbackCommand);
  StartDolly();
  vtkCamera* camera = CurrentRenderer->GetActiveCamera();
  double f[3], c[3];
  camera->GetFocalPoint(f);
  camera->GetPosition(c);
  // Scaling the camera frame about the point under the cursor keeps that point where it is on
  // screen; without a ground point (cursor on the sky) zoom towards the focal point.
  const Ray ray = displayRay(CurrentRenderer, pos[0], pos[1]);
  const std::array<double, 3> focal{f[0], f[1], f[2]};
  const std::array<double, 3> anchor = hitPlane(ray, 0.0).value_or(focal);
  const double s = 1.0 / factor;
  // Do not dive into the ground: keep at least 2 m between camera and focal point.
  if (camera->GetDistance() * s >= 2.0) {
    double nf[3], nc[3];
    for (int i = 0; i < 3; ++i) {
      nf[i] = anchor[static_cast<std::size_t>(i)] + (f[i] - anchor[static_cast<std::size_t>(i)]) * s;
      nc[i] = anchor[static_cast<std::size_t>(i)] + (c[i] - anchor[static_cast<std::size_t>(i)]) * s;
    }
    camera->SetFocalPoint(nf);
    camera->SetPosition(nc);
    if (AutoAdjustCameraClippingRange) CurrentRenderer->ResetCameraClippingRange();
  }
  EndDolly();
  ReleaseFocus();
  Interactor->Render();
}

}  // namespace gigaplan::widgets
