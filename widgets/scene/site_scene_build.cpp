// SiteScene: turning a Layout into instances, lines and labels (the build half of site_scene.h).
#include <vtkActor.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <tuple>

#include "core/design/resolved_design.h"
#include "core/model/default_sizes.h"
#include "core/model/footprint.h"
#include "core/units/units.h"
#include "widgets/scene/glyph_layer.h"
#include "widgets/scene/scene_geometry.h"
#include "widgets/scene/site_scene.h"

namespace gigaplan::widgets::scene {

namespace {

// Grid connections have no model: core's marker size (core/model/default_sizes.h).
constexpr std::array<double, 3> kGridSize{model::kGridConnectionSize.width, model::kGridConnectionSize.depth,
                                          model::kGridConnectionSize.height};
// Objects whose catalog entry is missing: core's planning defaults (core/model/default_sizes.h).
constexpr std::array<double, 3> kUnknownGearSize{model::kUnknownGearSize.width, model::kUnknownGearSize.depth,
                                                 model::kUnknownGearSize.height};
constexpr std::array<double, 3> kUnknownRackSize{model::kUnknownRackSize.width, model::kUnknownRackSize.depth,
                                                 model::kUnknownRackSize.height};
// Busway bar cross-section (the catalog gives no section; drawn so it reads over a rack row).
constexpr double kBarDepth = 0.16, kBarHeight = 0.1, kBarOffset = 0.22, kBarClearance = 0.3;
// More units than this in one node are drawn as this many (a 168-Megapack yard stays readable).
constexpr int kMaxUnitsDrawn = 400;
// A unit mounted in a rack (model::mountingRacks: an in-rack CDU) is drawn at its catalog size
// at the rack's foot, this far proud of the rack's faces: it shares them otherwise, and flickers
// in and out of them as the camera moves.
constexpr double kMountProud = 0.03;
// Heights of the ground layers: far enough apart not to z-fight when seen from kilometres.
constexpr double kGroundZ = -0.5, kRoadZ = -0.3, kHallFloorZ = -0.05, kLabelLift = 0.12;
// The core room's floor: over a hall's floor where the room stands in a hall, under its labels.
constexpr double kCoreRoomFloorZ = 0.02;
// "Core room" at a letter height is about this many letter heights wide.
constexpr double kCoreRoomNameWidth = 5.5;

// A hall's name: its letter height (m) on the ground; it is centred kHallLabelBelow heights below
// the hall's wall, and its lowest ink reaches half a height further (kHallLabelDrop, with a margin).
double hallLabelHeight(const design::Hall& h) {
  return std::clamp(std::min(h.size.x, h.size.y) / 8, 1.2, 16.0);
}
constexpr double kHallLabelBelow = 1.2;
constexpr double kHallLabelDrop = kHallLabelBelow + 0.6;

void setMesh(vtkActor* actor, vtkPolyData* mesh) {
  vtkPolyDataMapper::SafeDownCast(actor->GetMapper())->SetInputData(mesh);
}

/// `units` identical instances laid out in a near-square block centred on the node's position.
void addUnits(GlyphLayer& layer, const design::Vec2& at, double rotation, const std::array<double, 3>& size, int units,
              int shape, ObjectRef owner, std::vector<std::size_t>& added) {
  const int n = std::clamp(units, 1, kMaxUnitsDrawn);
  const int cols = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
  const int rows = (n + cols - 1) / cols;
  const double gap = std::max(1.0, 0.3 * std::min(size[0], size[1]));
  const double c = std::cos(rotation * units::kDegree), s = std::sin(rotation * units::kDegree);
  for (int k = 0; k < n; ++k) {
    const double lx = (k % cols - (cols - 1) / 2.0) * (size[0] + gap);
    const double ly = (k / cols - (rows - 1) / 2.0) * (size[1] + gap);
    Instance in;
    in.position = {at.x + c * lx - s * ly, at.y + s * lx + c * ly, 0};
    in.size = size;
    in.rotation = rotation;
    in.shape = shape;
    in.owner = owner;
    added.push_back(layer.size());
    layer.add(in);
  }
}

/// A run from a to b along x, then along y (then up or down), the way cable and pipe runs are
/// laid out; straight diagonals across a campus read as a tangle.
void route(std::vector<Segment>& out, const std::array<double, 3>& a, const std::array<double, 3>& b) {
  const double z = a[2];
  if (std::abs(b[0] - a[0]) > 1e-6) out.push_back({a[0], a[1], z, b[0], a[1], z});
  if (std::abs(b[1] - a[1]) > 1e-6) out.push_back({b[0], a[1], z, b[0], b[1], z});
  if (std::abs(b[2] - z) > 1e-6) out.push_back({b[0], b[1], z, b[0], b[1], b[2]});
}

}  // namespace

void SiteScene::buildInstances() {
  for (auto& l : layers_) l->clear();
  handles_[0].assign(layout_.racks.size(), {});
  handles_[1].assign(layout_.power.size(), {});
  handles_[2].assign(layout_.cooling.size(), {});
  GlyphLayer& racks = *layers_[0];
  GlyphLayer& power = *layers_[1];
  GlyphLayer& cooling = *layers_[2];
  GlyphLayer& bars = *layers_[3];

  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const design::Rack& r = layout_.racks[i];
    const catalog::RackType* type = catalog_->rack(r.type);
    Instance in;
    in.position = {r.position.x, r.position.y, 0};
    in.size = type ? std::array{type->width, type->depth, type->height} : kUnknownRackSize;
    in.rotation = r.rotation;
    in.shape = static_cast<int>(rackShapeOf(type));
    in.owner = {ObjectKind::Rack, static_cast<int>(i)};
    handles_[0][i].push_back({0, racks.size()});
    racks.add(in);
  }

