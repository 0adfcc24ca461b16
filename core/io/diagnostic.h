// Load errors as values: where (file:line:column), which key, what was found, what was expected.
//
//   Diagnostic d{"site.yaml", 12, 7, "halls[0].rows[1].rack", "'gb900'", "a rack type from the catalog"};
//   d.toString() == "site.yaml:12:7: halls[0].rows[1].rack: found 'gb900', expected a rack type from the catalog"
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace gigaplan::io {

struct Diagnostic {
  std::string file;
  int line = 0;         // 1-based; 0 when unknown (e.g. the file could not be opened)
  int column = 0;       // 1-based
  std::string keyPath;  // "halls[0].rows[1].rack"; empty for file-level problems
  std::string found;
  std::string expected;

  std::string toString() const;
};

/// Thrown by readers on the first error; carries the full diagnostic. Loading is all-or-nothing:
/// callers replace their design only when no exception escaped.
class LoadError : public std::runtime_error {
 public:
  explicit LoadError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

/// Hard limits on what a file may ask of us; each error names the limit it hit.
struct Limits {
  std::size_t maxFileBytes = 16u << 20;        // 16 MiB of YAML
  int maxNesting = 32;                         // mapping/sequence depth
  std::size_t maxNodes = 250'000;              // YAML nodes after alias expansion (a gigawatt template file has ~3k)
  std::size_t maxExpandedObjects = 2'000'000;  // racks + rows + power + cooling after templates
  int maxCount = 100'000;                      // one template's `count`
};

}  // namespace gigaplan::io
