// Variants inside a design file (key `variants`, see design::VariantSpec): the overlay of one merged
// over the parsed file, in place, before the design is read — so every error of a variant's design
// points at the line of the file that holds it, in the variant or in the base it changes.
//
//   YAML::Node root = reader.parseText(text);
//   io::applyVariant(root, "gb300", reader);   // root is now the gb300 design, without `variants`
//
// Internal to core/io: callers load "site.yaml#gb300" through io::loadDesign.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "core/io/yaml_reader.h"

namespace gigaplan::io {

/// Checks that variant `n` (at `path`, "variants.gb300") is a mapping of the keys a variant may hold:
/// its description and the design's own top-level sections.
void checkVariantKeys(const YamlReader& r, const YAML::Node& n, const std::string& path);

/// Merges variant `name` of `root` (a parsed design file) into it and drops `variants`. Fails
/// through `r` (a LoadError at the variant's name or at the overlay entry that cannot apply) when
/// the file has no such variant, or an overlay removes an object the base lacks.
void applyVariant(YAML::Node& root, const std::string& name, const YamlReader& r);

}  // namespace gigaplan::io
