// Names of finding severities as written in reports and JSON.
#include "core/base/finding.h"

namespace gigaplan::engine {

std::string_view toString(Severity s) {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "?";
}

}  // namespace gigaplan::engine
