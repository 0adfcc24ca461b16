// Two designs side by side (see comparison.h).
#include "core/report/comparison.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <tuple>

#include "core/base/json_writer.h"
#include "core/io/design_io.h"
#include "core/report/escape.h"
#include "core/report/report_format.h"
#include "core/report/report_sections.h"
#include "core/units/units.h"

namespace gigaplan::report {
namespace {

constexpr double MW = 1e6;
constexpr int kSignificant = -1;  // decimals chosen so the larger side shows three significant figures

struct ComparedFigure {
  std::string key, section, label, unit;
  int decimals = 0;
  double value = 0;  // in `unit`
  // A quantity (counts and ratios have none): shown in the unit units::scaleOf picks for its row's
  // larger side, each `unit` being `perUnit` SI units; `per` follows the shown unit ("/day").
  std::optional<units::Dimension> dimension;
  double perUnit = 1;
  std::string per;
  bool present = true;  // false: the design has no such figure (FP4 on GPUs without it), shown "–"
};

// A count or a ratio, shown as it is.
ComparedFigure plain(std::string key, std::string section, std::string label, std::string unit, int decimals,
                     double value) {
  return {std::move(key), std::move(section), std::move(label), std::move(unit), decimals, value, std::nullopt, 1, ""};
}

// A quantity given in `unit`, `perUnit` SI each: the JSON keeps it so; the text shows the row in the
// unit its larger side reads best in, with three significant figures.
ComparedFigure quantity(std::string key, std::string section, std::string label, double value, units::Dimension d,
                        std::string unit, double perUnit, std::string per = "") {
  return {std::move(key), std::move(section), std::move(label), std::move(unit), kSignificant, value, d,
          perUnit,        std::move(per)};
}

// The site's findings with its job's, as validate and evaluate count them, whether or not the
// evaluation given carries the job's already (the report's does, a loaded design's does not).
std::vector<engine::Finding> siteFindings(const ComparedDesign& d) {
  std::vector<engine::Finding> out = d.eval.findings;
  if (!d.training) return out;
  for (const engine::Finding& f : trainingFindings(*d.training)) {
    const bool there = std::any_of(out.begin(), out.end(), [&](const engine::Finding& g) {
      return g.severity == f.severity && g.code == f.code && g.object == f.object && g.message == f.message;
    });
    if (!there) out.push_back(f);
  }
  return out;
}

std::size_t countOf(const std::vector<engine::Finding>& findings, engine::Severity s) {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [s](const engine::Finding& f) { return f.severity == s; }));
}

