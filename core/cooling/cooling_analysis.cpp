// analyzeCooling: rack heat to CDUs and air handlers, on to the plant, with power, water and checks.
#include "core/cooling/cooling_analysis.h"

#include <algorithm>
#include <string>

#include "core/cooling/heat_order.h"
#include "core/units/units.h"

namespace gigaplan::cooling {

using design::CoolingKind;
using design::kNone;
using engine::Severity;

namespace {

std::string w(double watts) { return units::format(watts, units::Dimension::Power); }

bool validUnit(const design::Layout& layout, int u) { return u >= 0 && u < static_cast<int>(layout.cooling.size()); }

void spreadRackHeat(const design::Layout& layout, const std::vector<double>& rackHeat, bool withFindings,
                    CoolingResult& c) {
  for (std::size_t r = 0; r < layout.racks.size() && r < rackHeat.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    const double fraction = rack.spec ? std::clamp(rack.spec->liquidFraction, 0.0, 1.0) : 0.0;
    const double liquid = rackHeat[r] * fraction, air = rackHeat[r] - liquid;
    c.liquidHeat += liquid;
    c.airHeat += air;
    // Liquid heat without a CDU stops the rack (error); air heat may go to room air the design
    // does not model (warning).
    auto assign = [&](double heat, int unit, Severity severity, const char* medium, const char* missing) {
      if (heat <= 0) return;
      if (validUnit(layout, unit)) {
        c.unitHeat[unit] += heat;
        return;
      }
      c.unassignedHeat += heat;
      if (withFindings)
        c.findings.push_back(engine::makeFinding(severity, rack.id, "cooling.not-cooled",
                                                 rack.id + " sends " + w(heat) + " to " + medium + " but has no " + missing,
                                                 heat, 0));
    };
    assign(liquid, rack.cdu, Severity::Error, "liquid", "CDU");
    assign(air, rack.airHandler, Severity::Warning, "air", "air handler");
  }
}

// Electrical draw of one unit at its heat load, and the heat it passes on.
void runUnit(const design::CoolingUnit& u, double heat, double& power, double& rejected) {
  const catalog::CoolingGear* spec = u.spec;
  const double own = spec ? spec->ownPower * u.units : 0.0;
  const double fraction = u.capacity > 0 ? heat / u.capacity : (heat > 0 ? 1.0 : 0.0);
  power = own * fraction;
  double work = 0;
  const bool compressor = u.kind == CoolingKind::Chiller || (u.kind == CoolingKind::AirHandler && u.rejectsTo.empty());
  if (compressor && spec && spec->cop > 0) work = heat / spec->cop;
  power += work;
  rejected = heat + work;
}

void checkUnits(const design::Layout& layout, double ambient, const std::vector<int>& indegree, CoolingResult& c) {
  for (int i = 0; i < static_cast<int>(layout.cooling.size()); ++i) {
    const design::CoolingUnit& u = layout.cooling[i];
    const double heat = c.unitHeat[i];
    if (heat > u.capacity * (1 + 1e-9)) {
      const bool cdu = u.kind == CoolingKind::Cdu;
      c.findings.push_back(engine::makeFinding(Severity::Error, u.id, cdu ? "cooling.cdu-short" : "cooling.overload",
                                               u.id + " must remove " + w(heat) + " but is rated " + w(u.capacity), heat,
                                               u.capacity));
    }
    const double oneOut = design::capacityWithOneUnitOut(u.capacity, u.units);
    if (u.units >= 2 && indegree[i] == 0 && heat > oneOut * (1 + 1e-9))
      c.findings.push_back(engine::makeFinding(Severity::Warning, u.id, "cooling.redundancy-lost",
                                               u.id + " has no spare unit: with one of its " + std::to_string(u.units) +
                                                   " units out it is rated " + w(oneOut) + " for " + w(heat),
                                               heat, oneOut));
    if (u.kind == CoolingKind::Cdu && u.rejectsTo.empty() && heat > 0)
      c.findings.push_back(engine::makeFinding(Severity::Warning, u.id, "cooling.no-heat-sink",
                                               u.id + " rejects " + w(heat) + " to no chiller, dry cooler or tower", heat, 0));
    if (u.spec && u.spec->maxAmbient != 0 && ambient > u.spec->maxAmbient)
      c.findings.push_back(engine::makeFinding(
          Severity::Warning, u.id, "cooling.ambient-above-rating",
          u.id + " is rated to " + units::format(u.spec->maxAmbient, units::Dimension::Temperature) + " ambient; the site's design ambient is " +
              units::format(ambient, units::Dimension::Temperature) + " (capacity derating not modelled)",
          ambient, u.spec->maxAmbient));
    if (u.kind == CoolingKind::Chiller && (!u.spec || u.spec->cop <= 0))
      c.findings.push_back(engine::makeFinding(Severity::Warning, u.id, "cooling.cop-missing",
                                               u.id + " has no COP: its compressor power is not counted"));
  }
}

// N+1 of the plant: per loop and kind of unit that receives heat from others, the capacity left
// with the largest single unit out must still carry the heat.
void checkPlantRedundancy(const design::Layout& layout, const std::vector<int>& indegree, CoolingResult& c) {
  constexpr int kinds = 5;
  struct Group {
    double heat = 0, capacity = 0, largest = 0;
    int members = 0, first = kNone;
  };
  std::vector<Group> groups(static_cast<std::size_t>(c.loops) * kinds);
  for (int i = 0; i < static_cast<int>(layout.cooling.size()); ++i) {
    if (indegree[i] == 0) continue;
    const design::CoolingUnit& u = layout.cooling[i];
    Group& g = groups[static_cast<std::size_t>(c.unitLoop[i]) * kinds + static_cast<int>(u.kind)];
    g.heat += c.unitHeat[i];
    g.capacity += u.capacity;
    g.largest = std::max(g.largest, u.capacity / std::max(u.units, 1));
    if (g.first == kNone) g.first = i;
    g.members += std::max(u.units, 1);
  }
  for (const Group& g : groups) {
    if (g.first == kNone || g.heat <= 0) continue;
    const double spare = g.capacity - g.largest;
    if (g.heat <= spare * (1 + 1e-9)) continue;
    const design::CoolingUnit& u = layout.cooling[g.first];
    c.findings.push_back(engine::makeFinding(
        Severity::Warning, u.id, "cooling.redundancy-lost",
        "The " + std::string(design::toString(u.kind)) + " plant of the loop with " + u.id + " (" + std::to_string(g.members) +
            " units) carries " + w(g.heat) + "; with its largest unit out it is rated " + w(spare) + " (no N+1)",
        g.heat, spare));
  }
}

}  // namespace

CoolingResult analyzeCooling(const design::Layout& layout, const CoolingTopology& topology, const CoolingDemand& demand,
                             double ambient, bool withFindings) {
  const int n = static_cast<int>(layout.cooling.size());
  CoolingResult c;
  c.unitHeat.assign(n, 0.0);
  c.unitRejected.assign(n, 0.0);
  c.unitPower.assign(n, 0.0);
  c.unitUtilisation.assign(n, 0.0);
  c.unitWater.assign(n, 0.0);
  c.nodePower.assign(layout.power.size(), 0.0);
  spreadRackHeat(layout, demand.rackHeat, withFindings, c);
  for (int i = 0; i < n && i < static_cast<int>(demand.unitAirHeat.size()); ++i) {
    c.unitHeat[i] += demand.unitAirHeat[i];
    c.airHeat += demand.unitAirHeat[i];
  }
  c.airHeat += demand.unplacedHeat;
  c.unassignedHeat += demand.unplacedHeat;
  c.loops = topology.loops;
  c.unitLoop = topology.loop;
  const std::vector<int>& indegree = topology.indegree;
  std::vector<char> ordered(n, 0);
  for (int i : topology.order) {
    ordered[i] = 1;
    const design::CoolingUnit& u = layout.cooling[i];
    runUnit(u, c.unitHeat[i], c.unitPower[i], c.unitRejected[i]);
    std::size_t sinks = 0;
    for (int s : u.rejectsTo) sinks += validUnit(layout, s);
    for (int s : u.rejectsTo)
      if (validUnit(layout, s)) c.unitHeat[s] += c.unitRejected[i] / static_cast<double>(sinks);
  }
  for (int i = 0; i < n; ++i) {
    const design::CoolingUnit& u = layout.cooling[i];
    if (u.capacity > 0) c.unitUtilisation[i] = c.unitHeat[i] / u.capacity;
    if (u.spec) c.unitWater[i] = u.spec->waterPerKwh * c.unitHeat[i] / 1000.0 * 24.0;
    c.power += c.unitPower[i];
    c.water += c.unitWater[i];
    // Like a rack's A and B feeds, the draw splits evenly over the unit's feeds.
    std::size_t feeds = 0;
    for (int f : u.fedBy) feeds += f >= 0 && f < static_cast<int>(layout.power.size());
    if (feeds == 0) c.facilityPower += c.unitPower[i];
    for (int f : u.fedBy)
      if (f >= 0 && f < static_cast<int>(layout.power.size())) c.nodePower[f] += c.unitPower[i] / static_cast<double>(feeds);
    if (u.kind == CoolingKind::Cdu || u.kind == CoolingKind::AirHandler) c.capacity += u.capacity;
    if (u.rejectsTo.empty() && u.kind != CoolingKind::Cdu) c.rejectionCapacity += u.capacity;
    if (withFindings && !ordered[i])
      c.findings.push_back(engine::makeFinding(Severity::Error, u.id, "cooling.cycle",
                                               u.id + " is on or below a loop of rejects_to (heat would circulate)"));
  }
  c.heat = c.liquidHeat + c.airHeat;
  if (withFindings) {
    checkUnits(layout, ambient, indegree, c);
    checkPlantRedundancy(layout, indegree, c);
  }
  return c;
}

}  // namespace gigaplan::cooling
