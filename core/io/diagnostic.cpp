// Formatting of load diagnostics.
#include "core/io/diagnostic.h"

namespace gigaplan::io {

std::string Diagnostic::toString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  s += ": ";
  if (!keyPath.empty()) s += keyPath + ": ";
  if (!found.empty()) s += "found " + found + ", ";
  s += "expected " + expected;
  return s;
}

LoadError::LoadError(Diagnostic d) : std::runtime_error(d.toString()), diagnostic_(std::move(d)) {}

}  // namespace gigaplan::io
