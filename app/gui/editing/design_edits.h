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
#include "core/evaluate/evaluation.h"

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

/// A drag of power and cooling gear lined up with the other gear: on each axis where a moved
/// unit's centre, moved by `raw`, comes within 0.5 m of another unit's centre line, the move takes
/// that line; elsewhere it keeps `snapped` (the grid's). A set with racks keeps `snapped`: racks
/// follow their row's pitch.
design::Vec2 alignDelta(const design::ResolvedDesign& r, const ObjectSet& set, design::Vec2 raw, design::Vec2 snapped);
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

/// Adds an empty hall of `size` (m) with a fresh id ("hall-2", named "Hall 2"): at `origin` (its
/// south-west corner, site coordinates) when given, else east of the easternmost hall (20 m
/// apart) or, on an empty site, 20 m in from its south-west corner, leaving the yard around it
/// free. Refused when it would overlap a hall or stand on gear; the site grows to hold it with
/// 20 m to spare. Selects nothing (a hall has no objects yet); `select` holds the hall's id.
EditOutcome addHall(const design::ResolvedDesign& r, design::Vec2 size, std::optional<design::Vec2> origin = {});
/// A hall drawn as a rectangle between two corners `a` and `b` (site coordinates, m), each
/// coordinate snapped to another hall's wall within 1.5 m (so halls line up), else to whole
/// metres; `refusal` says why it cannot be added ("" = it can).
struct HallSketch {
  design::Vec2 origin, size;
  std::string refusal;
};
HallSketch sketchHall(const design::ResolvedDesign& r, design::Vec2 a, design::Vec2 b);
/// Adds the sketched hall (addHall at its origin).
EditOutcome drawHall(const design::ResolvedDesign& r, design::Vec2 a, design::Vec2 b);
/// Moves a hall (Layout::halls index; `origin` its south-west corner) and sets its size (m). Its
/// racks and gear move with it (their position overrides too). Every hall of a hall template
/// moves by as much and takes the new size: they share one spec. Refused when a hall would
/// overlap another hall or stand on yard gear, or something inside would end up outside its
/// walls. The site grows to hold the halls.
EditOutcome setHallGeometry(const design::ResolvedDesign& r, int hall, design::Vec2 origin, design::Vec2 size);
/// Where the mouse holds a hall: by its walls (the hall moves) or by a corner (it is resized,
/// the opposite corner staying put).
enum class HallGrip { Walls, SouthWest, SouthEast, NorthWest, NorthEast };
/// Where a hall (Layout::halls index) dragged by `grip` through `delta` (m, site axes) would
/// stand. Moved: a wall that comes within 1.5 m of another hall's wall lines up with it, else the
/// move is in whole metres. Resized: the corner snaps as a drawn hall's do (sketchHall), and the
/// hall stays at least 5 m × 5 m (else `refusal`). The other halls of its template move and
/// resize with it, so they are not snapped to.
HallSketch hallDragged(const design::ResolvedDesign& r, int hall, HallGrip grip, design::Vec2 delta);
/// hallDragged applied with setHallGeometry.
EditOutcome dragHall(const design::ResolvedDesign& r, int hall, HallGrip grip, design::Vec2 delta);
/// Deletes a hall with everything inside it (and their overrides and network-row entries). The
/// last hall of a hall template lowers its count; other halls of a template are refused (the
/// ones after them would be renumbered). What the rest of the site still refers to in the hall
/// is refused by the design's rules when the edit is applied (Document::check).
EditOutcome deleteHall(const design::ResolvedDesign& r, int hall);
/// Makes the hall's template make `count` halls (1 … 1000), `step` apart (m, corner to corner).
/// A hall of its own that starts repeating gets ids that vary with the hall: the hall's own id
/// takes "-{h}" ("hall-1" → "hall-1-{h}", so its first hall is "hall-1-1"; its name likewise), and every id inside
/// becomes one of that hall's ("ups-3" → "hall-1-{h}-ups-3"); links to the yard stay, and
/// overrides follow the first hall. Fewer halls drop the last ones with their contents. Refused
/// when a new hall would overlap a hall or stand on yard gear.
EditOutcome repeatHall(const design::ResolvedDesign& r, int hall, int count, design::Vec2 step);
/// Takes the last hall of a hall template out of it, as a hall of its own with the same ids,
/// place and contents (every {h} bound to its number); the template's count drops by one.
EditOutcome breakOutHall(const design::ResolvedDesign& r, int hall);
/// Copies a hall with its rows, gear and their overrides as a new hall (fresh id "hall-N") east
/// of the easternmost one. Ids inside take the new hall's id ("h2-bw1" → "hall-4-bw1", "ups-3"
/// → "hall-4-ups-3"); links between objects inside the hall follow the copies, links to the
/// yard stay (the copy shares the source's transformers and chillers until rewired). `select`
/// holds the new hall's id.
EditOutcome duplicateHall(const design::ResolvedDesign& r, int hall);

