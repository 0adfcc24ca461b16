// Ground, halls, lines and labels of the site (see scene_geometry.h).
#include "widgets/scene/scene_geometry.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkVectorText.h>
#include <cmath>
#include <unordered_map>

#include "core/units/units.h"

namespace gigaplan::widgets::scene {

namespace {

class PolyBuilder {
 public:
  PolyBuilder() : points_(vtkSmartPointer<vtkPoints>::New()), cells_(vtkSmartPointer<vtkCellArray>::New()) {
    points_->SetDataTypeToDouble();
  }
  vtkIdType point(double x, double y, double z) { return points_->InsertNextPoint(x, y, z); }
  void quad(const Rect& r, double z) {
    const vtkIdType ids[4] = {point(r.xmin, r.ymin, z), point(r.xmax, r.ymin, z), point(r.xmax, r.ymax, z),
                              point(r.xmin, r.ymax, z)};
    cells_->InsertNextCell(4, ids);
  }
  void line(double x0, double y0, double z0, double x1, double y1, double z1) {
    const vtkIdType ids[2] = {point(x0, y0, z0), point(x1, y1, z1)};
    cells_->InsertNextCell(2, ids);
  }
  vtkSmartPointer<vtkPolyData> polys(bool withUpNormals) {
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(points_);
    pd->SetPolys(cells_);
    if (withUpNormals) {
      auto n = vtkSmartPointer<vtkFloatArray>::New();
      n->SetName("Normals");
      n->SetNumberOfComponents(3);
      n->SetNumberOfTuples(points_->GetNumberOfPoints());
      for (vtkIdType i = 0; i < points_->GetNumberOfPoints(); ++i) n->SetTuple3(i, 0, 0, 1);
      pd->GetPointData()->SetNormals(n);
    }
    return pd;
  }
  vtkSmartPointer<vtkPolyData> lines() {
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(points_);
    pd->SetLines(cells_);
    return pd;
  }

