// SiteScene: actors, theme, colour modes, selection and picking (see site_scene.h; the geometry
// is built in site_scene_build.cpp, tooltips in site_scene_describe.cpp).
#include "widgets/scene/site_scene.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGLTFExporter.h>
#include <vtkLight.h>
#include <vtkLookupTable.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/io/file_write.h"
#include "widgets/scene/glyph_layer.h"
#include "widgets/scene/plan_overlay.h"
#include "widgets/scene/scalar_palette.h"
#include "widgets/scene/scene_geometry.h"
#include "widgets/scene/shapes.h"

namespace gigaplan::widgets::scene {

namespace {

// VTK 9.1's glTF exporter writes the camera node's matrix as the camera's view matrix (world to
// camera), where glTF takes the node's transform (camera to world): viewers that use the file's
// camera look from the wrong place. Replaces it, in the file's text, by its inverse; false when
// the text has no camera node as expected.
bool fixCameraNode(std::string& text) {
  const auto node = text.find("\"camera\" : 0,");
  const auto key = node == std::string::npos ? node : text.find("\"matrix\"", node);
  const auto open = key == std::string::npos ? key : text.find('[', key);
  const auto close = open == std::string::npos ? open : text.find(']', open);
  if (close == std::string::npos) return false;
  double m[16];
  const char* p = text.c_str() + open + 1;
  for (double& v : m) {
    char* end = nullptr;
    v = std::strtod(p, &end);
    if (end == p) return false;
    p = end;
    while (*p == ',' || std::isspace(static_cast<unsigned char>(*p))) ++p;
  }
  auto view = vtkSmartPointer<vtkMatrix4x4>::New();
  for (int col = 0; col < 4; ++col)
    for (int row = 0; row < 4; ++row) view->SetElement(row, col, m[col * 4 + row]);  // glTF: column-major
  view->Invert();
  std::string numbers;
  for (int col = 0; col < 4; ++col)
    for (int row = 0; row < 4; ++row) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", view->GetElement(row, col));
      numbers += (numbers.empty() ? "" : ", ") + std::string(buf);
    }
  text.replace(open + 1, close - open - 1, numbers);
  return true;
}

/// An unlit actor for flat geometry (floors, lines, labels): drawn in exactly its colour.
vtkSmartPointer<vtkActor> makeActor(vtkRenderer* renderer) {
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputData(vtkSmartPointer<vtkPolyData>::New());
  mapper->ScalarVisibilityOff();
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetLighting(false);
  actor->PickableOff();
  renderer->AddActor(actor);
  return actor;
}

void setColor(vtkActor* actor, const Rgb& c) {
  actor->GetProperty()->SetColor(c.r, c.g, c.b);
}

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  return {a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b)};
}

// How strongly selected objects are tinted towards the selection colour.
constexpr double kSelectionTint = 0.35;

}  // namespace

