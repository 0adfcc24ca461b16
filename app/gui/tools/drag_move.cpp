// Drag to move, snapped, merged, refusing overlaps (see drag_move.h).
#include "app/gui/tools/drag_move.h"

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"
#include "widgets/tools/move_tool.h"

namespace gigaplan::app {

DragMove::DragMove(widgets::MoveTool& tool, DesignEditor& editor, QObject* parent)
    : QObject(parent), tool_(tool), editor_(editor) {
  connect(&tool_, &widgets::MoveTool::dragStarted, this, &DragMove::start);
  connect(&tool_, &widgets::MoveTool::dragMoved, this, &DragMove::move);
  connect(&tool_, &widgets::MoveTool::dragFinished, this, &DragMove::finish);
  connect(&tool_, &widgets::MoveTool::dragCancelled, this, &DragMove::cancel);
}

void DragMove::start() {
  start_ = editor_.document().resolved();
  set_ = editor_.selected();
  const auto& L = start_->layout;
  // Snap along the grabbed rack's row (else the first selected rack's, else the site axes).
  rowRotation_ = 0;
  if (auto it = L.rackIndex.find(tool_.grabbedId().toStdString()); it != L.rackIndex.end()) {
    rowRotation_ = L.racks[static_cast<std::size_t>(it->second)].rotation;
  } else if (!set_.racks.empty()) {
    rowRotation_ = L.racks[static_cast<std::size_t>(set_.racks.front())].rotation;
  }
  mergeKey_ = editor_.newMergeKey();
  changed_ = false;
  applied_ = tried_ = {};
  text_ = set_.size() == 1 ? tr("Move %1").arg(tool_.grabbedId()) : tr("Move %1").arg(counted(set_.size(), "object"));
}

void DragMove::move(double dx, double dy) {
  if (!start_ || set_.empty()) return;
  // The grid's snap, and gear lined up with other gear's centres within 0.5 m.
  const design::Vec2 delta =
      editing::alignDelta(*start_, set_, {dx, dy}, editing::snapDelta({dx, dy}, rowRotation_, editor_.grid()));
  if (delta == tried_) return;
  tried_ = delta;
  if (delta == design::Vec2{}) {
    // Back where it started: the design before the drag, still one merged step.
    if (changed_ && editor_.apply(text_, {start_->design, {}, {}}, mergeKey_)) applied_ = delta;
    return;
  }
  editing::EditOutcome out = editing::moveObjects(*start_, set_, delta);
  if (!out) {
    emit editor_.message(QString::fromStdString(out.refusal));
    return;
  }
  if (editor_.apply(text_, std::move(out), mergeKey_)) {
    changed_ = true;
    applied_ = delta;
  }
}

void DragMove::finish() {
  if (changed_) {
    emit editor_.message(tr("%1 by %2 m, %3 m").arg(text_).arg(applied_.x, 0, 'f', 2).arg(applied_.y, 0, 'f', 2));
  }
  start_.reset();
}

void DragMove::cancel() {
  if (changed_) editor_.document().undoStack()->undo();
  changed_ = false;
  start_.reset();
  emit editor_.message(tr("Move cancelled"));
}

}  // namespace gigaplan::app
