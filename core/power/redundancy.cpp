// checkFailover: single-failure load transfer on the power chain, localised to the nodes involved.
#include "core/power/redundancy.h"

#include <algorithm>
#include <queue>
#include <string>

#include "core/units/units.h"

namespace gigaplan::power {

using design::kNone;
using design::PowerKind;

bool isCheckedForFailover(const design::Layout& layout, int node) {
  const design::PowerNode& n = layout.power[node];
  if (n.kind == PowerKind::Busway || n.kind == PowerKind::Ups || n.kind == PowerKind::Transformer) return true;
  for (int p : n.fedBy)
    if (p >= 0 && p < static_cast<int>(layout.power.size()) && layout.power[p].redundancy != design::Redundancy::None)
      return true;
  return false;
}

namespace {

// Something drawing from several parents: a rack (A/B), a switch on two feeds, a cooling unit with
// several feeds, or a node with several supply parents. Racks, switches and cooling units split
// their draw evenly over their feeds; nodes by their parents' capacities (PowerGraph::share).
struct Consumer {
  int parents[2] = {kNone, kNone};  // racks and switches: feeds; nodes and cooling units: see `node`, `unit`
  int node = kNone;                 // power node index, kNone for racks and cooling units
  int unit = kNone;                 // cooling unit index, kNone for racks and nodes
  double draw = 0;                  // W at peak
};

struct Events {
  std::vector<int> begin;      // per failed node: events[begin[x] .. begin[x+1])
  std::vector<int> consumers;  // indices into the consumer list
};

std::span<const int> parentsOf(const Consumer& c, const PowerGraph& g, const design::Layout& layout) {
  if (c.node != kNone) return g.supply[c.node];
  if (c.unit != kNone) return layout.cooling[c.unit].fedBy;
  return {c.parents, static_cast<std::size_t>(c.parents[1] == kNone ? 1 : 2)};
}

// The share of a consumer's draw that `p` carries among `parents`.
double shareOf(const Consumer& c, const PowerGraph& g, int p, std::span<const int> parents) {
  return c.node != kNone ? g.share(p, parents) : 1.0 / static_cast<double>(parents.size());
}

// The nodes whose failure cuts some but not all of a consumer's parents: the union of the
// parents' sets minus their intersection (for two parents, the symmetric difference).
void partialCuts(std::span<const int> parents, const SupplyDominators& dom, std::vector<int>& out,
                 std::vector<int>& all, std::vector<int>& common, std::vector<int>& next) {
  out.clear();
  if (parents.size() == 2) {
    auto a = dom.of(parents[0]), b = dom.of(parents[1]);
    std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return;
  }
  all.clear();
  auto first = dom.of(parents[0]);
  common.assign(first.begin(), first.end());
  for (int p : parents) {
    auto s = dom.of(p);
    all.insert(all.end(), s.begin(), s.end());
    next.clear();
    intersectSorted(common, s, next);
    common.swap(next);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::set_difference(all.begin(), all.end(), common.begin(), common.end(), std::back_inserter(out));
}

Events buildEvents(const std::vector<Consumer>& consumers, const PowerGraph& g, const design::Layout& layout,
                   const SupplyDominators& dom, const std::vector<char>& checked) {
  const int nodes = static_cast<int>(checked.size());
  std::vector<std::pair<int, int>> pairs;  // (failed node, consumer)
  pairs.reserve(consumers.size() * 6);
  std::vector<int> partial, all, common, next;
  for (int c = 0; c < static_cast<int>(consumers.size()); ++c) {
    partialCuts(parentsOf(consumers[c], g, layout), dom, partial, all, common, next);
    for (int x : partial)
      if (checked[x]) pairs.emplace_back(x, c);
  }
  Events e;
  e.begin.assign(nodes + 1, 0);
  for (auto& [x, c] : pairs) ++e.begin[x + 1];
  for (int i = 0; i < nodes; ++i) e.begin[i + 1] += e.begin[i];
  e.consumers.resize(pairs.size());
  std::vector<int> fill(e.begin.begin(), e.begin.end() - 1);
  for (auto& [x, c] : pairs) e.consumers[fill[x]++] = c;
  return e;
}

// Racks side by side on the same two feeds move together: one consumer per run of them.
std::vector<Consumer> collectConsumers(const design::Layout& layout, const PowerGraph& g, const PowerFlow& peak,
                                       const PowerDemand& demand) {
  const int n = static_cast<int>(layout.power.size());
  std::vector<Consumer> out;
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    const design::Rack& rack = layout.racks[r];
    if (rack.feedA < 0 || rack.feedA >= n || rack.feedB < 0 || rack.feedB >= n || rack.feedA == rack.feedB) continue;
    if (!out.empty() && out.back().node == kNone && out.back().parents[0] == rack.feedA &&
        out.back().parents[1] == rack.feedB) {
      out.back().draw += demand.rack(r);
      continue;
    }
    Consumer c;
    c.parents[0] = rack.feedA;
    c.parents[1] = rack.feedB;
    c.draw = demand.rack(r);
    out.push_back(c);
  }
  for (const PowerDemand::TwoFed& t : demand.networkTwoFed) {
    if (t.feeds[0] < 0 || t.feeds[0] >= n || t.feeds[1] < 0 || t.feeds[1] >= n || t.feeds[0] == t.feeds[1]) continue;
    Consumer c;
    c.parents[0] = t.feeds[0];
    c.parents[1] = t.feeds[1];
    c.draw = t.watts;
    out.push_back(c);
  }
  for (int i = 0; i < n; ++i)
    if (g.supply[i].size() >= 2 && g.rank[i] != kNone) {
      Consumer c;
      c.node = i;
      c.draw = peak.in[i];
      out.push_back(c);
    }
  for (std::size_t u = 0; u < layout.cooling.size() && u < demand.unitCooling.size(); ++u) {
    const auto& feeds = layout.cooling[u].fedBy;
    if (feeds.size() < 2 || !std::all_of(feeds.begin(), feeds.end(), [n](int f) { return f >= 0 && f < n; })) continue;
    Consumer c;
    c.unit = static_cast<int>(u);
    c.draw = demand.unitCooling[u];
    out.push_back(c);
  }
  return out;
}

// Scratch state for one failure, reused across failures so each costs only what it touches.
class Transfer {
 public:
  Transfer(const PowerGraph& g, const SupplyDominators& dom, const PowerFlow& peak)
      : g_(g), dom_(dom), peak_(peak), delta_(g.rank.size(), 0.0), mark_(g.rank.size(), 0) {}

