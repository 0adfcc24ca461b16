// Two designs side by side: every headline metric of each (compute, fabric, power, cooling,
// failure domains, findings, training) with the difference and the percentage change, and the
// findings that appear or disappear going from A to B. One comparison, several presentations
// (text for the terminal, Markdown, JSON), so `gigaplan compare`, reports and the app agree.
//
//   report::ComparedDesign a{"a.yaml", *ra, ea, &ta}, b{"b.yaml", *rb, eb, &tb};
//   report::Comparison c = report::compare(a, b);
//   std::cout << report::comparisonText(c);
//
// A finding is the same in both when its severity, code and object agree (its message may carry
// a figure that moved); what is left over on either side appeared or disappeared.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/design/layout_diff.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/report/report_document.h"
#include "core/report/training_plan.h"

namespace gigaplan::report {

/// One design of a comparison. `training` may be null (then no training metrics are compared).
struct ComparedDesign {
  std::string label;  // what the planner calls it: the file name, "file#variant"
  const design::ResolvedDesign& design;
  const engine::Evaluation& eval;
  const TrainingPlan* training = nullptr;
};

/// One headline metric, as A and B have it: in the unit of its JSON key (MW, PFLOP/s, days …), and
/// shown in the unit its larger side reads best in (units::scaleOf: 35.0 kW, not 0.035 MW; 4.32
/// EFLOP/s, not 4,320 PFLOP/s), the same for A, B and the difference.
struct ComparedMetric {
  std::string key;      // stable, for JSON: "facility_mw" (the names of `evaluate --json`)
  std::string section;  // "Compute", "Fabric", "Power", "Cooling", "Reliability", "Findings", "Training"
  std::string label;    // "Facility power"
  std::string unit;     // of a and b, as the JSON gives them: "MW", "" for plain counts and ratios
  int decimals = 0;     // how many decimals the text shows (of the shown values)
  double a = 0, b = 0;
  bool inA = true, inB = true;  // false when that design has no such figure (no training job)
  std::string shownUnit;        // the unit the text shows a, b and the difference in: "kW"
  double shownScale = 1;        // shown value = a × shownScale (1e3 from MW to kW)

  double difference() const { return b - a; }
  /// (b − a) / |a|; nothing when a is zero or either side lacks the figure.
  std::optional<double> change() const;
  /// The value differs at the text's precision, or is present on one side only.
  bool differs() const;

  /// As the text, Markdown, report and app show them: "412 MW" ("–" when absent), "+12.5 MW",
  /// "+3.1 %" (the JSON keeps a and b in `unit`).
  std::string valueText(bool sideB) const;
  std::string differenceText() const;
  std::string changeText() const;
};

struct Comparison {
  std::string labelA, labelB;
  std::string siteA, siteB;  // the designs' site names
  std::string jobA, jobB;    // what each design's job trains on what (jobLabel); empty without one
  std::vector<ComparedMetric> metrics;
  std::vector<engine::Finding> appeared;          // in B, not in A
  std::vector<engine::Finding> disappeared;       // in A, not in B
  std::size_t kept = 0;                           // findings in both
  std::vector<design::ObjectDifference> objects;  // objects added, removed or changed from A to B

  /// Metrics whose value differs (beyond the text's precision, or present on one side only).
  std::size_t changedMetrics() const;
};

Comparison compare(const ComparedDesign& a, const ComparedDesign& b);

/// A design loaded to be compared: resolved, evaluated and its job planned — the one way
/// `gigaplan compare`, `gigaplan report --compare` and the app load the other side.
struct LoadedDesign {
  std::shared_ptr<const design::ResolvedDesign> design;
  engine::Evaluation eval;
  TrainingPlan training;
  /// This design as one side of a comparison, labelled io::designLabel ("site.yaml#gb300").
  ComparedDesign side() const;
};
/// Loads "file.yaml" or "file.yaml#variant" against the base catalog. Throws io::LoadError.
LoadedDesign loadForComparison(const std::string& ref, const catalog::Catalog& base);
/// The same for a design already read (io::variantOf). Throws io::LoadError.
LoadedDesign prepareForComparison(design::Design design, const catalog::Catalog& base);

/// The report's "Compared with" section: for each comparison (this design as A), the metrics that
/// differ, the findings that appear or disappear and the objects that differ.
Section comparisonSection(const std::vector<Comparison>& comparisons);

/// The object differences in a line: "6,912 racks changed, 24 power nodes added" ("none").
std::string objectSummary(const Comparison& c);
/// One object difference for a list: "~ rack h1-r3-07: type gb200-nvl72 → gb300-nvl72", "+ power
/// node tx-9", "− hall h4".
std::string objectLine(const design::ObjectDifference& d);

/// Aligned table for the terminal: metric, A, B, difference, change; then the findings lists and
/// the objects that differ (the first kListedObjects of them; JSON has all).
/// `onlyChanged` leaves out metrics that are equal.
inline constexpr std::size_t kListedObjects = 40;
std::string comparisonText(const Comparison& c, bool onlyChanged = false);
/// The same as Markdown tables (names escaped).
std::string comparisonMarkdown(const Comparison& c, bool onlyChanged = false);
/// Everything, as JSON: {"a": {...}, "b": {...}, "metrics": [...], "findings": {...}}.
std::string comparisonJson(const Comparison& c);

}  // namespace gigaplan::report
