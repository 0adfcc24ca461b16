// The site at each phase of its build-out (see phases.h).
#include "core/evaluate/phases.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "core/base/date.h"
#include "core/base/thousands.h"
#include "core/design/phases.h"
#include "core/units/units.h"

namespace gigaplan::engine {
namespace {

using design::inService;
using design::kNone;

// What leans on one object that is not in service: counted per kind of dependent, split into those
// left with nothing in its place (`alone`) and those that keep another feed or sink.
struct Dependents {
  int alone[4] = {0, 0, 0, 0}, covered[4] = {0, 0, 0, 0};
};
enum DependentKind { kRack = 0, kPowerNode = 1, kCoolingUnit = 2, kCoreRoom = 3 };

std::string dependentText(const int counts[4]) {
  static const char* const kOne[] = {"rack", "power node", "cooling unit", "core room"};
  static const char* const kMany[] = {"racks", "power nodes", "cooling units", "core rooms"};
  std::string out;
  for (int k = 0; k < 4; ++k) {
    if (counts[k] == 0) continue;
    if (!out.empty()) out += ", ";
    out += k == kCoreRoom ? std::string("the core room") : base::counted(counts[k], kOne[k], kMany[k]);
  }
  return out;
}

int total(const int counts[4]) {
  return counts[0] + counts[1] + counts[2] + counts[3];
}

class PhaseCut {
 public:
  PhaseCut(const design::Design& d, const design::Layout& full, int phase) : d_(d), f_(full), p_(phase) {}

