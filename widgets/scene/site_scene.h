// The 3D site, built from an expanded Layout and the catalog, to scale in metres (x east,
// y north, z up): ground, halls, racks, power and cooling gear, busways, pipes, labels, legend.
// Each kind of object is one instanced glyph mapper (GlyphLayer), never an actor per object.
// Knows nothing of Qt widgets; SiteView drives it.
//
//   SiteScene scene(renderer);
//   scene.build(layout, catalog);                 // ~0.1 s for 8,000 racks
//   scene.setColorBy(ColorBy::PowerDraw, values);
//   if (auto hit = scene.pick(rayOrigin, rayDirection)) scene.setSelection({*hit});
#pragma once

#include <vtkSmartPointer.h>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"
#include "widgets/scene/color_by.h"
#include "widgets/scene/object_ref.h"
#include "widgets/scene/scene_geometry.h"
#include "widgets/scene/theme.h"

class vtkActor;
class vtkRenderer;
class vtkScalarBarActor;
class vtkPolyData;

namespace gigaplan::widgets::scene {

class GlyphLayer;
class PlanOverlay;
class ScalarPalette;
struct Instance;

/// The fabric's core room: the footprint of its spine and core switch racks (site coordinates, m)
/// and how many racks; none when `racks` is 0. From an evaluation: coreRoomOf(eval.fabric).
struct CoreRoom {
  design::Vec2 min, max;
  std::int64_t racks = 0;
  friend bool operator==(const CoreRoom&, const CoreRoom&) = default;
};
CoreRoom coreRoomOf(const fabric::FabricResult& fabric);

class SiteScene {
 public:
  /// Adds the scene's actors, lights and legend to `renderer` (which must outlive the scene).
  explicit SiteScene(vtkRenderer* renderer);
  ~SiteScene();
  SiteScene(const SiteScene&) = delete;
  SiteScene& operator=(const SiteScene&) = delete;

  /// Replaces the scene. Keeps its own layout whose spec pointers stay valid as long as the scene
  /// (tools read them through layout()): when `layout` owns `catalog` (design::resolve), the scene
  /// shares that catalog; else it keeps a copy of the catalog and points its layout's specs into
  /// the copy (design::rebind). Either way layout and catalog need not outlive the call.
  /// Keeps the theme and colour mode; clears selection and hover.
  void build(const design::Layout& layout, const catalog::Catalog& catalog);
  double lastBuildSeconds() const { return buildSeconds_; }
  const design::Layout& layout() const { return layout_; }

  void setTheme(const Theme& theme);
  const Theme& theme() const { return theme_; }

  /// Colours objects by `mode`. Type needs no values; other modes take them from `scalars`
  /// (a layer whose vector is empty is drawn in the theme's no-data grey).
  void setColorBy(ColorBy mode, const ColorScalars& scalars = {});
  ColorBy colorBy() const { return mode_; }
  const ColorScalars& colorScalars() const { return scalars_; }
  void setLegendVisible(bool visible);
  bool legendVisible() const { return legendVisible_; }
  /// The legend's corner: top right (default) or bottom right.
  void setLegendAtBottom(bool bottom) { legendAtBottom_ = bottom; }
  /// Where the legend was last laid out: lower-left corner, in normalized viewport coordinates.
  std::array<double, 2> legendPosition() const;
  /// Share of a width × height view the legend covers at the right (0 when hidden); camera
  /// framing keeps the site out of it.
  double legendReserve(int width, int height) const;
  /// The site's extent (m, from its south-west corner at 0, 0): the ground covers it, so an empty
  /// site shows where halls can be drawn. Takes effect at the next build. 0 × 0: the layout's.
  void setSiteSize(double width, double depth) { siteSize_ = {width, depth}; }
  /// The core room (its spine and core switch racks, which the evaluation places, not the design)
  /// as a block of rack height: its floor tinted and its edges drawn in the network racks' colour,
  /// named on its roof; a room of no racks draws nothing. Kept across build().
  void setCoreRoom(const CoreRoom& room);
  const CoreRoom& coreRoom() const { return coreRoom_; }
  /// The block as drawn (xmin, xmax, ymin, ymax, zmin, zmax) and where its name lies; nullopt
  /// when none is drawn.
  std::optional<std::array<double, 6>> coreRoomBounds() const;
  std::optional<LabelBox> coreRoomNameBox() const { return coreRoomNameBox_; }
  /// Where each hall's name lies on the ground (indexed like Layout::halls), as last built.
  const std::vector<LabelBox>& hallNameBoxes() const { return hallNameBoxes_; }
  /// The scale bar and north arrow, as last drawn.
  const PlanOverlay& overlay() const { return *overlay_; }
  void setPixelRatio(double ratio);
  void setLabelsVisible(bool visible);

