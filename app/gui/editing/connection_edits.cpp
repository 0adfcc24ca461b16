// Wiring: feeds between power nodes, pump and fan feeds of cooling units, heat-rejection paths, and
// the wiring gesture's link between two objects (see design_edits.h).
#include <algorithm>
#include <functional>

#include "app/gui/editing/design_edits.h"
#include "app/gui/editing/edit_support.h"
#include "app/gui/editing/template_map.h"
#include "core/report/report_format.h"
#include "core/units/units.h"

namespace gigaplan::app::editing {

using namespace detail;

namespace {

using List = std::vector<std::string>;
using design::kNone;

enum class ListField { PowerFedBy, CoolingFedBy, RejectsTo };

List powerIds(const design::Layout& L, const std::vector<int>& indices) {
  List out;
  for (int i : indices) out.push_back(L.power[static_cast<std::size_t>(i)].id);
  return out;
}

List coolingIds(const design::Layout& L, const std::vector<int>& indices) {
  List out;
  for (int i : indices) out.push_back(L.cooling[static_cast<std::size_t>(i)].id);
  return out;
}

// A list on the only instance of its template (count 1, site level or in a hall template made
// once) is written into the template, so the file keeps its style; on an instance of a repeated
// template it becomes that object's override.
template <class Spec>
void writeList(design::Design& d, std::vector<Spec>& specs, const UnitOrigin& o, const std::string& id,
               List Spec::*specField, std::optional<List> design::Override::*overrideField, const List& ids) {
  Spec& spec = specs[static_cast<std::size_t>(o.spec)];
  const bool single = spec.count == 1 && (o.hallSpec < 0 || d.halls[static_cast<std::size_t>(o.hallSpec)].count == 1);
  if (!single) {
    d.overrides[id].*overrideField = ids;
    return;
  }
  spec.*specField = ids;
  if (const auto it = d.overrides.find(id); it != d.overrides.end()) {
    it->second.*overrideField = std::nullopt;
    if (design::changesNothing(it->second)) d.overrides.erase(it);
  }
}

// Rewrites one list of every power node / cooling unit of `set` through `next` (current ids → new
// ids); objects whose list does not change are left alone. False when nothing changed.
bool editLists(const design::ResolvedDesign& r, const TemplateMap& map, design::Design& d, const ObjectSet& set,
               ListField field, const std::function<List(const List&)>& next) {
  const design::Layout& L = r.layout;
  bool changed = false;
  if (field == ListField::PowerFedBy) {
    for (int i : set.power) {
      const auto& n = L.power[static_cast<std::size_t>(i)];
      const List now = powerIds(L, n.fedBy), after = next(now);
      if (after == now) continue;
      const UnitOrigin& o = map.power(i);
      auto& specs = o.hallSpec < 0 ? d.power : d.halls[static_cast<std::size_t>(o.hallSpec)].power;
      writeList(d, specs, o, n.id, &design::PowerNodeSpec::fedBy, &design::Override::fedBy, after);
      changed = true;
    }
    return changed;
  }
  for (int i : set.cooling) {
    const auto& u = L.cooling[static_cast<std::size_t>(i)];
    const bool sinks = field == ListField::RejectsTo;
    const List now = sinks ? coolingIds(L, u.rejectsTo) : powerIds(L, u.fedBy), after = next(now);
    if (after == now) continue;
    const UnitOrigin& o = map.cooling(i);
    auto& specs = o.hallSpec < 0 ? d.cooling : d.halls[static_cast<std::size_t>(o.hallSpec)].cooling;
    if (sinks)
      writeList(d, specs, o, u.id, &design::CoolingUnitSpec::rejectsTo, &design::Override::rejectsTo, after);
    else
      writeList(d, specs, o, u.id, &design::CoolingUnitSpec::fedBy, &design::Override::fedBy, after);
    changed = true;
  }
  return changed;
}

// "" when every id names an object of the kind and none repeats; else why not.
std::string checkIds(const List& ids, const std::unordered_map<std::string, int>& index, const char* what) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!index.count(ids[i])) return "'" + ids[i] + "' is not " + what + " in this design.";
    if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) !=
        ids.begin() + static_cast<std::ptrdiff_t>(i))
      return "'" + ids[i] + "' is named twice.";
  }
  return {};
}

List with(List list, const std::string& id) {
  list.push_back(id);
  return list;
}

List without(List list, const std::string& id) {
  list.erase(std::remove(list.begin(), list.end(), id), list.end());
  return list;
}

// "rack a-1-3", "16 racks", "ups-2", "3 objects".
std::string whom(const design::Layout& L, const ObjectSet& set) {
  if (set.size() == 1) {
    if (!set.racks.empty()) return "rack " + L.racks[static_cast<std::size_t>(set.racks[0])].id;
    if (!set.power.empty()) return L.power[static_cast<std::size_t>(set.power[0])].id;
    return L.cooling[static_cast<std::size_t>(set.cooling[0])].id;
  }
  if (set.power.empty() && set.cooling.empty()) return report::counted(static_cast<long long>(set.size()), "rack");
  return report::counted(static_cast<long long>(set.size()), "object");
}

