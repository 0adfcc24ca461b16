// The planner's edits as functions from a resolved design and a set of objects to the next
// Design (or the reason the edit is refused). Pure: no Qt widgets, no document; the GUI pushes the
// result through Document::edit, so every edit is one undoable command.
//
//   ObjectSet set = objectsOf(r->layout, {"a-4"});
//   EditOutcome out = moveObjects(*r, set, snapDelta({3.1, 0.2}, 0, 0.6));
//   if (out) doc.edit("Move rack", [&](design::Design& d) { d = *out.design; });
//   else statusBar()->showMessage(QString::fromStdString(out.refusal));
//
// How edits are written into the Design (so the file stays readable):
// - a whole row moved or turned becomes a row override (position of its first rack, rotation);
//   single racks and equipment get their own position / rotation overrides;
// - deleting every row a row template makes removes the template; deleting its last rows lowers
//   its count; other racks get `removed: true`; overrides of objects that no longer exist go;
// - type, feeds and cooling set on every rack of a row template change the template, else the
//   racks' overrides;
// - duplicated and added rows are new row templates (count 1) in the hall's template; in a hall
//   template with count > 1 they carry `only_in: <hall id>`, so only the edited hall gets them;
// - added gear is one new power node or cooling unit with a fresh id ("ups-3"): yard gear as a
//   site-level object, gear inside a hall in the hall's template (with only_in as for rows).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"

namespace gigaplan::app::editing {

/// The objects an edit applies to, as indices into the layout (sorted, unique).
struct ObjectSet {
  std::vector<int> racks, power, cooling;
  bool empty() const { return racks.empty() && power.empty() && cooling.empty(); }
  std::size_t size() const { return racks.size() + power.size() + cooling.size(); }
};

/// Rack, power node, cooling unit, row (its racks) or hall (its racks) ids → objects. Unknown ids
/// are skipped.
ObjectSet objectsOf(const design::Layout& layout, const std::vector<std::string>& ids);

struct EditOutcome {
  std::optional<design::Design> design;  // the design after the edit; empty when refused
  std::string refusal;                   // why not, in the planner's words
  std::vector<std::string> select;       // ids to select afterwards (new rows); empty keeps the selection
  explicit operator bool() const { return design.has_value(); }
  static EditOutcome refuse(std::string why) { return {std::nullopt, std::move(why), {}}; }
};

/// A drag vector snapped to `grid` metres along and across a row at `rotation` degrees.
design::Vec2 snapDelta(design::Vec2 delta, double rotation, double grid);

/// Moves by `delta` (m). Refused when a moved object would overlap one it did not overlap before.
EditOutcome moveObjects(const design::ResolvedDesign& r, const ObjectSet& set, design::Vec2 delta);
/// Turns the objects by `degrees` (counter-clockwise) about the centre of their bounding box.
EditOutcome rotateObjects(const design::ResolvedDesign& r, const ObjectSet& set, double degrees = 90);
/// Sets each object's rotation (degrees), turning it in place.
EditOutcome setRotation(const design::ResolvedDesign& r, const ObjectSet& set, double degrees);
/// Removes the objects (see the header comment for how).
EditOutcome deleteObjects(const design::ResolvedDesign& r, const ObjectSet& set);
/// Copies every row that has a selected rack as a new row template, one row pitch to the side (or
/// further, to the first free place in the hall). Selects the copies.
EditOutcome duplicateRows(const design::ResolvedDesign& r, const ObjectSet& set);
/// Adds a row of `racks` racks of `rackType` to the hall (Layout::halls index) at the first free
/// place, scanning from the hall's south-west corner, with an aisle to its neighbours. A rack is a
/// row of one. Selects the new row. The new row has no feeds or cooling yet.
EditOutcome addRow(const design::ResolvedDesign& r, int hall, const std::string& rackType, int racks);

/// Adds one unit of catalog power or cooling gear `model` for the hall (Layout::halls index; -1
/// on a site without halls: anywhere on the site) at the first free place for its catalog
/// footprint, 1 m clear of everything. Substations, transformers, generators, batteries,
/// chillers, dry coolers and cooling towers are yard gear: outside the hall, in rings around it,
/// nearest first. Switchboards, UPS, busways, PDUs, CDUs and air handlers stand inside it,
/// scanning from its south-west corner. Its id is the kind's short name and the first free number
/// ("tx-3", "cdu-1"); it has no feed and nothing refers to it yet (the engine says so in its
/// findings). Selects it.
EditOutcome addEquipment(const design::ResolvedDesign& r, int hall, const std::string& model);
/// True when addEquipment puts gear of this catalog model outside the halls.
bool standsInYard(const catalog::Catalog& cat, const std::string& model);

enum class RackField { Type, FeedA, FeedB, Cdu, AirHandler };
/// Sets a rack field (catalog rack id, power node id, cooling unit id; "" clears a feed or
/// cooling assignment) on the selected racks.
EditOutcome setRackField(const design::ResolvedDesign& r, const ObjectSet& set, RackField field,
                         const std::string& value);
/// Sets the catalog model of the selected power nodes and cooling units.
EditOutcome setEquipmentModel(const design::ResolvedDesign& r, const ObjectSet& set, const std::string& model);
/// Sets how many identical units stand in parallel in the selected power nodes and cooling units
/// (1 … model::kMaxUnits). A node that is its template's only instance (count 1, one hall) has its
/// template changed, so the file keeps its style; an instance of a repeated template gets an
/// override. Refused for racks, out-of-range counts and an unchanged value.
EditOutcome setEquipmentUnits(const design::ResolvedDesign& r, const ObjectSet& set, int units);
/// Drops the selected objects' overrides (and those of fully selected rows): back to the template.
EditOutcome clearOverrides(const design::ResolvedDesign& r, const ObjectSet& set);

/// The row pitch a copy of `row` is offset by: its template's step when it repeats, else two rack
/// depths and a 1.2 m aisle.
double rowPitch(const design::ResolvedDesign& r, int row);

}  // namespace gigaplan::app::editing