// The headline figures of one design, in the order the table shows them. One list for both
// sides, so a metric is never on one side only unless the design lacks it (training).
// `found` is the design's siteFindings.
std::vector<ComparedFigure> figures(const ComparedDesign& d, const std::vector<engine::Finding>& found) {
  const engine::Evaluation& e = d.eval;
  using units::Dimension;
  const auto power = [](std::string key, std::string section, std::string label, double watts) {
    return quantity(std::move(key), std::move(section), std::move(label), watts / MW, Dimension::Power, "MW", MW);
  };
  std::vector<ComparedFigure> f = {
      plain("gpus", "Compute", "GPUs", "", 0, static_cast<double>(e.compute.gpus)),
      plain("racks", "Compute", "Racks", "", 0, static_cast<double>(e.compute.racks)),
      quantity("peak_bf16_pflops", "Compute", "Peak dense BF16", e.compute.peakBf16 / 1e15, Dimension::Compute,
               "PFLOP/s", 1e15),
      quantity("peak_fp8_pflops", "Compute", "Peak dense FP8", e.compute.peakFp8 / 1e15, Dimension::Compute, "PFLOP/s",
               1e15),
      quantity("peak_fp4_pflops", "Compute", "Peak dense FP4", e.compute.peakFp4 / 1e15, Dimension::Compute, "PFLOP/s",
               1e15),
      quantity("hbm_tb", "Compute", "HBM", e.compute.hbm / 1e12, Dimension::DataSize, "TB", 1e12),
      plain("scale_up_domains", "Compute", "Scale-up domains", "", 0, static_cast<double>(e.compute.scaleUpDomains)),
      plain("tiers", "Fabric", "Fabric tiers", "", 0, static_cast<double>(e.fabric.tiers)),
      plain("switches", "Fabric", "Switches", "", 0, static_cast<double>(e.fabric.totalSwitches)),
      quantity("bisection_tbps", "Fabric", "Bisection", e.fabric.bisectionBandwidth * 8 / 1e12, Dimension::DataRate,
               "Tb/s", 1e12 / 8),
      plain("cables", "Fabric", "Cables", "", 0, static_cast<double>(e.fabric.totalCables)),
      quantity("cable_length_km", "Fabric", "Cable length", e.fabric.totalCableLength / 1e3, Dimension::Length, "km",
               1e3),
      plain("transceivers", "Fabric", "Transceivers", "", 0, static_cast<double>(e.fabric.transceivers)),
      power("switch_power_mw", "Fabric", "Switch power", e.fabric.switchPower),
      power("optics_power_mw", "Fabric", "Switch-side optics power", e.fabric.opticsPower),
      power("it_mw", "Power", "IT load", e.power.it),
      power("network_mw", "Power", "Network", e.power.network),
      power("cooling_mw", "Power", "Cooling", e.power.cooling),
      power("losses_mw", "Power", "Conversion losses", e.power.losses),
      power("facility_mw", "Power", "Facility power", e.power.facility),
      power("peak_facility_mw", "Power", "Peak facility power", e.power.peakFacility),
      plain("pue", "Power", "PUE", "", 3, e.power.pue),
      power("source_capacity_mw", "Power", "Grid + generation", e.power.sourceCapacity),
      power("headroom_mw", "Power", "Headroom at peak", e.power.headroom),
      quantity("ride_through_min", "Power", "Battery ride-through", e.power.rideThrough / 60, Dimension::Time, "min",
               60),
      power("heat_mw", "Cooling", "Heat", e.cooling.heat),
      power("capacity_mw", "Cooling", "Cooling capacity", e.cooling.capacity),
      power("rejection_capacity_mw", "Cooling", "Rejection capacity", e.cooling.rejectionCapacity),
      power("cooling_power_mw", "Cooling", "Cooling plant power", e.cooling.power),
      quantity("water_m3_per_day", "Cooling", "Water", e.cooling.water / 1e3, Dimension::Volume, "m³/day", 1e3, "/day"),
      plain("largest_failure_domain_gpus", "Reliability", "Largest failure domain", "GPUs", 0,
            static_cast<double>(e.reliability.largestGpus)),
      plain("errors", "Findings", "Errors", "", 0, static_cast<double>(countOf(found, engine::Severity::Error))),
      plain("warnings", "Findings", "Warnings", "", 0, static_cast<double>(countOf(found, engine::Severity::Warning))),
      plain("infos", "Findings", "Notes", "", 0, static_cast<double>(countOf(found, engine::Severity::Info))),
  };
  // GPUs without FP4 (H100) have no FP4 figure, as evaluate prints "n/a": not "0 EFLOP/s".
  if (e.compute.gpus > 0 && e.compute.peakFp4 <= 0)
    for (ComparedFigure& x : f)
      if (x.key == "peak_fp4_pflops") x.present = false;
  if (d.training && d.training->ok) {
    const training::Estimate& t = d.training->estimate;
    const std::vector<ComparedFigure> more = {
        plain("training_gpus", "Training", "GPUs used", "", 0, static_cast<double>(t.gpusUsed)),
        quantity("step_time_s", "Training", "Step time", t.step.total, Dimension::Time, "s", 1),
        plain("mfu", "Training", "MFU", "%", 1, t.mfu * 100),
        plain("training_days", "Training", "Training time (with interruptions)", "days", kSignificant,
              t.effectiveTrainingDays),
        plain("goodput", "Training", "Goodput", "%", 1, t.reliability.goodput * 100),
        quantity("energy_mwh", "Training", "Facility energy", t.energyMwh, Dimension::Energy, "MWh", 3.6e9),
    };
    f.insert(f.end(), more.begin(), more.end());
  }
  return f;
}

