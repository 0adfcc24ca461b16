// Training model speed: one plan (step time + memory) must take ≤ 5 µs; the parallelism search
// for the 530B model (105 layers, hidden 20480, 128 heads, seq 2048) on 5,128 A100 with global
// batch 2,520 must take ≤ 0.2 s on 2 cores; the search for the gigawatt campus's own job (the
// illustrative 7 T frontier MoE: TP, PP, VP, DP, CP, EP, micro-batch, recompute, SP, optimizer
// sharding) on the cluster its evaluation offers (331,776 GB200) must take ≤ 1 s on 2 cores.
#include <benchmark/benchmark.h>

#include <ctime>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/io/design_io.h"
#include "core/training/estimate.h"
#include "core/training/search.h"

using namespace gigaplan;
using namespace gigaplan::training;

namespace {

const catalog::Catalog& repositoryCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(std::string(GIGAPLAN_SOURCE_DIR) + "/resources/catalog");
  return cat;
}

Job model530B() {
  Job j;
  j.model.name = "530B";
  j.model.layers = 105;
  j.model.hidden = 20480;
  j.model.ffnHidden = 4 * 20480;
  j.model.heads = j.model.kvHeads = 128;
  j.model.seqLen = 2048;
  j.model.vocab = 51200;
  j.training.tokens = 270e9;
  j.training.globalBatch = 2520;
  return j;
}

Cluster a100s(int count) {
  Cluster c;
  c.gpu = "a100-sxm-80gb";
  c.count = count;
  c.scaleUpSize = 8;
  return c;
}

// Megatron Table 1 plan for the 530B model: TP8 PP35 DP9, 3 virtual stages, full recompute.
Job tableOnePlan530B() {
  Job j = model530B();
  j.parallelism.tp = 8;
  j.parallelism.pp = 35;
  j.parallelism.dp = 9;
  j.parallelism.virtualStages = 3;
  j.parallelism.recompute = Recompute::Full;
  return j;
}

// Step time + memory: what the search evaluates per plan.
void BM_OnePlan530B(benchmark::State& state) {
  const Job j = tableOnePlan530B();
  const Cluster c = a100s(2520);
  const GpuParams g = resolveGpu(*repositoryCatalog().gpu(c.gpu), c);
  for (auto _ : state) benchmark::DoNotOptimize(scorePlan(j, c, g));
}
BENCHMARK(BM_OnePlan530B)->Unit(benchmark::kMicrosecond);

// The full estimate (days, goodput, energy, notes) the command line prints.
void BM_FullEstimate530B(benchmark::State& state) {
  const Job j = tableOnePlan530B();
  const Cluster c = a100s(2520);
  const GpuParams g = resolveGpu(*repositoryCatalog().gpu(c.gpu), c);
  for (auto _ : state) benchmark::DoNotOptimize(estimate(j, c, g));
}
BENCHMARK(BM_FullEstimate530B)->Unit(benchmark::kMicrosecond);

void BM_Search530BOn5128A100(benchmark::State& state) {
  const Job j = model530B();
  const Cluster c = a100s(5128);
  const GpuParams g = resolveGpu(*repositoryCatalog().gpu(c.gpu), c);
  SearchOptions o;
  o.threads = 2;
  o.top = 10;
  std::size_t candidates = 0;
  for (auto _ : state) {
    const SearchResult r = searchPlans(j, c, g, o);
    candidates = r.candidates;
    benchmark::DoNotOptimize(r.best.data());
  }
  state.counters["plans"] = static_cast<double>(candidates);
}
BENCHMARK(BM_Search530BOn5128A100)->Unit(benchmark::kMillisecond)->UseRealTime();

// samples/gigawatt-campus.yaml: its job searched anew on the cluster its evaluation offers.
void BM_SearchFrontierMoeOnGigawattCampus(benchmark::State& state) {
  const auto& cat = repositoryCatalog();
  const auto site = design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml", cat), cat);
  const engine::Evaluation eval = engine::evaluate(site->design, site->layout, *site->catalog);
  const Cluster c = engine::clusterFromEvaluation(site->design, eval);
  const GpuParams g = resolveGpu(*cat.gpu(c.gpu), c);
  Job j = *site->design.job;
  j.parallelism = {};
  j.parallelism.automatic = true;
  SearchOptions o;
  o.threads = 2;
  o.top = 10;
  std::size_t candidates = 0;
  // Process CPU time over all threads (std::clock on Linux): the fair figure on a shared machine.
  const std::clock_t start = std::clock();
  for (auto _ : state) {
    const SearchResult r = searchPlans(j, c, g, o);
    candidates = r.candidates;
    benchmark::DoNotOptimize(r.best.data());
  }
  state.counters["plans"] = static_cast<double>(candidates);
  state.counters["gpus"] = static_cast<double>(c.count);
  state.counters["cpu_s_all_threads"] =
      static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SearchFrontierMoeOnGigawattCampus)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
