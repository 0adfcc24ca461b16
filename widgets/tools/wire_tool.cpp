// Drawing a connection (see wire_tool.h).
#include "widgets/tools/wire_tool.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {

WireTool::WireTool(SiteView& view) : QObject(&view), view_(view) {
  view.installEventFilter(this);
}

WireTool::~WireTool() {
  view_.removeEventFilter(this);
}

void WireTool::setEnabled(bool on) {
  if (enabled_ == on) return;
  enabled_ = on;
  if (!on && dragging()) {
    finish();
    emit cancelled();
  }
  view_.setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void WireTool::setVerdict(bool allowed) {
  allowed_ = allowed;
  if (!dragging()) return;
  view_.setCursor(target_.isEmpty() || allowed ? Qt::CrossCursor : Qt::ForbiddenCursor);
  if (end_) {  // recolour the line where it stands
    view_.scene().setWire({{start_[0], start_[1], start_[2], (*end_)[0], (*end_)[1], (*end_)[2]}},
                          target_.isEmpty() || allowed_);
    view_.update();
  }
}

bool WireTool::press(QPointF pos) {
  const QString id = view_.objectIdAt(pos.toPoint());
  if (id.isEmpty()) return false;
  const auto ref = view_.scene().find(id.toStdString());
  const auto top = ref ? view_.scene().topCentre(*ref) : std::nullopt;
  if (!top) return false;
  if (!view_.selection().contains(id)) view_.setSelection({id});
  from_ = view_.selection();
  start_ = *top;
  target_.clear();
  allowed_ = true;
  view_.setFocus(Qt::MouseFocusReason);
  return true;
}

void WireTool::move(QPointF pos, Qt::KeyboardModifiers mods) {
  QString id = view_.objectIdAt(pos.toPoint());
  if (from_.contains(id)) id.clear();
  const bool second = mods.testFlag(Qt::ShiftModifier);
  if (id != target_ || second != second_) {
    target_ = id;
    second_ = second;
    allowed_ = true;
    emit hovered(from_, target_, second_);  // the listener answers with setVerdict
  }
  // The line ends on the target's top, or on the floor under the cursor.
  std::optional<std::array<double, 3>> end;
  if (!target_.isEmpty()) {
    if (const auto ref = view_.scene().find(target_.toStdString())) end = view_.scene().topCentre(*ref);
  }
  if (!end) end = floorPointAt(view_, pos, start_[2]);
  end_ = end;
  if (end) {
    view_.scene().setWire({{start_[0], start_[1], start_[2], (*end)[0], (*end)[1], (*end)[2]}},
                          target_.isEmpty() || allowed_);
  }
  view_.setCursor(target_.isEmpty() || allowed_ ? Qt::CrossCursor : Qt::ForbiddenCursor);
  view_.update();
}

void WireTool::finish() {
  from_.clear();
  end_.reset();
  target_.clear();
  view_.scene().setWire({});
  view_.setCursor(enabled_ ? Qt::CrossCursor : Qt::ArrowCursor);
  view_.update();
}

bool WireTool::eventFilter(QObject*, QEvent* event) {
  if (!enabled_) return false;
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton) return false;
      return press(e->position());
    }
    case QEvent::MouseMove: {
      if (!dragging()) return false;
      auto* e = static_cast<QMouseEvent*>(event);
      move(e->position(), e->modifiers());
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!dragging() || e->button() != Qt::LeftButton) return false;
      const QStringList from = from_;
      const QString to = target_;
      const bool second = e->modifiers().testFlag(Qt::ShiftModifier);
      finish();
      if (to.isEmpty())
        emit cancelled();
      else
        emit dropped(from, to, second);
      return true;
    }
    case QEvent::KeyPress: {
      auto* e = static_cast<QKeyEvent*>(event);
      if (!dragging() || e->key() != Qt::Key_Escape) return false;
      finish();
      emit cancelled();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace gigaplan::widgets
