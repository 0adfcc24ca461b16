// One kind of instanced object (racks, power gear, cooling gear, busway bars): a single
// vtkGlyph3DMapper whose input points carry per-instance position, rotation, scale, shape index
// and colour, so thousands of objects cost one actor. Also answers ray picks against the
// instances' oriented boxes, which is how the view picks (see SiteScene::pick).
#pragma once

#include <vtkSmartPointer.h>
#include <array>
#include <cstdint>
#include <vector>

#include "widgets/scene/object_ref.h"
#include "widgets/scene/theme.h"

class vtkActor;
class vtkGlyph3DMapper;
class vtkPolyData;
class vtkUnsignedCharArray;

namespace gigaplan::widgets::scene {

struct Instance {
  std::array<double, 3> position{};  // base centre, m
  std::array<double, 3> size{};      // x (width), y (depth), z (height), m
  double rotation = 0;               // degrees about z, counter-clockwise
  int shape = 0;                     // index into the layer's shapes
  ObjectRef owner;                   // the Layout object this instance draws
};

class GlyphLayer {
 public:
  /// `coarse`, if given, holds a cheaper stand-in for each shape (same index), drawn while
  /// setCoarse(true) is in effect.
  explicit GlyphLayer(std::vector<vtkSmartPointer<vtkPolyData>> shapes,
                      std::vector<vtkSmartPointer<vtkPolyData>> coarse = {});
  ~GlyphLayer();
  GlyphLayer(const GlyphLayer&) = delete;
  GlyphLayer& operator=(const GlyphLayer&) = delete;

  void clear();
  void add(const Instance& instance) { instances_.push_back(instance); }
  /// Hands the instances to the mapper; call after the last add().
  void commit();

  vtkActor* actor() const;
  std::size_t size() const { return instances_.size(); }
  const Instance& instance(std::size_t i) const { return instances_[i]; }
  const std::vector<Instance>& instances() const { return instances_; }

  /// Draws the coarse shapes instead of the full ones (no-op without coarse shapes).
  void setCoarse(bool coarse);
  bool coarse() const { return coarse_; }

  void setColor(std::size_t i, const Rgb& color);
  /// Call once after a batch of setColor().
  void colorsChanged();
  std::array<std::uint8_t, 3> color(std::size_t i) const;

  /// Every instance's full shape placed, sized, turned and coloured as drawn, in one mesh (site
  /// coordinates, a "color" RGB point array): what an exporter takes in place of the glyphs.
  vtkSmartPointer<vtkPolyData> realized() const;

  /// Nearest instance hit by the ray origin + t·direction (t > 0), or -1. `t` receives the hit.
  int intersect(const std::array<double, 3>& origin, const std::array<double, 3>& direction, double& t) const;
  /// World-space axis-aligned bounds of instance i: xmin, xmax, ymin, ymax, zmin, zmax.
  std::array<double, 6> bounds(std::size_t i) const;
  /// The 8 corners of instance i's oriented box grown by `grow` metres on each side.
  std::array<std::array<double, 3>, 8> corners(std::size_t i, double grow = 0) const;

 private:
  std::vector<Instance> instances_;
  std::vector<vtkSmartPointer<vtkPolyData>> shapes_, coarseShapes_;
  bool coarse_ = false;
  vtkSmartPointer<vtkPolyData> points_;
  vtkSmartPointer<vtkUnsignedCharArray> colors_;
  vtkSmartPointer<vtkGlyph3DMapper> mapper_;
  vtkSmartPointer<vtkActor> actor_;
};

}  // namespace gigaplan::widgets::scene