  // Busways feeding racks become bars over the part of each row they feed, one per side (A/B).
  struct Run {
    int first = -1, last = -1;
    double height = 0;
  };
  std::map<std::tuple<int, int, int>, Run> runs;  // (busway, row, side)
  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const design::Rack& r = layout_.racks[i];
    for (auto [feed, side] : {std::pair{r.feedA, 0}, {r.feedB, 1}}) {
      if (feed < 0 || feed >= static_cast<int>(layout_.power.size())) continue;
      if (layout_.power[static_cast<std::size_t>(feed)].kind != design::PowerKind::Busway) continue;
      // A rack outside any row gets a bar of its own rather than one spanning unrelated racks.
      const int group = r.row >= 0 ? r.row : -2 - static_cast<int>(i);
      Run& run = runs[{feed, group, side}];
      const int idx = static_cast<int>(i);
      if (run.first < 0 || r.slot < layout_.racks[static_cast<std::size_t>(run.first)].slot) run.first = idx;
      if (run.last < 0 || r.slot > layout_.racks[static_cast<std::size_t>(run.last)].slot) run.last = idx;
      run.height = std::max(run.height, racks.instance(i).size[2]);
    }
  }
  for (const auto& [key, run] : runs) {
    const auto [feed, row, side] = key;
    const Instance& a = racks.instance(static_cast<std::size_t>(run.first));
    const Instance& b = racks.instance(static_cast<std::size_t>(run.last));
    const double dx = b.position[0] - a.position[0], dy = b.position[1] - a.position[1];
    const double length = std::hypot(dx, dy);
    const double rotation = length > 1e-6 ? std::atan2(dy, dx) / units::kDegree : a.rotation;
    const double offset = side == 0 ? -kBarOffset : kBarOffset;
    const double nx = -std::sin(rotation * units::kDegree), ny = std::cos(rotation * units::kDegree);
    Instance in;
    in.position = {(a.position[0] + b.position[0]) / 2 + nx * offset, (a.position[1] + b.position[1]) / 2 + ny * offset,
                   run.height + kBarClearance};
    in.size = {length + a.size[0], kBarDepth, kBarHeight};
    in.rotation = rotation;
    in.owner = {ObjectKind::Power, feed};
    handles_[1][static_cast<std::size_t>(feed)].push_back({3, bars.size()});
    bars.add(in);
  }

  for (std::size_t i = 0; i < layout_.power.size(); ++i) {
    const design::PowerNode& node = layout_.power[i];
    if (!handles_[1][i].empty()) continue;  // drawn as bars
    const catalog::PowerGear* gear = catalog_->power(node.model);
    const auto size = gear ? std::array{gear->width, gear->depth, gear->height}
                           : (node.kind == design::PowerKind::Grid ? kGridSize : kUnknownGearSize);
    std::vector<std::size_t> added;
    addUnits(power, node.position, node.rotation, size, node.units, static_cast<int>(node.kind),
             {ObjectKind::Power, static_cast<int>(i)}, added);
    for (std::size_t k : added) handles_[1][i].push_back({1, k});
  }
  const std::vector<int> mounts = model::mountingRacks(layout_);
  for (std::size_t i = 0; i < layout_.cooling.size(); ++i) {
    const design::CoolingUnit& unit = layout_.cooling[i];
    const catalog::CoolingGear* gear = catalog_->cooling(unit.model);
    const auto size = gear ? std::array{gear->width, gear->depth, gear->height} : kUnknownGearSize;
    const ObjectRef owner{ObjectKind::Cooling, static_cast<int>(i)};
    if (const int r = mounts[i]; r != design::kNone) {
      // In its rack, turned with it; a bank's units stacked one above the other, as in a rack.
      const Instance& rack = racks.instance(static_cast<std::size_t>(r));
      for (int k = 0; k < std::clamp(unit.units, 1, kMaxUnitsDrawn); ++k) {
        Instance in;
        in.position = {rack.position[0], rack.position[1], k * size[2]};
        in.size = {size[0] + 2 * kMountProud, size[1] + 2 * kMountProud, size[2]};
        in.rotation = rack.rotation;
        in.shape = static_cast<int>(unit.kind);
        in.owner = owner;
        handles_[2][i].push_back({2, cooling.size()});
        cooling.add(in);
      }
      continue;
    }
    std::vector<std::size_t> added;
    addUnits(cooling, unit.position, unit.rotation, size, unit.units, static_cast<int>(unit.kind), owner, added);
    for (std::size_t k : added) handles_[2][i].push_back({2, k});
  }
  for (auto& l : layers_) l->commit();
}

