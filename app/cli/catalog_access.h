// Loads the equipment catalog once per process for the command line and the GUI.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "core/catalog/catalog.h"
#include "core/design/resolved_design.h"

namespace gigaplan::cli {

/// The base catalog from catalog::defaultResourceDir(); on failure writes the load error to `err`
/// and returns nullptr.
const catalog::Catalog* baseCatalog(std::ostream& err);

/// The design at `ref` (a file, or FILE#variant) resolved against the base catalog; on failure
/// (catalog or design not loadable) writes the error to `err` and returns nullptr.
std::shared_ptr<const design::ResolvedDesign> loadResolvedDesign(const std::string& ref, std::ostream& err);

}  // namespace gigaplan::cli