  /// Interactive: solid background, no antialiasing (Mesa renders in software; every pass
  /// counts). Print: gradient background and FXAA, for screenshots and reports.
  enum class Quality { Interactive, Print };
  void setQuality(Quality quality);

  /// Moving, for frames drawn while the camera moves: power and cooling gear as coarse stand-ins
  /// (see shapes.h); busway bars, feed lines and pipes left out. Full: everything. The view
  /// switches between them; measured on the gigawatt sample, Moving takes the orbit frame from
  /// ~150 ms to ~75 ms in software rendering.
  enum class Detail { Full, Moving };
  void setDetail(Detail detail);
  Detail detail() const { return detail_; }

  /// Shows the site as it stands at `phase` (Design::phases, 0-based): what is not in service
  /// then (design::inService) is drawn in a pale grey, and only the feeds and pipes between objects
  /// in service are drawn. -1, or a phase the layout does not have:
  /// everything as designed (the default). Kept across build().
  void setPhase(int phase);
  int phase() const { return phase_; }
  /// False when the object is not in service at the phase shown.
  bool inServiceAtPhase(ObjectRef ref) const;

  /// Selected objects are tinted and outlined in the theme's selection colour.
  void setSelection(std::vector<ObjectRef> refs);
  const std::vector<ObjectRef>& selection() const { return selection_; }
  void setHover(std::optional<ObjectRef> ref);
  /// Lines being drawn (a connection, the outline of a hall or row being sketched): segments
  /// x0, y0, z0, x1, y1, z1 in site coordinates (m), in the theme's wire colour when allowed and
  /// its refusal colour when not; none hides them.
  void setWire(const std::vector<std::array<double, 6>>& segments, bool allowed = true);
  bool wireVisible() const;

  /// A drawn connection: a power feed (a node's fed_by), a coolant pipe (a CDU to the racks of a
  /// row it cools) or a heat-rejection pipe (a unit's rejects_to). `from` is what is connected,
  /// `to` what it is connected to, by id, as DesignEditor::disconnectLink takes them.
  struct Link {
    enum class Kind { Feed, Coolant, HeatRejection } kind = Kind::Feed;
    std::vector<std::string> from;
    std::string to;
    std::vector<std::array<double, 6>> segments;  // as drawn, site coordinates (m)
  };
  const std::vector<Link>& links() const { return links_; }
  /// Outlines one link in the selection colour (-1: none); the objects' selection is the view's.
  void setSelectedLink(int index);
  int selectedLink() const { return selectedLink_; }
  std::optional<ObjectRef> hover() const { return hover_; }

  /// Nearest object hit by the ray origin + t·direction (world coordinates), tested against
  /// each instance's oriented box.
  std::optional<ObjectRef> pick(const std::array<double, 3>& origin, const std::array<double, 3>& direction) const;

  /// Rack, power node or cooling unit id → reference.
  std::optional<ObjectRef> find(std::string_view id) const;
  /// Ids → references; a row or hall id stands for all its racks. Unknown ids are skipped.
  std::vector<ObjectRef> resolve(const std::vector<std::string>& ids) const;
  std::string idOf(ObjectRef ref) const;
  /// Tooltip text: id, type, key numbers and the value of the current colour mode.
  std::string describe(ObjectRef ref) const;

  /// World bounds (xmin, xmax, ymin, ymax, zmin, zmax) of everything the design places (what
  /// "fit all" frames), of the drawn ground, or of some objects.
  std::array<double, 6> bounds() const { return bounds_; }
  std::array<double, 6> groundBounds() const { return groundBounds_; }
  std::optional<std::array<double, 6>> boundsOf(const std::vector<ObjectRef>& refs) const;
  /// Centre of the top face of the object's first instance.
  std::optional<std::array<double, 3>> topCentre(ObjectRef ref) const;
  /// A point just under the centre of the top of the object's first instance: clicking where it
  /// projects picks the object (unless something stands in front of it).
  std::optional<std::array<double, 3>> pickPoint(ObjectRef ref) const;
  /// Current fill colour of the object's first instance (0..255).
  std::optional<std::array<int, 3>> fillColor(ObjectRef ref) const;
  /// Writes the scene as glTF 2.0 (one .gltf file, its buffers inline): every rack, power and
  /// cooling unit and busway as drawn (full shapes, current colours and phase), the ground, hall
  /// floors and outlines, feeds, pipes and hall names; metres, y up as glTF has it (the site's x
  /// east, z up → glTF x, y, with north along −z). Returns the meshes written, or -1 with the
  /// reason in `error`.
  int exportGltf(const std::string& path, std::string* error = nullptr) const;