/// A row drawn by dragging from `from` to `to` (site coordinates, m) inside a hall: along x or y,
/// whichever the drag follows more, from the end nearer the hall's south-west corner; each rack's
/// edge on the 0.6 m floor grid; as many racks of `rackType` as the length holds at their pitch
/// (the rack width). `refusal` says why it cannot be added: outside a hall, past its walls, on
/// other objects or without a 1.2 m aisle beside them.
struct RowSketch {
  int hall = -1;        // Layout::halls index
  design::Vec2 first;   // centre of the first rack, site coordinates
  double rotation = 0;  // degrees: 0 along +x, 90 along +y
  int racks = 0;
  double pitch = 0, width = 0, depth = 0;  // m
  std::string refusal;
};
RowSketch sketchRow(const design::ResolvedDesign& r, const std::string& rackType, design::Vec2 from, design::Vec2 to);
/// Adds the sketched row (a new row template in the hall's spec, only_in when it makes several
/// halls) and selects it.
EditOutcome drawRow(const design::ResolvedDesign& r, const std::string& rackType, design::Vec2 from, design::Vec2 to);

/// Adds a grid connection (a source) of `rating` W with a fresh id ("grid", "grid-2") in the yard
/// of the hall (Layout::halls index; -1: anywhere on the site). Selects it.
EditOutcome addGridConnection(const design::ResolvedDesign& r, int hall, double rating);

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
/// Sets what feeds the selected power nodes (fed_by: upstream power nodes) or the pumps and fans of
/// the selected cooling units (their power feeds), replacing the list; empty makes a node a source
/// (refused for distribution gear by the design's rules when it then feeds nothing). A node that is
/// its template's only instance has its template changed; an instance of a repeated template gets
/// a `fed_by` override.
EditOutcome setPowerFeeds(const design::ResolvedDesign& r, const ObjectSet& set, const std::vector<std::string>& ids);
/// Sets where the selected cooling units reject their heat (rejects_to: chillers, dry coolers,
/// towers), replacing the list; written as setPowerFeeds writes fed_by.
EditOutcome setHeatSinks(const design::ResolvedDesign& r, const ObjectSet& set, const std::vector<std::string>& ids);

/// What dragging from objects onto another one connects (the 3D view's wiring gesture).
enum class Link {
  FeedA,       // racks → a distribution node (transformer, switchboard, UPS, busway, PDU)
  FeedB,       // racks → their second, independent feed
  Cdu,         // racks → a CDU (their liquid heat)
  AirHandler,  // racks → an air handler (their air heat)
  PowerFeed,   // power node or cooling unit → an upstream power node (fed_by)
  HeatSink     // CDU or air handler → a chiller, dry cooler or cooling tower (rejects_to)
};
/// The link a drag from `from` onto the object `to` (an id) makes: racks take feed A while their
/// feed A is empty, else feed B (`secondFeed` asks for feed B outright). Refused, with the reason in
/// the planner's words, for a pairing that means nothing (a rack onto a chiller), a link that is
/// already there, or an object onto itself. The design's own rules (a loop in the power graph, a
/// source between racks and their feeds) are the loader's: Document::edit applies them.
struct LinkOutcome {
  std::optional<Link> link;
  std::string refusal;
  std::string description;  // "feed A of 16 racks ← ups-2"
};
LinkOutcome linkBetween(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to,
                        bool secondFeed = false);
/// Makes that link (one edit).
EditOutcome connectObjects(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to,
                           bool secondFeed = false);
/// The first power node or cooling unit that `after` loads past its rating where `before` did
/// not (or loads further past it), in the planner's words — "ups-2 would carry 3.4 MW at peak, 113 %
/// of its 3 MW rating" — preferring `prefer` (the drop target); "" when none. The judgement is the
/// engine's peak utilisation (power.overload, cooling.over-capacity). Both designs have the same
/// objects (a wiring edit).
std::string newOverload(const design::ResolvedDesign& before, const engine::Evaluation& beforeEval,
                        const design::ResolvedDesign& after, const engine::Evaluation& afterEval,
                        const std::string& prefer = {});
/// Removes every link from the objects to `to` (feeds, cooling, fed_by, rejects_to); refused when
/// there is none.
EditOutcome disconnectObjects(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to);

/// Sets the redundancy the selected power nodes promise their children ("2n": each child's two
/// feeds are independent). Written on the nodes' templates, so every node a template makes
/// promises the same; refused for grid connections and racks.
EditOutcome setRedundancy(const design::ResolvedDesign& r, const ObjectSet& set, design::Redundancy redundancy);
/// The network plan's switch model (a catalog switch), topology and leaf placement, by their
/// design-file names ("qm9700", "rail-optimized", "end-of-row").
enum class NetworkField { Switch, Topology, LeafPlacement };
EditOutcome setNetworkField(const design::ResolvedDesign& r, NetworkField field, const std::string& value);

/// Drops the selected objects' overrides (and those of fully selected rows): back to the template.
EditOutcome clearOverrides(const design::ResolvedDesign& r, const ObjectSet& set);

/// The row pitch a copy of `row` is offset by: its template's step when it repeats, else two rack
/// depths and a 1.2 m aisle.
double rowPitch(const design::ResolvedDesign& r, int row);

}  // namespace gigaplan::app::editing
