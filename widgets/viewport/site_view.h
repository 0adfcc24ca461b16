// The 3D site view a planner works in: a VtkViewport showing a SiteScene, with site navigation,
// camera presets, hover tooltips and click selection. Selection is by object id, so the rest of
// the app can follow it without knowing about VTK.
//
//   SiteView view;
//   view.setSite(layout, catalog);                      // frames the site (isometric)
//   view.setColorBy(ColorBy::PowerDraw, scalars);
//   connect(&view, &SiteView::selectionChanged, panel, &Panel::show);
//   view.setSelection({"h1-row03-07"}); view.fitSelection();
#pragma once

#include <QPointF>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"
#include "widgets/scene/color_by.h"
#include "widgets/scene/object_ref.h"
#include "widgets/scene/theme.h"
#include "widgets/viewport/camera_rig.h"
#include "widgets/viewport/vtk_viewport.h"

namespace gigaplan::widgets {

namespace scene {
class SiteScene;
}
class CameraAnimator;

class SiteView : public VtkViewport {
  Q_OBJECT
 public:
  enum class View { Plan, Isometric };

  explicit SiteView(QWidget* parent = nullptr);
  ~SiteView() override;

  /// Rebuilds the scene, keeping the selected ids that still exist (selectionChanged if some went).
  /// With `fit`, moves the camera to the isometric view of the whole site.
  void setSite(const design::Layout& layout, const catalog::Catalog& catalog, bool fit = true);
  void setColorBy(scene::ColorBy mode, const scene::ColorScalars& scalars = {});
  void setTheme(const scene::Theme& theme);
  /// The site as it stands at a phase (SiteScene::setPhase; -1 = everything as designed).
  void setPhase(int phase);
  scene::SiteScene& scene() { return *scene_; }
  const scene::SiteScene& scene() const { return *scene_; }

  // Camera presets; each frames the whole site (or the selection) and animates there.
  void showView(View view);
  void showPlan() { showView(View::Plan); }
  void showIsometric() { showView(View::Isometric); }
  /// Keeps the current angles, frames the whole site.
  void fitAll();
  /// Keeps the current angles, frames the selected objects (the whole site when none).
  void fitSelection();
  /// fitSelection for a jump the user asked for (a search hit): the frames on the way — the
  /// only one when moves are instant — draw coarse gear, and full detail follows once the camera
  /// has rested (200 ms), as after an orbit. On a large site in a software renderer the hit shows
  /// in a fraction of a full frame's time.
  void goToSelection();
  /// Length of camera moves in milliseconds; 0 jumps (tests, screenshots).
  void setAnimationDuration(int ms) { animationMs_ = ms; }
  CameraPose cameraPose() const;
  void setCameraPose(const CameraPose& pose);

  /// Ids of the selected racks, power nodes and cooling units, sorted.
  QStringList selection() const;
  /// Selects these ids (a row or hall id selects all its racks); emits selectionChanged if the
  /// selection changed. Unknown ids are ignored.
  void setSelection(const QStringList& ids);
  /// Id of the object under a widget position, or an empty string.
  QString objectIdAt(const QPoint& pos) const;
  QString hoveredId() const;
  /// The drawn connection (SiteScene::links index) within a few pixels of a widget position,
  /// nearest first; -1 when none.
  int linkAt(const QPointF& pos) const;
  /// The point on the ground (z = 0, site coordinates, m) under a widget position, if any.
  std::optional<QPointF> floorAt(const QPointF& pos) const;
  /// Time the last pick (hover or click) took, in seconds.
  double lastPickSeconds() const { return lastPickSeconds_; }

 signals:
  void selectionChanged(const QStringList& ids);
  void hoverChanged(const QString& id);
  /// A click picked a connection (SiteScene::links index; -1: the link selection was cleared).
  void linkSelected(int index);
  /// The ground point under the cursor as it moves over the view (none: off the ground or out
  /// of the view); the window shows it as coordinates.
  void cursorMoved(std::optional<QPointF> floor);

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void resizeGL(int w, int h) override;

 private:
  // What the camera was last asked to frame (a view, fit all, fit selection, a new site). It is
  // kept until the planner moves the camera, so a view that is then resized (the window laid out,
  // a dock dragged) frames the same content again, clear of the legend.
  struct Framing {
    double azimuth = 0, elevation = 0;
    std::array<double, 6> bounds{};
    double margin = 0.05;
  };
  void frameTo(const Framing& framing, bool animate);

  std::optional<scene::ObjectRef> pickAt(const QPointF& pos) const;
  void moveCamera(const CameraPose& target);
  void onCameraStep();
  void onCameraMoving();
  void onCameraResting();
  void applySelection(std::vector<scene::ObjectRef> refs);
  void updateHover(const QPointF& pos, const QPoint& globalPos);
  double aspect() const;
  CameraPose frame(double azimuth, double elevation, const std::array<double, 6>& bounds, double margin = 0.05) const;

  std::unique_ptr<scene::SiteScene> scene_;
  CameraAnimator* animator_;
  QTimer* fullDetailTimer_;
  int animationMs_ = 350;
  std::optional<Framing> framing_;
  QPointF pressPos_;
  bool leftDown_ = false;
  mutable double lastPickSeconds_ = 0;
};

}  // namespace gigaplan::widgets
