// Instanced drawing and ray picking for one kind of object (see glyph_layer.h).
#include "widgets/scene/glyph_layer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkUnsignedCharArray.h>
#include <cmath>
#include <limits>
#include <utility>

#include "core/units/units.h"

namespace gigaplan::widgets::scene {

namespace {}

GlyphLayer::GlyphLayer(std::vector<vtkSmartPointer<vtkPolyData>> shapes,
                       std::vector<vtkSmartPointer<vtkPolyData>> coarse)
    : shapes_(std::move(shapes)),
      coarseShapes_(std::move(coarse)),
      points_(vtkSmartPointer<vtkPolyData>::New()),
      colors_(vtkSmartPointer<vtkUnsignedCharArray>::New()),
      mapper_(vtkSmartPointer<vtkGlyph3DMapper>::New()),
      actor_(vtkSmartPointer<vtkActor>::New()) {
  for (std::size_t i = 0; i < shapes_.size(); ++i) mapper_->SetSourceData(static_cast<int>(i), shapes_[i]);
  mapper_->SetInputData(points_);
  mapper_->SetSourceIndexing(shapes_.size() > 1);
  mapper_->SetSourceIndexArray("shape");
  mapper_->SetScaling(true);
  mapper_->SetScaleModeToScaleByVectorComponents();
  mapper_->SetScaleArray("size");
  mapper_->SetOrientationModeToRotation();
  mapper_->SetOrientationArray("rotation");
  mapper_->SetOrient(true);
  mapper_->SetColorModeToDirectScalars();
  mapper_->SetScalarModeToUsePointData();
  mapper_->ScalarVisibilityOn();
  actor_->SetMapper(mapper_);
  vtkProperty* p = actor_->GetProperty();
  p->SetAmbient(0.18);
  p->SetDiffuse(0.82);
  p->SetSpecular(0.12);
  p->SetSpecularPower(24);
  colors_->SetName("color");
  colors_->SetNumberOfComponents(3);
  commit();
}

GlyphLayer::~GlyphLayer() = default;

vtkActor* GlyphLayer::actor() const {
  return actor_;
}

void GlyphLayer::clear() {
  instances_.clear();
}

void GlyphLayer::commit() {
  const auto n = static_cast<vtkIdType>(instances_.size());
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToDouble();  // site coordinates reach kilometres; keep centimetres exact
  points->SetNumberOfPoints(n);
  auto size = vtkSmartPointer<vtkFloatArray>::New();
  size->SetName("size");
  size->SetNumberOfComponents(3);
  size->SetNumberOfTuples(n);
  auto rotation = vtkSmartPointer<vtkFloatArray>::New();
  rotation->SetName("rotation");
  rotation->SetNumberOfComponents(3);
  rotation->SetNumberOfTuples(n);
  auto shape = vtkSmartPointer<vtkIntArray>::New();
  shape->SetName("shape");
  shape->SetNumberOfTuples(n);
  colors_->SetNumberOfTuples(n);
  for (vtkIdType i = 0; i < n; ++i) {
    const Instance& in = instances_[static_cast<std::size_t>(i)];
    points->SetPoint(i, in.position.data());
    size->SetTuple3(i, in.size[0], in.size[1], in.size[2]);
    rotation->SetTuple3(i, 0, 0, in.rotation);
    shape->SetValue(i, in.shape);
    colors_->SetTypedTuple(i, std::array<std::uint8_t, 3>{128, 128, 128}.data());
  }
  auto verts = vtkSmartPointer<vtkCellArray>::New();  // not drawn; keeps the data set well formed
  points_->Initialize();
  points_->SetPoints(points);
  points_->SetVerts(verts);
  points_->GetPointData()->AddArray(size);
  points_->GetPointData()->AddArray(rotation);
  points_->GetPointData()->AddArray(shape);
  points_->GetPointData()->SetScalars(colors_);
  points_->Modified();
  actor_->SetVisibility(n > 0);
}

vtkSmartPointer<vtkPolyData> GlyphLayer::realized() const {
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToDouble();
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("color");
  colors->SetNumberOfComponents(3);
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    const Instance& in = instances_[i];
    const vtkPolyData* shape =
        shapes_[static_cast<std::size_t>(std::clamp(in.shape, 0, static_cast<int>(shapes_.size()) - 1))];
    vtkPolyData* s = const_cast<vtkPolyData*>(shape);  // GetPoint/GetPolys are not const in VTK 9.1
    const double a = in.rotation * units::kDegree, c = std::cos(a), sn = std::sin(a);
    const std::array<std::uint8_t, 3> rgb = color(i);
    const vtkIdType first = points->GetNumberOfPoints();
    for (vtkIdType p = 0; p < s->GetNumberOfPoints(); ++p) {
      double x[3];
      s->GetPoint(p, x);
      const double px = x[0] * in.size[0], py = x[1] * in.size[1], pz = x[2] * in.size[2];
      points->InsertNextPoint(in.position[0] + c * px - sn * py, in.position[1] + sn * px + c * py,
                              in.position[2] + pz);
      colors->InsertNextTypedTuple(rgb.data());
    }
    vtkCellArray* cells = s->GetPolys();
    vtkIdType count = 0;
    const vtkIdType* ids = nullptr;
    for (cells->InitTraversal(); cells->GetNextCell(count, ids);) {
      std::vector<vtkIdType> shifted(ids, ids + count);
      for (vtkIdType& id : shifted) id += first;
      polys->InsertNextCell(count, shifted.data());
    }
  }
  auto mesh = vtkSmartPointer<vtkPolyData>::New();
  mesh->SetPoints(points);
  mesh->SetPolys(polys);
  mesh->GetPointData()->SetScalars(colors);
  return mesh;
}

