// Report sections: power (with the single-line diagram), cooling, failure domains.
#include <algorithm>
#include <map>
#include <numeric>

#include "core/base/thousands.h"
#include "core/power/power_graph.h"
#include "core/reliability/failure_domains.h"
#include "core/report/assumptions.h"
#include "core/report/charts.h"
#include "core/report/power_tree.h"
#include "core/report/report_sections.h"
#include "core/report/single_line_diagram.h"

namespace gigaplan::report::sections {
namespace {

double valueAt(const std::vector<double>& v, std::size_t i) {
  return i < v.size() ? v[i] : 0.0;
}

Table mostLoadedPowerNodes(const ReportInputs& in, std::size_t top) {
  const design::Layout& l = in.design.layout;
  const power::PowerResult& p = in.eval.power;
  std::vector<std::size_t> order(l.power.size());
  std::iota(order.begin(), order.end(), 0);
  auto util = [&](std::size_t i) {
    return std::max(valueAt(p.utilisation, i), valueAt(p.failover.worstUtilisation, i));
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return util(a) > util(b); });
  Table t;
  t.caption = "Most loaded power nodes (by the higher of peak and fail-over utilisation)";
  t.columns = {{"node", Align::Left, 2},      {"kind", Align::Left},      {"model", Align::Left, 1.5},
               {"load", Align::Right},        {"peak", Align::Right},     {"rating", Align::Right},
               {"utilisation", Align::Right}, {"fail-over", Align::Right}};
  for (std::size_t k = 0; k < order.size() && k < top; ++k) {
    const std::size_t i = order[k];
    const design::PowerNode& n = l.power[i];
    t.rows.push_back(
        {n.id, kindLabel(design::toString(n.kind)), n.model, power(valueAt(p.nominal.out, i)),
         power(valueAt(p.peak.out, i)), power::ratingText(n),
         n.rating > 0 ? percent(valueAt(p.utilisation, i)) : "\u2013",
         valueAt(p.failover.worstUtilisation, i) > 0 ? percent(valueAt(p.failover.worstUtilisation, i)) : "\u2013"});
    t.rowTones.push_back(util(i) > 1 ? Tone::Error : util(i) >= 0.8 ? Tone::Warning : Tone::Normal);
  }
  return t;
}

struct LoopStats {
  std::map<std::string, int> unitsByKind;
  double hallHeat = 0, hallCapacity = 0, rejected = 0, rejectionCapacity = 0, power = 0, water = 0, maxUtil = 0;
  std::string worstUnit;
};

std::vector<LoopStats> loopStats(const design::Layout& l, const cooling::CoolingResult& c) {
  std::vector<LoopStats> loops(static_cast<std::size_t>(std::max(c.loops, 0)));
  for (std::size_t u = 0; u < l.cooling.size(); ++u) {
    const int loop = u < c.unitLoop.size() ? c.unitLoop[u] : design::kNone;
    if (loop < 0 || loop >= c.loops) continue;
    LoopStats& s = loops[static_cast<std::size_t>(loop)];
    const design::CoolingUnit& unit = l.cooling[u];
    s.unitsByKind[kindLabel(design::toString(unit.kind))] += unit.units;
    const bool hallSide = unit.kind == design::CoolingKind::Cdu || unit.kind == design::CoolingKind::AirHandler;
    if (hallSide) s.hallHeat += valueAt(c.unitHeat, u), s.hallCapacity += unit.capacity;
    if (unit.rejectsTo.empty()) s.rejected += valueAt(c.unitRejected, u), s.rejectionCapacity += unit.capacity;
    s.power += valueAt(c.unitPower, u);
    s.water += valueAt(c.unitWater, u);
    if (valueAt(c.unitUtilisation, u) >= s.maxUtil) s.maxUtil = valueAt(c.unitUtilisation, u), s.worstUnit = unit.id;
  }
  return loops;
}

std::string unitsText(const std::map<std::string, int>& byKind) {
  std::string s;
  for (const auto& [kind, n] : byKind)
    s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + kind + (n > 1 ? "s" : "");
  return s;
}

}  // namespace

