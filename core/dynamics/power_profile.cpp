// The power profile end to end (see power_profile.h).
#include "core/dynamics/power_profile.h"

#include <algorithm>
#include <cmath>

#include "core/units/units.h"

namespace gigaplan::dynamics {
namespace {

// J at the sources per step: the job's GPUs over the step, everything else constant, cooling at
// its steady draw (proportional to the load), all through the chain.
double energyAtSources(const StepShape& s, const SiteChain& c) {
  const double design = c.itDesign + c.network;
  const double coolingShare = design > 0 ? c.coolingDesign / design : 0;
  const double steady = (c.itDesign - c.jobGpus * c.busy + c.network) * s.period;
  return c.chainFactor * (1 + coolingShare) * (c.jobGpus * s.energy + steady);
}

enum class LineSource { None, Steps, StepHarmonic, CheckpointCycle, SingleEvents };

double recordSeconds(const PowerProfile& p) {
  return static_cast<double>(p.waveform.size()) * p.waveform.dt;
}

LineSource lineSource(const PowerProfile& p, double frequency) {
  const double record = recordSeconds(p);
  if (frequency <= 0 || record <= 0) return LineSource::None;
  // A bin and a half of the spectrum, or 5 %: checkpoint writes and restarts pause the steps, so
  // over the record they repeat a little slower than one per step period.
  auto near = [&](double f) { return std::abs(frequency - f) <= std::max(1.5 / record, 0.05 * f); };
  auto harmonic = [&](double period) {
    for (int k = 1; period > 0 && k <= 3; ++k)
      if (near(k / period)) return k;
    return 0;
  };
  if (const int k = harmonic(p.step.period); k > 0) return k == 1 ? LineSource::Steps : LineSource::StepHarmonic;
  const double cycle = p.scenario.checkpointInterval + p.scenario.checkpointWrite;
  if (p.scenario.checkpointInterval > 0 && cycle * kMinPeriods <= record && harmonic(cycle) > 0)
    return LineSource::CheckpointCycle;
  // Nothing else in the model repeats: the line is the spectrum of single events (the job's start,
  // a checkpoint, a failure and its restart) in this record.
  return LineSource::SingleEvents;
}

}  // namespace

std::string lineCause(const PowerProfile& p, double frequency) {
  switch (lineSource(p, frequency)) {
    case LineSource::None:
      return "";
    case LineSource::Steps:
      return "the training steps";
    case LineSource::StepHarmonic:
      return "a harmonic of the training steps";
    case LineSource::CheckpointCycle:
      return "the checkpoint cycle, every " +
             units::format(p.scenario.checkpointInterval + p.scenario.checkpointWrite, units::Dimension::Time);
    case LineSource::SingleEvents:
      break;
  }
  return "no repeating oscillation: the single events of this record (the job's start, checkpoints, "
         "failures and restarts)";
}

bool slowestLineOnly(const PowerProfile& p, double frequency) {
  // The lines the dominant one is picked from repeat kMinPeriods, kMinPeriods + 1, … times in the
  // record: the first of them, when nothing in the model repeats at its rate, is where single
  // events and slow drifts pile up, not a frequency of the site's.
  return lineSource(p, frequency) == LineSource::SingleEvents &&
         frequency * recordSeconds(p) < static_cast<double>(kMinPeriods) + 0.5;
}

PowerProfile powerProfile(const design::Layout& layout, const power::PowerResult& power,
                          const training::Estimate& estimate, const catalog::Gpu& gpu,
                          const design::PowerDynamicsSpec& spec, const ProfileOptions& options) {
  PowerProfile p;
  p.states = powerStates(gpu);
  p.step = stepShape(estimate.step, p.states, spec.gpuPowerFloor);
  p.stepNoFloor = stepShape(estimate.step, p.states, 0);
  p.scenario = scenarioFor(estimate, options.seconds);
  p.scenario.jobStop = options.jobStop;
  p.timeline = timeline(p.scenario);
  p.chain = siteChain(power, estimate.gpusUsed, p.states, spec.coolingTimeConstant);
  p.chain.shelfStorage = shelfStorageFor(layout, gpu.id, estimate.gpusUsed);
  p.sources = sourcesOf(layout, power);
  p.waveform = sampleWaveform(p.step, p.timeline, p.chain, options.dt, options.seconds);
  p.dispatch = dispatch(p.waveform.site, options.dt, p.sources, spec.gridRampLimit);
  p.site = analyzeSeries(p.waveform.site, options.dt, spec.bandLow, spec.bandHigh);
  p.grid = checkGrid(p.dispatch.grid, options.dt, spec);
  p.findings = gridFindings(p.grid, spec);
  if (spec.gpuPowerFloor > kLargestPowerFloor)
    p.findings.push_back(engine::makeFinding(
        engine::Severity::Warning, "", "dynamics.power-floor",
        "A GPU power floor of " + units::format(spec.gpuPowerFloor * 100, units::Dimension::Dimensionless) +
            " % of busy power (power_dynamics.gpu_power_floor) is above the " +
            units::format(kLargestPowerFloor * 100, units::Dimension::Dimensionless) +
            " % that GB200's power smoothing offers (arXiv 2508.14318): the GPUs may not hold it",
        spec.gpuPowerFloor, kLargestPowerFloor));
  p.siteEnergyPerStep = energyAtSources(p.step, p.chain);
  if (spec.gpuPowerFloor > 0 && p.step.period > 0)
    p.floorCostPerDay = (p.siteEnergyPerStep - energyAtSources(p.stepNoFloor, p.chain)) * 86400 / p.step.period;
  if (options.sizeBattery) p.smallestBattery = smallestBattery(p.waveform.site, options.dt, p.sources, spec);

  if (p.states.assumed)
    p.notes.push_back("the catalog gives no idle_power or comm_power for " + gpu.id + ": " +
                      units::format(p.states.idle, units::Dimension::Power) + " idle and " +
                      units::format(p.states.comm, units::Dimension::Power) +
                      " communication-bound are planning shares of its TDP (grade U)");
  else
    p.notes.push_back(
        "GPU power states (" + gpu.id + "): busy " + units::format(p.states.busy, units::Dimension::Power) +
        " (TDP), communication-bound " + units::format(p.states.comm, units::Dimension::Power) + ", idle " +
        units::format(p.states.idle, units::Dimension::Power) + " — catalog planning defaults, see its note");
  p.notes.push_back(
      "only the job's GPUs swing; the rest of each rack, the network and GPUs the job leaves idle keep "
      "their design draw");
  p.notes.push_back(
      "chain losses at the power analysis's design-load ratio (exact for flat efficiencies); cooling "
      "follows the heat with a " +
      units::format(spec.coolingTimeConstant, units::Dimension::Time) + " first-order lag");
  p.notes.push_back(
      "checkpoints every Young/Daly interval; failures at the estimate's rate with exponential gaps "
      "(one realisation with a fixed seed, the same on every run); restarts as long as the "
      "estimate's");
  if (p.chain.shelfStorage > 0)
    p.notes.push_back("power-shelf storage: " + units::format(p.chain.shelfStorage, units::Dimension::Energy) +
                      " behind the job's GPUs, modelled as a first-order filter of " +
                      units::format(shelfTimeConstant(p.chain), units::Dimension::Time) +
                      " (half of it on the job's largest swing) recharging over " +
                      units::format(kShelfRestore, units::Dimension::Time) +
                      " — its controller is not published (grade U)");
  if (p.sources.batteryPower > 0)
    p.notes.push_back("batteries: planning control (a " + units::format(kSmoothing, units::Dimension::Time) +
                      " smoothing filter, pulled back to half charge over " +
                      units::format(kStateOfChargeRestore, units::Dimension::Time) + ")");
  for (const auto& n : p.sources.notes) p.notes.push_back(n);
  if (!p.smallestBattery.note.empty()) p.notes.push_back("smallest battery: " + p.smallestBattery.note);
  return p;
}

}  // namespace gigaplan::dynamics
