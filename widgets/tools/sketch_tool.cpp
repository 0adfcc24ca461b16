// Drawing on the floor (see sketch_tool.h).
#include "widgets/tools/sketch_tool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <cmath>

#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {
namespace {
constexpr double kOutlineHeight = 0.05;  // m above the floor, so the outline is not hidden by it
}  // namespace

SketchTool::SketchTool(SiteView& view) : QObject(&view), view_(view) {
  view.installEventFilter(this);
}

SketchTool::~SketchTool() {
  view_.removeEventFilter(this);
}

void SketchTool::setEnabled(bool on) {
  if (enabled_ == on) return;
  enabled_ = on;
  if (!on && pressed_) {
    clear();
    emit cancelled();
  }
  view_.setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void SketchTool::setOutline(const std::vector<std::array<double, 2>>& corners, bool allowed) {
  std::vector<std::array<double, 6>> segments;
  for (std::size_t i = 0; i < corners.size() && corners.size() > 1; ++i) {
    const auto& a = corners[i];
    const auto& b = corners[(i + 1) % corners.size()];
    segments.push_back({a[0], a[1], kOutlineHeight, b[0], b[1], kOutlineHeight});
  }
  view_.scene().setWire(segments, allowed);
  view_.setCursor(allowed ? Qt::CrossCursor : Qt::ForbiddenCursor);
  view_.update();
}

void SketchTool::clear() {
  pressed_ = moved_ = false;
  view_.scene().setWire({}, true);
  view_.setCursor(enabled_ ? Qt::CrossCursor : Qt::ArrowCursor);
  view_.update();
}

bool SketchTool::eventFilter(QObject*, QEvent* event) {
  if (!enabled_) return false;
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton) return false;
      const auto floor = floorPointAt(view_, e->position(), 0);
      if (!floor) return false;
      pressed_ = true;
      moved_ = false;
      pressPos_ = e->position();
      from_ = to_ = QPointF((*floor)[0], (*floor)[1]);
      view_.setFocus(Qt::MouseFocusReason);
      return true;
    }
    case QEvent::MouseMove: {
      if (!pressed_) return false;
      auto* e = static_cast<QMouseEvent*>(event);
      const QPointF d = e->position() - pressPos_;
      moved_ = moved_ || std::abs(d.x()) + std::abs(d.y()) > kDragSlop;
      if (const auto floor = floorPointAt(view_, e->position(), 0)) {
        to_ = QPointF((*floor)[0], (*floor)[1]);
        if (moved_) emit sketched(from_, to_);
      }
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!pressed_ || e->button() != Qt::LeftButton) return false;
      const bool done = moved_;
      const QPointF from = from_, to = to_;
      clear();
      if (done)
        emit finished(from, to);
      else
        emit cancelled();
      return true;
    }
    case QEvent::KeyPress: {
      auto* e = static_cast<QKeyEvent*>(event);
      if (!pressed_ || e->key() != Qt::Key_Escape) return false;
      clear();
      emit cancelled();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace gigaplan::widgets