SiteScene::SiteScene(vtkRenderer* renderer)
    : renderer_(renderer), catalog_(std::make_shared<const catalog::Catalog>()), theme_(darkTheme()) {
  std::vector<vtkSmartPointer<vtkPolyData>> rackShapes, powerShapes, coolingShapes, powerCoarse, coolingCoarse;
  for (int i = 0; i < kRackShapeCount; ++i) rackShapes.push_back(rackShape(static_cast<RackShape>(i)));
  for (int i = 0; i < kPowerKindCount; ++i) {
    powerShapes.push_back(powerShape(static_cast<design::PowerKind>(i)));
    powerCoarse.push_back(coarseGearShape());
  }
  for (int i = 0; i < kCoolingKindCount; ++i) {
    coolingShapes.push_back(coolingShape(static_cast<design::CoolingKind>(i)));
    coolingCoarse.push_back(coarseGearShape());
  }
  // Racks are already low-poly; gear has a coarse stand-in for frames drawn while moving.
  layers_.push_back(std::make_unique<GlyphLayer>(rackShapes));
  layers_.push_back(std::make_unique<GlyphLayer>(powerShapes, powerCoarse));
  layers_.push_back(std::make_unique<GlyphLayer>(coolingShapes, coolingCoarse));
  layers_.push_back(std::make_unique<GlyphLayer>(std::vector{barShape()}));

  // Floors are horizontal planes under directional lights: lighting them would give one flat
  // colour anyway, at the price of the lit shader on most of the screen's pixels.
  ground_ = makeActor(renderer_);
  road_ = makeActor(renderer_);
  hallFloors_ = makeActor(renderer_);
  hallOutlines_ = makeActor(renderer_);
  pipes_ = makeActor(renderer_);
  powerLinks_ = makeActor(renderer_);
  hallLabels_ = makeActor(renderer_);
  // The core room is a tinted floor and the edges of its volume, not a solid: the gear the design
  // stands in it (the campus's core air handlers) stays in sight, and a translucent solid would
  // send VTK 9.1 through its translucent pass, which lays the legend out wrongly.
  coreRoomBlock_ = makeActor(renderer_);
  coreRoomEdges_ = makeActor(renderer_);
  coreRoomEdges_->GetProperty()->SetLineWidth(2);
  for (const auto& l : layers_) renderer_->AddActor(l->actor());
  linkOutline_ = makeActor(renderer_);
  linkOutline_->GetProperty()->SetLineWidth(4);
  linkOutline_->SetVisibility(false);
  selectionOutline_ = makeActor(renderer_);
  hoverOutline_ = makeActor(renderer_);
  selectionOutline_->GetProperty()->SetLineWidth(3);
  hoverOutline_->GetProperty()->SetLineWidth(2);
  wire_ = makeActor(renderer_);
  wire_->GetProperty()->SetLineWidth(4);
  wire_->SetVisibility(false);

  legend_ = vtkSmartPointer<vtkScalarBarActor>::New();
  legend_->SetBarRatio(0.22);
  legend_->SetNumberOfLabels(5);
  legend_->SetLabelFormat("%-6.3g");
  legend_->UnconstrainedFontSizeOn();
  legend_->SetTextPad(4);
  legend_->SetTextPositionToSucceedScalarBar();
  legend_->DrawAnnotationsOn();
  legend_->SetAnnotationLeaderPadding(4);

  renderer_->AddViewProp(legend_);

  // Two lights: a warm key light high in the south-west fixed to the site, so each face of a box
  // has its own shade wherever the camera is, and a dim headlight so nothing facing the viewer
  // goes black. (A five-light kit looked no better and costs per fragment in Mesa.)
  renderer_->RemoveAllLights();
  renderer_->AutomaticLightCreationOff();
  vtkNew<vtkLight> key;
  key->SetLightTypeToSceneLight();
  key->SetPositional(false);
  key->SetPosition(-0.45, -0.75, 1.0);
  key->SetFocalPoint(0, 0, 0);
  key->SetColor(1.0, 0.97, 0.92);
  key->SetIntensity(0.8);
  renderer_->AddLight(key);
  vtkNew<vtkLight> head;
  head->SetLightTypeToHeadlight();
  head->SetIntensity(0.35);
  renderer_->AddLight(head);
  overlay_ = std::make_unique<PlanOverlay>(renderer_);
  renderObserver_ = renderer_->AddObserver(vtkCommand::StartEvent, this, &SiteScene::onRenderStart);
  applyTheme();
  applyColors();
}

SiteScene::~SiteScene() {
  renderer_->RemoveObserver(renderObserver_);
  overlay_.reset();
  for (const auto& a : rowLabels_) renderer_->RemoveActor(a);
  for (const auto& l : layers_) renderer_->RemoveActor(l->actor());
  for (vtkActor* a : {ground_.Get(), road_.Get(), hallFloors_.Get(), hallOutlines_.Get(), pipes_.Get(),
                      powerLinks_.Get(), hallLabels_.Get(), coreRoomBlock_.Get(), coreRoomEdges_.Get(),
                      selectionOutline_.Get(), hoverOutline_.Get(), wire_.Get(), linkOutline_.Get()})
    renderer_->RemoveActor(a);
  renderer_->RemoveViewProp(legend_);
}