using FindingKey = std::tuple<int, std::string, std::string>;
FindingKey keyOf(const engine::Finding& f) {
  return {static_cast<int>(f.severity), f.code, f.object};
}

// Findings of `from` that `other` lacks, each key counted: two of a kind in A and one in B leave one.
std::vector<engine::Finding> missingIn(const std::vector<engine::Finding>& from,
                                       const std::vector<engine::Finding>& other, std::size_t* kept) {
  std::map<FindingKey, int> available;
  for (const auto& f : other) ++available[keyOf(f)];
  std::vector<engine::Finding> missing;
  for (const auto& f : from) {
    auto it = available.find(keyOf(f));
    if (it != available.end() && it->second > 0) {
      --it->second;
      if (kept) ++*kept;
    } else {
      missing.push_back(f);
    }
  }
  return missing;
}

std::string signedFixed(double v, int decimals) {
  std::string body = fixed(std::fabs(v), decimals);
  if (body.find_first_not_of("0.,") == std::string::npos) return body;  // rounds to zero
  return (v < 0 ? "\u2212" : "+") + body;
}

// Display width of UTF-8 text: counts code points (every character we print is one column wide).
std::size_t columns(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = columns(s);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

// "A trains …; B trains …" for the text and Markdown headers; empty when neither design has a job.
std::string jobsLine(const Comparison& c) {
  if (c.jobA.empty() && c.jobB.empty()) return {};
  return "A trains " + (c.jobA.empty() ? std::string("nothing") : c.jobA) + "; B trains " +
         (c.jobB.empty() ? std::string("nothing") : c.jobB);
}

std::string findingLine(const engine::Finding& f) {
  return std::string(engine::toString(f.severity)) + " " + (f.object.empty() ? "site" : f.object) + " [" + f.code +
         "] " + f.message;
}

}  // namespace

std::string ComparedMetric::valueText(bool sideB) const {
  if (!(sideB ? inB : inA)) return "\u2013";
  return fixed((sideB ? b : a) * shownScale, decimals) + (shownUnit.empty() ? "" : " " + shownUnit);
}

std::string ComparedMetric::differenceText() const {
  if (!inA || !inB) return "";
  return signedFixed(difference() * shownScale, decimals) + (shownUnit.empty() || unit == "%" ? "" : " " + shownUnit) +
         (unit == "%" ? " points" : "");
}

std::string ComparedMetric::changeText() const {
  if (!inA || !inB) return inB ? "only in B" : "only in A";
  if (const auto c = change()) return signedFixed(*c * 100, 1) + " %";
  return b == 0 ? "" : "new";
}

bool ComparedMetric::differs() const {
  if (inA != inB) return true;
  return fixed(a * shownScale, decimals) != fixed(b * shownScale, decimals);
}

std::optional<double> ComparedMetric::change() const {
  if (!inA || !inB || a == 0) return std::nullopt;
  return (b - a) / std::fabs(a);
}

std::size_t Comparison::changedMetrics() const {
  return static_cast<std::size_t>(
      std::count_if(metrics.begin(), metrics.end(), [](const ComparedMetric& m) { return m.differs(); }));
}

