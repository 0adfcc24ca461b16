// fabricFindings: overlong cables, port shortfalls, failure to synthesise, notes.
#include "core/evaluate/fabric_findings.h"

#include <string>

#include "core/units/units.h"

namespace gigaplan::engine {

namespace {

std::string metres(double m) {
  return units::format(m, units::Dimension::Length);
}

}  // namespace

std::vector<Finding> fabricFindings(const design::Layout& layout, const fabric::FabricResult& f) {
  std::vector<Finding> out;
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
