// Leaf and core-room switch placement; see placement.h.
#include "core/fabric/placement.h"

#include <algorithm>
#include <cmath>

#include "core/design/expand.h"
#include "core/model/default_sizes.h"

namespace gigaplan::fabric::detail {
namespace {

using design::kNone;
using design::Vec2;

constexpr double kSwitchUnitsPerRack = 16;  // RU of switches per core-room rack (U)
constexpr std::int64_t kRacksPerRow = 20;   // core-room racks per row (U)
// m: core-room racks stand side by side at the planning default rack width (model/default_sizes.h).
constexpr double kCoreRackPitch = model::kUnknownRackSize.width;
// m: a default-depth rack plus an aisle as wide again (U).
constexpr double kCoreRowPitch = 2 * model::kUnknownRackSize.depth;
constexpr double kDefaultPitch = model::kUnknownRackSize.width;  // m, when a one-rack row gives no pitch
constexpr double kCoreCrossAisle = 1.2;  // m between blocks of core-room rows (U: a planning default)

// m: one block of core-room rows across, its cross aisle included.
double blockWidth(std::int64_t racksPerRow) {
  return static_cast<double>(racksPerRow) * kCoreRackPitch + kCoreCrossAisle;
}

// A switch beside a row takes the feeds of the rack next to it: both, as its two supplies (one
// when the rack has one, or its two feeds are the same node).
LeafSite besideRack(const design::Rack& rack, Vec2 position, int networkRack = kNone) {
  LeafSite s;
  s.position = position;
  s.hall = rack.hall;
  s.rack = networkRack;
  s.feed = rack.feedA != kNone ? rack.feedA : rack.feedB;
  s.feedB = rack.feedA != kNone && rack.feedB != kNone && rack.feedB != rack.feedA ? rack.feedB : kNone;
  return s;
}

double manhattan(Vec2 a, Vec2 b) {
  return std::abs(a.x - b.x) + std::abs(a.y - b.y);
}

// Unit vector along the row and the distance between neighbouring racks.
void rowGeometry(const design::Layout& layout, const design::Row& row, Vec2& dir, double& pitch) {
  const double dx = row.end.x - row.start.x, dy = row.end.y - row.start.y;
  const double len = std::hypot(dx, dy);
  if (row.rackCount > 1 && len > 0) {
    dir = {dx / len, dy / len};
    pitch = len / (row.rackCount - 1);
    return;
  }
  dir = design::direction(row.rotation);
  const auto* spec = row.rackCount > 0 ? layout.racks[row.firstRack].spec : nullptr;
  pitch = spec && spec->width > 0 ? spec->width : kDefaultPitch;
}

}  // namespace

int hallAt(const design::Layout& layout, Vec2 p) {
  for (std::size_t h = 0; h < layout.halls.size(); ++h) {
    const auto& hall = layout.halls[h];
    if (p.x >= hall.origin.x && p.x <= hall.origin.x + hall.size.x && p.y >= hall.origin.y &&
        p.y <= hall.origin.y + hall.size.y)
      return static_cast<int>(h);
  }
  return kNone;
}

bool idMatches(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p[0] == '*' || p[0] == '{') {
    const std::size_t close = p[0] == '*' ? 0 : p.find('}');
    const std::string_view rest = close == std::string_view::npos ? std::string_view{} : p.substr(close + 1);
    for (std::size_t i = 0; i <= s.size(); ++i)
      if (idMatches(rest, s.substr(i))) return true;
    return false;
  }
  return !s.empty() && p[0] == s[0] && idMatches(p.substr(1), s.substr(1));
}

