// Shared by the report tests: the bundled samples (whatever samples/*.yaml holds, so new samples
// are tested without editing the tests), each loaded, evaluated and training-planned once per run.
#pragma once

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/training_plan.h"

namespace report_fixture {

using namespace gigaplan;

inline const catalog::Catalog& base() {
  static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}

inline std::vector<std::string> samplePaths() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(GIGAPLAN_SOURCE_DIR "/samples")) {
    if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

inline std::string samplePath(const std::string& name) {
  return GIGAPLAN_SOURCE_DIR "/samples/" + name;
}

/// One row per sample: the column "path".
inline void addSampleRows() {
  QTest::addColumn<QString>("path");
  for (const auto& p : samplePaths()) {
    QTest::newRow(std::filesystem::path(p).filename().string().c_str()) << QString::fromStdString(p);
  }
}

struct Evaluated {
  std::shared_ptr<const design::ResolvedDesign> design;
  engine::Evaluation eval;
  report::TrainingPlan training;
};

inline std::shared_ptr<const design::ResolvedDesign> resolve(design::Design d) {
  return design::resolve(std::move(d), base());
}

/// The sample at `path`, evaluated once per process.
inline const Evaluated& evaluated(const std::string& path) {
  static std::map<std::string, std::unique_ptr<Evaluated>> cache;
  auto& slot = cache[path];
  if (!slot) {
    slot = std::make_unique<Evaluated>();
    slot->design = resolve(io::loadDesign(path, base()));
    slot->eval = engine::evaluate(slot->design->design, slot->design->layout, *slot->design->catalog);
    slot->training = report::planTraining(*slot->design, slot->eval);
  }
  return *slot;
}

}  // namespace report_fixture
