// Site plan drawing (see site_plan.h).
#include "core/report/site_plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/model/footprint.h"
#include "core/model/rack_class.h"
#include "core/report/power_paths.h"
#include "core/report/rack_colors.h"
#include "core/report/report_format.h"

namespace gigaplan::report {
namespace {

using design::kNone;
using design::PowerKind;
using design::Vec2;

constexpr double kPi = 3.14159265358979323846;
constexpr double kMargin = 8;
constexpr Color kSourceInk = Color::rgb(0x333333);
constexpr Color kCoolingFill = Color::rgb(0xd6eef2);
constexpr Color kCoolingEdge = Color::rgb(0x1f8a9e);

struct Bounds {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  void add(Vec2 p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  bool valid() const { return x1 >= x0 && y1 >= y0; }
};

// Site metres → drawing points; y flips so north (+y) is up.
struct Frame {
  double scale = 1, left = 0, top = 0, minX = 0, maxY = 0;
  Point map(Vec2 p) const { return {left + (p.x - minX) * scale, top + (maxY - p.y) * scale}; }
};

// Corners of a w × d footprint centred at c, rotated `deg` counter-clockwise (site frame).
std::vector<Point> footprint(const Frame& f, Vec2 c, double w, double d, double deg) {
  const double a = deg * kPi / 180, ca = std::cos(a), sa = std::sin(a);
  std::vector<Point> pts;
  pts.reserve(4);
  for (auto [u, v] : {std::pair{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}}) {
    const double x = u * w, y = v * d;
    pts.push_back(f.map({c.x + x * ca - y * sa, c.y + x * sa + y * ca}));
  }
  return pts;
}

Rect boundsOf(const std::vector<Point>& pts) {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  for (const auto& p : pts)
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  return {x0, y0, x1 - x0, y1 - y0};
}

Color pathColor(const PowerPaths& p, int node) {
  return powerPathColor(p.nodePath[node]);
}

bool isSourceLike(PowerKind k) {
  return k == PowerKind::Grid || k == PowerKind::Generator || k == PowerKind::Battery || k == PowerKind::Substation;
}

// The fabric's core room, when it has racks.
bool hasCoreRoom(const fabric::FabricResult* fabric) {
  return fabric && fabric->coreRoomRacks > 0;
}

Bounds extent(const design::SiteInfo& site, const design::Layout& layout, const fabric::FabricResult* fabric) {
  Bounds b;
  if (site.size.x > 0 && site.size.y > 0) {
    b.add({0, 0});
    b.add(site.size);
  }
  for (const auto& h : layout.halls) {
    b.add(h.origin);
    b.add({h.origin.x + h.size.x, h.origin.y + h.size.y});
  }
  for (const auto& r : layout.racks) b.add(r.position);
  for (const auto& p : layout.power) b.add(p.position);
  for (const auto& c : layout.cooling) b.add(c.position);
  if (hasCoreRoom(fabric)) b.add(fabric->coreRoomMin), b.add(fabric->coreRoomMax);
  if (!b.valid()) b.add({0, 0}), b.add({10, 10});
  const double pad = 0.02 * std::max(b.x1 - b.x0, b.y1 - b.y0) + 1;
  b.x0 -= pad, b.y0 -= pad, b.x1 += pad, b.y1 += pad;
  return b;
}

// Compute racks in their hall's colour; network and storage racks in their class's, the 3D view's.
Color rackFill(const design::Rack& r) {
  const model::RackClass c = model::rackClassOf(r.spec);
  return c == model::RackClass::Network || c == model::RackClass::Storage ? rackColor(c) : hallColor(r.hall);
}

void drawRacks(Drawing& d, const Frame& f, const design::Layout& layout, const SitePlanOptions& o,
               std::vector<Rect>& drawn) {
  if (static_cast<int>(layout.racks.size()) <= o.maxRacksDrawn) {
    for (const auto& r : layout.racks) {
      const model::Footprint fp = model::rackFootprint(r);
      auto pts = footprint(f, r.position, fp.width, fp.depth, r.rotation);
      drawn.push_back(boundsOf(pts));
      d.polygon(std::move(pts), Style::filled(rackFill(r)));
    }
    return;
  }
  // One bar per row: from the first to the last rack, one rack deep.
  for (const auto& row : layout.rows) {
    if (row.rackCount <= 0) continue;
    const design::Rack& first = layout.racks[row.firstRack];
    const model::Footprint fp = model::rackFootprint(first);
    const double w = fp.width, dep = fp.depth;
    const double dx = row.end.x - row.start.x, dy = row.end.y - row.start.y;
    const double len = std::hypot(dx, dy);
    const double deg = len > 0 ? std::atan2(dy, dx) * 180 / kPi : row.rotation;
    const Vec2 mid{(row.start.x + row.end.x) / 2, (row.start.y + row.end.y) / 2};
    auto pts = footprint(f, mid, len + w, dep, deg);
    drawn.push_back(boundsOf(pts));
    d.polygon(std::move(pts), Style::filled(rackFill(first)));
  }
}

// The core room: its racks' rows with their aisles, tinted in the network racks' colour and
// translucent, drawn under the gear (the campus's core plant stands in it) and named over
// everything, inside when the name fits and under it otherwise. Where the spine position falls
// inside a hall (by default the racks' centre) it stands among the hall's racks.
constexpr double kCoreRoomTint = 0.55;
constexpr std::uint8_t kCoreRoomAlpha = 120;

Rect coreRoomRect(const Frame& f, const fabric::FabricResult& fabric) {
  const Point a = f.map({fabric.coreRoomMin.x, fabric.coreRoomMax.y});
  const Point b = f.map({fabric.coreRoomMax.x, fabric.coreRoomMin.y});
  // At least a few points across, so a room of one or two racks can still be seen.
  const double w = std::max(b.x - a.x, 3.0), h = std::max(b.y - a.y, 3.0);
  return {(a.x + b.x - w) / 2, (a.y + b.y - h) / 2, w, h};
}

Style coreRoomStyle() {
  const Color ink = rackColor(model::RackClass::Network);
  Color fill = lighter(ink, kCoreRoomTint);
  fill.a = kCoreRoomAlpha;
  return Style::outlined(fill, ink, 0.8);
}

// A site-level id to print next to its symbol, and the symbol's bounding box.
struct Label {
  Rect symbol;
  std::string text;
};

// A polygon with each corner cut back by `cut` along both its edges: a transformer's footprint
// drawn to scale, its corners cut so it reads apart from the square gear beside it.
std::vector<Point> chamfered(const std::vector<Point>& pts, double cut) {
  std::vector<Point> out;
  out.reserve(2 * pts.size());
  const std::size_t n = pts.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point p = pts[i];
    for (const Point q : {pts[(i + n - 1) % n], pts[(i + 1) % n]}) {
      const double len = std::hypot(q.x - p.x, q.y - p.y);
      const double t = len > 0 ? std::min(cut / len, 0.5) : 0;
      out.push_back({p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t});
    }
  }
  return out;
}

Rect square(Point c, double half) {
  return {c.x - half, c.y - half, 2 * half, 2 * half};
}

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The room's name, where it comes near none of `drawn` (gear symbols, racks, names and ids): inside
// the room along its top edge (the middle is where a design's core plant tends to stand), then
// lower down inside it, then under, over, right of or left of the room; where every place covers
// something, the one that covers least.
void nameCoreRoom(Drawing& d, const Rect& r, const std::vector<Rect>& drawn) {
  const std::string name = "core room";
  constexpr double kSize = 6, kGap = 1.5, kAscent = 0.8 * kSize, kDescent = 0.2 * kSize;
  const double tw = textWidth(name, kSize, true), cx = r.x + r.w / 2;
  struct Place {
    Point at;  // baseline centre
    bool inside;
  };
  std::vector<Place> places;
  if (tw <= r.w - 4 && r.h >= kSize + 4) {
    const double top = r.y + kGap + kAscent, bottom = r.y + r.h - kGap - kDescent;
    constexpr int kRows = 5;
    for (int i = 0; i < kRows; ++i) places.push_back({{cx, top + (bottom - top) * i / (kRows - 1)}, true});
  }
  const double middle = r.y + r.h / 2 + (kAscent - kDescent) / 2;
  places.push_back({{cx, r.y + r.h + kGap + kAscent}, false});
  places.push_back({{cx, r.y - kGap - kDescent}, false});
  places.push_back({{r.x + r.w + kGap + tw / 2, middle}, false});
  places.push_back({{r.x - kGap - tw / 2, middle}, false});
  auto box = [&](Point at) { return Rect{at.x - tw / 2, at.y - kAscent, tw, kSize}; };
  std::size_t best = 0;
  std::ptrdiff_t fewest = std::numeric_limits<std::ptrdiff_t>::max();
  for (std::size_t i = 0; i < places.size() && fewest > 0; ++i) {
    const Rect b = box(places[i].at), clear{b.x - kGap, b.y - kGap, b.w + 2 * kGap, b.h + 2 * kGap};  // not touching
    const auto covered = std::count_if(drawn.begin(), drawn.end(), [&](const Rect& x) { return overlaps(clear, x); });
    if (covered < fewest) best = i, fewest = covered;
  }
  const Place& at = places[best];
  const Color ink = rackColor(model::RackClass::Network);
  d.text(at.at, name, {.size = kSize, .anchor = Anchor::Middle, .bold = true, .color = at.inside ? ink : kInk});
}

void drawPower(Drawing& d, const Frame& f, const design::Layout& layout, const PowerPaths& paths,
               const SitePlanOptions& o, std::vector<Label>& labels, std::vector<Rect>& symbols) {
  const int n = static_cast<int>(layout.power.size());
  const bool allLines = n <= o.maxFeedLines;
  for (int i = 0; i < n; ++i) {
    const auto& node = layout.power[i];
    if (!allLines && node.hall != kNone) continue;
    Color c = pathColor(paths, i);
    c.a = 130;
    for (int p : node.fedBy) {
      if (p < 0 || p >= n) continue;
      d.line(f.map(layout.power[p].position), f.map(node.position), Style::line(c, 0.5));
    }
  }
  for (int i = 0; i < n; ++i) {
    const auto& node = layout.power[i];
    const Point c = f.map(node.position);
    const double w = node.spec ? node.spec->width * f.scale : 0, dep = node.spec ? node.spec->depth * f.scale : 0;
    const Style s = Style::outlined(pathColor(paths, i), kWhite, 0.3);
    Rect box = square(c, 1.4);
    if (isSourceLike(node.kind)) {
      const double r = std::max(std::max(w, dep) / 2, 4.0);
      d.polygon({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}},
                Style::outlined(kSourceInk, kWhite, 0.4));
      box = square(c, r);
    } else if (std::min(w, dep) >= 1.2) {
      // To scale where the gear is big enough to see; transformers with their corners cut so
      // they read apart.
      auto pts = footprint(f, node.position, node.spec->width, node.spec->depth, node.rotation);
      box = boundsOf(pts);
      if (node.kind == PowerKind::Transformer) pts = chamfered(pts, 0.3 * std::min(w, dep));
      d.polygon(std::move(pts), s);
    } else if (node.kind == PowerKind::Transformer) {
      d.circle(c, 1.4, s);
    } else {
      d.rect({c.x - 1.2, c.y - 1.2, 2.4, 2.4}, s);
    }
    symbols.push_back(box);
    if (node.hall == kNone) labels.push_back({box, node.id});
  }
}

// Cooling units; one mounted in a rack (an in-rack CDU) is left to its rack, which covers it from
// above: a symbol of its own would stand over the racks beside it, one per rack.
void drawCooling(Drawing& d, const Frame& f, const design::Layout& layout, std::vector<Label>& labels,
                 std::vector<Rect>& symbols) {
  const std::vector<int> mounts = model::mountingRacks(layout);
  for (std::size_t i = 0; i < layout.cooling.size(); ++i) {
    const auto& u = layout.cooling[i];
    if (mounts[i] != kNone) continue;
    const model::Footprint fp = model::coolingFootprint(u, u.position, u.rotation);
    const double w = fp.width, dep = fp.depth;
    const Point c = f.map(u.position);
    Rect box = square(c, 1.5);
    if (std::max(w, dep) * f.scale >= 3) {
      auto pts = footprint(f, u.position, w, dep, u.rotation);
      box = boundsOf(pts);
      d.polygon(std::move(pts), Style::outlined(kCoolingFill, kCoolingEdge, 0.6));
    } else {
      d.rect(box, Style::outlined(kCoolingFill, kCoolingEdge, 0.6));
    }
    symbols.push_back(box);
    if (u.hall == kNone) labels.push_back({box, u.id});
  }
}

// Site-level ids next to their symbols when there are few enough to read: below, else above,
// right or left — the first place that hits no symbol, nothing in `taken` (the core room) and no
// label already placed (with a margin for the width estimate). Each sits on a white plate, so
// feed lines running under it do not strike it through; the plates are added to `plates`.
void drawLabels(Drawing& d, const std::vector<Label>& labels, std::vector<Rect> taken, std::vector<Rect>& plates) {
  if (labels.size() > 24) return;
  constexpr double kSize = 5.5, kGap = 1.5, kMargin = 1.5;
  taken.reserve(taken.size() + 2 * labels.size());  // what to keep clear of, every symbol, every label placed
  for (const auto& l : labels) taken.push_back(l.symbol);
  for (const auto& l : labels) {
    const double w = textWidth(l.text, kSize) + 2 * kMargin, h = kSize + kMargin;
    const Rect& s = l.symbol;
    const double cx = s.x + s.w / 2, cy = s.y + s.h / 2;
    const Rect candidates[] = {{cx - w / 2, s.y + s.h + kGap, w, h},
                               {cx - w / 2, s.y - kGap - h, w, h},
                               {s.x + s.w + kGap, cy - h / 2, w, h},
                               {s.x - kGap - w, cy - h / 2, w, h}};
    Rect chosen = candidates[0];
    for (const Rect& r : candidates) {
      // Two labels closer than a word space would read as one ("core-chillers core-towers").
      const Rect apart{r.x - 2 * kMargin, r.y, r.w + 4 * kMargin, r.h};
      if (std::none_of(taken.begin(), taken.end(), [&](const Rect& t) { return overlaps(apart, t); })) {
        chosen = r;
        break;
      }
    }
    taken.push_back(chosen);
    plates.push_back(chosen);
    Color plate = kWhite;
    plate.a = 225;
    d.rect(chosen, Style::filled(plate));
    d.text({chosen.x + kMargin, chosen.y + h - kMargin / 2 - 1}, l.text, {.size = kSize, .color = kInk});
  }
}

void drawNorthArrow(Drawing& d, double x, double y) {
  d.polygon({{x, y}, {x + 5, y + 14}, {x, y + 10}, {x - 5, y + 14}}, Style::outlined(kInk, kInk, 0.5));
  d.text({x, y - 2}, "N", {.size = 8, .anchor = Anchor::Middle, .bold = true});
}

void drawScaleBar(Drawing& d, const Frame& f, double x, double y, double metresAcross) {
  const double length = niceLength(metresAcross / 5);
  const double w = length * f.scale;
  for (int i = 0; i < 4; ++i) {
    d.rect({x + i * w / 4, y, w / 4, 4}, Style::outlined(i % 2 ? kWhite : kInk, kInk, 0.5));
  }
  const TextStyle t{.size = 7, .anchor = Anchor::Middle, .color = kInk};
  d.text({x, y + 13}, "0", t);
  d.text({x + w, y + 13}, report::length(length), t);
}

double drawLegend(Drawing& d, const std::vector<LegendEntry>& items, double x0, double y, double width) {
  double x = x0;
  const double row = 12;
  for (const auto& it : items) {
    const double w = 12 + textWidth(it.label, 7) + 10;
    if (x + w > x0 + width && x > x0) x = x0, y += row;
    const Point c{x + 4, y - 2.5};
    switch (it.shape) {
      case LegendEntry::Shape::Square:
        d.rect({x, y - 6.5, 8, 8}, Style::filled(it.color));
        break;
      case LegendEntry::Shape::Diamond:
        d.polygon({{c.x, c.y - 4.5}, {c.x + 4.5, c.y}, {c.x, c.y + 4.5}, {c.x - 4.5, c.y}}, Style::filled(it.color));
        break;
      case LegendEntry::Shape::Circle:
        d.circle(c, 3.5, Style::filled(it.color));
        break;
      case LegendEntry::Shape::Outline:
        d.rect({x, y - 6.5, 8, 8}, Style::outlined(kCoolingFill, it.color, 0.8));
        break;
      case LegendEntry::Shape::Room:
        d.rect({x, y - 6.5, 8, 8}, coreRoomStyle());
        break;
      case LegendEntry::Shape::Line:
        d.line({x, c.y}, {x + 8, c.y}, Style::line(it.color, 1.2));
        break;
    }
    d.text({x + 11, y}, it.label, {.size = 7});
    x += w;
  }
  return y;
}

std::vector<LegendEntry> legendItems(const design::Layout& layout, const PowerPaths& paths,
                                     const fabric::FabricResult* fabric) {
  using S = LegendEntry::Shape;
  std::vector<LegendEntry> items;
  constexpr std::size_t kMaxListed = 8;
  for (std::size_t h = 0; h < layout.halls.size() && h < kMaxListed; ++h) {
    const auto& hall = layout.halls[h];
    items.push_back({S::Square, hallColor(static_cast<int>(h)), hall.name.empty() ? hall.id : hall.name});
  }
  if (layout.halls.size() > kMaxListed) {
    items.push_back(
        {S::Square, kRule,
         "+" + count(static_cast<std::int64_t>(layout.halls.size() - kMaxListed)) + " more halls (colours repeat)"});
  }
  for (std::size_t p = 0; p < paths.names.size() && p < kMaxListed; ++p) {
    items.push_back({S::Line, powerPathColor(static_cast<int>(p)), "power path " + paths.names[p]});
  }
  if (paths.names.size() > kMaxListed) {
    items.push_back({S::Line, kRule,
                     "+" + count(static_cast<std::int64_t>(paths.names.size() - kMaxListed)) + " more power paths"});
  }
  // Symbols and rack colours only for what the design holds, each naming the kinds it stands for.
  std::array<bool, 9> power{};  // by PowerKind
  for (const auto& n : layout.power) power[static_cast<std::size_t>(n.kind)] = true;
  auto kinds = [&](std::initializer_list<std::pair<PowerKind, const char*>> names) {
    std::string text;
    for (const auto& [kind, name] : names)
      if (power[static_cast<std::size_t>(kind)]) text += (text.empty() ? "" : " / ") + std::string(name);
    return text;
  };
  if (auto t = kinds({{PowerKind::Grid, "grid"},
                      {PowerKind::Substation, "substation"},
                      {PowerKind::Generator, "generation"},
                      {PowerKind::Battery, "battery"}});
      !t.empty())
    items.push_back({S::Diamond, kSourceInk, t});
  if (power[static_cast<std::size_t>(PowerKind::Transformer)]) items.push_back({S::Circle, kMuted, "transformer"});
  if (auto t = kinds({{PowerKind::Switchboard, "switchboard"},
                      {PowerKind::Ups, "UPS"},
                      {PowerKind::Busway, "busway"},
                      {PowerKind::Pdu, "PDU"}});
      !t.empty())
    items.push_back({S::Square, kMuted, t});
  if (!layout.cooling.empty()) items.push_back({S::Outline, kCoolingEdge, "cooling unit"});
  std::array<bool, model::kRackClassCount> classes{};
  for (const auto& r : layout.racks) classes[static_cast<std::size_t>(model::rackClassOf(r.spec))] = true;
  for (const model::RackClass c : {model::RackClass::Network, model::RackClass::Storage})
    if (classes[static_cast<std::size_t>(c)])
      items.push_back({S::Square, rackColor(c), std::string(model::rackClassName(c)) + " rack"});
  if (hasCoreRoom(fabric)) {
    items.push_back({S::Room, rackColor(model::RackClass::Network),
                     "core room: " + count(fabric->coreRoomRacks) +
                         (fabric->coreRoomRacks == 1 ? " spine/core switch rack" : " spine/core switch racks")});
  }
  return items;
}

}  // namespace