LeafPlacer::LeafPlacer(const design::Layout& layout, const design::NetworkPlan& plan, std::vector<std::string>& notes)
    : layout_(layout), mode_(plan.leafPlacement) {
  atStart_.assign(layout.rows.size(), 0);
  atEnd_.assign(layout.rows.size(), 0);
  if (mode_ != design::LeafPlacement::NetworkRow) return;
  netRowsByHall_.assign(layout.halls.size() + 1, {});
  for (std::size_t r = 0; r < layout.rows.size(); ++r) {
    const auto& row = layout.rows[r];
    if (row.rackCount <= 0) continue;
    bool match = false;
    if (plan.networkRows.empty()) {
      const auto* spec = layout.racks[row.firstRack].spec;
      match = spec && spec->kind == catalog::RackKind::Network;
    } else {
      for (const auto& pattern : plan.networkRows) match = match || idMatches(pattern, row.id);
    }
    if (!match) continue;
    netRows_.push_back(static_cast<int>(r));
    const std::size_t h = row.hall >= 0 ? static_cast<std::size_t>(row.hall) : layout.halls.size();
    netRowsByHall_[std::min(h, layout.halls.size())].push_back(static_cast<int>(r));
  }
  if (netRows_.empty()) {
    notes.push_back(
        plan.networkRows.empty()
            ? "leaf placement is 'network rows' but no row holds network racks: leaves placed at the end of rows"
            : "no row matches the plan's network rows: leaves placed at the end of rows");
    mode_ = design::LeafPlacement::EndOfRow;
    return;
  }
  slotsUsed_.assign(layout.racks.size(), 0);
  slotShortfall_.assign(layout.racks.size(), kNone);
}

LeafSite LeafPlacer::place(const GroupExtent& g, std::vector<PortShortfall>& shortfalls) {
  switch (mode_) {
    case design::LeafPlacement::EndOfRow:
      return atRow(g, false);
    case design::LeafPlacement::MiddleOfRow:
      return atRow(g, true);
    case design::LeafPlacement::NetworkRow:
      return inNetworkRow(g, shortfalls);
  }
  return atRow(g, false);
}

LeafSite LeafPlacer::atRow(const GroupExtent& g, bool middle) {
  // The row holding the middle of the group's rack range is the group's home row.
  const auto& anchor = layout_.racks[(g.firstRack + g.lastRack) / 2];
  if (anchor.row == kNone) return besideRack(anchor, anchor.position);
  const auto& row = layout_.rows[anchor.row];
  if (middle)
    return besideRack(layout_.racks[row.firstRack + row.rackCount / 2],
                      {(row.start.x + row.end.x) / 2, (row.start.y + row.end.y) / 2});
  Vec2 dir;
  double pitch = kDefaultPitch;
  rowGeometry(layout_, row, dir, pitch);
  // The end nearer the group; further groups at the same end stand one rack further out each.
  const bool start = manhattan(g.centroid, row.start) < manhattan(g.centroid, row.end);
  int& n = start ? atStart_[anchor.row] : atEnd_[anchor.row];
  const double off = pitch * (1 + n++);
  return besideRack(layout_.racks[start ? row.firstRack : row.firstRack + row.rackCount - 1],
                    start ? Vec2{row.start.x - dir.x * off, row.start.y - dir.y * off}
                          : Vec2{row.end.x + dir.x * off, row.end.y + dir.y * off});
}