Comparison compare(const ComparedDesign& a, const ComparedDesign& b) {
  Comparison c;
  c.labelA = a.label;
  c.labelB = b.label;
  c.siteA = a.design.design.site.name;
  c.siteB = b.design.design.site.name;
  const auto job = [](const ComparedDesign& d) {
    return d.training && d.training->ok ? jobLabel(d.training->estimate, d.training->cluster.gpu) : std::string();
  };
  c.jobA = job(a);
  c.jobB = job(b);
  const std::vector<engine::Finding> findingsA = siteFindings(a), findingsB = siteFindings(b);
  const std::vector<ComparedFigure> fa = figures(a, findingsA), fb = figures(b, findingsB);
  std::vector<const ComparedFigure*> figureOf;  // per metric
  auto add = [&](const ComparedFigure& f) -> ComparedMetric& {
    c.metrics.push_back({f.key, f.section, f.label, f.unit, f.decimals, 0, 0, true, true, f.unit, 1});
    figureOf.push_back(&f);
    return c.metrics.back();
  };
  for (const ComparedFigure& f : fa) {
    ComparedMetric& m = add(f);
    m.a = f.value;
    m.inA = f.present;
    const auto it = std::find_if(fb.begin(), fb.end(), [&](const ComparedFigure& g) { return g.key == f.key; });
    if (it != fb.end()) {
      m.b = it->value;
      m.inB = it->present;
    } else {
      m.inB = false;
    }
  }
  for (const ComparedFigure& f : fb) {
    if (std::any_of(fa.begin(), fa.end(), [&](const ComparedFigure& g) { return g.key == f.key; })) continue;
    ComparedMetric& m = add(f);
    m.inA = false;
    m.b = f.value;
    m.inB = f.present;
  }
  for (std::size_t i = 0; i < c.metrics.size(); ++i) {
    ComparedMetric& m = c.metrics[i];
    const ComparedFigure& f = *figureOf[i];
    const double larger = std::max(m.inA ? std::fabs(m.a) : 0.0, m.inB ? std::fabs(m.b) : 0.0);
    m.shownUnit = m.unit;
    if (f.dimension && larger > 0) {  // one unit for the row, the one its larger side reads best in
      units::Scale scale = units::scaleOf(larger * f.perUnit, *f.dimension);
      // Power stops at MW, as the report's headline figures do: a gigawatt site's changes of a few
      // MW would read as none in GW at three significant figures.
      if (*f.dimension == units::Dimension::Power && scale.factor > 1e6)
        scale = units::scaleOf(1e6, units::Dimension::Power);
      m.shownScale = f.perUnit / scale.factor;
      m.shownUnit = std::string(scale.symbol) + f.per;
    }
    if (m.decimals != kSignificant) continue;
    const double shown = larger * m.shownScale;
    m.decimals = shown > 0 ? std::clamp(2 - static_cast<int>(std::floor(std::log10(shown))), 0, 3) : 0;
  }
  c.appeared = missingIn(findingsB, findingsA, nullptr);
  c.disappeared = missingIn(findingsA, findingsB, &c.kept);
  c.objects = design::diffLayouts(a.design.layout, b.design.layout);
  return c;
}

std::string objectSummary(const Comparison& c) {
  const design::DifferenceCounts counts = design::countDifferences(c.objects);
  std::string out;
  for (std::size_t t = 0; t < counts.size(); ++t)
    for (std::size_t ch = 0; ch < 3; ++ch) {
      if (counts[t][ch] == 0) continue;
      out += (out.empty() ? "" : ", ") +
             counted(static_cast<std::int64_t>(counts[t][ch]), std::string(toString(design::ObjectType(t)))) + " " +
             std::string(toString(design::ObjectChange(ch)));
    }
  return out.empty() ? "none" : out;
}

std::string objectLine(const design::ObjectDifference& d) {
  const char* mark = d.change == design::ObjectChange::Added     ? "+ "
                     : d.change == design::ObjectChange::Removed ? "\u2212 "
                                                                 : "~ ";
  return mark + std::string(toString(d.type)) + " " + d.id + (d.what.empty() ? "" : ": " + d.what);
}

