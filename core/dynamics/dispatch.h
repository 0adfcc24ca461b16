// Who carries the swing: the site's batteries take the fast part, its generators follow slowly
// (their ramp rate, never below their minimum load), the grid sees the rest — and whether what
// the grid sees stays within the connection's limits (design key power_dynamics). Also the
// sizing answer: the smallest battery (power, then energy) that keeps the grid within them.
//
// Control (a planning model, docs/power-dynamics.md): the site's draw smoothed by a first-order
// filter (kSmoothing) is what the slow sources are asked for. Generators take what the steady
// split gives them at that draw (power::SourceSplit: their share of the design-load flow, within
// their minimum load and rating — the rule the year uses too), at their ramp rate. The grid is asked for the rest of
// the smoothed draw, nudged back towards half charge (kStateOfChargeRestore) and held to kRampMargin of its ramp limit;
// the battery delivers the difference — the fast part and the generators' lag — within its power and energy, reaching
// 95 % of a command within its response time (a first-order lag of a third of it), losing its round trip half on the
// way in and half on the way out. Without a battery the grid takes everything the generators do not.
//
//   Sources s = sourcesOf(layout, evaluation.power);
//   Dispatch d = dispatch(w.site, w.dt, s, spec.gridRampLimit);
//   GridCheck g = checkGrid(d.grid, w.dt, spec);      // findings name the limit and the time
#pragma once

#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/dynamics/spectrum.h"
#include "core/power/power_analysis.h"
#include "core/power/source_split.h"

namespace gigaplan::dynamics {

/// Time constant of the filter that gives the sources their share (grade U planning default).
inline constexpr double kSmoothing = 30;  // s
/// Time constant of the pull back towards half charge (grade U planning default).
inline constexpr double kStateOfChargeRestore = 900;  // s

/// Share of the grid's ramp limit the control plans to use, leaving the rest for what the
/// battery's response lets through (grade U planning default).
inline constexpr double kRampMargin = 0.8;

/// The responding sources of a layout, summed over its nodes (units × catalog).
struct Sources {
  double batteryPower = 0;         // W
  double batteryEnergy = 0;        // J
  double batteryResponse = 0;      // s (the slowest bank's)
  double batteryEfficiency = 1;    // round trip (the lowest bank's)
  double generation = 0;           // W the generators can deliver (power::PowerResult::generationCapacity)
  double generationRamp = 0;       // W/s for the whole fleet (0: follows at once)
  double grid = 0;                 // W the grid connections can deliver (PowerResult::gridCapacity)
  power::SourceSplit split;        // who carries a steady draw (no generators: the grid)
  std::vector<std::string> notes;  // figures the catalog did not give and what was assumed
};
/// The sources of `layout` as the power analysis gives them: what grid and generators can deliver
/// (ratings capped by the gear they feed) and the steady split of its design-load flow.
Sources sourcesOf(const design::Layout& layout, const power::PowerResult& power);

struct Dispatch {
  std::vector<double> battery;        // W, + discharging, − charging
  std::vector<double> generation;     // W
  std::vector<double> grid;           // W at the grid meter (negative: export)
  std::vector<double> stateOfCharge;  // 0–1 (empty without a battery)
};
Dispatch dispatch(const std::vector<double>& site, double dt, const Sources& sources, double gridRampLimit);

/// What the grid sees against the connection's limits; a limit of 0 in the spec is not checked.
struct GridCheck {
  WindowChange minute;  // largest change within a minute (checked against the ramp limit × 60 s)
  WindowChange second;  // largest change within a second (checked against the largest step)
  SeriesFigures figures;
  bool rampOk = true, stepOk = true, oscillationOk = true;
  bool ok() const { return rampOk && stepOk && oscillationOk; }
};
GridCheck checkGrid(const std::vector<double>& grid, double dt, const design::PowerDynamicsSpec& spec,
                    Dominant dominant = Dominant::Find);

/// Findings (errors) naming each limit broken, the figure, the limit and when it first happened.
std::vector<engine::Finding> gridFindings(const GridCheck& check, const design::PowerDynamicsSpec& spec);

struct BatterySizing {
  bool checked = false;  // the design states at least one grid limit
  bool found = false;    // a battery within the search range keeps the grid within them
  double power = 0;      // W
  double energy = 0;     // J
  std::string note;      // why nothing was found, or what the battery was assumed to be
};
/// Smallest battery power (with ample energy), then the smallest energy at that power, by
/// bisection to 0.5 % of the searched range; the design's batteries are replaced, its
/// generators and grid kept. Response and round trip are those of the design's batteries, else
/// an ideal battery (said so in `note`).
BatterySizing smallestBattery(const std::vector<double>& site, double dt, const Sources& sources,
                              const design::PowerDynamicsSpec& spec);

}  // namespace gigaplan::dynamics
