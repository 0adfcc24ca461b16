// Dispatch of the waveform over batteries, generators and the grid (see dispatch.h).
#include "core/dynamics/dispatch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/units/rates.h"
#include "core/units/units.h"

namespace gigaplan::dynamics {

Sources sourcesOf(const design::Layout& layout, const power::PowerResult& power) {
  Sources s;
  s.split = power::SourceSplit(layout, power.nominal);
  s.grid = power.gridCapacity;
  s.generation = power.generationCapacity;
  double rampless = 0, rated = 0;
  bool noEfficiency = false, noResponse = false;
  for (const design::PowerNode& n : layout.power) {
    if (n.kind == design::PowerKind::Battery && n.spec) {
      s.batteryPower += n.rating;
      s.batteryEnergy += n.units * n.spec->energy;
      s.batteryResponse = std::max(s.batteryResponse, n.spec->responseTime);
      if (n.spec->roundTripEfficiency > 0)
        s.batteryEfficiency = std::min(s.batteryEfficiency, n.spec->roundTripEfficiency);
      noEfficiency = noEfficiency || n.spec->roundTripEfficiency <= 0;
      noResponse = noResponse || n.spec->responseTime <= 0;
    }
    if (n.kind == design::PowerKind::Generator) {
      rated += n.rating;
      const double ramp = n.spec ? n.spec->rampRate : 0;
      s.generationRamp += n.units * ramp;
      if (ramp <= 0) rampless += n.rating;
    }
  }
  // A fleet with some generators of unknown ramp is taken as ramping like the known ones per watt.
  if (rampless > 0 && rampless < rated) s.generationRamp *= rated / (rated - rampless);
  if (rampless > 0 && rampless >= rated) {
    s.generationRamp = 0;
    s.notes.push_back("no generator gives a ramp_rate: generation is taken to follow its share at once");
  }
  if (noEfficiency && s.batteryPower > 0)
    s.notes.push_back("a battery without round_trip_efficiency is taken as lossless");
  if (noResponse && s.batteryPower > 0) s.notes.push_back("a battery without response_time is taken as instant");
  return s;
}

Dispatch dispatch(const std::vector<double>& site, double dt, const Sources& src, double gridRampLimit) {
  Dispatch d;
  const std::size_t n = site.size();
  d.battery.assign(n, 0.0);
  d.generation.assign(n, 0.0);
  d.grid.assign(n, 0.0);
  if (n == 0) return d;
  const bool battery = src.batteryPower > 0 && src.batteryEnergy > 0;
  if (battery) d.stateOfCharge.assign(n, 0.0);
  const double halfTrip = std::sqrt(std::clamp(src.batteryEfficiency, 0.01, 1.0));  // each way
  const double smooth = 1 - std::exp(-dt / kSmoothing);
  // Response time read as 95 % of a command reached: a first-order lag of a third of it.
  const double respond = src.batteryResponse > 0 ? 1 - std::exp(-3 * dt / src.batteryResponse) : 1;
  const bool generators = src.split.hasGeneration();
  double energy = src.batteryEnergy / 2, filtered = site[0], out = 0;
  double gen = src.split.generation(site[0]);
  double asked = site[0] - gen;  // what the grid was asked for in the previous sample
  for (std::size_t i = 0; i < n; ++i) {
    const double load = site[i];
    // Generators follow the steady split of the smoothed draw, at their ramp rate.
    filtered += smooth * (load - filtered);
    const double want = src.split.generation(filtered);
    if (generators)
      gen = src.generationRamp > 0 ? std::clamp(want, gen - src.generationRamp * dt, gen + src.generationRamp * dt)
                                   : want;
    d.generation[i] = gen;
    if (battery) {
      // The grid is asked for the smoothed rest (pulled towards half charge), held to its ramp
      // limit; the battery covers the difference — the fast part and the generators' lag.
      double target = filtered - gen - (energy / src.batteryEnergy - 0.5) * src.batteryEnergy / kStateOfChargeRestore;
      if (gridRampLimit > 0) {
        const double step = kRampMargin * gridRampLimit * dt;
        target = std::clamp(target, asked - step, asked + step);
      }
      asked = target;
      const double command = std::clamp(load - gen - target, -src.batteryPower, src.batteryPower);
      out += respond * (command - out);
      if (out > 0) {
        out = std::min(out, energy * halfTrip / dt);
        energy -= out * dt / halfTrip;
      } else {
        out = std::max(out, -(src.batteryEnergy - energy) / (halfTrip * dt));
        energy -= out * dt * halfTrip;
      }
      energy = std::clamp(energy, 0.0, src.batteryEnergy);
      d.battery[i] = out;
      d.stateOfCharge[i] = energy / src.batteryEnergy;
    }
    d.grid[i] = load - d.battery[i] - gen;
  }
  return d;
}

GridCheck checkGrid(const std::vector<double>& grid, double dt, const design::PowerDynamicsSpec& spec,
                    Dominant dominant) {
  GridCheck g;
  g.minute = largestChange(grid, dt, 60, spec.gridRampLimit * 60);
  g.second = largestChange(grid, dt, 1, spec.gridLargestStep);
  g.figures = analyzeSeries(grid, dt, spec.bandLow, spec.bandHigh, dominant);
  g.rampOk = spec.gridRampLimit <= 0 || g.minute.firstBreach < 0;
  g.stepOk = spec.gridLargestStep <= 0 || g.second.firstBreach < 0;
  g.oscillationOk = spec.gridOscillationLimit <= 0 || g.figures.bandAmplitude <= spec.gridOscillationLimit;
  return g;
}

namespace {

std::string clock(double t) {
  const auto s = static_cast<long long>(std::floor(t));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld (t = %.1f s)", s / 3600, s / 60 % 60, s % 60, t);
  return buf;
}

}  // namespace

std::vector<engine::Finding> gridFindings(const GridCheck& g, const design::PowerDynamicsSpec& spec) {
  using engine::Severity;
  std::vector<engine::Finding> out;
  if (!g.rampOk)
    out.push_back(engine::makeFinding(Severity::Error, "", "dynamics.grid-ramp",
                                      "The grid sees " + units::formatPower(g.minute.range) +
                                          " of change within a minute, first above the connection's ramp limit of " +
                                          units::formatPowerRamp(spec.gridRampLimit) +
                                          " (power_dynamics.grid_ramp_limit) at " + clock(g.minute.firstBreach),
                                      g.minute.range, spec.gridRampLimit * 60));
  if (!g.stepOk)
    out.push_back(engine::makeFinding(Severity::Error, "", "dynamics.grid-step",
                                      "The grid sees a step of " + units::formatPower(g.second.range) +
                                          " within a second, first above the largest step of " +
                                          units::formatPower(spec.gridLargestStep) +
                                          " (power_dynamics.grid_largest_step) at " + clock(g.second.firstBreach),
                                      g.second.range, spec.gridLargestStep));
  if (!g.oscillationOk)
    out.push_back(engine::makeFinding(Severity::Error, "", "dynamics.grid-oscillation",
                                      "The grid sees an oscillation of " + units::formatPower(g.figures.bandAmplitude) +
                                          " amplitude at " + units::formatFrequency(g.figures.bandFrequency) +
                                          ", above the limit of " + units::formatPower(spec.gridOscillationLimit) +
                                          " in " + bandText(g.figures) +
                                          " (power_dynamics.grid_oscillation_limit), over the whole record",
                                      g.figures.bandAmplitude, spec.gridOscillationLimit));
  return out;
}

BatterySizing smallestBattery(const std::vector<double>& site, double dt, const Sources& sources,
                              const design::PowerDynamicsSpec& spec) {
  BatterySizing b;
  b.checked = spec.gridRampLimit > 0 || spec.gridLargestStep > 0 || spec.gridOscillationLimit > 0;
  if (!b.checked || site.empty()) return b;
  Sources trial = sources;
  if (sources.batteryPower <= 0) {
    trial.batteryResponse = 0;
    trial.batteryEfficiency = 1;
    b.note = "an ideal battery (instant, lossless): the design has none to take the response from";
  }
  auto holds = [&](double power, double energy) {
    trial.batteryPower = power;
    trial.batteryEnergy = energy;
    return checkGrid(dispatch(site, dt, trial, spec.gridRampLimit).grid, dt, spec, Dominant::Skip).ok();
  };
  if (holds(0, 0)) {
    b.found = true;
    return b;
  }
  const auto [lo, hi] = std::minmax_element(site.begin(), site.end());
  const double powerHigh = std::max({1e6, 1.5 * (*hi - *lo), sources.batteryPower});
  const double energyHigh = powerHigh * 2 * 3600;  // two hours at full power
  if (!holds(powerHigh, energyHigh)) {
    b.note = "no battery up to " + units::formatPower(powerHigh) + " and " +
             units::format(energyHigh, units::Dimension::Energy) + " keeps the grid within its limits";
    const double response = trial.batteryResponse;
    trial.batteryResponse = 0;
    if (response > 0 && holds(powerHigh, energyHigh))
      b.note += ": swings faster than the batteries' " + units::format(response, units::Dimension::Time) +
                " response reach the grid (a GPU power floor or storage in the racks must take them)";
    else
      b.note += " (the generators' minimum load or ramp, or the limits themselves)";
    return b;
  }
  auto bisect = [](double low, double high, auto&& ok) {
    const double tolerance = 0.005 * high;
    while (high - low > tolerance) {
      const double mid = (low + high) / 2;
      (ok(mid) ? high : low) = mid;
    }
    return high;
  };
  b.power = bisect(0.0, powerHigh, [&](double p) { return holds(p, energyHigh); });
  b.energy = bisect(0.0, energyHigh, [&](double e) { return holds(b.power, e); });
  b.found = true;
  return b;
}

}  // namespace gigaplan::dynamics
