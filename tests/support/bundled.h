// What the core tests read from the repository: the bundled catalog (loaded once per process) and
// the text of a file (a sample, to append keys to).
//
//   const catalog::Catalog& cat = testsupport::baseCatalog();
//   std::string text = testsupport::readFile(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml");
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/catalog/catalog_loader.h"

namespace gigaplan::testsupport {

inline const catalog::Catalog& baseCatalog() {
  static const catalog::Catalog c = catalog::loadDirectory(catalog::defaultResourceDir() + "/catalog");
  return c;
}

/// The whole file; "" when it cannot be read.
inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace gigaplan::testsupport
