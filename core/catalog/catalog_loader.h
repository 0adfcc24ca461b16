// Reads the equipment catalog from resources/catalog/*.yaml and applies a design's local changes.
//
//   catalog::Catalog base = catalog::loadDirectory(resourceDir + "/catalog");
//   catalog::Catalog eff  = catalog::withOverrides(base, design.catalogOverrides);
#pragma once

#include <map>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/catalog/catalog.h"
#include "core/io/yaml_reader.h"

namespace gigaplan::catalog {

/// Loads gpus.yaml, racks.yaml, switches.yaml, media.yaml, power.yaml, cooling.yaml and
/// gpu_efficiency.yaml from `dir` (files that are absent are skipped). Throws io::LoadError.
Catalog loadDirectory(const std::string& dir);

/// Loads one catalog file into `into` (sections: gpus, racks, switches, media, power_gear,
/// cooling_gear, gpu_efficiency). Throws io::LoadError.
void loadFile(const std::string& path, Catalog& into);

/// Field text as a design writes it: section → id → field → value ("power" → "125 kW").
using OverrideTable = std::map<std::string, std::map<std::string, std::map<std::string, std::string>>>;

/// Reads a design's `catalog:` section as text, validating sections, ids and field names and
/// every value against its field's unit. A new id (not in `base`) must give name, source and
/// the fields its kind needs. Throws io::LoadError pointing into the design file.
OverrideTable readOverrides(const YAML::Node& node, const io::YamlReader& reader, const std::string& path,
                            const Catalog& base);

/// The catalog with a design's changes applied (values already validated by readOverrides).
Catalog withOverrides(const Catalog& base, const OverrideTable& overrides);

/// Where the catalog lives: $GIGAPLAN_RESOURCES, else next to the executable (../share/gigaplan
/// or the source tree's resources/ for builds).
std::string defaultResourceDir();

}  // namespace gigaplan::catalog
