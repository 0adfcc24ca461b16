// Guarded YAML parsing and typed, located reads (see yaml_reader.h).
#include "core/io/yaml_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>

#include "core/base/nearest_name.h"
#include "core/io/text_lines.h"

namespace gigaplan::io {
namespace {

// Walks the parsed tree counting nodes the way a naive reader would visit them (aliases are
// shared nodes in yaml-cpp, so a "billion laughs" file is a small DAG that explodes on traversal).
struct Walk {
  const YamlReader& reader;
  std::size_t visited = 0;

  void visit(const YAML::Node& n, int depth) {
    if (++visited > reader.limits().maxNodes) {
      reader.fail(
          n, "", std::to_string(reader.limits().maxNodes) + "+ nodes after alias expansion",
          "at most " + std::to_string(reader.limits().maxNodes) + " nodes (limit maxNodes; is this an alias bomb?)");
    }
    if (depth > reader.limits().maxNesting) {
      reader.fail(n, "", "nesting " + std::to_string(depth) + " levels deep",
                  "at most " + std::to_string(reader.limits().maxNesting) + " levels of nesting (limit maxNesting)");
    }
    if (n.IsMap()) {
      for (const auto& kv : n) {
        visit(kv.first, depth + 1);
        visit(kv.second, depth + 1);
      }
    } else if (n.IsSequence()) {
      for (const auto& c : n) visit(c, depth + 1);
    }
  }
};

bool isIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '{' || c == '}' ||
         c == '/' || c == '%' || c == ':';
}

}  // namespace

YAML::Node YamlReader::parseFile(const std::string& path, const std::string& what) const {
  return parseText(readBounded(path, limits_.maxFileBytes, what));
}

YAML::Node YamlReader::parseText(const std::string& text) const {
  if (text.size() > limits_.maxFileBytes) {
    // A file is read only up to one byte past the limit (readBounded): "more than" is all we know.
    throw LoadError({file_, 1, 1, "", "more than " + std::to_string(limits_.maxFileBytes) + " bytes",
                     "a file of at most " + std::to_string(limits_.maxFileBytes) + " bytes (limit maxFileBytes)"});
  }
  if (text.find('\0') != std::string::npos) {
    const auto at = text.find('\0');
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    throw LoadError({file_, line, 1, "", "a NUL byte", "UTF-8 YAML text"});
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // YAML::Mark is 0-based; ours is 1-based. e.msg is yaml-cpp's own phrasing of the problem.
    throw LoadError(
        {file_, e.mark.line + 1, e.mark.column + 1, "", "invalid YAML (" + e.msg + ")", "well-formed YAML"});
  }
  Walk walk{*this};
  walk.visit(root, 0);
  return root;
}

void YamlReader::failAt(YAML::Mark mark, const std::string& keyPath, const std::string& found,
                        const std::string& expected) const {
  const bool known = mark.line >= 0 && !mark.is_null();
  throw LoadError({file_, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, keyPath, found, expected});
}

void YamlReader::fail(const YAML::Node& at, const std::string& keyPath, const std::string& found,
                      const std::string& expected) const {
  failAt(at.IsDefined() ? at.Mark() : YAML::Mark::null_mark(), keyPath, found, expected);
}

std::string YamlReader::describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  std::string s = n.Scalar();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return "'" + s + "'";
}

std::string YamlReader::join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string YamlReader::index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void YamlReader::requireMap(const YAML::Node& n, const std::string& path) const {
  if (!n.IsMap()) fail(n, path, describe(n), "a mapping of keys to values");
}

void YamlReader::requireSequence(const YAML::Node& n, const std::string& path) const {
  if (!n.IsSequence()) fail(n, path, describe(n), "a list");
}

void YamlReader::checkKeys(const YAML::Node& n, const std::string& path,
                           std::initializer_list<std::string_view> allowed) const {
  requireMap(n, path);
  std::set<std::string> seen;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar()) fail(kv.first, path, describe(kv.first), "a plain key");
    const std::string& key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) failUnknownKey(kv.first, path, key, allowed);
    if (!seen.insert(key).second) fail(kv.first, join(path, key), "key '" + key + "' twice", "each key once");
  }
}

void YamlReader::failUnknownKey(const YAML::Node& at, const std::string& path, const std::string& key,
                                const std::vector<std::string_view>& allowed) const {
  std::string expected = "one of: ";
  for (std::size_t i = 0; i < allowed.size(); ++i) expected += (i ? ", " : "") + std::string(allowed[i]);
  if (const auto meant = base::nearestName(key, allowed)) expected += "; did you mean '" + *meant + "'?";
  fail(at, join(path, key), "unknown key '" + key + "'", expected);
}

