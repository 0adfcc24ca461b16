// The expanded design: every hall, row, rack, power node and cooling unit as a flat array with
// references resolved to indices. Derived from a Design by expand(); never edited directly.
//
// Its `spec` pointers point into a catalog. Who keeps that catalog alive is stated in the
// Layout: `catalog` is the owner when set (design::resolve and design::rebind set it, so a copy
// of such a Layout is self-contained and may outlive whatever it was built from). A Layout
// straight from expand() borrows (catalog is null): it is valid only while the catalog passed to
// expand lives — fine for a local computation, never for one kept in a view or a cache.
//
//   auto r = design::resolve(design, base);            // owns its catalog
//   design::Layout copy = r->layout;                   // keeps the catalog alive
//   for (const Rack& rack : copy.racks) total += rack.spec->power;
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/design.h"

namespace gigaplan::design {

inline constexpr int kNone = -1;

// Phases (Design::phases): every object carries the index of the phase it comes into service in
// (`online`, 0 without phases) and the one it is retired in (`retired`, kNone = never); a hall
// and a row carry the earliest of their contents' and the last retirement, when all of them retire.
// Set by expand() (core/design/phases.h).
inline bool inService(int online, int retired, int phase) {
  return phase >= online && (retired == kNone || phase < retired);
}

struct Hall {
  std::string id, name;
  Vec2 origin, size;  // site coordinates of the corner; extent
  double height = 6;
  int specIndex = 0;  // Design::halls index
  int instance = 1;   // {h}
  int online = 0, retired = kNone;
};

struct Row {
  std::string id;
  int hall = kNone;
  int firstRack = 0, rackCount = 0;  // racks[firstRack .. firstRack+rackCount)
  Vec2 start, end;                   // centres of the first and last rack, site coordinates
  double rotation = 0;
  int online = 0, retired = kNone;
};

struct Rack {
  std::string id;                           // "<row id>-<slot>"
  std::string type;                         // catalog rack id
  const catalog::RackType* spec = nullptr;  // into the Layout's catalog (see the header comment)
  int hall = kNone, row = kNone;
  int slot = 1;                         // {k}, 1-based
  Vec2 position;                        // centre, site coordinates
  double rotation = 0;                  // degrees
  int feedA = kNone, feedB = kNone;     // indices into Layout::power
  int cdu = kNone, airHandler = kNone;  // indices into Layout::cooling
  int online = 0, retired = kNone;      // phases (see inService)
};

struct PowerNode {
  std::string id;
  PowerKind kind = PowerKind::Transformer;
  std::string model;
  const catalog::PowerGear* spec = nullptr;  // nullptr for grid connections
  std::vector<int> fedBy;                    // indices into Layout::power
  int units = 1;
  double rating = 0;  // W, total for all units (override or units × catalog)
  Redundancy redundancy = Redundancy::None;
  int hall = kNone;  // kNone for site-level nodes
  Vec2 position;     // site coordinates
  double rotation = 0;
  int online = 0, retired = kNone;
};

struct CoolingUnit {
  std::string id;
  CoolingKind kind = CoolingKind::Cdu;
  std::string model;
  const catalog::CoolingGear* spec = nullptr;
  std::vector<int> rejectsTo;  // indices into Layout::cooling
  std::vector<int> fedBy;      // indices into Layout::power; the draw splits evenly over them
  int units = 1;
  double capacity = 0;  // W, units × catalog
  int hall = kNone;
  Vec2 position;
  double rotation = 0;
  int online = 0, retired = kNone;
};

/// What a bank of `units` identical units (a node's or cooling unit's `units`) is rated with one
/// of them out: the N+1 rule of power banks, cooling banks and failure domains alike.
inline double capacityWithOneUnitOut(double capacity, int units) {
  return units >= 2 ? capacity * (units - 1) / units : 0.0;
}

struct Layout {
  std::vector<Hall> halls;
  std::vector<Row> rows;
  std::vector<Rack> racks;
  std::vector<PowerNode> power;
  std::vector<CoolingUnit> cooling;
  int coreAirHandler = kNone;                // NetworkPlan::coreAirHandler: cools the switches outside every hall
  int coreFeedA = kNone, coreFeedB = kNone;  // NetworkPlan::coreFeeds: feed the switches outside every hall
  int phaseCount = 0;                        // Design::phases.size(): 0 = no phases, everything in service
  std::unordered_map<std::string, int> rackIndex, rowIndex, powerIndex, coolingIndex, hallIndex;
  /// The catalog every `spec` points into, when the Layout owns it (null: borrowed, see above).
  std::shared_ptr<const catalog::Catalog> catalog;
};

}  // namespace gigaplan::design
