// Process-wide catalog for the command line and the GUI (loaded on first use).
#include "app/cli/catalog_access.h"

#include <memory>
#include <mutex>
#include <ostream>

#include "core/catalog/catalog_loader.h"
#include "core/io/design_io.h"
#include "core/io/diagnostic.h"

namespace gigaplan::cli {

const catalog::Catalog* baseCatalog(std::ostream& err) {
  static std::once_flag once;
  static std::unique_ptr<catalog::Catalog> cat;
  static std::string error;
  std::call_once(once, [] {
    try {
      cat = std::make_unique<catalog::Catalog>(catalog::loadDirectory(catalog::defaultResourceDir() + "/catalog"));
    } catch (const io::LoadError& e) {
      error = e.what();
    }
  });
  if (!cat) err << "gigaplan: cannot load the equipment catalog: " << error << "\n";
  return cat.get();
}

std::shared_ptr<const design::ResolvedDesign> loadResolvedDesign(const std::string& ref, std::ostream& err) {
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return nullptr;
  try {
    return design::resolve(io::loadDesign(ref, *base), *base);
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return nullptr;
  }
}

}  // namespace gigaplan::cli
