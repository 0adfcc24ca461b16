// Template expansion (see expand.h): halls, rows, racks, power and cooling nodes made from their
// templates, overrides applied, references resolved and checked, the power graph checked for cycles.
#include "core/design/expand.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "core/design/pattern.h"
#include "core/design/phases.h"

namespace gigaplan::design {
namespace {

using io::Diagnostic;
using io::LoadError;

constexpr std::uint64_t kSaturate = std::numeric_limits<std::uint64_t>::max() / 4;

std::uint64_t mulSat(std::uint64_t a, std::uint64_t b) {
  return (b != 0 && a > kSaturate / b) ? kSaturate : a * b;
}
std::uint64_t addSat(std::uint64_t a, std::uint64_t b) {
  return a > kSaturate - b ? kSaturate : a + b;
}

Vec2 operator+(Vec2 a, Vec2 b) {
  return {a.x + b.x, a.y + b.y};
}
Vec2 operator*(double s, Vec2 a) {
  return {s * a.x, s * a.y};
}

// Calls visit(objects, where) for every template in the order they expand, with the number of
// objects it makes (saturating): the one count behind the size limit and countObjects().
template <class Visit>
void forEachTemplate(const Design& d, Visit&& visit) {
  const auto count = [](int n) { return static_cast<std::uint64_t>(n); };
  for (const auto& s : d.power) visit(count(s.count), s.where);
  for (const auto& s : d.cooling) visit(count(s.count), s.where);
  for (const auto& h : d.halls) {
    const std::uint64_t halls = count(h.count);
    visit(halls, h.where);
    // A template kept to one hall (only_in) is made once, not once per hall.
    const auto in = [&](const std::string& onlyIn) { return onlyIn.empty() ? halls : std::uint64_t{1}; };
    for (const auto& r : h.rows) visit(mulSat(in(r.onlyIn), mulSat(count(r.count), 1u + count(r.racks))), r.where);
    for (const auto& s : h.power) visit(mulSat(in(s.onlyIn), count(s.count)), s.where);
    for (const auto& s : h.cooling) visit(mulSat(in(s.onlyIn), count(s.count)), s.where);
  }
}

class Expander {
 public:
  Expander(const Design& d, const catalog::Catalog& cat, const io::Limits& limits)
      : d_(d), cat_(cat), limits_(limits) {}

  Layout run() {
    checkSize();
    for (const auto& spec : d_.power) {
      rejectOnlyIn(spec.onlyIn, spec.where);
      addPower(spec, 0, Vec2{}, kNone);
    }
    for (const auto& spec : d_.cooling) {
      rejectOnlyIn(spec.onlyIn, spec.where);
      addCooling(spec, 0, Vec2{}, kNone);
    }
    for (const auto& hall : d_.halls) addHalls(hall, static_cast<int>(&hall - d_.halls.data()));
    indexIds();
    applyOverrides();
    resolve();
    checkPowerCycles();
    assignPhases(d_, out_, templates_);
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const SourceLocation& at, const std::string& field, const std::string& found,
                         const std::string& expected) const {
    const std::string path = field.empty() ? at.keyPath : at.keyPath + "." + field;
    const auto [line, column] = at.of(field);
    throw LoadError(Diagnostic{d_.sourceFile, line, column, path, found, expected});
  }

  std::string pattern(const std::string& p, const PatternVars& v, const SourceLocation& at, const char* field) const {
    auto r = expandPattern(p, v);
    if (!r.error.empty()) fail(at, field, "'" + p + "'", r.error);
    return r.text;
  }

  void checkSize() const {
    std::uint64_t total = 0;
    forEachTemplate(d_, [&](std::uint64_t n, const SourceLocation& at) {
      total = addSat(total, n);
      if (total > limits_.maxExpandedObjects) {
        fail(at, "count",
             "a template that makes " + (n >= kSaturate ? std::string("too many") : std::to_string(n)) + " objects (" +
                 std::to_string(total) + "+ in all)",
             "at most " + std::to_string(limits_.maxExpandedObjects) +
                 " objects in a design (limit maxExpandedObjects)");
      }
    });
  }

