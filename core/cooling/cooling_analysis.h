// The cooling analysis: each rack's heat split between liquid (to its CDU) and air (to its air
// handler) by the rack type's liquid fraction; CDUs and air handlers pass their heat on to the
// plant they reject to (chillers, dry coolers, towers — split evenly), chillers adding their
// compressor work. Electrical draw of each unit, water use, capacity and N+1 checks.
//
// Models (approximations, stated so a planner can judge them):
//   - pumps and fans (CDU, air handler, dry cooler, tower, chiller auxiliaries) draw ownPower ×
//     heat / capacity — linear in load; real pumps at fixed ΔT follow a cube law, so part-load
//     draw is overstated (conservative);
//   - chiller compressors draw heat / COP at the catalog's design conditions; an air handler with
//     a COP and nothing to reject to is a DX unit and draws heat / COP too;
//   - COP and capacity are NOT derated with ambient: above a unit's maxAmbient a warning says so;
//   - water per day = waterPerKwh × heat in kWh/day, for towers and adiabatic dry coolers;
//   - heat from pumps, fans and power-chain losses is not added to the cooling load.
// Findings:
//   cooling.cdu-short              a CDU's heat exceeds its capacity                        (error)
//   cooling.overload               any other unit's heat exceeds its capacity               (error)
//   cooling.not-cooled             rack liquid heat with no CDU (error), air heat with no air handler (warning)
//   cooling.redundancy-lost        with the largest unit of a kind out, a loop's plant (or a
//                                  multi-unit CDU / air handler) cannot carry its heat     (warning)
//   cooling.no-heat-sink           a CDU that rejects to nothing                            (warning)
//   cooling.ambient-above-rating   the site's design ambient exceeds a unit's maxAmbient    (warning)
//   cooling.cop-missing            a chiller without a COP: its compressor draw is unknown  (warning)
//   cooling.cycle                  rejects_to leads back to the same unit                   (error)
//
//   cooling::CoolingResult c = cooling::analyzeCooling(layout, cooling::coolingTopology(layout), {rackHeat, {}, 0},
//                                                      design.site.ambient, true);
#pragma once

#include <vector>

#include "core/base/finding.h"
#include "core/cooling/heat_order.h"
#include "core/design/layout.h"

namespace gigaplan::cooling {

struct CoolingResult {
  // Per cooling unit, indexed like layout.cooling:
  std::vector<double> unitHeat;         // W reaching the unit (racks, extra heat, upstream units)
  std::vector<double> unitRejected;     // W the unit passes on (heat + compressor work)
  std::vector<double> unitPower;        // W electrical
  std::vector<double> unitUtilisation;  // heat / capacity (0 when the unit has no capacity)
  std::vector<double> unitWater;        // L/day
  std::vector<int> unitLoop;            // index of its loop (units joined by rejects_to)
  int loops = 0;
  std::vector<double> nodePower;    // W per power node: cooling gear fed by that node (split over a unit's feeds)
  double facilityPower = 0;         // W of cooling gear without a feeding node

  double heat = 0;                  // W from racks and other heat = liquidHeat + airHeat
  double liquidHeat = 0, airHeat = 0;
  double unassignedHeat = 0;        // W with no unit to go to (racks without CDU / air handler, unplaced heat)
  double capacity = 0;              // W, CDUs + air handlers: heat the plant can take from the halls
  double rejectionCapacity = 0;     // W, units that reject to nothing further (the heat leaves the site)
  double power = 0;                 // W, all cooling gear
  double water = 0;                 // L/day
  std::vector<engine::Finding> findings;
};

/// The heat to remove.
struct CoolingDemand {
  std::vector<double> rackHeat;     // W per layout rack (its IT power)
  std::vector<double> unitAirHeat;  // W of other air heat per cooling unit, e.g. network gear (may be empty)
  double unplacedHeat = 0;          // W of heat with no unit (network gear outside the halls' units)
};

/// ambient: site design dry bulb, degC. withFindings = false skips the checks (used for the
/// peak-load pass that only feeds the power flow).
CoolingResult analyzeCooling(const design::Layout& layout, const CoolingTopology& topology, const CoolingDemand& demand,
                             double ambient, bool withFindings);

}  // namespace gigaplan::cooling
