// Hall walls and corners held with the mouse (see hall_grip_tool.h).
#include "widgets/tools/hall_grip_tool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>

#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {
namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a, ap = p - a;
  const double length2 = QPointF::dotProduct(ab, ab);
  const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(ap, ab) / length2, 0.0, 1.0) : 0.0;
  const QPointF d = ap - t * ab;
  return std::hypot(d.x(), d.y());
}

}  // namespace

HallGripTool::HallGripTool(SiteView& view) : QObject(&view), view_(view) {
  view.installEventFilter(this);
}

HallGripTool::~HallGripTool() {
  view_.removeEventFilter(this);
}

void HallGripTool::setEnabled(bool on) {
  if (on == enabled_) return;
  if (!on) {
    if (dragging_) cancel();
    pressed_ = false;
    showGrip({});
  }
  enabled_ = on;
}

HallGripTool::Hold HallGripTool::holdAt(QPointF pos) const {
  Hold best;
  double bestDistance = kWallReach;
  for (const auto& h : view_.scene().layout().halls) {
    const double x0 = h.origin.x, y0 = h.origin.y, x1 = x0 + h.size.x, y1 = y0 + h.size.y;
    // South-west, south-east, north-east, north-west: the outline in order.
    const std::array<QPointF, 4> c = {widgetPointOf(view_, {x0, y0, 0}), widgetPointOf(view_, {x1, y0, 0}),
                                      widgetPointOf(view_, {x1, y1, 0}), widgetPointOf(view_, {x0, y1, 0})};
    constexpr std::array<Grip, 4> kCorners = {Grip::SouthWest, Grip::SouthEast, Grip::NorthEast, Grip::NorthWest};
    for (std::size_t k = 0; k < 4; ++k) {
      const QPointF d = pos - c[k];
      if (std::hypot(d.x(), d.y()) > kCornerReach) continue;
      // The diagonal from the opposite corner, as the hall lies on screen.
      const QPointF diagonal = c[k] - c[(k + 2) % 4];
      return {QString::fromStdString(h.id), kCorners[k],
              (diagonal.x() > 0) == (diagonal.y() > 0) ? Qt::SizeFDiagCursor : Qt::SizeBDiagCursor};
    }
    for (std::size_t k = 0; k < 4; ++k) {
      const double d = distanceToSegment(pos, c[k], c[(k + 1) % 4]);
      if (d <= bestDistance) bestDistance = d, best = {QString::fromStdString(h.id), Grip::Walls, Qt::SizeAllCursor};
    }
  }
  return best;
}

void HallGripTool::showGrip(const Hold& hold) {
  if (hold.grip == Grip::None) {
    if (cursorSet_) view_.unsetCursor();
    cursorSet_ = false;
    return;
  }
  view_.setCursor(hold.cursor);
  cursorSet_ = true;
}

void HallGripTool::cancel() {
  pressed_ = dragging_ = false;
  hold_ = {};
  emit dragCancelled();
}

bool HallGripTool::eventFilter(QObject*, QEvent* event) {
  if (!enabled_) return false;
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton || e->modifiers() != Qt::NoModifier) return false;
      const Hold hold = holdAt(e->position());
      if (hold.grip == Grip::None || !view_.objectIdAt(e->position().toPoint()).isEmpty()) return false;
      const auto world = floorPointAt(view_, e->position(), 0);
      if (!world) return false;
      hold_ = hold;
      pressWorld_ = *world;
      pressPos_ = e->position();
      pressed_ = true;
      dragging_ = false;
      view_.setFocus(Qt::MouseFocusReason);
      return true;
    }
    case QEvent::MouseMove: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!pressed_) {
        if (e->buttons() == Qt::NoButton) showGrip(holdAt(e->position()));
        return false;  // the view still reports the cursor's coordinates
      }
      const QPointF d = e->position() - pressPos_;
      if (!dragging_ && std::abs(d.x()) + std::abs(d.y()) > kDragSlop) {
        dragging_ = true;
        emit dragStarted(hold_.hall, hold_.grip);
      }
      if (dragging_) {
        if (const auto world = floorPointAt(view_, e->position(), 0))
          emit dragMoved((*world)[0] - pressWorld_[0], (*world)[1] - pressWorld_[1]);
      }
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!pressed_ || e->button() != Qt::LeftButton) return false;
      if (dragging_) emit dragFinished();
      pressed_ = dragging_ = false;
      hold_ = {};
      return true;
    }
    case QEvent::KeyPress: {
      auto* e = static_cast<QKeyEvent*>(event);
      if (!dragging_ || e->key() != Qt::Key_Escape) return false;
      cancel();
      return true;
    }
    case QEvent::Leave:
      if (!pressed_) showGrip({});
      return false;
    default:
      return false;
  }
}

}  // namespace gigaplan::widgets