LeafSite LeafPlacer::inNetworkRow(const GroupExtent& g, std::vector<PortShortfall>& shortfalls) {
  const auto& anchor = layout_.racks[(g.firstRack + g.lastRack) / 2];
  const std::size_t h = anchor.hall >= 0 ? static_cast<std::size_t>(anchor.hall) : layout_.halls.size();
  const auto& local = netRowsByHall_[std::min(h, layout_.halls.size())];
  const auto& candidates = local.empty() ? netRows_ : local;

  // Nearest point of the nearest network row (rectilinear distance, as cables run).
  int bestRow = candidates.front();
  double bestDist = 1e300, bestT = 0;
  for (int r : candidates) {
    const auto& row = layout_.rows[r];
    const double dx = row.end.x - row.start.x, dy = row.end.y - row.start.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((g.centroid.x - row.start.x) * dx + (g.centroid.y - row.start.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double d = manhattan(g.centroid, {row.start.x + t * dx, row.start.y + t * dy});
    if (d < bestDist) bestDist = d, bestRow = r, bestT = t;
  }
  const auto& row = layout_.rows[bestRow];
  const int nearest = row.firstRack + static_cast<int>(std::lround(bestT * (row.rackCount - 1)));

  // Nearest rack of that row with room for the group's switches (switchSlots 0 = not limited).
  auto fits = [&](int i) {
    const auto* spec = layout_.racks[i].spec;
    const int cap = spec ? spec->switchSlots : 0;
    return cap <= 0 || slotsUsed_[i] + g.switches <= cap;
  };
  int chosen = kNone;
  for (int step = 0; step < row.rackCount && chosen == kNone; ++step) {
    for (int i : {nearest + step, nearest - step}) {
      if (i >= row.firstRack && i < row.firstRack + row.rackCount && fits(i)) {
        chosen = i;
        break;
      }
    }
  }
  if (chosen == kNone) {
    chosen = nearest;
    const auto& rack = layout_.racks[chosen];
    const std::int64_t cap = rack.spec ? rack.spec->switchSlots : 0;
    int& idx = slotShortfall_[chosen];
    if (idx == kNone) {
      idx = static_cast<int>(shortfalls.size());
      shortfalls.push_back({PortShortfall::Kind::RackSlots, 1, chosen, 0, cap, {}});
    }
    auto& sf = shortfalls[idx];
    sf.needed = slotsUsed_[chosen] + g.switches;
    sf.message = "network row " + row.id + " is full: rack " + rack.id + " would hold " + std::to_string(sf.needed) +
                 " switches, has " + std::to_string(cap) + " slots";
  }
  slotsUsed_[chosen] += g.switches;
  const auto& rack = layout_.racks[chosen];
  return besideRack(rack, rack.position, chosen);
}

CoreRoom::CoreRoom(const design::Layout& layout, Vec2 centre, std::int64_t switches, int rackUnits)
    : centre_(centre), hall_(hallAt(layout, centre)) {
  perRack_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(kSwitchUnitsPerRack / std::max(1, rackUnits)));
  racks_ = std::max<std::int64_t>(1, (switches + perRack_ - 1) / perRack_);
  const std::int64_t racks = racks_;
  cols_ = std::min(kRacksPerRow, racks);
  // Rows of kRacksPerRow side by side in blocks, a cross aisle between blocks, as many blocks as
  // keep the room about as wide as it is deep (a campus's thousands of switch racks would
  // otherwise stand in one column of rows hundreds of metres long).
  const double rowLength = blockWidth(cols_);
  const double rowsNeeded = std::ceil(static_cast<double>(racks) / static_cast<double>(cols_));
  blocks_ = std::max<std::int64_t>(1, std::llround(std::sqrt(rowsNeeded * kCoreRowPitch / rowLength)));
  rows_ = (racks + cols_ * blocks_ - 1) / (cols_ * blocks_);
  blocks_ = (racks + cols_ * rows_ - 1) / (cols_ * rows_);  // no empty block
}

Vec2 CoreRoom::position(std::int64_t i) const {
  const std::int64_t rack = i / perRack_;
  const std::int64_t perBlock = cols_ * rows_;
  const std::int64_t block = rack / perBlock, inBlock = rack % perBlock;  // integer division is meant
  const double rowLength = blockWidth(cols_);
  const double x = static_cast<double>(block) * rowLength + static_cast<double>(inBlock % cols_) * kCoreRackPitch -
                   (static_cast<double>(blocks_) * rowLength - kCoreCrossAisle - kCoreRackPitch) / 2;
  const std::int64_t rowIndex = inBlock / cols_;  // whole rows: integer division is meant
  const double row = static_cast<double>(rowIndex) - static_cast<double>(rows_ - 1) / 2;
  return {centre_.x + x, centre_.y + row * kCoreRowPitch};
}

CoreRoom::Extent CoreRoom::extent() const {
  const double halfX = (static_cast<double>(blocks_) * blockWidth(cols_) - kCoreCrossAisle) / 2;
  const double halfY = (static_cast<double>(rows_) * kCoreRowPitch) / 2;
  return {{centre_.x - halfX, centre_.y - halfY}, {centre_.x + halfX, centre_.y + halfY}};
}

}  // namespace gigaplan::fabric::detail
