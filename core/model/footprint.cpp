// Footprints, the overlap rule and the grid index (see footprint.h).
#include "core/model/footprint.h"

#include <algorithm>
#include <cmath>

#include "core/model/default_sizes.h"
#include "core/units/units.h"

namespace gigaplan::model {
namespace {

struct Axes {
  double ux, uy, vx, vy;  // unit vectors along width and depth
};

Axes axesOf(const Footprint& f) {
  const double a = f.rotation * units::kDegree;
  const double c = std::cos(a), s = std::sin(a);
  return {c, s, -s, c};
}

// Half the extent of `f` projected on the unit axis (ax, ay).
double radius(const Footprint& f, const Axes& fa, double ax, double ay) {
  return 0.5 * f.width * std::abs(fa.ux * ax + fa.uy * ay) + 0.5 * f.depth * std::abs(fa.vx * ax + fa.vy * ay);
}

}  // namespace

double overlapDepth(const Footprint& a, const Footprint& b) {
  // Separating axis test on the four edge normals of two rectangles.
  const Axes aa = axesOf(a), ba = axesOf(b);
  const double dx = b.centre.x - a.centre.x, dy = b.centre.y - a.centre.y;
  const double axes[4][2] = {{aa.ux, aa.uy}, {aa.vx, aa.vy}, {ba.ux, ba.uy}, {ba.vx, ba.vy}};
  double least = 1e300;
  for (const auto& ax : axes) {
    const double distance = std::abs(dx * ax[0] + dy * ax[1]);
    least = std::min(least, radius(a, aa, ax[0], ax[1]) + radius(b, ba, ax[0], ax[1]) - distance);
  }
  return least;
}

bool overlaps(const Footprint& a, const Footprint& b, double tolerance) {
  return overlapDepth(a, b) > tolerance;
}

design::Vec2 halfExtent(const Footprint& f) {
  const Axes fa = axesOf(f);
  return {radius(f, fa, 1, 0), radius(f, fa, 0, 1)};
}

Footprint rackFootprint(const design::Rack& rack, design::Vec2 centre, double rotation) {
  Footprint f{centre, kUnknownRackSize.width, kUnknownRackSize.depth, rotation};
  if (rack.spec) {
    f.width = rack.spec->width;
    f.depth = rack.spec->depth;
  }
  return f;
}

bool hasFootprint(const design::PowerNode& node) {
  // Busways run overhead along the rows and PDUs sit in the racks: they take no floor (the
  // catalog gives them no footprint).
  return node.spec != nullptr && node.kind != design::PowerKind::Busway && node.kind != design::PowerKind::Pdu;
}
bool hasFootprint(const design::CoolingUnit& unit) {
  return unit.spec != nullptr;
}

Footprint powerFootprint(const design::PowerNode& node, design::Vec2 centre, double rotation) {
  const Size3 none = node.kind == design::PowerKind::Grid ? kGridConnectionSize : kUnknownGearSize;
  return {centre, node.spec ? node.spec->width : none.width, node.spec ? node.spec->depth : none.depth, rotation};
}

Footprint coolingFootprint(const design::CoolingUnit& unit, design::Vec2 centre, double rotation) {
  return {centre, unit.spec ? unit.spec->width : kUnknownGearSize.width,
          unit.spec ? unit.spec->depth : kUnknownGearSize.depth, rotation};
}

bool contains(const Footprint& f, design::Vec2 p) {
  const Axes a = axesOf(f);
  const double dx = p.x - f.centre.x, dy = p.y - f.centre.y;
  return std::abs(dx * a.ux + dy * a.uy) <= 0.5 * f.width + kOverlapTolerance &&
         std::abs(dx * a.vx + dy * a.vy) <= 0.5 * f.depth + kOverlapTolerance;
}

std::vector<int> mountingRacks(const design::Layout& layout) {
  const int units = static_cast<int>(layout.cooling.size());
  std::vector<int> mount(layout.cooling.size(), design::kNone);
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    for (const int u : {rack.cdu, rack.airHandler}) {
      if (u < 0 || u >= units || mount[static_cast<std::size_t>(u)] != design::kNone) continue;
      if (contains(rackFootprint(rack), layout.cooling[static_cast<std::size_t>(u)].position))
        mount[static_cast<std::size_t>(u)] = static_cast<int>(r);
    }
  }
  return mount;
}

FootprintIndex FootprintIndex::ofLayout(const design::Layout& layout) {
  FootprintIndex index;
  for (std::size_t i = 0; i < layout.racks.size(); ++i) {
    index.add({ItemKind::Rack, static_cast<int>(i)}, rackFootprint(layout.racks[i]));
  }
  for (std::size_t i = 0; i < layout.power.size(); ++i) {
    const auto& n = layout.power[i];
    if (hasFootprint(n)) index.add({ItemKind::Power, static_cast<int>(i)}, powerFootprint(n, n.position, n.rotation));
  }
  for (std::size_t i = 0; i < layout.cooling.size(); ++i) {
    const auto& u = layout.cooling[i];
    if (hasFootprint(u))
      index.add({ItemKind::Cooling, static_cast<int>(i)}, coolingFootprint(u, u.position, u.rotation));
  }
  return index;
}

std::pair<long, long> FootprintIndex::cellOf(double x, double y) const {
  return {static_cast<long>(std::floor(x / cell_)), static_cast<long>(std::floor(y / cell_))};
}

void FootprintIndex::add(Item item, const Footprint& f) {
  const std::size_t entry = entries_.size();
  entries_.push_back({item, f});
  largest_ = std::max(largest_, 0.5 * std::hypot(f.width, f.depth));
  const auto [cx, cy] = cellOf(f.centre.x, f.centre.y);
  cells_[key(cx, cy)].push_back(entry);
}

std::vector<Item> FootprintIndex::overlapping(const Footprint& f, const std::function<bool(Item)>& skip) const {
  // Entries are filed by centre, so look as far as the two largest half-diagonals reach.
  const double reach = largest_ + 0.5 * std::hypot(f.width, f.depth);
  const auto [x0, y0] = cellOf(f.centre.x - reach, f.centre.y - reach);
  const auto [x1, y1] = cellOf(f.centre.x + reach, f.centre.y + reach);
  std::vector<Item> out;
  for (long cx = x0; cx <= x1; ++cx) {
    for (long cy = y0; cy <= y1; ++cy) {
      const auto it = cells_.find(key(cx, cy));
      if (it == cells_.end()) continue;
      for (std::size_t e : it->second) {
        const auto& [item, g] = entries_[e];
        if (skip && skip(item)) continue;
        if (overlaps(f, g)) out.push_back(item);
      }
    }
  }
  return out;
}

}  // namespace gigaplan::model