  void reset(int failed) {
    for (int n : touched_) {
      delta_[n] = 0;
      mark_[n] = 0;
    }
    touched_.clear();
    failed_ = failed;
  }
  void add(int node, double watts) {
    if (node == failed_ || g_.rank[node] == kNone) return;
    if (!mark_[node]) {
      mark_[node] = 1;
      touched_.push_back(node);
      heap_.emplace(g_.rank[node], node);
    }
    delta_[node] += watts;
  }
  bool alive(int node) const { return node != failed_ && !dom_.cuts(failed_, node); }

  // Children first: each node passes its change in draw to its parents that still have supply.
  void propagate() {
    while (!heap_.empty()) {
      const int node = heap_.top().second;
      heap_.pop();
      const double d = delta_[node];
      if (d == 0) continue;
      const auto parents = g_.supply[node];
      // The change in what it draws, at the efficiency of its new load (curves are not linear).
      const double drawn = g_.input(node, peak_.out[node] + d) - peak_.in[node];
      // A live node with one parent has a live parent (else the failure would cut it too).
      if (parents.size() == 1) {
        add(parents[0], drawn);
        continue;
      }
      alive_.clear();
      for (int p : parents)
        if (alive(p)) alive_.push_back(p);
      // The change is shared by capacity among the live parents (moving the draw it had before
      // off a cut parent is the consumer event's business, see checkFailover).
      for (int p : alive_) add(p, drawn * g_.share(p, alive_));
    }
  }
  const std::vector<int>& touched() const { return touched_; }
  double delta(int node) const { return delta_[node]; }

