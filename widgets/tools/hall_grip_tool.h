// Holding a hall by its walls or a corner in a SiteView. Hovering within a few pixels of a hall's
// outline shows the grip under the cursor (a move cursor on a wall, a resize cursor at a corner);
// a left drag from there reports how far the cursor has travelled on the floor. A press on an
// object near a wall is left to the other tools. What a drag does to the design — snapping,
// checks, undo — is up to whoever listens. Esc cancels a drag.
//
//   HallGripTool grip(view);  // install after MoveTool: a press on a rack by a wall moves the rack
//   connect(&grip, &HallGripTool::dragMoved, editor, [&](double dx, double dy) { ... });
#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <array>

namespace gigaplan::widgets {

class SiteView;

class HallGripTool : public QObject {
  Q_OBJECT
 public:
  enum class Grip { None, Walls, SouthWest, SouthEast, NorthWest, NorthEast };
  struct Hold {
    QString hall;  // the hall's id ("" with Grip::None)
    Grip grip = Grip::None;
    Qt::CursorShape cursor = Qt::ArrowCursor;  // what shows the grip: a four-way or diagonal arrow
  };

  /// Installs itself as an event filter on `view` (which must outlive it).
  explicit HallGripTool(SiteView& view);
  ~HallGripTool() override;

  /// Off while another tool owns the mouse (drawing, wiring, measuring); turning it off ends a
  /// drag as cancelled and restores the cursor.
  void setEnabled(bool on);
  bool isEnabled() const { return enabled_; }
  bool dragging() const { return dragging_; }

  /// The hall outline under a widget position: within kCornerReach px of a corner, else within
  /// kWallReach px of a wall (the topmost hall in the layout's order when outlines meet).
  Hold holdAt(QPointF pos) const;

  static constexpr double kCornerReach = 9;  // px
  static constexpr double kWallReach = 5;    // px

 signals:
  void dragStarted(const QString& hall, gigaplan::widgets::HallGripTool::Grip grip);
  /// Metres on the floor (x, y) from where the press was; not snapped.
  void dragMoved(double dx, double dy);
  void dragFinished();
  void dragCancelled();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showGrip(const Hold& hold);
  void cancel();

  SiteView& view_;
  bool enabled_ = true;
  bool pressed_ = false, dragging_ = false, cursorSet_ = false;
  Hold hold_;
  QPointF pressPos_;
  std::array<double, 3> pressWorld_{};
};

}  // namespace gigaplan::widgets
