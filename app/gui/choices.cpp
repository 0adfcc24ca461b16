// Choice lists for fields (see choices.h).
#include "app/gui/choices.h"
#include "app/gui/qt_text.h"

#include <QObject>
#include <algorithm>
#include <cmath>

#include "core/units/units.h"

namespace gigaplan::app {
namespace {

template <class Unit, class Keep>
std::vector<Choice> nearby(const std::vector<Unit>& units, int hall, design::Vec2 near, bool allowNone,
                           std::size_t limit, Keep keep, double Unit::*capacity) {
  std::vector<std::pair<double, int>> found;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (!keep(u) || (u.hall != hall && u.hall != design::kNone)) continue;
    found.push_back({std::hypot(u.position.x - near.x, u.position.y - near.y), static_cast<int>(i)});
  }
  std::sort(found.begin(), found.end());
  if (limit > 0 && found.size() > limit) found.resize(limit);
  std::vector<Choice> out;
  if (allowNone) out.push_back({QString(), noneLabel()});
  for (const auto& [distance, i] : found) {
    const Unit& u = units[static_cast<std::size_t>(i)];
    out.push_back(
        {qs(u.id), QObject::tr("%1 (%2, %3 m away)").arg(qs(u.id), watts(u.*capacity)).arg(distance, 0, 'f', 0)});
  }
  return out;
}

}  // namespace

QString noneLabel() {
  return QObject::tr("(none)");
}

std::vector<Choice> rackTypeChoices(const catalog::Catalog& catalog) {
  std::vector<Choice> out;
  for (const auto& [id, r] : catalog.racks) {
    out.push_back({qs(id), QObject::tr("%1 — %2, %3").arg(qs(id), qs(r.name), watts(r.power))});
  }
  return out;
}

std::vector<Choice> powerModelChoices(const catalog::Catalog& catalog, catalog::PowerGearKind kind) {
  std::vector<Choice> out;
  for (const auto& [id, g] : catalog.powerGear) {
    if (g.kind == kind) out.push_back({qs(id), QObject::tr("%1 — %2, %3").arg(qs(id), qs(g.name), watts(g.rating))});
  }
  return out;
}

std::vector<Choice> coolingModelChoices(const catalog::Catalog& catalog, catalog::CoolingGearKind kind) {
  std::vector<Choice> out;
  for (const auto& [id, g] : catalog.coolingGear) {
    if (g.kind == kind) out.push_back({qs(id), QObject::tr("%1 — %2, %3").arg(qs(id), qs(g.name), watts(g.capacity))});
  }
  return out;
}

std::vector<Choice> switchChoices(const catalog::Catalog& catalog) {
  std::vector<Choice> out;
  for (const auto& [id, sw] : catalog.switches) {
    out.push_back({qs(id), QObject::tr("%1 — %2, %3 ports").arg(qs(id), qs(sw.name)).arg(sw.ports)});
  }
  return out;
}

namespace {
template <class E>
std::vector<Choice> enumChoices(std::initializer_list<E> values) {
  std::vector<Choice> out;
  for (E v : values) out.push_back({qs(std::string(design::toString(v))), qs(std::string(design::toString(v)))});
  return out;
}
}  // namespace

QString redundancyLabel(const QString& value) {
  return value == "none" ? value : value.toUpper();  // "N+1", "2N", as the trade writes them
}

std::vector<Choice> redundancyChoices() {
  using R = design::Redundancy;
  std::vector<Choice> out = enumChoices({R::None, R::NPlus1, R::TwoN});
  for (Choice& c : out) c.label = redundancyLabel(c.value);
  return out;
}

std::vector<Choice> topologyChoices() {
  using T = design::Topology;
  return enumChoices({T::RailOptimizedFatTree, T::FatTree, T::LeafSpine});
}

std::vector<Choice> leafPlacementChoices() {
  using P = design::LeafPlacement;
  return enumChoices({P::EndOfRow, P::MiddleOfRow, P::NetworkRow});
}

std::vector<Choice> feedChoices(const design::Layout& layout, int hall, design::Vec2 near, bool allowNone,
                                std::size_t limit) {
  const auto distribution = [](const design::PowerNode& n) {
    using K = design::PowerKind;
    return n.kind == K::Transformer || n.kind == K::Switchboard || n.kind == K::Ups || n.kind == K::Busway ||
           n.kind == K::Pdu;
  };
  return nearby(layout.power, hall, near, allowNone, limit, distribution, &design::PowerNode::rating);
}

std::vector<Choice> coolingChoices(const design::Layout& layout, int hall, design::CoolingKind kind, design::Vec2 near,
                                   std::size_t limit) {
  return nearby(
      layout.cooling, hall, near, true, limit, [kind](const design::CoolingUnit& u) { return u.kind == kind; },
      &design::CoolingUnit::capacity);
}

}  // namespace gigaplan::app