// True when every index satisfies `test`.
template <class F>
bool all(const std::vector<int>& items, F test) {
  return std::all_of(items.begin(), items.end(), test);
}

}  // namespace

EditOutcome setPowerFeeds(const design::ResolvedDesign& r, const ObjectSet& set, const std::vector<std::string>& ids) {
  if (!set.racks.empty())
    return EditOutcome::refuse("Racks take feed A and feed B; select only power or cooling gear.");
  if (set.empty()) return EditOutcome::refuse("Select power or cooling equipment first.");
  if (std::string why = checkIds(ids, r.layout.powerIndex, "a power node"); !why.empty())
    return EditOutcome::refuse(why);
  const TemplateMap map(r.design, r.layout);
  design::Design d = r.design;
  const bool a = editLists(r, map, d, set, ListField::PowerFedBy, [&](const List&) { return ids; });
  const bool b = editLists(r, map, d, set, ListField::CoolingFedBy, [&](const List&) { return ids; });
  if (!a && !b) return EditOutcome::refuse("The selection is already fed that way.");
  return {std::move(d), {}, {}};
}

EditOutcome setHeatSinks(const design::ResolvedDesign& r, const ObjectSet& set, const std::vector<std::string>& ids) {
  if (set.cooling.empty() || !set.racks.empty() || !set.power.empty())
    return EditOutcome::refuse("Select only cooling units to set where they reject heat.");
  if (std::string why = checkIds(ids, r.layout.coolingIndex, "a cooling unit"); !why.empty())
    return EditOutcome::refuse(why);
  const TemplateMap map(r.design, r.layout);
  design::Design d = r.design;
  if (!editLists(r, map, d, set, ListField::RejectsTo, [&](const List&) { return ids; }))
    return EditOutcome::refuse("The selection already rejects its heat there.");
  return {std::move(d), {}, {}};
}

LinkOutcome linkBetween(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to,
                        bool secondFeed) {
  const design::Layout& L = r.layout;
  LinkOutcome out;
  auto refuse = [&](std::string why) {
    out.refusal = std::move(why);
    return out;
  };
  if (from.empty()) return refuse("Nothing to connect.");
  const auto p = L.powerIndex.find(to);
  const auto c = L.coolingIndex.find(to);
  if (p == L.powerIndex.end() && c == L.coolingIndex.end())
    return refuse("Drop onto a power node or a cooling unit; '" + to + "' is neither.");
  const int target = p != L.powerIndex.end() ? p->second : c->second;
  const bool ontoPower = p != L.powerIndex.end();
  if ((ontoPower && std::count(from.power.begin(), from.power.end(), target)) ||
      (!ontoPower && std::count(from.cooling.begin(), from.cooling.end(), target)))
    return refuse(to + " cannot be connected to itself.");
  if (!from.racks.empty() && (!from.power.empty() || !from.cooling.empty()))
    return refuse("Connect racks and equipment separately.");
  const std::string who = whom(L, from);
  auto rack = [&](int i) -> const design::Rack& { return L.racks[static_cast<std::size_t>(i)]; };

  if (!from.racks.empty()) {
    if (ontoPower) {
      if (all(from.racks, [&](int i) { return rack(i).feedA == target || rack(i).feedB == target; }))
        return refuse(who + (from.racks.size() == 1 ? " is" : " are") + " already fed by " + to + ".");
      const bool aFree = all(from.racks, [&](int i) { return rack(i).feedA == kNone; });
      const bool bFree = all(from.racks, [&](int i) { return rack(i).feedB == kNone; });
      if (secondFeed || (!aFree && bFree)) {
        out.link = Link::FeedB;
      } else if (aFree) {
        out.link = Link::FeedA;
      } else {
        return refuse("Both feeds of " + who +
                      " are taken; hold Shift to replace feed B, or clear a feed in "
                      "Properties.");
      }
      out.description = to + " → feed " + (out.link == Link::FeedA ? "A" : "B") + " of " + who;
      return out;
    }
    const design::CoolingUnit& u = L.cooling[static_cast<std::size_t>(target)];
    if (u.kind != design::CoolingKind::Cdu && u.kind != design::CoolingKind::AirHandler)
      return refuse("Racks give their heat to a CDU or an air handler; " + to + " is a " +
                    std::string(design::toString(u.kind)) + ".");
    const bool cdu = u.kind == design::CoolingKind::Cdu;
    if (all(from.racks, [&](int i) { return (cdu ? rack(i).cdu : rack(i).airHandler) == target; }))
      return refuse(who + (from.racks.size() == 1 ? " is" : " are") + " already cooled by " + to + ".");
    out.link = cdu ? Link::Cdu : Link::AirHandler;
    out.description = who + " → " + (cdu ? "CDU " : "air handler ") + to;
    return out;
  }

  if (ontoPower) {
    const bool already = all(from.power,
                             [&](int i) {
                               return std::count(L.power[static_cast<std::size_t>(i)].fedBy.begin(),
                                                 L.power[static_cast<std::size_t>(i)].fedBy.end(), target) > 0;
                             }) &&
                         all(from.cooling, [&](int i) {
                           return std::count(L.cooling[static_cast<std::size_t>(i)].fedBy.begin(),
                                             L.cooling[static_cast<std::size_t>(i)].fedBy.end(), target) > 0;
                         });
    if (already) return refuse(who + (from.size() == 1 ? " is" : " are") + " already fed by " + to + ".");
    out.link = Link::PowerFeed;
    out.description = to + " → feeds " + who;
    return out;
  }
  if (!from.power.empty())
    return refuse(
        "Power gear is fed by power gear. To feed a cooling unit's pumps and fans, drag from the cooling "
        "unit onto the power node.");
  if (all(from.cooling, [&](int i) {
        const auto& s = L.cooling[static_cast<std::size_t>(i)].rejectsTo;
        return std::count(s.begin(), s.end(), target) > 0;
      }))
    return refuse(who + " already " + (from.size() == 1 ? "rejects" : "reject") + " heat to " + to + ".");
  out.link = Link::HeatSink;
  out.description = who + " → rejects heat to " + to;
  return out;
}