  void rejectOnlyIn(const std::string& onlyIn, const SourceLocation& at) const {
    if (!onlyIn.empty()) fail(at, "only_in", "'" + onlyIn + "' on a site-level template", "only_in only inside a hall");
  }

  // Every only_in of a hall template names a hall it made (first .. last instance).
  template <class Spec>
  void checkOnlyIn(const std::vector<Spec>& specs, int firstHall) const {
    for (const Spec& s : specs) {
      if (s.onlyIn.empty()) continue;
      bool found = false;
      for (std::size_t h = static_cast<std::size_t>(firstHall); h < out_.halls.size(); ++h)
        found = found || out_.halls[h].id == s.onlyIn;
      if (!found) {
        const std::string first = out_.halls[static_cast<std::size_t>(firstHall)].id, last = out_.halls.back().id;
        fail(s.where, "only_in", "'" + s.onlyIn + "'",
             "the id of a hall this hall template makes ('" + first + (first == last ? "" : "' … '" + last) + "')");
      }
    }
  }

  void addPower(const PowerNodeSpec& s, int h, Vec2 base, int hall) {
    for (int i = 1; i <= s.count; ++i) {
      const PatternVars v{h, i, 0};
      PowerNode n;
      n.id = pattern(s.id, v, s.where, "id");
      n.kind = s.kind;
      n.model = s.model;
      n.spec = s.model.empty() ? nullptr : cat_.power(s.model);
      n.units = s.units;
      n.rating = s.rating > 0 ? s.rating : (n.spec ? n.spec->rating * s.units : 0);
      n.redundancy = s.redundancy;
      n.hall = hall;
      n.position = base + s.position + static_cast<double>(i - 1) * s.step;
      n.rotation = s.rotation;
      const int self = static_cast<int>(out_.power.size());
      out_.power.push_back(std::move(n));
      templates_.power.push_back(&s.id);
      for (const auto& f : s.fedBy) {
        powerFeeds_.push_back({self, pattern(f, v, s.where, "fed_by"), &s.where});
      }
    }
  }

  void addCooling(const CoolingUnitSpec& s, int h, Vec2 base, int hall) {
    for (int i = 1; i <= s.count; ++i) {
      const PatternVars v{h, i, 0};
      CoolingUnit u;
      u.id = pattern(s.id, v, s.where, "id");
      u.kind = s.kind;
      u.model = s.model;
      u.spec = cat_.cooling(s.model);
      u.units = s.units;
      u.capacity = u.spec ? u.spec->capacity * s.units : 0;
      u.hall = hall;
      u.position = base + s.position + static_cast<double>(i - 1) * s.step;
      u.rotation = s.rotation;
      const int self = static_cast<int>(out_.cooling.size());
      out_.cooling.push_back(std::move(u));
      templates_.cooling.push_back(&s.id);
      for (const auto& r : s.rejectsTo) coolingSinks_.push_back({self, pattern(r, v, s.where, "rejects_to"), &s.where});
      for (const auto& f : s.fedBy) coolingFeeds_.push_back({self, pattern(f, v, s.where, "fed_by"), &s.where});
    }
  }

  void addHalls(const HallSpec& spec, int specIndex) {
    for (int h = 1; h <= spec.count; ++h) {
      const PatternVars hv{h, 0, 0};
      Hall hall;
      hall.id = pattern(spec.id, hv, spec.where, "id");
      hall.name = spec.name.empty() ? hall.id : pattern(spec.name, hv, spec.where, "name");
      hall.origin = spec.origin + static_cast<double>(h - 1) * spec.step;
      hall.size = spec.size;
      hall.height = spec.height;
      hall.specIndex = specIndex;
      hall.instance = h;
      const int hallIndex = static_cast<int>(out_.halls.size());
      out_.halls.push_back(hall);
      for (const auto& p : spec.power) {
        if (madeInHall(p.onlyIn, hall.id)) addPower(p, h, hall.origin, hallIndex);
      }
      for (const auto& c : spec.cooling) {
        if (madeInHall(c.onlyIn, hall.id)) addCooling(c, h, hall.origin, hallIndex);
      }
      for (const auto& r : spec.rows) {
        if (madeInHall(r.onlyIn, hall.id)) addRows(r, h, hall.origin, hallIndex);
      }
    }
    if (spec.count < 1) return;
    const int firstHall = static_cast<int>(out_.halls.size()) - spec.count;
    checkOnlyIn(spec.power, firstHall);
    checkOnlyIn(spec.cooling, firstHall);
    checkOnlyIn(spec.rows, firstHall);
  }

