// Everything a Design must keep to load again, checked on the in-memory Design: the rules that
// are not a reference or an id (those are expand()'s, run by design::resolve) — the training
// job's rules (plan_rules.h), coordinates on the site, rotations. Document::edit calls this and
// design::resolve on every edit, so an edit the GUI accepts always saves a file that reloads; the
// YAML reader applies the same rules and adds line:column.
//
//   if (auto v = model::firstDesignViolation(next)) return refuse(v->toString());
//   // e.g. "job.parallelism.tp: found '16', expected a divisor of heads (64) and kv_heads (8)"
#pragma once

#include "core/design/design.h"
#include "core/model/violation.h"

namespace gigaplan::model {

/// A site is at most 100 km across: every coordinate and step in metres within ±this.
inline constexpr double kMaxCoordinate = 100'000;
/// Rotations are written in degrees within ±this.
inline constexpr double kMaxRotation = 360;
/// Identical units in parallel in one power node or cooling unit (`units`): 1 … this.
inline constexpr int kMaxUnits = 100'000;

/// Every broken rule, in file order (site, power, cooling, halls, job, overrides).
Violations designViolations(const design::Design& design);
/// The first of designViolations, if any.
std::optional<Violation> firstDesignViolation(const design::Design& design);

}  // namespace gigaplan::model
