// checkLayout: rack footprints against their hall and against each other, in-hall gear against its hall.
#include "core/evaluate/layout_checks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/model/footprint.h"
#include "core/units/units.h"

namespace gigaplan::engine {

namespace {

using model::Footprint;
constexpr double kTolerance = model::kOverlapTolerance;  // racks touching side by side do not overlap
constexpr double kGearTolerance = 0.5;  // m: gear set against the wall, its centre just past it, is inside

// How far a footprint centred at `p` with half-extents `half` reaches outside `hall`'s floor (m; 0
// or less: inside). A point when `half` is zero.
double outside(const design::Hall& hall, design::Vec2 p, design::Vec2 half = {}) {
  return std::max({hall.origin.x - (p.x - half.x), (p.x + half.x) - (hall.origin.x + hall.size.x),
                   hall.origin.y - (p.y - half.y), (p.y + half.y) - (hall.origin.y + hall.size.y)});
}

void checkHalls(const design::Layout& layout, const std::vector<Footprint>& fp, std::vector<Finding>& out) {
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    if (rack.hall < 0 || rack.hall >= static_cast<int>(layout.halls.size())) continue;
    const design::Hall& hall = layout.halls[rack.hall];
    if (hall.size.x <= 0 || hall.size.y <= 0) continue;  // no floor size given: nothing to check against
    const double beyond = outside(hall, rack.position, model::halfExtent(fp[r]));
    if (beyond > kTolerance)
      out.push_back(makeFinding(
          Severity::Error, rack.id, "layout.rack-outside-hall",
          rack.id + " reaches " + units::format(beyond, units::Dimension::Length) + " outside hall " + hall.id, beyond,
          0));
  }
}

// Gear that serves a hall's racks from within the white space — a CDU's secondary loop, an air
// handler's air, a busway or PDU's busbar or whips — and is made by that hall, yet stands outside
// its floor. Yard gear (transformers, switchboards, UPS rooms, chillers, coolers, towers) may
// stand beside its hall and is not checked. The gear's position (its centre) is checked, as a
// bank of units has no single footprint.
void checkGear(const design::Layout& layout, std::vector<Finding>& out) {
  const int halls = static_cast<int>(layout.halls.size());
  auto check = [&](const std::string& id, int h, design::Vec2 at, const char* what, const char* serves) {
    if (h < 0 || h >= halls) return;
    const design::Hall& hall = layout.halls[static_cast<std::size_t>(h)];
    if (hall.size.x <= 0 || hall.size.y <= 0) return;
    const double beyond = outside(hall, at);
    if (beyond > kGearTolerance)
      out.push_back(makeFinding(Severity::Warning, id, "layout.gear-outside-hall",
                                id + ", " + what + " of hall " + hall.id + ", stands " +
                                    units::format(beyond, units::Dimension::Length) + " outside its floor: it " +
                                    serves + " the hall's racks from inside; move it in, or check its position",
                                beyond, 0));
  };
  for (const design::PowerNode& n : layout.power) {
    if (n.kind == design::PowerKind::Busway) check(n.id, n.hall, n.position, "a busway", "feeds");
    if (n.kind == design::PowerKind::Pdu) check(n.id, n.hall, n.position, "a PDU", "feeds");
  }
  for (const design::CoolingUnit& u : layout.cooling) {
    if (u.kind == design::CoolingKind::Cdu) check(u.id, u.hall, u.position, "a CDU", "cools");
    if (u.kind == design::CoolingKind::AirHandler) check(u.id, u.hall, u.position, "an air handler", "cools");
  }
}

// Cells of the grid hash, sorted by key; each occupied cell is compared with itself and with four
// of its eight neighbours (the other four compare with it), so every pair is tested once. The key
// is monotonic in (column, row), so the neighbour at a fixed offset has a key at a fixed distance
// and one cursor per offset walks forward through the sorted cells: no search at all.
void checkOverlaps(const design::Layout& layout, const std::vector<Footprint>& fp, std::vector<Finding>& out) {
  const std::size_t n = layout.racks.size();
  if (n < 2) return;
  double cell = 0;
  std::vector<double> radius(n);
  for (std::size_t r = 0; r < n; ++r) {
    radius[r] = 0.5 * std::hypot(fp[r].width, fp[r].depth);
    cell = std::max(cell, 2 * radius[r]);
  }
  if (cell <= 0) return;
  constexpr std::int64_t kOffset = std::int64_t{1} << 30;  // cells from the origin, either way
  auto cellOf = [cell](double v) { return static_cast<std::int64_t>(std::floor(v / cell)); };
  std::vector<std::pair<std::int64_t, int>> sorted(n);
  for (std::size_t r = 0; r < n; ++r) {
    const std::int64_t cx = std::clamp<std::int64_t>(cellOf(fp[r].centre.x), 1 - kOffset, kOffset - 2);
    const std::int64_t cy = std::clamp<std::int64_t>(cellOf(fp[r].centre.y), 1 - kOffset, kOffset - 2);
    sorted[r] = {((cx + kOffset) << 32) + (cy + kOffset), static_cast<int>(r)};
  }
  std::sort(sorted.begin(), sorted.end());

  auto test = [&](int a, int b) {
    if (a > b) std::swap(a, b);
    const double dx = fp[a].centre.x - fp[b].centre.x, dy = fp[a].centre.y - fp[b].centre.y;
    const double reach = radius[a] + radius[b];
    if (dx * dx + dy * dy >= reach * reach) return;  // circumscribed circles apart
    const double depth = model::overlapDepth(fp[a], fp[b]);
    if (depth > kTolerance)
      out.push_back(makeFinding(Severity::Error, layout.racks[a].id, "layout.racks-overlap",
                                layout.racks[a].id + " overlaps " + layout.racks[b].id + " by " +
                                    units::format(depth, units::Dimension::Length),
                                depth, 0));
  };
  constexpr std::int64_t kColumn = std::int64_t{1} << 32;
  constexpr std::int64_t kForward[4] = {1, kColumn - 1, kColumn, kColumn + 1};  // (0,+1) (+1,-1) (+1,0) (+1,+1)
  std::size_t cursor[4] = {0, 0, 0, 0};
  for (std::size_t begin = 0; begin < n;) {
    std::size_t end = begin;
    while (end < n && sorted[end].first == sorted[begin].first) ++end;
    for (std::size_t i = begin; i < end; ++i)
      for (std::size_t j = i + 1; j < end; ++j) test(sorted[i].second, sorted[j].second);
    for (int d = 0; d < 4; ++d) {
      const std::int64_t k = sorted[begin].first + kForward[d];
      std::size_t& c = cursor[d];
      while (c < n && sorted[c].first < k) ++c;
      for (std::size_t m = c; m < n && sorted[m].first == k; ++m)
        for (std::size_t i = begin; i < end; ++i) test(sorted[i].second, sorted[m].second);
    }
    begin = end;
  }
}

}  // namespace

std::vector<Finding> checkLayout(const design::Layout& layout) {
  std::vector<Footprint> fp;
  fp.reserve(layout.racks.size());
  for (const design::Rack& rack : layout.racks) fp.push_back(model::rackFootprint(rack));
  std::vector<Finding> out;
  checkHalls(layout, fp, out);
  checkGear(layout, out);
  checkOverlaps(layout, fp, out);
  return out;
}

}  // namespace gigaplan::engine
