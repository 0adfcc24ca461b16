// Terminal summary of an Evaluation (see evaluation_text.h).
#include "core/report/evaluation_text.h"

#include <cstdio>
#include <sstream>

#include "core/base/thousands.h"
#include "core/reliability/failure_domains.h"
#include "core/units/units.h"

namespace gigaplan::report {
namespace {

using units::Dimension;
std::string f(double v, Dimension d) {
  return units::format(v, d);
}

}  // namespace

std::string evaluationText(const design::ResolvedDesign& d, const engine::Evaluation& e, int maxFindings) {
  std::ostringstream o;
  const auto line = [&](const char* name, const std::string& value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "  %-28s ", name);
    o << buf << value << "\n";
  };
  o << d.design.site.name << "\n\nCompute\n";
  line("GPUs", base::thousands(e.compute.gpus) + " in " + base::counted(e.compute.racks, "rack"));
  for (const auto& t : e.compute.byType) {
    line("", base::thousands(t.count) + " × " + (t.name.empty() ? t.gpu : t.name));
  }
  line("peak dense BF16 / FP8 / FP4",
       f(e.compute.peakBf16, Dimension::Compute) + " / " + f(e.compute.peakFp8, Dimension::Compute) + " / " +
           (e.compute.peakFp4 > 0 ? f(e.compute.peakFp4, Dimension::Compute) : std::string("n/a")));
  line("HBM", f(e.compute.hbm, Dimension::DataSize));
  line("scale-up domains",
       engine::scaleUpDomainsText(e.compute, [&](double bw) { return f(bw, Dimension::DataRate) + " per GPU"; }));
  o << "\nFabric\n";
  if (!e.fabric.problem.empty()) line("not built", e.fabric.problem);
  line("tiers / switches", std::to_string(e.fabric.tiers) + " / " + base::thousands(e.fabric.totalSwitches));
  line("bisection", f(e.fabric.bisectionBandwidth, Dimension::DataRate));
  line("injection per GPU", fabric::injectionText(e.fabric, [&](double bw) { return f(bw, Dimension::DataRate); }));
  // As the report's Fabric section says it: the transceivers include the GPU NICs' modules, whose
  // power is inside the racks' (IT); the optics power is the switches' modules alone (network).
  const std::string nic = fabric::nicModulesText(e.fabric);
  line("cables / transceivers", base::thousands(e.fabric.totalCables) + " / " + base::thousands(e.fabric.transceivers) +
                                    (nic.empty() ? "" : " (" + nic + ")"));
  line("optics at the switches", f(e.fabric.opticsPower, Dimension::Power));
  line("switch power", f(e.fabric.switchPower, Dimension::Power) + " without optics");
  o << "\nPower\n";
  line("IT", f(e.power.it, Dimension::Power));
  line("network", f(e.power.network, Dimension::Power));
  line("cooling", f(e.power.cooling, Dimension::Power));
  line("losses", f(e.power.losses, Dimension::Power));
  line("facility", f(e.power.facility, Dimension::Power) + " (peak " + f(e.power.peakFacility, Dimension::Power) + ")");
  char pue[32];
  std::snprintf(pue, sizeof pue, "%.3f", e.power.pue);
  line("PUE", pue);
  line("sources (grid + generation)",
       f(e.power.sourceCapacity, Dimension::Power) + ", headroom " + f(e.power.headroom, Dimension::Power));
  if (e.power.generationCarried > 0) line("carried at design load", power::carriedText(e.power));
  line("battery ride-through", e.power.rideThrough > 0 ? f(e.power.rideThrough, Dimension::Time) : "none");
  o << "\nCooling\n";
  line("heat (liquid / air)", f(e.cooling.heat, Dimension::Power) + " (" + f(e.cooling.liquidHeat, Dimension::Power) +
                                  " / " + f(e.cooling.airHeat, Dimension::Power) + ")");
  line("heat from chain losses", f(e.cooling.lossHeat, Dimension::Power));
  line("rejected to ambient", f(e.cooling.rejected, Dimension::Power));
  if (e.cooling.unassignedHeat > 0) line("heat with nowhere to go", f(e.cooling.unassignedHeat, Dimension::Power));
  line("capacity (hall side)", f(e.cooling.capacity, Dimension::Power));
  line("rejection capacity", f(e.cooling.rejectionCapacity, Dimension::Power));
  line("cooling power", f(e.cooling.power, Dimension::Power));
  line("water", f(e.cooling.water, Dimension::Volume) + " per day");
  o << "\nReliability\n";
  line("largest failure domain", reliability::largestDomainText(e.reliability));
  o << "\nFindings: " << base::counted(e.errors, "error") << ", " << base::counted(e.warnings, "warning") << ", "
    << base::counted(e.infos, "note") << "\n";
  int shown = 0;
  for (const auto& fi : e.findings) {
    if (shown++ == maxFindings) {
      o << "  … and " << (e.findings.size() - static_cast<std::size_t>(maxFindings)) << " more (see --json)\n";
      break;
    }
    o << "  " << engine::toString(fi.severity) << " " << (fi.object.empty() ? "site" : fi.object) << " [" << fi.code
      << "] " << fi.message << "\n";
  }
  return o.str();
}

}  // namespace gigaplan::report