 private:
  const PowerGraph& g_;
  const SupplyDominators& dom_;
  const PowerFlow& peak_;
  std::vector<double> delta_;
  std::vector<char> mark_;
  std::vector<int> touched_, alive_;
  std::priority_queue<std::pair<int, int>> heap_;  // (rank, node): highest rank = deepest first
  int failed_ = kNone;
};

}  // namespace

FailoverResult checkFailover(const design::Layout& layout, const PowerGraph& g, const SupplyDominators& dom,
                             const PowerFlow& peak, const PowerDemand& peakDemand) {
  const int n = static_cast<int>(layout.power.size());
  FailoverResult result;
  result.worstUtilisation.assign(n, 0.0);
  result.worstFailure.assign(n, kNone);
  // A failure never lowers what a survivor carries below its normal peak load.
  for (int i = 0; i < n; ++i)
    if (g.capacity[i] > 0) result.worstUtilisation[i] = peak.out[i] / g.capacity[i];
  std::vector<char> checked(n, 0);
  for (int x = 0; x < n; ++x) checked[x] = g.rank[x] != kNone && isCheckedForFailover(layout, x);
  const std::vector<Consumer> consumers = collectConsumers(layout, g, peak, peakDemand);
  const Events events = buildEvents(consumers, g, layout, dom, checked);
  Transfer t(g, dom, peak);
  std::vector<int> alive;

  for (int x = 0; x < n; ++x) {
    if (!checked[x]) continue;
    ++result.failuresChecked;
    // One unit of a spared bank fails: its other units carry the node's whole load and nothing
    // moves elsewhere (markSparedBanks guarantees they can). The whole node failing is checked
    // below as for any node.
    if (x < static_cast<int>(g.spared.size()) && g.spared[x]) {
      const double oneOut = design::capacityWithOneUnitOut(g.capacity[x], layout.power[x].units);
      if (oneOut > 0 && peak.out[x] / oneOut > result.worstUtilisation[x]) {
        result.worstUtilisation[x] = peak.out[x] / oneOut;
        result.worstFailure[x] = x;
      }
    }
    t.reset(x);
    // The failed node stops drawing from its parents.
    for (int p : g.supply[x]) t.add(p, -peak.in[x] * g.share(p, g.supply[x]));
    if (g.catcher[x] != kNone) {
      const auto siblings = g.children[g.catcher[x]];
      const double share = peak.out[x] / static_cast<double>(siblings.size() - 1);
      for (int s : siblings)
        if (s != x) t.add(s, share);
    }
    for (int e = events.begin[x]; e < events.begin[x + 1]; ++e) {
      const Consumer& c = consumers[events.consumers[e]];
      auto parents = parentsOf(c, g, layout);
      alive.clear();
      for (int p : parents)
        if (t.alive(p)) alive.push_back(p);
      if (alive.empty()) continue;
      for (int p : alive) t.add(p, c.draw * (shareOf(c, g, p, alive) - shareOf(c, g, p, parents)));
      // A node consumer's own change in draw (from below) reaches only its live parents: propagate() does that.
    }
    t.propagate();

    int worst = kNone, overloaded = 0;
    double worstRatio = 0;
    for (int node : t.touched()) {
      const double cap = g.capacity[node];
      if (cap <= 0) continue;
      const double after = peak.out[node] + t.delta(node);
      const double ratio = after / cap;
      if (ratio > result.worstUtilisation[node]) {
        result.worstUtilisation[node] = ratio;
        result.worstFailure[node] = x;
      }
      const double tolerance = 1 + 1e-9;
      if (after > cap * tolerance && peak.out[node] <= cap * tolerance) {
        ++overloaded;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          worst = node;
        }
      }
    }
    if (worst == kNone) continue;
    const design::PowerNode& w = layout.power[worst];
    std::string msg = "With " + layout.power[x].id + " failed, " + w.id + " would carry " +
                      units::formatPower(peak.out[worst] + t.delta(worst)) + " against a rating of " +
                      units::formatPower(g.capacity[worst]);
    if (overloaded > 1) msg += " (" + std::to_string(overloaded - 1) + " other nodes overloaded too)";
    result.findings.push_back(engine::makeFinding(engine::Severity::Error, layout.power[x].id, "power.redundancy-lost",
                                                  msg, peak.out[worst] + t.delta(worst), g.capacity[worst]));
  }
  return result;
}

}  // namespace gigaplan::power
