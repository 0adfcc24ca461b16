// evaluate(): runs the analyses in dependency order and gathers their figures and findings.
#include "core/evaluate/evaluation.h"

#include <algorithm>

#include "core/evaluate/fabric_findings.h"
#include "core/evaluate/layout_checks.h"
#include "core/evaluate/network_loads.h"
#include "core/model/rack_power.h"
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
  std::stable_sort(e.findings.begin(), e.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
  for (const Finding& f : e.findings) {
    e.errors += f.severity == Severity::Error;
    e.warnings += f.severity == Severity::Warning;
    e.infos += f.severity == Severity::Info;
  }
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
      if (feed >= 0 && feed < nodes) e.rackFeedUtilisation[r] = std::max(e.rackFeedUtilisation[r], e.power.utilisation[feed]);
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

  // Heat = electrical load of the racks (and switches); the peak pass only sizes the cooling
  // gear's draw for the peak power flow.
  const cooling::CoolingTopology plant = cooling::coolingTopology(layout);
  e.cooling = cooling::analyzeCooling(layout, plant, {e.rackPower, network.unitAirHeat, network.unplacedHeat},
                                      design.site.ambient, true);
  const cooling::CoolingResult peakCooling = cooling::analyzeCooling(
      layout, plant, {e.rackPeakPower, network.unitAirHeat, network.unplacedHeat}, design.site.ambient, false);

  power::PowerGraph graph = power::buildPowerGraph(layout, design.site.powerFactor);
  const power::PowerDemand nominal{it.nominal, network.rackLoad, e.cooling.nodePower, network.nodeLoad,
                                   e.cooling.facilityPower, network.facilityLoad, e.cooling.unitPower};
  const power::PowerDemand peak{it.peak, network.rackLoad, peakCooling.nodePower, network.nodeLoad,
                                peakCooling.facilityPower, network.facilityLoad, peakCooling.unitPower};
  // The failover check fails whole nodes (a 2N side losing its whole UPS, not only a module):
  // every node is its own single point there. Failure domains fail a bank one unit at a time, so
  // a bank whose other units keep its peak load (markSparedBanks) cuts nothing.
  const power::SupplyDominators dominators(graph);
  power::markSparedBanks(layout, power::flowLoads(layout, graph, peak).out, graph);
  const power::SupplyDominators unitDominators(graph);
  e.power = power::analyzePower(layout, graph, dominators, nominal, peak);
  e.reliability = reliability::analyzeFailureDomains(layout, graph, unitDominators, plant, e.cooling.unitHeat);
  e.bom = billOfMaterials(layout, catalog, e.fabric);
  std::vector<Finding> checks = checkLayout(layout);
  append(checks, reliability::checkFailureShare(layout, e.reliability, design.site.maxFailureShare));
  collectFindings(e, std::move(checks), fabricFindings(layout, e.fabric));
  perRackValues(layout, e);
  return e;
}

}  // namespace gigaplan::engine