EditOutcome connectObjects(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to,
                           bool secondFeed) {
  const LinkOutcome link = linkBetween(r, from, to, secondFeed);
  if (!link.link) return EditOutcome::refuse(link.refusal);
  const TemplateMap map(r.design, r.layout);
  design::Design d = r.design;
  switch (*link.link) {
    case Link::FeedA:
      writeRackField(r, map, d, from, RackField::FeedA, to);
      break;
    case Link::FeedB:
      writeRackField(r, map, d, from, RackField::FeedB, to);
      break;
    case Link::Cdu:
      writeRackField(r, map, d, from, RackField::Cdu, to);
      break;
    case Link::AirHandler:
      writeRackField(r, map, d, from, RackField::AirHandler, to);
      break;
    case Link::PowerFeed: {
      auto add = [&](const List& now) {
        return std::find(now.begin(), now.end(), to) == now.end() ? with(now, to) : now;
      };
      editLists(r, map, d, from, ListField::PowerFedBy, add);
      editLists(r, map, d, from, ListField::CoolingFedBy, add);
      break;
    }
    case Link::HeatSink:
      editLists(r, map, d, from, ListField::RejectsTo, [&](const List& now) {
        return std::find(now.begin(), now.end(), to) == now.end() ? with(now, to) : now;
      });
      break;
  }
  return {std::move(d), {}, {}};
}

std::string newOverload(const design::ResolvedDesign& before, const engine::Evaluation& beforeEval,
                        const design::ResolvedDesign& after, const engine::Evaluation& afterEval,
                        const std::string& prefer) {
  struct Over {
    std::string text;
    bool preferred;
  };
  std::vector<Over> found;
  auto worse = [](double was, double now) { return now > 1 + 1e-9 && now > was + 1e-9; };
  const auto& A = after.layout;
  for (std::size_t i = 0; i < A.power.size() && i < afterEval.power.utilisation.size(); ++i) {
    const auto it = before.layout.powerIndex.find(A.power[i].id);
    const double was =
        it == before.layout.powerIndex.end() ? 0 : beforeEval.power.utilisation[static_cast<std::size_t>(it->second)];
    const double now = afterEval.power.utilisation[i];
    if (!worse(was, now)) continue;
    found.push_back({A.power[i].id + " would carry " + units::format(now * A.power[i].rating, units::Dimension::Power) +
                         " at peak, " + report::percent(now) + " of its " +
                         units::format(A.power[i].rating, units::Dimension::Power) + " rating.",
                     A.power[i].id == prefer});
  }
  for (std::size_t i = 0; i < A.cooling.size() && i < afterEval.cooling.unitUtilisation.size(); ++i) {
    const auto it = before.layout.coolingIndex.find(A.cooling[i].id);
    const double was = it == before.layout.coolingIndex.end()
                           ? 0
                           : beforeEval.cooling.unitUtilisation[static_cast<std::size_t>(it->second)];
    const double now = afterEval.cooling.unitUtilisation[i];
    if (!worse(was, now)) continue;
    found.push_back({A.cooling[i].id + " would take " +
                         units::format(now * A.cooling[i].capacity, units::Dimension::Power) + " of heat, " +
                         report::percent(now) + " of its " +
                         units::format(A.cooling[i].capacity, units::Dimension::Power) + " capacity.",
                     A.cooling[i].id == prefer});
  }
  if (found.empty()) return {};
  const auto pick = std::find_if(found.begin(), found.end(), [](const Over& o) { return o.preferred; });
  return (pick != found.end() ? *pick : found.front()).text;
}

