// Hall walls and corners dragged into edits (see hall_drag.h).
#include "app/gui/tools/hall_drag.h"

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"

namespace gigaplan::app {

namespace {
editing::HallGrip toEditGrip(widgets::HallGripTool::Grip grip) {
  using G = widgets::HallGripTool::Grip;
  switch (grip) {
    case G::SouthWest:
      return editing::HallGrip::SouthWest;
    case G::SouthEast:
      return editing::HallGrip::SouthEast;
    case G::NorthWest:
      return editing::HallGrip::NorthWest;
    case G::NorthEast:
      return editing::HallGrip::NorthEast;
    case G::Walls:
    case G::None:
      break;
  }
  return editing::HallGrip::Walls;
}

QString geometryText(const QString& action, design::Vec2 origin, design::Vec2 size) {
  return QObject::tr("%1: %2 × %3 at %4, %5")
      .arg(action, metresText(size.x), metresText(size.y), metresText(origin.x), metresText(origin.y));
}
}  // namespace

HallDrag::HallDrag(widgets::HallGripTool& tool, DesignEditor& editor, QObject* parent)
    : QObject(parent), editor_(editor) {
  connect(&tool, &widgets::HallGripTool::dragStarted, this, &HallDrag::start);
  connect(&tool, &widgets::HallGripTool::dragMoved, this, &HallDrag::move);
  connect(&tool, &widgets::HallGripTool::dragFinished, this, &HallDrag::finish);
  connect(&tool, &widgets::HallGripTool::dragCancelled, this, &HallDrag::cancel);
}

void HallDrag::start(const QString& hall, widgets::HallGripTool::Grip grip) {
  start_ = editor_.document().resolved();
  const auto it = start_->layout.hallIndex.find(hall.toStdString());
  hall_ = it == start_->layout.hallIndex.end() ? -1 : it->second;
  hallId_ = hall;
  grip_ = toEditGrip(grip);
  mergeKey_ = editor_.newMergeKey();
  changed_ = false;
  if (hall_ >= 0) {
    shownOrigin_ = start_->layout.halls[static_cast<std::size_t>(hall_)].origin;
    shownSize_ = start_->layout.halls[static_cast<std::size_t>(hall_)].size;
  }
  text_ = grip_ == editing::HallGrip::Walls ? tr("Move %1").arg(hall) : tr("Resize %1").arg(hall);
}

void HallDrag::move(double dx, double dy) {
  if (!start_ || hall_ < 0) return;
  const editing::HallSketch target = editing::hallDragged(*start_, hall_, grip_, {dx, dy});
  if (!target.refusal.empty()) {
    emit editor_.message(QString::fromStdString(target.refusal));
    return;
  }
  if (target.origin == shownOrigin_ && target.size == shownSize_) return;  // the same snapped place
  const design::Hall& hall = start_->layout.halls[static_cast<std::size_t>(hall_)];
  if (target.origin == hall.origin && target.size == hall.size) {
    // Back where it started: the design before the drag, still one merged step.
    if (changed_) editor_.apply(text_, {start_->design, {}, {}}, mergeKey_);
  } else {
    editing::EditOutcome out = editing::setHallGeometry(*start_, hall_, target.origin, target.size);
    if (!out) {
      emit editor_.message(QString::fromStdString(out.refusal));
      return;
    }
    if (!editor_.apply(text_, std::move(out), mergeKey_)) return;
    changed_ = true;
  }
  shownOrigin_ = target.origin, shownSize_ = target.size;
  emit editor_.message(geometryText(text_, target.origin, target.size));
}

void HallDrag::finish() {
  if (changed_) emit editor_.message(geometryText(text_, shownOrigin_, shownSize_));
  start_.reset();
}

void HallDrag::cancel() {
  if (changed_) editor_.document().undoStack()->undo();
  changed_ = false;
  start_.reset();
  emit editor_.message(tr("%1 cancelled").arg(text_));
}

}  // namespace gigaplan::app
