// Dragging the selection across the floor of a SiteView. A left press on an object (no modifier)
// selects it if it was not selected and takes the gesture from the camera; moving past a few
// pixels starts a drag that reports how far the grabbed point has travelled on the horizontal
// plane through the object's top (so the object stays under the cursor). What a move means for
// the design — snapping, overlap checks, undo — is up to whoever listens. Esc cancels a drag; a
// click on one object of a multiple selection selects just that object.
//
//   MoveTool move(view);
//   connect(&move, &MoveTool::dragMoved, editor, [&](double dx, double dy) { editor.preview(dx, dy); });
#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <array>

namespace gigaplan::widgets {

class SiteView;

class MoveTool : public QObject {
  Q_OBJECT
 public:
  /// Installs itself as an event filter on `view` (which must outlive it).
  explicit MoveTool(SiteView& view);
  ~MoveTool() override;

  void setEnabled(bool on) { enabled_ = on; }
  bool isEnabled() const { return enabled_; }
  bool dragging() const { return dragging_; }
  /// Id of the object the current gesture grabbed ("" when none).
  QString grabbedId() const { return grabbed_; }

 signals:
  void dragStarted();
  /// Metres on the floor (x, y) from where the press grabbed the object; not snapped.
  void dragMoved(double dx, double dy);
  void dragFinished();
  void dragCancelled();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool press(QPointF pos);
  void release();

  SiteView& view_;
  bool enabled_ = true;
  bool pressed_ = false, dragging_ = false, wasSelected_ = false;
  QString grabbed_;
  QPointF pressPos_;
  double planeHeight_ = 0;
  std::array<double, 3> pressWorld_{};
};

}  // namespace gigaplan::widgets
