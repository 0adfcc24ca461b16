// Turns a HallGripTool drag into design edits: a hall held by its walls moves, held by a corner
// it is resized (editing::dragHall snaps both to other halls' walls or whole metres). Each new
// snapped geometry is one edit merged into a single undo step; a geometry that is refused (an
// overlap, gear left outside) is skipped with its reason in the status bar and the last good one
// stays; Esc puts the hall back.
#pragma once

#include <QObject>
#include <memory>

#include "app/gui/editing/design_edits.h"
#include "core/design/resolved_design.h"
#include "widgets/tools/hall_grip_tool.h"

namespace gigaplan::app {

class DesignEditor;

class HallDrag : public QObject {
  Q_OBJECT
 public:
  HallDrag(widgets::HallGripTool& tool, DesignEditor& editor, QObject* parent = nullptr);

 private:
  void start(const QString& hall, widgets::HallGripTool::Grip grip);
  void move(double dx, double dy);
  void finish();
  void cancel();

  DesignEditor& editor_;
  std::shared_ptr<const design::ResolvedDesign> start_;
  int hall_ = -1;
  QString hallId_;
  editing::HallGrip grip_ = editing::HallGrip::Walls;
  int mergeKey_ = -1;
  bool changed_ = false;                  // an edit of this drag is on the undo stack
  design::Vec2 shownOrigin_, shownSize_;  // the geometry on screen now
  QString text_;
};

}  // namespace gigaplan::app