  void addRows(const RowSpec& s, int h, Vec2 hallOrigin, int hall) {
    const catalog::RackType* type = cat_.rack(s.rackType);
    const double pitch = s.rackPitch > 0 ? s.rackPitch : (type ? type->width : model::kUnknownRackSize.width);
    const Vec2 dir = direction(s.rotation);
    for (int i = 1; i <= s.count; ++i) {
      Row row;
      row.id = pattern(s.id, {h, i, 0}, s.where, "id");
      row.hall = hall;
      row.rotation = s.rotation;
      row.start = hallOrigin + s.origin + static_cast<double>(i - 1) * s.step;
      row.end = row.start + static_cast<double>(s.racks - 1) * pitch * dir;
      row.firstRack = static_cast<int>(out_.racks.size());
      row.rackCount = s.racks;
      const int rowIndex = static_cast<int>(out_.rows.size());
      for (int k = 1; k <= s.racks; ++k) {
        const PatternVars v{h, i, k};
        Rack rack;
        rack.id = row.id + "-" + std::to_string(k);
        rack.type = s.rackType;
        rack.spec = type;
        rack.hall = hall;
        rack.row = rowIndex;
        rack.slot = k;
        rack.position = row.start + static_cast<double>(k - 1) * pitch * dir;
        rack.rotation = s.rotation;
        const int self = static_cast<int>(out_.racks.size());
        RackRefs refs;
        refs.self = self;
        refs.where = &s.where;
        if (!s.feedA.empty()) refs.feedA = pattern(s.feedA, v, s.where, "feed_a");
        if (!s.feedB.empty()) refs.feedB = pattern(s.feedB, v, s.where, "feed_b");
        if (!s.cdu.empty()) refs.cdu = pattern(s.cdu, v, s.where, "cdu");
        if (!s.airHandler.empty()) refs.air = pattern(s.airHandler, v, s.where, "air_handler");
        rackRefs_.push_back(std::move(refs));
        out_.racks.push_back(std::move(rack));
      }
      out_.rows.push_back(std::move(row));
      templates_.rows.push_back(&s.id);
    }
  }

