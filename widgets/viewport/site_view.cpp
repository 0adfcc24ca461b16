// The interactive site view (see site_view.h).
#include "widgets/viewport/site_view.h"

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkRenderer.h>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>
#include <algorithm>
#include <chrono>

#include "widgets/scene/site_scene.h"
#include "widgets/viewport/camera_animator.h"
#include "widgets/viewport/site_interactor_style.h"

namespace gigaplan::widgets {

namespace {
// A press and release closer than this (widget pixels) is a click, not a drag.
constexpr double kClickSlop = 4;
// The camera counts as resting (full detail drawn again) this long after the last move; long
// enough to bridge the gaps between wheel steps.
constexpr int kFullDetailDelayMs = 200;
}  // namespace

SiteView::SiteView(QWidget* parent)
    : VtkViewport(parent),
      scene_(std::make_unique<scene::SiteScene>(renderer())),
      animator_(new CameraAnimator(this)),
      fullDetailTimer_(new QTimer(this)) {
  vtkNew<SiteInteractorStyle> style;
  style->SetDefaultRenderer(renderer());
  interactor()->SetInteractorStyle(style);
  // The user takes over the camera: stop any preset animation.
  style->AddObserver(vtkCommand::StartInteractionEvent, animator_, &CameraAnimator::stop);
  // Frames drawn while the camera moves use coarse gear; full detail returns once it rests.
  fullDetailTimer_->setSingleShot(true);
  fullDetailTimer_->setInterval(kFullDetailDelayMs);
  connect(fullDetailTimer_, &QTimer::timeout, this, [this] {
    scene_->setDetail(scene::SiteScene::Detail::Full);
    update();
  });
  style->AddObserver(vtkCommand::StartInteractionEvent, this, &SiteView::onCameraMoving);
  style->AddObserver(vtkCommand::EndInteractionEvent, this, &SiteView::onCameraResting);
  connect(animator_, &CameraAnimator::stepped, this, [this] {
    if (animator_->running()) onCameraMoving();  // an instant jump draws no frame on the way
  });
  connect(animator_, &CameraAnimator::finished, this, &SiteView::onCameraResting);
  renderer()->GetActiveCamera()->SetViewAngle(30);
  connect(animator_, &CameraAnimator::stepped, this, &SiteView::onCameraStep);
  applyPose(renderer()->GetActiveCamera(), framePose(kIsoAzimuth, kIsoElevation, scene_->bounds(), 30, 1.6));
}

SiteView::~SiteView() {
  if (vtkInteractorObserver* style = interactor()->GetInteractorStyle()) style->RemoveAllObservers();
}

void SiteView::setSite(const design::Layout& layout, const catalog::Catalog& catalog, bool fit) {
  // Keep what was selected, by id: an edit re-expands the layout but the planner's selection stays.
  const QStringList before = selection();
  scene_->build(layout, catalog);
  scene_->setPixelRatio(devicePixelRatioF());
  std::vector<std::string> keys;
  for (const QString& id : before) keys.push_back(id.toStdString());
  scene_->setSelection(scene_->resolve(keys));
  if (fit) frameTo({kIsoAzimuth, kIsoElevation, scene_->bounds()}, false);
  renderer()->ResetCameraClippingRange();
  update();
  if (const QStringList after = selection(); after != before) emit selectionChanged(after);
}

void SiteView::setColorBy(scene::ColorBy mode, const scene::ColorScalars& scalars) {
  scene_->setColorBy(mode, scalars);
  update();
}

void SiteView::setPhase(int phase) {
  if (scene_->phase() == phase) return;
  scene_->setPhase(phase);
  update();
}

void SiteView::setTheme(const scene::Theme& theme) {
  scene_->setTheme(theme);
  update();
}

CameraPose SiteView::frame(double azimuth, double elevation, const std::array<double, 6>& bounds, double margin) const {
  // Keep the site clear of the legend.
  const double dpr = devicePixelRatioF();
  const double reserve = scene_->legendReserve(static_cast<int>(width() * dpr), static_cast<int>(height() * dpr));
  return framePose(azimuth, elevation, bounds, renderer()->GetActiveCamera()->GetViewAngle(), aspect(), margin,
                   reserve);
}

double SiteView::aspect() const {
  const int h = std::max(1, height());
  return static_cast<double>(std::max(1, width())) / h;
}

CameraPose SiteView::cameraPose() const {
  return readPose(renderer()->GetActiveCamera());
}

void SiteView::setCameraPose(const CameraPose& pose) {
  framing_.reset();
  moveCamera(pose);
}

void SiteView::frameTo(const Framing& framing, bool animate) {
  framing_ = framing;
  const CameraPose pose = frame(framing.azimuth, framing.elevation, framing.bounds, framing.margin);
  if (animate) {
    moveCamera(pose);
    return;
  }
  animator_->stop();
  applyPose(renderer()->GetActiveCamera(), pose);
}

void SiteView::resizeGL(int w, int h) {
  VtkViewport::resizeGL(w, h);
  if (!framing_) return;
  frameTo(*framing_, false);
  renderer()->ResetCameraClippingRange();
}

void SiteView::moveCamera(const CameraPose& target) {
  animator_->animate(renderer()->GetActiveCamera(), target, isVisible() ? animationMs_ : 0);
}

void SiteView::onCameraMoving() {
  fullDetailTimer_->stop();
  scene_->setDetail(scene::SiteScene::Detail::Moving);
}

void SiteView::onCameraResting() {
  if (scene_->detail() == scene::SiteScene::Detail::Moving) fullDetailTimer_->start();
}

void SiteView::onCameraStep() {
  renderer()->ResetCameraClippingRange();
  update();
}

void SiteView::showView(View view) {
  const double az = view == View::Plan ? kPlanAzimuth : kIsoAzimuth;
  const double el = view == View::Plan ? kPlanElevation : kIsoElevation;
  frameTo({az, el, scene_->bounds()}, true);
}

void SiteView::fitAll() {
  const CameraPose now = cameraPose();
  frameTo({now.azimuth, now.elevation, scene_->bounds()}, true);
}

void SiteView::fitSelection() {
  const auto box = scene_->boundsOf(scene_->selection());
  if (!box) {
    fitAll();
    return;
  }
  const CameraPose now = cameraPose();
  // Leave room around a single rack so its neighbours give context.
  std::array<double, 6> b = *box;
  const double pad = 2.0;
  b[0] -= pad, b[1] += pad, b[2] -= pad, b[3] += pad;
  frameTo({now.azimuth, now.elevation, b, 0.15}, true);
}

void SiteView::goToSelection() {
  onCameraMoving();
  fitSelection();
  onCameraResting();  // an animated move keeps the coarse gear until it ends
}

QStringList SiteView::selection() const {
  QStringList ids;
  for (const scene::ObjectRef& r : scene_->selection()) ids << QString::fromStdString(scene_->idOf(r));
  ids.sort();
  return ids;
}

void SiteView::applySelection(std::vector<scene::ObjectRef> refs) {
  const QStringList before = selection();
  scene_->setSelection(std::move(refs));
  const QStringList after = selection();
  if (!after.isEmpty() && scene_->selectedLink() >= 0) {  // objects and a connection are not picked together
    scene_->setSelectedLink(-1);
    emit linkSelected(-1);
  }
  if (after == before) return;
  update();
  emit selectionChanged(after);
}

void SiteView::setSelection(const QStringList& ids) {
  std::vector<std::string> keys;
  for (const QString& id : ids) keys.push_back(id.toStdString());
  applySelection(scene_->resolve(keys));
}

std::optional<scene::ObjectRef> SiteView::pickAt(const QPointF& pos) const {
  const auto start = std::chrono::steady_clock::now();
  const double dpr = devicePixelRatioF();
  const int* size = interactor()->GetSize();
  const Ray ray = displayRay(renderer(), pos.x() * dpr, size[1] - 1 - pos.y() * dpr);
  auto hit = scene_->pick(ray.origin, ray.direction);
  lastPickSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return hit;
}

QString SiteView::objectIdAt(const QPoint& pos) const {
  const auto hit = pickAt(pos);
  return hit ? QString::fromStdString(scene_->idOf(*hit)) : QString();
}

QString SiteView::hoveredId() const {
  const auto h = scene_->hover();
  return h ? QString::fromStdString(scene_->idOf(*h)) : QString();
}

void SiteView::updateHover(const QPointF& pos, const QPoint& globalPos) {
  const auto hit = pickAt(pos);
  if (hit == scene_->hover()) return;
  scene_->setHover(hit);
  update();
  if (hit)
    QToolTip::showText(globalPos, QString::fromStdString(scene_->describe(*hit)), this);
  else
    QToolTip::hideText();
  emit hoverChanged(hoveredId());
}

void SiteView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    pressPos_ = event->position();
    leftDown_ = true;
  }
  VtkViewport::mousePressEvent(event);
}