Section power(const ReportInputs& in) {
  const power::PowerResult& p = in.eval.power;
  Section s{"power", "Power", {}};
  KeyValues kv;
  kv.entries = {
      {"IT load", megawatts(p.it) + (p.unfed > 0 ? " (" + megawatts(p.unfed) + " of racks unfed, not counted)" : "")},
      {"Network", megawatts(p.network)},
      {"Cooling", kApprox + megawatts(p.cooling)},
      {"Conversion losses", megawatts(p.losses)},
      {"Facility", megawatts(p.facility) + " at design load, " + megawatts(p.peakFacility) + " at peak"},
      {"PUE", pue(p.pue)},
      {"Sources", sourcesText(p.gridCapacity, p.generationCapacity) + "; headroom at peak " + megawatts(p.headroom) +
                      (p.generationCarried > 0 ? "; carried at design load: " + power::carriedText(p) : "")},
      {"Batteries", p.batteryEnergy > 0
                        ? quantity(p.batteryEnergy, units::Dimension::Energy) + ", " + megawatts(p.batteryPower) +
                              "; ride-through " + quantity(p.rideThrough, units::Dimension::Time)
                        : std::string("none")},
      {"Fail-over check", count(p.failover.failuresChecked) + " single failures simulated"},
  };
  s.blocks.push_back(std::move(kv));
  const PowerTree tree = buildPowerTree(in.design.layout, in.eval);
  std::string how =
      "Each box is a power node under its first feed (other feeds are listed): load delivered at design load, "
      "rating (transformers and substations in MVA: capacity is rating \u00d7 the site power factor of " +
      fixed(in.design.design.site.powerFactor, 2) +
      "; busways, switchboards and PDUs at the power factor their rating is stated at: capacity is rating \u00d7 "
      "the site power factor over that one), and the bar shows peak load against capacity; fail-over is the worst "
      "utilisation with any "
      "one "
      "busway, UPS or transformer failed. The left edge carries the power path's colour, as in the site plan.";
  if (tree.collapsed) {
    how += " Identical sibling branches are drawn once as \u00d7 N (their figures are the largest in the group): " +
           count(tree.nodes) + " nodes in " + count(static_cast<std::int64_t>(tree.rows.size())) + " rows.";
  }
  s.blocks.push_back(Paragraph{how, Tone::Note});
  DiagramOptions o;
  o.width = in.contentWidth;
  // Parts of about eight rows, so a paged format can fill the page the section starts on.
  o.maxPartHeight = std::min(in.maxFigureHeight, 250.0);
  s.blocks.push_back(
      Figure{"single-line-diagram", "Power single-line diagram", singleLineDiagram(in.design.layout, tree, o)});
  if (!in.design.layout.power.empty()) s.blocks.push_back(mostLoadedPowerNodes(in, 12));
  return s;
}

Section cooling(const ReportInputs& in) {
  const cooling::CoolingResult& c = in.eval.cooling;
  const design::Layout& l = in.design.layout;
  Section s{"cooling", "Cooling", {}};
  KeyValues kv;
  kv.entries = {
      {"Heat", megawatts(c.heat) + " from racks and switches (" + megawatts(c.liquidHeat) + " to liquid, " +
                   megawatts(c.airHeat) + " to air)"},
      {"Heat from power-chain losses",
       megawatts(c.lossHeat) + " (" + megawatts(c.lossHeat - c.lossHeatOutdoors, c.lossHeat) + " into halls' air, " +
           megawatts(c.lossHeatOutdoors, c.lossHeat) + " outdoors)"},
      {"Rejected to ambient", kApprox + megawatts(c.rejected) + " (all heat, the cooling plant's own draw included)"},
      {"Hall-side capacity", megawatts(c.capacity) + " (CDUs and air handlers)"},
      {"Rejection capacity", megawatts(c.rejectionCapacity)},
      {"Cooling plant draw", kApprox + megawatts(c.power)},
      {"Water", kApprox + approximately(c.water / 1e3) + " m\u00b3 per day"},
      {"Loops", count(c.loops)},
  };
  if (c.unassignedHeat > 0) kv.entries.push_back({"Heat with no cooling unit", megawatts(c.unassignedHeat)});
  s.blocks.push_back(std::move(kv));

  const std::vector<LoopStats> loops = loopStats(l, c);
  Table t;
  t.caption = "Cooling loops (units joined by rejects_to)";
  t.columns = {{"loop", Align::Left},           {"units", Align::Left, 2.5}, {"hall heat", Align::Right},
               {"hall capacity", Align::Right}, {"rejected", Align::Right},  {"max utilisation", Align::Right},
               {"draw", Align::Right}};
  for (std::size_t i = 0; i < loops.size(); ++i) {
    const LoopStats& ls = loops[i];
    t.rows.push_back({std::to_string(i + 1), unitsText(ls.unitsByKind), power(ls.hallHeat), power(ls.hallCapacity),
                      power(ls.rejected), percent(ls.maxUtil) + " (" + ls.worstUnit + ")", kApprox + power(ls.power)});
    t.rowTones.push_back(ls.maxUtil > 1 ? Tone::Error : ls.maxUtil >= 0.8 ? Tone::Warning : Tone::Normal);
  }
  if (!t.rows.empty()) s.blocks.push_back(std::move(t));

  // Utilisation of every unit when there are few, else of the most loaded per loop.
  std::vector<Bar> bars;
  if (l.cooling.size() <= 24) {
    for (std::size_t u = 0; u < l.cooling.size(); ++u) {
      const double util = valueAt(c.unitUtilisation, u);
      bars.push_back({l.cooling[u].id, util, utilisationColor(util), percent(util)});
    }
  } else {
    std::vector<std::size_t> order(loops.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return loops[a].maxUtil > loops[b].maxUtil; });
    for (std::size_t k = 0; k < order.size() && k < 24; ++k) {
      const LoopStats& ls = loops[order[k]];
      bars.push_back({"loop " + std::to_string(order[k] + 1) + ": " + ls.worstUnit, ls.maxUtil,
                      utilisationColor(ls.maxUtil), percent(ls.maxUtil)});
    }
  }
  if (!bars.empty()) {
    ChartOptions o;
    o.width = in.contentWidth;
    o.unit = "% of capacity";
    o.scale = 100;
    o.limit = 1;
    o.limitLabel = "capacity";
    o.labelWidth = 150;
    Figure f{"cooling-utilisation",
             l.cooling.size() <= 24       ? "Heat load of each cooling unit against its capacity"
             : bars.size() < loops.size() ? "Most loaded cooling unit of each loop (the " + count(bars.size()) +
                                                " highest), against its capacity"
                                          : std::string("Most loaded cooling unit of each loop, against its capacity"),
             {barChart(bars, o)}};
    f.parts.front().title = "Cooling utilisation";
    s.blocks.push_back(std::move(f));
  }
  s.blocks.push_back(
      Paragraph{"Pump and fan draw is taken as linear in load (real pumps follow a cube law, so part-load draw "
                "is overstated). " +
                    coolingRatingNote(),
                Tone::Note});
  return s;
}