  void indexIds() {
    std::unordered_map<std::string, const SourceLocation*> seen;
    seen.reserve(out_.racks.size() + out_.rows.size() + out_.power.size() + out_.cooling.size() + out_.halls.size());
    auto claim = [&](const std::string& id, const SourceLocation& at) {
      auto [it, fresh] = seen.emplace(id, &at);
      if (!fresh) {
        fail(at, "id",
             "'" + id + "', which is also made at line " + std::to_string(it->second->line) + " (" +
                 it->second->keyPath + ")",
             "ids unique across the design (use {h}, {i} in templates with count > 1)");
      }
    };
    auto hallSpecOf = [&](int hall) -> const HallSpec& {
      return d_.halls[static_cast<std::size_t>(out_.halls[static_cast<std::size_t>(hall)].specIndex)];
    };
    for (std::size_t i = 0; i < out_.halls.size(); ++i) {
      claim(out_.halls[i].id, hallSpecOf(static_cast<int>(i)).where);
      out_.hallIndex.emplace(out_.halls[i].id, static_cast<int>(i));
    }
    // Power and cooling nodes remember the spec via the pending-reference list; find each one's
    // spec location by walking specs in the same order they were made.
    std::size_t p = 0, c = 0;
    auto claimPower = [&](const PowerNodeSpec& s) {
      for (int i = 0; i < s.count; ++i, ++p) {
        claim(out_.power[p].id, s.where);
        out_.powerIndex.emplace(out_.power[p].id, static_cast<int>(p));
      }
    };
    auto claimCooling = [&](const CoolingUnitSpec& s) {
      for (int i = 0; i < s.count; ++i, ++c) {
        claim(out_.cooling[c].id, s.where);
        out_.coolingIndex.emplace(out_.cooling[c].id, static_cast<int>(c));
      }
    };
    for (const auto& s : d_.power) claimPower(s);
    for (const auto& s : d_.cooling) claimCooling(s);
    std::size_t row = 0, hallIndex = 0;
    for (const auto& h : d_.halls) {
      for (int n = 0; n < h.count; ++n, ++hallIndex) {
        const std::string& hallId = out_.halls[hallIndex].id;
        for (const auto& s : h.power) {
          if (madeInHall(s.onlyIn, hallId)) claimPower(s);
        }
        for (const auto& s : h.cooling) {
          if (madeInHall(s.onlyIn, hallId)) claimCooling(s);
        }
        for (const auto& r : h.rows) {
          if (!madeInHall(r.onlyIn, hallId)) continue;
          for (int i = 0; i < r.count; ++i, ++row) {
            claim(out_.rows[row].id, r.where);
            out_.rowIndex.emplace(out_.rows[row].id, static_cast<int>(row));
          }
        }
      }
    }
    out_.rackIndex.reserve(out_.racks.size());
    for (std::size_t i = 0; i < out_.racks.size(); ++i) {
      claim(out_.racks[i].id, *rackRefs_[i].where);
      out_.rackIndex.emplace(out_.racks[i].id, static_cast<int>(i));
    }
  }