void SiteView::mouseReleaseEvent(QMouseEvent* event) {
  VtkViewport::mouseReleaseEvent(event);
  if (event->button() != Qt::LeftButton || !leftDown_) return;
  leftDown_ = false;
  const QPointF d = event->position() - pressPos_;
  if (std::abs(d.x()) + std::abs(d.y()) > kClickSlop) return;
  const auto hit = pickAt(event->position());
  std::vector<scene::ObjectRef> refs = scene_->selection();
  const Qt::KeyboardModifiers mods = event->modifiers();
  if (mods & Qt::ControlModifier) {  // toggle
    if (hit) {
      if (auto it = std::find(refs.begin(), refs.end(), *hit); it != refs.end())
        refs.erase(it);
      else
        refs.push_back(*hit);
    }
  } else if (mods & Qt::ShiftModifier) {  // add
    if (hit) refs.push_back(*hit);
  } else {
    refs.clear();
    if (hit) refs.push_back(*hit);
  }
  // A plain click on no object but on a drawn feed or pipe picks that connection.
  const int link = !hit && !(mods & (Qt::ControlModifier | Qt::ShiftModifier)) ? linkAt(event->position()) : -1;
  applySelection(std::move(refs));
  if (link != scene_->selectedLink()) {
    scene_->setSelectedLink(link);
    update();
    emit linkSelected(link);
  }
}

