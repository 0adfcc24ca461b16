// Building a ResolvedDesign (see resolved_design.h).
#include "core/design/resolved_design.h"

#include "core/catalog/catalog_loader.h"
#include "core/design/expand.h"

namespace gigaplan::design {

std::shared_ptr<const ResolvedDesign> resolve(Design design, const catalog::Catalog& base, const io::Limits& limits) {
  auto r = std::make_shared<ResolvedDesign>();
  r->catalog = std::make_shared<const catalog::Catalog>(catalog::withOverrides(base, design.catalogOverrides));
  r->layout = expand(design, *r->catalog, limits);
  r->layout.catalog = r->catalog;
  r->design = std::move(design);
  return r;
}

Layout rebind(Layout layout, std::shared_ptr<const catalog::Catalog> catalog) {
  if (layout.catalog == catalog) return layout;
  for (Rack& r : layout.racks) r.spec = catalog ? catalog->rack(r.type) : nullptr;
  for (PowerNode& n : layout.power) n.spec = catalog && !n.model.empty() ? catalog->power(n.model) : nullptr;
  for (CoolingUnit& u : layout.cooling) u.spec = catalog ? catalog->cooling(u.model) : nullptr;
  layout.catalog = std::move(catalog);
  return layout;
}

}  // namespace gigaplan::design