void SiteScene::buildStatic() {
  // Extent of everything drawn, for the ground.
  bounds_ = {INFINITY, -INFINITY, INFINITY, -INFINITY, 0, 0};
  auto grow = [&](const std::array<double, 6>& b) {
    for (int a = 0; a < 3; ++a)
      bounds_[2 * a] = std::min(bounds_[2 * a], b[2 * a]),
                  bounds_[2 * a + 1] = std::max(bounds_[2 * a + 1], b[2 * a + 1]);
  };
  for (const auto& l : layers_)
    for (std::size_t i = 0; i < l->size(); ++i) grow(l->bounds(i));
  for (const design::Hall& h : layout_.halls) {
    grow({h.origin.x, h.origin.x + h.size.x, h.origin.y, h.origin.y + h.size.y, 0, h.height});
    // Its name lies on the ground below it: inside the frame and on the ground, never cut off.
    grow({h.origin.x, h.origin.x + h.size.x, h.origin.y - kHallLabelDrop * hallLabelHeight(h), h.origin.y, 0, 0});
  }
  const bool room = coreRoom_.racks > 0;
  const double roomHeight = model::kUnknownRackSize.height;  // the catalog's switch racks are 48U too
  const double roomLetters =
      room ? std::clamp(std::min(coreRoom_.max.x - coreRoom_.min.x, coreRoom_.max.y - coreRoom_.min.y) / 8, 1.2, 16.0)
           : 0;
  if (room) grow({coreRoom_.min.x, coreRoom_.max.x, coreRoom_.min.y, coreRoom_.max.y, 0, roomHeight});
  if (siteSize_[0] > 0 && siteSize_[1] > 0) grow({0, siteSize_[0], 0, siteSize_[1], 0, 0});
  if (!std::isfinite(bounds_[0])) bounds_ = {-10, 10, -10, 10, 0, 1};
  const double span = std::max(bounds_[1] - bounds_[0], bounds_[3] - bounds_[2]);
  const double margin = std::max(8.0, 0.06 * span);
  const Rect ground{bounds_[0] - margin, bounds_[1] + margin, bounds_[2] - margin, bounds_[3] + margin};
  groundBounds_ = {ground.xmin, ground.xmax, ground.ymin, ground.ymax, kGroundZ, bounds_[5]};
  setMesh(ground_, rectangleMesh(ground, kGroundZ));
  // Illustrative perimeter access road on campus-sized sites: the design has no roads; it gives
  // the site a scale cue.
  const double inset = margin * 0.3, roadWidth = std::clamp(margin * 0.2, 5.0, 12.0);
  if (span >= 200)
    setMesh(road_, ringMesh({ground.xmin + inset, ground.xmax - inset, ground.ymin + inset, ground.ymax - inset},
                            roadWidth, kRoadZ));
  else
    setMesh(road_, vtkSmartPointer<vtkPolyData>::New());
  setMesh(hallFloors_, hallFloorsMesh(layout_.halls, kHallFloorZ));
  setMesh(hallOutlines_, hallOutlinesMesh(layout_.halls));

  // Power feeds between nodes; a busway drawn as bars is reached at its first bar.
  auto powerEnd = [&](int i) -> std::array<double, 3> {
    const auto& hs = handles_[1][static_cast<std::size_t>(i)];
    if (!hs.empty() && hs.front().layer == 3) return layer(3).instance(hs.front().index).position;
    const design::Vec2 p = layout_.power[static_cast<std::size_t>(i)].position;
    return {p.x, p.y, 0.2};
  };
  links_.clear();
  selectedLink_ = -1;
  linkOutline_->SetVisibility(false);
  // Each link keeps the segments drawn for it, so a click on a line can name it.
  auto addLink = [&](Link::Kind kind, std::vector<std::string> from, std::string to, std::vector<Segment>& out,
                     std::size_t first) {
    links_.push_back(
        {kind, std::move(from), std::move(to), {out.begin() + static_cast<std::ptrdiff_t>(first), out.end()}});
  };
  std::vector<Segment> feeds;
  // At a phase (setPhase) only the connections between objects in service then are drawn.
  auto standing = [this](ObjectKind kind, std::size_t i) { return inServiceAtPhase({kind, static_cast<int>(i)}); };
  for (std::size_t i = 0; i < layout_.power.size(); ++i)
    for (int up : layout_.power[i].fedBy) {
      if (up < 0 || up >= static_cast<int>(layout_.power.size())) continue;
      if (!standing(ObjectKind::Power, i) || !standing(ObjectKind::Power, static_cast<std::size_t>(up))) continue;
      const std::size_t first = feeds.size();
      route(feeds, powerEnd(up), powerEnd(static_cast<int>(i)));
      addLink(Link::Kind::Feed, {layout_.power[i].id}, layout_.power[static_cast<std::size_t>(up)].id, feeds, first);
    }
  setMesh(powerLinks_, linesMesh(feeds));

  // Coolant: CDU → the nearer end of each row it serves (none for a CDU in its rack: its loop
  // stays inside); unit → heat-rejection plant.
  std::vector<Segment> pipes;
  std::map<std::pair<int, int>, std::pair<int, int>> cduRows;  // (cdu, row) → (first, last) rack
  const std::vector<int> mounts = model::mountingRacks(layout_);
  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const design::Rack& r = layout_.racks[i];
    if (r.cdu < 0 || r.cdu >= static_cast<int>(layout_.cooling.size())) continue;
    if (mounts[static_cast<std::size_t>(r.cdu)] != design::kNone) continue;
    if (!standing(ObjectKind::Rack, i) || !standing(ObjectKind::Cooling, static_cast<std::size_t>(r.cdu))) continue;
    auto [it, fresh] = cduRows.try_emplace({r.cdu, r.row}, static_cast<int>(i), static_cast<int>(i));
    if (fresh) continue;
    if (r.slot < layout_.racks[static_cast<std::size_t>(it->second.first)].slot) it->second.first = static_cast<int>(i);
    if (r.slot > layout_.racks[static_cast<std::size_t>(it->second.second)].slot)
      it->second.second = static_cast<int>(i);
  }
  for (const auto& [key, ends] : cduRows) {
    const design::Vec2 c = layout_.cooling[static_cast<std::size_t>(key.first)].position;
    const Instance& a = layer(0).instance(static_cast<std::size_t>(ends.first));
    const Instance& b = layer(0).instance(static_cast<std::size_t>(ends.second));
    const double da = std::hypot(a.position[0] - c.x, a.position[1] - c.y);
    const double db = std::hypot(b.position[0] - c.x, b.position[1] - c.y);
    const Instance& end = da <= db ? a : b;
    const Instance& other = da <= db ? b : a;
    // Stop at the row's end face rather than the rack centre.
    double ux = end.position[0] - other.position[0], uy = end.position[1] - other.position[1];
    const double len = std::hypot(ux, uy);
    if (len > 1e-6)
      ux /= len, uy /= len;
    else
      ux = std::cos(end.rotation * units::kDegree), uy = std::sin(end.rotation * units::kDegree);
    const double half = end.size[0] / 2 + 0.2;
    const std::size_t first = pipes.size();
    pipes.push_back({c.x, c.y, 0.3, end.position[0] + ux * half, end.position[1] + uy * half, 0.3});
    std::vector<std::string> racks;
    if (key.second >= 0 && key.second < static_cast<int>(layout_.rows.size())) {
      const design::Row& row = layout_.rows[static_cast<std::size_t>(key.second)];
      for (int k = row.firstRack; k < row.firstRack + row.rackCount; ++k)
        if (layout_.racks[static_cast<std::size_t>(k)].cdu == key.first)
          racks.push_back(layout_.racks[static_cast<std::size_t>(k)].id);
    }
    addLink(Link::Kind::Coolant, std::move(racks), layout_.cooling[static_cast<std::size_t>(key.first)].id, pipes,
            first);
  }
  for (std::size_t ui = 0; ui < layout_.cooling.size(); ++ui) {
    const design::CoolingUnit& u = layout_.cooling[ui];
    for (int to : u.rejectsTo) {
      if (to < 0 || to >= static_cast<int>(layout_.cooling.size())) continue;
      if (!standing(ObjectKind::Cooling, ui) || !standing(ObjectKind::Cooling, static_cast<std::size_t>(to))) continue;
      const design::Vec2 b = layout_.cooling[static_cast<std::size_t>(to)].position;
      const std::size_t first = pipes.size();
      route(pipes, {u.position.x, u.position.y, 0.5}, {b.x, b.y, 0.5});
      addLink(Link::Kind::HeatRejection, {u.id}, layout_.cooling[static_cast<std::size_t>(to)].id, pipes, first);
    }
  }
  setMesh(pipes_, linesMesh(pipes));

  // Labels lying on the floor: hall names below each hall, row ids before each row's first rack.
  std::vector<Label> hallLabels;
  for (const design::Hall& h : layout_.halls) {
    Label l;
    l.text = h.name.empty() ? h.id : h.name;
    l.height = hallLabelHeight(h);
    l.maxWidth = 0.9 * h.size.x;  // halls often stand side by side
    l.x = h.origin.x + h.size.x / 2;
    l.y = h.origin.y - l.height * kHallLabelBelow;
    l.z = kGroundZ + kLabelLift;
    hallLabels.push_back(l);
  }
  // Halls standing side by side have their names on one line, and at the far end of the isometric
  // view that line is foreshortened along its length more than across it: the campus's "GB300
  // hall 1" and "GB300 hall 2", 14 m apart with 8 m letters, ran together on screen. A name keeps
  // kNameGap of its letter heights (its largest) clear of the midpoint to the next name on its
  // line, so neighbours stand at least that far apart wherever the camera is.
  constexpr double kNameGap = 2.5;
  for (std::size_t i = 0; i < hallLabels.size(); ++i)
    for (std::size_t j = 0; j < hallLabels.size(); ++j) {
      Label& l = hallLabels[i];
      const Label& other = hallLabels[j];
      if (i == j || std::abs(other.y - l.y) >= (l.height + other.height) / 2) continue;  // not on its line
      l.maxWidth = std::min(l.maxWidth, std::abs(other.x - l.x) - kNameGap * l.height);
    }
  // The core room: its footprint's floor tinted, the edges of its volume at rack height, its name
  // on its roof.
  coreRoomNameBox_.reset();
  coreRoomBlock_->SetVisibility(room);
  coreRoomEdges_->SetVisibility(room);
  if (room) {
    const design::Vec2 lo = coreRoom_.min, hi = coreRoom_.max;
    setMesh(coreRoomBlock_, rectangleMesh({lo.x, hi.x, lo.y, hi.y}, kCoreRoomFloorZ));
    std::array<std::array<double, 3>, 8> corners;
    for (int k = 0; k < 8; ++k)
      corners[static_cast<std::size_t>(k)] = {(k & 1) ? hi.x : lo.x, (k & 2) ? hi.y : lo.y, (k & 4) ? roomHeight : 0.0};
    std::swap(corners[2], corners[3]), std::swap(corners[6], corners[7]);  // each ring in order round the box
    setMesh(coreRoomEdges_, boxEdgesMesh({corners}));
  }
  // Named on its roof when the name fits across it: a room of a rack or two (the teaching hall's
  // one spine rack) stands among the hall's racks, where a name wider than the room covers them.
  if (room && coreRoom_.max.x - coreRoom_.min.x >= kCoreRoomNameWidth * roomLetters) {
    const design::Vec2 lo = coreRoom_.min, hi = coreRoom_.max;
    Label l;
    l.text = "Core room";
    l.height = roomLetters;
    l.maxWidth = std::max(0.9 * (hi.x - lo.x), 6 * roomLetters);  // a room of a few racks is narrower than its name
    l.x = (lo.x + hi.x) / 2;
    l.y = (lo.y + hi.y) / 2;
    // On its roof, above whatever the design stands in the room (the campus's core plant), which
    // would hide a name on its floor.
    double top = roomHeight;
    for (const auto& layer : layers_)
      for (std::size_t k = 0; k < layer->size(); ++k) {
        const auto b = layer->bounds(k);
        if (b[0] < hi.x && b[1] > lo.x && b[2] < hi.y && b[3] > lo.y) top = std::max(top, b[5]);
      }
    l.z = top + kLabelLift / 2;
    hallLabels.push_back(l);
  }
  hallNameBoxes_.clear();
  const bool roomNamed = hallLabels.size() > layout_.halls.size();
  setMesh(hallLabels_, labelsMesh(hallLabels, &hallNameBoxes_));
  if (roomNamed) {
    coreRoomNameBox_ = hallNameBoxes_.back();
    hallNameBoxes_.pop_back();
  }
  std::vector<std::vector<Label>> rowLabels(layout_.halls.size() + 1);  // last: rows without a hall
  for (const design::Row& row : layout_.rows) {
    if (row.rackCount <= 0 || row.firstRack < 0 || row.firstRack >= static_cast<int>(layout_.racks.size())) continue;
    const Instance& first = layer(0).instance(static_cast<std::size_t>(row.firstRack));
    const double a = row.rotation * units::kDegree;
    const double back = first.size[0] / 2 + 0.35;
    Label l;
    l.text = row.id;
    l.height = 0.45;
    l.rotation = row.rotation;
    l.align = Label::Right;
    l.x = first.position[0] - std::cos(a) * back;
    l.y = first.position[1] - std::sin(a) * back;
    l.z = kHallFloorZ + kLabelLift;
    const bool inHall = row.hall >= 0 && row.hall < static_cast<int>(layout_.halls.size());
    rowLabels[inHall ? static_cast<std::size_t>(row.hall) : layout_.halls.size()].push_back(l);
  }
  for (const auto& a : rowLabels_) renderer_->RemoveActor(a);
  rowLabels_.clear();
  for (const auto& labels : rowLabels) {
    if (labels.empty()) continue;
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputData(labelsMesh(labels));
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetLighting(false);
    colourFloorText(actor, theme_.text);
    actor->PickableOff();
    renderer_->AddActor(actor);
    rowLabels_.push_back(actor);
  }
}

