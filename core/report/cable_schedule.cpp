// The cable schedule (see cable_schedule.h).
#include "core/report/cable_schedule.h"

#include <cstdio>

#include "core/report/escape.h"

namespace gigaplan::report {

std::string cableScheduleCsv(const design::ResolvedDesign& d, const engine::Evaluation& e) {
  const fabric::FabricResult& f = e.fabric;
  // Leaves of each group, first and last, to name a GPU bundle's far end.
  std::vector<int> firstLeaf(static_cast<std::size_t>(f.leafGroups), -1), lastLeaf = firstLeaf;
  for (std::size_t s = 0; s < f.switches.size(); ++s) {
    const fabric::SwitchPlacement& sw = f.switches[s];
    if (sw.tier != 1 || sw.group < 0 || sw.group >= f.leafGroups) continue;
    auto g = static_cast<std::size_t>(sw.group);
    if (firstLeaf[g] < 0) firstLeaf[g] = static_cast<int>(s);
    lastLeaf[g] = static_cast<int>(s);
  }
  std::string out = "from,to,link,medium,medium_name,count,length_m,total_length_m,transceivers,grade\r\n";
  char buf[64];
  for (const fabric::CableRun& r : f.cableRuns) {
    std::string from, to, link;
    if (r.rack != design::kNone) {
      from = d.layout.racks[static_cast<std::size_t>(r.rack)].id;
      link = "GPU to leaf";
      const auto g = static_cast<std::size_t>(r.group);
      if (r.group >= 0 && r.group < f.leafGroups && firstLeaf[g] >= 0) {
        const fabric::SwitchPlacement& a = f.switches[static_cast<std::size_t>(firstLeaf[g])];
        const fabric::SwitchPlacement& b = f.switches[static_cast<std::size_t>(lastLeaf[g])];
        to = fabric::switchId(a);
        if (lastLeaf[g] != firstLeaf[g]) to += ".." + (b.rail >= 0 ? "r" + std::to_string(b.rail + 1) : switchId(b));
      }
    } else {
      const fabric::SwitchPlacement& s = f.switches[static_cast<std::size_t>(r.fromSwitch)];
      from = fabric::switchId(s);
      const auto n = static_cast<int>(f.switches.size());
      if (r.toSwitch >= 0 && r.toSwitch < n && r.toSwitches > 0 && r.toSwitch + r.toSwitches <= n) {
        to = fabric::switchId(f.switches[static_cast<std::size_t>(r.toSwitch)]);
        if (r.toSwitches > 1)
          to += ".." + fabric::switchId(f.switches[static_cast<std::size_t>(r.toSwitch + r.toSwitches - 1)]);
      } else {
        to = fabric::tierName(r.toTier) + " tier";
      }
      link = fabric::tierName(s.tier) + " to " + fabric::tierName(r.toTier);
    }
    const catalog::CableMedium* m = d.catalog->medium(r.medium);
    std::snprintf(buf, sizeof buf, "%.1f,%.1f", r.length, r.length * static_cast<double>(r.count));
    out += csvField(from) + ',' + csvField(to) + ',' + csvField(link) + ',' + csvField(r.medium) + ',' +
           csvField(m ? m->name : "") + ',' + std::to_string(r.count) + ',' + buf + ',' +
           std::to_string(r.transceivers) + ',' + csvField(m ? m->provenance.grade : "") + "\r\n";
  }
  return out;
}

}  // namespace gigaplan::report
