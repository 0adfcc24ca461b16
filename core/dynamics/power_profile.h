// The power profile of a training plan on a site, end to end: the waveform (power_waveform.h),
// its figures at the sources and at the grid meter after the batteries and generators
// (dispatch.h, spectrum.h), the grid limits checked, the cost of a GPU power floor and the
// smallest battery that keeps the grid within its limits. `gigaplan power-profile`, the report
// and the app's chart all read this one struct.
//
//   const auto eval = engine::evaluate(design, layout, catalog);
//   training::Estimate e = training::estimate(job, cluster, gpu);
//   dynamics::PowerProfile p = dynamics::powerProfile(layout, eval.power, e, *catalog.gpu(cluster.gpu),
//                                                     design.powerDynamics, {.seconds = 3600});
//   p.waveform.site, p.dispatch.grid, p.dispatch.stateOfCharge  // the series, at p.waveform.dt
#pragma once

#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/dynamics/dispatch.h"
#include "core/dynamics/power_waveform.h"

namespace gigaplan::dynamics {

struct ProfileOptions {
  double seconds = 3600;  // simulated
  double dt = 0.1;        // s between samples (10 Hz)
  double jobStop = 0;     // s at which the job stops (0: runs to the end)
  bool sizeBattery = true;
};

struct PowerProfile {
  Scenario scenario;
  std::vector<Interval> timeline;
  PowerStates states;
  StepShape step;         // with the design's GPU power floor
  StepShape stepNoFloor;  // without it (for the floor's cost)
  SiteChain chain;
  Sources sources;
  Waveform waveform;             // at the sources, before batteries and generators
  Dispatch dispatch;             // battery, generation, grid, state of charge
  SeriesFigures site;            // figures of waveform.site (band from the design)
  GridCheck grid;                // figures of dispatch.grid against the limits
  double siteEnergyPerStep = 0;  // J at the sources per training step, cooling at steady state
  double floorCostPerDay = 0;    // J per day of training the floor adds at the sources (0 without)
  BatterySizing smallestBattery;
  std::vector<engine::Finding> findings;
  std::vector<std::string> notes;  // what is approximate or assumed
};

/// What a spectral line of the profile (frequency in Hz, e.g. a series' dominant frequency) comes
/// from, as texts say it: the training steps or one of their first harmonics, the checkpoint
/// cycle, or else no repeating oscillation but the single events of the record (the job's start,
/// checkpoints, failures and restarts), the only other changes the model makes. Empty for 0 Hz.
std::string lineCause(const PowerProfile& p, double frequency);

/// Whether a line (a series' dominant frequency) is only the slowest the record resolves — it
/// repeats kMinPeriods times in the record and nothing in the model repeats at its rate — so no
/// oscillation of the site's: texts then say there is none within the record, not a frequency, and
/// power-profile's JSON sets dominant_is_slowest_line. False for 0 Hz (no line).
bool slowestLineOnly(const PowerProfile& p, double frequency);

PowerProfile powerProfile(const design::Layout& layout, const power::PowerResult& power,
                          const training::Estimate& estimate, const catalog::Gpu& gpu,
                          const design::PowerDynamicsSpec& spec, const ProfileOptions& options = {});

}  // namespace gigaplan::dynamics
