// Building a ResolvedDesign (see resolved_design.h).
#include "core/design/resolved_design.h"

#include "core/catalog/catalog_loader.h"
#include "core/design/expand.h"

namespace gigaplan::design {

std::shared_ptr<const ResolvedDesign> resolve(Design design, const catalog::Catalog& base, const io::Limits& limits) {
  auto r = std::make_shared<ResolvedDesign>();
  r->catalog = std::make_unique<const catalog::Catalog>(catalog::withOverrides(base, design.catalogOverrides));
  r->layout = expand(design, *r->catalog, limits);
  r->design = std::move(design);
  return r;
}

}  // namespace gigaplan::design
