// Turns a MoveTool drag into design edits: the drag vector is snapped to the editor's grid along
// and across the grabbed rack's row, each new snapped position is one edit merged into a single
// undo step, positions that would overlap are skipped (the last good one stays), and Esc puts
// everything back.
#pragma once

#include <QObject>
#include <memory>

#include "app/gui/editing/design_edits.h"
#include "core/design/resolved_design.h"

namespace gigaplan::widgets {
class MoveTool;
}

namespace gigaplan::app {

class DesignEditor;

class DragMove : public QObject {
  Q_OBJECT
 public:
  DragMove(widgets::MoveTool& tool, DesignEditor& editor, QObject* parent = nullptr);

  /// Where the selection stands now relative to the drag start (snapped), metres.
  design::Vec2 offset() const { return applied_; }

 private:
  void start();
  void move(double dx, double dy);
  void finish();
  void cancel();

  widgets::MoveTool& tool_;
  DesignEditor& editor_;
  std::shared_ptr<const design::ResolvedDesign> start_;
  editing::ObjectSet set_;
  double rowRotation_ = 0;
  int mergeKey_ = -1;
  bool changed_ = false;          // an edit of this drag is on the undo stack
  design::Vec2 applied_, tried_;  // last applied and last tried snapped offsets
  QString text_;
};

}  // namespace gigaplan::app
