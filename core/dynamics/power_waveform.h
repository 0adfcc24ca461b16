// The site's power waveform while it trains: what the job's GPUs draw in each phase of a step,
// with checkpoint pauses, failures and restarts, job start and stop, carried up the power chain
// (its conversion losses, from the power analysis) and with cooling power following the heat
// with a first-order lag. Sampled at a fixed interval (10 Hz by default); every sample is the
// mean over its interval, so the samples carry the waveform's energy exactly.
//
// Modelling choices (docs/power-dynamics.md):
// - Only the job's GPUs swing. Everything else in the racks (CPUs, NICs, fans, switches) and the
//   GPUs a job leaves idle keep their design draw, so the compute phase draws the racks' design
//   load and another phase draws it less job GPUs × (busy − that phase's power).
// - A step on the site: pipeline fill (the share of busy stages rises from idle to all: a linear
//   ramp over half the bubble), compute with the exposed TP/CP/EP/pipeline transfers blended in
//   (they alternate far faster than 10 Hz), pipeline drain (the mirror ramp), the exposed
//   data-parallel reduction and the optimizer step at communication-bound power.
// - Checkpoint writes and restarts (after a failure: drop to idle, restore, then the first step
//   ramps through its fill) hold the job's GPUs at idle power.
// - Storage in the racks' power shelves (GB300's PSUs) rides the racks' own swings: their input
//   follows their load through a first-order filter whose time constant spends half the storage
//   on the job's largest swing, within the storage's energy. Cooling follows the load itself.
// - The chain's losses are the power analysis's: the sources deliver facility ÷ (IT + network +
//   cooling) per watt of load at design load — exact for gear with a flat efficiency, first order
//   for gear with a curve.
//
//   dynamics::Waveform w = dynamics::sampleWaveform(shape, timeline, chain, 0.1, 3600);
//   w.site[i]   // W drawn from the sources at t = i · w.dt (before batteries and turbines)
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"
#include "core/power/power_analysis.h"
#include "core/training/estimate.h"

namespace gigaplan::dynamics {

/// Shares of the TDP used for a GPU whose catalog entry gives no power states. Grade U planning
/// defaults (docs/power-dynamics.md): the published work shows the phases, not their draw.
inline constexpr double kAssumedIdleShare = 0.15;
inline constexpr double kAssumedCommShare = 0.45;
/// Time constant of the power shelves' pull back to half charge (grade U planning default: no
/// public figure for GB300's charge controller). Long beside a step: a rise's energy comes back
/// on the fall that follows it, and recharging adds little to the peak; it corrects drift.
inline constexpr double kShelfRestore = 30;  // s

/// The highest GPU power floor GB200's power smoothing offers, as a share of TDP ("the current
/// solution in GB200 only allows a maximum MPF of 90% of TDP": Microsoft, OpenAI, NVIDIA, Power
/// Stabilization for AI Training Datacenters, arXiv 2508.14318, 2025). A design's floor above it
/// is computed as asked, with a warning.
inline constexpr double kLargestPowerFloor = 0.9;

/// W per GPU in each state; busy is the TDP.
struct PowerStates {
  double busy = 0, comm = 0, idle = 0;
  bool assumed = false;  // comm or idle from the planning shares above
};
PowerStates powerStates(const catalog::Gpu& gpu);

/// One piece of a step: `duration` seconds, per-GPU power going linearly from `from` to `to`.
struct Segment {
  double duration = 0, from = 0, to = 0;
  double energy() const { return duration * (from + to) / 2; }
};

/// A step's per-GPU power, the GPU power floor applied (floor: share of busy power, 0 = none).
struct StepShape {
  std::vector<Segment> segments;
  double period = 0;      // s
  double energy = 0;      // J per GPU per step
  double floorPower = 0;  // W per GPU held at least while the job runs (0 = no floor)
  double idle = 0;        // W per GPU when the job does not run
  double mean() const { return period > 0 ? energy / period : 0; }
};
StepShape stepShape(const training::StepBreakdown& step, const PowerStates& states, double floor = 0);

enum class Activity { Idle, Training, Checkpoint, Restart };
std::string_view toString(Activity);

struct Interval {
  double start = 0, end = 0;
  Activity activity = Activity::Idle;
};

/// When the job runs: start, stop, checkpoint writes, failures and restarts.
struct Scenario {
  double duration = 3600;         // s simulated
  double jobStart = 30;           // s of idle before the job starts
  double jobStop = 0;             // s at which the job stops (0: runs to the end)
  double checkpointInterval = 0;  // s of training between checkpoint writes (0: none)
  double checkpointWrite = 0;     // s each write holds the GPUs
  std::vector<double> failures;   // s at which failures strike, ascending, in wall-clock time
  double restart = 0;             // s from a failure to training again (detect, reschedule, restore)

