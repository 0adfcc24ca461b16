// The cooling analysis: where every watt of heat on the site goes, the draw of each cooling unit,
// water use, and capacity and N+1 checks.
//
// Where heat lands (choices stated so a planner can judge them):
//   - a rack's heat splits by its type's liquid fraction: liquid to its CDU, air to its air
//     handler — or, with no air_handler, into its hall's air;
//   - a hall's air takes the air share of racks without an air handler, switches standing in the
//     hall outside racks, and the conversion losses of power gear standing inside the hall's
//     footprint (UPS, busways, PDUs, switchboards; a transformer too when placed inside). The
//     hall's air handlers — made by its template, or standing inside it — share it by capacity;
//   - switches outside every hall (the core room) go to network.core_air_handler;
//   - power gear standing outside every hall (yard transformers, substations, turbines) loses its
//     heat to ambient directly; where gear stands is its position on the site plan;
//   - a unit's own draw: CDU pumps heat its liquid loop, air-handler fans its air stream, a
//     chiller's compressor its condenser — each passed on with the heat; dry-cooler and tower
//     fans stand outdoors and heat the ambient air directly;
//   - a unit passes heat + that draw to its rejects_to in proportion to their capacities (evenly
//     when none is rated). With no rejects_to the heat leaves the site only from a dry cooler, a
//     tower, an air-cooled chiller or an air handler with a compressor (a DX unit, its condenser
//     outdoors); a CDU, an air handler without one or a water-cooled chiller rejecting to nothing
//     is an error: that heat has nowhere to go.
// So, by construction:  heat + lossHeat + power == rejected + unassignedHeat.
// The chain's losses depend on the cooling draw it carries, and the draw on the losses; evaluate()
// solves that loop (core/evaluate/evaluation.h), so `nodeLoss` is the losses of the settled flow.
//
// Capacity: a catalog capacity is net — the heat a unit takes from what it serves, its own fan or
// pump heat already deducted (as CRAH net sensible capacity is rated) — and is checked against
// the heat reaching the unit. Chillers, dry coolers and towers are checked against all that
// reaches them: the heat plus the pumps, fans and compressors upstream and the losses in the halls.
//
// Models (approximations):
//   - pumps and fans (CDU, air handler, dry cooler, tower, chiller auxiliaries) draw ownPower ×
//     heat / capacity — linear in load; real pumps at fixed ΔT follow a cube law, so part-load
//     draw is overstated (conservative);
//   - chiller compressors draw heat / COP at the catalog's design conditions; an air handler with
//     a COP and nothing to reject to is a DX unit and draws heat / COP too;
//   - COP and capacity are NOT derated with ambient: above a unit's maxAmbient a warning says so;
//   - water per day = waterPerKwh × heat in kWh/day, for towers and adiabatic dry coolers.
// Findings:
//   cooling.cdu-short              a CDU's heat at peak IT load exceeds its capacity        (error)
//   cooling.overload               any other unit's heat at peak IT load exceeds its capacity (error)
//   cooling.not-cooled             heat with no unit to take it: a rack's liquid share with no
//                                  CDU, a hall's air with no air handler (names its racks,
//                                  power gear and switches), core-room switches with no
//                                  network.core_air_handler                                 (error)
//   cooling.no-heat-sink           a CDU, an air handler without a compressor or a
//                                  water-cooled chiller that rejects to nothing             (error)
//   cooling.redundancy-lost        with the largest unit of a kind out, a loop's plant (or a
//                                  multi-unit CDU / air handler) cannot carry its heat     (warning)
//   cooling.ambient-above-rating   the site's design ambient exceeds a unit's maxAmbient    (warning)
//   cooling.cop-missing            a chiller without a COP: its compressor draw is unknown  (warning)
//   cooling.thin-margin            units above base::kThinMargin of their rating at peak IT load (info)
//   cooling.cycle                  rejects_to leads back to the same unit                   (error)
//
//   cooling::CoolingDemand d{rackHeat, hallHeat, coreRoomHeat, switches, switchIds, nodeLoss};
//   cooling::CoolingResult c = cooling::analyzeCooling(layout, cooling::coolingTopology(layout), d,
//                                                      design.site.ambient, true);
#pragma once

