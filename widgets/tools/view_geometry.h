// Widget pixels ↔ world metres for a SiteView, through its renderer's camera: where a world point
// appears in the widget, and where the ray under the cursor meets a horizontal plane. The 3D
// editing tools drag on the floor with these; tests use them to click where an object projects.
//
//   QPointF p = widgetPointOf(view, *view.scene().topCentre(ref));
//   if (auto floor = floorPointAt(view, event->position(), 2.3)) ...
#pragma once

#include <QPointF>
#include <array>
#include <optional>

namespace gigaplan::widgets {

class SiteView;

/// Logical pixels the cursor may travel between press and release and still make a click, not a
/// drag (Manhattan distance); every editing tool uses it.
inline constexpr double kDragSlop = 4;

/// Widget coordinates (logical pixels, origin top-left) of a world point.
QPointF widgetPointOf(const SiteView& view, const std::array<double, 3>& world);
/// The world point under a widget position on the plane z = height, if the ray meets it in front
/// of the camera.
std::optional<std::array<double, 3>> floorPointAt(const SiteView& view, const QPointF& widgetPos, double height = 0);

}  // namespace gigaplan::widgets
