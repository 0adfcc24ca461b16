// Power paths by first parent (see power_paths.h).
#include "core/report/power_paths.h"

#include <array>

namespace gigaplan::report {

using design::kNone;

Color powerPathColor(int path) {
  // Dark and saturated (CIELAB L* 18-45) where the hall colours (paletteColor) are mid to light
  // (L* 50-82): each at least ΔE*ab 21 from every hall colour and 24 from the others here. The two
  // sets once shared paletteColor, offset by three, so a campus of eight halls and four power paths
  // drew the fourth path's gear in the seventh hall's colour. The first two, a 2N design's A and B
  // sides, are red and teal: neither in the hue of the first halls (blue, orange, green).
  static constexpr std::array<Color, 8> kPaths = {
      Color::rgb(0xa50026),  // deep red
      Color::rgb(0x01665e),  // deep teal
      Color::rgb(0x3f007d),  // violet
      Color::rgb(0x7a6a00),  // olive
      Color::rgb(0xae017e),  // magenta
      Color::rgb(0x08519c),  // deep blue
      Color::rgb(0x006d2c),  // deep green
      Color::rgb(0x7f2704),  // rust
  };
  if (path == kNone) return Color::rgb(0x333333);
  const int n = static_cast<int>(kPaths.size());
  return kPaths[static_cast<std::size_t>(((path % n) + n) % n)];
}

PowerPaths powerPaths(const design::Layout& layout) {
  const int n = static_cast<int>(layout.power.size());
  auto parentOf = [&](int i) {
    const auto& fed = layout.power[i].fedBy;
    const int p = fed.empty() ? kNone : fed.front();
    return p >= 0 && p < n ? p : kNone;
  };
  // head[i]: the node directly below the root of i's first-parent chain (kNone for roots and
  // cycles). Each chain is walked once, then resolved from its top down.
  enum State : char { Unknown, Visiting, Known };
  std::vector<State> state(n, Unknown);
  std::vector<int> head(n, kNone);
  std::vector<int> chain;
  for (int i = 0; i < n; ++i) {
    if (state[i] == Known) continue;
    chain.clear();
    int cur = i;
    while (cur != kNone && state[cur] == Unknown) {
      state[cur] = Visiting;
      chain.push_back(cur);
      cur = parentOf(cur);
    }
    const bool cycle = cur != kNone && state[cur] == Visiting;
    for (auto k = static_cast<int>(chain.size()) - 1; k >= 0; --k) {
      const int node = chain[k];
      const int parent = parentOf(node);
      if (cycle || parent == kNone) {
        head[node] = kNone;
      } else {
        head[node] = parentOf(parent) == kNone ? node : head[parent];
      }
      state[node] = Known;
    }
  }
  PowerPaths p;
  p.nodePath.assign(n, kNone);
  std::vector<int> pathOfHead(n, kNone);
  for (int i = 0; i < n; ++i) {
    const int h = head[i];
    if (h == kNone) continue;
    if (pathOfHead[h] == kNone) {
      pathOfHead[h] = static_cast<int>(p.names.size());
      p.names.push_back(layout.power[h].id);
      p.nodes.push_back(0);
    }
    p.nodePath[i] = pathOfHead[h];
    ++p.nodes[pathOfHead[h]];
  }
  return p;
}

}  // namespace gigaplan::report
