// The site's power waveform (see power_waveform.h).
#include "core/dynamics/power_waveform.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>

namespace gigaplan::dynamics {

PowerStates powerStates(const catalog::Gpu& gpu) {
  PowerStates s;
  s.busy = gpu.tdp;
  s.comm = gpu.commPower > 0 ? gpu.commPower : kAssumedCommShare * gpu.tdp;
  s.idle = gpu.idlePower > 0 ? gpu.idlePower : kAssumedIdleShare * gpu.tdp;
  s.assumed = gpu.commPower <= 0 || gpu.idlePower <= 0;
  return s;
}

namespace {

// Appends `s` with the floor applied: a ramp that crosses the floor is split where it crosses,
// so the floored step is still piecewise linear and its energy exact.
void pushFloored(std::vector<Segment>& out, Segment s, double floor) {
  if (s.duration <= 0) return;
  if (s.from >= floor && s.to >= floor) {
    out.push_back(s);
  } else if (s.from <= floor && s.to <= floor) {
    out.push_back({s.duration, floor, floor});
  } else {
    const double cross = s.duration * (floor - s.from) / (s.to - s.from);
    if (s.from < floor) {
      out.push_back({cross, floor, floor});
      out.push_back({s.duration - cross, floor, s.to});
    } else {
      out.push_back({cross, s.from, floor});
      out.push_back({s.duration - cross, floor, floor});
    }
  }
}

}  // namespace

StepShape stepShape(const training::StepBreakdown& b, const PowerStates& p, double floorShare) {
  const double compute = b.forward + b.backward + b.recompute;
  const double overlapped = b.tensorParallel + b.contextParallel + b.expertParallel + b.pipelineP2p;
  const double main = compute + overlapped;
  const double mix = main > 0 ? (p.busy * compute + p.comm * overlapped) / main : p.comm;
  const double floor = floorShare * p.busy;
  StepShape shape;
  pushFloored(shape.segments, {b.pipelineBubble / 2, p.idle, mix}, floor);  // fill
  pushFloored(shape.segments, {main, mix, mix}, floor);
  pushFloored(shape.segments, {b.pipelineBubble / 2, mix, p.idle}, floor);  // drain
  pushFloored(shape.segments, {b.dataParallel, p.comm, p.comm}, floor);
  pushFloored(shape.segments, {b.optimizer, p.comm, p.comm}, floor);
  for (const Segment& s : shape.segments) {
    shape.period += s.duration;
    shape.energy += s.energy();
  }
  shape.floorPower = floor;
  shape.idle = p.idle;
  return shape;
}

std::string_view toString(Activity a) {
  switch (a) {
    case Activity::Training:
      return "training";
    case Activity::Checkpoint:
      return "checkpoint";
    case Activity::Restart:
      return "restart";
    case Activity::Idle:
      break;
  }
  return "idle";
}

std::vector<double> failureTimes(double start, double mtbf, double until) {
  std::vector<double> out;
  if (!(mtbf > 0) || !std::isfinite(mtbf) || !(until > start)) return out;
  constexpr std::size_t kMaxFailures = 1'000'000;
  // The mean of the unit exponential over each band of quantiles [i/n, (i+1)/n): with
  // x = −ln(1 − q), ∫x·e^{−x}dx over the band is (x_a + 1)e^{−x_a} − (x_b + 1)e^{−x_b}, and the
  // band holds 1/n of the probability.
  constexpr std::size_t kBlock = 16;
  const auto tail = [](std::size_t i) {  // (x + 1)e^{−x} at quantile i/n; 0 at the last
    if (i >= kBlock) return 0.0;
    const double x = -std::log1p(-static_cast<double>(i) / kBlock);
    return (x + 1) * std::exp(-x);
  };
  std::array<double, kBlock> bandMean{};
  for (std::size_t i = 0; i < kBlock; ++i) bandMean[i] = (tail(i) - tail(i + 1)) * kBlock;
  // mt19937_64's output is fixed by the standard; the shuffle is ours (std::shuffle's is not).
  std::mt19937_64 rng(0x6769676170ULL);
  std::array<double, kBlock> block{};
  std::size_t used = kBlock;
  double t = start;
  for (;;) {
    if (used == kBlock) {
      block = bandMean;
      for (std::size_t i = kBlock - 1; i > 0; --i) std::swap(block[i], block[rng() % (i + 1)]);
      used = 0;
    }
    t += mtbf * block[used++];
    if (t >= until || out.size() == kMaxFailures) break;
    out.push_back(t);
  }
  return out;
}

Scenario scenarioFor(const training::Estimate& e, double seconds) {
  Scenario s;
  s.duration = seconds;
  s.jobStart = std::min(30.0, seconds / 10);
  s.checkpointInterval = e.reliability.checkpointInterval;
  s.checkpointWrite = e.reliability.checkpointWrite;
  if (e.reliability.mtbf > 0) {
    s.failures = failureTimes(s.jobStart, e.reliability.mtbf, seconds);
    s.restart = e.reliability.restart;
  }
  return s;
}

std::vector<Interval> timeline(const Scenario& s) {
  std::vector<Interval> out;
  const double end = s.duration;
  const double stop = s.stop();
  double t = std::min(s.jobStart, end);
  if (t > 0) out.push_back({0, t, Activity::Idle});
  std::vector<double> failures = s.failures;
  std::sort(failures.begin(), failures.end());
  auto next = std::lower_bound(failures.begin(), failures.end(), t);  // none strikes before the job starts
  const auto nextFailure = [&] { return next != failures.end() ? *next : INFINITY; };
  while (t < stop) {
    // Every training interval starts after the job start, a checkpoint or a restart: the next
    // checkpoint is one interval of training away.
    const double checkpointAt = s.checkpointInterval > 0 && s.checkpointWrite > 0 ? t + s.checkpointInterval : INFINITY;
    const double until = std::min({checkpointAt, nextFailure(), stop});
    if (until > t) out.push_back({t, until, Activity::Training});
    t = until;
    if (t >= stop) break;
    if (t == nextFailure()) {
      // Failures come in wall-clock time, as the goodput model counts them: one that falls in a
      // restart starts it again.
      double back = t + s.restart;
      ++next;
      while (nextFailure() < back && nextFailure() < stop) back = *next++ + s.restart;
      back = std::min(back, stop);
      if (back > t) out.push_back({t, back, Activity::Restart});
      t = back;
    } else {
      const double done = std::min({t + s.checkpointWrite, stop, nextFailure()});  // a failure cuts a write short
      out.push_back({t, done, Activity::Checkpoint});
      t = done;
    }
  }
  if (t < end) out.push_back({t, end, Activity::Idle});
  return out;
}

double SiteChain::load(double gpuPower) const {
  return std::max(0.0, itDesign - jobGpus * (busy - gpuPower)) + network;
}

double SiteChain::coolingAt(double load) const {
  const double design = itDesign + network;
  return design > 0 ? coolingDesign * load / design : 0;
}

SiteChain siteChain(const power::PowerResult& power, int jobGpus, const PowerStates& states,
                    double coolingTimeConstant) {
  SiteChain c;
  c.jobGpus = jobGpus;
  c.busy = states.busy;
  c.idle = states.idle;
  c.itDesign = power.it;
  c.network = power.network;
  c.coolingDesign = power.cooling;
  const double load = power.it + power.network + power.cooling;
  c.chainFactor = load > 0 ? (load + power.losses) / load : 1;
  c.coolingTimeConstant = coolingTimeConstant;
  return c;
}

double shelfStorageFor(const design::Layout& layout, const std::string& gpu, int jobGpus) {
  double storage = 0, gpus = 0;
  for (const design::Rack& r : layout.racks)
    if (r.spec && r.spec->gpu == gpu && r.spec->gpus > 0) storage += r.spec->shelfStorage, gpus += r.spec->gpus;
  return gpus > 0 ? storage / gpus * std::min<double>(jobGpus, gpus) : 0;
}

double shelfTimeConstant(const SiteChain& chain) {
  const double swing = chain.jobGpus * (chain.busy - chain.idle);
  return chain.shelfStorage > 0 && swing > 0 ? chain.shelfStorage / 2 / swing : 0;
}

namespace {

// The power shelves' storage: the racks' input follows their load through a first-order filter
// (time constant `tau`, discretised exactly for the load held over each sample: the filter's mean
// over the sample) and is pulled back to half charge over kShelfRestore, the storage giving or
// taking the difference within its energy. Returns W given (+) or taken (−) per sample.
std::vector<double> shelfFlow(const std::vector<double>& load, double dt, double storage, double tau) {
  std::vector<double> flow(load.size(), 0.0);
  if (storage <= 0 || tau <= 0 || load.empty()) return flow;
  const double decay = std::exp(-dt / tau), meanLag = tau / dt * (1 - decay);
  const double restore = (1 - std::exp(-dt / kShelfRestore)) / dt;
  double charge = storage / 2, smooth = load.front();
  for (std::size_t i = 0; i < load.size(); ++i) {
    const double gap = load[i] - smooth;
    smooth = load[i] - gap * decay;
    const double give = gap * meanLag - (storage / 2 - charge) * restore;
    flow[i] = std::clamp(give, (charge - storage) / dt, charge / dt);
    charge -= flow[i] * dt;
  }
  return flow;
}

// Energy per GPU from the start of interval `v` to `u` seconds into it.
double energyInto(const Interval& v, double u, const StepShape& shape) {
  switch (v.activity) {
    case Activity::Training: {
      if (shape.period <= 0) return u * shape.idle;
      const double steps = std::floor(u / shape.period);
      double rest = u - steps * shape.period;
      double e = steps * shape.energy;
      for (const Segment& s : shape.segments) {
        if (rest <= 0) break;
        const double d = std::min(rest, s.duration);
        const double at = s.duration > 0 ? s.from + (s.to - s.from) * d / s.duration : s.from;
        e += d * (s.from + at) / 2;
        rest -= d;
      }
      return e;
    }
    case Activity::Checkpoint:  // the job holds its GPUs: the floor (power smoothing) still applies
      return u * std::max(shape.idle, shape.floorPower);
    case Activity::Restart:
    case Activity::Idle:
      break;
  }
  return u * shape.idle;
}

}  // namespace

Waveform sampleWaveform(const StepShape& shape, const std::vector<Interval>& timeline, const SiteChain& chain,
                        double dt, double duration) {
  Waveform w;
  w.dt = dt;
  const auto n = static_cast<std::size_t>(std::llround(duration / dt));
  w.gpuPower.resize(n);
  w.activity.resize(n);
  std::vector<double> before(timeline.size() + 1, 0.0);  // energy per GPU up to each interval's start
  for (std::size_t k = 0; k < timeline.size(); ++k)
    before[k + 1] = before[k] + energyInto(timeline[k], timeline[k].end - timeline[k].start, shape);
  std::size_t k = 0;
  auto energyAt = [&](double t) {
    while (k + 1 < timeline.size() && timeline[k].end <= t) ++k;
    if (timeline.empty()) return t * shape.idle;
    const Interval& v = timeline[k];
    const double u = std::clamp(t - v.start, 0.0, v.end - v.start);
    return before[k] + energyInto(v, u, shape) + std::max(0.0, t - v.end) * shape.idle;
  };
  double previous = energyAt(0);
  for (std::size_t i = 0; i < n; ++i) {
    w.activity[i] = timeline.empty() ? Activity::Idle : timeline[k].activity;
    const double next = energyAt(static_cast<double>(i + 1) * dt);
    w.gpuPower[i] = (next - previous) / dt;
    previous = next;
  }
  // Cooling follows the heat through a first-order lag, discretised exactly for a held input.
  w.it.resize(n);
  w.cooling.resize(n);
  w.site.resize(n);
  for (std::size_t i = 0; i < n; ++i) w.it[i] = chain.load(w.gpuPower[i]);
  w.shelf = shelfFlow(w.it, dt, chain.shelfStorage, shelfTimeConstant(chain));
  const double keep = chain.coolingTimeConstant > 0 ? std::exp(-dt / chain.coolingTimeConstant) : 0;
  double cooling = n > 0 ? chain.coolingAt(w.it[0]) : 0;
  for (std::size_t i = 0; i < n; ++i) {
    cooling = keep * cooling + (1 - keep) * chain.coolingAt(w.it[i]);
    w.cooling[i] = cooling;
    w.site[i] = chain.chainFactor * (w.it[i] - w.shelf[i] + cooling);
  }
  return w;
}

}  // namespace gigaplan::dynamics
