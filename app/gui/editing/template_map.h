// Which template made each expanded object: the editor changes the Design (templates plus
// overrides), so before it edits a row it must know the RowSpec, hall template and instances the
// row came from. Built by walking the Design in the order expand() makes objects.
//
//   TemplateMap map(resolved->design, resolved->layout);
//   const RowOrigin& o = map.row(rackRow);                    // hall spec, row spec, instances
//   for (int r : map.rowsOf(o.hallSpec, o.rowSpec)) ...       // every row that template makes
#pragma once

#include <vector>

#include "core/design/design.h"
#include "core/design/layout.h"

namespace gigaplan::app::editing {

/// Where a layout row comes from: design.halls[hallSpec].rows[rowSpec], hall instance {h} and
/// row instance {i} (both 1-based).
struct RowOrigin {
  int hallSpec = 0, hallInstance = 1, rowSpec = 0, instance = 1;
};

/// Where a power node or cooling unit comes from: hallSpec -1 for site-level specs
/// (design.power / design.cooling), else design.halls[hallSpec].power / .cooling.
struct UnitOrigin {
  int hallSpec = -1, hallInstance = 0, spec = 0, instance = 1;
};

class TemplateMap {
 public:
  TemplateMap(const design::Design& design, const design::Layout& layout);

  const RowOrigin& row(int rowIndex) const { return rows_[static_cast<std::size_t>(rowIndex)]; }
  const UnitOrigin& power(int index) const { return power_[static_cast<std::size_t>(index)]; }
  const UnitOrigin& cooling(int index) const { return cooling_[static_cast<std::size_t>(index)]; }
  /// Layout rows made by design.halls[hallSpec].rows[rowSpec], in every hall instance (one hall
  /// for a template with only_in).
  std::vector<int> rowsOf(int hallSpec, int rowSpec) const;

 private:
  std::vector<RowOrigin> rows_;
  std::vector<UnitOrigin> power_, cooling_;
};

}  // namespace gigaplan::app::editing
