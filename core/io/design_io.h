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
/// "site.yaml#gb300" loads the design's variant gb300 (design::VariantSpec): the variant merged over
/// the design, checked in full; the result has `variant` set and no variants of its own. The base
/// design checks only the shape of its variants, so a variant broken by an edit of the base never
/// stops the base from loading — `gigaplan validate` checks each variant.
design::Design loadDesign(const std::string& ref, const catalog::Catalog& catalog, const Limits& limits = {});
/// The same from text in memory; `fileName` is used in messages; `variant` as after '#' above.
design::Design loadDesignText(const std::string& text, const std::string& fileName, const catalog::Catalog& catalog,
                              const Limits& limits = {}, const std::string& variant = {});

/// "site.yaml#gb300" → {"site.yaml", "gb300"}; a name without '#', or that names an existing file,
/// is all file.
struct DesignRef {
  std::string file, variant;
};
DesignRef splitDesignRef(const std::string& ref);
/// Variant `name` of `design` as it now stands (edits not yet saved included): the design written
/// out and the variant merged over it. Messages name the design's file "(as edited)", and their
/// lines are of that text — load from the file for its own lines. Throws LoadError.
design::Design variantOf(const design::Design& design, const std::string& name, const catalog::Catalog& catalog);
/// How a loaded design is named to the planner: its file, with "#variant" when it is one.
std::string designLabel(const design::Design& design);

/// YAML text of a design. The header comment is kept; values are written with units so that
/// loading the text gives back an equal Design.
std::string designToYaml(const design::Design& design);

/// The design as it is to be written to `path`: the files its site names relative to itself
/// (site.weather, site.grid_carbon_hourly) re-expressed relative to `path`'s folder, so that a
/// copy saved elsewhere still finds them; its sourceFile becomes `path`.
design::Design relocated(const design::Design& design, const std::string& path);

/// Writes designToYaml(relocated(design, path)) to `path` (io::writeFileAtomically: a temporary
/// file renamed over the target, through a symbolic link). Throws std::runtime_error with the reason when the file
/// cannot be written.
void saveDesign(const design::Design& design, const std::string& path);

}  // namespace gigaplan::io
