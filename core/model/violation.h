// A broken rule found on in-memory values: the key path of the value that breaks it, what was
// found there and what was expected. Validators in core/model return these; the YAML reader adds
// file:line:column (it knows where each key stands), the GUI shows toString() when it refuses an
// edit.
//
//   std::optional<model::Violation> v = model::firstPlanViolation(job);
//   if (v) std::cout << v->toString();  // "job.parallelism.tp: found '16', expected a divisor of …"
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gigaplan::model {

struct Violation {
  std::string keyPath;   // "job.parallelism.tp", "halls[0].rows[2].rack_type"
  std::string found;     // as an error message quotes it: "'16'"
  std::string expected;  // "a divisor of heads (64) and kv_heads (8)"

  /// "keyPath: found X, expected Y" — the same words a load error uses after its line:column.
  std::string toString() const {
    std::string s = keyPath.empty() ? std::string() : keyPath + ": ";
    if (!found.empty()) s += "found " + found + ", ";
    return s + "expected " + expected;
  }
  friend bool operator==(const Violation&, const Violation&) = default;
};

using Violations = std::vector<Violation>;

/// A value quoted the way the YAML reader quotes a scalar it found.
inline std::string quoted(const std::string& s) {
  return "'" + s + "'";
}
inline std::string quoted(long long v) {
  return quoted(std::to_string(v));
}

/// Joins a key path and a key: join("job", "model") == "job.model"; join("", "tp") == "tp".
inline std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

}  // namespace gigaplan::model
