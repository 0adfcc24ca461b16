// Which objects differ between two expanded designs, by id: halls, rows, racks, power nodes and
// cooling units that one has and the other lacks, and those both have but with another type or
// model, size, place, feed, cooling or phase. What `gigaplan compare`, the comparison section of
// reports and the app's "colour by difference" show.
//
//   std::vector<design::ObjectDifference> d = design::diffLayouts(a.layout, b.layout);
//   // {Rack, "h1-r3-07", Changed, "type gb200-nvl72 → gb300-nvl72"}, {Power, "tx-9", Added, ""} …
//
// Connections compare by the ids at their ends (not array indices), so objects added elsewhere do
// not mark every rack as changed.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/design/layout.h"

namespace gigaplan::design {

enum class ObjectType { Hall, Row, Rack, Power, Cooling };
inline constexpr std::size_t kObjectTypeCount = 5;
enum class ObjectChange { Added, Removed, Changed };  // going from the first layout to the second

struct ObjectDifference {
  ObjectType type = ObjectType::Rack;
  std::string id;
  ObjectChange change = ObjectChange::Changed;
  std::string what;  // Changed: "type gb200-nvl72 → gb300-nvl72; moved 2.4 m"; else ""
};

/// Every object that differs, by type (halls, rows, racks, power, cooling), then as the first
/// layout orders them (added ones as the second does).
std::vector<ObjectDifference> diffLayouts(const Layout& a, const Layout& b);

/// "hall", "row", "rack", "power node", "cooling unit".
std::string_view toString(ObjectType type);
/// "added", "removed", "changed".
std::string_view toString(ObjectChange change);

/// How many differences of each type and change: counts[type][change].
using DifferenceCounts = std::array<std::array<std::size_t, 3>, kObjectTypeCount>;
DifferenceCounts countDifferences(const std::vector<ObjectDifference>& differences);

}  // namespace gigaplan::design