  void applyOverrides() {
    std::vector<char> removed(out_.racks.size(), 0);
    bool anyRemoved = false;
    for (const auto& [oid, o] : d_.overrides) {
      if (auto it = out_.rackIndex.find(oid); it != out_.rackIndex.end()) {
        Rack& r = out_.racks[static_cast<std::size_t>(it->second)];
        RackRefs& refs = rackRefs_[static_cast<std::size_t>(it->second)];
        if (o.position) r.position = *o.position;
        if (o.rotation) r.rotation = *o.rotation;
        if (o.type) {
          r.spec = cat_.rack(*o.type);
          if (!r.spec) fail(o.where, "type", "'" + *o.type + "'", "a rack type from the catalog (racks.yaml)");
          r.type = *o.type;
        }
        if (o.feedA) refs.feedA = *o.feedA;
        if (o.feedB) refs.feedB = *o.feedB;
        if (o.cdu) refs.cdu = *o.cdu;
        if (o.airHandler) refs.air = *o.airHandler;
        if (o.feedA || o.feedB || o.cdu || o.airHandler) refs.where = &o.where;
        if (o.removed) removed[static_cast<std::size_t>(it->second)] = anyRemoved = true;
        if (o.units) fail(o.where, "units", "units on the rack '" + oid + "'", "units only on power or cooling gear");
        if (o.fedBy) fail(o.where, "fed_by", "fed_by on the rack '" + oid + "'", "feed_a and feed_b for a rack");
        if (o.rejectsTo)
          fail(o.where, "rejects_to", "rejects_to on the rack '" + oid + "'", "cdu or air_handler for a rack");
      } else if (auto pit = out_.powerIndex.find(oid); pit != out_.powerIndex.end()) {
        PowerNode& n = out_.power[static_cast<std::size_t>(pit->second)];
        if (o.position) n.position = *o.position;
        if (o.rotation) n.rotation = *o.rotation;
        if (o.type) {
          const catalog::PowerGear* g = cat_.power(*o.type);
          if (!g) fail(o.where, "model", "'" + *o.type + "'", "power gear from the catalog (power.yaml)");
          n.rating = n.spec && n.rating == n.spec->rating * n.units ? g->rating * n.units : n.rating;
          n.spec = g;
          n.model = *o.type;
        }
        if (o.units) {
          // The rating is the bank's: units × the catalog's, or a written rating shared per unit.
          n.rating = n.rating / n.units * *o.units;
          n.units = *o.units;
        }
        if (o.fedBy) replaceRefs(powerFeeds_, pit->second, *o.fedBy, o.where);
        if (o.rejectsTo)
          fail(o.where, "rejects_to", "rejects_to on the power node '" + oid + "'", "rejects_to only on cooling units");
        rejectRackOnly(o, oid);
      } else if (auto cit = out_.coolingIndex.find(oid); cit != out_.coolingIndex.end()) {
        CoolingUnit& u = out_.cooling[static_cast<std::size_t>(cit->second)];
        if (o.position) u.position = *o.position;
        if (o.rotation) u.rotation = *o.rotation;
        if (o.type) {
          const catalog::CoolingGear* g = cat_.cooling(*o.type);
          if (!g) fail(o.where, "model", "'" + *o.type + "'", "cooling gear from the catalog (cooling.yaml)");
          u.spec = g;
          u.model = *o.type;
          u.capacity = g->capacity * u.units;
        }
        if (o.units) {
          u.capacity = u.capacity / u.units * *o.units;
          u.units = *o.units;
        }
        if (o.fedBy) replaceRefs(coolingFeeds_, cit->second, *o.fedBy, o.where);
        if (o.rejectsTo) replaceRefs(coolingSinks_, cit->second, *o.rejectsTo, o.where);
        rejectRackOnly(o, oid);
      } else if (auto rit = out_.rowIndex.find(oid); rit != out_.rowIndex.end()) {
        // A row override moves or turns the whole row about its first rack.
        Row& row = out_.rows[static_cast<std::size_t>(rit->second)];
        const Vec2 start = o.position.value_or(row.start);
        const double rot = o.rotation.value_or(row.rotation);
        const Vec2 dir = direction(rot);
        const double pitch =
            row.rackCount > 1 ? std::hypot(row.end.x - row.start.x, row.end.y - row.start.y) / (row.rackCount - 1) : 0;
        for (int k = 0; k < row.rackCount; ++k) {
          Rack& r = out_.racks[static_cast<std::size_t>(row.firstRack) + static_cast<std::size_t>(k)];
          if (d_.overrides.count(r.id) && d_.overrides.at(r.id).position) continue;  // the rack's own move wins
          r.position = start + static_cast<double>(k) * pitch * dir;
          r.rotation = rot;
        }
        row.start = start;
        row.rotation = rot;
        row.end = start + static_cast<double>(row.rackCount - 1) * pitch * dir;
        if (o.type || o.units || o.feedA || o.feedB || o.cdu || o.airHandler || o.fedBy || o.rejectsTo || o.removed) {
          fail(o.where, "", "'" + oid + "' (a row) with rack settings",
               "only position and rotation for a row; override its racks by id");
        }
      } else {
        fail(o.where, "", "'" + oid + "'", "the id of a rack, row, power node or cooling unit in this design");
      }
    }
    if (anyRemoved) compactRemoved(removed);
  }

  void rejectRackOnly(const Override& o, const std::string& oid) const {
    if (o.feedA || o.feedB || o.cdu || o.airHandler || o.removed) {
      fail(o.where, "", "rack settings on '" + oid + "'", "only position, rotation and model for equipment");
    }
  }

  void compactRemoved(const std::vector<char>& removed) {
    std::vector<Rack> racks;
    std::vector<RackRefs> refs;
    racks.reserve(out_.racks.size());
    for (auto& row : out_.rows) {
      const int first = static_cast<int>(racks.size());
      for (int k = 0; k < row.rackCount; ++k) {
        const auto idx = static_cast<std::size_t>(row.firstRack) + static_cast<std::size_t>(k);
        if (removed[idx]) continue;
        racks.push_back(std::move(out_.racks[idx]));
        refs.push_back(std::move(rackRefs_[idx]));
      }
      row.firstRack = first;
      row.rackCount = static_cast<int>(racks.size()) - first;
    }
    out_.racks = std::move(racks);
    rackRefs_ = std::move(refs);
    out_.rackIndex.clear();
    for (std::size_t i = 0; i < out_.racks.size(); ++i) out_.rackIndex.emplace(out_.racks[i].id, static_cast<int>(i));
  }