std::string comparisonText(const Comparison& c, bool onlyChanged) {
  std::ostringstream o;
  o << "A: " << c.labelA << (c.siteA.empty() ? "" : " (" + c.siteA + ")") << "\n";
  o << "B: " << c.labelB << (c.siteB.empty() ? "" : " (" + c.siteB + ")") << "\n";
  // The Training rows compare these, which may differ.
  if (const std::string jobs = jobsLine(c); !jobs.empty()) o << "Jobs: " << jobs << "\n";
  std::vector<std::array<std::string, 5>> rows;
  std::vector<std::string> sections;
  for (const auto& m : c.metrics) {
    if (onlyChanged && !m.differs()) continue;
    rows.push_back({m.label, m.valueText(false), m.valueText(true), m.differenceText(), m.changeText()});
    sections.push_back(m.section);
  }
  std::array<std::size_t, 5> width = {6, 1, 1, 10, 6};
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], columns(r[i]));
  const auto row = [&](const std::array<std::string, 5>& r) {
    std::string line = "  " + pad(r[0], width[0], false);
    for (std::size_t i = 1; i < r.size(); ++i) line += "  " + pad(r[i], width[i], true);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    o << line << "\n";
  };
  o << "\n";
  row({"metric", "A", "B", "difference", "change"});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || sections[i] != sections[i - 1]) o << sections[i] << "\n";
    row(rows[i]);
  }
  if (onlyChanged) {
    const std::size_t same = c.metrics.size() - c.changedMetrics();
    o << "  (" << counted(static_cast<std::int64_t>(same), "metric") << " equal, not shown)\n";
  }
  o << "\nFindings that appear in B: " << count(static_cast<std::int64_t>(c.appeared.size())) << "\n";
  for (const auto& f : c.appeared) o << "  + " << findingLine(f) << "\n";
  o << "Findings that disappear in B: " << count(static_cast<std::int64_t>(c.disappeared.size())) << "\n";
  for (const auto& f : c.disappeared) o << "  - " << findingLine(f) << "\n";
  o << "Findings in both: " << count(static_cast<std::int64_t>(c.kept)) << "\n";
  o << "\nObjects that differ in B: " << objectSummary(c) << "\n";
  for (std::size_t i = 0; i < c.objects.size() && i < kListedObjects; ++i)
    o << "  " << objectLine(c.objects[i]) << "\n";
  if (c.objects.size() > kListedObjects)
    o << "  … and " << count(static_cast<std::int64_t>(c.objects.size() - kListedObjects))
      << " more (--json lists all)\n";
  return o.str();
}

std::string comparisonMarkdown(const Comparison& c, bool onlyChanged) {
  std::ostringstream o;
  o << "# Comparison\n\n";
  o << "- **A**: " << escapeMarkdown(c.labelA) << (c.siteA.empty() ? "" : " — " + escapeMarkdown(c.siteA)) << "\n";
  o << "- **B**: " << escapeMarkdown(c.labelB) << (c.siteB.empty() ? "" : " — " + escapeMarkdown(c.siteB)) << "\n";
  if (const std::string jobs = jobsLine(c); !jobs.empty()) o << "- **Jobs**: " << escapeMarkdown(jobs) << "\n";
  o << "\n";
  std::string section;
  for (const auto& m : c.metrics) {
    if (onlyChanged && !m.differs()) continue;
    if (m.section != section) {
      section = m.section;
      o << "\n## " << section << "\n\n| metric | A | B | difference | change |\n|---|--:|--:|--:|--:|\n";
    }
    o << "| " << escapeMarkdown(m.label) << " | " << m.valueText(false) << " | " << m.valueText(true) << " | "
      << m.differenceText() << " | " << m.changeText() << " |\n";
  }
  const auto list = [&](const char* title, const std::vector<engine::Finding>& fs) {
    o << "\n## " << title << " (" << count(static_cast<std::int64_t>(fs.size())) << ")\n\n";
    if (fs.empty()) o << "None.\n";
    for (const auto& f : fs) o << "- " << escapeMarkdown(findingLine(f)) << "\n";
  };
  list("Findings that appear in B", c.appeared);
  list("Findings that disappear in B", c.disappeared);
  o << "\n" << counted(static_cast<std::int64_t>(c.kept), "finding") << " in both.\n";
  o << "\n## Objects that differ in B\n\n" << escapeMarkdown(objectSummary(c)) << ".\n";
  if (!c.objects.empty()) o << "\n";
  for (std::size_t i = 0; i < c.objects.size() && i < kListedObjects; ++i)
    o << "- " << escapeMarkdown(objectLine(c.objects[i])) << "\n";
  if (c.objects.size() > kListedObjects)
    o << "- … and " << count(static_cast<std::int64_t>(c.objects.size() - kListedObjects)) << " more\n";
  return o.str();
}

