// Phases of a build-out (Design::phases) matched to the expanded objects: sets every object's
// `online` and `retired` phase (layout.h) and checks the phases as written. Called by expand(), so
// a design that loads, and every edit the app accepts, has its phases checked. Throws
// io::LoadError at the phase's key (file:line:column) for:
//   - dates that do not rise strictly from one phase to the next;
//   - a name in `online` or `retire` that matches no hall, row, rack, power node, cooling unit or
//     template id of the design;
//   - an object named online (or retired) in two phases by names equally specific;
//   - an object retired in or before the phase it comes online in.
// Names: an expanded id, a template's id as written, or either with '*' (any run of characters).
// A hall names all that is in it and a row its racks; the more specific name wins (an object's
// own id over its row's over its hall's; an exact name over one with '*').
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/design/design.h"
#include "core/design/layout.h"

namespace gigaplan::design {

/// The template id each expanded row, power node and cooling unit was made from (indexed like
/// layout.rows / power / cooling), so a phase may name a template.
struct TemplateIds {
  std::vector<const std::string*> rows, power, cooling;
};

void assignPhases(const Design& design, Layout& layout, const TemplateIds& templates);

/// True when `id` matches `name`, where '*' in `name` stands for any run of characters.
bool matchesName(std::string_view name, std::string_view id);

/// "Phase 2 — hall 2 and the grid" as a label: the phase's name, or "Phase N" when it has none.
std::string phaseLabel(const Design& design, int phase);

}  // namespace gigaplan::design
