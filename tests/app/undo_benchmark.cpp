// Undo memory and speed (Google Benchmark; a program, not a test). An undo step keeps one Design
// snapshot (templates and overrides), not the resolved design; undo and redo resolve it again.
// Target: ≤ 200 kB per undo step on samples/gigawatt-campus.yaml.
//   build/tests/undo_benchmark [--benchmark_filter=...]
// Bytes are the C++ heap this program holds (global operator new/delete counted with
// malloc_usable_size) after 20 edits, less before them, per edit: everything the undo stack keeps.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <QCoreApplication>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <new>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"

namespace {
std::atomic<long long> gLiveBytes{0};
}  // namespace

void* operator new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  gLiveBytes += static_cast<long long>(malloc_usable_size(p));
  return p;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  gLiveBytes -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}

using namespace gigaplan;

namespace {

const char* const kCampus = GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml";

// One planner's edit: a rack nudged (an override), as a drag or the properties table makes it.
void nudge(app::Document& doc, const std::string& rack, design::Vec2 at, int i) {
  const QString error = doc.edit("Move rack", [&](design::Design& d) {
    d.overrides[rack].position = design::Vec2{at.x, at.y + 0.001 * (i % 2)};
  });
  if (!error.isEmpty()) std::cerr << "edit refused: " << error.toStdString() << "\n";
}

void BM_UndoStepBytes(benchmark::State& state) {
  const catalog::Catalog* base = cli::baseCatalog(std::cerr);
  app::Document doc(*base);
  if (!doc.open(kCampus).isEmpty()) {
    state.SkipWithError("cannot open the gigawatt campus");
    return;
  }
  const design::Rack& first = doc.resolved()->layout.racks.front();
  const std::string rack = first.id;
  const design::Vec2 at = first.position;
  constexpr int kSteps = 20;
  double perStep = 0;
  for (auto _ : state) {
    doc.undoStack()->clear();
    const long long before = gLiveBytes.load();
    for (int i = 0; i < kSteps; ++i) nudge(doc, rack, at, i);
    perStep = static_cast<double>(gLiveBytes.load() - before) / kSteps;
  }
  state.counters["bytes_per_undo_step"] = perStep;
  state.counters["racks"] = static_cast<double>(doc.resolved()->layout.racks.size());
  state.counters["undo_steps"] = doc.undoStack()->count();
}
BENCHMARK(BM_UndoStepBytes)->Iterations(3)->Unit(benchmark::kMillisecond);

// An undo and its redo: two designs resolved again (what the planner waits for on Ctrl+Z).
void BM_UndoRedo(benchmark::State& state) {
  const catalog::Catalog* base = cli::baseCatalog(std::cerr);
  app::Document doc(*base);
  if (!doc.open(kCampus).isEmpty()) {
    state.SkipWithError("cannot open the gigawatt campus");
    return;
  }
  const design::Rack& first = doc.resolved()->layout.racks.front();
  nudge(doc, first.id, first.position, 1);
  for (auto _ : state) {
    doc.undoStack()->undo();
    doc.undoStack()->redo();
  }
}
BENCHMARK(BM_UndoRedo)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
