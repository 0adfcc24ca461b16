// Halls drawn, moved, resized, duplicated, deleted and taken out of their template (see
// design_edits.h). A hall template's halls share one spec, so these edits work on specs: moving
// or resizing one hall of a template moves or resizes them all, and only the last hall of a
// template can leave it (the others would be renumbered, and with them every id they make).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "core/design/pattern.h"
#include "core/model/design_validation.h"
#include "core/units/units.h"

namespace gigaplan::app::editing {

using namespace detail;
using design::Vec2;

namespace {

constexpr double kHallGrid = 1.0;     // m: a drawn hall's corners snap to whole metres
constexpr double kMinHallSide = 5.0;  // m: a drag shorter than this is not a hall
constexpr double kEdgeSnap = 1.5;     // m: a drawn corner this near another hall's wall lines up with it

// The x and y of the walls of every hall not made by hall spec `exceptSpec` (-1: every hall),
// which a drawn or dragged hall lines up with.
struct HallWalls {
  std::vector<double> x, y;
};
HallWalls wallsOfHalls(const design::Layout& L, int exceptSpec) {
  HallWalls w;
  for (const auto& h : L.halls) {
    if (h.specIndex == exceptSpec) continue;
    w.x.insert(w.x.end(), {h.origin.x, h.origin.x + h.size.x});
    w.y.insert(w.y.end(), {h.origin.y, h.origin.y + h.size.y});
  }
  return w;
}

// A corner coordinate: the nearest wall within kEdgeSnap, else whole metres.
double snapToWalls(double v, const std::vector<double>& walls) {
  double best = std::round(v / kHallGrid) * kHallGrid, distance = kEdgeSnap;
  for (double w : walls)
    if (std::abs(w - v) < distance) distance = std::abs(w - v), best = w;
  return best;
}

// A move of walls at `low` and `high` by `delta` along one axis: the smallest change that puts
// either wall on another hall's wall within kEdgeSnap, else `delta` in whole metres.
double snapMove(double low, double high, double delta, const std::vector<double>& walls) {
  double best = std::round(delta / kHallGrid) * kHallGrid, distance = kEdgeSnap;
  for (double w : walls) {
    for (double edge : {low + delta, high + delta}) {
      if (std::abs(w - edge) < distance) distance = std::abs(w - edge), best = delta + (w - edge);
    }
  }
  return best;
}

std::string bindHall(const std::string& pattern, int h) {
  return fixVariable(pattern, 'h', h);
}

std::vector<std::string> bindHall(std::vector<std::string> patterns, int h) {
  for (auto& p : patterns) p = bindHall(p, h);
  return patterns;
}

// Instance `h` of hall template H as a hall of its own, `id` its expanded id: count 1, every {h}
// bound, only the templates made in that hall, their `only_in` dropped.
design::HallSpec standalone(const design::HallSpec& H, int h, const std::string& id) {
  design::HallSpec s = H;
  s.id = id;
  s.count = 1;
  s.step = {};
  s.origin = {H.origin.x + (h - 1) * H.step.x, H.origin.y + (h - 1) * H.step.y};
  const auto name = design::expandPattern(H.name, {h, 0, 0});
  s.name = name.error.empty() ? name.text : bindHall(H.name, h);
  s.rows.clear(), s.power.clear(), s.cooling.clear();
  for (design::RowSpec row : H.rows) {
    if (!design::madeInHall(row.onlyIn, id)) continue;
    row.onlyIn.clear();
    row.id = bindHall(row.id, h);
    row.feedA = bindHall(row.feedA, h), row.feedB = bindHall(row.feedB, h);
    row.cdu = bindHall(row.cdu, h), row.airHandler = bindHall(row.airHandler, h);
    s.rows.push_back(std::move(row));
  }
  for (design::PowerNodeSpec p : H.power) {
    if (!design::madeInHall(p.onlyIn, id)) continue;
    p.onlyIn.clear();
    p.id = bindHall(p.id, h);
    p.fedBy = bindHall(p.fedBy, h);
    s.power.push_back(std::move(p));
  }
  for (design::CoolingUnitSpec c : H.cooling) {
    if (!design::madeInHall(c.onlyIn, id)) continue;
    c.onlyIn.clear();
    c.id = bindHall(c.id, h);
    c.fedBy = bindHall(c.fedBy, h), c.rejectsTo = bindHall(c.rejectsTo, h);
    s.cooling.push_back(std::move(c));
  }
  return s;
}

// Ids of what stands in a set of halls (Layout::halls indices): the halls, their rows, racks,
// power nodes and cooling units.
std::set<std::string> idsIn(const design::Layout& L, const std::set<int>& halls) {
  std::set<std::string> ids;
  for (int h : halls) ids.insert(L.halls[static_cast<std::size_t>(h)].id);
  for (const auto& row : L.rows)
    if (halls.count(row.hall)) ids.insert(row.id);
  for (const auto& rack : L.racks)
    if (halls.count(rack.hall)) ids.insert(rack.id);
  for (const auto& p : L.power)
    if (halls.count(p.hall)) ids.insert(p.id);
  for (const auto& c : L.cooling)
    if (halls.count(c.hall)) ids.insert(c.id);
  return ids;
}

// The halls a spec makes (Layout::halls indices).
std::set<int> hallsOfSpec(const design::Layout& L, int spec) {
  std::set<int> out;
  for (std::size_t h = 0; h < L.halls.size(); ++h)
    if (L.halls[h].specIndex == spec) out.insert(static_cast<int>(h));
  return out;
}

// Renames what a copied hall holds: ids that start with the old hall's id take the new one's in
// its place ("h2-bw1" → "hall-4-bw1"), others are prefixed with it ("ups-3" → "hall-4-ups-3"). A
// reference is renamed when it names something inside the old hall, else it keeps pointing at the
// same object (a transformer in the yard).
struct Renamer {
  std::string from, to;
  std::set<std::string> inside;  // expanded ids of what the old hall holds

