// Reading and writing design files (YAML, `format: 1`). Loading is all-or-nothing: either a
// complete, reference-checked Design comes back or an io::LoadError names the first problem as
// file:line:column: key.path: found X, expected Y.
//
//   catalog::Catalog cat = catalog::loadDirectory(catalog::defaultResourceDir() + "/catalog");
//   design::Design d = io::loadDesign("samples/teaching-hall.yaml", cat);
//   io::saveDesign(d, "copy.yaml");      // loadDesign("copy.yaml", cat) == d
#pragma once

#include <string>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/io/diagnostic.h"

namespace gigaplan::io {

inline constexpr int kFormatVersion = 1;

/// Loads and fully checks a design: syntax, keys, units, ranges, catalog ids, references between
/// objects, power-graph cycles, template sizes (by expanding it once). Throws LoadError.
design::Design loadDesign(const std::string& path, const catalog::Catalog& catalog, const Limits& limits = {});
/// The same from text in memory; `fileName` is used in messages.
design::Design loadDesignText(const std::string& text, const std::string& fileName, const catalog::Catalog& catalog,
                              const Limits& limits = {});

/// YAML text of a design. The header comment is kept; values are written with units so that
/// loading the text gives back an equal Design.
std::string designToYaml(const design::Design& design);

/// The design as it is to be written to `path`: the files its site names relative to itself
/// (site.weather, site.grid_carbon_hourly) re-expressed relative to `path`'s folder, so that a
/// copy saved elsewhere still finds them; its sourceFile becomes `path`.
design::Design relocated(const design::Design& design, const std::string& path);

/// Writes designToYaml(relocated(design, path)) to `path` (atomically: a temporary file renamed
/// over the target). Throws std::runtime_error with the reason when the file cannot be written.
void saveDesign(const design::Design& design, const std::string& path);

}  // namespace gigaplan::io