ComparedDesign LoadedDesign::side() const {
  return {io::designLabel(design->design), *design, eval, &training};
}

LoadedDesign loadForComparison(const std::string& ref, const catalog::Catalog& base) {
  return prepareForComparison(io::loadDesign(ref, base), base);
}

LoadedDesign prepareForComparison(design::Design design, const catalog::Catalog& base) {
  LoadedDesign d;
  d.design = design::resolve(std::move(design), base);
  d.eval = engine::evaluate(d.design->design, d.design->layout, *d.design->catalog);
  d.training = planTraining(*d.design, d.eval);
  return d;
}

Section comparisonSection(const std::vector<Comparison>& comparisons) {
  Section s{"comparison", "Compared with other designs", {}};
  const std::size_t kFindingRows = 40;
  for (const Comparison& c : comparisons) {
    const std::string other = c.labelB + (c.siteB.empty() || c.siteB == c.siteA ? "" : " (" + c.siteB + ")");
    s.blocks.push_back(Paragraph{"This design against " + other + ": " +
                                     counted(static_cast<std::int64_t>(c.changedMetrics()), "headline figure") +
                                     " differ; objects that differ: " + objectSummary(c) + ".",
                                 Tone::Normal, true});
    Table t;
    t.caption = "Figures that differ from " + c.labelB;
    t.columns = {{"Figure", Align::Left, 2},
                 {"This design", Align::Right, 1},
                 {"Other", Align::Right, 1},
                 {"Difference", Align::Right, 1},
                 {"Change", Align::Right, 1}};
    for (const ComparedMetric& m : c.metrics) {
      if (!m.differs()) continue;
      // The difference as the other design has it against this one: B − A.
      t.rows.push_back(
          {m.section + ": " + m.label, m.valueText(false), m.valueText(true), m.differenceText(), m.changeText()});
    }
    const std::size_t same = c.metrics.size() - c.changedMetrics();
    if (same > 0) t.footnote = counted(static_cast<std::int64_t>(same), "other figure") + " equal in both.";
    if (t.rows.empty())
      s.blocks.push_back(Paragraph{"Every headline figure is the same in both.", Tone::Note});
    else
      s.blocks.push_back(std::move(t));
    const auto findings = [&](const std::string& caption, const std::vector<engine::Finding>& fs) {
      if (fs.empty()) return;
      Table f;
      f.caption = caption + " (" + count(static_cast<std::int64_t>(fs.size())) + ")";
      f.columns = {{"Severity", Align::Left, 1}, {"Object", Align::Left, 1}, {"Finding", Align::Left, 5}};
      for (std::size_t i = 0; i < fs.size() && i < kFindingRows; ++i) {
        f.rows.push_back({std::string(engine::toString(fs[i].severity)), fs[i].object.empty() ? "site" : fs[i].object,
                          fs[i].message});
        f.rowTones.push_back(sections::toneOf(static_cast<int>(fs[i].severity)));
      }
      if (fs.size() > kFindingRows)
        f.footnote = "showing " + count(static_cast<std::int64_t>(kFindingRows)) + " of " +
                     count(static_cast<std::int64_t>(fs.size())) + "; gigaplan compare lists all";
      s.blocks.push_back(std::move(f));
    };
    findings("Findings only in " + c.labelB, c.appeared);
    findings("Findings only in this design", c.disappeared);
    if (!c.objects.empty()) {
      // Objects that differ alike (the same kind, change and what changed) share a row: a variant
      // that swaps 832 UPS models is one line, not 832.
      struct Group {
        const design::ObjectDifference* first;
        std::size_t n = 0;
        std::string ids;
      };
      std::vector<Group> groups;
      std::map<std::tuple<design::ObjectType, design::ObjectChange, std::string>, std::size_t> index;
      for (const design::ObjectDifference& d : c.objects) {
        const auto [it, fresh] = index.try_emplace({d.type, d.change, d.what}, groups.size());
        if (fresh) groups.push_back({&d, 0, {}});
        Group& g = groups[it->second];
        if (++g.n <= 3) g.ids += (g.ids.empty() ? "" : ", ") + d.id;
        if (g.n == 4) g.ids += ", \u2026";
      }
      Table o;
      o.caption = "Objects that differ in " + c.labelB;
      o.columns = {
          {"Objects", Align::Left, 2}, {"Change", Align::Left, 1}, {"What", Align::Left, 3}, {"Which", Align::Left, 3}};
      for (std::size_t i = 0; i < groups.size() && i < kListedObjects; ++i) {
        const Group& g = groups[i];
        o.rows.push_back({counted(static_cast<std::int64_t>(g.n), std::string(toString(g.first->type))),
                          std::string(toString(g.first->change)), g.first->what, g.ids});
      }
      if (groups.size() > kListedObjects)
        o.footnote = "showing " + count(static_cast<std::int64_t>(kListedObjects)) + " of " +
                     count(static_cast<std::int64_t>(groups.size())) +
                     " kinds of change; gigaplan compare --json "
                     "lists every object";
      s.blocks.push_back(std::move(o));
    }
  }
  return s;
}

