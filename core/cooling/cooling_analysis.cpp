// analyzeCooling: rack, switch and loss heat to CDUs and air handlers, on to the plant and out to
// ambient, with power, water and checks.
#include "core/cooling/cooling_analysis.h"

#include <algorithm>
#include <string>

#include "core/base/margin.h"
#include "core/base/thousands.h"
#include "core/cooling/heat_order.h"
#include "core/units/units.h"

namespace gigaplan::cooling {

using design::CoolingKind;
using design::kNone;
using engine::Severity;

namespace {

// "16 racks (a1-r1-1, a1-r1-2, …)": a count and the first few ids.
std::string named(const std::vector<std::string>& ids, const char* one, const char* many) {
  std::string s = base::thousands(static_cast<long long>(ids.size())) + " " + (ids.size() == 1 ? one : many) + " (";
  for (std::size_t i = 0; i < ids.size() && i < 3; ++i) s += (i ? ", " : "") + ids[i];
  return s + (ids.size() > 3 ? ", …)" : ")");
}

bool validUnit(const design::Layout& layout, int u) {
  return u >= 0 && u < static_cast<int>(layout.cooling.size());
}

bool validHall(const design::Layout& layout, int h) {
  return h >= 0 && h < static_cast<int>(layout.halls.size());
}

double at(const std::vector<double>& v, std::size_t i) {
  return i < v.size() ? v[i] : 0.0;
}

bool hasCompressor(const design::CoolingUnit& u) {
  return u.kind == CoolingKind::Chiller || (u.kind == CoolingKind::AirHandler && u.rejectsTo.empty());
}

}  // namespace

bool releasesToAmbient(const design::CoolingUnit& u) {
  switch (u.kind) {
    case CoolingKind::DryCooler:
    case CoolingKind::CoolingTower:
      return true;
    case CoolingKind::Chiller:
      return u.spec && u.spec->condenser == catalog::Condenser::Air;
    case CoolingKind::AirHandler:
      return u.spec && u.spec->cop > 0;  // DX: its condenser stands outdoors
    case CoolingKind::Cdu:
      return false;
  }
  return false;
}

UnitFlow runUnit(const design::CoolingUnit& u, double heat, double capacity, double cop) {
  const catalog::CoolingGear* spec = u.spec;
  const double own = spec ? spec->ownPower * u.units : 0.0;
  const double fraction = capacity > 0 ? heat / capacity : (heat > 0 ? 1.0 : 0.0);
  const double fans = own * fraction;
  const double work = hasCompressor(u) && cop > 0 ? heat / cop : 0.0;
  const bool outdoors = u.kind == CoolingKind::DryCooler || u.kind == CoolingKind::CoolingTower;
  UnitFlow f;
  f.power = fans + work;
  f.passedOn = heat + work + (outdoors ? 0.0 : fans);
  f.toAmbient = outdoors ? fans : 0.0;
  return f;
}

namespace {

// Racks: liquid to the CDU (none: error), air to the air handler or else the hall's air.
void spreadRackHeat(const design::Layout& layout, const std::vector<double>& rackHeat, bool withFindings,
                    CoolingResult& c) {
  for (std::size_t r = 0; r < layout.racks.size() && r < rackHeat.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    const double fraction = rack.spec ? std::clamp(rack.spec->liquidFraction, 0.0, 1.0) : 0.0;
    const double liquid = rackHeat[r] * fraction, air = rackHeat[r] - liquid;
    c.liquidHeat += liquid;
    c.airHeat += air;
    if (liquid > 0) {
      if (validUnit(layout, rack.cdu)) {
        c.unitHeat[rack.cdu] += liquid;
      } else {
        c.unassignedHeat += liquid;
        if (withFindings)
          c.findings.push_back(engine::makeFinding(
              Severity::Error, rack.id, "cooling.not-cooled",
              rack.id + " sends " + units::formatPower(liquid) + " to liquid but has no CDU", liquid, 0));
      }
    }
    if (air <= 0) continue;
    if (validUnit(layout, rack.airHandler)) {
      c.unitHeat[rack.airHandler] += air;
    } else if (validHall(layout, rack.hall)) {
      c.hallAirHeat[rack.hall] += air;
    } else {
      c.unassignedHeat += air;
      if (withFindings)
        c.findings.push_back(engine::makeFinding(
            Severity::Error, rack.id, "cooling.not-cooled",
            rack.id + " sends " + units::formatPower(air) + " to air but has no air handler and stands in no hall", air,
            0));
    }
  }
}

// Losses: into the air of the hall a node stands in, else to ambient.
void placeLosses(const design::Layout& layout, const CoolingTopology& t, const std::vector<double>& nodeLoss,
                 CoolingResult& c) {
  for (std::size_t i = 0; i < layout.power.size() && i < nodeLoss.size(); ++i) {
    const double loss = nodeLoss[i];
    if (loss <= 0) continue;
    c.lossHeat += loss;
    const int h = i < t.nodeHall.size() ? t.nodeHall[i] : kNone;
    if (validHall(layout, h)) {
      c.hallAirHeat[h] += loss;
    } else {
      c.lossHeatOutdoors += loss;
      c.rejected += loss;
    }
  }
}

// What lands in a hall's air with no air handler to take it, by source, for the finding.
engine::Finding hallNotCooled(const design::Layout& layout, const CoolingTopology& t, const CoolingDemand& d, int h,
                              double heat) {
  std::vector<std::string> racks, nodes;
  for (const design::Rack& rack : layout.racks) {
    const double fraction = rack.spec ? std::clamp(rack.spec->liquidFraction, 0.0, 1.0) : 0.0;
    if (rack.hall == h && !validUnit(layout, rack.airHandler) && fraction < 1 &&
        at(d.rackHeat, static_cast<std::size_t>(&rack - layout.racks.data())) > 0)
      racks.push_back(rack.id);
  }
  for (std::size_t i = 0; i < layout.power.size(); ++i)
    if (i < t.nodeHall.size() && t.nodeHall[i] == h && at(d.nodeLoss, i) > 0) nodes.push_back(layout.power[i].id);
  std::string what;
  auto add = [&](const std::string& part) { what += (what.empty() ? "" : "; ") + part; };
  if (!racks.empty()) add("air share of " + named(racks, "rack", "racks"));
  if (!nodes.empty()) add("losses of " + named(nodes, "power node", "power nodes"));
  if (at(d.hallHeat, static_cast<std::size_t>(h)) > 0)
    add(units::formatPower(d.hallHeat[h]) + " of switches outside racks");
  const design::Hall& hall = layout.halls[h];
  return engine::makeFinding(Severity::Error, hall.id, "cooling.not-cooled",
                             "Hall " + hall.id + " has no air handler for the " + units::formatPower(heat) +
                                 " released into its air (" + what + "): add one, or name an air_handler for its rows",
                             heat, 0);
}

// Hall air to the hall's air handlers by capacity; the core room to its air handler.
void spreadAirHeat(const design::Layout& layout, const CoolingTopology& t, const CoolingDemand& d, bool withFindings,
                   CoolingResult& c) {
  for (int h = 0; h < static_cast<int>(layout.halls.size()); ++h) {
    const double heat = c.hallAirHeat[h];
    if (heat <= 0) continue;
    const std::vector<int>& units =
        h < static_cast<int>(t.hallAirHandlers.size()) ? t.hallAirHandlers[h] : std::vector<int>{};
    double capacity = 0;
    for (int u : units) capacity += layout.cooling[u].capacity;
    for (int u : units)
      c.unitHeat[u] +=
          capacity > 0 ? heat * layout.cooling[u].capacity / capacity : heat / static_cast<double>(units.size());
    if (!units.empty()) continue;
    c.unassignedHeat += heat;
    if (withFindings) c.findings.push_back(hallNotCooled(layout, t, d, h, heat));
  }
  if (d.coreRoomHeat <= 0) return;
  if (validUnit(layout, layout.coreAirHandler)) {
    c.unitHeat[layout.coreAirHandler] += d.coreRoomHeat;
    return;
  }
  c.unassignedHeat += d.coreRoomHeat;
  if (withFindings)
    c.findings.push_back(engine::makeFinding(
        Severity::Error, "", "cooling.not-cooled",
        "The core room's " + base::thousands(d.coreRoomSwitches) + (d.coreRoomSwitches == 1 ? " switch" : " switches") +
            (d.coreRoomIds.empty() ? "" : " (" + d.coreRoomIds + ")") + " shed " + units::formatPower(d.coreRoomHeat) +
            " outside every hall with no air handler to take it: name one with network core_air_handler, or put "
            "spine_position inside a hall",
        d.coreRoomHeat, 0));
}

void checkUnits(const design::Layout& layout, double ambient, const std::vector<int>& indegree, CoolingResult& c) {
  base::ThinMargins thin;  // cooling.thin-margin: one note for the site
  for (int i = 0; i < static_cast<int>(layout.cooling.size()); ++i) {
    const design::CoolingUnit& u = layout.cooling[i];
    const double heat = c.unitHeat[i];
    if (u.capacity > 0) thin.add(heat / u.capacity, design::toString(u.kind), u.id);
    if (heat > u.capacity * (1 + 1e-9)) {
      const bool cdu = u.kind == CoolingKind::Cdu;
      c.findings.push_back(engine::makeFinding(Severity::Error, u.id, cdu ? "cooling.cdu-short" : "cooling.overload",
                                               u.id + " must remove " + units::formatPower(heat) +
                                                   " at peak IT load but is rated " + units::formatPower(u.capacity),
                                               heat, u.capacity));
    }
    const double oneOut = design::capacityWithOneUnitOut(u.capacity, u.units);
    if (u.units >= 2 && indegree[i] == 0 && heat > oneOut * (1 + 1e-9))
      c.findings.push_back(engine::makeFinding(Severity::Warning, u.id, "cooling.redundancy-lost",
                                               u.id + " has no spare unit: with one of its " + std::to_string(u.units) +
                                                   " units out it is rated " + units::formatPower(oneOut) + " for " +
                                                   units::formatPower(heat) + " at peak IT load",
                                               heat, oneOut));
    bool sinks = false;
    for (int s : u.rejectsTo) sinks = sinks || validUnit(layout, s);
    if (!sinks && !releasesToAmbient(u)) {
      const std::string out = units::formatPower(c.unitRejected[i]);
      const std::string why =
          u.kind == CoolingKind::Cdu
              ? u.id + " rejects " + out + " to no chiller, dry cooler or tower: the heat has nowhere to go"
          : u.kind == CoolingKind::AirHandler
              ? u.id + " rejects to nothing and its model has no compressor (no COP): its " + out +
                    " has nowhere to go; name the chillers or dry coolers it rejects to, or use a DX model with a COP"
              : u.id + " has a water-cooled condenser but rejects to nothing: its " + out +
                    " has nowhere to go; name the towers or dry coolers it rejects to";
      c.findings.push_back(
          engine::makeFinding(Severity::Error, u.id, "cooling.no-heat-sink", why, c.unitRejected[i], 0));
    }
    if (u.spec && u.spec->maxAmbient != 0 && ambient > u.spec->maxAmbient)
      c.findings.push_back(engine::makeFinding(
          Severity::Warning, u.id, "cooling.ambient-above-rating",
          u.id + " is rated to " + units::format(u.spec->maxAmbient, units::Dimension::Temperature) +
              " ambient; the site's design ambient is " + units::format(ambient, units::Dimension::Temperature) +
              ": its capacity there is lower than the rating counted here (derating is not modelled)",
          ambient, u.spec->maxAmbient));
    if (u.kind == CoolingKind::Chiller && (!u.spec || u.spec->cop <= 0))
      c.findings.push_back(engine::makeFinding(Severity::Warning, u.id, "cooling.cop-missing",
                                               u.id + " has no COP: its compressor power is not counted"));
  }
  if (thin.count() > 0)
    c.findings.push_back(engine::makeFinding(Severity::Info, thin.worstId(), "cooling.thin-margin",
                                             thin.text("cooling unit", "at peak IT load"), thin.worst(),
                                             base::kThinMargin));
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
    c.findings.push_back(
        engine::makeFinding(Severity::Warning, u.id, "cooling.redundancy-lost",
                            "The " + std::string(design::toString(u.kind)) + " plant of the loop with " + u.id + " (" +
                                base::counted(g.members, "unit") + ") carries " + units::formatPower(g.heat) +
                                "; with its largest unit out it is rated " + units::formatPower(spare) + " (no N+1)",
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
  c.hallAirHeat.assign(layout.halls.size(), 0.0);
  spreadRackHeat(layout, demand.rackHeat, withFindings, c);
  for (std::size_t h = 0; h < layout.halls.size() && h < demand.hallHeat.size(); ++h) {
    c.hallAirHeat[h] += demand.hallHeat[h];
    c.airHeat += demand.hallHeat[h];
  }
  c.airHeat += demand.coreRoomHeat;
  placeLosses(layout, topology, demand.nodeLoss, c);
  spreadAirHeat(layout, topology, demand, withFindings, c);
  c.loops = topology.loops;
  c.unitLoop = topology.loop;
  const std::vector<int>& indegree = topology.indegree;
  std::vector<char> ordered(n, 0);
  for (int i : topology.order) {
    ordered[i] = 1;
    const design::CoolingUnit& u = layout.cooling[i];
    const UnitFlow f = runUnit(u, c.unitHeat[i], u.capacity, u.spec ? u.spec->cop : 0.0);
    c.unitPower[i] = f.power;
    c.unitRejected[i] = f.passedOn + f.toAmbient;
    c.rejected += f.toAmbient;
    // Shared by the sinks' capacities, as hall air is by its air handlers' (evenly when none is rated).
    std::size_t sinks = 0;
    double sinkCapacity = 0;
    for (int s : u.rejectsTo) {
      if (!validUnit(layout, s)) continue;
      ++sinks;
      sinkCapacity += std::max(0.0, layout.cooling[s].capacity);
    }
    for (int s : u.rejectsTo) {
      if (!validUnit(layout, s)) continue;
      const double share = sinkCapacity > 0 ? std::max(0.0, layout.cooling[s].capacity) / sinkCapacity
                                            : 1.0 / static_cast<double>(sinks);
      c.unitHeat[s] += f.passedOn * share;
    }
    if (sinks > 0) continue;
    if (releasesToAmbient(u)) {
      c.rejected += f.passedOn;
      c.rejectionCapacity += u.capacity;
    } else {
      c.unassignedHeat += f.passedOn;
    }
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
      if (f >= 0 && f < static_cast<int>(layout.power.size()))
        c.nodePower[f] += c.unitPower[i] / static_cast<double>(feeds);
    if (u.kind == CoolingKind::Cdu || u.kind == CoolingKind::AirHandler) c.capacity += u.capacity;
    if (ordered[i]) continue;
    c.unassignedHeat += c.unitHeat[i];  // stuck on a loop of rejects_to
    if (withFindings)
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