  /// When the job stops: jobStop, or the end of the record.
  double stop() const { return jobStop > 0 ? std::min(jobStop, duration) : duration; }
};

/// Failure times of a Poisson process, one per `mtbf` seconds of wall-clock time on average, from
/// `start` to `until`: the gaps between them follow the exponential distribution the goodput
/// model assumes. They come in blocks of 16, one gap from each sixteenth of the distribution's
/// quantiles (at that band's mean, so each block averages exactly `mtbf`), in an order shuffled
/// with a fixed seed: one realisation, the same on every run and machine, with the long and the
/// short gaps that random failures bring. At most a million (a bound for bad input: a million GPUs
/// fail about once every three minutes).
std::vector<double> failureTimes(double start, double mtbf, double until);

/// The estimate's own reliability figures: checkpoints every Young/Daly interval, failures drawn
/// at the estimate's rate (failureTimes), restarts as long as the goodput model says.
Scenario scenarioFor(const training::Estimate& e, double seconds);

/// Wall-clock intervals of the scenario, in order, covering [0, duration).
std::vector<Interval> timeline(const Scenario& s);

/// How a watt on the job's GPUs reaches the sources, from the power analysis at design load.
struct SiteChain {
  double jobGpus = 0;               // GPUs that swing
  double busy = 0;                  // W per GPU in the compute phase (the design load assumes it)
  double idle = 0;                  // W per GPU while the job is not running
  double itDesign = 0;              // W of rack IT at design load (job GPUs busy)
  double network = 0;               // W of network gear (constant)
  double coolingDesign = 0;         // W of cooling gear at design load
  double chainFactor = 1;           // W at the sources per W of load (1 + losses ÷ load)
  double coolingTimeConstant = 60;  // s
  double shelfStorage = 0;          // J in the power shelves of the job's racks (0: none)
  /// IT load (racks + network) when each job GPU draws `gpuPower`.
  double load(double gpuPower) const;
  /// Cooling gear's steady draw at that load (proportional to the heat, as at design load).
  double coolingAt(double load) const;
};
SiteChain siteChain(const power::PowerResult& power, int jobGpus, const PowerStates& states,
                    double coolingTimeConstant);

/// J of power-shelf storage behind `jobGpus` GPUs of type `gpu`: the storage per GPU of the
/// layout's racks of that GPU (catalog shelf_storage) times the job's GPUs.
double shelfStorageFor(const design::Layout& layout, const std::string& gpu, int jobGpus);

/// The first-order filter's time constant: half the storage spent on the job's largest swing
/// (every job GPU from idle to busy). 0 without storage or swing.
double shelfTimeConstant(const SiteChain& chain);

/// The sampled series: sample i covers [i·dt, (i+1)·dt). The chart and the report read these.
struct Waveform {
  double dt = 0.1;
  std::vector<double> gpuPower;    // W per job GPU
  std::vector<double> it;          // W of IT and network load
  std::vector<double> cooling;     // W of cooling gear (lagging the heat)
  std::vector<double> shelf;       // W the power shelves' storage gives (+) or takes (−); 0s without
  std::vector<double> site;        // W at the sources: chain factor × (IT − shelf + cooling)
  std::vector<Activity> activity;  // what the job does at the start of each sample
  std::size_t size() const { return site.size(); }
};

/// Samples the job's per-GPU power over the timeline (means over each interval, so energy is
/// exact), then the IT load, the lagged cooling and the draw at the sources.
Waveform sampleWaveform(const StepShape& shape, const std::vector<Interval>& timeline, const SiteChain& chain,
                        double dt, double duration);

}  // namespace gigaplan::dynamics
