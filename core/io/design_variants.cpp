// Merging a design's variant over it (see design_variants.h).
#include "core/io/design_variants.h"

#include <cstddef>
#include <optional>

namespace gigaplan::io {
namespace {

// The `id` of a list element, when it is a mapping that has a plain one.
std::optional<std::string> elementId(const YAML::Node& n) {
  if (!n.IsMap()) return std::nullopt;
  const YAML::Node id = static_cast<const YAML::Node&>(n)["id"];
  if (!id.IsDefined() || !id.IsScalar()) return std::nullopt;
  return id.Scalar();
}

// A list merges element by element when every element on both sides is an object with an id;
// any other list (coordinates, id lists, phases) is replaced whole.
bool mergesById(const YAML::Node& base, const YAML::Node& overlay) {
  if (!base.IsSequence() || !overlay.IsSequence() || overlay.size() == 0) return false;
  for (const auto& e : overlay)
    if (!elementId(e)) return false;
  for (const auto& e : base)
    if (!elementId(e)) return false;
  return true;
}

bool isRemoval(const YAML::Node& element) {
  const YAML::Node removed = static_cast<const YAML::Node&>(element)["removed"];
  return removed.IsDefined() && removed.IsScalar() && removed.Scalar() == "true";
}

class Merger {
 public:
  explicit Merger(const YamlReader& r) : r_(r) {}

  // Merges mapping `overlay` into mapping `base`, key by key (the overlay's nodes are shared, not
  // copied, so they keep their place in the file).
  void mergeMaps(YAML::Node base, const YAML::Node& overlay, const std::string& path) {
    for (const auto& kv : overlay) {
      if (!kv.first.IsScalar()) r_.fail(kv.first, path, YamlReader::describe(kv.first), "a plain key");
      const std::string key = kv.first.Scalar();
      const std::string childPath = YamlReader::join(path, key);
      const YAML::Node current = static_cast<const YAML::Node&>(base)[key];
      if (!current.IsDefined()) {
        base.force_insert(kv.first, kv.second);
      } else if (current.IsMap() && kv.second.IsMap()) {
        mergeMaps(current, kv.second, childPath);
      } else if (mergesById(current, kv.second)) {
        mergeList(current, kv.second, childPath);
      } else {
        YAML::Node target = current;
        target = kv.second;
      }
    }
  }

 private:
  void mergeList(YAML::Node base, const YAML::Node& overlay, const std::string& path) {
    for (std::size_t i = 0; i < overlay.size(); ++i) {
      const YAML::Node element = overlay[i];
      const std::string id = *elementId(element);
      const std::string elementPath = YamlReader::index(path, i);
      std::optional<std::size_t> at;
      for (std::size_t j = 0; j < base.size() && !at; ++j)
        if (elementId(base[j]) == id) at = j;
      if (isRemoval(element)) {
        if (!at)
          r_.fail(static_cast<const YAML::Node&>(element)["id"], elementPath + ".id",
                  "'" + id + "', which the design does not have", removable(base));
        if (element.size() != 2)
          r_.fail(element, elementPath, "'removed: true' with other keys", "only 'id' and 'removed' to drop an object");
        base.remove(*at);
      } else if (at) {
        mergeMaps(base[*at], element, elementPath);
      } else {
        base.push_back(element);
      }
    }
  }

  // "one of the ids in this list: a, b, c" (the first few).
  static std::string removable(const YAML::Node& list) {
    std::string ids;
    std::size_t shown = 0;
    for (const auto& e : list) {
      if (shown++ == 8) {
        ids += ", …";
        break;
      }
      ids += (ids.empty() ? "" : ", ") + *elementId(e);
    }
    return ids.empty() ? "an id the list holds (it is empty)" : "an id the list holds: " + ids;
  }

  const YamlReader& r_;
};

}  // namespace

void checkVariantKeys(const YamlReader& r, const YAML::Node& n, const std::string& path) {
  r.checkKeys(n, path,
              {"description", "site", "catalog", "power", "cooling", "halls", "network", "job", "power_dynamics",
               "overrides", "phases"});
}

void applyVariant(YAML::Node& root, const std::string& name, const YamlReader& r) {
  const YAML::Node variants = static_cast<const YAML::Node&>(root)["variants"];
  if (!variants.IsDefined() || variants.IsNull())
    r.fail(root, "variants." + name, "a design without variants", "a design whose 'variants' holds '" + name + "'");
  r.requireMap(variants, "variants");
  std::optional<YAML::Node> overlay;
  std::string names;
  for (const auto& kv : variants) {
    names += (names.empty() ? "" : ", ") + kv.first.Scalar();
    if (kv.first.Scalar() == name) overlay = kv.second;
  }
  if (!overlay) r.fail(variants, "variants", "no variant '" + name + "'", "one of: " + names);
  const std::string path = YamlReader::join("variants", name);
  checkVariantKeys(r, *overlay, path);
  root.remove("variants");
  // The variant's description is its own, not the design's.
  YAML::Node changes(YAML::NodeType::Map);
  for (const auto& kv : *overlay)
    if (kv.first.Scalar() != "description") changes.force_insert(kv.first, kv.second);
  Merger(r).mergeMaps(root, changes, "");
}

}  // namespace gigaplan::io