std::string comparisonJson(const Comparison& c) {
  JsonWriter j;
  j.beginObject();
  j.key("a").beginObject().field("label", c.labelA).field("site", c.siteA).field("job", c.jobA).endObject();
  j.key("b").beginObject().field("label", c.labelB).field("site", c.siteB).field("job", c.jobB).endObject();
  j.key("metrics").beginArray();
  for (const auto& m : c.metrics) {
    j.beginObject().field("key", m.key).field("section", m.section).field("label", m.label).field("unit", m.unit);
    j.key("a");
    m.inA ? j.value(m.a, 9) : j.null();
    j.key("b");
    m.inB ? j.value(m.b, 9) : j.null();
    j.key("difference");
    m.inA&& m.inB ? j.value(m.difference(), 9) : j.null();
    j.key("change");
    const auto ch = m.change();
    ch ? j.value(*ch, 9) : j.null();
    j.endObject();
  }
  j.endArray();
  const auto list = [&](const char* key, const std::vector<engine::Finding>& fs) {
    j.key(key).beginArray();
    for (const auto& f : fs) {
      j.beginObject().field("severity", engine::toString(f.severity)).field("object", f.object);
      j.field("code", f.code).field("message", f.message).endObject();
    }
    j.endArray();
  };
  j.key("findings").beginObject();
  list("appeared", c.appeared);
  list("disappeared", c.disappeared);
  j.field("kept", static_cast<std::int64_t>(c.kept));
  j.endObject();
  j.key("objects").beginArray();
  for (const auto& d : c.objects) {
    j.beginObject().field("type", toString(d.type)).field("id", d.id).field("change", toString(d.change));
    j.field("what", d.what).endObject();
  }
  j.endArray();
  j.endObject();
  return j.str() + "\n";
}

}  // namespace gigaplan::report
