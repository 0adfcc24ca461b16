// Helpers shared by the edit functions (design_edits.h): masks over the selection, rounding,
// overlap checks, fresh ids. Not part of the editing API.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "app/gui/editing/design_edits.h"
#include "core/model/footprint.h"

namespace gigaplan::app::editing {
// The footprint and overlap rule are core's (core/model/footprint.h); the edits use them by name.
using model::coolingFootprint;
using model::Footprint;
using model::FootprintIndex;
using model::hasFootprint;
using model::Item;
using model::ItemKind;
using model::overlaps;
using model::powerFootprint;
using model::rackFootprint;
}  // namespace gigaplan::app::editing

namespace gigaplan::app::editing {
class TemplateMap;
}

namespace gigaplan::app::editing::detail {

/// Metres kept free along a hall's walls by the rows and the gear the editor places in it.
inline constexpr double kWallMargin = 1.0;

/// Coordinates written to the file are rounded to the micrometre, so 9.8 + 3 saves as 12.8.
double roundMetres(double v);
design::Vec2 roundVec(design::Vec2 v);
/// Degrees in [0, 360), rounded to 1e-9.
double normalizeDegrees(double degrees);
design::Vec2 rotateAbout(design::Vec2 p, design::Vec2 centre, double degrees);

/// One flag per layout rack: selected or not.
std::vector<char> rackMask(const design::Layout& layout, const ObjectSet& set);
/// A row with racks, all of them selected.
bool rowFullySelected(const design::Layout& layout, const std::vector<char>& mask, int row);

std::string describe(const design::Layout& layout, Item item);

/// An object at its new place; `before` is where it stands now.
struct Placed {
  Item item;
  Footprint before, after;
};
/// "" when no placed object overlaps an unplaced one it did not overlap before; else the reason.
std::string newOverlap(const design::Layout& layout, const FootprintIndex& index, const std::vector<Placed>& placed);

/// Every id the layout uses (halls, rows, racks, power, cooling).
std::unordered_set<std::string> usedIds(const design::Layout& layout);
/// setRackField on a design being edited: a row template whose every row is in `set` changes
/// (and its racks' overrides of the field go); other racks get an override.
void writeRackField(const design::ResolvedDesign& r, const TemplateMap& map, design::Design& d, const ObjectSet& set,
                    RackField field, const std::string& value);
/// Replaces each {i…} of a pattern by its value for instance `i`, keeping {h} and {k}.
std::string fixInstance(const std::string& pattern, int i);
/// Replaces each {v…} of a pattern for the variable `variable` ('h', 'i' or 'k') by its value,
/// keeping the others: fixVariable("h{h}-bw{i/4}", 'h', 2) is "h2-bw{i/4}".
std::string fixVariable(const std::string& pattern, char variable, int value);

/// The floor a hall covers.
Footprint hallFootprint(const design::Hall& h);
/// True when the footprint lies within the hall's walls.
bool insideHall(const design::Hall& hall, const Footprint& f);

}  // namespace gigaplan::app::editing::detail
