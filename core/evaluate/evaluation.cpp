// evaluate(): runs the analyses in dependency order and gathers their figures and findings.
#include "core/evaluate/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/evaluate/fabric_findings.h"
#include "core/evaluate/layout_checks.h"
#include "core/evaluate/network_loads.h"
#include "core/model/rack_power.h"
#include "core/power/power_flow.h"
#include "core/power/power_graph.h"
#include "core/power/supply_paths.h"

namespace gigaplan::engine {

namespace {

// IT load of each rack at design and at peak; network racks carry no IT (their gear is network).
struct RackLoads {
  std::vector<double> nominal, peak;
};

RackLoads rackItLoads(const design::Layout& layout) {
  RackLoads l;
  l.nominal.assign(layout.racks.size(), 0.0);
  l.peak.assign(layout.racks.size(), 0.0);
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const model::RackPower p = model::rackItPower(layout.racks[r]);  // network racks: their switches, below
    l.nominal[r] = p.nominal;
    l.peak[r] = p.peak;
  }
  return l;
}

std::vector<double> sum(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> s(a);
  for (std::size_t i = 0; i < s.size() && i < b.size(); ++i) s[i] += b[i];
  return s;
}

// The heat loop: cooling draw → power flow → chain losses → heat in the halls → cooling draw. It
// is linear, with a gain per pass of (losses, a few % of the draw they carry) × (draw per watt of
// heat: fans plus 1/COP) — about 1 % on real plants — so passes from zero losses converge
// geometrically; they stop when the losses change by less than 1e-13 of the facility draw. A gain
// of 1 or more (absurd efficiencies or COPs) has no steady state: cooling.heat-runaway, and the
// figures keep the losses of the first pass.
struct SettledHeat {
  cooling::CoolingDemand heat;  // with the settled nodeLoss
  double gain = 0;              // the last passes' ratio of changes
  bool settled = false;
};

constexpr int kMaxHeatPasses = 200;

SettledHeat settleHeat(const design::Layout& layout, const cooling::CoolingTopology& plant,
                       const power::PowerGraph& graph, cooling::CoolingDemand heat, power::PowerDemand demand,
                       double ambient) {
  SettledHeat s;
  heat.nodeLoss.assign(layout.power.size(), 0.0);
  std::vector<double> firstLoss;  // without feedback: what the figures fall back to when nothing settles
  double lastChange = 0;
  for (int pass = 0; pass < kMaxHeatPasses; ++pass) {
    const cooling::CoolingResult c = cooling::analyzeCooling(layout, plant, heat, ambient, false);
    demand.nodeCooling = c.nodePower;
    demand.facilityCooling = c.facilityPower;
    demand.unitCooling = c.unitPower;
    const power::PowerFlow f = power::flowLoads(layout, graph, demand);
    double change = 0;
    for (std::size_t i = 0; i < heat.nodeLoss.size(); ++i) {
      const double loss = f.in[i] - f.out[i];
      change += std::fabs(loss - heat.nodeLoss[i]);
      heat.nodeLoss[i] = loss;
    }
    if (pass == 0) firstLoss = heat.nodeLoss;
    if (!std::isfinite(change)) break;
    if (pass > 0 && lastChange > 0) s.gain = change / lastChange;
    lastChange = change;
    if (change <= 1e-13 * (f.sourceDraw + f.stranded)) {
      s.settled = true;
      break;
    }
  }
  if (!s.settled) heat.nodeLoss = std::move(firstLoss);
  s.heat = std::move(heat);
  return s;
}

std::string twoDecimals(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

Finding heatRunaway(const SettledHeat& s) {
  return makeFinding(
      Severity::Error, "", "cooling.heat-runaway",
      "The cooling plant's draw and the power chain's losses feed each other without settling: each watt of "
      "heat in the halls brings about " +
          twoDecimals(s.gain) + " W more after " + std::to_string(kMaxHeatPasses) +
          " passes; check the efficiencies of the gear inside the halls and the COPs of the plant",
      s.gain, 1);
}

void append(std::vector<Finding>& to, std::vector<Finding>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void collectFindings(Evaluation& e, std::vector<Finding>&& layoutFindings, std::vector<Finding>&& fabric) {
  append(e.findings, std::move(layoutFindings));
  append(e.findings, std::move(fabric));
  append(e.findings, std::move(e.power.findings));
  append(e.findings, std::move(e.cooling.findings));
  e.power.findings.clear();
  e.cooling.findings.clear();
  addFindings(e, {});
}

void perRackValues(const design::Layout& layout, Evaluation& e) {
  const std::size_t n = layout.racks.size();
  const int nodes = static_cast<int>(layout.power.size()), units = static_cast<int>(layout.cooling.size());
  e.rackFeedUtilisation.assign(n, 0.0);
  e.rackCoolingUtilisation.assign(n, 0.0);
  e.rackFailureDomainGpus.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) {
    const design::Rack& rack = layout.racks[r];
    for (int feed : {rack.feedA, rack.feedB})
      if (feed >= 0 && feed < nodes)
        e.rackFeedUtilisation[r] = std::max(e.rackFeedUtilisation[r], e.power.utilisation[feed]);
    const int unit = rack.cdu >= 0 && rack.cdu < units ? rack.cdu : rack.airHandler;
    if (unit >= 0 && unit < units) e.rackCoolingUtilisation[r] = e.cooling.unitUtilisation[unit];
    const reliability::Element d = e.reliability.rackDomain[r];
    if (d.kind == reliability::Element::Kind::Power) e.rackFailureDomainGpus[r] = e.reliability.powerGpus[d.index];
    if (d.kind == reliability::Element::Kind::Cooling) e.rackFailureDomainGpus[r] = e.reliability.coolingGpus[d.index];
  }
}

}  // namespace

Evaluation evaluate(const design::Design& design, const design::Layout& layout, const catalog::Catalog& catalog) {
  Evaluation e;
  e.compute = summarizeCompute(layout, catalog);
  e.fabric = fabric::analyzeFabric(layout, design.network, catalog);
  const NetworkLoads network = placeNetworkLoads(layout, e.fabric);
  const RackLoads it = rackItLoads(layout);
  e.rackPower = sum(it.nominal, network.rackLoad);
  e.rackPeakPower = sum(it.peak, network.rackLoad);

  // Heat = electrical load of the racks and switches, the chain's losses and the cooling gear's
  // own draw, settled together (see settleHeat); the peak pass sizes the cooling gear's draw for
  // the peak power flow and is what the plant's capacity is checked against.
  const cooling::CoolingTopology plant = cooling::coolingTopology(layout);
  power::PowerGraph graph = power::buildPowerGraph(layout, design.site.powerFactor);
  const power::SupplyDominators dominators(graph);
  const cooling::CoolingDemand heat{
      e.rackPower, network.hallHeat, network.coreRoomHeat, network.coreRoomSwitches, network.coreRoomIds, {}};
  cooling::CoolingDemand peakHeat = heat;
  peakHeat.rackHeat = e.rackPeakPower;
  power::PowerDemand nominal{it.nominal, network.rackLoad,     {}, network.nodeLoad,
                             0,          network.facilityLoad, {}, network.twoFed};
  power::PowerDemand peak{it.peak, network.rackLoad, {}, network.nodeLoad, 0, network.facilityLoad, {}, network.twoFed};
  const SettledHeat settled = settleHeat(layout, plant, graph, heat, nominal, design.site.ambient);
  const SettledHeat settledPeak = settleHeat(layout, plant, graph, peakHeat, peak, design.site.ambient);
  // The figures are the design load's; the checks, as the power chain's, the peak's (the catalog's
  // peak_power is what capacity is checked against).
  e.cooling = cooling::analyzeCooling(layout, plant, settled.heat, design.site.ambient, false);
  cooling::CoolingResult peakCooling =
      cooling::analyzeCooling(layout, plant, settledPeak.heat, design.site.ambient, true);
  e.cooling.findings = std::move(peakCooling.findings);
  if (!settled.settled) e.cooling.findings.push_back(heatRunaway(settled));
  nominal.nodeCooling = e.cooling.nodePower;
  nominal.facilityCooling = e.cooling.facilityPower;
  nominal.unitCooling = e.cooling.unitPower;
  peak.nodeCooling = peakCooling.nodePower;
  peak.facilityCooling = peakCooling.facilityPower;
  peak.unitCooling = peakCooling.unitPower;
  // The failover check fails whole nodes (a 2N side losing its whole UPS, not only a module):
  // every node is its own single point there. Failure domains fail a bank one unit at a time, so
  // a bank whose other units keep its peak load (markSparedBanks) cuts nothing.
  power::markSparedBanks(layout, power::flowLoads(layout, graph, peak).out, graph);
  const power::SupplyDominators unitDominators(graph);
  e.power = power::analyzePower(layout, graph, dominators, nominal, peak);
  e.reliability =
      reliability::analyzeFailureDomains(layout, graph, unitDominators, plant, e.cooling.unitHeat, e.fabric);
  e.bom = billOfMaterials(layout, catalog, e.fabric);
  std::vector<Finding> checks = checkLayout(layout);
  append(checks, reliability::checkFailureShare(layout, e.reliability, design.site.maxFailureShare));
  collectFindings(e, std::move(checks), fabricFindings(layout, e.fabric, design.site.size));
  perRackValues(layout, e);
  return e;
}

void addFindings(Evaluation& e, std::vector<Finding> more) {
  append(e.findings, std::move(more));
  std::stable_sort(e.findings.begin(), e.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  e.errors = e.warnings = e.infos = 0;
  for (const Finding& f : e.findings) {
    e.errors += f.severity == Severity::Error;
    e.warnings += f.severity == Severity::Warning;
    e.infos += f.severity == Severity::Info;
  }
}

}  // namespace gigaplan::engine
