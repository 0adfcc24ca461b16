// analyzePower: runs the two load flows and the failover check and turns them into figures and findings.
#include "core/power/power_analysis.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/margin.h"
#include "core/base/thousands.h"
#include "core/power/source_split.h"
#include "core/units/units.h"

namespace gigaplan::power {

using design::kNone;
using design::PowerKind;
using engine::Severity;

namespace {

// What a node's peak is checked against: "a continuous rating of 1.5 MW", or where the site's power
// factor sets it "489 kW, its continuous rating at the site power factor (rated 546 kW at pf 0.95)"
// (transformers: "2.38 MW, … (rated 2.5 MVA)").
std::string capacityText(const design::PowerNode& node, double capacity) {
  const std::string s = units::formatPower(capacity);
  if (ratingPowerFactor(node) <= 0 || std::fabs(capacity - node.rating) <= 1e-9 * capacity)
    return "a continuous rating of " + s;
  return s + ", its continuous rating at the site power factor (rated " + ratingText(node) + ")";
}

void checkNodes(const design::Layout& layout, const PowerGraph& g, PowerResult& r) {
  const int n = static_cast<int>(layout.power.size());
  r.utilisation.assign(n, 0.0);
  for (int i = 0; i < n; ++i) {
    const design::PowerNode& node = layout.power[i];
    const double load = r.peak.out[i], cap = g.capacity[i];
    if (cap > 0) r.utilisation[i] = load / cap;
    if (cap > 0 && load > cap * (1 + 1e-9))
      r.findings.push_back(engine::makeFinding(
          Severity::Error, node.id, "power.overload",
          node.id + " carries " + units::formatPower(load) + " at peak against " + capacityText(node, cap), load, cap));
    if (g.rank[i] == kNone)
      r.findings.push_back(
          engine::makeFinding(Severity::Error, node.id, "power.cycle",
                              node.id + " is on or below a loop in the power chain (fed_by leads back to itself)"));
    else if (g.supply[i].empty() && !g.source[i])
      r.findings.push_back(engine::makeFinding(Severity::Error, node.id, "power.not-fed",
                                               node.id + " (" + std::string(design::toString(node.kind)) +
                                                   ") has no fed_by and is not a grid connection, generator or battery",
                                               r.nominal.in[i], 0));
    if (g.source[i] && node.kind == PowerKind::Battery && r.nominal.in[i] > 0)
      r.findings.push_back(engine::makeFinding(Severity::Warning, node.id, "power.battery-load",
                                               node.id + " is the only supply of some loads and carries " +
                                                   units::formatPower(r.nominal.in[i]) +
                                                   " continuously; batteries only bridge outages",
                                               r.nominal.in[i], 0));
  }
  for (const design::Rack& rack : layout.racks)
    if ((rack.feedA < 0 || rack.feedA >= n) && (rack.feedB < 0 || rack.feedB >= n))
      r.findings.push_back(engine::makeFinding(Severity::Error, rack.id, "power.not-fed",
                                               rack.id + " has no power feed", rack.spec ? rack.spec->power : 0, 0));
}

// What a grid connection or generator can deliver: its rating, or less when the gear it feeds is
// rated lower (a 240 MW connection into one 228 MW HV substation delivers 228 MW). A child fed by
// several parents counts its capacity in the share this one carries; an unrated child limits nothing.
double deliverable(const PowerGraph& g, int i, double rating) {
  const auto& children = g.children[static_cast<std::size_t>(i)];
  if (children.empty()) return rating;
  double through = 0;
  for (int c : children) {
    const double cap = g.capacity[static_cast<std::size_t>(c)];
    if (cap <= 0) return rating;
    const auto& parents = g.supply[static_cast<std::size_t>(c)];
    if (std::find(parents.begin(), parents.end(), i) == parents.end()) continue;  // listed, carries none
    through += parents.size() == 1 ? cap : cap * g.share(i, parents);
  }
  return std::min(rating, through);
}

void sourcesAndBatteries(const design::Layout& layout, const PowerGraph& g, PowerResult& r) {
  const SourceCapacity sources = sourceCapacity(layout, g);
  r.gridCapacity = sources.grid;
  r.generationCapacity = sources.generation;
  for (const design::PowerNode& node : layout.power) {
    if (node.kind == PowerKind::Battery) {
      r.batteryPower += node.rating;
      if (node.spec) r.batteryEnergy += node.spec->energy * node.units;
    }
  }
  r.sourceCapacity = r.gridCapacity + r.generationCapacity;
  r.headroom = r.sourceCapacity - r.peakFacility;
  const SourceSplit split(layout, r.nominal);
  std::vector<double> carried;
  split.carry(r.nominal.sourceDraw, carried);
  for (std::size_t k = 0; k < carried.size(); ++k) {
    const PowerKind kind = split.sources()[k].kind;
    if (kind == PowerKind::Grid) r.gridCarried += carried[k];
    if (kind == PowerKind::Generator) r.generationCarried += carried[k];
  }
  r.generationAtMinimum = split.heldAtMinimum(r.nominal.sourceDraw);
  const double primaryDraw = r.peak.sourceDraw - r.peak.batteryDraw;
  if (primaryDraw > r.sourceCapacity * (1 + 1e-9))
    r.findings.push_back(engine::makeFinding(Severity::Error, "", "power.source-short",
                                             "The site draws " + units::formatPower(primaryDraw) +
                                                 " at peak but grid and generation provide " +
                                                 units::formatPower(r.sourceCapacity),
                                             primaryDraw, r.sourceCapacity));
  // An outage can come at the busiest moment: batteries must carry the peak draw.
  if (r.batteryEnergy <= 0 && r.peakFacility > 0) {
    // UPS without battery nodes: their stored energy is not in the design, so nothing is checked.
    const auto ups = std::count_if(layout.power.begin(), layout.power.end(),
                                   [](const design::PowerNode& n) { return n.kind == PowerKind::Ups; });
    if (ups > 0)
      r.findings.push_back(engine::makeFinding(
          Severity::Info, "", "power.ride-through-unstated",
          "The design has " + base::thousands(ups) + (ups == 1 ? " UPS" : " UPS units") +
              " but no batteries (kind: battery): their stored energy is not in the design, so the ride-through "
              "through an outage is not checked; add the UPS batteries as battery nodes to check it against the " +
              units::format(kRideThroughTarget, units::Dimension::Time) + " planning target",
          0, kRideThroughTarget / 60));
  }
  if (r.batteryEnergy <= 0 || r.peakFacility <= 0) return;
  r.rideThrough = r.batteryEnergy / r.peakFacility;
  if (r.rideThrough < kRideThroughTarget)
    r.findings.push_back(engine::makeFinding(
        Severity::Warning, "", "power.ride-through-short",
        "Batteries carry the site for " + units::format(r.rideThrough, units::Dimension::Time) +
            " at its peak draw of " + units::formatPower(r.peakFacility) + "; planning target 5 min (assumed, grade U)",
        r.rideThrough / 60, kRideThroughTarget / 60));
  if (r.batteryPower < r.peakFacility)
    r.findings.push_back(engine::makeFinding(Severity::Warning, "", "power.battery-power-short",
                                             "Batteries discharge at most " + units::formatPower(r.batteryPower) +
                                                 " but the site draws " + units::formatPower(r.peakFacility) +
                                                 " at peak; ride-through covers only part of the load",
                                             r.peakFacility, r.batteryPower));
}

// power.thin-margin (base/margin.h): gear within a few percent of its rating at peak or with one
// node failed, but not over it (that is power.overload or power.redundancy-lost). One note for the site.
void thinMargins(const design::Layout& layout, const PowerGraph& g, PowerResult& r) {
  base::ThinMargins thin;
  for (std::size_t i = 0; i < layout.power.size(); ++i) {
    if (g.capacity[i] <= 0 || g.source[i]) continue;
    const double failed = i < r.failover.worstUtilisation.size() ? r.failover.worstUtilisation[i] : 0.0;
    thin.add(std::max(r.utilisation[i], failed), design::toString(layout.power[i].kind), layout.power[i].id);
  }
  if (thin.count() > 0)
    r.findings.push_back(engine::makeFinding(Severity::Info, thin.worstId(), "power.thin-margin",
                                             thin.text("power node", "at peak or with one node failed"), thin.worst(),
                                             base::kThinMargin));
}

}  // namespace

SourceCapacity sourceCapacity(const design::Layout& layout, const PowerGraph& g) {
  SourceCapacity c;
  for (std::size_t i = 0; i < layout.power.size(); ++i) {
    const design::PowerNode& node = layout.power[i];
    if (node.kind == PowerKind::Grid) c.grid += deliverable(g, static_cast<int>(i), node.rating);
    if (node.kind == PowerKind::Generator) c.generation += deliverable(g, static_cast<int>(i), node.rating);
  }
  return c;
}

std::string carriedText(const PowerResult& r) {
  if (r.generationCarried <= 0) return {};
  return "grid " + units::formatPower(r.gridCarried) + ", generation " + units::formatPower(r.generationCarried) +
         (r.generationAtMinimum ? " (a generator held at its minimum load, above its share)" : "");
}

PowerResult analyzePower(const design::Layout& layout, const PowerGraph& g, const SupplyDominators& dom,
                         const PowerDemand& nominal, const PowerDemand& peak) {
  PowerResult r;
  r.nominal = flowLoads(layout, g, nominal);
  r.peak = flowLoads(layout, g, peak);
  r.it = r.nominal.it;
  r.unfed = r.nominal.unfed;
  r.network = r.nominal.network;
  r.cooling = r.nominal.cooling;
  r.losses = r.nominal.losses;
  r.facility = r.nominal.sourceDraw + r.nominal.stranded;
  r.peakFacility = r.peak.sourceDraw + r.peak.stranded;
  r.pue = r.it + r.network > 0 ? r.facility / (r.it + r.network) : 0;
  checkNodes(layout, g, r);
  sourcesAndBatteries(layout, g, r);
  r.failover = checkFailover(layout, g, dom, r.peak, peak);
  r.findings.insert(r.findings.end(), r.failover.findings.begin(), r.failover.findings.end());
  thinMargins(layout, g, r);
  return r;
}

}  // namespace gigaplan::power
