// Loading benchmarks: parse + check + expand each bundled sample (issue 2: the gigawatt campus
// in ≤ 150 ms with ≤ 200 MB peak memory). Peak RSS is reported as a counter (getrusage).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"

using namespace gigaplan;

namespace {

const catalog::Catalog& benchCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}

double peakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void loadSample(benchmark::State& state, const char* file) {
  const std::string path = std::string(GIGAPLAN_SOURCE_DIR "/samples/") + file;
  std::size_t racks = 0;
  for (auto _ : state) {
    auto r = design::resolve(io::loadDesign(path, benchCatalog()), benchCatalog());
    racks = r->layout.racks.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["racks"] = static_cast<double>(racks);
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

void loadCatalog(benchmark::State& state) {
  for (auto _ : state) {
    auto cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    benchmark::DoNotOptimize(cat);
  }
}

}  // namespace

BENCHMARK(loadCatalog)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(loadSample, teaching_hall, "teaching-hall.yaml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(loadSample, llama3_cluster, "llama3-cluster.yaml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(loadSample, colossus1_like, "colossus1-like.yaml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(loadSample, gigawatt_campus, "gigawatt-campus.yaml")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
