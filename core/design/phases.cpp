// Phases matched to the expanded objects (see phases.h).
#include "core/design/phases.h"

#include <algorithm>

#include "core/base/date.h"
#include "core/io/diagnostic.h"

namespace gigaplan::design {
namespace {

enum class Kind { Hall, Row, Rack, Power, Cooling };

// How specific a name is for an object: its hall < its row < the object itself; an exact name
// above one with '*' at the same step.
int specificity(Kind kind, bool exact) {
  const int step = kind == Kind::Hall ? 0 : kind == Kind::Row ? 1 : 2;
  return step * 2 + (exact ? 1 : 0);
}

// Which phase an object is put in (online or retired), by which name, and how specifically.
struct Claim {
  int level = -1;  // -1 = not named
  int phase = 0;
  int naming = 0;  // index into PhaseMatcher::namings_
};

class PhaseMatcher {
 public:
  PhaseMatcher(const Design& d, Layout& l, const TemplateIds& t) : d_(d), l_(l), t_(t) {}

  void run() {
    l_.phaseCount = static_cast<int>(d_.phases.size());
    if (d_.phases.empty()) return;
    checkDates();
    bucketByHall();
    for (bool online : {true, false}) {
      Claims& c = online ? online_ : retired_;
      c.racks.assign(l_.racks.size(), {});
      c.power.assign(l_.power.size(), {});
      c.cooling.assign(l_.cooling.size(), {});
      for (std::size_t p = 0; p < d_.phases.size(); ++p) {
        const auto& names = online ? d_.phases[p].online : d_.phases[p].retire;
        for (std::size_t j = 0; j < names.size(); ++j)
          name(static_cast<int>(p), (online ? "online[" : "retire[") + std::to_string(j) + "]", names[j], c);
      }
    }
    settle(l_.racks, online_.racks, retired_.racks);
    settle(l_.power, online_.power, retired_.power);
    settle(l_.cooling, online_.cooling, retired_.cooling);
    summarise();
  }

 private:
  struct Claims {
    std::vector<Claim> racks, power, cooling;
  };
  struct Naming {
    int phase;
    std::string field;
  };

  [[noreturn]] void fail(int phase, const std::string& field, const std::string& found,
                         const std::string& expected) const {
    const SourceLocation& at = d_.phases[static_cast<std::size_t>(phase)].where;
    const auto [line, column] = at.of(field);
    const std::string path = at.keyPath.empty() ? "phases[" + std::to_string(phase) + "]" : at.keyPath;
    throw io::LoadError(
        io::Diagnostic{d_.sourceFile, line, column, field.empty() ? path : path + "." + field, found, expected});
  }

  void checkDates() const {
    for (std::size_t p = 1; p < d_.phases.size(); ++p) {
      const int before = d_.phases[p - 1].date, date = d_.phases[p].date;
      if (date <= before)
        fail(static_cast<int>(p), "date", "'" + base::isoDate(date) + "'",
             "a date after the phase before it (" + base::isoDate(before) + "): phases go forward in time");
    }
  }

  void bucketByHall() {
    hallRacks_.assign(l_.halls.size(), {});
    hallPower_.assign(l_.halls.size(), {});
    hallCooling_.assign(l_.halls.size(), {});
    for (std::size_t i = 0; i < l_.racks.size(); ++i)
      if (l_.racks[i].hall != kNone)
        hallRacks_[static_cast<std::size_t>(l_.racks[i].hall)].push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < l_.power.size(); ++i)
      if (l_.power[i].hall != kNone)
        hallPower_[static_cast<std::size_t>(l_.power[i].hall)].push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < l_.cooling.size(); ++i)
      if (l_.cooling[i].hall != kNone)
        hallCooling_[static_cast<std::size_t>(l_.cooling[i].hall)].push_back(static_cast<int>(i));
  }

