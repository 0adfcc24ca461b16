// The year model on the gigawatt campus sample (samples/gigawatt-campus.yaml: 6,816 racks, 800+
// cooling units): 8,760 hours of Chicago's typical year (resources/weather/chicago.epw), the
// plant downstream of the CDUs and air handlers re-run each hour. The evaluation itself is outside
// the timing (bench_evaluate measures it); reading and checking the EPW file is timed separately.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/annual/year.h"
#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/io/epw_reader.h"

namespace {

using namespace gigaplan;

struct Campus {
  catalog::Catalog base = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  std::shared_ptr<const design::ResolvedDesign> r =
      design::resolve(io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml", base), base);
  engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
  io::WeatherYear weather = io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw");
};

const Campus& campus() {
  static const Campus c;
  return c;
}

void BM_YearGigawattCampus(benchmark::State& state) {
  const Campus& c = campus();
  for (auto _ : state) {
    annual::YearResult y = annual::simulateYear(c.r->design, c.r->layout, c.e, c.weather);
    benchmark::DoNotOptimize(y.year.energy);
  }
  state.counters["hours"] = static_cast<double>(c.weather.hours.size());
  state.counters["cooling_units"] = static_cast<double>(c.r->layout.cooling.size());
}
BENCHMARK(BM_YearGigawattCampus)->Unit(benchmark::kMillisecond);

void BM_ReadEpw(benchmark::State& state) {
  for (auto _ : state) {
    io::WeatherYear w = io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw");
    benchmark::DoNotOptimize(w.hours.data());
  }
}
BENCHMARK(BM_ReadEpw)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