#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/cooling/heat_order.h"
#include "core/design/layout.h"

namespace gigaplan::cooling {

struct CoolingResult {
  // Per cooling unit, indexed like layout.cooling:
  std::vector<double> unitHeat;         // W reaching the unit (racks, hall air, upstream units) — its load
  std::vector<double> unitRejected;     // W the unit releases: heat + its own draw
  std::vector<double> unitPower;        // W electrical
  std::vector<double> unitUtilisation;  // heat / capacity (0 when the unit has no capacity)
  std::vector<double> unitWater;        // L/day
  std::vector<int> unitLoop;            // index of its loop (units joined by rejects_to)
  int loops = 0;
  std::vector<double> nodePower;    // W per power node: cooling gear fed by that node (split over a unit's feeds)
  double facilityPower = 0;         // W of cooling gear without a feeding node
  std::vector<double> hallAirHeat;  // W per hall released into its air (rack air without a unit, switches, losses)

  double heat = 0;  // W from racks and network gear = liquidHeat + airHeat
  double liquidHeat = 0, airHeat = 0;
  double lossHeat = 0;           // W of power-chain losses (in halls' air or outdoors)
  double lossHeatOutdoors = 0;   // W of them shed outdoors, straight to ambient
  double rejected = 0;           // W leaving the site to ambient (final units, outdoor fans and gear)
  double unassignedHeat = 0;     // W with no path to ambient (see cooling.not-cooled, cooling.no-heat-sink)
  double capacity = 0;           // W, CDUs + air handlers: heat the plant can take from the halls
  double rejectionCapacity = 0;  // W, units that release heat to ambient as their final step
  double power = 0;              // W, all cooling gear
  double water = 0;              // L/day
  std::vector<engine::Finding> findings;
};

/// The heat to remove.
struct CoolingDemand {
  std::vector<double> rackHeat;  // W per layout rack (its IT power, or its network gear)
  std::vector<double> hallHeat;  // W per layout hall from switches standing in it outside racks (may be empty)
  double coreRoomHeat = 0;       // W of switches outside every hall
  int coreRoomSwitches = 0;      // how many, and their first and last id, for the finding
  std::string coreRoomIds;
  std::vector<double> nodeLoss;  // W per power node: conversion losses, in − out (may be empty)
};

/// Electrical draw of one unit carrying `heat` W with `capacity` W available and a compressor COP
/// `cop` (used only by chillers and DX air handlers; 0 = none): fans and pumps draw
/// ownPower × units × heat / capacity, a compressor heat / cop. `passedOn` goes to its rejects_to
/// (heat + compressor + indoor fans); `toAmbient` is what outdoor fans (dry coolers, towers) shed
/// straight to the air. The one home of the plant's draw: analyzeCooling runs it at the catalog
/// ratings, the year model (core/annual) at each hour's (core/cooling/ambient.h).
struct UnitFlow {
  double power = 0, passedOn = 0, toAmbient = 0;
};
UnitFlow runUnit(const design::CoolingUnit& unit, double heat, double capacity, double cop);

/// With nothing to reject to, can this unit put its heat into the ambient air (dry cooler, tower,
/// air-cooled chiller, DX air handler)?
bool releasesToAmbient(const design::CoolingUnit& unit);

/// ambient: site design dry bulb, degC. withFindings = false skips the checks (used while
/// evaluate() settles the losses, and for the design-load pass: evaluate() checks the plant at
/// the racks' peak power, as it does the power chain).
CoolingResult analyzeCooling(const design::Layout& layout, const CoolingTopology& topology, const CoolingDemand& demand,
                             double ambient, bool withFindings);

}  // namespace gigaplan::cooling
