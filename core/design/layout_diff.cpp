// Object-by-object differences between two layouts (see layout_diff.h).
#include "core/design/layout_diff.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace gigaplan::design {
namespace {

constexpr double kPlaceTolerance = 0.005;  // m: what the design file's precision leaves
constexpr double kAngleTolerance = 0.05;   // degrees
constexpr double kRatingTolerance = 1e-9;  // relative

// The text of one object's changes, field by field.
class Changes {
 public:
  void text(const char* field, const std::string& a, const std::string& b) {
    if (a != b) add(std::string(field) + " " + (a.empty() ? "none" : a) + " \u2192 " + (b.empty() ? "none" : b));
  }
  void number(const char* field, double a, double b, const char* unit, double scale) {
    if (std::fabs(a - b) <= kRatingTolerance * std::max(std::fabs(a), std::fabs(b))) return;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.4g \u2192 %.4g %s", field, a * scale, b * scale, unit);
    add(buf);
  }
  void count(const char* field, int a, int b) {
    if (a != b) add(std::string(field) + " " + std::to_string(a) + " \u2192 " + std::to_string(b));
  }
  void place(Vec2 a, Vec2 b, double rotationA, double rotationB) {
    const double moved = std::hypot(b.x - a.x, b.y - a.y);
    if (moved > kPlaceTolerance) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "moved %.1f m", moved);
      add(buf);
    }
    if (std::fabs(rotationA - rotationB) > kAngleTolerance) add("turned");
  }
  void flag(bool differs, const char* what) {
    if (differs) add(what);
  }
  const std::string& str() const { return out_; }

 private:
  void add(const std::string& s) { out_ += (out_.empty() ? "" : "; ") + s; }
  std::string out_;
};

template <class T>
std::string idAt(const std::vector<T>& objects, int index) {
  return index >= 0 && index < static_cast<int>(objects.size()) ? objects[static_cast<std::size_t>(index)].id : "";
}

template <class T>
std::string idsAt(const std::vector<T>& objects, const std::vector<int>& indices) {
  std::string s;
  for (int i : indices) s += (s.empty() ? "" : ", ") + idAt(objects, i);
  return s;
}

// A phase index as the planner counts them ("phase 2"), or "" for never / no phases.
std::string phaseText(int phase) {
  return phase == kNone ? "" : "phase " + std::to_string(phase + 1);
}

void phases(Changes& c, const Layout& la, const Layout& lb, int onlineA, int onlineB, int retiredA, int retiredB) {
  if (la.phaseCount == 0 && lb.phaseCount == 0) return;
  c.text("online", phaseText(onlineA), phaseText(onlineB));
  c.text("retired", phaseText(retiredA), phaseText(retiredB));
}

std::string hallChanges(const Layout& la, const Layout& lb, const Hall& a, const Hall& b) {
  Changes c;
  c.text("name", a.name, b.name);
  c.place(a.origin, b.origin, 0, 0);
  c.flag(std::fabs(a.size.x - b.size.x) > kPlaceTolerance || std::fabs(a.size.y - b.size.y) > kPlaceTolerance,
         "resized");
  c.number("height", a.height, b.height, "m", 1);
  phases(c, la, lb, a.online, b.online, a.retired, b.retired);
  return c.str();
}

std::string rowChanges(const Layout& la, const Layout& lb, const Row& a, const Row& b) {
  Changes c;
  c.text("hall", idAt(la.halls, a.hall), idAt(lb.halls, b.hall));
  c.count("racks", a.rackCount, b.rackCount);
  c.place(a.start, b.start, a.rotation, b.rotation);
  phases(c, la, lb, a.online, b.online, a.retired, b.retired);
  return c.str();
}

std::string rackChanges(const Layout& la, const Layout& lb, const Rack& a, const Rack& b) {
  Changes c;
  c.text("type", a.type, b.type);
  c.place(a.position, b.position, a.rotation, b.rotation);
  c.text("feed A", idAt(la.power, a.feedA), idAt(lb.power, b.feedA));
  c.text("feed B", idAt(la.power, a.feedB), idAt(lb.power, b.feedB));
  c.text("CDU", idAt(la.cooling, a.cdu), idAt(lb.cooling, b.cdu));
  c.text("air handler", idAt(la.cooling, a.airHandler), idAt(lb.cooling, b.airHandler));
  phases(c, la, lb, a.online, b.online, a.retired, b.retired);
  return c.str();
}