void SiteScene::setTheme(const Theme& theme) {
  theme_ = theme;
  applyTheme();
  applyColors();
  updateOutlines();
}

void SiteScene::setQuality(Quality quality) {
  quality_ = quality;
  applyTheme();
}

int SiteScene::legendFontSize(int height) {
  return std::clamp(height / 55, 9, 15);
}

double SiteScene::legendBoxPixels(int font) const {
  // A colour ramp carries its tick labels inside the box, right of the bar; a categorical legend
  // only its swatches (half the box) and the title above them.
  return legendEntries_ > 0 ? font * 7.0 : font * 14.0 + 8;
}

double SiteScene::legendNamesPixels(int font) const {
  vtkScalarsToColors* table = legend_->GetLookupTable();
  if (legendEntries_ <= 0 || !table) return 0;
  const std::pair<int, unsigned long> key{font, static_cast<unsigned long>(table->GetMTime())};
  if (namesMeasuredAt_ == key) return namesPixels_;
  vtkNew<vtkTextProperty> text;
  text->ShallowCopy(legend_->GetAnnotationTextProperty());
  text->SetFontSize(font);
  vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
  const int dpi = renderer_->GetRenderWindow() ? renderer_->GetRenderWindow()->GetDPI() : 72;
  int widest = 0;
  for (vtkIdType i = 0; renderer && i < table->GetNumberOfAnnotatedValues(); ++i) {
    int box[4] = {0, 0, 0, 0};
    if (renderer->GetBoundingBox(text, table->GetAnnotation(i), box, dpi)) widest = std::max(widest, box[1] - box[0]);
  }
  // The name, its leader line and the padding either side of the leader.
  namesPixels_ = widest + 4.0 * legend_->GetAnnotationLeaderPadding() + 2;
  namesMeasuredAt_ = key;
  return namesPixels_;
}

double SiteScene::legendReserve(int width, int height) const {
  if (!legendVisible_ || width <= 0) return 0;
  const int font = legendFontSize(height);
  return std::min(0.5, (legendBoxPixels(font) + 8 + legendNamesPixels(font)) / width);
}

void SiteScene::layoutLegend() {
  // Sized in pixels from the font, so the legend reads the same in a 480 px thumbnail and on a
  // projector; placed top right. A categorical legend grows with its entries.
  const int* size = renderer_->GetSize();
  const int w = std::max(1, size[0]), h = std::max(1, size[1]);
  const int font = legendFontSize(h);
  legend_->GetTitleTextProperty()->SetFontSize(font + 2);
  legend_->GetLabelTextProperty()->SetFontSize(font);
  legend_->GetAnnotationTextProperty()->SetFontSize(font);
  const double height = legendEntries_ > 0 ? std::min(0.9, (legendEntries_ * font * 2.2 + font * 3.0) / h)
                                           : std::min(0.6, font * 20.0 / h);
  // The box stands 8 px from the right edge; a categorical legend's names extend left of it.
  const double width = std::min(0.5, (legendBoxPixels(font) + 8) / w);
  legend_->SetBarRatio(legendEntries_ > 0 ? 0.5 : 0.22);
  legend_->SetPosition(1.0 - width, legendAtBottom_ ? 0.03 : 0.97 - height);
  legend_->SetPosition2(width - 8.0 / w, height);
}

std::array<double, 2> SiteScene::legendPosition() const {
  const double* p = legend_->GetPosition();
  return {p[0], p[1]};
}

void SiteScene::setPixelRatio(double ratio) {
  overlay_->setPixelRatio(ratio);
}

void SiteScene::onRenderStart() {
  layoutLegend();
  overlay_->update();
  // Row labels are 0.45 m tall: beyond ~100 m they are under 7 px on an 800 px view at 30°,
  // i.e. noise that still costs triangles.
  constexpr double kRowLabelDistance = 100;
  const bool near = renderer_->GetActiveCamera()->GetDistance() < kRowLabelDistance;
  for (const auto& a : rowLabels_) a->SetVisibility(labelsVisible_ && near);
}

