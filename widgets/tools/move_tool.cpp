// Floor dragging (see move_tool.h).
#include "widgets/tools/move_tool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <cmath>

#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {
MoveTool::MoveTool(SiteView& view) : QObject(&view), view_(view) {
  view.installEventFilter(this);
}

MoveTool::~MoveTool() {
  view_.removeEventFilter(this);
}

bool MoveTool::press(QPointF pos) {
  const QString id = view_.objectIdAt(pos.toPoint());
  if (id.isEmpty()) return false;
  const auto ref = view_.scene().find(id.toStdString());
  const auto top = ref ? view_.scene().topCentre(*ref) : std::nullopt;
  planeHeight_ = top ? (*top)[2] : 0.0;
  const auto world = floorPointAt(view_, pos, planeHeight_);
  if (!world) return false;
  pressWorld_ = *world;
  pressPos_ = pos;
  grabbed_ = id;
  pressed_ = true;
  dragging_ = false;
  wasSelected_ = view_.selection().contains(id);
  if (!wasSelected_) view_.setSelection({id});
  view_.setFocus(Qt::MouseFocusReason);
  return true;
}

void MoveTool::release() {
  if (dragging_) {
    emit dragFinished();
  } else if (wasSelected_ && view_.selection().size() > 1) {
    view_.setSelection({grabbed_});  // a click inside a multiple selection picks that one
  }
  pressed_ = dragging_ = false;
  grabbed_.clear();
}

bool MoveTool::eventFilter(QObject*, QEvent* event) {
  if (!enabled_) return false;
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton || e->modifiers() != Qt::NoModifier) return false;
      return press(e->position());
    }
    case QEvent::MouseMove: {
      if (!pressed_) return false;
      auto* e = static_cast<QMouseEvent*>(event);
      const QPointF d = e->position() - pressPos_;
      if (!dragging_ && std::abs(d.x()) + std::abs(d.y()) > kDragSlop) {
        dragging_ = true;
        emit dragStarted();
      }
      if (dragging_) {
        if (const auto world = floorPointAt(view_, e->position(), planeHeight_)) {
          emit dragMoved((*world)[0] - pressWorld_[0], (*world)[1] - pressWorld_[1]);
        }
      }
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!pressed_ || e->button() != Qt::LeftButton) return false;
      release();
      return true;
    }
    case QEvent::KeyPress: {
      auto* e = static_cast<QKeyEvent*>(event);
      if (!dragging_ || e->key() != Qt::Key_Escape) return false;
      pressed_ = dragging_ = false;
      grabbed_.clear();
      emit dragCancelled();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace gigaplan::widgets