int SiteView::linkAt(const QPointF& pos) const {
  constexpr double kLinkSlop = 5;  // px either side of a line
  const double dpr = pixelRatio();
  const int* size = interactor()->GetSize();
  const double px = pos.x() * dpr, py = size[1] - 1 - pos.y() * dpr;
  int best = -1;
  double bestDistance = kLinkSlop * dpr;
  const auto& links = scene_->links();
  for (std::size_t i = 0; i < links.size(); ++i) {
    for (const auto& s : links[i].segments) {
      const auto a = worldToDisplay(renderer(), {s[0], s[1], s[2]});
      const auto b = worldToDisplay(renderer(), {s[3], s[4], s[5]});
      const double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((px - a[0]) * dx + (py - a[1]) * dy) / len2, 0.0, 1.0) : 0.0;
      const double d = std::hypot(a[0] + t * dx - px, a[1] + t * dy - py);
      if (d < bestDistance) bestDistance = d, best = static_cast<int>(i);
    }
  }
  return best;
}

void SiteView::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() != Qt::NoButton) framing_.reset();  // the planner turns, pans or zooms
  VtkViewport::mouseMoveEvent(event);
  if (event->buttons() == Qt::NoButton) updateHover(event->position(), event->globalPosition().toPoint());
  emit cursorMoved(floorAt(event->position()));
}

std::optional<QPointF> SiteView::floorAt(const QPointF& pos) const {
  const double dpr = pixelRatio();
  const int* size = interactor()->GetSize();
  const auto hit = hitPlane(displayRay(renderer(), pos.x() * dpr, size[1] - 1 - pos.y() * dpr), 0);
  if (!hit) return std::nullopt;
  return QPointF((*hit)[0], (*hit)[1]);
}

void SiteView::wheelEvent(QWheelEvent* event) {
  framing_.reset();
  VtkViewport::wheelEvent(event);
}

void SiteView::keyPressEvent(QKeyEvent* event) {
  framing_.reset();  // the interactor's keys may move the camera
  VtkViewport::keyPressEvent(event);
}

void SiteView::leaveEvent(QEvent* event) {
  VtkViewport::leaveEvent(event);
  emit cursorMoved(std::nullopt);
  if (scene_->hover()) {
    scene_->setHover(std::nullopt);
    QToolTip::hideText();
    update();
    emit hoverChanged({});
  }
}

}  // namespace gigaplan::widgets
