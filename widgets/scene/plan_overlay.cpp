// Scale bar and north arrow (see plan_overlay.h).
#include "widgets/scene/plan_overlay.h"

#include <vtkActor2D.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

namespace gigaplan::widgets::scene {
namespace {

constexpr double kMargin = 18;           // px (logical) from the view's edge
constexpr double kBarTarget = 140;       // px: the bar is at most this long
constexpr double kArrowLength = 34;      // px
constexpr double kStraightDown = 0.985;  // |z| of the view direction above which the view is a plan

std::array<double, 2> toDisplay(vtkRenderer* r, const double* world) {
  r->SetWorldPoint(world[0], world[1], world[2], 1.0);
  r->WorldToDisplay();
  const double* d = r->GetDisplayPoint();
  return {d[0], d[1]};
}

vtkSmartPointer<vtkPolyData> lines(const std::vector<std::array<double, 4>>& segments) {
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> cells;
  for (const auto& s : segments) {
    const vtkIdType a = points->InsertNextPoint(s[0], s[1], 0), b = points->InsertNextPoint(s[2], s[3], 0);
    const vtkIdType ids[2] = {a, b};
    cells->InsertNextCell(2, ids);
  }
  auto data = vtkSmartPointer<vtkPolyData>::New();
  data->SetPoints(points);
  data->SetLines(cells);
  return data;
}

void setLines(vtkActor2D* actor, const std::vector<std::array<double, 4>>& segments) {
  vtkPolyDataMapper2D::SafeDownCast(actor->GetMapper())->SetInputData(lines(segments));
}

std::string lengthLabel(double metres) {
  std::ostringstream s;
  if (metres >= 1000)
    s << metres / 1000 << " km";
  else
    s << metres << " m";
  return s.str();
}

}  // namespace

double niceScaleLength(double metres) {
  if (!(metres > 0) || !std::isfinite(metres)) return 0;
  const double decade = std::pow(10.0, std::floor(std::log10(metres)));
  for (const double f : {5.0, 2.0, 1.0}) {
    if (f * decade <= metres * (1 + 1e-9)) return f * decade;
  }
  return decade;
}

PlanOverlay::PlanOverlay(vtkRenderer* renderer) : renderer_(renderer) {
  for (vtkActor2D* a : {bar_.Get(), arrow_.Get()}) {
    vtkNew<vtkPolyDataMapper2D> mapper;
    a->SetMapper(mapper);
    a->GetProperty()->SetLineWidth(2);
    a->SetVisibility(false);
    renderer_->AddViewProp(a);
  }
  for (vtkTextActor* t : {barLabel_.Get(), north_.Get()}) {
    t->GetTextProperty()->SetFontSize(13);
    t->GetTextProperty()->SetJustificationToCentered();
    t->GetTextProperty()->SetVerticalJustificationToBottom();
    t->SetVisibility(false);
    renderer_->AddViewProp(t);
  }
  north_->GetTextProperty()->SetBold(true);
  north_->GetTextProperty()->SetVerticalJustificationToCentered();
  north_->SetInput("N");
}

PlanOverlay::~PlanOverlay() {
  for (vtkProp* p : {static_cast<vtkProp*>(bar_.Get()), static_cast<vtkProp*>(arrow_.Get()),
                     static_cast<vtkProp*>(barLabel_.Get()), static_cast<vtkProp*>(north_.Get())})
    renderer_->RemoveViewProp(p);
}

void PlanOverlay::setColor(const Rgb& c) {
  for (vtkActor2D* a : {bar_.Get(), arrow_.Get()}) a->GetProperty()->SetColor(c.r, c.g, c.b);
  for (vtkTextActor* t : {barLabel_.Get(), north_.Get()}) t->GetTextProperty()->SetColor(c.r, c.g, c.b);
}

void PlanOverlay::update() {
  vtkCamera* camera = renderer_->GetActiveCamera();
  const int* size = renderer_->GetSize();
  if (!camera || size[0] < 50 || size[1] < 50) {
    for (vtkProp* p : {static_cast<vtkProp*>(bar_.Get()), static_cast<vtkProp*>(arrow_.Get()),
                       static_cast<vtkProp*>(barLabel_.Get()), static_cast<vtkProp*>(north_.Get())})
      p->SetVisibility(false);
    scaleShown_ = northShown_ = false;
    return;
  }
  const double dpr = pixelRatio_;
  const double margin = kMargin * dpr;
  double focal[3];
  camera->GetFocalPoint(focal);
  const double east[3] = {focal[0] + 1, focal[1], focal[2]};
  const double north[3] = {focal[0], focal[1] + 1, focal[2]};
  const auto p0 = toDisplay(renderer_, focal), pe = toDisplay(renderer_, east), pn = toDisplay(renderer_, north);

  // Scale bar: the plan only.
  double dop[3];
  camera->GetDirectionOfProjection(dop);
  const double perMetre = std::hypot(pe[0] - p0[0], pe[1] - p0[1]);
  scaleMetres_ = std::abs(dop[2]) >= kStraightDown && perMetre > 0 ? niceScaleLength(kBarTarget * dpr / perMetre) : 0;
  scaleShown_ = scaleMetres_ > 0;
  bar_->SetVisibility(scaleShown_);
  barLabel_->SetVisibility(scaleShown_);
  if (scaleShown_) {
    scalePixels_ = scaleMetres_ * perMetre;
    const double x0 = margin, x1 = margin + scalePixels_, y = margin, tick = 6 * dpr;
    setLines(bar_, {{x0, y, x1, y},
                    {x0, y, x0, y + tick},
                    {x1, y, x1, y + tick},
                    {(x0 + x1) / 2, y, (x0 + x1) / 2, y + tick / 2}});
    label_ = lengthLabel(scaleMetres_);
    barLabel_->SetInput(label_.c_str());
    barLabel_->GetTextProperty()->SetFontSize(static_cast<int>(13 * dpr));
    barLabel_->SetDisplayPosition(static_cast<int>((x0 + x1) / 2), static_cast<int>(y + tick + 2 * dpr));
  }

  // North arrow: +y as the camera sees it, in the top-left corner.
  double nx = pn[0] - p0[0], ny = pn[1] - p0[1];
  const double len = std::hypot(nx, ny);
  northShown_ = len > 1e-6 * std::max(size[0], size[1]);
  arrow_->SetVisibility(northShown_);
  north_->SetVisibility(northShown_);
  if (northShown_) {
    nx /= len, ny /= len;
    const double half = 0.5 * kArrowLength * dpr, head = 9 * dpr, gap = 11 * dpr;
    north_->GetTextProperty()->SetFontSize(static_cast<int>(14 * dpr));
    double letter[2] = {0, 0};
    north_->GetSize(renderer_, letter);
    // The arrow turns with the camera about a fixed centre, which stands far enough in from the
    // corner that the tail, the head and the letter beyond it keep the margin whichever way north
    // points: in the isometric view it points up and to the left, and a centre placed for an
    // upright arrow put the "N" at the view's very edge.
    const double reach = half + gap + 0.5 * std::hypot(letter[0], letter[1]);
    const double cx = margin + reach, cy = size[1] - margin - reach;
    const double tx = cx + nx * half, ty = cy + ny * half;
    // Head: two strokes back from the tip, 30° either side of the shaft.
    const double c = std::cos(0.52), s = std::sin(0.52);
    const double lx = -(nx * c - ny * s), ly = -(nx * s + ny * c), rx = -(nx * c + ny * s), ry = -(-nx * s + ny * c);
    const std::vector<std::array<double, 4>> strokes = {{cx - nx * half, cy - ny * half, tx, ty},
                                                        {tx, ty, tx + lx * head, ty + ly * head},
                                                        {tx, ty, tx + rx * head, ty + ry * head}};
    setLines(arrow_, strokes);
    const int letterX = static_cast<int>(tx + nx * gap), letterY = static_cast<int>(ty + ny * gap);
    north_->SetDisplayPosition(letterX, letterY);  // centred both ways on this point
    northBounds_ = {letterX - letter[0] / 2, letterX + letter[0] / 2, letterY - letter[1] / 2, letterY + letter[1] / 2};
    for (const auto& k : strokes)
      for (int e = 0; e < 2; ++e) {
        northBounds_[0] = std::min(northBounds_[0], k[2 * e]), northBounds_[1] = std::max(northBounds_[1], k[2 * e]);
        northBounds_[2] = std::min(northBounds_[2], k[2 * e + 1]);
        northBounds_[3] = std::max(northBounds_[3], k[2 * e + 1]);
      }
  }
}

}  // namespace gigaplan::widgets::scene