void GlyphLayer::setCoarse(bool coarse) {
  if (coarseShapes_.size() != shapes_.size() || coarse == coarse_) return;
  coarse_ = coarse;
  const auto& use = coarse ? coarseShapes_ : shapes_;
  for (std::size_t i = 0; i < use.size(); ++i) mapper_->SetSourceData(static_cast<int>(i), use[i]);
}

void GlyphLayer::setColor(std::size_t i, const Rgb& c) {
  const std::array<std::uint8_t, 3> v{static_cast<std::uint8_t>(std::lround(std::clamp(c.r, 0.0, 1.0) * 255)),
                                      static_cast<std::uint8_t>(std::lround(std::clamp(c.g, 0.0, 1.0) * 255)),
                                      static_cast<std::uint8_t>(std::lround(std::clamp(c.b, 0.0, 1.0) * 255))};
  colors_->SetTypedTuple(static_cast<vtkIdType>(i), v.data());
}

void GlyphLayer::colorsChanged() {
  colors_->Modified();
  points_->Modified();
}

std::array<std::uint8_t, 3> GlyphLayer::color(std::size_t i) const {
  std::array<std::uint8_t, 3> v{};
  colors_->GetTypedTuple(static_cast<vtkIdType>(i), v.data());
  return v;
}

int GlyphLayer::intersect(const std::array<double, 3>& origin, const std::array<double, 3>& direction,
                          double& tHit) const {
  int best = -1;
  double bestT = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    const Instance& in = instances_[i];
    // Into the instance frame: translate to its base centre, turn by -rotation about z.
    const double c = std::cos(in.rotation * units::kDegree), s = std::sin(in.rotation * units::kDegree);
    const double ox = origin[0] - in.position[0], oy = origin[1] - in.position[1];
    const double o[3] = {c * ox + s * oy, -s * ox + c * oy, origin[2] - in.position[2]};
    const double d[3] = {c * direction[0] + s * direction[1], -s * direction[0] + c * direction[1], direction[2]};
    const double lo[3] = {-in.size[0] / 2, -in.size[1] / 2, 0};
    const double hi[3] = {in.size[0] / 2, in.size[1] / 2, in.size[2]};
    double t0 = 0, t1 = bestT;
    bool hit = true;
    for (int a = 0; a < 3 && hit; ++a) {
      if (std::abs(d[a]) < 1e-12) {
        hit = o[a] >= lo[a] && o[a] <= hi[a];
        continue;
      }
      double ta = (lo[a] - o[a]) / d[a], tb = (hi[a] - o[a]) / d[a];
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
      hit = t0 <= t1;
    }
    if (hit && t0 < bestT) bestT = t0, best = static_cast<int>(i);
  }
  if (best >= 0) tHit = bestT;
  return best;
}

std::array<std::array<double, 3>, 8> GlyphLayer::corners(std::size_t i, double grow) const {
  const Instance& in = instances_[i];
  const double c = std::cos(in.rotation * units::kDegree), s = std::sin(in.rotation * units::kDegree);
  const double hx = in.size[0] / 2 + grow, hy = in.size[1] / 2 + grow;
  std::array<std::array<double, 3>, 8> out{};
  int k = 0;
  for (double z : {-grow, in.size[2] + grow})
    for (auto [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
      const double x = sx * hx, y = sy * hy;
      out[static_cast<std::size_t>(k++)] = {in.position[0] + c * x - s * y, in.position[1] + s * x + c * y,
                                            in.position[2] + z};
    }
  return out;
}

std::array<double, 6> GlyphLayer::bounds(std::size_t i) const {
  std::array<double, 6> b{INFINITY, -INFINITY, INFINITY, -INFINITY, INFINITY, -INFINITY};
  for (const auto& p : corners(i))
    for (int a = 0; a < 3; ++a) b[2 * a] = std::min(b[2 * a], p[a]), b[2 * a + 1] = std::max(b[2 * a + 1], p[a]);
  return b;
}

}  // namespace gigaplan::widgets::scene
