// Evaluation → ColorScalars for every colour mode (see color_scalars.h).
#include "app/gui/color_scalars.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace gigaplan::app {
namespace {

using widgets::scene::ColorBy;
using widgets::scene::ColorScalars;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int severityRank(engine::Severity s) {
  switch (s) {
    case engine::Severity::Info:
      return 1;
    case engine::Severity::Warning:
      return 2;
    case engine::Severity::Error:
      return 3;
  }
  return 0;
}

ColorScalars findings(const design::Layout& l, const engine::Evaluation& e) {
  ColorScalars s;
  s.racks.assign(l.racks.size(), 0);
  s.power.assign(l.power.size(), 0);
  s.cooling.assign(l.cooling.size(), 0);
  s.categories = {"no finding", "info", "warning", "error"};
  for (const auto& f : e.findings) {
    const double rank = severityRank(f.severity);
    auto raise = [&](std::vector<double>& v, const std::unordered_map<std::string, int>& index) {
      if (auto it = index.find(f.object); it != index.end()) {
        double& cur = v[static_cast<std::size_t>(it->second)];
        cur = std::max(cur, rank);
        return true;
      }
      return false;
    };
    if (raise(s.racks, l.rackIndex) || raise(s.power, l.powerIndex) || raise(s.cooling, l.coolingIndex)) continue;
    if (auto it = l.rowIndex.find(f.object); it != l.rowIndex.end()) {
      const auto& row = l.rows[static_cast<std::size_t>(it->second)];
      for (int k = 0; k < row.rackCount; ++k) {
        double& cur = s.racks[static_cast<std::size_t>(row.firstRack + k)];
        cur = std::max(cur, rank);
      }
    }
  }
  return s;
}

ColorScalars failureDomain(const design::Layout& l, const engine::Evaluation& e, const std::string& focus) {
  ColorScalars s;
  const auto& fd = e.reliability;
  s.racks.assign(l.racks.size(), kNaN);
  // With a focus node: racks in its domain are its category. Without: each rack shows the element
  // that bounds its largest domain (racks sharing a colour fail together).
  using Kind = reliability::Element::Kind;
  reliability::Element want;
  if (auto it = l.powerIndex.find(focus); it != l.powerIndex.end()) want = {Kind::Power, it->second};
  if (auto it = l.coolingIndex.find(focus); it != l.coolingIndex.end()) want = {Kind::Cooling, it->second};
  if (want.kind != Kind::None) {
    s.label = "Stops with " + focus;
    s.categories = {"keeps running", "stops (its largest domain)"};
    for (std::size_t r = 0; r < l.racks.size() && r < fd.rackDomain.size(); ++r)
      s.racks[r] = fd.rackDomain[r] == want ? 1 : 0;
    return s;
  }
  std::map<std::pair<int, int>, int> category;
  for (std::size_t r = 0; r < l.racks.size() && r < fd.rackDomain.size(); ++r) {
    const auto& el = fd.rackDomain[r];
    if (el.kind == Kind::None) continue;
    auto [it, fresh] =
        category.emplace(std::make_pair(static_cast<int>(el.kind), el.index), static_cast<int>(category.size()));
    if (fresh) {
      const auto& id = el.kind == Kind::Power ? l.power[static_cast<std::size_t>(el.index)].id
                                              : l.cooling[static_cast<std::size_t>(el.index)].id;
      s.categories.push_back(id);
    }
    s.racks[r] = it->second;
  }
  s.label = "Failure domain (largest)";
  return s;
}

}  // namespace

ColorScalars colorScalars(ColorBy mode, const design::ResolvedDesign& d, const engine::Evaluation& e,
                          const std::string& focusId) {
  const design::Layout& l = d.layout;
  ColorScalars s;
  switch (mode) {
    case ColorBy::Type:
      return s;
    case ColorBy::PowerDraw:
      s.unit = "kW";
      s.unitScale = 1e-3;
      // Racks only: node loads (MW) on the same scale would wash every rack into one colour.
      s.racks = e.rackPower;
      return s;
    case ColorBy::FeedPath:
      s.categories = {"A and B", "A only", "B only", "not fed"};
      s.racks.reserve(l.racks.size());
      for (const auto& r : l.racks) {
        const bool a = r.feedA != design::kNone, b = r.feedB != design::kNone;
        s.racks.push_back(a && b ? 0 : a ? 1 : b ? 2 : 3);
      }
      return s;
    case ColorBy::CoolingLoop: {
      const auto& loop = e.cooling.unitLoop;
      for (int i = 0; i < e.cooling.loops; ++i) s.categories.push_back("loop " + std::to_string(i + 1));
      s.racks.reserve(l.racks.size());
      for (const auto& r : l.racks) {
        const int unit = r.cdu != design::kNone ? r.cdu : r.airHandler;
        s.racks.push_back(unit != design::kNone && static_cast<std::size_t>(unit) < loop.size()
                              ? loop[static_cast<std::size_t>(unit)]
                              : kNaN);
      }
      s.cooling.assign(loop.begin(), loop.end());
      return s;
    }
    case ColorBy::FeedUtilisation:
      s.label = "Feed utilisation (peak)";
      s.unit = "%";
      s.unitScale = 100;
      s.min = 0;
      s.max = 1;
      s.racks = e.rackFeedUtilisation;
      s.power = e.power.utilisation;
      s.cooling = e.cooling.unitUtilisation;
      return s;
    case ColorBy::FailureDomain:
      return failureDomain(l, e, focusId);
    case ColorBy::FabricPod: {
      int pods = 0;
      s.racks.reserve(l.racks.size());
      for (int pod : e.fabric.rackPod) {
        s.racks.push_back(pod == design::kNone ? kNaN : pod);
        pods = std::max(pods, pod + 1);
      }
      for (int i = 0; i < pods; ++i) s.categories.push_back("pod " + std::to_string(i + 1));
      return s;
    }
    case ColorBy::Findings:
      return findings(l, e);
  }
  return s;
}

}  // namespace gigaplan::app
