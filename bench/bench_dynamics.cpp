// Power dynamics speed: one hour at 10 Hz (36,000 samples) for the gigawatt campus
// (samples/gigawatt-campus.yaml) running the job in bench/data/gigawatt-job.yaml — waveform
// generated, dispatched over its batteries, turbines and grid, and analysed (spectra, grid
// limits) — must take ≤ 1 s on 2 cores. BM_ProfileWithSizing adds the smallest-battery search
// under example limits (100 MW/min, 50 MW step, 10 MW oscillation, an 80 % GPU power floor).
// The design load, evaluation and training estimate are set-up, outside the timing.
#include <benchmark/benchmark.h>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/dynamics/power_profile.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/io/design_io.h"
#include "core/training/job_reader.h"

using namespace gigaplan;

namespace {

struct Campus {
  std::shared_ptr<const design::ResolvedDesign> resolved;
  engine::Evaluation eval;
  training::Estimate estimate;
  const catalog::Gpu* gpu = nullptr;
};

const Campus& campus() {
  static const Campus c = [] {
    Campus out;
    const catalog::Catalog cat = catalog::loadDirectory(std::string(GIGAPLAN_SOURCE_DIR) + "/resources/catalog");
    out.resolved = design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml", cat), cat);
    out.eval = engine::evaluate(out.resolved->design, out.resolved->layout, *out.resolved->catalog);
    const training::Cluster cluster = engine::clusterFromEvaluation(out.resolved->design, out.eval);
    const training::Job job = training::loadJobFile(GIGAPLAN_SOURCE_DIR "/bench/data/gigawatt-job.yaml", &cluster);
    out.gpu = out.resolved->catalog->gpu(cluster.gpu);
    out.estimate = training::estimate(job, cluster, training::resolveGpu(*out.gpu, cluster));
    return out;
  }();
  return c;
}

void run(benchmark::State& state, const design::PowerDynamicsSpec& spec, bool size) {
  const Campus& c = campus();
  for (auto _ : state) {
    const dynamics::PowerProfile p =
        dynamics::powerProfile(c.resolved->layout, c.eval.power, c.estimate, *c.gpu, spec,
                               {.seconds = 3600, .dt = 0.1, .jobStop = 0, .sizeBattery = size});
    benchmark::DoNotOptimize(p.grid.figures.swing);
    state.counters["samples"] = static_cast<double>(p.waveform.size());
    state.counters["grid_swing_MW"] = p.grid.figures.swing / 1e6;
  }
}

void BM_ProfileOneHour(benchmark::State& state) {
  run(state, campus().resolved->design.powerDynamics, false);
}
BENCHMARK(BM_ProfileOneHour)->Unit(benchmark::kMillisecond);

design::PowerDynamicsSpec exampleLimits() {
  design::PowerDynamicsSpec spec;
  spec.gridRampLimit = 100e6 / 60;
  spec.gridLargestStep = 50e6;
  spec.gridOscillationLimit = 10e6;
  spec.gpuPowerFloor = 0.8;
  return spec;
}

void BM_ProfileWithSizing(benchmark::State& state) {
  run(state, exampleLimits(), true);
}
BENCHMARK(BM_ProfileWithSizing)->Unit(benchmark::kMillisecond);

// The sizing search when it bisects all the way: the campus's batteries taken as instant (with
// their 0.2 s response nothing holds the 50 MW step, and the search stops after two dispatches).
void BM_SmallestBatteryBisection(benchmark::State& state) {
  const Campus& c = campus();
  design::PowerDynamicsSpec spec = exampleLimits();
  spec.gridLargestStep = 0;
  const dynamics::PowerProfile p =
      dynamics::powerProfile(c.resolved->layout, c.eval.power, c.estimate, *c.gpu, spec,
                             {.seconds = 3600, .dt = 0.1, .jobStop = 0, .sizeBattery = false});
  dynamics::Sources instant = p.sources;
  instant.batteryResponse = 0;
  for (auto _ : state) {
    const dynamics::BatterySizing b = dynamics::smallestBattery(p.waveform.site, p.waveform.dt, instant, spec);
    benchmark::DoNotOptimize(b.power);
    state.counters["battery_MW"] = b.power / 1e6;
    state.counters["battery_MWh"] = b.energy / 3.6e9;
  }
}
BENCHMARK(BM_SmallestBatteryBisection)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