EditOutcome setRedundancy(const design::ResolvedDesign& r, const ObjectSet& set, design::Redundancy redundancy) {
  if (set.power.empty() || !set.racks.empty() || !set.cooling.empty())
    return EditOutcome::refuse("Select power nodes to set the redundancy they promise.");
  const TemplateMap map(r.design, r.layout);
  design::Design d = r.design;
  bool changed = false;
  for (int i : set.power) {
    const auto& n = r.layout.power[static_cast<std::size_t>(i)];
    if (n.kind == design::PowerKind::Grid) return EditOutcome::refuse(n.id + " is a grid connection: a source.");
    const UnitOrigin& o = map.power(i);
    auto& specs = o.hallSpec < 0 ? d.power : d.halls[static_cast<std::size_t>(o.hallSpec)].power;
    auto& spec = specs[static_cast<std::size_t>(o.spec)];
    changed = changed || spec.redundancy != redundancy;
    spec.redundancy = redundancy;
  }
  if (!changed) return EditOutcome::refuse("The selection already promises that.");
  return {std::move(d), {}, {}};
}

EditOutcome setNetworkField(const design::ResolvedDesign& r, NetworkField field, const std::string& value) {
  design::Design d = r.design;
  auto pick = [&](auto values, auto& target, const char* what) -> std::string {
    for (auto v : values) {
      if (design::toString(v) == value) {
        target = v;
        return {};
      }
    }
    return "'" + value + "' is not a " + what + ".";
  };
  std::string why;
  switch (field) {
    case NetworkField::Switch:
      if (!r.catalog->switchModel(value)) return EditOutcome::refuse("'" + value + "' is not a switch in the catalog.");
      d.network.switchModel = value;
      break;
    case NetworkField::Topology: {
      using T = design::Topology;
      why = pick(std::initializer_list<T>{T::RailOptimizedFatTree, T::FatTree, T::LeafSpine}, d.network.topology,
                 "topology (rail-optimized, fat-tree, leaf-spine)");
      break;
    }
    case NetworkField::LeafPlacement: {
      using P = design::LeafPlacement;
      why = pick(std::initializer_list<P>{P::EndOfRow, P::MiddleOfRow, P::NetworkRow}, d.network.leafPlacement,
                 "leaf placement (end-of-row, middle-of-row, network-row)");
      break;
    }
  }
  if (!why.empty()) return EditOutcome::refuse(why);
  if (d.network == r.design.network) return EditOutcome::refuse("The network already is that way.");
  return {std::move(d), {}, {}};
}

EditOutcome disconnectObjects(const design::ResolvedDesign& r, const ObjectSet& from, const std::string& to) {
  const design::Layout& L = r.layout;
  const auto p = L.powerIndex.find(to);
  const auto c = L.coolingIndex.find(to);
  const int power = p != L.powerIndex.end() ? p->second : kNone;
  const int cooling = c != L.coolingIndex.end() ? c->second : kNone;
  const TemplateMap map(r.design, L);
  design::Design d = r.design;
  bool changed = false;
  // Racks: each field that names `to` is cleared on the racks that have it.
  const std::pair<RackField, int design::Rack::*> fields[] = {{RackField::FeedA, &design::Rack::feedA},
                                                              {RackField::FeedB, &design::Rack::feedB},
                                                              {RackField::Cdu, &design::Rack::cdu},
                                                              {RackField::AirHandler, &design::Rack::airHandler}};
  for (const auto& [field, member] : fields) {
    const int target = field == RackField::FeedA || field == RackField::FeedB ? power : cooling;
    if (target == kNone) continue;
    ObjectSet having;
    for (int i : from.racks) {
      if (L.racks[static_cast<std::size_t>(i)].*member == target) having.racks.push_back(i);
    }
    if (having.racks.empty()) continue;
    writeRackField(r, map, d, having, field, "");
    changed = true;
  }
  auto drop = [&](const List& now) { return without(now, to); };
  if (power != kNone) {
    changed = editLists(r, map, d, from, ListField::PowerFedBy, drop) || changed;
    changed = editLists(r, map, d, from, ListField::CoolingFedBy, drop) || changed;
  }
  if (cooling != kNone) changed = editLists(r, map, d, from, ListField::RejectsTo, drop) || changed;
  if (!changed) return EditOutcome::refuse(whom(L, from) + " and " + to + " are not connected.");
  return {std::move(d), {}, {}};
}

}  // namespace gigaplan::app::editing
