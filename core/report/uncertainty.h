// How sure is a number: a Monte Carlo over the graded catalog figures a design uses. Each entry's
// grade (V vendor document, S secondary, E arithmetic on sourced inputs, U unverified) carries a
// stated relative spread; every sample scales each figure the design depends on by a factor drawn
// from a normal distribution of that spread (a draw beyond ±3σ counts as ±3σ), evaluates the site again and
// estimates its job on the plan the nominal design gets. The result: P10 / P50 / P90 of facility
// power, PUE, training days, the run's energy and the site's water; and a tornado: each input alone
// at its own P10 and P90, ranked by how far it moves training days and facility power.
//
//   report::UncertaintyOptions o;  o.samples = 1000;
//   const report::Uncertainty u = report::propagateUncertainty(*resolved, o);
//   std::cout << u.facility.p10 << " … " << u.facility.p90 << '\n';
//
// What varies (per catalog entry the design uses): a rack type's power (nominal and peak together),
// a GPU's dense throughput (every precision together), a power gear's losses (1 − efficiency, its
// curve alike), a cooling unit's own draw, a chiller's COP and an evaporative unit's water per kWh.
// Ratings and capacities are the planner's choices and stay fixed. Samples are reproducible: the
// draws depend on the seed and the sample's index, not on the number of threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/report/report_document.h"

namespace gigaplan::report {

/// How many samples a Monte Carlo may take: fewer say nothing about P10 and P90; more take minutes.
inline constexpr int kMinSamples = 10, kMaxSamples = 100'000;

struct UncertaintyOptions {
  int samples = 1000;  // from kMinSamples to kMaxSamples
  // Relative standard deviation per grade; an entry without a known grade takes U's.
  std::map<std::string, double> spread = {{"V", 0.02}, {"S", 0.05}, {"E", 0.10}, {"U", 0.20}};
  unsigned seed = 1;
  int threads = 0;  // 0 = the machine's cores
};

/// The 10th, 50th and 90th percentiles of a figure over the samples, and its nominal value.
struct Band {
  double nominal = 0, p10 = 0, p50 = 0, p90 = 0;
};

/// One input of the tornado: the figure at its own P10 and at its P90, all others nominal.
struct TornadoBar {
  std::string input;                         // "rack gb200-nvl72: power (grade S, ±5 %)"
  double daysLow = 0, daysHigh = 0;          // training days
  double facilityLow = 0, facilityHigh = 0;  // W
};

struct Uncertainty {
  int samples = 0;
  int inputs = 0;  // figures varied
  Band facility;   // W drawn from the sources
  Band pue;
  Band water;                                  // L/day
  bool job = false;                            // the design has a job with an estimate: days and energy are filled
  Band days;                                   // effective training days
  Band energy;                                 // MWh at the facility over the run
  std::vector<TornadoBar> byDays, byFacility;  // the largest swings first, at most ten each
  std::map<std::string, double> spread;        // as used
  std::vector<std::string> notes;
};

/// Throws nothing for a design that evaluates; a design without racks gives zero bands.
Uncertainty propagateUncertainty(const design::ResolvedDesign& design, const UncertaintyOptions& options = {});

/// The report's "How sure" section: the bands, the spreads per grade and the two tornado charts.
Section uncertaintySection(const Uncertainty& u);

/// For `gigaplan evaluate --uncertainty N`: the bands and tornado as text, or as JSON.
std::string uncertaintyText(const Uncertainty& u);
std::string uncertaintyJson(const Uncertainty& u);

}  // namespace gigaplan::report