  PhaseLayout run() {
    design::Layout& l = out_.layout;
    l.halls = f_.halls;
    l.hallIndex = f_.hallIndex;
    l.catalog = f_.catalog;
    l.phaseCount = f_.phaseCount;
    powerMap_.assign(f_.power.size(), kNone);
    coolingMap_.assign(f_.cooling.size(), kNone);
    for (std::size_t i = 0; i < f_.power.size(); ++i) {
      if (!inService(f_.power[i].online, f_.power[i].retired, p_)) continue;
      powerMap_[i] = static_cast<int>(l.power.size());
      l.power.push_back(f_.power[i]);
    }
    for (std::size_t i = 0; i < f_.cooling.size(); ++i) {
      if (!inService(f_.cooling[i].online, f_.cooling[i].retired, p_)) continue;
      coolingMap_[i] = static_cast<int>(l.cooling.size());
      l.cooling.push_back(f_.cooling[i]);
    }
    for (design::PowerNode& n : l.power) n.fedBy = keep(n.fedBy, powerMap_, true, kPowerNode);
    for (design::CoolingUnit& u : l.cooling) {
      u.rejectsTo = keep(u.rejectsTo, coolingMap_, false, kCoolingUnit);
      u.fedBy = keep(u.fedBy, powerMap_, true, kCoolingUnit);
    }
    cutRows();
    if (f_.coreAirHandler != kNone) {
      l.coreAirHandler = coolingMap_[static_cast<std::size_t>(f_.coreAirHandler)];
      if (l.coreAirHandler == kNone) lost(false, f_.coreAirHandler, kCoreRoom, true);
    }
    // The core room's feeds: one not yet in service leaves the room on the other, or on nothing.
    l.coreFeedA = mapped(f_.coreFeedA, powerMap_);
    l.coreFeedB = mapped(f_.coreFeedB, powerMap_);
    const bool roomFed = l.coreFeedA != kNone || l.coreFeedB != kNone;
    for (int feed : {f_.coreFeedA, f_.coreFeedB})
      if (feed != kNone && powerMap_[static_cast<std::size_t>(feed)] == kNone) lost(true, feed, kCoreRoom, !roomFed);
    if (l.coreFeedA == kNone) std::swap(l.coreFeedA, l.coreFeedB);
    for (std::size_t i = 0; i < l.power.size(); ++i) l.powerIndex.emplace(l.power[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < l.cooling.size(); ++i) l.coolingIndex.emplace(l.cooling[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < l.rows.size(); ++i) l.rowIndex.emplace(l.rows[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < l.racks.size(); ++i) l.rackIndex.emplace(l.racks[i].id, static_cast<int>(i));
    findings();
    return std::move(out_);
  }

 private:
  // The references of `refs` (indices into the full layout) still in service, re-indexed; each one
  // dropped is counted against the object it named.
  std::vector<int> keep(const std::vector<int>& refs, const std::vector<int>& map, bool power, DependentKind who) {
    std::vector<int> kept;
    kept.reserve(refs.size());
    for (int r : refs) {
      if (const int m = map[static_cast<std::size_t>(r)]; m != kNone) kept.push_back(m);
    }
    for (int r : refs) {
      if (map[static_cast<std::size_t>(r)] == kNone) lost(power, r, who, kept.empty());
    }
    return kept;
  }

  void lost(bool power, int fullIndex, DependentKind who, bool alone) {
    Dependents& d = missing_[{power, fullIndex}];
    (alone ? d.alone : d.covered)[who] += 1;
  }

  int mapped(int ref, const std::vector<int>& map) const {
    return ref == kNone ? kNone : map[static_cast<std::size_t>(ref)];
  }

  void cutRows() {
    design::Layout& l = out_.layout;
    for (const design::Row& row : f_.rows) {
      design::Row cut = row;
      cut.firstRack = static_cast<int>(l.racks.size());
      const int rowIndex = static_cast<int>(l.rows.size());
      for (int k = 0; k < row.rackCount; ++k) {
        const design::Rack& full = f_.racks[static_cast<std::size_t>(row.firstRack) + static_cast<std::size_t>(k)];
        if (!inService(full.online, full.retired, p_)) continue;
        design::Rack rack = full;
        rack.row = rowIndex;
        rack.feedA = mapped(full.feedA, powerMap_);
        rack.feedB = mapped(full.feedB, powerMap_);
        const bool unfed = rack.feedA == kNone && rack.feedB == kNone;
        for (int feed : {full.feedA, full.feedB}) {
          if (feed != kNone && powerMap_[static_cast<std::size_t>(feed)] == kNone) lost(true, feed, kRack, unfed);
        }
        if (rack.feedA == kNone) std::swap(rack.feedA, rack.feedB);  // the feed left is its first
        rack.cdu = mapped(full.cdu, coolingMap_);
        if (full.cdu != kNone && rack.cdu == kNone) lost(false, full.cdu, kRack, true);
        rack.airHandler = mapped(full.airHandler, coolingMap_);
        if (full.airHandler != kNone && rack.airHandler == kNone) lost(false, full.airHandler, kRack, true);
        l.racks.push_back(std::move(rack));
      }
      cut.rackCount = static_cast<int>(l.racks.size()) - cut.firstRack;
      if (cut.rackCount > 0) l.rows.push_back(std::move(cut));
    }
  }

  void findings() {
    for (const auto& [key, who] : missing_) {
      const auto [power, index] = key;
      const std::string& id =
          power ? f_.power[static_cast<std::size_t>(index)].id : f_.cooling[static_cast<std::size_t>(index)].id;
      const int online =
          power ? f_.power[static_cast<std::size_t>(index)].online : f_.cooling[static_cast<std::size_t>(index)].online;
      const int retired = power ? f_.power[static_cast<std::size_t>(index)].retired
                                : f_.cooling[static_cast<std::size_t>(index)].retired;
      const bool later = p_ < online;
      const int when = later ? online : retired;
      std::string message = id + (later ? " comes online only in '" : " was retired in '") +
                            design::phaseLabel(d_, when) + "' (" +
                            base::displayDate(d_.phases[static_cast<std::size_t>(when)].date) + ")";
      const std::string what = power ? "feed" : "cooling";
      const std::string alone = dependentText(who.alone), covered = dependentText(who.covered);
      if (!alone.empty()) {
        message += ", and ";
        message += alone;
        message += total(who.alone) == 1 ? " in service depends" : " in service depend";
        message += " on it with no other ";
        message += what;
      }
      if (!covered.empty()) {
        message += alone.empty() ? ", and " : "; ";
        message += covered;
        message += total(who.covered) == 1 ? " in service runs on its other " : " in service run on their other ";
        message += what;
      }
      message += ".";
      out_.findings.push_back(makeFinding(alone.empty() ? Severity::Warning : Severity::Error, id,
                                          "phase.not-in-service", std::move(message)));
    }
  }

  const design::Design& d_;
  const design::Layout& f_;
  const int p_;
  PhaseLayout out_;
  std::vector<int> powerMap_, coolingMap_;
  // Ordered: findings come out cooling units first, then power nodes, each in layout order.
  std::map<std::pair<bool, int>, Dependents> missing_;
};

}  // namespace

PhaseLayout layoutAtPhase(const design::Design& design, const design::Layout& full, int phase) {
  return PhaseCut(design, full, phase).run();
}

PhaseResult evaluatePhase(const design::Design& design, const design::Layout& full, const catalog::Catalog& catalog,
                          int phase) {
  PhaseLayout cut = layoutAtPhase(design, full, phase);
  PhaseResult r;
  r.phase = phase;
  r.label = design::phaseLabel(design, phase);
  r.date = design.phases[static_cast<std::size_t>(phase)].date;
  r.evaluation = evaluate(design, cut.layout, catalog);
  addFindings(r.evaluation, std::move(cut.findings));
  r.layout = std::move(cut.layout);
  return r;
}

std::optional<Finding> fabricReplanned(const PhaseResult& before, const PhaseResult& now) {
  const fabric::FabricResult& a = before.evaluation.fabric;
  const fabric::FabricResult& b = now.evaluation.fabric;
  if (a.tiers == 0 || b.tiers == 0) return std::nullopt;  // no fabric on one side: nothing to re-cable
  auto rate = [](double r) { return units::format(r, units::Dimension::DataRate); };
  std::vector<std::string> changes;
  if (std::abs(a.linkRate - b.linkRate) > 1e-9 * b.linkRate || a.breakout != b.breakout)
    changes.push_back("links at " + rate(b.linkRate) + ", " + base::thousands(b.breakout) + " per switch port (" +
                      rate(a.linkRate) + ", " + base::thousands(a.breakout) + " per port before)");
  if (a.tiers != b.tiers)
    changes.push_back(base::counted(b.tiers, "tier", "tiers") + " of switches (" + std::to_string(a.tiers) +
                      " before)");
  const std::size_t shared = std::min(a.tierStats.size(), b.tierStats.size());
  for (std::size_t t = 0; t < shared; ++t)
    if (b.tierStats[t].switches < a.tierStats[t].switches)
      changes.push_back(
          base::counted(b.tierStats[t].switches, b.tierStats[t].name + " switch", b.tierStats[t].name + " switches") +
          " (" + base::thousands(a.tierStats[t].switches) + " before)");
  if (changes.empty()) return std::nullopt;
  std::string list;
  for (std::size_t i = 0; i < changes.size(); ++i)
    list += (i == 0 ? "" : i + 1 == changes.size() ? " and " : ", ") + changes[i];
  return makeFinding(Severity::Warning, "", "phase.fabric-replanned",
                     "The fabric is planned anew at '" + now.label + "': " + list + ", against '" + before.label +
                         "'. The switches, optics and cables built before are re-cabled here, not added to; size the "
                         "earlier phases' fabric for this one to build it once.");
}

std::vector<PhaseResult> evaluatePhases(const design::Design& design, const design::Layout& full,
                                        const catalog::Catalog& catalog) {
  std::vector<PhaseResult> out;
  out.reserve(design.phases.size());
  for (std::size_t p = 0; p < design.phases.size(); ++p) {
    out.push_back(evaluatePhase(design, full, catalog, static_cast<int>(p)));
    if (p == 0) continue;
    if (auto f = fabricReplanned(out[p - 1], out[p])) addFindings(out[p].evaluation, {std::move(*f)});
  }
  return out;
}

}  // namespace gigaplan::engine