std::vector<LegendEntry> sitePlanLegend(const design::Layout& layout, const fabric::FabricResult* fabric) {
  return legendItems(layout, powerPaths(layout), fabric);
}

Color hallColor(int hall) {
  return hall == kNone ? kMuted : paletteColor(hall);
}

double niceLength(double target) {
  if (!(target > 0)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(target)));
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * p >= target * 0.75) return m * p;
  }
  return 10 * p;
}

Drawing sitePlan(const design::SiteInfo& site, const design::Layout& layout, const SitePlanOptions& o,
                 const fabric::FabricResult* fabric) {
  const Bounds b = extent(site, layout, fabric);
  const double spanX = b.x1 - b.x0, spanY = b.y1 - b.y0;
  const double plotW = o.width - 2 * kMargin;
  Frame f;
  f.scale = std::min(plotW / spanX, o.maxPlotHeight / spanY);
  f.left = kMargin + (plotW - spanX * f.scale) / 2;
  f.top = kMargin + 14;  // room for the north arrow's letter
  f.minX = b.x0;
  f.maxY = b.y1;
  const double plotBottom = f.top + spanY * f.scale;

  Drawing d(o.width, plotBottom + 200);
  d.title = "Site plan of " + site.name;
  if (site.size.x > 0 && site.size.y > 0) {
    const Point a = f.map({0, site.size.y});
    d.rect({a.x, a.y, site.size.x * f.scale, site.size.y * f.scale}, Style{kRule, Color::rgb(0xf7f7f5), 0.6, true});
  }
  for (std::size_t h = 0; h < layout.halls.size(); ++h) {
    const auto& hall = layout.halls[h];
    const Point a = f.map({hall.origin.x, hall.origin.y + hall.size.y});
    const Color c = hallColor(static_cast<int>(h));
    d.rect({a.x, a.y, hall.size.x * f.scale, hall.size.y * f.scale}, Style::outlined(lighter(c, 0.85), c, 0.8));
  }
  const PowerPaths paths = powerPaths(layout);
  std::vector<Label> labels;
  const bool room = hasCoreRoom(fabric);
  const Rect roomRect = room ? coreRoomRect(f, *fabric) : Rect{};
  if (room) d.rect(roomRect, coreRoomStyle());
  std::vector<Rect> drawn;  // every symbol, rack and name drawn, for the room's name to keep clear of
  drawCooling(d, f, layout, labels, drawn);
  drawPower(d, f, layout, paths, o, labels, drawn);
  // Racks over the gear: gear too small to draw to scale gets a symbol bigger than itself (a
  // busway along a row is a 2.4 pt square, metres wide on a campus), which would otherwise cover
  // the racks it feeds and show the planner power-path colours where the legend promises racks.
  drawRacks(d, f, layout, o, drawn);
  for (const auto& hall : layout.halls) {
    const std::string name = hall.name.empty() ? hall.id : hall.name;
    const double w = hall.size.x * f.scale, hgt = hall.size.y * f.scale;
    const Point a = f.map({hall.origin.x, hall.origin.y + hall.size.y});
    for (double size : {7.0, 6.0, 5.0}) {
      if (hgt < 2 * size || textWidth(name, size, true) > w - 4) continue;
      // Under the hall's bottom edge when the plot has room there (racks stay visible), else
      // inside its top edge.
      const double under = a.y + hgt + size + 1;
      const double y = under < plotBottom - 1 ? under : a.y + size + 2;
      d.text({a.x + 2, y}, name, {.size = size, .bold = true, .color = kInk});
      drawn.push_back({a.x + 2, y - size, textWidth(name, size, true), 1.2 * size});
      break;
    }
  }
  // Site-level ids keep clear of the core room; its name, placed last, of them, the hall names, the
  // gear and the racks.
  drawLabels(d, labels, room ? std::vector<Rect>{roomRect} : std::vector<Rect>{}, drawn);
  if (room) nameCoreRoom(d, roomRect, drawn);
  drawNorthArrow(d, o.width - kMargin - 8, kMargin + 6);
  drawScaleBar(d, f, kMargin + 4, plotBottom + 8, spanX);
  const double legendEnd =
      drawLegend(d, legendItems(layout, paths, fabric), kMargin, plotBottom + 40, o.width - 2 * kMargin);
  d.setHeight(legendEnd + 8);
  return d;
}

}  // namespace gigaplan::report
