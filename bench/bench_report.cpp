// The core half of a report on the gigawatt sample (samples/gigawatt-campus.yaml): building the
// report content (site plan, single-line diagram, charts, tables), then writing it as HTML,
// Markdown, JSON and the BOM as CSV. The PDF half needs Qt and is timed by
// `gigaplan report samples/gigawatt-campus.yaml -o campus.pdf --bench` (see README).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/bom_csv.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/report_builder.h"
#include "core/report/report_json.h"

namespace {

using namespace gigaplan;

struct Campus {
  std::shared_ptr<const design::ResolvedDesign> design;
  engine::Evaluation eval;
  report::TrainingPlan training;
};

// Loaded once; nullptr when the sample is not there.
const Campus* campus() {
  static const std::unique_ptr<Campus> c = []() -> std::unique_ptr<Campus> {
    const std::string path = GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml";
    if (!std::filesystem::exists(path)) return nullptr;
    static const catalog::Catalog base = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    auto out = std::make_unique<Campus>();
    out->design = design::resolve(io::loadDesign(path, base), base);
    out->eval = engine::evaluate(out->design->design, out->design->layout, *out->design->catalog);
    out->training = report::planTraining(*out->design, out->eval);
    return out;
  }();
  return c.get();
}

report::ReportDocument document(const Campus& c) {
  report::ReportInputs in(*c.design, c.eval, c.training);
  return report::buildReport(in);
}

void BM_BuildReport(benchmark::State& state) {
  const Campus* c = campus();
  if (!c) return state.SkipWithError("samples/gigawatt-campus.yaml not found");
  for (auto _ : state) benchmark::DoNotOptimize(document(*c));
}

void BM_Html(benchmark::State& state) {
  const Campus* c = campus();
  if (!c) return state.SkipWithError("samples/gigawatt-campus.yaml not found");
  const report::ReportDocument doc = document(*c);
  for (auto _ : state) benchmark::DoNotOptimize(report::toHtml(doc));
}

void BM_Markdown(benchmark::State& state) {
  const Campus* c = campus();
  if (!c) return state.SkipWithError("samples/gigawatt-campus.yaml not found");
  const report::ReportDocument doc = document(*c);
  for (auto _ : state) benchmark::DoNotOptimize(report::toMarkdown(doc, "campus_images"));
}

void BM_Json(benchmark::State& state) {
  const Campus* c = campus();
  if (!c) return state.SkipWithError("samples/gigawatt-campus.yaml not found");
  for (auto _ : state) benchmark::DoNotOptimize(report::reportJson(*c->design, c->eval, c->training));
}

void BM_BomCsv(benchmark::State& state) {
  const Campus* c = campus();
  if (!c) return state.SkipWithError("samples/gigawatt-campus.yaml not found");
  for (auto _ : state) benchmark::DoNotOptimize(report::bomCsv(c->eval.bom, *c->design->catalog));
}

BENCHMARK(BM_BuildReport)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Html)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Markdown)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Json)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BomCsv)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