 private:
  vtkSmartPointer<vtkPoints> points_;
  vtkSmartPointer<vtkCellArray> cells_;
};

}  // namespace

vtkSmartPointer<vtkPolyData> rectangleMesh(const Rect& r, double z) {
  PolyBuilder b;
  b.quad(r, z);
  return b.polys(true);
}

vtkSmartPointer<vtkPolyData> ringMesh(const Rect& r, double w, double z) {
  PolyBuilder b;
  b.quad({r.xmin, r.xmax, r.ymin, r.ymin + w}, z);
  b.quad({r.xmin, r.xmax, r.ymax - w, r.ymax}, z);
  b.quad({r.xmin, r.xmin + w, r.ymin + w, r.ymax - w}, z);
  b.quad({r.xmax - w, r.xmax, r.ymin + w, r.ymax - w}, z);
  return b.polys(true);
}

vtkSmartPointer<vtkPolyData> hallFloorsMesh(const std::vector<design::Hall>& halls, double z) {
  PolyBuilder b;
  for (const design::Hall& h : halls) b.quad({h.origin.x, h.origin.x + h.size.x, h.origin.y, h.origin.y + h.size.y}, z);
  return b.polys(true);
}

vtkSmartPointer<vtkPolyData> hallOutlinesMesh(const std::vector<design::Hall>& halls) {
  PolyBuilder b;
  for (const design::Hall& h : halls) {
    const double xs[4] = {h.origin.x, h.origin.x + h.size.x, h.origin.x + h.size.x, h.origin.x};
    const double ys[4] = {h.origin.y, h.origin.y, h.origin.y + h.size.y, h.origin.y + h.size.y};
    for (int i = 0; i < 4; ++i) {
      const int j = (i + 1) % 4;
      b.line(xs[i], ys[i], 0.02, xs[j], ys[j], 0.02);
      b.line(xs[i], ys[i], h.height, xs[j], ys[j], h.height);
      b.line(xs[i], ys[i], 0.02, xs[i], ys[i], h.height);
    }
  }
  return b.lines();
}

vtkSmartPointer<vtkPolyData> linesMesh(const std::vector<Segment>& segments) {
  PolyBuilder b;
  for (const Segment& s : segments) b.line(s[0], s[1], s[2], s[3], s[4], s[5]);
  return b.lines();
}

vtkSmartPointer<vtkPolyData> boxEdgesMesh(const std::vector<std::array<std::array<double, 3>, 8>>& boxes) {
  PolyBuilder b;
  for (const auto& c : boxes)
    for (int i = 0; i < 4; ++i) {
      const int j = (i + 1) % 4;
      for (auto [p, q] : {std::pair{i, j}, {i + 4, j + 4}, {i, i + 4}}) {
        const auto& a = c[static_cast<std::size_t>(p)];
        const auto& e = c[static_cast<std::size_t>(q)];
        b.line(a[0], a[1], a[2], e[0], e[1], e[2]);
      }
    }
  return b.lines();
}

vtkSmartPointer<vtkPolyData> labelsMesh(const std::vector<Label>& labels, std::vector<LabelBox>* boxes) {
  // Outline each distinct string once (vtkVectorText is slow per call; repeated names are common).
  std::unordered_map<std::string, vtkSmartPointer<vtkPolyData>> cache;
  vtkNew<vtkVectorText> text;
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToDouble();
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  for (const Label& label : labels) {
    auto& outline = cache[label.text];
    if (!outline) {
      text->SetText(label.text.c_str());
      text->Update();
      outline = vtkSmartPointer<vtkPolyData>::New();
      outline->DeepCopy(text->GetOutput());
    }
    double b[6];
    outline->GetBounds(b);
    if (boxes) boxes->emplace_back();
    if (outline->GetNumberOfPoints() == 0) continue;
    // vtkVectorText capitals are about 1 unit tall with the baseline at y = 0.
    double scale = label.height;
    if (label.maxWidth > 0 && (b[1] - b[0]) * scale > label.maxWidth) scale = label.maxWidth / (b[1] - b[0]);
    const double cx = label.align == Label::Centre ? (b[0] + b[1]) / 2 : b[1];
    const double cy = 0.5;
    const double a = label.rotation * units::kDegree;
    const double c = std::cos(a), s = std::sin(a);
    if (boxes) {
      LabelBox& box = boxes->back();
      box.letterHeight = scale;
      const std::array<std::array<double, 2>, 4> corners = {{{b[0], b[2]}, {b[1], b[2]}, {b[1], b[3]}, {b[0], b[3]}}};
      for (std::size_t k = 0; k < 4; ++k) {
        const double x = (corners[k][0] - cx) * scale, y = (corners[k][1] - cy) * scale;
        box.corners[k] = {label.x + c * x - s * y, label.y + s * x + c * y};
      }
    }
    const vtkIdType base = points->GetNumberOfPoints();
    for (vtkIdType i = 0; i < outline->GetNumberOfPoints(); ++i) {
      double p[3];
      outline->GetPoint(i, p);
      const double x = (p[0] - cx) * scale, y = (p[1] - cy) * scale;
      points->InsertNextPoint(label.x + c * x - s * y, label.y + s * x + c * y, label.z);
    }
    vtkCellArray* cells = outline->GetPolys();
    vtkIdType npts = 0;
    const vtkIdType* ids = nullptr;
    std::vector<vtkIdType> shifted;
    for (cells->InitTraversal(); cells->GetNextCell(npts, ids);) {
      shifted.assign(ids, ids + npts);
      for (vtkIdType& id : shifted) id += base;
      polys->InsertNextCell(npts, shifted.data());
    }
  }
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->SetPoints(points);
  pd->SetPolys(polys);
  return pd;
}

void colourFloorText(vtkActor* actor, const Rgb& colour) {
  vtkProperty* p = actor->GetProperty();
  p->SetColor(colour.r, colour.g, colour.b);
  p->EdgeVisibilityOn();
  p->SetEdgeColor(colour.r, colour.g, colour.b);
  p->SetLineWidth(1);
}

}  // namespace gigaplan::widgets::scene