  std::string id(const std::string& s) const {
    const bool prefixed = s.size() >= from.size() && s.compare(0, from.size(), from) == 0 &&
                          (s.size() == from.size() || !std::isalnum(static_cast<unsigned char>(s[from.size()])));
    return prefixed ? to + s.substr(from.size()) : to + "-" + s;
  }
  bool names(const std::string& pattern) const {
    const auto e = design::expandPattern(pattern, {1, 1, 1});
    return e.error.empty() && inside.count(e.text);
  }
  std::string ref(const std::string& pattern) const { return names(pattern) ? id(pattern) : pattern; }
  std::vector<std::string> refs(std::vector<std::string> patterns) const {
    for (auto& p : patterns) p = ref(p);
    return patterns;
  }
};

// Every rack, power node and cooling unit in the halls, with its footprint.
struct Content {
  Footprint footprint;
  int hall;
  std::string what;
};
std::vector<Content> contentsOf(const design::Layout& L, const std::set<int>& halls) {
  std::vector<Content> out;
  for (std::size_t i = 0; i < L.racks.size(); ++i) {
    const auto& rack = L.racks[i];
    if (halls.count(rack.hall)) out.push_back({rackFootprint(rack), rack.hall, "rack " + rack.id});
  }
  for (std::size_t i = 0; i < L.power.size(); ++i) {
    const auto& p = L.power[i];
    if (halls.count(p.hall) && hasFootprint(p))
      out.push_back({powerFootprint(p, p.position, p.rotation), p.hall, p.id});
  }
  for (std::size_t i = 0; i < L.cooling.size(); ++i) {
    const auto& c = L.cooling[i];
    if (halls.count(c.hall) && hasFootprint(c))
      out.push_back({coolingFootprint(c, c.position, c.rotation), c.hall, c.id});
  }
  return out;
}

void growSite(design::Design& d, Vec2 corner) {
  d.site.size.x = std::max(d.site.size.x, roundMetres(corner.x));
  d.site.size.y = std::max(d.site.size.y, roundMetres(corner.y));
}

// Drops from a hall template what is made only in the hall `id` (rows, gear with only_in).
void dropMadeOnlyIn(design::HallSpec& T, const std::string& id) {
  std::erase_if(T.rows, [&](const design::RowSpec& s) { return s.onlyIn == id; });
  std::erase_if(T.power, [&](const design::PowerNodeSpec& s) { return s.onlyIn == id; });
  std::erase_if(T.cooling, [&](const design::CoolingUnitSpec& s) { return s.onlyIn == id; });
}

// The hall a rack, power node or cooling unit stands in (kNone: the yard).
int hallOf(const design::Layout& L, Item item) {
  const auto i = static_cast<std::size_t>(item.index);
  return item.kind == ItemKind::Rack    ? L.racks[i].hall
         : item.kind == ItemKind::Power ? L.power[i].hall
                                        : L.cooling[i].hall;
}

bool validHall(const design::Layout& L, int hall) {
  return hall >= 0 && hall < static_cast<int>(L.halls.size());
}

}  // namespace

HallSketch sketchHall(const design::ResolvedDesign& r, Vec2 a, Vec2 b) {
  HallSketch s;
  const HallWalls walls = wallsOfHalls(r.layout, -1);
  const Vec2 p{snapToWalls(a.x, walls.x), snapToWalls(a.y, walls.y)};
  const Vec2 q{snapToWalls(b.x, walls.x), snapToWalls(b.y, walls.y)};
  s.origin = {std::min(p.x, q.x), std::min(p.y, q.y)};
  s.size = {std::abs(q.x - p.x), std::abs(q.y - p.y)};
  if (s.size.x < kMinHallSide || s.size.y < kMinHallSide) {
    s.refusal = "Drag out a hall at least 5 m × 5 m.";
    return s;
  }
  const EditOutcome out = addHall(r, s.size, s.origin);
  if (!out) s.refusal = out.refusal;
  return s;
}

EditOutcome drawHall(const design::ResolvedDesign& r, Vec2 a, Vec2 b) {
  const HallSketch s = sketchHall(r, a, b);
  if (!s.refusal.empty()) return EditOutcome::refuse(s.refusal);
  return addHall(r, s.size, s.origin);
}

EditOutcome setHallGeometry(const design::ResolvedDesign& r, int hallIndex, Vec2 origin, Vec2 size) {
  const design::Layout& L = r.layout;
  if (!validHall(L, hallIndex)) return EditOutcome::refuse("There is no such hall.");
  if (!(size.x >= 1 && size.y >= 1) || size.x > model::kMaxCoordinate || size.y > model::kMaxCoordinate)
    return EditOutcome::refuse("A hall is at least 1 m × 1 m.");
  if (origin.x < 0 || origin.y < 0) return EditOutcome::refuse("A hall stands on the site (x and y ≥ 0).");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  origin = roundVec(origin), size = roundVec(size);
  const Vec2 delta{origin.x - hall.origin.x, origin.y - hall.origin.y};
  if (std::abs(delta.x) < 1e-9 && std::abs(delta.y) < 1e-9 && std::abs(size.x - hall.size.x) < 1e-9 &&
      std::abs(size.y - hall.size.y) < 1e-9)
    return EditOutcome::refuse("The hall already stands there at that size.");
  const std::set<int> moved = hallsOfSpec(L, hall.specIndex);

  // Where each hall of the template would stand.
  std::vector<design::Hall> after;
  for (int h : moved) {
    design::Hall n = L.halls[static_cast<std::size_t>(h)];
    n.origin = {n.origin.x + delta.x, n.origin.y + delta.y};
    n.size = size;
    after.push_back(n);
  }
  for (std::size_t i = 0; i < after.size(); ++i) {
    for (std::size_t j = i + 1; j < after.size(); ++j) {
      if (overlaps(hallFootprint(after[i]), hallFootprint(after[j])))
        return EditOutcome::refuse("The halls " + after[i].name + " and " + after[j].name +
                                   " of the template would overlap: their step is shorter than the new size.");
    }
    for (std::size_t h = 0; h < L.halls.size(); ++h) {
      if (moved.count(static_cast<int>(h))) continue;
      if (overlaps(hallFootprint(after[i]), hallFootprint(L.halls[h])))
        return EditOutcome::refuse(after[i].name + " would overlap " + L.halls[h].name + ".");
    }
    if (after[i].origin.x + size.x > model::kMaxCoordinate || after[i].origin.y + size.y > model::kMaxCoordinate)
      return EditOutcome::refuse("The hall would leave the largest site GigaPlan lays out.");
  }
  // Everything inside moves with its hall and must still fit.
  std::size_t k = 0;
  std::map<int, const design::Hall*> newHall;
  for (int h : moved) newHall[h] = &after[k++];
  for (Content c : contentsOf(L, moved)) {
    c.footprint.centre = {c.footprint.centre.x + delta.x, c.footprint.centre.y + delta.y};
    if (!insideHall(*newHall.at(c.hall), c.footprint))
      return EditOutcome::refuse(c.what + " would stand outside " + newHall.at(c.hall)->name +
                                 ": move it or keep the hall larger.");
  }
  // Yard gear the halls would now cover.
  const FootprintIndex index = FootprintIndex::ofLayout(L);
  for (const design::Hall& n : after) {
    for (const Item& item : index.overlapping(hallFootprint(n))) {
      const int in = hallOf(L, item);
      if (!moved.count(in)) return EditOutcome::refuse(n.name + " would stand on " + describe(L, item) + ".");
    }
  }

  design::Design d = r.design;
  design::HallSpec& H = d.halls[static_cast<std::size_t>(hall.specIndex)];
  H.origin = roundVec({H.origin.x + delta.x, H.origin.y + delta.y});
  H.size = size;
  // Overrides place objects in site coordinates: they move with their hall.
  const std::set<std::string> inside = idsIn(L, moved);
  for (auto& [id, o] : d.overrides) {
    if (o.position && inside.count(id)) o.position = roundVec({o.position->x + delta.x, o.position->y + delta.y});
  }
  for (const design::Hall& n : after) growSite(d, {n.origin.x + n.size.x, n.origin.y + n.size.y});
  EditOutcome out;
  out.design = std::move(d);
  return out;
}

HallSketch hallDragged(const design::ResolvedDesign& r, int hallIndex, HallGrip grip, Vec2 delta) {
  const design::Layout& L = r.layout;
  HallSketch s;
  if (!validHall(L, hallIndex)) {
    s.refusal = "There is no such hall.";
    return s;
  }
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  // The halls of its own template move and resize with it: they are not walls to line up with.
  const HallWalls walls = wallsOfHalls(L, hall.specIndex);
  const Vec2 low = hall.origin, high{hall.origin.x + hall.size.x, hall.origin.y + hall.size.y};
  if (grip == HallGrip::Walls) {
    s.origin = {low.x + snapMove(low.x, high.x, delta.x, walls.x), low.y + snapMove(low.y, high.y, delta.y, walls.y)};
    s.size = hall.size;
    return s;
  }
  // A corner: it follows the cursor (snapped as a drawn corner is); the opposite one stays.
  const bool east = grip == HallGrip::SouthEast || grip == HallGrip::NorthEast;
  const bool north = grip == HallGrip::NorthWest || grip == HallGrip::NorthEast;
  const Vec2 fixed{east ? low.x : high.x, north ? low.y : high.y};
  const Vec2 moved{snapToWalls((east ? high.x : low.x) + delta.x, walls.x),
                   snapToWalls((north ? high.y : low.y) + delta.y, walls.y)};
  s.origin = {std::min(fixed.x, moved.x), std::min(fixed.y, moved.y)};
  s.size = {std::abs(moved.x - fixed.x), std::abs(moved.y - fixed.y)};
  if (s.size.x < kMinHallSide || s.size.y < kMinHallSide) s.refusal = "A hall is at least 5 m × 5 m.";
  return s;
}

EditOutcome dragHall(const design::ResolvedDesign& r, int hallIndex, HallGrip grip, Vec2 delta) {
  const HallSketch s = hallDragged(r, hallIndex, grip, delta);
  if (!s.refusal.empty()) return EditOutcome::refuse(s.refusal);
  return setHallGeometry(r, hallIndex, s.origin, s.size);
}

EditOutcome deleteHall(const design::ResolvedDesign& r, int hallIndex) {
  const design::Layout& L = r.layout;
  if (!validHall(L, hallIndex)) return EditOutcome::refuse("There is no such hall.");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  const design::HallSpec& H = r.design.halls[static_cast<std::size_t>(hall.specIndex)];
  if (H.count > 1 && hall.instance != H.count)
    return EditOutcome::refuse(hall.name + " is hall " + std::to_string(hall.instance) + " of the " +
                               std::to_string(H.count) +
                               " its template makes; only the last one can go without "
                               "renumbering the others (lower the template's count, or delete its racks).");
  const std::set<std::string> gone = idsIn(L, {hallIndex});
  design::Design d = r.design;
  if (H.count == 1) {
    d.halls.erase(d.halls.begin() + hall.specIndex);
  } else {
    design::HallSpec& T = d.halls[static_cast<std::size_t>(hall.specIndex)];
    --T.count;
    dropMadeOnlyIn(T, hall.id);
  }
  std::erase_if(d.overrides, [&](const auto& kv) { return gone.count(kv.first) > 0; });
  std::erase_if(d.network.networkRows, [&](const std::string& row) { return gone.count(row) > 0; });
  if (gone.count(d.network.coreAirHandler)) d.network.coreAirHandler.clear();
  std::erase_if(d.network.coreFeeds, [&](const std::string& id) { return gone.count(id) > 0; });
  EditOutcome out;
  out.design = std::move(d);
  return out;
}

EditOutcome repeatHall(const design::ResolvedDesign& r, int hallIndex, int count, Vec2 step) {
  const design::Layout& L = r.layout;
  if (!validHall(L, hallIndex)) return EditOutcome::refuse("There is no such hall.");
  constexpr int kMaxRepeats = 1000;
  if (count < 1 || count > kMaxRepeats)
    return EditOutcome::refuse("A hall template makes 1 to " + std::to_string(kMaxRepeats) + " halls.");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  const design::HallSpec& H = r.design.halls[static_cast<std::size_t>(hall.specIndex)];
  step = roundVec(step);
  if (count == H.count && (count == 1 || (step.x == H.step.x && step.y == H.step.y)))
    return EditOutcome::refuse("The template already makes " + std::to_string(count) +
                               (count == 1 ? " hall." : " halls that far apart."));
  if (count > 1 && std::abs(step.x) < H.size.x && std::abs(step.y) < H.size.y)
    return EditOutcome::refuse("Halls " + units::format(std::hypot(step.x, step.y), units::Dimension::Length) +
                               " apart would overlap: the step must clear the hall's width or depth.");
  // Where each hall would stand, checked against every other hall and the yard.
  const std::set<int> mine = hallsOfSpec(L, hall.specIndex);
  const FootprintIndex index = FootprintIndex::ofLayout(L);
  for (int k = 0; k < count; ++k) {
    design::Hall n = hall;
    n.origin = {H.origin.x + k * step.x, H.origin.y + k * step.y};
    n.size = H.size;
    n.name = "hall " + std::to_string(k + 1) + " of the template";
    if (n.origin.x < 0 || n.origin.y < 0 || n.origin.x + n.size.x > model::kMaxCoordinate ||
        n.origin.y + n.size.y > model::kMaxCoordinate)
      return EditOutcome::refuse("The " + n.name + " would leave the site (x and y from 0 to " +
                                 units::format(model::kMaxCoordinate, units::Dimension::Length) + ").");
    for (std::size_t h = 0; h < L.halls.size(); ++h) {
      if (mine.count(static_cast<int>(h))) continue;
      if (overlaps(hallFootprint(n), hallFootprint(L.halls[h])))
        return EditOutcome::refuse("The " + n.name + " would overlap " + L.halls[h].name + ".");
    }
    for (const Item& item : index.overlapping(hallFootprint(n))) {
      const int in = hallOf(L, item);
      if (!mine.count(in)) return EditOutcome::refuse("The " + n.name + " would stand on " + describe(L, item) + ".");
    }
  }

  design::Design d = r.design;
  design::HallSpec& T = d.halls[static_cast<std::size_t>(hall.specIndex)];
  if (H.count == 1 && count > 1 && H.id.find("{h") == std::string::npos) {
    // Ids that vary with the hall; the first hall's overrides keep their objects.
    const Renamer rename{H.id, H.id + "-{h}", idsIn(L, {hallIndex})};
    const auto first = [&](const std::string& pattern) { return bindHall(pattern, 1); };
    T.id = rename.to;
    if (T.name.find("{h") == std::string::npos) T.name += "-{h}";
    for (design::RowSpec& row : T.rows) {
      row.id = rename.id(row.id);
      row.feedA = rename.ref(row.feedA), row.feedB = rename.ref(row.feedB);
      row.cdu = rename.ref(row.cdu), row.airHandler = rename.ref(row.airHandler);
    }
    for (design::PowerNodeSpec& p : T.power) p.id = rename.id(p.id), p.fedBy = rename.refs(p.fedBy);
    for (design::CoolingUnitSpec& c : T.cooling)
      c.id = rename.id(c.id), c.fedBy = rename.refs(c.fedBy), c.rejectsTo = rename.refs(c.rejectsTo);
    std::map<std::string, design::Override> overrides;
    for (auto& [id, o] : d.overrides) {
      if (!rename.inside.count(id) || id == hall.id) {
        overrides.emplace(id, std::move(o));
        continue;
      }
      for (auto* f : {&o.feedA, &o.feedB, &o.cdu, &o.airHandler})
        if (*f) *f = first(rename.ref(**f));
      if (o.fedBy) o.fedBy = bindHall(rename.refs(*o.fedBy), 1);
      if (o.rejectsTo) o.rejectsTo = bindHall(rename.refs(*o.rejectsTo), 1);
      overrides.emplace(first(rename.id(id)), std::move(o));
    }
    d.overrides = std::move(overrides);
    // What the rest of the site names inside the hall now names its first copy.
    for (design::PowerNodeSpec& p : d.power)
      for (auto& f : p.fedBy) f = rename.names(f) ? first(rename.id(f)) : f;
    for (design::CoolingUnitSpec& c : d.cooling) {
      for (auto& f : c.fedBy) f = rename.names(f) ? first(rename.id(f)) : f;
      for (auto& f : c.rejectsTo) f = rename.names(f) ? first(rename.id(f)) : f;
    }
    for (auto& row : d.network.networkRows)
      if (rename.inside.count(row)) row = first(rename.id(row));
    if (rename.inside.count(d.network.coreAirHandler))
      d.network.coreAirHandler = first(rename.id(d.network.coreAirHandler));
    for (auto& f : d.network.coreFeeds)
      if (rename.inside.count(f)) f = first(rename.id(f));
  }
  if (count < H.count) {
    // The halls beyond the new count go, with what they hold and what was made only there.
    std::set<int> gone;
    for (int h : mine)
      if (L.halls[static_cast<std::size_t>(h)].instance > count) gone.insert(h);
    const std::set<std::string> ids = idsIn(L, gone);
    for (int h : gone) dropMadeOnlyIn(T, L.halls[static_cast<std::size_t>(h)].id);
    std::erase_if(d.overrides, [&](const auto& kv) { return ids.count(kv.first) > 0; });
    std::erase_if(d.network.networkRows, [&](const std::string& row) { return ids.count(row) > 0; });
  }
  T.count = count;
  T.step = count > 1 ? step : Vec2{};
  for (int k = 0; k < count; ++k) growSite(d, {T.origin.x + k * step.x + T.size.x, T.origin.y + k * step.y + T.size.y});
  EditOutcome out;
  out.design = std::move(d);
  return out;
}

EditOutcome breakOutHall(const design::ResolvedDesign& r, int hallIndex) {
  const design::Layout& L = r.layout;
  if (!validHall(L, hallIndex)) return EditOutcome::refuse("There is no such hall.");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  const design::HallSpec& H = r.design.halls[static_cast<std::size_t>(hall.specIndex)];
  if (H.count == 1) return EditOutcome::refuse(hall.name + " is already a hall of its own.");
  if (hall.instance != H.count)
    return EditOutcome::refuse(
        "Only the last hall of a template can leave it without renumbering the others: " + hall.name + " is hall " +
        std::to_string(hall.instance) + " of " + std::to_string(H.count) + ".");
  design::Design d = r.design;
  design::HallSpec own = standalone(H, hall.instance, hall.id);
  design::HallSpec& T = d.halls[static_cast<std::size_t>(hall.specIndex)];
  --T.count;
  dropMadeOnlyIn(T, hall.id);
  d.halls.insert(d.halls.begin() + hall.specIndex + 1, std::move(own));
  EditOutcome out;
  out.design = std::move(d);
  out.select.push_back(hall.id);
  return out;
}

EditOutcome duplicateHall(const design::ResolvedDesign& r, int hallIndex) {
  const design::Layout& L = r.layout;
  if (!validHall(L, hallIndex)) return EditOutcome::refuse("There is no such hall.");
  const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
  // addHall finds the place (east of the others) and the fresh id.
  EditOutcome placed = addHall(r, hall.size);
  if (!placed) return EditOutcome::refuse("Not duplicated: " + placed.refusal);
  design::Design d = std::move(*placed.design);
  design::HallSpec& copy = d.halls.back();
  const design::HallSpec source =
      standalone(r.design.halls[static_cast<std::size_t>(hall.specIndex)], hall.instance, hall.id);
  const Renamer rename{hall.id, copy.id, idsIn(L, {hallIndex})};
  copy.height = source.height;
  for (design::RowSpec row : source.rows) {
    row.id = rename.id(row.id);
    row.feedA = rename.ref(row.feedA), row.feedB = rename.ref(row.feedB);
    row.cdu = rename.ref(row.cdu), row.airHandler = rename.ref(row.airHandler);
    copy.rows.push_back(std::move(row));
  }
  for (design::PowerNodeSpec p : source.power) {
    p.id = rename.id(p.id);
    p.fedBy = rename.refs(p.fedBy);
    copy.power.push_back(std::move(p));
  }
  for (design::CoolingUnitSpec c : source.cooling) {
    c.id = rename.id(c.id);
    c.fedBy = rename.refs(c.fedBy), c.rejectsTo = rename.refs(c.rejectsTo);
    copy.cooling.push_back(std::move(c));
  }
  // What the source's objects override, the copies override too, one hall further on.
  const Vec2 delta{copy.origin.x - hall.origin.x, copy.origin.y - hall.origin.y};
  std::map<std::string, design::Override> added;
  for (const auto& [id, o] : r.design.overrides) {
    if (!rename.inside.count(id) || id == hall.id) continue;
    design::Override n = o;
    if (n.position) n.position = roundVec({n.position->x + delta.x, n.position->y + delta.y});
    for (auto* f : {&n.feedA, &n.feedB, &n.cdu, &n.airHandler})
      if (*f) *f = rename.ref(**f);
    if (n.fedBy) n.fedBy = rename.refs(*n.fedBy);
    if (n.rejectsTo) n.rejectsTo = rename.refs(*n.rejectsTo);
    n.where = {};
    added[rename.id(id)] = std::move(n);
  }
  d.overrides.insert(added.begin(), added.end());
  std::vector<std::string> networkRows;
  for (const std::string& row : d.network.networkRows)
    if (rename.inside.count(row)) networkRows.push_back(rename.id(row));
  d.network.networkRows.insert(d.network.networkRows.end(), networkRows.begin(), networkRows.end());
  EditOutcome out;
  out.select.push_back(copy.id);
  out.design = std::move(d);
  return out;
}

}  // namespace gigaplan::app::editing
