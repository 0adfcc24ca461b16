// The expanded design: every hall, row, rack, power node and cooling unit as a flat array with
// references resolved to indices. Derived from a Design by expand(); never edited directly.
//
//   Layout layout = design::expand(design, catalog);   // throws io::LoadError on bad references
//   for (const Rack& r : layout.racks) total += catalog.rack(r.type)->power;
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/design.h"

namespace gigaplan::design {

inline constexpr int kNone = -1;

struct Hall {
  std::string id, name;
  Vec2 origin, size;  // site coordinates of the corner; extent
  double height = 6;
  int specIndex = 0;  // Design::halls index
  int instance = 1;   // {h}
};

struct Row {
  std::string id;
  int hall = kNone;
  int firstRack = 0, rackCount = 0;  // racks[firstRack .. firstRack+rackCount)
  Vec2 start, end;                    // centres of the first and last rack, site coordinates
  double rotation = 0;
};

struct Rack {
  std::string id;                 // "<row id>-<slot>"
  std::string type;               // catalog rack id
  const catalog::RackType* spec = nullptr;  // into the effective catalog (valid while it lives)
  int hall = kNone, row = kNone;
  int slot = 1;                   // {k}, 1-based
  Vec2 position;                  // centre, site coordinates
  double rotation = 0;            // degrees
  int feedA = kNone, feedB = kNone;      // indices into Layout::power
  int cdu = kNone, airHandler = kNone;   // indices into Layout::cooling
};

struct PowerNode {
  std::string id;
  PowerKind kind = PowerKind::Transformer;
  std::string model;
  const catalog::PowerGear* spec = nullptr;  // nullptr for grid connections
  std::vector<int> fedBy;         // indices into Layout::power
  int units = 1;
  double rating = 0;              // W, total for all units (override or units × catalog)
  Redundancy redundancy = Redundancy::None;
  int hall = kNone;               // kNone for site-level nodes
  Vec2 position;                  // site coordinates
  double rotation = 0;
};

struct CoolingUnit {
  std::string id;
  CoolingKind kind = CoolingKind::Cdu;
  std::string model;
  const catalog::CoolingGear* spec = nullptr;
  std::vector<int> rejectsTo;     // indices into Layout::cooling
  int fedBy = kNone;              // index into Layout::power
  int units = 1;
  double capacity = 0;            // W, units × catalog
  int hall = kNone;
  Vec2 position;
  double rotation = 0;
};

struct Layout {
  std::vector<Hall> halls;
  std::vector<Row> rows;
  std::vector<Rack> racks;
  std::vector<PowerNode> power;
  std::vector<CoolingUnit> cooling;
  int coreAirHandler = kNone;     // NetworkPlan::coreAirHandler: cools the switches outside every hall
  std::unordered_map<std::string, int> rackIndex, rowIndex, powerIndex, coolingIndex, hallIndex;
};

}  // namespace gigaplan::design
