// Edit menu and toolbar: undo and redo (with the usual shortcuts), delete, duplicate (Ctrl+D),
// rotate 90° (R), select all / none, box selection (B), wiring (W: drag from objects onto their
// feed, CDU or heat sink), drawing a hall (H: a rectangle on the floor) or a row (Shift+R: a drag
// inside a hall), measuring (M: straight and along the cable trays), clear overrides, and the snapping grid. The modes
// B, W, H, Shift+R and M exclude one another. Also the 3D view's context menu (a right click without a drag), which
// adds feed and cooling reassignment for the selected racks and disconnects the selection from what it is wired to.
#pragma once

#include <QObject>
#include <QPoint>

class QAction;
class QDoubleSpinBox;
class QMenu;
class QToolBar;
class QWidget;

namespace gigaplan::widgets {
class SelectTool;
class SketchTool;
class HallGripTool;
class WireTool;
}  // namespace gigaplan::widgets

namespace gigaplan::app {

class DesignEditor;

class EditActions : public QObject {
  Q_OBJECT
 public:
  EditActions(DesignEditor& editor, widgets::SelectTool& select, widgets::WireTool& wire, QWidget* window);

  void fillMenu(QMenu* menu);
  void fillToolBar(QToolBar* bar);
  /// Fills the 3D view's context menu for the current selection.
  void fillContextMenu(QMenu* menu);

  QAction* undoAction() const { return undo_; }
  QAction* redoAction() const { return redo_; }
  QAction* deleteAction() const { return delete_; }
  QAction* duplicateAction() const { return duplicate_; }
  QAction* rotateAction() const { return rotate_; }
  QAction* boxAction() const { return box_; }
  QAction* wireAction() const { return wire_; }
  QAction* drawHallAction() const { return drawHall_; }
  QAction* drawRowAction() const { return drawRow_; }
  QAction* measureAction() const { return measure_; }
  widgets::SketchTool& sketchTool() const { return *sketch_; }
  widgets::HallGripTool& hallGripTool() const { return *hallGrip_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void updateEnabled();
  void assignMenu(QMenu* menu, const QString& title, int field);
  void disconnectMenu(QMenu* menu);
  /// Duplicate, delete or take out of its template the hall whose floor was right-clicked.
  void hallMenu(QMenu* menu);

  DesignEditor& editor_;
  widgets::SelectTool& select_;
  widgets::WireTool& wireTool_;
  QWidget* window_;
  QAction *undo_, *redo_, *delete_, *duplicate_, *rotate_, *selectAll_, *selectNone_, *box_, *clear_, *wire_;
  QAction *drawHall_, *drawRow_, *measure_;
  widgets::SketchTool* sketch_;
  widgets::HallGripTool* hallGrip_;
  QDoubleSpinBox* grid_ = nullptr;
  QPoint rightPress_;
};

}  // namespace gigaplan::app
