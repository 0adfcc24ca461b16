// Ambient curves of the cooling plant (see ambient.h).
#include "core/cooling/ambient.h"

#include <algorithm>

namespace gigaplan::cooling {

using design::CoolingKind;

namespace {

// The temperature a dry cooler or tower's approach is measured from.
double reference(const design::CoolingUnit& u, const Ambient& a) {
  return u.kind == CoolingKind::CoolingTower ? a.wetBulb : a.dryBulb;
}

}  // namespace

double capacityAt(const design::CoolingUnit& u, const PlantWeather& w) {
  if (u.kind != CoolingKind::DryCooler && u.kind != CoolingKind::CoolingTower) return u.capacity;
  if (!u.spec || u.spec->approach <= 0) return u.capacity;
  const double approach = u.spec->approach;
  const double effectiveness = u.spec->waterPerKwh > 0 ? u.spec->padEffectiveness : 0.0;
  if (u.kind == CoolingKind::DryCooler && effectiveness > 0) {
    // Adiabatic assist with known pads: wet, the coil sees the pads' air, rated at the design
    // point's (the instant evaluation sprays); dry, the dry bulb from the switchover, where the
    // unit carries its rating dry. It carries the more of the two.
    const auto coil = [&](const Ambient& a) { return a.dryBulb - effectiveness * (a.dryBulb - a.wetBulb); };
    const double wet = 1.0 + (coil(w.design) - coil(w.now)) / approach;
    const double dry = u.spec->drySwitchover != 0 ? 1.0 + (u.spec->drySwitchover - w.now.dryBulb) / approach : 0.0;
    return u.capacity * std::max({0.0, wet, dry});
  }
  // 1 + 0 at the design point: the rating exactly.
  return u.capacity * std::max(0.0, 1.0 + (reference(u, w.design) - reference(u, w.now)) / approach);
}

bool usesWater(const design::CoolingUnit& u, double heat, const Ambient& now) {
  if (!u.spec || u.spec->waterPerKwh <= 0) return false;
  if (u.kind != CoolingKind::DryCooler || u.spec->drySwitchover == 0) return true;
  const double approach = u.spec->approach;
  if (approach <= 0) return now.dryBulb > u.spec->drySwitchover;
  const double dry = u.capacity * std::max(0.0, 1.0 + (u.spec->drySwitchover - now.dryBulb) / approach);
  return heat > dry;
}

double condenserTemperature(const design::Layout& layout, const design::CoolingUnit& chiller, const Ambient& a) {
  if (!chiller.spec || chiller.spec->condenser != catalog::Condenser::Water) return a.dryBulb;
  double sum = 0;
  int sinks = 0;
  for (int s : chiller.rejectsTo) {
    if (s < 0 || s >= static_cast<int>(layout.cooling.size())) continue;
    const design::CoolingUnit& sink = layout.cooling[s];
    const double approach = sink.spec ? sink.spec->approach : 0.0;
    sum += reference(sink, a) + approach;
    ++sinks;
  }
  return sinks > 0 ? sum / sinks : a.dryBulb;
}

double copAt(const design::Layout& layout, const design::CoolingUnit& chiller, const PlantWeather& w) {
  const catalog::CoolingGear* spec = chiller.spec;
  if (!spec || spec->cop <= 0) return 0;
  if (spec->eirCurve.empty() || w.now == w.design) return spec->cop;
  const catalog::ChillerCurve& c = spec->eirCurve;
  const double chw = spec->chilledWater != 0 ? spec->chilledWater : (c.xMin + c.xMax) / 2;
  const double design = c.eir(chw, condenserTemperature(layout, chiller, w.design));
  const double now = c.eir(chw, condenserTemperature(layout, chiller, w.now));
  if (design <= 0 || now <= 0) return spec->cop;  // a curve that leaves its physical range shapes nothing
  return spec->cop * design / now;
}

bool economising(const design::Layout& layout, const design::CoolingUnit& chiller, const Ambient& now) {
  const catalog::CoolingGear* spec = chiller.spec;
  if (chiller.kind != CoolingKind::Chiller || !spec || spec->condenser != catalog::Condenser::Water ||
      spec->chilledWater == 0 || chiller.rejectsTo.empty())
    return false;
  return condenserTemperature(layout, chiller, now) <= spec->chilledWater;
}

}  // namespace gigaplan::cooling
