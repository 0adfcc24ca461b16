// Evaluation → ColorScalars for every colour mode (see color_scalars.h).
#include "app/gui/color_scalars.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

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

// A colour per category such that categories whose racks stand next to each other (centres
// within kNeighbourDistance: along a row, across an aisle) differ: greedy colouring of that
// neighbour graph, categories in order. Only a site where one domain touches more than
// `colours` − 1 others can run out, and then colours repeat.
std::vector<int> neighbourColours(const design::Layout& l, const std::vector<double>& category, int categories,
                                  int colours) {
  constexpr double kNeighbourDistance = 3.0;                // m: the next rack, or the row across a 1.2 m aisle
  std::unordered_map<std::int64_t, std::vector<int>> grid;  // 3 m cells → racks
  auto cell = [](double x, double y) {
    return (static_cast<std::int64_t>(std::floor(x / kNeighbourDistance)) << 32) ^
           static_cast<std::int64_t>(static_cast<std::uint32_t>(std::floor(y / kNeighbourDistance)));
  };
  for (std::size_t r = 0; r < l.racks.size(); ++r) {
    if (!std::isnan(category[r]))
      grid[cell(l.racks[r].position.x, l.racks[r].position.y)].push_back(static_cast<int>(r));
  }
  std::vector<std::set<int>> near(static_cast<std::size_t>(categories));
  for (std::size_t r = 0; r < l.racks.size(); ++r) {
    if (std::isnan(category[r])) continue;
    const auto a = static_cast<int>(category[r]);
    const design::Vec2 p = l.racks[r].position;
    for (int dx = -1; dx <= 1; ++dx) {
      for (int dy = -1; dy <= 1; ++dy) {
        const auto it = grid.find(cell(p.x + dx * kNeighbourDistance, p.y + dy * kNeighbourDistance));
        if (it == grid.end()) continue;
        for (int o : it->second) {
          const auto b = static_cast<int>(category[static_cast<std::size_t>(o)]);
          const design::Vec2 q = l.racks[static_cast<std::size_t>(o)].position;
          if (b != a && std::hypot(p.x - q.x, p.y - q.y) <= kNeighbourDistance) {
            near[static_cast<std::size_t>(a)].insert(b);
          }
        }
      }
    }
  }
  std::vector<int> colour(static_cast<std::size_t>(categories), -1);
  for (int c = 0; c < categories; ++c) {
    std::vector<char> taken(static_cast<std::size_t>(colours), 0);
    for (int n : near[static_cast<std::size_t>(c)]) {
      const int k = colour[static_cast<std::size_t>(n)];
      if (k >= 0) taken[static_cast<std::size_t>(k % colours)] = 1;
    }
    int pick = 0;
    while (pick < colours && taken[static_cast<std::size_t>(pick)]) ++pick;
    colour[static_cast<std::size_t>(c)] = pick < colours ? pick : c % colours;
  }
  return colour;
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
  s.categoryColors =
      neighbourColours(l, s.racks, static_cast<int>(s.categories.size()), widgets::scene::qualitativeColorCount());
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
    case ColorBy::Difference:
      // The comparison panel's (ComparePanel::differenceScalars); without a comparison, nothing.
      s.categories = {"Nothing compared"};
      return s;
  }
  return s;
}

}  // namespace gigaplan::app
