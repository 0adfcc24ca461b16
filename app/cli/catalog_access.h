// Loads the equipment catalog once per process for the command line and the GUI.
#pragma once

#include <iosfwd>

#include "core/catalog/catalog.h"

namespace gigaplan::cli {

/// The base catalog from catalog::defaultResourceDir(); on failure writes the load error to `err`
/// and returns nullptr.
const catalog::Catalog* baseCatalog(std::ostream& err);

}  // namespace gigaplan::cli
