// Selecting, moving and turning objects (see design_edits.h).
#include <algorithm>
#include <cmath>
#include <functional>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "app/gui/editing/template_map.h"
#include "core/design/expand.h"

namespace gigaplan::app::editing {

using namespace detail;
using design::Vec2;

namespace {

constexpr double kAlignSnap = 0.5;  // m: a moved unit's centre this near another unit's lines up with it

void sortUnique(std::vector<int>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// New place and rotation of an object from its current ones.
using Transform = std::function<std::pair<Vec2, double>(Vec2 position, double rotation)>;

// Moves or turns every object by `t`. With `rowLevel`, a row whose racks are all selected is
// written as one row override instead of an override per rack.
EditOutcome transformObjects(const design::ResolvedDesign& r, const ObjectSet& set, const Transform& t, bool turns,
                             bool rowLevel) {
  if (set.empty()) return EditOutcome::refuse("Nothing selected.");
  const design::Layout& L = r.layout;
  std::vector<Placed> placed;
  placed.reserve(set.size());
  for (int i : set.racks) {
    const auto& rack = L.racks[static_cast<std::size_t>(i)];
    const auto [p, rot] = t(rack.position, rack.rotation);
    placed.push_back({{ItemKind::Rack, i}, rackFootprint(rack), rackFootprint(rack, p, rot)});
  }
  for (int i : set.power) {
    const auto& n = L.power[static_cast<std::size_t>(i)];
    if (!hasFootprint(n)) continue;
    const auto [p, rot] = t(n.position, n.rotation);
    placed.push_back({{ItemKind::Power, i}, powerFootprint(n, n.position, n.rotation), powerFootprint(n, p, rot)});
  }
  for (int i : set.cooling) {
    const auto& u = L.cooling[static_cast<std::size_t>(i)];
    if (!hasFootprint(u)) continue;
    const auto [p, rot] = t(u.position, u.rotation);
    placed.push_back(
        {{ItemKind::Cooling, i}, coolingFootprint(u, u.position, u.rotation), coolingFootprint(u, p, rot)});
  }
  if (const std::string why = newOverlap(L, FootprintIndex::ofLayout(L), placed); !why.empty()) {
    return EditOutcome::refuse("Not moved: " + why + ".");
  }

  design::Design d = r.design;
  const std::vector<char> mask = rackMask(L, set);
  std::vector<char> wholeRow(L.rows.size(), 0);
  auto place = [&](const std::string& id, Vec2 position, double rotation, bool setRotation) {
    const auto [p, rot] = t(position, rotation);
    design::Override& o = d.overrides[id];
    o.position = roundVec(p);
    if (setRotation) o.rotation = normalizeDegrees(rot);
  };
  for (int i : set.racks) {
    const auto& rack = L.racks[static_cast<std::size_t>(i)];
    const auto row = static_cast<std::size_t>(rack.row);
    if (rowLevel && rack.row != design::kNone && !wholeRow[row] && rowFullySelected(L, mask, rack.row)) {
      wholeRow[row] = 1;
      place(L.rows[row].id, L.rows[row].start, L.rows[row].rotation, turns);
    }
    const auto own = d.overrides.find(rack.id);
    const bool ownPosition = own != d.overrides.end() && own->second.position;
    const bool ownRotation = own != d.overrides.end() && own->second.rotation;
    if (rack.row != design::kNone && wholeRow[row]) {
      // The row override moves this rack unless it has its own position, which must follow.
      if (ownPosition)
        place(rack.id, rack.position, rack.rotation, turns || ownRotation);
      else if (turns && ownRotation)
        d.overrides[rack.id].rotation = normalizeDegrees(t(rack.position, rack.rotation).second);
    } else {
      place(rack.id, rack.position, rack.rotation, turns);
    }
  }
  for (int i : set.power) {
    const auto& n = L.power[static_cast<std::size_t>(i)];
    place(n.id, n.position, n.rotation, turns);
  }
  for (int i : set.cooling) {
    const auto& u = L.cooling[static_cast<std::size_t>(i)];
    place(u.id, u.position, u.rotation, turns);
  }
  return {std::move(d), {}, {}};
}

}  // namespace

ObjectSet objectsOf(const design::Layout& layout, const std::vector<std::string>& ids) {
  ObjectSet set;
  for (const std::string& id : ids) {
    if (auto it = layout.rackIndex.find(id); it != layout.rackIndex.end()) {
      set.racks.push_back(it->second);
    } else if (auto p = layout.powerIndex.find(id); p != layout.powerIndex.end()) {
      set.power.push_back(p->second);
    } else if (auto c = layout.coolingIndex.find(id); c != layout.coolingIndex.end()) {
      set.cooling.push_back(c->second);
    } else if (auto row = layout.rowIndex.find(id); row != layout.rowIndex.end()) {
      const auto& rw = layout.rows[static_cast<std::size_t>(row->second)];
      for (int k = 0; k < rw.rackCount; ++k) set.racks.push_back(rw.firstRack + k);
    } else if (auto hall = layout.hallIndex.find(id); hall != layout.hallIndex.end()) {
      for (std::size_t i = 0; i < layout.racks.size(); ++i) {
        if (layout.racks[i].hall == hall->second) set.racks.push_back(static_cast<int>(i));
      }
    }
  }
  sortUnique(set.racks);
  sortUnique(set.power);
  sortUnique(set.cooling);
  return set;
}

Vec2 snapDelta(Vec2 delta, double rotation, double grid) {
  if (grid <= 0) return delta;
  const Vec2 dir = design::direction(rotation);
  const Vec2 across{-dir.y, dir.x};
  const double a = std::round((delta.x * dir.x + delta.y * dir.y) / grid) * grid;
  const double b = std::round((delta.x * across.x + delta.y * across.y) / grid) * grid;
  return {a * dir.x + b * across.x, a * dir.y + b * across.y};
}

Vec2 alignDelta(const design::ResolvedDesign& r, const ObjectSet& set, Vec2 raw, Vec2 snapped) {
  if (set.empty() || !set.racks.empty()) return snapped;
  const design::Layout& L = r.layout;
  std::vector<bool> movedPower(L.power.size()), movedCooling(L.cooling.size());
  std::vector<Vec2> targets;
  for (int i : set.power) {
    movedPower[static_cast<std::size_t>(i)] = true;
    const Vec2 p = L.power[static_cast<std::size_t>(i)].position;
    targets.push_back({p.x + raw.x, p.y + raw.y});
  }
  for (int i : set.cooling) {
    movedCooling[static_cast<std::size_t>(i)] = true;
    const Vec2 p = L.cooling[static_cast<std::size_t>(i)].position;
    targets.push_back({p.x + raw.x, p.y + raw.y});
  }
  Vec2 out = snapped;
  double bestX = kAlignSnap, bestY = kAlignSnap;
  const auto consider = [&](Vec2 q) {
    for (const Vec2& t : targets) {
      if (std::abs(q.x - t.x) < bestX) bestX = std::abs(q.x - t.x), out.x = raw.x + (q.x - t.x);
      if (std::abs(q.y - t.y) < bestY) bestY = std::abs(q.y - t.y), out.y = raw.y + (q.y - t.y);
    }
  };
  for (std::size_t i = 0; i < L.power.size(); ++i)
    if (!movedPower[i]) consider(L.power[i].position);
  for (std::size_t i = 0; i < L.cooling.size(); ++i)
    if (!movedCooling[i]) consider(L.cooling[i].position);
  return {roundMetres(out.x), roundMetres(out.y)};
}

EditOutcome moveObjects(const design::ResolvedDesign& r, const ObjectSet& set, Vec2 delta) {
  if (delta.x == 0 && delta.y == 0) return EditOutcome::refuse("Not moved: the move is shorter than the grid.");
  return transformObjects(
      r, set,
      [delta](Vec2 p, double rot) {
        return std::pair{Vec2{p.x + delta.x, p.y + delta.y}, rot};
      },
      false, true);
}

EditOutcome rotateObjects(const design::ResolvedDesign& r, const ObjectSet& set, double degrees) {
  const design::Layout& L = r.layout;
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  auto grow = [&](Vec2 p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  };
  for (int i : set.racks) grow(L.racks[static_cast<std::size_t>(i)].position);
  for (int i : set.power) grow(L.power[static_cast<std::size_t>(i)].position);
  for (int i : set.cooling) grow(L.cooling[static_cast<std::size_t>(i)].position);
  const Vec2 centre{0.5 * (x0 + x1), 0.5 * (y0 + y1)};
  return transformObjects(
      r, set,
      [&](Vec2 p, double rot) {
        return std::pair{rotateAbout(p, centre, degrees), rot + degrees};
      },
      true, true);
}

EditOutcome setRotation(const design::ResolvedDesign& r, const ObjectSet& set, double degrees) {
  return transformObjects(
      r, set,
      [degrees](Vec2 p, double) {
        return std::pair{p, degrees};
      },
      true, false);
}

double rowPitch(const design::ResolvedDesign& r, int row) {
  const design::Row& rw = r.layout.rows[static_cast<std::size_t>(row)];
  const TemplateMap map(r.design, r.layout);
  const RowOrigin& o = map.row(row);
  const design::RowSpec& s =
      r.design.halls[static_cast<std::size_t>(o.hallSpec)].rows[static_cast<std::size_t>(o.rowSpec)];
  const double step = std::hypot(s.step.x, s.step.y);
  if (s.count > 1 && step > 0) return step;
  const catalog::RackType* type =
      rw.rackCount > 0 ? r.layout.racks[static_cast<std::size_t>(rw.firstRack)].spec : r.catalog->rack(s.rackType);
  return 2 * (type ? type->depth : 1.2) + 1.2;
}

}  // namespace gigaplan::app::editing
