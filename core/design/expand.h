// Template expansion: Design (as written) → Layout (every object, references as indices).
//
//   catalog::Catalog eff = catalog::withOverrides(base, design.catalogOverrides);
//   design::Layout layout = design::expand(design, eff);   // eff must outlive layout
//
// Throws io::LoadError naming the spec (file:line:column and key path) for: an unknown or wrong-kind
// reference, a duplicate id, an override of an id that does not exist, a cycle in the power graph,
// a template that would expand past the limits, a bad id pattern, or an `only_in` naming no hall of
// its hall template, or phases that go back in time or name nothing (core/design/phases.h sets
// every object's phase). Linear in the objects made.
#pragma once

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/io/diagnostic.h"

namespace gigaplan::design {

Layout expand(const Design& design, const catalog::Catalog& effectiveCatalog, const io::Limits& limits = {});

/// Objects the design's templates make (racks, rows, halls, power nodes, cooling units), counted
/// without building them. Saturates at UINT64_MAX/4.
std::uint64_t countObjects(const Design& design);

/// Unit vector along a row at `rotationDeg` (0 = +x).
Vec2 direction(double rotationDeg);

}  // namespace gigaplan::design
