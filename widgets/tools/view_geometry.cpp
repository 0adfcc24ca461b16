// Widget ↔ world conversions for a SiteView (see view_geometry.h). VTK display coordinates are
// device pixels with the origin bottom-left; Qt's are logical pixels with the origin top-left.
#include "widgets/tools/view_geometry.h"

#include <vtkGenericRenderWindowInteractor.h>
#include <vtkRenderer.h>

#include "widgets/viewport/camera_rig.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {

QPointF widgetPointOf(const SiteView& view, const std::array<double, 3>& world) {
  const double dpr = view.pixelRatio();
  const int* size = view.interactor()->GetSize();
  const auto d = worldToDisplay(view.renderer(), world);
  return {d[0] / dpr, (size[1] - 1 - d[1]) / dpr};
}

std::optional<std::array<double, 3>> floorPointAt(const SiteView& view, const QPointF& widgetPos, double height) {
  const double dpr = view.pixelRatio();
  const int* size = view.interactor()->GetSize();
  const Ray ray = displayRay(view.renderer(), widgetPos.x() * dpr, size[1] - 1 - widgetPos.y() * dpr);
  return hitPlane(ray, height);
}

}  // namespace gigaplan::widgets
