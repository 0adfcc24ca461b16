// Deleting racks, rows and equipment (see design_edits.h).
#include <algorithm>
#include <map>
#include <set>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "app/gui/editing/template_map.h"

namespace gigaplan::app::editing {

using namespace detail;

namespace {

// Equipment templates to remove whole or to shorten, keyed by (hall spec or -1, spec index).
struct UnitPlan {
  std::map<std::pair<int, int>, int> dropLast;  // spec → instances removed from the end (count ≥ that: whole)
  std::vector<std::string> ids;                 // ids that disappear
  std::string refusal;
};

template <class Unit, class Spec>
UnitPlan planUnits(const std::vector<int>& selected, const std::vector<Unit>& units,
                   const std::function<const UnitOrigin&(int)>& originOf, const std::vector<Spec>& siteSpecs,
                   const std::function<const std::vector<Spec>&(int)>& hallSpecs, const design::Design& d) {
  UnitPlan plan;
  std::map<std::pair<int, int>, std::set<std::pair<int, int>>> chosen;  // spec → {(hall instance, instance)}
  for (int i : selected) {
    const UnitOrigin& o = originOf(i);
    chosen[{o.hallSpec, o.spec}].insert({o.hallInstance, o.instance});
    plan.ids.push_back(units[static_cast<std::size_t>(i)].id);
  }
  for (const auto& [key, picked] : chosen) {
    const auto& [hs, s] = key;
    const Spec& spec = hs < 0 ? siteSpecs[static_cast<std::size_t>(s)] : hallSpecs(hs)[static_cast<std::size_t>(s)];
    const int hallCount = hs < 0 || !spec.onlyIn.empty() ? 1 : d.halls[static_cast<std::size_t>(hs)].count;
    // Allowed: the last m instances in every hall the template makes (m = count removes it).
    std::map<int, std::set<int>> perHall;
    for (const auto& [h, i] : picked) perHall[h].insert(i);
    const auto m = static_cast<int>(perHall.begin()->second.size());
    bool tail = static_cast<int>(perHall.size()) == hallCount;
    for (const auto& [h, inst] : perHall) {
      tail = tail && static_cast<int>(inst.size()) == m && *inst.begin() == spec.count - m + 1;
    }
    if (!tail) {
      plan.refusal = "'" + units[static_cast<std::size_t>(selected.front())].id + "' is one of " +
                     std::to_string(spec.count * hallCount) + " made by template '" + spec.id +
                     "'; delete its last ones or all of them.";
      return plan;
    }
    plan.dropLast[key] = m;
  }
  return plan;
}

template <class Spec>
void applyUnitPlan(const UnitPlan& plan, std::vector<Spec>& site, design::Design& d,
                   std::vector<Spec> design::HallSpec::*member) {
  // Erase whole templates from the back so earlier indices stay valid.
  for (auto it = plan.dropLast.rbegin(); it != plan.dropLast.rend(); ++it) {
    const auto& [hs, s] = it->first;
    std::vector<Spec>& specs = hs < 0 ? site : d.halls[static_cast<std::size_t>(hs)].*member;
    Spec& spec = specs[static_cast<std::size_t>(s)];
    if (it->second >= spec.count)
      specs.erase(specs.begin() + s);
    else
      spec.count -= it->second;
  }
}

// Something that stays still refers to a removed power node or cooling unit.
std::string danglingReference(const design::Layout& L, const std::vector<char>& rackGone,
                              const std::vector<char>& powerGone, const std::vector<char>& coolingGone) {
  auto gone = [](const std::vector<char>& v, int i) { return i != design::kNone && v[static_cast<std::size_t>(i)]; };
  for (std::size_t i = 0; i < L.racks.size(); ++i) {
    const auto& r = L.racks[i];
    if (rackGone[i]) continue;
    for (int p : {r.feedA, r.feedB}) {
      if (gone(powerGone, p))
        return L.power[static_cast<std::size_t>(p)].id + " still feeds rack " + r.id + "; reassign its racks first.";
    }
    for (int c : {r.cdu, r.airHandler}) {
      if (gone(coolingGone, c))
        return L.cooling[static_cast<std::size_t>(c)].id + " still cools rack " + r.id + "; reassign its racks first.";
    }
  }
  for (std::size_t i = 0; i < L.power.size(); ++i) {
    if (powerGone[i]) continue;
    for (int p : L.power[i].fedBy) {
      if (gone(powerGone, p)) return L.power[static_cast<std::size_t>(p)].id + " still feeds " + L.power[i].id + ".";
    }
  }
  for (std::size_t i = 0; i < L.cooling.size(); ++i) {
    if (coolingGone[i]) continue;
    for (int p : L.cooling[i].fedBy) {
      if (gone(powerGone, p)) return L.power[static_cast<std::size_t>(p)].id + " still feeds " + L.cooling[i].id + ".";
    }
    for (int c : L.cooling[i].rejectsTo) {
      if (gone(coolingGone, c))
        return L.cooling[i].id + " still rejects heat to " + L.cooling[static_cast<std::size_t>(c)].id + ".";
    }
  }
  for (int feed : {L.coreFeedA, L.coreFeedB})
    if (gone(powerGone, feed))
      return L.power[static_cast<std::size_t>(feed)].id +
             " still feeds the core room (network core_feeds); name another feed first.";
  if (gone(coolingGone, L.coreAirHandler))
    return L.cooling[static_cast<std::size_t>(L.coreAirHandler)].id +
           " still cools the core room (network core_air_handler); name another air handler first.";
  return {};
}

}  // namespace

EditOutcome deleteObjects(const design::ResolvedDesign& r, const ObjectSet& set) {
  if (set.empty()) return EditOutcome::refuse("Nothing selected.");
  const design::Layout& L = r.layout;
  const TemplateMap map(r.design, L);
  design::Design d = r.design;
  const std::vector<char> mask = rackMask(L, set);

  // Rows: a template whose rows are all selected goes; selected trailing rows lower its count.
  std::vector<char> rowGone(L.rows.size(), 0);
  std::map<std::pair<int, int>, int> shorten;  // (hall spec, row spec) → rows dropped per hall (count = whole)
  for (std::size_t hs = 0; hs < r.design.halls.size(); ++hs) {
    const auto& H = r.design.halls[hs];
    for (std::size_t rs = 0; rs < H.rows.size(); ++rs) {
      const auto rows = map.rowsOf(static_cast<int>(hs), static_cast<int>(rs));
      const int count = H.rows[rs].count;
      int drop = 0;
      // Drop instance `count - drop` while it is fully selected in every hall.
      while (drop < count) {
        bool all = true;
        for (int row : rows) {
          if (map.row(row).instance == count - drop) all = all && rowFullySelected(L, mask, row);
        }
        if (!all) break;
        ++drop;
      }
      if (drop == 0) continue;
      shorten[{static_cast<int>(hs), static_cast<int>(rs)}] = drop;
      for (int row : rows) {
        if (map.row(row).instance > count - drop) rowGone[static_cast<std::size_t>(row)] = 1;
      }
    }
  }

  std::vector<char> rackGone(L.racks.size(), 0), powerGone(L.power.size(), 0), coolingGone(L.cooling.size(), 0);
  for (int i : set.racks) rackGone[static_cast<std::size_t>(i)] = 1;
  for (int i : set.power) powerGone[static_cast<std::size_t>(i)] = 1;
  for (int i : set.cooling) coolingGone[static_cast<std::size_t>(i)] = 1;
  if (std::string why = danglingReference(L, rackGone, powerGone, coolingGone); !why.empty())
    return EditOutcome::refuse("Not deleted: " + why);

  const UnitPlan power = planUnits<design::PowerNode, design::PowerNodeSpec>(
      set.power, L.power, [&](int i) -> const UnitOrigin& { return map.power(i); }, r.design.power,
      [&](int hs) -> const std::vector<design::PowerNodeSpec>& {
        return r.design.halls[static_cast<std::size_t>(hs)].power;
      },
      r.design);
  if (!power.refusal.empty()) return EditOutcome::refuse("Not deleted: " + power.refusal);
  const UnitPlan cooling = planUnits<design::CoolingUnit, design::CoolingUnitSpec>(
      set.cooling, L.cooling, [&](int i) -> const UnitOrigin& { return map.cooling(i); }, r.design.cooling,
      [&](int hs) -> const std::vector<design::CoolingUnitSpec>& {
        return r.design.halls[static_cast<std::size_t>(hs)].cooling;
      },
      r.design);
  if (!cooling.refusal.empty()) return EditOutcome::refuse("Not deleted: " + cooling.refusal);

  // Ids that stop existing lose their overrides (else the design would not load).
  std::set<std::string> vanished(power.ids.begin(), power.ids.end());
  vanished.insert(cooling.ids.begin(), cooling.ids.end());
  for (std::size_t row = 0; row < L.rows.size(); ++row) {
    if (!rowGone[row]) continue;
    const RowOrigin& o = map.row(static_cast<int>(row));
    const int slotCount =
        r.design.halls[static_cast<std::size_t>(o.hallSpec)].rows[static_cast<std::size_t>(o.rowSpec)].racks;
    vanished.insert(L.rows[row].id);
    for (int k = 1; k <= slotCount; ++k) vanished.insert(L.rows[row].id + "-" + std::to_string(k));
  }
  for (const std::string& id : vanished) d.overrides.erase(id);
  auto& netRows = d.network.networkRows;
  netRows.erase(
      std::remove_if(netRows.begin(), netRows.end(), [&](const std::string& id) { return vanished.count(id) > 0; }),
      netRows.end());

  // The other selected racks are marked removed.
  for (int i : set.racks) {
    const auto& rack = L.racks[static_cast<std::size_t>(i)];
    if (!rowGone[static_cast<std::size_t>(rack.row)]) d.overrides[rack.id].removed = true;
  }
  for (auto it = shorten.rbegin(); it != shorten.rend(); ++it) {
    auto& rows = d.halls[static_cast<std::size_t>(it->first.first)].rows;
    auto& spec = rows[static_cast<std::size_t>(it->first.second)];
    if (it->second >= spec.count)
      rows.erase(rows.begin() + it->first.second);
    else
      spec.count -= it->second;
  }
  applyUnitPlan(power, d.power, d, &design::HallSpec::power);
  applyUnitPlan(cooling, d.cooling, d, &design::HallSpec::cooling);
  EditOutcome out;
  out.design = std::move(d);
  return out;
}

}  // namespace gigaplan::app::editing
