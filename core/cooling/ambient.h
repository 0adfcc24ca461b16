// How the outdoor air changes what the cooling plant can do: the one home of every ambient curve.
// The catalog rates a unit at the site's design conditions (site.ambient, site.wet_bulb); at those
// conditions every function here returns the catalog figure exactly, so an hour at the design
// point is the instant evaluation. Used by the year model (core/annual) hour by hour.
//
// Curves and their standing (docs/annual.md has the derivations):
//   - dry cooler and cooling tower capacity: a coil or fill rejects heat in proportion to the
//     temperature difference that drives it (the effectiveness–NTU relation at fixed flows,
//     Q = ε·C_min·ΔT; Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, ch. 11). The loop
//     holds its supply at design ambient + approach (dry bulb for dry coolers, wet bulb for towers),
//     so the driving difference is supply − ambient and
//         capacity(now) = capacity × (1 + (design − now) / approach)
//     — zero when the air reaches the supply temperature, more than rated when colder. Grade E
//     (arithmetic on that relation); holding the leaving rather than the entering water is the
//     conservative choice (it derates faster). A unit without an approach is not derated.
//   - chiller COP against condenser temperature: the catalog's eir_curve (DOE-2 / EnergyPlus
//     biquadratic, see catalog::ChillerCurve), taken as a ratio to the design point:
//         COP(now) = COP × EIR(chw, cond_design) / EIR(chw, cond_now)
//     A chiller without a curve keeps its catalog COP (the year report says so).
//   - condenser temperature: water-cooled chillers see what their towers (wet bulb + approach) or
//     dry coolers (dry bulb + approach) deliver, the mean over their rejects_to; air-cooled ones
//     see the dry bulb.
//   - economiser (free cooling): a water-cooled chiller with a chilled_water setpoint whose
//     condenser water is at or below that setpoint is bypassed through a plate heat exchanger; its
//     compressor stops and the towers carry the load. No partial (integrated) economiser and no
//     heat-exchanger approach are modelled: both are stated as estimates.
//   - adiabatic assist: a dry cooler with water_per_kwh and a dry_switchover wets its pads only
//     when it cannot carry its heat dry. Its dry capacity follows the same relation from the
//     switchover (where it is the rating, dry):
//         dry capacity(now) = capacity × (1 + (switchover − dry bulb) / approach)
//     so at part load it stays dry above the switchover. While it sprays, water is the catalog's
//     litres per kWh of the heat it carries. Without a dry_switchover it sprays every hour.
//     With a pad_effectiveness ε its wet capacity follows the air its pads deliver, T_db − ε (T_db −
//     T_wb), from the same air at the design point (the rating, sprayed):
//         wet capacity(now) = capacity × (1 + (coil air at design − coil air now) / approach)
//     and it carries the more of its wet and dry capacity; without one, the dry bulb derates it
//     wet or dry (conservative).
//
//   cooling::PlantWeather w{{design.site.ambient, design.site.wetBulb}, {hour.dryBulb, wetBulb}};
//   double cap = cooling::capacityAt(unit, w);
//   double cop = cooling::copAt(layout, unit, w);
#pragma once

#include "core/design/layout.h"

namespace gigaplan::cooling {

/// Outdoor air, °C.
struct Ambient {
  double dryBulb = 35, wetBulb = 24;
  friend bool operator==(const Ambient&, const Ambient&) = default;
};

/// One hour's air and the design point the catalog's ratings hold at.
struct PlantWeather {
  Ambient design, now;
};

/// W of heat the unit can take now: dry coolers and towers derated by the approach left; every
/// other kind its catalog capacity (× units).
double capacityAt(const design::CoolingUnit& unit, const PlantWeather& w);

/// True when the unit uses water for `heat` W now: a cooling tower always, an adiabatic dry cooler
/// when that heat is more than it carries dry (or always, without a dry_switchover in its entry).
bool usesWater(const design::CoolingUnit& unit, double heat, const Ambient& now);

/// °C of what enters a chiller's condenser in air `a` (water from its towers or dry coolers, or
/// the outdoor air).
double condenserTemperature(const design::Layout& layout, const design::CoolingUnit& chiller, const Ambient& a);

/// The chiller's COP now (its catalog COP at the design point; 0 when it has none).
double copAt(const design::Layout& layout, const design::CoolingUnit& chiller, const PlantWeather& w);

/// True when the chiller runs on free cooling now: water-cooled, a chilled_water setpoint in its
/// catalog entry, and condenser water at or below it.
bool economising(const design::Layout& layout, const design::CoolingUnit& chiller, const Ambient& now);

}  // namespace gigaplan::cooling
