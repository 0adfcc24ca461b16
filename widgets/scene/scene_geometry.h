// The non-instanced parts of the site: ground, access road, hall floors and outlines, lines
// (coolant pipes, power feeds, selection outlines) and flat vector-text labels. Each function
// returns one vtkPolyData so a whole category is one actor.
#pragma once

#include <vtkSmartPointer.h>
#include <array>
#include <string>
#include <vector>

#include "core/design/layout.h"
#include "widgets/scene/theme.h"

class vtkActor;
class vtkPolyData;

namespace gigaplan::widgets::scene {

struct Rect {
  double xmin = 0, xmax = 0, ymin = 0, ymax = 0;
};

using Segment = std::array<double, 6>;  // x0 y0 z0 x1 y1 z1

/// A flat rectangle at height z.
vtkSmartPointer<vtkPolyData> rectangleMesh(const Rect& r, double z);
/// A band `width` wide running just inside `r` (the illustrative access road).
vtkSmartPointer<vtkPolyData> ringMesh(const Rect& r, double width, double z);
/// One floor slab per hall, at z.
vtkSmartPointer<vtkPolyData> hallFloorsMesh(const std::vector<design::Hall>& halls, double z);
/// Each hall's outline at floor and ceiling height, with the corner posts.
vtkSmartPointer<vtkPolyData> hallOutlinesMesh(const std::vector<design::Hall>& halls);
/// Line segments as one poly-line data set.
vtkSmartPointer<vtkPolyData> linesMesh(const std::vector<Segment>& segments);
/// The 12 edges of each box given by its 8 corners (bottom ring, then top ring).
vtkSmartPointer<vtkPolyData> boxEdgesMesh(const std::vector<std::array<std::array<double, 3>, 8>>& boxes);

struct Label {
  std::string text;
  double x = 0, y = 0, z = 0;                   // anchor
  double height = 1;                            // m, capital letter height
  double rotation = 0;                          // degrees about z; text runs along +x when 0
  double maxWidth = 0;                          // m; > 0 shrinks the text to fit (a hall's name within its width)
  enum Align { Centre, Right } align = Centre;  // anchor at the text's centre or its right end
};
/// Where a label's text lies once placed: the corners of its ink's box on the floor (site
/// coordinates, m; counter-clockwise from the lower left as the text reads) and its capital
/// letter height after any shrinking to maxWidth.
struct LabelBox {
  std::array<std::array<double, 2>, 4> corners{};
  double letterHeight = 0;
};
/// Flat polygonal text lying on the floor, readable from above; `boxes`, if given, receives each
/// label's box (one per label, in order; empty text gives an empty box).
vtkSmartPointer<vtkPolyData> labelsMesh(const std::vector<Label>& labels, std::vector<LabelBox>* boxes = nullptr);

// Colours text made by labelsMesh. Its outline is drawn too, one pixel wide, so a glyph's thin
// strokes (the "l" of "Hall") stay visible when the text is small on screen instead of falling
// between pixels.
void colourFloorText(vtkActor* actor, const Rgb& colour);

}  // namespace gigaplan::widgets::scene
