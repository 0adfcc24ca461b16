// SiteScene::describe: the hover tooltip text for one object (id, type, key numbers, and the
// value behind the current colour).
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/power/power_graph.h"
#include "core/units/units.h"
#include "widgets/scene/site_scene.h"

namespace gigaplan::widgets::scene {

namespace {

std::string power(double watts) {
  return units::format(watts, units::Dimension::Power);
}

template <class Nodes>
std::string idList(const std::vector<int>& indices, const Nodes& nodes) {
  std::string out;
  for (int i : indices) {
    if (i < 0 || i >= static_cast<int>(nodes.size())) continue;
    if (!out.empty()) out += ", ";
    out += nodes[static_cast<std::size_t>(i)].id;
  }
  return out;
}

}  // namespace

std::string SiteScene::describe(ObjectRef ref) const {
  std::ostringstream s;
  auto nodeId = [&](int i) {
    return i >= 0 && i < static_cast<int>(layout_.power.size()) ? layout_.power[static_cast<std::size_t>(i)].id
                                                                : std::string("—");
  };
  auto coolingId = [&](int i) {
    return i >= 0 && i < static_cast<int>(layout_.cooling.size()) ? layout_.cooling[static_cast<std::size_t>(i)].id
                                                                  : std::string("—");
  };
  switch (ref.kind) {
    case ObjectKind::Rack: {
      if (ref.index < 0 || ref.index >= static_cast<int>(layout_.racks.size())) return {};
      const design::Rack& r = layout_.racks[static_cast<std::size_t>(ref.index)];
      const catalog::RackType* t = catalog_->rack(r.type);
      s << r.id << '\n' << (t && !t->name.empty() ? t->name : r.type) << " · " << typeName(rackShapeOf(t));
      if (t) {
        if (t->gpus > 0) s << '\n' << t->gpus << " GPUs" << (t->gpu.empty() ? "" : " (" + t->gpu + ")");
        s << '\n' << power(t->power) << " design";
        if (t->peakPower > t->power) s << ", " << power(t->peakPower) << " peak";
      }
      s << "\nFeeds: A " << nodeId(r.feedA) << " · B " << nodeId(r.feedB);
      if (r.cdu >= 0 || r.airHandler >= 0)
        s << "\nCooling: " << coolingId(r.cdu) << " · air " << coolingId(r.airHandler);
      break;
    }
    case ObjectKind::Power: {
      if (ref.index < 0 || ref.index >= static_cast<int>(layout_.power.size())) return {};
      const design::PowerNode& n = layout_.power[static_cast<std::size_t>(ref.index)];
      const catalog::PowerGear* g = catalog_->power(n.model);
      s << n.id << '\n' << typeName(n.kind);
      if (!n.model.empty()) s << " · " << (g && !g->name.empty() ? g->name : n.model);
      s << "\nRating " << power::ratingText(n);
      if (n.units > 1) s << " (" << n.units << " units)";
      if (!n.fedBy.empty()) s << "\nFed by: " << idList(n.fedBy, layout_.power);
      break;
    }
    case ObjectKind::Cooling: {
      if (ref.index < 0 || ref.index >= static_cast<int>(layout_.cooling.size())) return {};
      const design::CoolingUnit& u = layout_.cooling[static_cast<std::size_t>(ref.index)];
      const catalog::CoolingGear* g = catalog_->cooling(u.model);
      s << u.id << '\n' << typeName(u.kind);
      if (!u.model.empty()) s << " · " << (g && !g->name.empty() ? g->name : u.model);
      s << "\nCapacity " << power(u.capacity);
      if (u.units > 1) s << " (" << u.units << " units)";
      if (!u.rejectsTo.empty()) s << "\nRejects to: " << idList(u.rejectsTo, layout_.cooling);
      break;
    }
  }
  if (mode_ != ColorBy::Type) {
    const std::string label = scalars_.label.empty() ? std::string(displayName(mode_)) : scalars_.label;
    s << '\n' << label << ": ";
    if (const std::optional<double> v = valueOf(ref); !v) {
      s << "no value";
    } else if (isCategorical(mode_)) {
      const auto k = static_cast<long>(std::lround(*v));
      s << (k >= 0 && k < static_cast<long>(scalars_.categories.size())
                ? scalars_.categories[static_cast<std::size_t>(k)]
                : std::to_string(k));
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3g", *v * scalars_.unitScale);
      s << buf << (scalars_.unit.empty() ? "" : " " + scalars_.unit);
    }
  }
  return s.str();
}

}  // namespace gigaplan::widgets::scene
