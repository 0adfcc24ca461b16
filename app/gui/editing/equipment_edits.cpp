// Adding power and cooling gear from the palette (see design_edits.h): where a unit of each kind
// stands, the first free place for its catalog footprint, and how it is written into the Design.
#include <algorithm>
#include <cmath>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "core/model/default_sizes.h"
#include "core/model/design_validation.h"
#include "core/units/units.h"

namespace gigaplan::app::editing {

using namespace detail;
using design::Vec2;

namespace {

constexpr double kClearance = 1.0;   // m of free floor kept around new gear for access and service
constexpr double kHallStep = 0.6;    // m, the scan grid inside a hall (one rack width)
constexpr double kYardStep = 1.0;    // m, the scan grid outside
constexpr double kMaxYardGap = 500;  // m from the hall wall searched for yard gear

// What the palette's model makes: its kind in the design, footprint and id prefix.
struct NewGear {
  bool power = true;
  design::PowerKind powerKind = design::PowerKind::Transformer;
  design::CoolingKind coolingKind = design::CoolingKind::Cdu;
  std::string prefix;  // short name the samples use: "tx", "ups", "cdu", …
  bool yard = false;   // stands outside the halls
  double width = 1, depth = 1;
};

// Per catalog kind: the design kind, the id prefix the samples use, and whether it is yard gear.
template <class GearKind, class DesignKind>
struct Rule {
  GearKind gear;
  DesignKind kind;
  const char* prefix;
  bool yard;
};
using PG = catalog::PowerGearKind;
using PK = design::PowerKind;
using CG = catalog::CoolingGearKind;
using CK = design::CoolingKind;
constexpr Rule<PG, PK> kPowerRules[] = {
    {PG::Substation, PK::Substation, "sub", true},
    {PG::Transformer, PK::Transformer, "tx", true},
    {PG::Generator, PK::Generator, "gen", true},
    {PG::Battery, PK::Battery, "bess", true},
    {PG::Switchboard, PK::Switchboard, "swb", false},
    {PG::Ups, PK::Ups, "ups", false},
    {PG::Busway, PK::Busway, "bw", false},
    {PG::Pdu, PK::Pdu, "pdu", false},
};
constexpr Rule<CG, CK> kCoolingRules[] = {
    {CG::Chiller, CK::Chiller, "chiller", true},         {CG::DryCooler, CK::DryCooler, "dc", true},
    {CG::CoolingTower, CK::CoolingTower, "tower", true}, {CG::Cdu, CK::Cdu, "cdu", false},
    {CG::AirHandler, CK::AirHandler, "ahu", false},
};

std::optional<NewGear> gearOf(const catalog::Catalog& cat, const std::string& model) {
  NewGear g;
  if (const catalog::PowerGear* p = cat.power(model)) {
    for (const auto& rule : kPowerRules) {
      if (rule.gear != p->kind) continue;
      g.powerKind = rule.kind;
      g.prefix = rule.prefix;
      g.yard = rule.yard;
    }
    g.width = p->width;
    g.depth = p->depth;
    return g;
  }
  if (const catalog::CoolingGear* c = cat.cooling(model)) {
    for (const auto& rule : kCoolingRules) {
      if (rule.gear != c->kind) continue;
      g.coolingKind = rule.kind;
      g.prefix = rule.prefix;
      g.yard = rule.yard;
    }
    g.power = false;
    g.width = c->width;
    g.depth = c->depth;
    return g;
  }
  return std::nullopt;
}

// Floor taken by everything in the layout: racks, gear, halls. Busways, PDUs and grid connections
// take no floor, but their markers count here so that new gear does not stack on them in the 3D
// view (and a click finds the one it aims at).
class Floor {
 public:
  explicit Floor(const design::ResolvedDesign& r)
      : L_(r.layout), site_(r.design.site), index_(FootprintIndex::ofLayout(L_)) {
    for (std::size_t i = 0; i < L_.power.size(); ++i) {
      const auto& n = L_.power[i];
      if (!hasFootprint(n))
        index_.add({ItemKind::Power, static_cast<int>(i)}, powerFootprint(n, n.position, n.rotation));
    }
  }

  // True when gear of this size stands at `centre` on the site, `kClearance` from everything and
  // clear of every hall but `inside` (the hall it is meant to stand in, or -1).
  bool free(Vec2 centre, double width, double depth, int inside) const {
    if (centre.x - 0.5 * width < 0 || centre.y - 0.5 * depth < 0 || centre.x + 0.5 * width > site_.size.x ||
        centre.y + 0.5 * depth > site_.size.y)
      return false;
    const Footprint f{centre, width + 2 * kClearance, depth + 2 * kClearance, 0};
    for (std::size_t h = 0; h < L_.halls.size(); ++h) {
      if (static_cast<int>(h) != inside && overlaps(f, hallFootprint(L_.halls[h]))) return false;
    }
    return index_.overlapping(f).empty();
  }

