// Collapsed power tree for the single-line diagram (see power_tree.h).
#include "core/report/power_tree.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/power/power_graph.h"

namespace gigaplan::report {
namespace {

using design::kNone;

double at(const std::vector<double>& v, int i) {
  return i >= 0 && i < static_cast<int>(v.size()) ? v[i] : 0.0;
}
std::int64_t at(const std::vector<std::int64_t>& v, int i) {
  return i >= 0 && i < static_cast<int>(v.size()) ? v[i] : 0;
}

class Builder {
 public:
  Builder(const design::Layout& layout, const engine::Evaluation& eval) : layout_(layout), eval_(eval) {
    const int n = static_cast<int>(layout.power.size());
    parent_.assign(n, kNone);
    children_.resize(n);
    racksFed_.assign(n, 0);
    for (int i = 0; i < n; ++i) {
      for (int p : layout.power[i].fedBy) {
        if (p >= 0 && p < n && p != i) {
          parent_[i] = p;
          break;
        }
      }
      if (parent_[i] != kNone) children_[parent_[i]].push_back(i);
    }
    for (const auto& r : layout.racks) {
      if (r.feedA >= 0 && r.feedA < n) ++racksFed_[r.feedA];
      if (r.feedB >= 0 && r.feedB < n && r.feedB != r.feedA) ++racksFed_[r.feedB];
    }
  }

  PowerTree build(const PowerTreeOptions& o) {
    const int n = static_cast<int>(layout_.power.size());
    std::vector<int> roots, preorder;
    std::vector<char> reached(n, 0);
    for (int i = 0; i < n; ++i) {
      if (parent_[i] == kNone) roots.push_back(i);
    }
    std::vector<int> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      if (reached[i]) continue;
      reached[i] = 1;
      preorder.push_back(i);
      for (auto it = children_[i].rbegin(); it != children_[i].rend(); ++it) stack.push_back(*it);
    }
    PowerTree t;
    t.nodes = n;
    t.collapsed = static_cast<int>(preorder.size()) > o.expandAllUpTo;
    classOf_.resize(n);
    for (int i = 0; i < n; ++i) classOf_[i] = i;
    if (t.collapsed) classify(preorder);
    emitGroups(roots, 0, -1, 1, t);
    for (int i = 0; i < n; ++i) {
      if (reached[i]) continue;
      PowerTreeRow row = stats({i});
      row.onCycle = true;
      t.rows.push_back(std::move(row));
    }
    return t;
  }

 private:
  // Structural classes, children before parents (reverse pre-order).
  void classify(const std::vector<int>& preorder) {
    std::unordered_map<std::string, int> interned;
    for (auto it = preorder.rbegin(); it != preorder.rend(); ++it) {
      const int i = *it;
      const auto& node = layout_.power[i];
      std::vector<int> kids;
      for (int c : children_[i]) kids.push_back(classOf_[c]);
      std::sort(kids.begin(), kids.end());
      std::string key = std::to_string(static_cast<int>(node.kind)) + '|' + node.model + '|' +
                        std::to_string(node.rating) + '|' + std::to_string(node.units) + '|' +
                        std::to_string(static_cast<int>(node.redundancy)) + '|' + std::to_string(racksFed_[i]) + '|';
      for (int k : kids) key += std::to_string(k) + ',';
      const auto [pos, inserted] = interned.try_emplace(key, static_cast<int>(interned.size()));
      classOf_[i] = pos->second;
    }
  }

  // Groups `nodes` by class (first appearance order) and emits one row per group.
  void emitGroups(const std::vector<int>& nodes, int depth, int parentRow, std::size_t parentMembers, PowerTree& t) {
    std::vector<int> order;
    std::map<int, std::vector<int>> groups;
    for (int c : nodes) {
      auto& g = groups[classOf_[c]];
      if (g.empty()) order.push_back(classOf_[c]);
      g.push_back(c);
    }
    for (int cls : order) {
      std::vector<int>& members = groups[cls];
      PowerTreeRow row = stats(members);
      row.depth = depth;
      row.parentRow = parentRow;
      row.perParent = static_cast<int>(members.size() / std::max<std::size_t>(parentMembers, 1));
      const int index = static_cast<int>(t.rows.size());
      t.rows.push_back(std::move(row));
      std::vector<int> kids;
      for (int m : members) kids.insert(kids.end(), children_[m].begin(), children_[m].end());
      if (!kids.empty()) emitGroups(kids, depth + 1, index, members.size(), t);
    }
  }

  PowerTreeRow stats(std::vector<int> members) const {
    std::sort(members.begin(), members.end());
    PowerTreeRow r;
    const auto& first = layout_.power[members.front()];
    r.label = first.id;
    if (members.size() > 1) r.label += " \u2026 " + layout_.power[members.back()].id;
    r.kind = first.kind;
    r.model = first.model;
    r.rating = first.rating;
    r.apparentRating = power::isApparentPowerRated(first.kind);
    r.ratingPowerFactor = power::ratingPowerFactor(first);
    r.units = first.units;
    r.racksFed = racksFed_[members.front()];
    for (std::size_t k = 1; k < first.fedBy.size(); ++k) {
      const int p = first.fedBy[k];
      if (p >= 0 && p < static_cast<int>(layout_.power.size())) r.alsoFedBy.push_back(layout_.power[p].id);
    }
    for (int m : members) {
      r.load = std::max(r.load, at(eval_.power.nominal.out, m));
      r.peakLoad = std::max(r.peakLoad, at(eval_.power.peak.out, m));
      r.utilisation = std::max(r.utilisation, at(eval_.power.utilisation, m));
      r.failoverUtilisation = std::max(r.failoverUtilisation, at(eval_.power.failover.worstUtilisation, m));
      r.failureGpus = std::max(r.failureGpus, at(eval_.reliability.powerGpus, m));
      r.totalLoad += at(eval_.power.nominal.out, m);
    }
    r.members = std::move(members);
    return r;
  }

  const design::Layout& layout_;
  const engine::Evaluation& eval_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> children_;
  std::vector<int> racksFed_;
  std::vector<int> classOf_;
};

}  // namespace

PowerTree buildPowerTree(const design::Layout& layout, const engine::Evaluation& eval,
                         const PowerTreeOptions& options) {
  return Builder(layout, eval).build(options);
}

}  // namespace gigaplan::report
