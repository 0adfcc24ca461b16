// Design-wide rules on in-memory values (see design_validation.h).
#include "core/model/design_validation.h"

#include <cmath>
#include <cstdio>

#include "core/model/plan_rules.h"

namespace gigaplan::model {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

class DesignChecker {
 public:
  explicit DesignChecker(Violations& out) : out_(out) {}

  void coordinate(const std::string& path, design::Vec2 v) {
    for (double c : {v.x, v.y}) {
      if (!std::isfinite(c) || std::fabs(c) > kMaxCoordinate) {
        out_.push_back({path, "'[" + number(v.x) + ", " + number(v.y) + "]'",
                        "a length between -" + number(kMaxCoordinate) + " m and " + number(kMaxCoordinate) + " m"});
        return;
      }
    }
  }
  void rotation(const std::string& path, double degrees) {
    if (!std::isfinite(degrees) || std::fabs(degrees) > kMaxRotation)
      out_.push_back({path, quoted(number(degrees)), "a number between -360 and 360"});
  }
  template <class Spec>
  void placed(const std::string& path, const Spec& s) {
    coordinate(join(path, "position"), s.position);
    coordinate(join(path, "step"), s.step);
    rotation(join(path, "rotation"), s.rotation);
  }
  void row(const std::string& path, const design::RowSpec& r) {
    coordinate(join(path, "origin"), r.origin);
    coordinate(join(path, "step"), r.step);
    rotation(join(path, "rotation"), r.rotation);
  }

 private:
  Violations& out_;
};

std::string at(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

}  // namespace

Violations designViolations(const design::Design& d) {
  Violations out;
  DesignChecker c(out);
  for (std::size_t i = 0; i < d.power.size(); ++i) c.placed(at("power", i), d.power[i]);
  for (std::size_t i = 0; i < d.cooling.size(); ++i) c.placed(at("cooling", i), d.cooling[i]);
  for (std::size_t h = 0; h < d.halls.size(); ++h) {
    const design::HallSpec& hall = d.halls[h];
    const std::string hp = at("halls", h);
    c.coordinate(join(hp, "origin"), hall.origin);
    c.coordinate(join(hp, "step"), hall.step);
    for (std::size_t i = 0; i < hall.rows.size(); ++i) c.row(at(join(hp, "rows"), i), hall.rows[i]);
    for (std::size_t i = 0; i < hall.power.size(); ++i) c.placed(at(join(hp, "power"), i), hall.power[i]);
    for (std::size_t i = 0; i < hall.cooling.size(); ++i) c.placed(at(join(hp, "cooling"), i), hall.cooling[i]);
  }
  if (d.job) {
    Violations job = jobViolations(*d.job, "job");
    out.insert(out.end(), job.begin(), job.end());
  }
  for (const auto& [id, o] : d.overrides) {
    const std::string op = "overrides." + id;
    if (o.position) c.coordinate(join(op, "position"), *o.position);
    if (o.rotation) c.rotation(join(op, "rotation"), *o.rotation);
  }
  return out;
}

std::optional<Violation> firstDesignViolation(const design::Design& design) {
  Violations v = designViolations(design);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace gigaplan::model