  // Every object `text` names, marked in `c` for `phase`.
  void name(int phase, const std::string& field, const std::string& text, Claims& c) {
    namings_.push_back({phase, field});
    const int naming = static_cast<int>(namings_.size()) - 1;
    const bool exact = text.find('*') == std::string::npos;
    bool found = false;
    const auto matches = [&](const std::string& id) { return exact ? id == text : matchesName(text, id); };
    const auto mark = [&](Kind kind, int index) {
      found = true;
      const int level = specificity(kind, exact);
      switch (kind) {
        case Kind::Hall: {
          const auto h = static_cast<std::size_t>(index);
          for (int r : hallRacks_[h]) claim(c.racks, r, level, phase, naming, l_.racks);
          for (int p : hallPower_[h]) claim(c.power, p, level, phase, naming, l_.power);
          for (int u : hallCooling_[h]) claim(c.cooling, u, level, phase, naming, l_.cooling);
          break;
        }
        case Kind::Row: {
          const Row& row = l_.rows[static_cast<std::size_t>(index)];
          for (int k = 0; k < row.rackCount; ++k) claim(c.racks, row.firstRack + k, level, phase, naming, l_.racks);
          break;
        }
        case Kind::Rack:
          claim(c.racks, index, level, phase, naming, l_.racks);
          break;
        case Kind::Power:
          claim(c.power, index, level, phase, naming, l_.power);
          break;
        case Kind::Cooling:
          claim(c.cooling, index, level, phase, naming, l_.cooling);
          break;
      }
    };
    // A template id counts as exact: it is the name the planner wrote for all it makes.
    for (std::size_t h = 0; h < l_.halls.size(); ++h) {
      if (matches(l_.halls[h].id) || matches(d_.halls[static_cast<std::size_t>(l_.halls[h].specIndex)].id))
        mark(Kind::Hall, static_cast<int>(h));
    }
    for (std::size_t r = 0; r < l_.rows.size(); ++r) {
      if (matches(l_.rows[r].id) || (t_.rows.size() > r && matches(*t_.rows[r]))) mark(Kind::Row, static_cast<int>(r));
    }
    if (exact) {
      if (auto it = l_.rackIndex.find(text); it != l_.rackIndex.end()) mark(Kind::Rack, it->second);
    } else {
      for (std::size_t r = 0; r < l_.racks.size(); ++r) {
        if (matchesName(text, l_.racks[r].id)) mark(Kind::Rack, static_cast<int>(r));
      }
    }
    for (std::size_t p = 0; p < l_.power.size(); ++p) {
      if (matches(l_.power[p].id) || (t_.power.size() > p && matches(*t_.power[p])))
        mark(Kind::Power, static_cast<int>(p));
    }
    for (std::size_t u = 0; u < l_.cooling.size(); ++u) {
      if (matches(l_.cooling[u].id) || (t_.cooling.size() > u && matches(*t_.cooling[u])))
        mark(Kind::Cooling, static_cast<int>(u));
    }
    if (!found)
      fail(phase, field, "'" + text + "'",
           "the id of a hall, row, rack, power node or cooling unit in this design, or a template's id "
           "('*' matches any characters)");
  }

  template <class Object>
  void claim(std::vector<Claim>& claims, int index, int level, int phase, int naming,
             const std::vector<Object>& objects) {
    Claim& c = claims[static_cast<std::size_t>(index)];
    if (level > c.level) {
      c = {level, phase, naming};
    } else if (level == c.level && phase != c.phase) {
      const Naming& first = namings_[static_cast<std::size_t>(c.naming)];
      const Naming& now = namings_[static_cast<std::size_t>(naming)];
      fail(now.phase, now.field,
           "'" + objects[static_cast<std::size_t>(index)].id + "' in '" + phaseLabel(d_, now.phase) + "', also in '" +
               phaseLabel(d_, first.phase) + "' (" + first.field + ")",
           "each object in one phase's list, or named more specifically in one of them (its own id over its row's "
           "or hall's)");
    }
  }

