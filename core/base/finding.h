// A finding: something about a design a planner should look at — an overloaded busway, a CDU short
// of capacity, a rack nobody feeds. Findings are values, never exceptions; every analysis returns
// its own and evaluate() collects them. `code` is stable ("power.overload") so tools can filter;
// `object` is the id of the object to select in the 3D view ("" for the site as a whole).
//
//   for (const Finding& f : evaluation.findings)
//     if (f.severity == Severity::Error) std::cout << f.object << ": " << f.message << '\n';
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace gigaplan::engine {

enum class Severity { Info, Warning, Error };

struct Finding {
  Severity severity = Severity::Warning;
  std::string object;   // id of the rack, power node, cooling unit, hall … ("" = site)
  std::string code;     // "power.overload", "cooling.cdu-short", …
  std::string message;  // one sentence a planner understands, with units
  double value = 0;     // the offending figure, SI (W, m, ports, minutes for ride-through)
  double limit = 0;     // what it should not exceed (or fall below), same unit as value
};

std::string_view toString(Severity);

/// Builds a Finding; keeps the analyses' code short.
inline Finding makeFinding(Severity severity, std::string object, std::string code, std::string message,
                           double value = 0, double limit = 0) {
  return Finding{severity, std::move(object), std::move(code), std::move(message), value, limit};
}

}  // namespace gigaplan::engine
