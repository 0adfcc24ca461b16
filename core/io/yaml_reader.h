// Typed, located reads from yaml-cpp nodes: every failure becomes an io::LoadError that names
// file:line:column, the key path, what was found and what was expected.
//
//   YamlReader r{"site.yaml", limits};
//   YAML::Node root = r.parseFile("site.yaml");         // size, nesting and alias-bomb guarded
//   r.requireMap(root, "");
//   r.checkKeys(root, "", {"format", "site", "halls"});  // unknown keys are errors
//   double p = r.quantity(root["site"]["ambient"], "site.ambient", units::Dimension::Temperature, -50, 60);
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/io/diagnostic.h"
#include "core/units/units.h"

namespace gigaplan::io {

class YamlReader {
 public:
  explicit YamlReader(std::string file, Limits limits = {}) : file_(std::move(file)), limits_(limits) {}

  const std::string& file() const { return file_; }
  const Limits& limits() const { return limits_; }

  /// Reads and parses a whole file, enforcing the size, nesting and node-count limits; `what` says
  /// what the file should be when it cannot be read ("a job file").
  YAML::Node parseFile(const std::string& path, const std::string& what = "a YAML file") const;
  /// Parses text already in memory (same guards).
  YAML::Node parseText(const std::string& text) const;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& keyPath, const std::string& found,
                         const std::string& expected) const;
  [[noreturn]] void failAt(YAML::Mark mark, const std::string& keyPath, const std::string& found,
                           const std::string& expected) const;

  void requireMap(const YAML::Node& n, const std::string& path) const;
  void requireSequence(const YAML::Node& n, const std::string& path) const;
  /// Every key of map `n` must be in `allowed`; the error points at the offending key.
  void checkKeys(const YAML::Node& n, const std::string& path, std::initializer_list<std::string_view> allowed) const;
  /// Fails at `at`, the key `key` of map `path` that is none of `allowed`: lists them, and names the
  /// one it most likely meant when one is near ("did you mean 'rating'?", base::nearestName).
  [[noreturn]] void failUnknownKey(const YAML::Node& at, const std::string& path, const std::string& key,
                                   const std::vector<std::string_view>& allowed) const;
  /// The child `key` of map `n`; fails when missing.
  YAML::Node require(const YAML::Node& n, const std::string& path, const char* key) const;

  std::string string(const YAML::Node& n, const std::string& path) const;
  /// An identifier: letters, digits, '-', '_', '.', and pattern braces "{i/4}"; with `wildcards`,
  /// also '*' (a name that matches ids, as a phase's `online` list).
  std::string id(const YAML::Node& n, const std::string& path, bool wildcards = false) const;
  bool boolean(const YAML::Node& n, const std::string& path) const;
  long long integer(const YAML::Node& n, const std::string& path, long long min, long long max) const;
  double number(const YAML::Node& n, const std::string& path, double min, double max) const;
  double quantity(const YAML::Node& n, const std::string& path, units::Dimension dim, double min, double max) const;
  /// One of `names`; returns its index. Anything else fails listing them, and naming the one it most
  /// likely meant when one is near ("did you mean 'switchboard'?", base::nearestName), as an unknown
  /// key does: the one place a design, a job or a catalog reports a bad value of a fixed set.
  int choice(const YAML::Node& n, const std::string& path, std::initializer_list<std::string_view> names) const;
  int choice(const YAML::Node& n, const std::string& path, const std::vector<std::string_view>& names) const;
  /// "[x, y]" of quantities.
  std::pair<double, double> pair(const YAML::Node& n, const std::string& path, units::Dimension dim, double min,
                                 double max) const;
  std::vector<std::string> idList(const YAML::Node& n, const std::string& path, bool wildcards = false) const;

  /// Helpers for optional keys: leave `out` untouched when the key is absent.
  template <class F>
  void optional(const YAML::Node& map, const std::string& path, const char* key, F&& read) const {
    if (YAML::Node c = map[key]; c.IsDefined() && !c.IsNull()) {
      std::string childPath = join(path, key);
      read(c, childPath);
    }
  }

  static std::string join(const std::string& path, std::string_view key);
  static std::string index(const std::string& path, std::size_t i);
  /// How a scalar or node reads in an error message: 'text' for scalars, "a mapping", "a list".
  static std::string describe(const YAML::Node& n);

 private:
  std::string file_;
  Limits limits_;
};

}  // namespace gigaplan::io
