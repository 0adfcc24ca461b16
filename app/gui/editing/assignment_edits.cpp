// Rack type, feeds and cooling assignment, equipment models, clearing overrides (see design_edits.h).
#include <map>
#include <set>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "app/gui/editing/template_map.h"
#include "core/model/design_validation.h"
#include "core/report/report_format.h"

namespace gigaplan::app::editing {

using namespace detail;

namespace {

std::string design::RowSpec::*specField(RackField f) {
  switch (f) {
    case RackField::Type:
      return &design::RowSpec::rackType;
    case RackField::FeedA:
      return &design::RowSpec::feedA;
    case RackField::FeedB:
      return &design::RowSpec::feedB;
    case RackField::Cdu:
      return &design::RowSpec::cdu;
    case RackField::AirHandler:
      return &design::RowSpec::airHandler;
  }
  return &design::RowSpec::rackType;
}

std::optional<std::string> design::Override::*overrideField(RackField f) {
  switch (f) {
    case RackField::Type:
      return &design::Override::type;
    case RackField::FeedA:
      return &design::Override::feedA;
    case RackField::FeedB:
      return &design::Override::feedB;
    case RackField::Cdu:
      return &design::Override::cdu;
    case RackField::AirHandler:
      return &design::Override::airHandler;
  }
  return &design::Override::type;
}

void eraseField(design::Design& d, const std::string& id, std::optional<std::string> design::Override::*field) {
  const auto it = d.overrides.find(id);
  if (it == d.overrides.end()) return;
  it->second.*field = std::nullopt;
  if (design::changesNothing(it->second)) d.overrides.erase(it);
}

// Row templates whose every row (in every hall) is fully selected.
std::vector<std::pair<int, int>> wholeRowSpecs(const design::ResolvedDesign& r, const TemplateMap& map,
                                               const std::vector<char>& mask) {
  std::vector<std::pair<int, int>> out;
  for (std::size_t hs = 0; hs < r.design.halls.size(); ++hs) {
    for (std::size_t rs = 0; rs < r.design.halls[hs].rows.size(); ++rs) {
      const auto rows = map.rowsOf(static_cast<int>(hs), static_cast<int>(rs));
      bool all = !rows.empty();
      for (int row : rows) all = all && rowFullySelected(r.layout, mask, row);
      if (all) out.push_back({static_cast<int>(hs), static_cast<int>(rs)});
    }
  }
  return out;
}

}  // namespace

void detail::writeRackField(const design::ResolvedDesign& r, const TemplateMap& map, design::Design& d,
                            const ObjectSet& set, RackField field, const std::string& value) {
  const design::Layout& L = r.layout;
  const std::vector<char> mask = rackMask(L, set);
  std::vector<char> done(L.racks.size(), 0);
  for (const auto& [hs, rs] : wholeRowSpecs(r, map, mask)) {
    design::RowSpec& spec = d.halls[static_cast<std::size_t>(hs)].rows[static_cast<std::size_t>(rs)];
    spec.*specField(field) = value;
    for (int row : map.rowsOf(hs, rs)) {
      const design::Row& R = L.rows[static_cast<std::size_t>(row)];
      for (int k = 1; k <= spec.racks; ++k) eraseField(d, R.id + "-" + std::to_string(k), overrideField(field));
      for (int k = 0; k < R.rackCount; ++k) done[static_cast<std::size_t>(R.firstRack + k)] = 1;
    }
  }
  for (int i : set.racks) {
    if (!done[static_cast<std::size_t>(i)])
      d.overrides[L.racks[static_cast<std::size_t>(i)].id].*overrideField(field) = value;
  }
}

EditOutcome setRackField(const design::ResolvedDesign& r, const ObjectSet& set, RackField field,
                         const std::string& value) {
  if (set.racks.empty()) return EditOutcome::refuse("Select racks first.");
  if (field == RackField::Type && !r.catalog->rack(value))
    return EditOutcome::refuse("'" + value + "' is not a rack type in the catalog.");
  if (field == RackField::Type && value.empty()) return EditOutcome::refuse("A rack needs a type.");
  const TemplateMap map(r.design, r.layout);
  design::Design d = r.design;
  writeRackField(r, map, d, set, field, value);
  return {std::move(d), {}, {}};
}

EditOutcome setEquipmentModel(const design::ResolvedDesign& r, const ObjectSet& set, const std::string& model) {
  if (set.power.empty() && set.cooling.empty()) return EditOutcome::refuse("Select power or cooling equipment first.");
  const design::Layout& L = r.layout;
  design::Design d = r.design;
  for (int i : set.power) {
    const auto& n = L.power[static_cast<std::size_t>(i)];
    const catalog::PowerGear* g = r.catalog->power(model);
    if (!g) return EditOutcome::refuse("'" + model + "' is not power gear in the catalog.");
    if (n.spec && g->kind != n.spec->kind)
      return EditOutcome::refuse("'" + model + "' is not the same kind of gear as " + n.id + ".");
    d.overrides[n.id].type = model;
  }
  for (int i : set.cooling) {
    const auto& u = L.cooling[static_cast<std::size_t>(i)];
    const catalog::CoolingGear* g = r.catalog->cooling(model);
    if (!g) return EditOutcome::refuse("'" + model + "' is not cooling gear in the catalog.");
    if (u.spec && g->kind != u.spec->kind)
      return EditOutcome::refuse("'" + model + "' is not the same kind of gear as " + u.id + ".");
    d.overrides[u.id].type = model;
  }
  return {std::move(d), {}, {}};
}

EditOutcome setEquipmentUnits(const design::ResolvedDesign& r, const ObjectSet& set, int units) {
  if (set.power.empty() && set.cooling.empty()) return EditOutcome::refuse("Select power or cooling equipment first.");
  if (!set.racks.empty()) return EditOutcome::refuse("Racks have no unit count; select only power or cooling gear.");
  if (units < 1 || units > model::kMaxUnits)
    return EditOutcome::refuse("A unit count is 1 to " + report::counted(model::kMaxUnits, "unit") + ".");
  const design::Layout& L = r.layout;
  const TemplateMap map(r.design, L);
  design::Design d = r.design;
  bool changed = false;
  // The only instance of its template (count 1, and at site level or in a hall template made once):
  // edit the template itself; otherwise this one instance gets an override.
  auto apply = [&](const UnitOrigin& o, auto& specs, const std::string& id, int now) {
    if (now == units) return;
    changed = true;
    auto& spec = specs[static_cast<std::size_t>(o.spec)];
    const bool single = spec.count == 1 && (o.hallSpec < 0 || d.halls[static_cast<std::size_t>(o.hallSpec)].count == 1);
    if (single && !d.overrides.count(id)) {
      spec.units = units;
    } else {
      d.overrides[id].units = units;
    }
  };
  for (int i : set.power) {
    const auto& n = L.power[static_cast<std::size_t>(i)];
    const UnitOrigin& o = map.power(i);
    auto& specs = o.hallSpec < 0 ? d.power : d.halls[static_cast<std::size_t>(o.hallSpec)].power;
    apply(o, specs, n.id, n.units);
  }
  for (int i : set.cooling) {
    const auto& u = L.cooling[static_cast<std::size_t>(i)];
    const UnitOrigin& o = map.cooling(i);
    auto& specs = o.hallSpec < 0 ? d.cooling : d.halls[static_cast<std::size_t>(o.hallSpec)].cooling;
    apply(o, specs, u.id, u.units);
  }
  if (!changed) return EditOutcome::refuse("The selection already has " + report::counted(units, "unit") + ".");
  return {std::move(d), {}, {}};
}

EditOutcome clearOverrides(const design::ResolvedDesign& r, const ObjectSet& set) {
  const design::Layout& L = r.layout;
  const std::vector<char> mask = rackMask(L, set);
  design::Design d = r.design;
  std::size_t before = d.overrides.size();
  std::set<int> rows;
  for (int i : set.racks) {
    const auto& rack = L.racks[static_cast<std::size_t>(i)];
    d.overrides.erase(rack.id);
    if (rack.row != design::kNone && rowFullySelected(L, mask, rack.row)) rows.insert(rack.row);
  }
  for (int row : rows) d.overrides.erase(L.rows[static_cast<std::size_t>(row)].id);
  for (int i : set.power) d.overrides.erase(L.power[static_cast<std::size_t>(i)].id);
  for (int i : set.cooling) d.overrides.erase(L.cooling[static_cast<std::size_t>(i)].id);
  if (d.overrides.size() == before) return EditOutcome::refuse("The selection has no overrides.");
  return {std::move(d), {}, {}};
}

}  // namespace gigaplan::app::editing
