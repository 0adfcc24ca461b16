// libFuzzer target: any bytes as a design file. The loader must return a design or throw
// io::LoadError — never crash, hang, leak or allocate without bound.
#include <cstdint>
#include <string>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"

using namespace gigaplan;

namespace {
const catalog::Catalog& fuzzCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  io::Limits limits;
  limits.maxFileBytes = 1 << 20;
  // Fuzzing explores the reader, not scale: a gigawatt-sized expansion under ASan and coverage
  // instrumentation takes longer than the 1 s per-input budget, so expansions stop at 5,000.
  limits.maxExpandedObjects = 5'000;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto d = io::loadDesignText(text, "fuzz.yaml", fuzzCatalog(), limits);
    // What loads must also save and load again.
    const std::string saved = io::designToYaml(d);
    io::loadDesignText(saved, "fuzz-saved.yaml", fuzzCatalog(), limits);
  } catch (const io::LoadError&) {
  }
  return 0;
}
