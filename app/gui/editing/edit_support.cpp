// Shared helpers of the edit functions (see edit_support.h).
#include "app/gui/editing/edit_support.h"

#include <algorithm>
#include <cmath>

#include "core/design/expand.h"
#include "core/design/pattern.h"
#include "core/units/units.h"

namespace gigaplan::app::editing::detail {

double roundMetres(double v) {
  const double r = std::round(v * 1e6) / 1e6;
  return r == 0 ? 0.0 : r;  // no "-0 m" in the file
}

design::Vec2 roundVec(design::Vec2 v) {
  return {roundMetres(v.x), roundMetres(v.y)};
}

double normalizeDegrees(double degrees) {
  double d = std::fmod(degrees, 360.0);
  if (d < 0) d += 360.0;
  d = std::round(d * 1e9) / 1e9;
  return d >= 360.0 ? 0.0 : d;
}

design::Vec2 rotateAbout(design::Vec2 p, design::Vec2 centre, double degrees) {
  const double a = degrees * units::kDegree;
  const double c = std::cos(a), s = std::sin(a);
  const double x = p.x - centre.x, y = p.y - centre.y;
  return {centre.x + x * c - y * s, centre.y + x * s + y * c};
}

std::vector<char> rackMask(const design::Layout& layout, const ObjectSet& set) {
  std::vector<char> mask(layout.racks.size(), 0);
  for (int r : set.racks) mask[static_cast<std::size_t>(r)] = 1;
  return mask;
}

bool rowFullySelected(const design::Layout& layout, const std::vector<char>& mask, int row) {
  const design::Row& r = layout.rows[static_cast<std::size_t>(row)];
  if (r.rackCount == 0) return false;
  for (int k = 0; k < r.rackCount; ++k) {
    if (!mask[static_cast<std::size_t>(r.firstRack + k)]) return false;
  }
  return true;
}

std::string describe(const design::Layout& layout, Item item) {
  const auto i = static_cast<std::size_t>(item.index);
  switch (item.kind) {
    case ItemKind::Rack:
      return "rack " + layout.racks[i].id;
    case ItemKind::Power:
      return layout.power[i].id;
    case ItemKind::Cooling:
      return layout.cooling[i].id;
  }
  return {};
}

std::string newOverlap(const design::Layout& layout, const FootprintIndex& index, const std::vector<Placed>& placed) {
  auto key = [](Item it) { return (static_cast<long long>(it.kind) << 40) | static_cast<long long>(it.index); };
  std::unordered_set<long long> moving;
  for (const Placed& p : placed) moving.insert(key(p.item));
  const auto skip = [&](Item it) { return moving.count(key(it)) > 0; };
  for (const Placed& p : placed) {
    const auto now = index.overlapping(p.after, skip);
    if (now.empty()) continue;
    const auto before = index.overlapping(p.before, skip);
    for (const Item& hit : now) {
      if (std::find(before.begin(), before.end(), hit) == before.end()) {
        return describe(layout, p.item) + " would overlap " + describe(layout, hit);
      }
    }
  }
  return {};
}

std::unordered_set<std::string> usedIds(const design::Layout& layout) {
  std::unordered_set<std::string> ids;
  ids.reserve(layout.racks.size() + layout.rows.size() + layout.power.size() + layout.cooling.size() +
              layout.halls.size());
  for (const auto& x : layout.halls) ids.insert(x.id);
  for (const auto& x : layout.rows) ids.insert(x.id);
  for (const auto& x : layout.racks) ids.insert(x.id);
  for (const auto& x : layout.power) ids.insert(x.id);
  for (const auto& x : layout.cooling) ids.insert(x.id);
  return ids;
}

std::string fixInstance(const std::string& pattern, int i) {
  return fixVariable(pattern, 'i', i);
}

std::string fixVariable(const std::string& pattern, char variable, int value) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    const std::size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
      out += pattern.substr(pos);
      break;
    }
    out += pattern.substr(pos, open - pos);
    const std::string token = pattern.substr(open, close - open + 1);
    if (token.size() > 2 && token[1] == variable) {
      design::PatternVars vars;
      (variable == 'h' ? vars.h : variable == 'i' ? vars.i : vars.k) = value;
      const auto r = design::expandPattern(token, vars);
      out += r.error.empty() ? r.text : token;
    } else {
      out += token;
    }
    pos = close + 1;
  }
  return out;
}

Footprint hallFootprint(const design::Hall& h) {
  return {{h.origin.x + 0.5 * h.size.x, h.origin.y + 0.5 * h.size.y}, h.size.x, h.size.y, 0};
}

bool insideHall(const design::Hall& hall, const Footprint& f) {
  const design::Vec2 dir = design::direction(f.rotation);
  const double hx = 0.5 * (f.width * std::abs(dir.x) + f.depth * std::abs(dir.y));
  const double hy = 0.5 * (f.width * std::abs(dir.y) + f.depth * std::abs(dir.x));
  const double eps = 1e-6;
  return f.centre.x - hx >= hall.origin.x - eps && f.centre.x + hx <= hall.origin.x + hall.size.x + eps &&
         f.centre.y - hy >= hall.origin.y - eps && f.centre.y + hy <= hall.origin.y + hall.size.y + eps;
}

}  // namespace gigaplan::app::editing::detail
