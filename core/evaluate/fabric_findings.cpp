// fabricFindings: overlong cables, port shortfalls, failure to synthesise, notes.
#include "core/evaluate/fabric_findings.h"

#include <string>

#include "core/base/thousands.h"
#include "core/units/units.h"

namespace gigaplan::engine {

namespace {

std::string metres(double m) {
  return units::format(m, units::Dimension::Length);
}

}  // namespace

std::vector<Finding> fabricFindings(const design::Layout& layout, const fabric::FabricResult& f, design::Vec2 site) {
  std::vector<Finding> out;
  if (f.coreRoomSwitches > 0) {
    // The core room stands around spine_position; it should fit the site and keep out of the halls
    // it does not stand in (a room inside a hall is that hall's: the fabric gives its switches that
    // hall, fabric::SwitchPlacement::hall).
    const design::Vec2 lo = f.coreRoomMin, hi = f.coreRoomMax;
    int roomHall = design::kNone;
    for (const fabric::SwitchPlacement& s : f.switches)
      if (s.tier >= 2) {
        roomHall = s.hall;
        break;
      }
    std::string where;
    if (lo.x < 0 || lo.y < 0 || (site.x > 0 && hi.x > site.x) || (site.y > 0 && hi.y > site.y)) where = "the site";
    for (std::size_t i = 0; i < layout.halls.size() && where.empty(); ++i) {
      const design::Hall& h = layout.halls[i];
      const bool overlaps =
          lo.x < h.origin.x + h.size.x && hi.x > h.origin.x && lo.y < h.origin.y + h.size.y && hi.y > h.origin.y;
      if (overlaps && static_cast<int>(i) != roomHall) where = "hall " + h.id;
    }
    if (!where.empty())
      out.push_back(
          makeFinding(Severity::Warning, "", "fabric.core-room-placement",
                      "The core room's " + base::thousands(f.coreRoomSwitches) + " spine and core switches need " +
                          metres(hi.x - lo.x) + " × " + metres(hi.y - lo.y) +
                          " around the network's spine_position and reach into " + where +
                          ": move spine_position to open ground, or the cable lengths to them are not where they run",
                      (hi.x - lo.x) * (hi.y - lo.y), 0));
  }
  if (!f.problem.empty()) out.push_back(makeFinding(Severity::Warning, "", "fabric.not-synthesised", f.problem));
  for (const std::string& note : f.notes) out.push_back(makeFinding(Severity::Info, "", "fabric.assumption", note));
  for (const fabric::OverlongCable& c : f.overlongCables) {
    std::string object;
    if (c.rack >= 0 && c.rack < static_cast<int>(layout.racks.size()))
      object = layout.racks[c.rack].id;
    else if (c.fromSwitch >= 0 && c.fromSwitch < static_cast<int>(f.switches.size()))
      object = fabric::switchId(f.switches[c.fromSwitch]);
    const std::string reach = c.longestReach > 0 ? "the longest medium at this rate reaches " + metres(c.longestReach)
                                                 : "no catalog medium carries this rate";
    out.push_back(makeFinding(Severity::Error, object, "fabric.cable-too-long",
                              std::to_string(c.count) + " cable(s) from " + (object.empty() ? "here" : object) +
                                  " to a " + fabric::tierName(c.tier) + " need " + metres(c.length) + "; " + reach,
                              c.length, c.longestReach));
  }
  for (const fabric::PortShortfall& p : f.portShortfalls) {
    std::string object;  // a whole tier: no single object to select
    if (p.kind == fabric::PortShortfall::Kind::RackSlots && p.rack >= 0 &&
        p.rack < static_cast<int>(layout.racks.size()))
      object = layout.racks[p.rack].id;
    out.push_back(makeFinding(Severity::Error, object, "fabric.ports-exhausted", p.message,
                              static_cast<double>(p.needed), static_cast<double>(p.available)));
  }
  return out;
}

}  // namespace gigaplan::engine
