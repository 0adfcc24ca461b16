// Power paths by first parent (see power_paths.h).
#include "core/report/power_paths.h"

namespace gigaplan::report {

using design::kNone;

Color powerPathColor(int path) {
  return path == kNone ? Color::rgb(0x333333) : paletteColor(path + 3);
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