Section failureDomains(const ReportInputs& in) {
  const reliability::FailureDomains& r = in.eval.reliability;
  const design::Layout& l = in.design.layout;
  const double gpus = static_cast<double>(std::max<std::int64_t>(in.eval.compute.gpus, 1));
  Section s{"failure-domains", "Failure domains", {}};
  s.blocks.push_back(Paragraph{
      "A failure domain is what stops when one power node or cooling unit fails on its own (grid, "
      "generators and batteries excepted): racks it cuts the power or cooling of, and racks whose leaf switch it "
      "stops, since a GPU off the fabric stops a training job too. " +
      (r.largestGpus > 0 && !r.largestId.empty()
           ? "The largest: " + base::counted(r.largestGpus, "GPU") + " in " + base::counted(r.largestRacks, "rack") +
                 " behind " + r.largestId + " (" + percent(static_cast<double>(r.largestGpus) / gpus) + " of the site)."
           : std::string("This site has none: ") + reliability::kNoFailureDomain + ".")});
  struct KindStats {
    int elements = 0, withDomain = 0;
    std::int64_t maxGpus = 0;
    int maxRacks = 0;
    std::string worst;
  };
  std::map<std::string, KindStats> byKind;
  auto note = [&](const std::string& kind, const std::string& id, std::int64_t g, int racks) {
    KindStats& k = byKind[kind];
    ++k.elements;
    if (g > 0) ++k.withDomain;
    if (g > k.maxGpus || k.worst.empty()) k.maxGpus = g, k.maxRacks = racks, k.worst = id;
  };
  for (std::size_t i = 0; i < l.power.size(); ++i) {
    if (power::isSourceKind(l.power[i].kind)) continue;
    note("power: " + kindLabel(design::toString(l.power[i].kind)), l.power[i].id,
         i < r.powerGpus.size() ? r.powerGpus[i] : 0, i < r.powerRacks.size() ? r.powerRacks[i] : 0);
  }
  for (std::size_t u = 0; u < l.cooling.size(); ++u) {
    note("cooling: " + kindLabel(design::toString(l.cooling[u].kind)), l.cooling[u].id,
         u < r.coolingGpus.size() ? r.coolingGpus[u] : 0, u < r.coolingRacks.size() ? r.coolingRacks[u] : 0);
  }
  Table t;
  t.caption = "Single failures by kind of element";
  t.columns = {{"kind", Align::Left, 1.5},       {"elements", Align::Right},      {"stop GPUs", Align::Right},
               {"largest domain", Align::Right}, {"share of site", Align::Right}, {"largest behind", Align::Left, 1.5}};
  for (const auto& [kind, k] : byKind) {
    t.rows.push_back({kind, count(k.elements), count(k.withDomain),
                      counted(k.maxGpus, "GPU") + ", " + counted(k.maxRacks, "rack"),
                      percent(static_cast<double>(k.maxGpus) / gpus), k.maxGpus > 0 ? k.worst : "\u2013"});
  }
  if (!t.rows.empty()) {
    t.footnote =
        "\"elements\": the design's objects, one of which may stand for several identical units (the bill of "
        "materials counts the units); \"stop GPUs\": elements whose failure alone stops at least one GPU; "
        "redundant (2N, N+1) elements stop none.";
    s.blocks.push_back(std::move(t));
  }
  return s;
}

}  // namespace gigaplan::report::sections