void SiteScene::applyTheme() {
  const bool print = quality_ == Quality::Print;
  renderer_->SetGradientBackground(print);
  renderer_->SetBackground(theme_.backgroundBottom.r, theme_.backgroundBottom.g, theme_.backgroundBottom.b);
  renderer_->SetBackground2(theme_.backgroundTop.r, theme_.backgroundTop.g, theme_.backgroundTop.b);
  renderer_->SetUseFXAA(print);
  setColor(ground_, theme_.ground);
  setColor(road_, theme_.road);
  setColor(hallFloors_, theme_.hallFloor);
  setColor(hallOutlines_, theme_.hallOutline);
  setColor(pipes_, theme_.pipe);
  setColor(powerLinks_, theme_.powerLink);
  colourFloorText(hallLabels_, theme_.text);
  const Rgb network = typeColor(RackShape::Network);
  setColor(coreRoomBlock_, mix(network, theme_.hallFloor, 0.6));
  setColor(coreRoomEdges_, network);
  for (const auto& a : rowLabels_) colourFloorText(a, theme_.text);
  setColor(selectionOutline_, theme_.selection);
  setColor(linkOutline_, theme_.selection);
  setColor(hoverOutline_, theme_.hover);
  setColor(wire_, wireAllowed_ ? theme_.wire : theme_.refused);
  if (overlay_) overlay_->setColor(theme_.text);
  for (vtkTextProperty* t :
       {legend_->GetTitleTextProperty(), legend_->GetLabelTextProperty(), legend_->GetAnnotationTextProperty()}) {
    t->SetColor(theme_.text.r, theme_.text.g, theme_.text.b);
    t->ShadowOff();
    t->ItalicOff();
    t->SetFontFamilyToArial();
    // A translucent plate behind each legend text keeps it readable over the site.
    t->SetBackgroundColor(theme_.backgroundTop.r, theme_.backgroundTop.g, theme_.backgroundTop.b);
    t->SetBackgroundOpacity(0.75);
  }
  legend_->GetTitleTextProperty()->BoldOn();
}

void SiteScene::setColorBy(ColorBy mode, const ColorScalars& scalars) {
  mode_ = mode;
  scalars_ = scalars;
  applyColors();
}

