// Smooth camera moves (see camera_animator.h).
#include "widgets/viewport/camera_animator.h"

#include <algorithm>

namespace gigaplan::widgets {

CameraAnimator::CameraAnimator(QObject* parent) : QObject(parent) {
  timer_.setInterval(16);
  connect(&timer_, &QTimer::timeout, this, &CameraAnimator::tick);
}

void CameraAnimator::animate(vtkCamera* camera, const CameraPose& target, int durationMs) {
  camera_ = camera;
  to_ = target;
  if (durationMs <= 0) {
    timer_.stop();
    applyPose(camera_, to_);
    emit stepped();
    emit finished();
    return;
  }
  from_ = readPose(camera_);
  durationMs_ = durationMs;
  clock_.start();
  timer_.start();
}

void CameraAnimator::stop() {
  timer_.stop();
}

void CameraAnimator::tick() {
  const double t = std::clamp(static_cast<double>(clock_.elapsed()) / durationMs_, 0.0, 1.0);
  const double eased = t * t * (3 - 2 * t);  // smoothstep
  applyPose(camera_, interpolate(from_, to_, eased));
  emit stepped();
  if (t >= 1) {
    timer_.stop();
    emit finished();
  }
}

}  // namespace gigaplan::widgets