YAML::Node YamlReader::require(const YAML::Node& n, const std::string& path, const char* key) const {
  YAML::Node c = n[key];
  if (!c.IsDefined() || c.IsNull())
    fail(n, join(path, key), "no '" + std::string(key) + "'", "a value for '" + std::string(key) + "'");
  return c;
}

std::string YamlReader::string(const YAML::Node& n, const std::string& path) const {
  if (!n.IsScalar()) fail(n, path, describe(n), "text");
  return n.Scalar();
}

std::string YamlReader::id(const YAML::Node& n, const std::string& path, bool wildcards) const {
  std::string s = string(n, path);
  const auto ok = [wildcards](char c) { return isIdChar(c) || (wildcards && c == '*'); };
  if (s.empty() || s.size() > 128 || !std::all_of(s.begin(), s.end(), ok)) {
    fail(n, path, describe(n),
         std::string("an id of 1-128 letters, digits, '-', '_', '.' (patterns may use {h}, {i}, {k}") +
             (wildcards ? "; '*' matches any characters)" : ")"));
  }
  return s;
}

bool YamlReader::boolean(const YAML::Node& n, const std::string& path) const {
  const std::string s = string(n, path);
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  fail(n, path, describe(n), "true or false");
}

long long YamlReader::integer(const YAML::Node& n, const std::string& path, long long min, long long max) const {
  const std::string s = string(n, path);
  const auto r = units::parseNumber(s);
  if (!r || r.value != std::floor(r.value) || std::fabs(r.value) > 9e15) fail(n, path, describe(n), "a whole number");
  if (r.value < static_cast<double>(min) || r.value > static_cast<double>(max)) {
    fail(n, path, describe(n), "a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return static_cast<long long>(r.value);
}

namespace {
std::string rangeText(double min, double max, units::Dimension dim) {
  if (dim == units::Dimension::Dimensionless) {
    std::ostringstream o;
    o << "between " << min << " and " << max;
    return o.str();
  }
  return "between " + units::format(min, dim) + " and " + units::format(max, dim);
}
}  // namespace

double YamlReader::number(const YAML::Node& n, const std::string& path, double min, double max) const {
  const std::string s = string(n, path);
  const auto r = units::parse(s, units::Dimension::Dimensionless);
  if (!r) fail(n, path, describe(n), "a number");
  if (r.value < min || r.value > max) {
    fail(n, path, describe(n), "a number " + rangeText(min, max, units::Dimension::Dimensionless));
  }
  return r.value;
}

double YamlReader::quantity(const YAML::Node& n, const std::string& path, units::Dimension dim, double min,
                            double max) const {
  const std::string s = string(n, path);
  const auto r = units::parse(s, dim);
  if (!r) fail(n, path, describe(n), r.error.substr(r.error.rfind("expected ", 0) == 0 ? 9 : 0));
  if (r.value < min || r.value > max) {
    fail(n, path, describe(n),
         std::string(units::describe(dim)).substr(0, std::string(units::describe(dim)).find(" such")) + " " +
             rangeText(min, max, dim));
  }
  return r.value;
}

int YamlReader::choice(const YAML::Node& n, const std::string& path,
                       std::initializer_list<std::string_view> names) const {
  return choice(n, path, std::vector<std::string_view>(names));
}

int YamlReader::choice(const YAML::Node& n, const std::string& path, const std::vector<std::string_view>& names) const {
  const std::string s = string(n, path);
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s) return static_cast<int>(i);
    list += (i ? ", " : "") + std::string(names[i]);
  }
  if (const auto meant = base::nearestName(s, names)) list += "; did you mean '" + *meant + "'?";
  fail(n, path, describe(n), "one of: " + list);
}

std::pair<double, double> YamlReader::pair(const YAML::Node& n, const std::string& path, units::Dimension dim,
                                           double min, double max) const {
  if (!n.IsSequence() || n.size() != 2) fail(n, path, describe(n), "a pair [x, y] such as [12 m, 40 m]");
  return {quantity(n[0], index(path, 0), dim, min, max), quantity(n[1], index(path, 1), dim, min, max)};
}

std::vector<std::string> YamlReader::idList(const YAML::Node& n, const std::string& path, bool wildcards) const {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(id(n, path, wildcards));
    return out;
  }
  requireSequence(n, path);
  out.reserve(n.size());
  for (std::size_t i = 0; i < n.size(); ++i) out.push_back(id(n[i], index(path, i), wildcards));
  return out;
}

}  // namespace gigaplan::io
