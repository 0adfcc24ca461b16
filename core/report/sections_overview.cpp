// Report sections: summary, site plan and 3D picture, compute, fabric.
#include <algorithm>

#include "core/base/thousands.h"
#include "core/evaluate/network_loads.h"
#include "core/reliability/failure_domains.h"
#include "core/report/charts.h"
#include "core/report/report_sections.h"
#include "core/report/site_plan.h"

namespace gigaplan::report::sections {

using units::Dimension;

namespace {

// "6,816 racks (5,952 compute, 864 network, 0 storage) and 2,784 switch racks in the core room":
// the layout's racks by kind, then the core room's, which the fabric lays out around its spine
// position and no row holds.
std::string racksText(const engine::Evaluation& e) {
  const engine::ComputeSummary& c = e.compute;
  std::string text = count(c.racks) + (c.racks == 1 ? " rack (" : " racks (") + count(c.computeRacks) + " compute, " +
                     count(c.networkRacks) + " network, " + count(c.storageRacks) + " storage)";
  if (e.fabric.coreRoomRacks > 0)
    text += " and " + count(e.fabric.coreRoomRacks) +
            (e.fabric.coreRoomRacks == 1 ? " switch rack in the core room" : " switch racks in the core room");
  return text;
}

}  // namespace

Section summary(const ReportInputs& in) {
  const engine::Evaluation& e = in.eval;
  const design::Layout& l = in.design.layout;
  Section s{"summary", "Summary", {}};
  std::string text = count(e.compute.gpus) + " GPUs in " + racksText(e) + " across " +
                     count(static_cast<std::int64_t>(l.halls.size())) +
                     (l.halls.size() == 1 ? " hall draw " : " halls draw ") + megawatts(e.power.it) +
                     " of IT load; with network, cooling and conversion losses the facility draws " +
                     megawatts(e.power.facility) + " (PUE " + pue(e.power.pue) + ").";
  if (e.power.sourceCapacity > 0) {
    text += " Grid and generation provide " + megawatts(e.power.sourceCapacity) + ", leaving " +
            megawatts(e.power.headroom) + " of headroom at peak.";
  }
  s.blocks.push_back(Paragraph{text});
  if (in.training.ok) {
    const training::Estimate& t = in.training.estimate;
    s.blocks.push_back(Paragraph{
        "Training " + (t.job.model.name.empty() ? std::string("the design's job") : t.job.model.name) + " on " +
        count(t.gpusUsed) + (in.design.design.phases.empty() ? "" : " GPUs of the finished site") +
        (in.design.design.phases.empty() ? " GPUs" : "") + " takes " + kApprox + fixed(t.effectiveTrainingDays, 1) +
        " days with interruptions (goodput " + percent(t.reliability.goodput) + ") and " + kApprox +
        approximately(t.energyMwh) + " MWh of facility energy (an upper bound)." +
        (in.design.design.phases.empty()
             ? ""
             : " Started on its date on the phases as they come online, it runs as the Phases section "
               "shows.")});
  }
  if (e.errors + e.warnings > 0) {
    s.blocks.push_back(Paragraph{"The engine raised " + counted(e.errors, "error") + " and " +
                                     counted(e.warnings, "warning") + "; they are listed under Findings.",
                                 e.errors > 0 ? Tone::Error : Tone::Warning});
  }
  KeyValues kv;
  kv.entries = {
      {"Site", in.design.design.site.name},
      {"Location", in.design.design.site.location},
      {"Design ambient", fixed(in.design.design.site.ambient, 1) + " \u00b0C dry bulb, " +
                             fixed(in.design.design.site.wetBulb, 1) + " \u00b0C wet bulb"},
      {"Peak dense compute", quantity(e.compute.peakBf16, Dimension::Compute) + " BF16, " +
                                 quantity(e.compute.peakFp8, Dimension::Compute) + " FP8"},
      {"Fabric", std::to_string(e.fabric.tiers) + " tiers, " + count(e.fabric.totalSwitches) + " switches, bisection " +
                     rate(e.fabric.bisectionBandwidth)},
      {"Cooling", "heat " + power(e.cooling.heat) + ", plant draw " + kApprox + power(e.cooling.power)},
      {"Largest failure domain", reliability::largestDomainText(e.reliability)},
  };
  s.blocks.push_back(kv);
  ChartOptions o;
  o.width = in.contentWidth;
  o.unit = "MW";
  o.scale = 1e-6;
  o.limit = e.power.sourceCapacity;
  o.limitLabel = e.power.sourceCapacity > 0 ? "grid + generation " + megawatts(e.power.sourceCapacity) : "";
  const std::vector<Bar> parts = {{"IT", e.power.it, paletteColor(0), megawatts(e.power.it)},
                                  {"network", e.power.network, paletteColor(4), megawatts(e.power.network)},
                                  {"cooling", e.power.cooling, paletteColor(1), kApprox + megawatts(e.power.cooling)},
                                  {"losses", e.power.losses, paletteColor(3), megawatts(e.power.losses)}};
  Figure f{
      "power-breakdown", "Facility power at design load by use, against the source capacity", {stackedBar(parts, o)}};
  f.parts.front().title = "Facility power by use";
  s.blocks.push_back(std::move(f));
  return s;
}

Section site(const ReportInputs& in) {
  Section s{"site", "Site plan", {}};
  const auto& site = in.design.design.site;
  SitePlanOptions o;
  o.width = in.contentWidth;
  o.maxPlotHeight = std::min(560.0, in.maxFigureHeight - 140);
  const bool coreRoom = in.eval.fabric.coreRoomRacks > 0;
  s.blocks.push_back(
      Figure{"site-plan",
             "Top view, " + fixed(site.size.x, 0) + " m \u00d7 " + fixed(site.size.y, 0) +
                 " m site; halls and compute racks coloured by hall, power gear and feed lines by power path" +
                 (coreRoom ? "; the core room is where the engine places the spine and core switches" : ""),
             {sitePlan(site, in.design.layout, o, &in.eval.fabric)}});
  Picture p{"site-3d", "The site in 3D (GigaPlan's view, coloured by equipment type)", in.picturePng, in.pictureNote};
  if (p.png.empty() && p.note.empty()) p.note = "No 3D picture: it needs a display.";
  s.blocks.push_back(std::move(p));
  return s;
}

Section compute(const ReportInputs& in) {
  const engine::ComputeSummary& c = in.eval.compute;
  Section s{"compute", "Compute", {}};
  Table t;
  t.caption = "GPUs by type";
  t.columns = {{"GPU", Align::Left, 2},           {"GPUs", Align::Right},    {"racks", Align::Right},
               {"scale-up domain", Align::Right}, {"domains", Align::Right}, {"scale-up per GPU", Align::Right}};
  for (const auto& g : c.byType) {
    t.rows.push_back({g.name.empty() ? g.gpu : g.name, count(g.count), count(g.racks), count(g.domainSize) + " GPUs",
                      count(g.domains), rate(g.scaleUpBandwidth)});
  }
  if (t.rows.empty())
    s.blocks.push_back(Paragraph{"The design has no GPUs.", Tone::Warning});
  else
    s.blocks.push_back(std::move(t));
  KeyValues kv;
  kv.entries = {
      {"GPUs", count(c.gpus)},
      {"Racks", racksText(in.eval)},
      {"Peak dense BF16 / FP8 / FP4",
       quantity(c.peakBf16, Dimension::Compute) + " / " + quantity(c.peakFp8, Dimension::Compute) + " / " +
           (c.peakFp4 > 0 ? quantity(c.peakFp4, Dimension::Compute) : std::string("n/a"))},
      {"HBM", quantity(c.hbm, Dimension::DataSize) + ", " + units::formatByteRate(c.hbmBandwidth) + " aggregate"},
      {"Scale-up domains",
       engine::scaleUpDomainsText(c, [](double bw) { return rate(bw) + " per GPU per direction"; })},
      {"Storage", c.storageCapacity > 0 ? quantity(c.storageCapacity, Dimension::DataSize) + ", " +
                                              units::formatByteRate(c.storageBandwidth)
                                        : std::string("no storage racks")},
  };
  s.blocks.push_back(std::move(kv));
  return s;
}

namespace {

// The switches above the leaves: how many, their draw and where it comes from.
std::string coreRoomText(const ReportInputs& in) {
  const engine::CoreRoomDraw room = engine::coreRoomDraw(in.eval.fabric);
  if (room.switches == 0) return "none: the leaves are the only tier";
  const auto& nodes = in.design.layout.power;
  auto id = [&](int i) { return nodes[static_cast<std::size_t>(i)].id; };
  const bool a = room.feedA >= 0 && room.feedA < static_cast<int>(nodes.size());
  const bool b = room.feedB >= 0 && room.feedB < static_cast<int>(nodes.size());
  const std::string fed = a && b ? "fed by " + id(room.feedA) + " and " + id(room.feedB) + ", half each"
                          : a    ? "fed by " + id(room.feedA) + " alone"
                                 : "no feed named (network.core_feeds): drawn at the sources";
  const fabric::FabricResult& f = in.eval.fabric;
  const char* tiers = f.tiers > 2 ? " spine and core switches, " : " spine switches, ";
  // Its floor and heat per square metre: a room of switches cooled by air, which the planner sizes.
  const double w = f.coreRoomMax.x - f.coreRoomMin.x, d = f.coreRoomMax.y - f.coreRoomMin.y;
  const std::string floor =
      w > 0 && d > 0
          ? ", in " + counted(f.coreRoomRacks, "rack") + " on " + quantity(w, units::Dimension::Length) + " × " +
                quantity(d, units::Dimension::Length) + " (" + quantity(w * d, units::Dimension::Area) + ", " +
                fixed(room.power / (w * d) / 1e3, 1) + " kW/m²)"
          : "";
  return count(room.switches) + tiers + power(room.power) + " with their optics" + floor + "; " + fed;
}

}  // namespace

Section fabric(const ReportInputs& in) {
  const fabric::FabricResult& f = in.eval.fabric;
  Section s{"fabric", "Fabric", {}};
  if (!f.problem.empty()) s.blocks.push_back(Paragraph{"The fabric could not be built: " + f.problem, Tone::Error});
  KeyValues kv;
  kv.entries = {
      {"Topology",
       std::string(design::toString(f.topology)) + ", " + std::to_string(f.tiers) + " tiers, switch " + f.switchModel},
      {"Switches", count(f.totalSwitches) + " (" + power(f.switchPower) + " without optics)"},
      {"Core room", coreRoomText(in)},
      {"Endpoints", count(f.endpoints) + " links at " + rate(f.linkRate) + "; each GPU injects " +
                        fabric::injectionText(f, [](double bw) { return rate(bw); })},
      {"Bisection", rate(f.bisectionBandwidth) + " one direction (" + fabric::bisectionBoundText(f) +
                        "); longest path " + std::to_string(f.maxHops) + " switch hops"},
      {"Pods / leaf groups",
       count(f.pods) + (f.pods == 1 ? " pod of " : " pods of up to ") + count(f.podGpus) + " GPUs; " +
           count(f.leafGroups) + (f.leafGroups == 1 ? " leaf group of " : " leaf groups of ") +
           (f.gpuLinks.size() > 1 ? "up to " + count(f.leafGroupGpus) + " GPUs of " + f.gpuLinks.front().gpu +
                                        " (other types' groups by "
                                        "their nodes)"
                                  : count(f.leafGroupGpus) + " GPUs")},
      {"Cables", count(f.totalCables) + ", " + kApprox + length(f.totalCableLength) + " routed; " +
                     count(f.transceivers) + (f.transceivers == 1 ? " transceiver" : " transceivers") +
                     (f.nicTransceivers > 0 ? " (" + fabric::nicModulesText(f) + ")" : std::string()) + "; " +
                     power(f.opticsPower) + " of optics at the switches"},
  };
  s.blocks.push_back(std::move(kv));
  Table tiers;
  tiers.caption = "Switch tiers";
  tiers.columns = {{"tier", Align::Left},
                   {"switches", Align::Right},
                   {"links down", Align::Right},
                   {"links up", Align::Right},
                   {"ports used", Align::Right},
                   {"ports free", Align::Right},
                   {"oversubscription", Align::Right}};
  for (const auto& t : f.tierStats) {
    tiers.rows.push_back({std::to_string(t.tier) + " " + t.name, count(t.switches), count(t.linksDown),
                          count(t.linksUp), count(t.portsUsed), count(t.portsFree),
                          t.linksUp > 0 ? fixed(t.oversubscription, 2) + ":1" : std::string("\u2013")});
  }
  if (!tiers.rows.empty()) s.blocks.push_back(std::move(tiers));
  Table cables;
  cables.caption = "Cables by medium and routed length";
  cables.columns = {{"medium", Align::Left, 2},     {"length", Align::Left},        {"cables", Align::Right},
                    {"total length", Align::Right}, {"transceivers", Align::Right}, {"optics power", Align::Right}};
  for (const auto& c : f.cables) {
    const catalog::CableMedium* m = in.design.catalog->medium(c.medium);
    cables.rows.push_back({m ? m->name : c.medium, std::string(fabric::bucketLabel(c.bucket)), count(c.count),
                           kApprox + length(c.totalLength), count(c.transceivers), power(c.opticsPower)});
  }
  if (!cables.rows.empty()) {
    cables.footnote = "Lengths are routed over the cable trays at " + fixed(in.design.design.network.trayHeight, 1) +
                      " m with " + percent(in.design.design.network.slack) + " slack: estimates, not surveyed runs.";
    if (f.nicTransceivers > 0)
      cables.footnote += " Transceivers include " + fabric::nicModulesText(f) +
                         "; optics power counts only the modules at the switches.";
    s.blocks.push_back(std::move(cables));
  }
  if (!f.overlongCables.empty()) {
    std::int64_t n = 0;
    double longest = 0;
    for (const auto& o : f.overlongCables) n += o.count, longest = std::max(longest, o.length);
    s.blocks.push_back(Paragraph{
        count(n) + " cables are longer than any medium reaches at this rate (longest " + length(longest) + ").",
        Tone::Error});
  }
  for (const auto& p : f.portShortfalls) s.blocks.push_back(Paragraph{p.message, Tone::Error});
  return s;
}

}  // namespace gigaplan::report::sections