  int findPower(const std::string& id, const SourceLocation& at, const char* field, const std::string& owner,
                bool allowSource) const {
    auto it = out_.powerIndex.find(id);
    if (it == out_.powerIndex.end())
      fail(at, field, "'" + id + "' (for " + owner + ")", "the id of a power node in this design");
    const PowerNode& n = out_.power[static_cast<std::size_t>(it->second)];
    if (!allowSource && (n.kind == PowerKind::Grid || n.kind == PowerKind::Generator || n.kind == PowerKind::Battery)) {
      fail(at, field, "'" + id + "', a " + std::string(toString(n.kind)) + " (for " + owner + ")",
           "a distribution node (busway, PDU, UPS, switchboard or transformer) between racks and sources");
    }
    return it->second;
  }

  int findCooling(const std::string& id, const SourceLocation& at, const char* field, const std::string& owner,
                  std::initializer_list<CoolingKind> kinds, const char* expected) const {
    auto it = out_.coolingIndex.find(id);
    if (it == out_.coolingIndex.end())
      fail(at, field, "'" + id + "' (for " + owner + ")", std::string("the id of ") + expected);
    const CoolingUnit& u = out_.cooling[static_cast<std::size_t>(it->second)];
    for (auto k : kinds) {
      if (u.kind == k) return it->second;
    }
    fail(at, field, "'" + id + "', a " + std::string(toString(u.kind)) + " (for " + owner + ")", expected);
  }

  void resolve() {
    for (const auto& f : powerFeeds_) {
      PowerNode& n = out_.power[static_cast<std::size_t>(f.self)];
      if (n.kind == PowerKind::Grid)
        fail(*f.where, "fed_by", "a feed for grid connection '" + n.id + "'", "no fed_by on a grid connection");
      n.fedBy.push_back(findPower(f.id, *f.where, "fed_by", n.id, true));
    }
    for (const auto& f : coolingSinks_) {
      CoolingUnit& u = out_.cooling[static_cast<std::size_t>(f.self)];
      u.rejectsTo.push_back(findCooling(f.id, *f.where, "rejects_to", u.id,
                                        {CoolingKind::Chiller, CoolingKind::DryCooler, CoolingKind::CoolingTower},
                                        "a chiller, dry cooler or cooling tower"));
    }
    for (const auto& f : coolingFeeds_) {
      CoolingUnit& u = out_.cooling[static_cast<std::size_t>(f.self)];
      const int feed = findPower(f.id, *f.where, "fed_by", u.id, true);
      if (std::find(u.fedBy.begin(), u.fedBy.end(), feed) != u.fedBy.end())
        fail(*f.where, "fed_by", "'" + f.id + "' twice (for cooling unit " + u.id + ")", "distinct feeds");
      u.fedBy.push_back(feed);
    }
    for (std::size_t i = 0; i < out_.racks.size(); ++i) {
      Rack& r = out_.racks[i];
      const RackRefs& refs = rackRefs_[i];
      const std::string owner = "rack " + r.id;
      if (!refs.feedA.empty()) r.feedA = findPower(refs.feedA, *refs.where, "feed_a", owner, false);
      if (!refs.feedB.empty()) r.feedB = findPower(refs.feedB, *refs.where, "feed_b", owner, false);
      if (r.feedA != kNone && r.feedA == r.feedB)
        fail(*refs.where, "feed_b", "'" + refs.feedB + "', the same as feed_a (for " + owner + ")",
             "a second, different feed");
      if (!refs.cdu.empty()) r.cdu = findCooling(refs.cdu, *refs.where, "cdu", owner, {CoolingKind::Cdu}, "a CDU");
      if (!refs.air.empty())
        r.airHandler =
            findCooling(refs.air, *refs.where, "air_handler", owner, {CoolingKind::AirHandler}, "an air handler");
    }
    if (!d_.network.coreAirHandler.empty())
      out_.coreAirHandler = findCooling(d_.network.coreAirHandler, d_.network.where, "core_air_handler",
                                        "the core room", {CoolingKind::AirHandler}, "an air handler");
    const auto& feeds = d_.network.coreFeeds;
    if (!feeds.empty()) out_.coreFeedA = findPower(feeds[0], d_.network.where, "core_feeds", "the core room", false);
    if (feeds.size() > 1) out_.coreFeedB = findPower(feeds[1], d_.network.where, "core_feeds", "the core room", false);
  }

