// Floor footprints of racks and equipment, the one overlap rule (with its tolerance) and a grid
// index over footprints. The engine's layout check (layout.racks-overlap), the editor's refusals
// of a move, a rotation or a new row, and the site plan all use these, so what the editor
// accepts the engine does not flag, and the other way round. Also which cooling units stand in a
// rack rather than on the floor (in-rack CDUs), for the 3D view and the site plan to agree.
//
//   model::FootprintIndex index = model::FootprintIndex::ofLayout(layout);
//   for (const model::Item& hit : index.overlapping(model::rackFootprint(rack), skip)) ...
//   if (model::overlapDepth(a, b) > model::kOverlapTolerance) ...  // what "overlap" means
#pragma once

#include <functional>
#include <unordered_map>
#include <vector>

#include "core/design/layout.h"

namespace gigaplan::model {

/// Footprints that overlap by no more than this touch: racks side by side at a pitch equal to
/// their width, with coordinates rounded to the micrometre when saved.
inline constexpr double kOverlapTolerance = 1e-3;  // m

/// An oriented rectangle on the floor: `width` along the direction `rotation` (degrees, 0 = +x),
/// `depth` across it. Racks stand in a row along their width.
struct Footprint {
  design::Vec2 centre;
  double width = 0, depth = 0, rotation = 0;
};

/// How far the rectangles reach into each other along the axis where they overlap least
/// (separating axis test); ≤ 0 when they are apart or just touch.
double overlapDepth(const Footprint& a, const Footprint& b);
/// True when the rectangles overlap by more than `tolerance` metres.
bool overlaps(const Footprint& a, const Footprint& b, double tolerance = kOverlapTolerance);
/// Half the footprint's extent along x and along y (its axis-aligned bounding box).
design::Vec2 halfExtent(const Footprint& f);

/// A rack's footprint: its type's width × depth (kUnknownRackSize without a type).
Footprint rackFootprint(const design::Rack& rack, design::Vec2 centre, double rotation);
inline Footprint rackFootprint(const design::Rack& rack) {
  return rackFootprint(rack, rack.position, rack.rotation);
}
/// Equipment with a catalog model has a footprint; grid connections, busways, PDUs and unknown
/// models do not.
bool hasFootprint(const design::PowerNode& node);
bool hasFootprint(const design::CoolingUnit& unit);
Footprint powerFootprint(const design::PowerNode& node, design::Vec2 centre, double rotation);
Footprint coolingFootprint(const design::CoolingUnit& unit, design::Vec2 centre, double rotation);

/// True when `p` lies on `f` (its edges included, within kOverlapTolerance).
bool contains(const Footprint& f, design::Vec2 p);
/// For each of `layout.cooling`, the rack it is mounted in, or design::kNone: a unit whose centre
/// lies on the footprint of a rack that names it as its CDU or air handler stands in that rack (an
/// in-rack CDU, a few U of it) rather than on a floor of its own. The drawings show it in its rack.
std::vector<int> mountingRacks(const design::Layout& layout);

enum class ItemKind { Rack, Power, Cooling };
struct Item {
  ItemKind kind = ItemKind::Rack;
  int index = 0;  // into Layout::racks / power / cooling
  friend bool operator==(const Item&, const Item&) = default;
};

class FootprintIndex {
 public:
  explicit FootprintIndex(double cell = 4.0) : cell_(cell) {}
  /// Every rack, and every power node and cooling unit with a footprint.
  static FootprintIndex ofLayout(const design::Layout& layout);

  void add(Item item, const Footprint& f);
  /// Items whose footprint overlaps `f`, except those `skip` returns true for.
  std::vector<Item> overlapping(const Footprint& f, const std::function<bool(Item)>& skip = {}) const;
  const Footprint& footprint(std::size_t entry) const { return entries_[entry].second; }

 private:
  std::pair<long, long> cellOf(double x, double y) const;
  static long long key(long cx, long cy) { return (static_cast<long long>(cx) << 32) ^ (cy & 0xffffffffLL); }

  double cell_;
  double largest_ = 0;  // half-diagonal of the largest footprint, widens each query
  std::vector<std::pair<Item, Footprint>> entries_;
  std::unordered_map<long long, std::vector<std::size_t>> cells_;
};

}  // namespace gigaplan::model
