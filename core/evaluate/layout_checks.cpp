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

Footprint footprintOf(const design::Rack& rack) {
  const double w = rack.spec ? rack.spec->width : 0.6, d = rack.spec ? rack.spec->depth : 1.2;
  const double a = rack.rotation * std::numbers::pi / 180.0;
  Footprint f;
  f.centre = rack.position;
  f.axis[0] = {std::cos(a), std::sin(a)};
  f.axis[1] = {-std::sin(a), std::cos(a)};
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
    const double ex = extent(fp[r], {1, 0}), ey = extent(fp[r], {0, 1});
    const double beyond = std::max({hall.origin.x - (rack.position.x - ex), (rack.position.x + ex) - (hall.origin.x + hall.size.x),
                                    hall.origin.y - (rack.position.y - ey), (rack.position.y + ey) - (hall.origin.y + hall.size.y)});
    if (beyond > kTolerance)
      out.push_back(makeFinding(Severity::Error, rack.id, "layout.rack-outside-hall",
                                rack.id + " reaches " + units::format(beyond, units::Dimension::Length) + " outside hall " + hall.id,
                                beyond, 0));
  }
}

void checkOverlaps(const design::Layout& layout, const std::vector<Footprint>& fp, std::vector<Finding>& out) {
  const std::size_t n = layout.racks.size();
  if (n < 2) return;
  double cell = 0;
  for (const Footprint& f : fp) cell = std::max(cell, 2 * std::hypot(f.half[0], f.half[1]));
  if (cell <= 0) return;
  auto cellOf = [cell](double v) { return static_cast<std::int64_t>(std::floor(v / cell)); };
  auto key = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); };
  std::vector<std::pair<std::int64_t, int>> sorted(n);
  for (std::size_t r = 0; r < n; ++r)
    sorted[r] = {key(cellOf(fp[r].centre.x), cellOf(fp[r].centre.y)), static_cast<int>(r)};
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t r = 0; r < n; ++r) {
    const std::int64_t cx = cellOf(fp[r].centre.x), cy = cellOf(fp[r].centre.y);
    for (std::int64_t dx = -1; dx <= 1; ++dx)
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const std::int64_t k = key(cx + dx, cy + dy);
        auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(k, -1));
        for (; it != sorted.end() && it->first == k; ++it) {
          const auto other = static_cast<std::size_t>(it->second);
          if (other <= r) continue;  // each pair once
          const double depth = penetration(fp[r], fp[other]);
          if (depth > kTolerance)
            out.push_back(makeFinding(Severity::Error, layout.racks[r].id, "layout.racks-overlap",
                                      layout.racks[r].id + " overlaps " + layout.racks[other].id + " by " +
                                          units::format(depth, units::Dimension::Length),
                                      depth, 0));
        }
      }
  }
}

}  // namespace

std::vector<Finding> checkLayout(const design::Layout& layout) {
  std::vector<Footprint> fp;
  fp.reserve(layout.racks.size());
  for (const design::Rack& rack : layout.racks) fp.push_back(footprintOf(rack));
  std::vector<Finding> out;
  checkHalls(layout, fp, out);
  checkOverlaps(layout, fp, out);
  return out;
}

}  // namespace gigaplan::engine
