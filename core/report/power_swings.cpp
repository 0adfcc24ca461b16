// The figures of a power profile as rows and as a report section (see power_swings.h).
#include "core/report/power_swings.h"

#include <algorithm>
#include <cmath>

#include "core/report/charts.h"
#include "core/report/report_format.h"
#include "core/report/report_sections.h"
#include "core/units/rates.h"
#include "core/units/units.h"

namespace gigaplan::report {
namespace {

using units::Dimension;

std::string watts(double w) {
  return units::format(w, Dimension::Power);
}

}  // namespace

std::string bandNote(const dynamics::SeriesFigures& f, const design::PowerDynamicsSpec& spec) {
  if (!f.bandCut) return "";
  return "The band watched ends at " + units::formatFrequency(f.bandHigh) +
         ", the highest frequency this sampling resolves, below the " + units::formatFrequency(spec.bandHigh) +
         " of power_dynamics.oscillation_band.";
}

std::string dominantText(const dynamics::PowerProfile& p, const dynamics::SeriesFigures& f) {
  if (!(f.dominantFrequency > 0)) return "none";
  const std::string cause = dynamics::lineCause(p, f.dominantFrequency);
  if (dynamics::slowestLineOnly(p, f.dominantFrequency)) {
    const double record = static_cast<double>(p.waveform.size()) * p.waveform.dt;
    return "none within the record: the slowest line a " + units::format(record, Dimension::Time) +
           " record resolves dominates (every " + units::format(1 / f.dominantFrequency, Dimension::Time) + ", " +
           watts(f.dominantAmplitude) + " amplitude) — " + cause;
  }
  return units::formatFrequency(f.dominantFrequency) + " (" + watts(f.dominantAmplitude) + " amplitude)" +
         (cause.empty() ? "" : " — " + cause);
}

LabelledRows seriesRows(const dynamics::PowerProfile& p, const dynamics::SeriesFigures& f) {
  return {
      {"peak / trough / swing", watts(f.peak) + " / " + watts(f.trough) + " / " + watts(f.swing)},
      {"mean", watts(f.mean)},
      {"fastest ramp", watts(f.fastestRamp) + "/s at t = " + fixed(f.fastestRampAt, 1) + " s"},
      {"dominant frequency (3+ periods)", dominantText(p, f)},
      {"swing energy in " + dynamics::bandText(f), fixed(100 * f.bandShare, 1) + " % (largest line " +
                                                       watts(f.bandAmplitude) + " at " +
                                                       units::formatFrequency(f.bandFrequency) + ")"},
  };
}

LabelledRows profileRows(const dynamics::PowerProfile& p, const design::PowerDynamicsSpec& spec) {
  LabelledRows rows;
  rows.push_back({"GPU power per step", "mean " + watts(p.step.mean()) + " (busy " + watts(p.states.busy) + ", comm " +
                                            watts(p.states.comm) + ", idle " + watts(p.states.idle) + ")"});
  rows.push_back({"energy per step at sources", units::format(p.siteEnergyPerStep, Dimension::Energy)});
  int checkpoints = 0, restarts = 0;
  for (const auto& v : p.timeline) {
    checkpoints += v.activity == dynamics::Activity::Checkpoint;
    restarts += v.activity == dynamics::Activity::Restart;
  }
  // A failure during a restart starts it again: failures and restarts are counted apart.
  const double stop = p.scenario.stop();
  const auto failures = std::count_if(p.scenario.failures.begin(), p.scenario.failures.end(),
                                      [&](double t) { return t >= p.scenario.jobStart && t < stop; });
  rows.push_back({"events", counted(checkpoints, "checkpoint") + ", " + counted(failures, "failure") + ", " +
                                counted(restarts, "restart")});
  rows.push_back({"grid: largest change in a second",
                  watts(p.grid.second.range) + " at t = " + fixed(p.grid.second.at, 1) + " s"});
  rows.push_back({"grid: largest change in a minute",
                  watts(p.grid.minute.range) + " at t = " + fixed(p.grid.minute.at, 1) + " s"});
  rows.push_back({"sources", sourcesText(p.sources.grid, p.sources.generation) + ", batteries " +
                                 (p.sources.batteryPower > 0 || p.sources.batteryEnergy > 0
                                      ? watts(p.sources.batteryPower) + " / " +
                                            units::format(p.sources.batteryEnergy, Dimension::Energy)
                                      : std::string("none"))});
  if (p.chain.shelfStorage > 0) {
    double taken = 0;  // the largest share of a sample's draw the shelves took off the sources
    for (double w : p.waveform.shelf) taken = std::max(taken, std::abs(w));
    rows.push_back({"power-shelf storage", units::format(p.chain.shelfStorage, Dimension::Energy) + " (" +
                                               fixed(p.chain.shelfStorage / p.chain.jobGpus, 0) +
                                               " J per GPU); most it gave or took in a sample " + watts(taken)});
  }
  if (spec.gpuPowerFloor > 0)
    rows.push_back({"GPU power floor " + fixed(100 * spec.gpuPowerFloor, 0) + " % costs",
                    units::format(p.floorCostPerDay, Dimension::Energy) + " per day of training"});
  const dynamics::BatterySizing& b = p.smallestBattery;
  std::string battery;
  if (!b.checked)
    battery = "not sized: the design states no grid limit (power_dynamics)";
  else if (!b.found)
    battery = "none found";
  else if (b.power <= 0)
    battery = "none needed: the grid stays within its limits without one";
  else
    battery = watts(b.power) + ", " + units::format(b.energy, Dimension::Energy) + " keeps the grid within its limits";
  rows.push_back({"smallest battery", battery});
  return rows;
}

Section powerSwingsSection(const dynamics::PowerProfile& p, const design::PowerDynamicsSpec& spec,
                           const SwingContext& c) {
  Section s{"power-swings", "Power swings", {}};
  s.blocks.push_back(Paragraph{
      "The training job's draw, sampled at " + fixed(1 / p.waveform.dt, 0) + " Hz over " +
      counted(std::llround(c.seconds), "second") + ": " + counted(c.gpus, "GPU") +
      " computing and communicating together once per step (" + fixed(p.step.period, 3) +
      " s), checkpoints and failures with their restarts at their expected times. At the sources before the "
      "batteries and generators, and at the grid meter after them. A first-order planning model: see the notes "
      "below." +
      (p.site.bandCut ? " " + bandNote(p.site, spec) : std::string())});
  Table t;
  t.columns = {{"", Align::Left, 1.2}, {"at the sources", Align::Right, 1}, {"at the grid meter", Align::Right, 1}};
  const LabelledRows site = seriesRows(p, p.site), grid = seriesRows(p, p.grid.figures);
  for (std::size_t i = 0; i < site.size(); ++i) t.rows.push_back({site[i].first, site[i].second, grid[i].second});
  s.blocks.push_back(std::move(t));
  KeyValues kv;
  for (auto& [label, value] : profileRows(p, spec)) kv.entries.push_back({label, value});
  s.blocks.push_back(std::move(kv));

  const std::vector<Series> lines = {{"at the sources", &p.waveform.site, paletteColor(0)},
                                     {"at the grid meter", &p.dispatch.grid, paletteColor(1)}};
  const std::size_t n = p.waveform.size();
  if (n > 1) {
    LineChartOptions o;
    o.dx = p.waveform.dt;
    // The job starts after a short idle: the two minutes from just before it show single steps.
    std::size_t start = 0;
    while (start < n && p.waveform.activity[start] == dynamics::Activity::Idle) ++start;
    o.first = start > 50 ? start - 50 : 0;
    o.count = std::min<std::size_t>(n - o.first, static_cast<std::size_t>(std::llround(120 / p.waveform.dt)));
    s.blocks.push_back(
        Figure{"power-swings-steps", "Site power as the job starts: step by step", {lineChart(lines, o)}});
    o.first = 0;
    o.count = n;
    s.blocks.push_back(Figure{
        "power-swings-record", "The whole record: each column's lowest and highest sample", {lineChart(lines, o)}});
    if (!p.dispatch.stateOfCharge.empty()) {
      LineChartOptions soc = o;
      soc.unit = "%";
      soc.scale = 100;
      soc.height = 110;
      s.blocks.push_back(Figure{"power-swings-battery",
                                "Battery state of charge",
                                {lineChart({{"state of charge", &p.dispatch.stateOfCharge, paletteColor(2)}}, soc)}});
    }
  }
  for (const auto& f : p.findings)
    s.blocks.push_back(Paragraph{std::string(engine::toString(f.severity)) + ": " + f.message,
                                 sections::toneOf(static_cast<int>(f.severity))});
  if (!p.notes.empty()) {
    std::string text = "Approximate: ";
    for (std::size_t i = 0; i < p.notes.size(); ++i) text += (i ? "; " : "") + p.notes[i];
    s.blocks.push_back(Paragraph{text + ".", Tone::Note});
  }
  return s;
}

}  // namespace gigaplan::report