  void checkPowerCycles() const {
    // Iterative three-colour DFS over fed_by edges; a back edge is a cycle.
    const std::size_t n = out_.power.size();
    std::vector<char> colour(n, 0);
    std::vector<std::pair<int, std::size_t>> stack;
    for (std::size_t start = 0; start < n; ++start) {
      if (colour[start]) continue;
      stack.push_back({static_cast<int>(start), 0});
      colour[start] = 1;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const auto& parents = out_.power[static_cast<std::size_t>(node)].fedBy;
        if (next < parents.size()) {
          const int p = parents[next++];
          if (colour[static_cast<std::size_t>(p)] == 1) {
            std::string cycle = out_.power[static_cast<std::size_t>(p)].id;
            bool in = false;
            for (const auto& [s, unused] : stack) {
              if (s == p) in = true;
              if (in && s != p) cycle += " → " + out_.power[static_cast<std::size_t>(s)].id;
            }
            cycle += " → " + out_.power[static_cast<std::size_t>(p)].id;
            // Every fed_by edge comes from a feed of its node; `none` only guards that invariant.
            const SourceLocation none;
            const SourceLocation* at = &none;
            for (const auto& f : powerFeeds_) {
              if (f.self == node) at = f.where;
            }
            fail(*at, "fed_by", "a cycle in the power graph: " + cycle,
                 "a power chain that ends at a grid, generator or battery");
          }
          if (colour[static_cast<std::size_t>(p)] == 0) {
            colour[static_cast<std::size_t>(p)] = 1;
            stack.push_back({p, 0});
          }
        } else {
          colour[static_cast<std::size_t>(node)] = 2;
          stack.pop_back();
        }
      }
    }
  }

  struct RackRefs {
    int self = 0;
    const SourceLocation* where = nullptr;
    std::string feedA, feedB, cdu, air;
  };
  struct Ref {
    int self;
    std::string id;
    const SourceLocation* where;
  };
  // An override's fed_by / rejects_to list replaces the references the template gave that object
  // (one scan of the list per such override; the editor writes them only for wired objects).
  static void replaceRefs(std::vector<Ref>& refs, int self, const std::vector<std::string>& ids,
                          const SourceLocation& where) {
    std::erase_if(refs, [self](const Ref& r) { return r.self == self; });
    for (const auto& id : ids) refs.push_back({self, id, &where});
  }

  const Design& d_;
  const catalog::Catalog& cat_;
  const io::Limits& limits_;
  Layout out_;
  std::vector<RackRefs> rackRefs_;
  std::vector<Ref> powerFeeds_, coolingSinks_, coolingFeeds_;
  TemplateIds templates_;  // the template each row, power node and cooling unit came from (phases)
};

}  // namespace

Vec2 direction(double rotationDeg) {
  const double a = rotationDeg * M_PI / 180;
  // Round so that 90° gives exactly (0, 1): positions stay exact multiples of the pitch.
  return {std::round(std::cos(a) * 1e12) / 1e12, std::round(std::sin(a) * 1e12) / 1e12};
}

std::uint64_t countObjects(const Design& d) {
  std::uint64_t total = 0;
  forEachTemplate(d, [&](std::uint64_t n, const SourceLocation&) { total = addSat(total, n); });
  return total;
}

Layout expand(const Design& design, const catalog::Catalog& effectiveCatalog, const io::Limits& limits) {
  return Expander(design, effectiveCatalog, limits).run();
}

}  // namespace gigaplan::design