std::string powerChanges(const Layout& la, const Layout& lb, const PowerNode& a, const PowerNode& b) {
  Changes c;
  c.text("kind", std::string(toString(a.kind)), std::string(toString(b.kind)));
  c.text("model", a.model, b.model);
  c.count("units", a.units, b.units);
  c.number("rating", a.rating, b.rating, "MW", 1e-6);
  c.text("redundancy", std::string(toString(a.redundancy)), std::string(toString(b.redundancy)));
  c.text("fed by", idsAt(la.power, a.fedBy), idsAt(lb.power, b.fedBy));
  c.place(a.position, b.position, a.rotation, b.rotation);
  phases(c, la, lb, a.online, b.online, a.retired, b.retired);
  return c.str();
}

std::string coolingChanges(const Layout& la, const Layout& lb, const CoolingUnit& a, const CoolingUnit& b) {
  Changes c;
  c.text("kind", std::string(toString(a.kind)), std::string(toString(b.kind)));
  c.text("model", a.model, b.model);
  c.count("units", a.units, b.units);
  c.number("capacity", a.capacity, b.capacity, "MW", 1e-6);
  c.text("rejects to", idsAt(la.cooling, a.rejectsTo), idsAt(lb.cooling, b.rejectsTo));
  c.text("fed by", idsAt(la.power, a.fedBy), idsAt(lb.power, b.fedBy));
  c.place(a.position, b.position, a.rotation, b.rotation);
  phases(c, la, lb, a.online, b.online, a.retired, b.retired);
  return c.str();
}

// One type of object: what only A has, what both have but differently (in A's order), then what
// only B has (in B's order).
template <class T, class Describe>
void diffType(ObjectType type, const std::vector<T>& a, const std::vector<T>& b, Describe describe,
              std::vector<ObjectDifference>& out) {
  std::unordered_map<std::string_view, std::size_t> inB;
  inB.reserve(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) inB.emplace(b[i].id, i);
  std::vector<char> matched(b.size(), 0);
  for (const T& x : a) {
    const auto it = inB.find(x.id);
    if (it == inB.end()) {
      out.push_back({type, x.id, ObjectChange::Removed, ""});
      continue;
    }
    matched[it->second] = 1;
    if (std::string what = describe(x, b[it->second]); !what.empty())
      out.push_back({type, x.id, ObjectChange::Changed, std::move(what)});
  }
  for (std::size_t i = 0; i < b.size(); ++i)
    if (!matched[i]) out.push_back({type, b[i].id, ObjectChange::Added, ""});
}

}  // namespace

std::vector<ObjectDifference> diffLayouts(const Layout& a, const Layout& b) {
  std::vector<ObjectDifference> out;
  diffType(
      ObjectType::Hall, a.halls, b.halls, [&](const Hall& x, const Hall& y) { return hallChanges(a, b, x, y); }, out);
  diffType(
      ObjectType::Row, a.rows, b.rows, [&](const Row& x, const Row& y) { return rowChanges(a, b, x, y); }, out);
  diffType(
      ObjectType::Rack, a.racks, b.racks, [&](const Rack& x, const Rack& y) { return rackChanges(a, b, x, y); }, out);
  diffType(
      ObjectType::Power, a.power, b.power,
      [&](const PowerNode& x, const PowerNode& y) { return powerChanges(a, b, x, y); }, out);
  diffType(
      ObjectType::Cooling, a.cooling, b.cooling,
      [&](const CoolingUnit& x, const CoolingUnit& y) { return coolingChanges(a, b, x, y); }, out);
  return out;
}

std::string_view toString(ObjectType type) {
  switch (type) {
    case ObjectType::Hall:
      return "hall";
    case ObjectType::Row:
      return "row";
    case ObjectType::Rack:
      return "rack";
    case ObjectType::Power:
      return "power node";
    case ObjectType::Cooling:
      return "cooling unit";
  }
  return "object";
}

std::string_view toString(ObjectChange change) {
  switch (change) {
    case ObjectChange::Added:
      return "added";
    case ObjectChange::Removed:
      return "removed";
    case ObjectChange::Changed:
      return "changed";
  }
  return "changed";
}

DifferenceCounts countDifferences(const std::vector<ObjectDifference>& differences) {
  DifferenceCounts counts{};
  for (const auto& d : differences) ++counts[static_cast<std::size_t>(d.type)][static_cast<std::size_t>(d.change)];
  return counts;
}

}  // namespace gigaplan::design
