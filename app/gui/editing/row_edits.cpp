// Duplicating rows and adding rows from the palette (see design_edits.h).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "app/gui/editing/template_map.h"
#include "core/design/expand.h"
#include "core/design/pattern.h"

namespace gigaplan::app::editing {

using namespace detail;
using design::Vec2;

namespace {

constexpr double kAisle = 1.2;     // m of aisle a new row keeps on each side (hot / cold aisle)
constexpr double kScanStep = 0.6;  // m, the scan grid for free places (one rack width)
constexpr int kMaxOffsets = 40;    // row pitches tried on each side for a copy

std::string expandFor(const std::string& pattern, int h) {
  return design::expandPattern(pattern, {h, 1, 0}).text;
}

// The first id pattern base + n (n = 1, 2 …; or base alone first when `bareFirst`) whose row and
// rack ids are free in every hall instance.
std::string freshRowId(const std::string& base, bool bareFirst, const std::vector<int>& hallInstances, int racks,
                       const std::unordered_set<std::string>& used) {
  for (int n = bareFirst ? 0 : 1;; ++n) {
    const std::string candidate = n == 0 ? base : base + std::to_string(n);
    bool free = true;
    for (int h : hallInstances) {
      const std::string id = expandFor(candidate, h);
      free = free && !used.count(id) && !used.count(id + "-1") && !used.count(id + "-" + std::to_string(racks));
    }
    if (free) return candidate;
  }
}

// The id a copy is named after: a copy of "a-copy2" is another copy of "a" ("a-copy3"), never
// "a-copy2-copy".
std::string copyStem(const std::string& id) {
  const std::size_t at = id.rfind("-copy");
  if (at == std::string::npos || at == 0) return id;
  for (std::size_t i = at + 5; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return id;
  }
  return id.substr(0, at);
}

struct RowShape {
  Vec2 origin;  // hall-relative centre of the first rack
  double rotation = 0, rackPitch = 0.6;
  int racks = 1;
  const catalog::RackType* type = nullptr;
  double aisle = 0;  // added to the depth on both sides when checking
};

// True when the row fits inside every hall and overlaps nothing.
bool fits(const design::Layout& L, const FootprintIndex& index, const std::vector<int>& halls, const RowShape& s) {
  const Vec2 dir = design::direction(s.rotation);
  for (int h : halls) {
    const design::Hall& hall = L.halls[static_cast<std::size_t>(h)];
    for (int k = 0; k < s.racks; ++k) {
      Footprint f{
          {hall.origin.x + s.origin.x + k * s.rackPitch * dir.x, hall.origin.y + s.origin.y + k * s.rackPitch * dir.y},
          s.type ? s.type->width : 0.6,
          s.type ? s.type->depth : 1.2,
          s.rotation};
      if (!insideHall(hall, f)) return false;
      f.depth += 2 * s.aisle;
      if (!index.overlapping(f).empty()) return false;
    }
  }
  return true;
}

void addToIndex(const design::Layout& L, FootprintIndex& index, const std::vector<int>& halls, const RowShape& s) {
  const Vec2 dir = design::direction(s.rotation);
  for (int h : halls) {
    const design::Hall& hall = L.halls[static_cast<std::size_t>(h)];
    for (int k = 0; k < s.racks; ++k) {
      index.add({ItemKind::Rack, -1}, {{hall.origin.x + s.origin.x + k * s.rackPitch * dir.x,
                                        hall.origin.y + s.origin.y + k * s.rackPitch * dir.y},
                                       s.type ? s.type->width : 0.6,
                                       s.type ? s.type->depth : 1.2,
                                       s.rotation});
    }
  }
}

}  // namespace

EditOutcome duplicateRows(const design::ResolvedDesign& r, const ObjectSet& set) {
  const design::Layout& L = r.layout;
  std::vector<int> rows;
  for (int i : set.racks) rows.push_back(L.racks[static_cast<std::size_t>(i)].row);
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  if (rows.empty()) return EditOutcome::refuse("Select racks or rows to duplicate.");

  const TemplateMap map(r.design, L);
  std::unordered_set<std::string> used = usedIds(L);
  FootprintIndex index = FootprintIndex::ofLayout(L);
  design::Design d = r.design;
  EditOutcome out;
  for (int row : rows) {
    const design::Row& R = L.rows[static_cast<std::size_t>(row)];
    const RowOrigin o = map.row(row);
    const design::HallSpec& H = r.design.halls[static_cast<std::size_t>(o.hallSpec)];
    const design::RowSpec S = H.rows[static_cast<std::size_t>(o.rowSpec)];
    const design::Hall& hall = L.halls[static_cast<std::size_t>(R.hall)];
    const std::vector<int> halls{R.hall};  // the copy stands in this hall only (only_in below)

    RowShape shape;
    shape.type = r.catalog->rack(S.rackType);
    shape.rackPitch = S.rackPitch > 0 ? S.rackPitch : (shape.type ? shape.type->width : 0.6);
    shape.rotation = R.rotation;
    shape.racks = S.racks;
    const Vec2 base{R.start.x - hall.origin.x, R.start.y - hall.origin.y};
    const Vec2 dir = design::direction(R.rotation);
    const Vec2 across{-dir.y, dir.x};
    const double pitch = rowPitch(r, row);
    bool found = false;
    for (int m = 1; m <= kMaxOffsets && !found; ++m) {
      for (int sign : {1, -1}) {
        shape.origin = {base.x + sign * m * pitch * across.x, base.y + sign * m * pitch * across.y};
        if (fits(L, index, halls, shape)) {
          found = true;
          break;
        }
      }
    }
    if (!found) return EditOutcome::refuse("No free place in " + hall.name + " for a copy of row " + R.id + ".");
    addToIndex(L, index, halls, shape);

    design::RowSpec N;
    N.id = freshRowId(copyStem(R.id) + "-copy", true, {hall.instance}, S.racks, used);
    if (H.count > 1) N.onlyIn = hall.id;
    N.origin = roundVec(shape.origin);
    N.rotation = normalizeDegrees(R.rotation);
    N.racks = S.racks;
    N.rackPitch = S.rackPitch;
    N.rackType = S.rackType;
    // {i} of the copied template is fixed to the copied instance; {h} and {k} keep their meaning.
    N.feedA = fixInstance(S.feedA, o.instance);
    N.feedB = fixInstance(S.feedB, o.instance);
    N.cdu = fixInstance(S.cdu, o.instance);
    N.airHandler = fixInstance(S.airHandler, o.instance);
    d.halls[static_cast<std::size_t>(o.hallSpec)].rows.push_back(N);

    // Per-rack overrides of the source (a network rack, a removed slot) come along, moved too.
    const Vec2 shift{shape.origin.x - base.x, shape.origin.y - base.y};
    const std::string newId = expandFor(N.id, hall.instance);
    used.insert(newId);
    for (int k = 1; k <= S.racks; ++k) {
      used.insert(newId + "-" + std::to_string(k));
      const auto it = r.design.overrides.find(R.id + "-" + std::to_string(k));
      if (it == r.design.overrides.end()) continue;
      design::Override copy = it->second;
      if (copy.position) copy.position = roundVec({copy.position->x + shift.x, copy.position->y + shift.y});
      d.overrides[newId + "-" + std::to_string(k)] = copy;
    }
    out.select.push_back(newId);
  }
  out.design = std::move(d);
  return out;
}

namespace {
// The design with a new row template of `racks` racks in the hall (Layout::halls index), its first
// rack at `origin` (hall-relative) — only in that hall when its spec makes several — selected.
EditOutcome withNewRow(const design::ResolvedDesign& r, int hallIndex, const std::string& rackType, int racks,
                       Vec2 origin, double rotation) {
  const design::Hall& hall = r.layout.halls[static_cast<std::size_t>(hallIndex)];
  const design::HallSpec& H = r.design.halls[static_cast<std::size_t>(hall.specIndex)];
  design::RowSpec N;
  N.id = freshRowId(hall.id + "-row", false, {hall.instance}, racks, usedIds(r.layout));
  if (H.count > 1) N.onlyIn = hall.id;
  N.origin = roundVec(origin);
  N.rotation = rotation;
  N.racks = racks;
  N.rackType = rackType;
  design::Design d = r.design;
  d.halls[static_cast<std::size_t>(hall.specIndex)].rows.push_back(N);
  EditOutcome out;
  out.design = std::move(d);
  out.select.push_back(expandFor(N.id, hall.instance));
  return out;
}
}  // namespace

EditOutcome addRow(const design::ResolvedDesign& r, int hallIndex, const std::string& rackType, int racks) {
  const design::Layout& L = r.layout;
  if (hallIndex < 0 || hallIndex >= static_cast<int>(L.halls.size()))
    return EditOutcome::refuse("The design has no hall to add a row to.");
  const catalog::RackType* type = r.catalog->rack(rackType);
  if (!type) return EditOutcome::refuse("'" + rackType + "' is not a rack type in the catalog.");
  if (racks < 1) return EditOutcome::refuse("A row needs at least one rack.");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  const std::vector<int> halls{hallIndex};  // the new row stands in this hall only (only_in below)
  const FootprintIndex index = FootprintIndex::ofLayout(L);

  RowShape shape;
  shape.type = type;
  shape.rackPitch = type->width;
  shape.racks = racks;
  shape.aisle = kAisle;
  bool found = false;
  const double y0 = kWallMargin + 0.5 * type->depth, x0 = kWallMargin + 0.5 * type->width;
  for (double y = y0; y + 0.5 * type->depth <= hall.size.y - kWallMargin && !found; y += kScanStep) {
    for (double x = x0; x + (racks - 1) * type->width + 0.5 * type->width <= hall.size.x - kWallMargin;
         x += kScanStep) {
      shape.origin = {x, y};
      if (fits(L, index, halls, shape)) {
        found = true;
        break;
      }
    }
  }
  if (!found)
    return EditOutcome::refuse("No free place in " + hall.name + " for a row of " + std::to_string(racks) + " racks.");

  return withNewRow(r, hallIndex, rackType, racks, shape.origin, 0);
}

namespace {
// The hall whose floor holds the point, -1 when none.
int hallHolding(const design::Layout& L, Vec2 p) {
  for (std::size_t h = 0; h < L.halls.size(); ++h) {
    const design::Hall& hall = L.halls[h];
    if (p.x >= hall.origin.x && p.x <= hall.origin.x + hall.size.x && p.y >= hall.origin.y &&
        p.y <= hall.origin.y + hall.size.y)
      return static_cast<int>(h);
  }
  return -1;
}

// `centre` moved so the rack's edge (half of `extent` before it) falls on the floor grid.
double snapEdge(double centre, double extent) {
  return std::round((centre - 0.5 * extent) / kScanStep) * kScanStep + 0.5 * extent;
}
}  // namespace

RowSketch sketchRow(const design::ResolvedDesign& r, const std::string& rackType, Vec2 from, Vec2 to) {
  RowSketch s;
  const design::Layout& L = r.layout;
  const catalog::RackType* type = r.catalog->rack(rackType);
  if (!type) {
    s.refusal = "'" + rackType + "' is not a rack type in the catalog.";
    return s;
  }
  s.pitch = s.width = type->width;
  s.depth = type->depth;
  s.hall = hallHolding(L, from);
  if (s.hall < 0) {
    s.refusal = "Start a row inside a hall.";
    return s;
  }
  const design::Hall& hall = L.halls[static_cast<std::size_t>(s.hall)];
  const double dx = to.x - from.x, dy = to.y - from.y;
  const bool alongY = std::abs(dy) > std::abs(dx);
  s.rotation = alongY ? 90 : 0;
  const double length = alongY ? std::abs(dy) : std::abs(dx);
  s.racks = 1 + static_cast<int>(std::floor(length / s.pitch + 0.5));
  // The first rack is the one nearest the hall's south-west corner, whichever way the drag ran.
  const double startAlong = alongY ? std::min(from.y, to.y) : std::min(from.x, to.x);
  const double across = alongY ? from.x : from.y;
  const double relAlong = startAlong - (alongY ? hall.origin.y : hall.origin.x);
  const double relAcross = across - (alongY ? hall.origin.x : hall.origin.y);
  const double a = snapEdge(relAlong, s.width), c = snapEdge(relAcross, s.depth);
  const Vec2 rel = alongY ? Vec2{c, a} : Vec2{a, c};
  s.first = {hall.origin.x + rel.x, hall.origin.y + rel.y};

  RowShape shape;
  shape.type = type;
  shape.rackPitch = s.pitch;
  shape.racks = s.racks;
  shape.rotation = s.rotation;
  shape.origin = rel;
  const std::vector<int> halls{s.hall};
  // Inside the walls first, then clear of everything with an aisle on both faces.
  RowShape bare = shape;
  if (!fits(L, FootprintIndex{}, halls, bare)) {
    s.refusal = "The row would run past the walls of " + hall.name + ".";
    return s;
  }
  shape.aisle = kAisle;
  if (!fits(L, FootprintIndex::ofLayout(L), halls, shape)) {
    std::ostringstream why;
    why << "The row would stand on other objects or leave less than a " << kAisle << " m aisle beside them.";
    s.refusal = why.str();
  }
  return s;
}

EditOutcome drawRow(const design::ResolvedDesign& r, const std::string& rackType, Vec2 from, Vec2 to) {
  const RowSketch s = sketchRow(r, rackType, from, to);
  if (!s.refusal.empty()) return EditOutcome::refuse("Row not added: " + s.refusal);
  const design::Hall& hall = r.layout.halls[static_cast<std::size_t>(s.hall)];
  return withNewRow(r, s.hall, rackType, s.racks, {s.first.x - hall.origin.x, s.first.y - hall.origin.y}, s.rotation);
}

}  // namespace gigaplan::app::editing