 private:
  const design::Layout& L_;
  const design::SiteInfo& site_;
  FootprintIndex index_;
};

// Inside the hall, scanning rows of candidates from its south-west corner.
std::optional<Vec2> placeInHall(const Floor& floor, const design::Hall& hall, int hallIndex, const NewGear& g) {
  const double x0 = kWallMargin + 0.5 * g.width, y0 = kWallMargin + 0.5 * g.depth;
  for (double y = y0; y + 0.5 * g.depth <= hall.size.y - kWallMargin; y += kHallStep) {
    for (double x = x0; x + 0.5 * g.width <= hall.size.x - kWallMargin; x += kHallStep) {
      const Vec2 c{hall.origin.x + x, hall.origin.y + y};
      if (floor.free(c, g.width, g.depth, hallIndex)) return c;
    }
  }
  return std::nullopt;
}

// Outside the hall, in rings of growing distance from its walls (east, north, west, south side).
std::optional<Vec2> placeInYard(const Floor& floor, const design::Hall& hall, const NewGear& g) {
  const double x0 = hall.origin.x, y0 = hall.origin.y, x1 = x0 + hall.size.x, y1 = y0 + hall.size.y;
  const double hw = 0.5 * g.width, hd = 0.5 * g.depth;
  for (double gap = kClearance; gap <= kMaxYardGap; gap += kYardStep) {
    // Each side runs past the hall's corners by the gap, so the rings close around it.
    for (double y = y0 - gap + hd; y <= y1 + gap - hd; y += kYardStep) {
      if (floor.free({x1 + gap + hw, y}, g.width, g.depth, -1)) return Vec2{x1 + gap + hw, y};
    }
    for (double x = x1 + gap - hw; x >= x0 - gap + hw; x -= kYardStep) {
      if (floor.free({x, y1 + gap + hd}, g.width, g.depth, -1)) return Vec2{x, y1 + gap + hd};
    }
    for (double y = y1 + gap - hd; y >= y0 - gap + hd; y -= kYardStep) {
      if (floor.free({x0 - gap - hw, y}, g.width, g.depth, -1)) return Vec2{x0 - gap - hw, y};
    }
    for (double x = x0 - gap + hw; x <= x1 + gap - hw; x += kYardStep) {
      if (floor.free({x, y0 - gap - hd}, g.width, g.depth, -1)) return Vec2{x, y0 - gap - hd};
    }
  }
  return std::nullopt;
}

// A site without halls: anywhere, scanning from its south-west corner.
std::optional<Vec2> placeOnSite(const Floor& floor, const design::SiteInfo& site, const NewGear& g) {
  for (double y = kClearance + 0.5 * g.depth; y + 0.5 * g.depth <= site.size.y; y += kYardStep) {
    for (double x = kClearance + 0.5 * g.width; x + 0.5 * g.width <= site.size.x; x += kYardStep) {
      if (floor.free({x, y}, g.width, g.depth, -1)) return Vec2{x, y};
    }
  }
  return std::nullopt;
}

std::string freshId(const std::string& prefix, const std::unordered_set<std::string>& used) {
  for (int n = 1;; ++n) {
    std::string id = prefix + "-" + std::to_string(n);
    if (!used.count(id)) return id;
  }
}

}  // namespace

bool standsInYard(const catalog::Catalog& cat, const std::string& model) {
  const auto g = gearOf(cat, model);
  return g && g->yard;
}

EditOutcome addEquipment(const design::ResolvedDesign& r, int hallIndex, const std::string& model) {
  const design::Layout& L = r.layout;
  const auto gear = gearOf(*r.catalog, model);
  if (!gear) return EditOutcome::refuse("'" + model + "' is not power or cooling gear in the catalog.");
  const NewGear& g = *gear;
  const bool hasHall = hallIndex >= 0 && hallIndex < static_cast<int>(L.halls.size());
  const Floor floor(r);
  std::optional<Vec2> at;
  if (!hasHall)
    at = placeOnSite(floor, r.design.site, g);
  else if (g.yard)
    at = placeInYard(floor, L.halls[static_cast<std::size_t>(hallIndex)], g);
  else
    at = placeInHall(floor, L.halls[static_cast<std::size_t>(hallIndex)], hallIndex, g);
  if (!at) {
    const std::string where = !hasHall ? "on the site"
                              : g.yard ? "around " + L.halls[static_cast<std::size_t>(hallIndex)].name
                                       : "in " + L.halls[static_cast<std::size_t>(hallIndex)].name;
    return EditOutcome::refuse("No free place " + where + " for " + model + ".");
  }

  // Yard gear (and any gear on a site without halls) is a site-level object in site coordinates;
  // gear inside a hall belongs to the hall's template, kept to this hall by only_in when the
  // template makes several.
  design::Design d = r.design;
  const std::string id = freshId(g.prefix, usedIds(L));
  Vec2 position = *at;
  std::string onlyIn;
  design::HallSpec* hallSpec = nullptr;
  if (hasHall && !g.yard) {
    const design::Hall& hall = L.halls[static_cast<std::size_t>(hallIndex)];
    hallSpec = &d.halls[static_cast<std::size_t>(hall.specIndex)];
    position = {position.x - hall.origin.x, position.y - hall.origin.y};
    if (hallSpec->count > 1) onlyIn = hall.id;
  }
  // One unit, the catalog's rating, no feeds: the planner connects it next.
  auto append = [&](auto& specs, auto kind) {
    auto& s = specs.emplace_back();
    s.id = id;
    s.onlyIn = onlyIn;
    s.kind = kind;
    s.model = model;
    s.position = roundVec(position);
  };
  if (g.power)
    append(hallSpec ? hallSpec->power : d.power, g.powerKind);
  else
    append(hallSpec ? hallSpec->cooling : d.cooling, g.coolingKind);
  EditOutcome out;
  out.design = std::move(d);
  out.select.push_back(id);
  return out;
}

}  // namespace gigaplan::app::editing

