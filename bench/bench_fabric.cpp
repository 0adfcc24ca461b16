// analyzeFabric on a synthetic gigawatt site: 8,000 GB200 NVL72 racks (576,000 GPUs, 400 Gb/s
// each) in rows of 40, and 1/8, 1/4, 1/2 of it to show the cost is linear in racks.
// Switches: Quantum-X800 Q3400 (144 × 800G, split to 288 × 400G: 3 tiers) and Quantum-2 QM9700
// (64 × 400G: 4 tiers, more switches to place and cable).
#include <benchmark/benchmark.h>

#include "core/fabric/fabric.h"
#include "tests/fabric/fabric_fixture.h"

namespace {

using namespace gigaplan;

void BM_AnalyzeFabric(benchmark::State& state, const char* switchModel) {
  const auto cat = fabric::fixture::makeCatalog();
  const int racks = static_cast<int>(state.range(0));
  const auto layout = fabric::fixture::makeLayout(cat, racks / 40, 40, "gb200-nvl72");
  design::NetworkPlan plan;
  plan.switchModel = switchModel;
  std::int64_t switches = 0;
  for (auto _ : state) {
    auto r = fabric::analyzeFabric(layout, plan, cat);
    switches = r.totalSwitches;
    benchmark::DoNotOptimize(r);
  }
  state.counters["racks"] = racks;
  state.counters["switches"] = static_cast<double>(switches);
  state.SetComplexityN(racks);
}

}  // namespace

BENCHMARK_CAPTURE(BM_AnalyzeFabric, q3400, "q3400")
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(4000)
    ->Arg(8000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK_CAPTURE(BM_AnalyzeFabric, qm9700, "qm9700")
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(4000)
    ->Arg(8000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

BENCHMARK_MAIN();