  /// Drawn instances per layer: racks, power gear, cooling gear, busway bars.
  std::array<std::size_t, 4> instanceCounts() const;

 private:
  struct Handle {
    int layer;          // index into layers_
    std::size_t index;  // instance in that layer
  };

  void buildInstances();
  void buildStatic();
  void applyTheme();
  void applyColors();
  /// Recolours only the instances of `changed` (a selection change): the other layers keep their
  /// colour buffers, so the next frame uploads no more than the layers touched.
  void recolor(const std::vector<ObjectRef>& changed);
  /// An instance's colour in the current mode, before the selection tint.
  Rgb baseColor(const Instance& in, ObjectRef ref, const std::optional<ScalarPalette>& palette) const;
  void updateOutlines();
  const std::vector<Handle>& handles(ObjectRef ref) const;
  const GlyphLayer& layer(int i) const { return *layers_[static_cast<std::size_t>(i)]; }
  std::optional<double> valueOf(ObjectRef ref) const;
  void onRenderStart();
  void layoutLegend();
  static int legendFontSize(int viewHeight);
  /// The legend's box (swatches or colour bar, their labels and the title) in pixels, and the
  /// width of a categorical legend's names, which stand to the left of the box.
  double legendBoxPixels(int font) const;
  double legendNamesPixels(int font) const;

  vtkRenderer* renderer_;
  design::Layout layout_;                            // owns (shares) its catalog: layout_.catalog
  std::shared_ptr<const catalog::Catalog> catalog_;  // == layout_.catalog
  Theme theme_;
  ColorBy mode_ = ColorBy::Type;
  int phase_ = -1;  // setPhase
  Detail detail_ = Detail::Full;
  ColorScalars scalars_;
  std::vector<ObjectRef> selection_;
  std::optional<ObjectRef> hover_;
  double buildSeconds_ = 0;
  std::array<double, 6> bounds_{-10, 10, -10, 10, 0, 1};        // what the design places
  std::array<double, 6> groundBounds_{-10, 10, -10, 10, 0, 1};  // with the ground around it

  std::vector<std::unique_ptr<GlyphLayer>> layers_;          // racks, power, cooling, busway bars
  std::array<std::vector<std::vector<Handle>>, 3> handles_;  // per ObjectKind, per object
  std::array<std::unordered_map<std::string, int>, 3> ids_;
  std::unordered_map<std::string, std::vector<int>> groupRacks_;  // row / hall id → racks

  vtkSmartPointer<vtkActor> ground_, road_, hallFloors_, hallOutlines_, pipes_, powerLinks_, hallLabels_;
  // Row labels, one actor per hall so VTK's frustum culling skips halls out of view; hidden when
  // the camera is too far for them to be legible.
  std::vector<vtkSmartPointer<vtkActor>> rowLabels_;
  std::vector<LabelBox> hallNameBoxes_;
  CoreRoom coreRoom_;
  std::optional<LabelBox> coreRoomNameBox_;
  vtkSmartPointer<vtkActor> coreRoomBlock_, coreRoomEdges_;
  bool labelsVisible_ = true;
  Quality quality_ = Quality::Interactive;
  unsigned long renderObserver_ = 0;
  std::unique_ptr<PlanOverlay> overlay_;
  std::array<double, 2> siteSize_{0, 0};
  std::vector<Link> links_;
  int selectedLink_ = -1;
  vtkSmartPointer<vtkActor> linkOutline_;
  vtkSmartPointer<vtkActor> selectionOutline_, hoverOutline_, wire_;
  bool wireAllowed_ = true;
  vtkSmartPointer<vtkScalarBarActor> legend_;
  bool legendVisible_ = true;
  bool legendAtBottom_ = false;
  int legendEntries_ = 0;                                         // categorical entries; 0 for a colour ramp
  mutable std::pair<int, unsigned long> namesMeasuredAt_{-1, 0};  // font, table's modification time
  mutable double namesPixels_ = 0;
};

}  // namespace gigaplan::widgets::scene
