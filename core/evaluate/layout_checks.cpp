// checkLayout: rack footprints against their hall and against each other.
#include "core/evaluate/layout_checks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

#include "core/units/units.h"

namespace gigaplan::engine {

namespace {

constexpr double kTolerance = 1e-3;  // m: racks touching side by side do not overlap

struct Footprint {
  design::Vec2 centre;
  design::Vec2 axis[2];  // unit vectors along width and depth
  double half[2];        // half width, half depth
};

// Racks of a row share a rotation: the trigonometry is redone only when it changes.
Footprint footprintOf(const design::Rack& rack, double& lastRotation, design::Vec2& lastAxis) {
  const double w = rack.spec ? rack.spec->width : 0.6, d = rack.spec ? rack.spec->depth : 1.2;
  if (rack.rotation != lastRotation) {
    const double a = rack.rotation * std::numbers::pi / 180.0;
    lastAxis = {std::cos(a), std::sin(a)};
    lastRotation = rack.rotation;
  }
  Footprint f;
  f.centre = rack.position;
  f.axis[0] = lastAxis;
  f.axis[1] = {-lastAxis.y, lastAxis.x};
  f.half[0] = w / 2;
  f.half[1] = d / 2;
  return f;
}

double dot(design::Vec2 a, design::Vec2 b) { return a.x * b.x + a.y * b.y; }

// Radius of a footprint projected on a unit axis.
double extent(const Footprint& f, design::Vec2 axis) {
  return f.half[0] * std::fabs(dot(f.axis[0], axis)) + f.half[1] * std::fabs(dot(f.axis[1], axis));
}

// Separating-axis test for two rectangles; returns the smallest penetration (≤ 0: apart).
double penetration(const Footprint& a, const Footprint& b) {
  const design::Vec2 d{b.centre.x - a.centre.x, b.centre.y - a.centre.y};
  double least = 1e300;
  for (const design::Vec2& axis : {a.axis[0], a.axis[1], b.axis[0], b.axis[1]})
    least = std::min(least, extent(a, axis) + extent(b, axis) - std::fabs(dot(d, axis)));
  return least;
}

void checkHalls(const design::Layout& layout, const std::vector<Footprint>& fp, std::vector<Finding>& out) {
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    if (rack.hall < 0 || rack.hall >= static_cast<int>(layout.halls.size())) continue;
    const design::Hall& hall = layout.halls[rack.hall];
    if (hall.size.x <= 0 || hall.size.y <= 0) continue;  // no floor size given: nothing to check against
    const double ex = extent(fp[r], {1, 0}), ey = extent(fp[r], {0, 1});
    const double beyond = std::max({hall.origin.x - (rack.position.x - ex), (rack.position.x + ex) - (hall.origin.x + hall.size.x),
                                    hall.origin.y - (rack.position.y - ey), (rack.position.y + ey) - (hall.origin.y + hall.size.y)});
    if (beyond > kTolerance)
      out.push_back(makeFinding(Severity::Error, rack.id, "layout.rack-outside-hall",
                                rack.id + " reaches " + units::format(beyond, units::Dimension::Length) + " outside hall " + hall.id,
                                beyond, 0));
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
    radius[r] = std::hypot(fp[r].half[0], fp[r].half[1]);
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
    const double depth = penetration(fp[a], fp[b]);
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
  double rotation = 0;
  design::Vec2 axis{1, 0};
  for (const design::Rack& rack : layout.racks) fp.push_back(footprintOf(rack, rotation, axis));
  std::vector<Finding> out;
  checkHalls(layout, fp, out);
  checkOverlaps(layout, fp, out);
  return out;
}

}  // namespace gigaplan::engine
