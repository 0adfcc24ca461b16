// A design together with what every analysis needs next to it: the effective catalog (base plus
// the design's local changes) and the expanded layout, whose pointers point into that catalog.
// Self-contained: the catalog is shared by the resolved design and its layout (Layout::catalog),
// so the base catalog may go away, and a view that keeps a copy of the layout keeps the catalog.
//
//   auto r = design::resolve(io::loadDesign(path, base), base);   // throws io::LoadError
//   engine::evaluate(r->design, r->layout, *r->catalog);
#pragma once

#include <memory>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/io/diagnostic.h"

namespace gigaplan::design {

struct ResolvedDesign {
  Design design;
  std::shared_ptr<const catalog::Catalog> catalog;  // == layout.catalog: the layout points into it
  Layout layout;
};

/// Applies the design's catalog changes to `base` and expands the templates.
std::shared_ptr<const ResolvedDesign> resolve(Design design, const catalog::Catalog& base,
                                              const io::Limits& limits = {});

/// `layout` with every spec pointer pointing into `catalog` (looked up by type / model id), and
/// `catalog` as its owner: a self-contained copy of a Layout that borrowed its catalog.
Layout rebind(Layout layout, std::shared_ptr<const catalog::Catalog> catalog);

}  // namespace gigaplan::design