  template <class Object>
  void settle(std::vector<Object>& objects, const std::vector<Claim>& online, const std::vector<Claim>& retired) {
    for (std::size_t i = 0; i < objects.size(); ++i) {
      Object& o = objects[i];
      o.online = online[i].level >= 0 ? online[i].phase : 0;
      o.retired = retired[i].level >= 0 ? retired[i].phase : kNone;
      if (o.retired != kNone && o.retired <= o.online) {
        const Naming& n = namings_[static_cast<std::size_t>(retired[i].naming)];
        fail(n.phase, n.field,
             "'" + o.id + "' retired in '" + phaseLabel(d_, o.retired) + "', when it comes online in '" +
                 phaseLabel(d_, o.online) + "'",
             "a retirement in a phase after the one that brings the object online");
      }
    }
  }

  // A row is online with its first rack and retired with its last; a hall likewise with its contents.
  void summarise() {
    const auto fold = [](int& online, int& retired, bool& first, bool& allRetire, int o, int r) {
      online = first ? o : std::min(online, o);
      if (r == kNone) allRetire = false;
      retired = first ? r : std::max(retired, r);
      first = false;
    };
    for (Row& row : l_.rows) {
      bool first = true, allRetire = true;
      for (int k = 0; k < row.rackCount; ++k) {
        const Rack& r = l_.racks[static_cast<std::size_t>(row.firstRack) + static_cast<std::size_t>(k)];
        fold(row.online, row.retired, first, allRetire, r.online, r.retired);
      }
      if (!allRetire || first) row.retired = kNone;
    }
    for (std::size_t h = 0; h < l_.halls.size(); ++h) {
      Hall& hall = l_.halls[h];
      bool first = true, allRetire = true;
      for (int r : hallRacks_[h])
        fold(hall.online, hall.retired, first, allRetire, l_.racks[static_cast<std::size_t>(r)].online,
             l_.racks[static_cast<std::size_t>(r)].retired);
      for (int p : hallPower_[h])
        fold(hall.online, hall.retired, first, allRetire, l_.power[static_cast<std::size_t>(p)].online,
             l_.power[static_cast<std::size_t>(p)].retired);
      for (int u : hallCooling_[h])
        fold(hall.online, hall.retired, first, allRetire, l_.cooling[static_cast<std::size_t>(u)].online,
             l_.cooling[static_cast<std::size_t>(u)].retired);
      if (!allRetire || first) hall.retired = kNone;
    }
  }

  const Design& d_;
  Layout& l_;
  const TemplateIds& t_;
  Claims online_, retired_;
  std::vector<Naming> namings_;
  std::vector<std::vector<int>> hallRacks_, hallPower_, hallCooling_;
};

}  // namespace

bool matchesName(std::string_view name, std::string_view id) {
  // Greedy match with backtracking to the last '*': linear for one star, O(n·m) at worst.
  std::size_t n = 0, i = 0, star = std::string_view::npos, resume = 0;
  while (i < id.size()) {
    if (n < name.size() && name[n] != '*' && name[n] == id[i]) {
      ++n;
      ++i;
    } else if (n < name.size() && name[n] == '*') {
      star = n++;
      resume = i;
    } else if (star != std::string_view::npos) {
      n = star + 1;
      i = ++resume;
    } else {
      return false;
    }
  }
  while (n < name.size() && name[n] == '*') ++n;
  return n == name.size();
}

std::string phaseLabel(const Design& design, int phase) {
  if (phase >= 0 && static_cast<std::size_t>(phase) < design.phases.size() &&
      !design.phases[static_cast<std::size_t>(phase)].name.empty())
    return design.phases[static_cast<std::size_t>(phase)].name;
  return "Phase " + std::to_string(phase + 1);
}

void assignPhases(const Design& design, Layout& layout, const TemplateIds& templates) {
  PhaseMatcher(design, layout, templates).run();
}

}  // namespace gigaplan::design
