// Where switches stand: leaf switches of each leaf group at the end or middle of a row or in a
// network row, as the plan says; spine and core switches in a block of network racks around the
// spine position. Also the rectilinear cable route between two points.
//
//   LeafPlacer placer(layout, plan, notes);
//   LeafSite s = placer.place({first, last, centroid, 8}, shortfalls);
//   CoreRoom room(layout, spine, 96, 1);  design::Vec2 p = room.position(5);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"

namespace gigaplan::fabric::detail {

/// Ports sit about half-way up a 48U rack; a cable drops from the tray to them at each end. (U)
inline constexpr double kPortHeight = 1.2;

/// Tray route: Manhattan distance in plan, a vertical drop at each end, plus slack.
inline double routedLength(design::Vec2 a, design::Vec2 b, double drop, double slack) {
  const double dx = a.x > b.x ? a.x - b.x : b.x - a.x, dy = a.y > b.y ? a.y - b.y : b.y - a.y;
  return (dx + dy + 2 * drop) * (1 + slack);
}

/// Index of the hall containing `p`, or kNone.
int hallAt(const design::Layout& layout, design::Vec2 p);

}  // namespace gigaplan::fabric::detail

namespace gigaplan::fabric {

/// The drop (m) from the cable trays to a port, at each end of a cable.
inline double trayDrop(const design::NetworkPlan& plan) {
  return plan.trayHeight > detail::kPortHeight ? plan.trayHeight - detail::kPortHeight : 0.0;
}
/// A cable between ports at plan points `a` and `b` (m) as the fabric model lays it: along the
/// trays (rectilinear in plan), a drop at each end, plus the plan's slack. The measuring tool
/// shows the same length.
inline double trayCableLength(design::Vec2 a, design::Vec2 b, const design::NetworkPlan& plan) {
  return detail::routedLength(a, b, trayDrop(plan), plan.slack > 0 ? plan.slack : 0.0);
}

}  // namespace gigaplan::fabric

namespace gigaplan::fabric::detail {

/// True when row id `id` matches a networkRows entry: exact, or with `*` / `{...}` matching any run.
bool idMatches(std::string_view pattern, std::string_view id);

struct LeafSite {
  design::Vec2 position;
  int hall = design::kNone, rack = design::kNone, feed = design::kNone, feedB = design::kNone;
};

/// A leaf group as the rack pass saw it: its rack range (layout order), GPU-weighted centroid and
/// the switches it needs (its rails).
struct GroupExtent {
  int firstRack = 0, lastRack = 0;
  design::Vec2 centroid;
  int switches = 1;
};

class LeafPlacer {
 public:
  LeafPlacer(const design::Layout& layout, const design::NetworkPlan& plan, std::vector<std::string>& notes);
  LeafSite place(const GroupExtent& g, std::vector<PortShortfall>& shortfalls);

 private:
  LeafSite atRow(const GroupExtent& g, bool middle);
  LeafSite inNetworkRow(const GroupExtent& g, std::vector<PortShortfall>& shortfalls);

  const design::Layout& layout_;
  design::LeafPlacement mode_;
  std::vector<int> atStart_, atEnd_;             // per row: switch racks already placed at each end
  std::vector<std::vector<int>> netRowsByHall_;  // network rows per hall (last entry: outside halls)
  std::vector<int> netRows_;                     // all network rows
  std::vector<int> slotsUsed_, slotShortfall_;   // per rack (network-row mode)
};

/// Network racks of the spine/core room laid out in rows around `centre`. Each rack holds 16 RU of
/// switches (U: leaves room for cable management), racks 0.6 m apart, 20 to a row, rows 2.4 m apart.
class CoreRoom {
 public:
  CoreRoom(const design::Layout& layout, design::Vec2 centre, std::int64_t switches, int rackUnits);
  design::Vec2 position(std::int64_t i) const;
  /// One past the last switch standing in switch i's rack (they share its position).
  std::int64_t rackEnd(std::int64_t i) const { return (i / perRack_ + 1) * perRack_; }
  int hall() const { return hall_; }
  /// Racks the room's switches fill.
  std::int64_t racks() const { return racks_; }
  /// The room's footprint on the site plan: its racks' rows, aisles included.
  struct Extent {
    design::Vec2 min, max;
  };
  Extent extent() const;

 private:
  design::Vec2 centre_;
  std::int64_t perRack_ = 1, racks_ = 1, cols_ = 1, rows_ = 1, blocks_ = 1;
  int hall_ = design::kNone;
};

}  // namespace gigaplan::fabric::detail