namespace gigaplan::app::editing {

namespace {
constexpr double kHallGap = 20;  // m between a new hall and its neighbours, and to the site's edge
}

EditOutcome addHall(const design::ResolvedDesign& r, Vec2 size, std::optional<Vec2> origin) {
  if (!(size.x >= 1 && size.y >= 1) || size.x > model::kMaxCoordinate || size.y > model::kMaxCoordinate)
    return EditOutcome::refuse("A hall is at least 1 m × 1 m.");
  const design::Layout& L = r.layout;
  const FootprintIndex index = FootprintIndex::ofLayout(L);
  auto clear = [&](Vec2 o) -> std::string {
    const Footprint f{{o.x + 0.5 * size.x, o.y + 0.5 * size.y}, size.x, size.y, 0};
    for (const auto& h : L.halls) {
      if (overlaps(f, hallFootprint(h))) return "it would overlap " + h.name + ".";
    }
    for (const Item& item : index.overlapping(f)) return "it would stand on " + describe(L, item) + ".";
    return {};
  };
  Vec2 at;
  if (origin) {
    at = roundVec(*origin);
    if (at.x < 0 || at.y < 0) return EditOutcome::refuse("Not added: a hall starts on the site (x and y ≥ 0).");
    if (std::string why = clear(at); !why.empty()) return EditOutcome::refuse("Not added: " + why);
  } else if (L.halls.empty()) {
    at = {kHallGap, kHallGap};
    while (!clear(at).empty() && at.x < model::kMaxCoordinate) at.x += kHallGap;
  } else {
    double east = 0;
    for (const auto& h : L.halls) east = std::max(east, h.origin.x + h.size.x);
    at = {east + kHallGap, L.halls.front().origin.y};
    while (!clear(at).empty() && at.x < model::kMaxCoordinate) at.x += kHallGap;
  }
  if (at.x + size.x > model::kMaxCoordinate || at.y + size.y > model::kMaxCoordinate)
    return EditOutcome::refuse("Not added: no free place for the hall within " +
                               units::format(model::kMaxCoordinate, units::Dimension::Length) + ".");
  design::Design d = r.design;
  const std::unordered_set<std::string> used = usedIds(L);
  // A fresh id and a name no hall shows yet (a template's "Hall 1" is not this hall's).
  std::unordered_set<std::string> names;
  for (const auto& hall : L.halls) names.insert(hall.name);
  int n = 1;
  while (used.count("hall-" + std::to_string(n)) || names.count("Hall " + std::to_string(n))) ++n;
  design::HallSpec& h = d.halls.emplace_back();
  h.id = "hall-" + std::to_string(n);
  h.name = "Hall " + std::to_string(n);
  h.origin = at;
  h.size = roundVec(size);
  d.site.size.x = std::max(d.site.size.x, roundMetres(at.x + size.x + kHallGap));
  d.site.size.y = std::max(d.site.size.y, roundMetres(at.y + size.y + kHallGap));
  EditOutcome out;
  out.select.push_back(h.id);
  out.design = std::move(d);
  return out;
}

EditOutcome addGridConnection(const design::ResolvedDesign& r, int hallIndex, double rating) {
  if (!(rating > 0) || rating > 1e11) return EditOutcome::refuse("A grid connection needs a rating above 0 W.");
  const design::Layout& L = r.layout;
  const bool hasHall = hallIndex >= 0 && hallIndex < static_cast<int>(L.halls.size());
  NewGear g;
  g.powerKind = design::PowerKind::Grid;
  g.prefix = "grid";
  g.yard = true;
  g.width = model::kGridConnectionSize.width;
  g.depth = model::kGridConnectionSize.depth;
  const Floor floor(r);
  const std::optional<Vec2> at = hasHall ? placeInYard(floor, L.halls[static_cast<std::size_t>(hallIndex)], g)
                                         : placeOnSite(floor, r.design.site, g);
  if (!at) return EditOutcome::refuse("No free place on the site for a grid connection.");
  const std::unordered_set<std::string> used = usedIds(L);
  design::Design d = r.design;
  design::PowerNodeSpec& s = d.power.emplace_back();
  s.id = used.count("grid") ? freshId("grid", used) : "grid";
  s.kind = design::PowerKind::Grid;
  s.rating = rating;
  s.position = roundVec(*at);
  EditOutcome out;
  out.select.push_back(s.id);
  out.design = std::move(d);
  return out;
}

}  // namespace gigaplan::app::editing
