// The map furniture of the 3D view: a scale bar (bottom left) and a north arrow (top left), drawn
// in screen space and recomputed before every frame from the camera. Site coordinates run x to
// the east and y to the north, so the arrow points along +y as the camera sees it. The scale bar
// is only shown when the camera looks straight down (the plan view and anything near it): in an
// oblique view one length of bar stands for different distances across the picture.
//
//   PlanOverlay overlay(renderer);   // adds its actors
//   overlay.update();                // from the renderer's StartEvent
//   overlay.scaleMetres();           // 50: the bar stands for 50 m
#pragma once

#include <vtkNew.h>

#include <array>
#include <string>

#include "widgets/scene/theme.h"

class vtkActor2D;
class vtkRenderer;
class vtkTextActor;

namespace gigaplan::widgets::scene {

class PlanOverlay {
 public:
  explicit PlanOverlay(vtkRenderer* renderer);
  ~PlanOverlay();
  PlanOverlay(const PlanOverlay&) = delete;
  PlanOverlay& operator=(const PlanOverlay&) = delete;

  void setColor(const Rgb& color);
  /// Device pixels per logical pixel: the overlay keeps its size on a high-density screen.
  void setPixelRatio(double ratio) { pixelRatio_ = ratio > 0 ? ratio : 1; }
  /// Recomputes both from the renderer's camera and size.
  void update();

  bool scaleShown() const { return scaleShown_; }
  /// What the bar stands for (m) and how long it is drawn (device pixels).
  double scaleMetres() const { return scaleMetres_; }
  double scalePixels() const { return scalePixels_; }
  std::string scaleLabel() const { return label_; }
  bool northShown() const { return northShown_; }
  /// The north arrow and its letter as last drawn: xmin, xmax, ymin, ymax in display pixels
  /// (VTK's: origin bottom left). They keep the margin from the view's edges whichever way
  /// north points on screen.
  std::array<double, 4> northBounds() const { return northBounds_; }

 private:
  vtkRenderer* renderer_;
  vtkNew<vtkActor2D> bar_, arrow_;
  vtkNew<vtkTextActor> barLabel_, north_;
  double pixelRatio_ = 1;
  bool scaleShown_ = false, northShown_ = false;
  double scaleMetres_ = 0, scalePixels_ = 0;
  std::array<double, 4> northBounds_{0, 0, 0, 0};
  std::string label_;
};

/// The longest of 1, 2 and 5 × 10ⁿ metres not above `metres` (the bar's length); 0 for none.
double niceScaleLength(double metres);

}  // namespace gigaplan::widgets::scene
