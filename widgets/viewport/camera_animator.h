// Moves a VTK camera smoothly to a target pose (ease-in-out over a fixed duration), driven by a
// QTimer because vtkGenericRenderWindowInteractor has no timers. Frames are dropped, not queued,
// when rendering is slow: each tick jumps to where the camera should be by now.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "widgets/viewport/camera_rig.h"

class vtkCamera;

namespace gigaplan::widgets {

class CameraAnimator : public QObject {
  Q_OBJECT
 public:
  explicit CameraAnimator(QObject* parent = nullptr);

  /// Animates `camera` to `target` over durationMs (0 = jump now). Replaces a running animation.
  void animate(vtkCamera* camera, const CameraPose& target, int durationMs);
  void stop();
  bool running() const { return timer_.isActive(); }

 signals:
  /// The camera moved; the view should reset clipping and repaint.
  void stepped();
  void finished();

 private:
  void tick();

  QTimer timer_;
  QElapsedTimer clock_;
  vtkCamera* camera_ = nullptr;
  CameraPose from_, to_;
  int durationMs_ = 0;
};

}  // namespace gigaplan::widgets