int SiteScene::exportGltf(const std::string& path, std::string* error) const {
  // A render window the exporter walks (never shown or rendered) holding plain mesh actors: the
  // exporter writes vtkPolyDataMapper inputs, so each glyph layer is realised first.
  auto window = vtkSmartPointer<vtkRenderWindow>::New();
  auto renderer = vtkSmartPointer<vtkRenderer>::New();
  window->AddRenderer(renderer);
  int meshes = 0;
  const auto add = [&](vtkPolyData* mesh, const double* colour, bool colours) {
    if (!mesh || mesh->GetNumberOfPoints() == 0) return;
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputData(mesh);
    mapper->SetScalarVisibility(colours);
    if (colours) mapper->SetColorModeToDirectScalars();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->SetOrientation(-90, 0, 0);  // the site's z up becomes glTF's y up: (x, y, z) → (x, z, −y)
    if (colour) actor->GetProperty()->SetColor(colour[0], colour[1], colour[2]);
    renderer->AddActor(actor);
    ++meshes;
  };
  for (const auto& layer : layers_) {
    if (layer->size() == 0) continue;
    add(layer->realized(), nullptr, true);
  }
  for (const auto& actor :
       {ground_, road_, hallFloors_, hallOutlines_, powerLinks_, pipes_, hallLabels_, coreRoomBlock_, coreRoomEdges_}) {
    if (!actor || !actor->GetVisibility()) continue;
    auto* mapper = vtkPolyDataMapper::SafeDownCast(actor->GetMapper());
    if (mapper) add(vtkPolyData::SafeDownCast(mapper->GetInput()), actor->GetProperty()->GetColor(), false);
  }
  // The file's camera frames the site from the south-east and above, as the view's isometric
  // view does (glTF: y up, +z south).
  double b[6];
  renderer->ComputeVisiblePropBounds(b);
  if (b[0] <= b[1]) {
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetFocalPoint((b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2);
    camera->SetPosition((b[0] + b[1]) / 2 + 1, (b[2] + b[3]) / 2 + 0.8, (b[4] + b[5]) / 2 + 1);
    camera->SetViewUp(0, 1, 0);
    renderer->ResetCamera(b);
  }
  // The exporter writes a scratch file beside the target (it does not say when it cannot write,
  // so a probe does); its text, camera fixed, then replaces the target atomically: a failed export
  // never leaves a broken file where a good one was.
  const std::string temporary = io::writeTarget(path) + ".part";
  {
    std::ofstream probe(temporary, std::ios::binary);
    if (!probe) {
      if (error) *error = "cannot write " + path;
      return -1;
    }
  }
  auto exporter = vtkSmartPointer<vtkGLTFExporter>::New();
  exporter->SetRenderWindow(window);
  exporter->SetFileName(temporary.c_str());
  exporter->InlineDataOn();
  exporter->Write();
  std::string text;
  {
    std::ifstream in(temporary, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  std::filesystem::remove(temporary, ec);
  if (text.empty() || !fixCameraNode(text)) {
    if (error) *error = "the glTF exporter wrote nothing usable to " + path;
    return -1;
  }
  if (!io::writeFileAtomically(path, text, error)) return -1;
  return meshes;
}

CoreRoom coreRoomOf(const fabric::FabricResult& fabric) {
  if (fabric.coreRoomRacks <= 0) return {};
  return {fabric.coreRoomMin, fabric.coreRoomMax, fabric.coreRoomRacks};
}

void SiteScene::setCoreRoom(const CoreRoom& room) {
  if (room == coreRoom_) return;
  coreRoom_ = room;
  buildStatic();  // the block, its name, and the ground around them
}

std::optional<std::array<double, 6>> SiteScene::coreRoomBounds() const {
  auto* mapper = vtkPolyDataMapper::SafeDownCast(coreRoomEdges_->GetMapper());
  vtkPolyData* mesh = mapper ? vtkPolyData::SafeDownCast(mapper->GetInput()) : nullptr;
  if (!coreRoomEdges_->GetVisibility() || !mesh || mesh->GetNumberOfPoints() == 0) return std::nullopt;
  std::array<double, 6> b{};
  mesh->GetBounds(b.data());
  return b;
}

void SiteScene::setPhase(int phase) {
  phase_ = phase;
  buildStatic();  // the feeds and pipes drawn are those between objects standing at the phase
  applyColors();
}

bool SiteScene::inServiceAtPhase(ObjectRef ref) const {
  if (phase_ < 0 || phase_ >= layout_.phaseCount || ref.index < 0) return true;
  const auto i = static_cast<std::size_t>(ref.index);
  switch (ref.kind) {
    case ObjectKind::Rack:
      return i >= layout_.racks.size() || design::inService(layout_.racks[i].online, layout_.racks[i].retired, phase_);
    case ObjectKind::Power:
      return i >= layout_.power.size() || design::inService(layout_.power[i].online, layout_.power[i].retired, phase_);
    case ObjectKind::Cooling:
      return i >= layout_.cooling.size() ||
             design::inService(layout_.cooling[i].online, layout_.cooling[i].retired, phase_);
  }
  return true;
}

void SiteScene::setLegendVisible(bool visible) {
  legendVisible_ = visible;
  legend_->SetVisibility(visible);
}

void SiteScene::setLabelsVisible(bool visible) {
  labelsVisible_ = visible;
  hallLabels_->SetVisibility(visible);
}

void SiteScene::setDetail(Detail detail) {
  detail_ = detail;
  const bool full = detail == Detail::Full;
  for (const auto& l : layers_) l->setCoarse(!full);
  GlyphLayer& bars = *layers_[3];
  bars.actor()->SetVisibility(full && bars.size() > 0);
  pipes_->SetVisibility(full);
  powerLinks_->SetVisibility(full);
}

std::optional<double> SiteScene::valueOf(ObjectRef ref) const {
  const std::vector<double>& v = ref.kind == ObjectKind::Rack    ? scalars_.racks
                                 : ref.kind == ObjectKind::Power ? scalars_.power
                                                                 : scalars_.cooling;
  if (ref.index < 0 || ref.index >= static_cast<int>(v.size())) return std::nullopt;
  const double x = v[static_cast<std::size_t>(ref.index)];
  return std::isnan(x) ? std::nullopt : std::optional(x);
}

void SiteScene::applyColors() {
  std::optional<ScalarPalette> palette;
  if (mode_ != ColorBy::Type) palette.emplace(mode_, scalars_);
  std::array<std::vector<char>, 3> selected;
  for (int k = 0; k < 3; ++k)
    selected[static_cast<std::size_t>(k)].assign(handles_[static_cast<std::size_t>(k)].size(), 0);
  for (const ObjectRef& r : selection_)
    selected[static_cast<std::size_t>(r.kind)][static_cast<std::size_t>(r.index)] = 1;

  // Types present, in a stable order, for the legend in colour-by-type.
  std::array<bool, kRackShapeCount> rackShapes{};
  std::array<bool, kPowerKindCount> powerKinds{};
  std::array<bool, kCoolingKindCount> coolingKinds{};

  for (std::size_t li = 0; li < layers_.size(); ++li) {
    GlyphLayer& l = *layers_[li];
    for (std::size_t i = 0; i < l.size(); ++i) {
      const Instance& in = l.instance(i);
      const ObjectRef ref = in.owner;
      Rgb c = baseColor(in, ref, palette);
      if (palette) {
        // the legend is the palette's
      } else if (ref.kind == ObjectKind::Rack) {
        rackShapes[static_cast<std::size_t>(in.shape)] = true;
      } else if (ref.kind == ObjectKind::Power) {
        powerKinds[static_cast<std::size_t>(layout_.power[static_cast<std::size_t>(ref.index)].kind)] = true;
      } else {
        coolingKinds[static_cast<std::size_t>(layout_.cooling[static_cast<std::size_t>(ref.index)].kind)] = true;
      }
      if (selected[static_cast<std::size_t>(ref.kind)][static_cast<std::size_t>(ref.index)])
        c = mix(c, theme_.selection, kSelectionTint);
      l.setColor(i, c);
    }
    l.colorsChanged();
  }

  auto placeLegend = [&](int entries) { legendEntries_ = entries; };
  if (palette) {
    auto table = palette->legendTable();
    legend_->SetLookupTable(table);
    legend_->SetTitle(palette->title().c_str());
    placeLegend(table->GetIndexedLookup() ? static_cast<int>(table->GetNumberOfTableValues()) : 0);
  } else {
    std::vector<std::pair<std::string, Rgb>> entries;
    for (int i = 0; i < kRackShapeCount; ++i)
      if (rackShapes[static_cast<std::size_t>(i)])
        entries.emplace_back(typeName(static_cast<RackShape>(i)), typeColor(static_cast<RackShape>(i)));
    for (int i = 0; i < kPowerKindCount; ++i)
      if (powerKinds[static_cast<std::size_t>(i)])
        entries.emplace_back(typeName(static_cast<design::PowerKind>(i)), typeColor(static_cast<design::PowerKind>(i)));
    for (int i = 0; i < kCoolingKindCount; ++i)
      if (coolingKinds[static_cast<std::size_t>(i)])
        entries.emplace_back(typeName(static_cast<design::CoolingKind>(i)),
                             typeColor(static_cast<design::CoolingKind>(i)));
    legend_->SetLookupTable(categoryTable(entries));
    legend_->SetTitle("Type");
    placeLegend(static_cast<int>(entries.size()));
    legend_->SetVisibility(legendVisible_ && !entries.empty());
    return;
  }
  legend_->SetVisibility(legendVisible_);
}

Rgb SiteScene::baseColor(const Instance& in, ObjectRef ref, const std::optional<ScalarPalette>& palette) const {
  if (!inServiceAtPhase(ref)) return mix(theme_.noData, theme_.backgroundTop, 0.55);  // not built yet, or retired
  if (palette) {
    const std::optional<double> v = valueOf(ref);
    return v ? palette->color(*v).value_or(theme_.noData) : theme_.noData;
  }
  if (ref.kind == ObjectKind::Rack) return typeColor(static_cast<RackShape>(in.shape));
  if (ref.kind == ObjectKind::Power) return typeColor(layout_.power[static_cast<std::size_t>(ref.index)].kind);
  return typeColor(layout_.cooling[static_cast<std::size_t>(ref.index)].kind);
}

void SiteScene::recolor(const std::vector<ObjectRef>& changed) {
  // The colour applyColors gives an instance, for the ones whose selection changed.
  std::optional<ScalarPalette> palette;
  if (mode_ != ColorBy::Type) palette.emplace(mode_, scalars_);
  std::vector<char> touched(layers_.size(), 0);
  for (const ObjectRef& ref : changed) {
    const bool selected = std::binary_search(selection_.begin(), selection_.end(), ref);
    for (const Handle& h : handles(ref)) {
      GlyphLayer& l = *layers_[static_cast<std::size_t>(h.layer)];
      Rgb c = baseColor(l.instance(h.index), ref, palette);
      if (selected) c = mix(c, theme_.selection, kSelectionTint);
      l.setColor(h.index, c);
      touched[static_cast<std::size_t>(h.layer)] = 1;
    }
  }
  for (std::size_t li = 0; li < layers_.size(); ++li)
    if (touched[li]) layers_[li]->colorsChanged();
}

const std::vector<SiteScene::Handle>& SiteScene::handles(ObjectRef ref) const {
  static const std::vector<Handle> none;
  const auto& perKind = handles_[static_cast<std::size_t>(ref.kind)];
  if (ref.index < 0 || ref.index >= static_cast<int>(perKind.size())) return none;
  return perKind[static_cast<std::size_t>(ref.index)];
}

void SiteScene::updateOutlines() {
  auto outline = [&](const std::vector<ObjectRef>& refs) {
    std::vector<std::array<std::array<double, 3>, 8>> boxes;
    for (const ObjectRef& r : refs)
      for (const Handle& h : handles(r)) {
        const Instance& in = layer(h.layer).instance(h.index);
        const double grow = 0.03 + 0.01 * std::max({in.size[0], in.size[1], in.size[2]});
        boxes.push_back(layer(h.layer).corners(h.index, grow));
      }
    return boxEdgesMesh(boxes);
  };
  vtkPolyDataMapper::SafeDownCast(selectionOutline_->GetMapper())->SetInputData(outline(selection_));
  std::vector<ObjectRef> hover;
  if (hover_) hover.push_back(*hover_);
  vtkPolyDataMapper::SafeDownCast(hoverOutline_->GetMapper())->SetInputData(outline(hover));
}

void SiteScene::setSelection(std::vector<ObjectRef> refs) {
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  std::erase_if(refs, [&](const ObjectRef& r) { return handles(r).empty(); });
  if (refs == selection_) return;
  std::vector<ObjectRef> changed;
  std::set_symmetric_difference(selection_.begin(), selection_.end(), refs.begin(), refs.end(),
                                std::back_inserter(changed));
  selection_ = std::move(refs);
  recolor(changed);
  updateOutlines();
}

void SiteScene::setWire(const std::vector<std::array<double, 6>>& segments, bool allowed) {
  wire_->SetVisibility(!segments.empty());
  if (segments.empty()) return;
  wireAllowed_ = allowed;
  setColor(wire_, allowed ? theme_.wire : theme_.refused);
  vtkPolyDataMapper::SafeDownCast(wire_->GetMapper())->SetInputData(linesMesh(segments));
}

void SiteScene::setSelectedLink(int index) {
  if (index < 0 || index >= static_cast<int>(links_.size())) index = -1;
  selectedLink_ = index;
  linkOutline_->SetVisibility(index >= 0);
  if (index >= 0)
    vtkPolyDataMapper::SafeDownCast(linkOutline_->GetMapper())
        ->SetInputData(linesMesh(links_[static_cast<std::size_t>(index)].segments));
}

bool SiteScene::wireVisible() const {
  return wire_->GetVisibility() != 0;
}

void SiteScene::setHover(std::optional<ObjectRef> ref) {
  if (ref && handles(*ref).empty()) ref.reset();
  if (ref == hover_) return;
  hover_ = ref;
  updateOutlines();
}

std::optional<ObjectRef> SiteScene::pick(const std::array<double, 3>& origin,
                                         const std::array<double, 3>& direction) const {
  std::optional<ObjectRef> best;
  double bestT = INFINITY;
  for (const auto& l : layers_) {
    double t = 0;
    const int i = l->intersect(origin, direction, t);
    if (i >= 0 && t < bestT) bestT = t, best = l->instance(static_cast<std::size_t>(i)).owner;
  }
  return best;
}

std::optional<ObjectRef> SiteScene::find(std::string_view id) const {
  const std::string key(id);
  for (int k = 0; k < 3; ++k) {
    const auto& m = ids_[static_cast<std::size_t>(k)];
    if (auto it = m.find(key); it != m.end()) return ObjectRef{static_cast<ObjectKind>(k), it->second};
  }
  return std::nullopt;
}

std::vector<ObjectRef> SiteScene::resolve(const std::vector<std::string>& ids) const {
  std::vector<ObjectRef> out;
  for (const std::string& id : ids) {
    if (auto ref = find(id)) {
      out.push_back(*ref);
    } else if (auto it = groupRacks_.find(id); it != groupRacks_.end()) {
      for (int r : it->second) out.push_back({ObjectKind::Rack, r});
    }
  }
  return out;
}

std::string SiteScene::idOf(ObjectRef ref) const {
  switch (ref.kind) {
    case ObjectKind::Rack:
      return layout_.racks.at(static_cast<std::size_t>(ref.index)).id;
    case ObjectKind::Power:
      return layout_.power.at(static_cast<std::size_t>(ref.index)).id;
    case ObjectKind::Cooling:
      return layout_.cooling.at(static_cast<std::size_t>(ref.index)).id;
  }
  return {};
}

std::optional<std::array<double, 6>> SiteScene::boundsOf(const std::vector<ObjectRef>& refs) const {
  std::array<double, 6> b{INFINITY, -INFINITY, INFINITY, -INFINITY, INFINITY, -INFINITY};
  bool any = false;
  for (const ObjectRef& r : refs)
    for (const Handle& h : handles(r)) {
      const auto ib = layer(h.layer).bounds(h.index);
      for (int a = 0; a < 3; ++a)
        b[2 * a] = std::min(b[2 * a], ib[2 * a]), b[2 * a + 1] = std::max(b[2 * a + 1], ib[2 * a + 1]);
      any = true;
    }
  return any ? std::optional(b) : std::nullopt;
}

std::optional<std::array<double, 3>> SiteScene::topCentre(ObjectRef ref) const {
  const auto& hs = handles(ref);
  if (hs.empty()) return std::nullopt;
  const Instance& in = layer(hs.front().layer).instance(hs.front().index);
  return std::array{in.position[0], in.position[1], in.position[2] + in.size[2]};
}

std::optional<std::array<double, 3>> SiteScene::pickPoint(ObjectRef ref) const {
  const auto& hs = handles(ref);
  if (hs.empty()) return std::nullopt;
  const Instance& in = layer(hs.front().layer).instance(hs.front().index);
  return std::array{in.position[0], in.position[1], in.position[2] + 0.9 * in.size[2]};
}

std::optional<std::array<int, 3>> SiteScene::fillColor(ObjectRef ref) const {
  const auto& hs = handles(ref);
  if (hs.empty()) return std::nullopt;
  const auto c = layer(hs.front().layer).color(hs.front().index);
  return std::array<int, 3>{c[0], c[1], c[2]};
}

std::array<std::size_t, 4> SiteScene::instanceCounts() const {
  return {layers_[0]->size(), layers_[1]->size(), layers_[2]->size(), layers_[3]->size()};
}

}  // namespace gigaplan::widgets::scene