void SiteScene::build(const design::Layout& layout, const catalog::Catalog& catalog) {
  const auto start = std::chrono::steady_clock::now();
  layout_ = layout.catalog.get() == &catalog
                ? layout
                : design::rebind(layout, std::make_shared<const catalog::Catalog>(catalog));
  catalog_ = layout_.catalog;
  selection_.clear();
  hover_.reset();
  for (auto& m : ids_) m.clear();
  groupRacks_.clear();
  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const design::Rack& r = layout_.racks[i];
    ids_[0].emplace(r.id, static_cast<int>(i));
    if (r.row >= 0 && r.row < static_cast<int>(layout_.rows.size()))
      groupRacks_[layout_.rows[static_cast<std::size_t>(r.row)].id].push_back(static_cast<int>(i));
    if (r.hall >= 0 && r.hall < static_cast<int>(layout_.halls.size()))
      groupRacks_[layout_.halls[static_cast<std::size_t>(r.hall)].id].push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < layout_.power.size(); ++i) ids_[1].emplace(layout_.power[i].id, static_cast<int>(i));
  for (std::size_t i = 0; i < layout_.cooling.size(); ++i) ids_[2].emplace(layout_.cooling[i].id, static_cast<int>(i));
  buildInstances();
  buildStatic();
  applyColors();
  updateOutlines();
  setDetail(detail_);  // a rebuild while the camera moves keeps the moving detail
  buildSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace gigaplan::widgets::scene
