// Design file writer: design::Design → YAML text with units, in the same shape the reader takes.
// Defaults are left out so a saved file stays as short as the one the planner wrote.
#include <filesystem>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "core/base/date.h"
#include "core/io/design_io.h"
#include "core/io/file_write.h"
#include "core/training/job_reader.h"
#include "core/units/rates.h"
#include "core/units/units.h"

namespace gigaplan::io {
namespace {

using units::Dimension;
using units::formatExact;

class Writer {
 public:
  explicit Writer(YAML::Emitter& e) : e_(e) {}

  void design(const design::Design& d) {
    e_ << YAML::BeginMap;
    e_ << YAML::Key << "format" << YAML::Value << d.format;
    site(d.site);
    if (!d.catalogOverrides.empty()) {
      e_ << YAML::Key << "catalog" << YAML::Value << YAML::BeginMap;
      for (const auto& [section, entries] : d.catalogOverrides) {
        e_ << YAML::Key << section << YAML::Value << YAML::BeginMap;
        for (const auto& [id, fields] : entries) {
          e_ << YAML::Key << id << YAML::Value << YAML::BeginMap;
          for (const auto& [k, v] : fields) e_ << YAML::Key << k << YAML::Value << v;
          e_ << YAML::EndMap;
        }
        e_ << YAML::EndMap;
      }
      e_ << YAML::EndMap;
    }
    if (!d.power.empty()) {
      e_ << YAML::Key << "power" << YAML::Value << YAML::BeginSeq;
      for (const auto& p : d.power) power(p);
      e_ << YAML::EndSeq;
    }
    if (!d.cooling.empty()) {
      e_ << YAML::Key << "cooling" << YAML::Value << YAML::BeginSeq;
      for (const auto& c : d.cooling) cooling(c);
      e_ << YAML::EndSeq;
    }
    if (!d.halls.empty()) {
      e_ << YAML::Key << "halls" << YAML::Value << YAML::BeginSeq;
      for (const auto& h : d.halls) hall(h);
      e_ << YAML::EndSeq;
    }
    network(d.network);
    if (d.job) {
      e_ << YAML::Key << "job" << YAML::Value;
      training::writeJob(e_, *d.job);
    }
    powerDynamics(d.powerDynamics);
    if (!d.overrides.empty()) {
      e_ << YAML::Key << "overrides" << YAML::Value << YAML::BeginMap;
      for (const auto& [id, o] : d.overrides) override_(id, o);
      e_ << YAML::EndMap;
    }
    if (!d.phases.empty()) {
      e_ << YAML::Key << "phases" << YAML::Value << YAML::BeginSeq;
      for (const auto& p : d.phases) phase(p);
      e_ << YAML::EndSeq;
    }
    if (!d.variants.empty()) {
      e_ << YAML::Key << "variants" << YAML::Value << YAML::BeginMap;
      for (const auto& v : d.variants) variant(v);
      e_ << YAML::EndMap;
    }
    e_ << YAML::EndMap;
  }

 private:
  void kv(const char* key, const std::string& value) { e_ << YAML::Key << key << YAML::Value << value; }
  void q(const char* key, double v, Dimension dim) { kv(key, formatExact(v, dim)); }
  void vec(const char* key, design::Vec2 v) {
    e_ << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq << formatExact(v.x, Dimension::Length)
       << formatExact(v.y, Dimension::Length) << YAML::EndSeq;
  }
  void ids(const char* key, const std::vector<std::string>& list) {
    if (list.size() == 1) {
      kv(key, list.front());
      return;
    }
    e_ << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& s : list) e_ << s;
    e_ << YAML::EndSeq;
  }

  void site(const design::SiteInfo& s) {
    const design::SiteInfo defaults;
    e_ << YAML::Key << "site" << YAML::Value << YAML::BeginMap;
    kv("name", s.name);
    if (!s.description.empty()) kv("description", s.description);
    if (!s.location.empty()) kv("location", s.location);
    vec("size", s.size);
    if (s.ambient != defaults.ambient) q("ambient", s.ambient, Dimension::Temperature);
    if (s.wetBulb != defaults.wetBulb) q("wet_bulb", s.wetBulb, Dimension::Temperature);
    if (s.powerFactor != defaults.powerFactor) kv("power_factor", units::shortest(s.powerFactor));
    if (s.storageBandwidth > 0) q("storage_bandwidth", s.storageBandwidth, Dimension::DataRate);
    if (s.maxFailureShare != defaults.maxFailureShare) kv("max_failure_share", units::shortest(s.maxFailureShare));
    if (!s.weather.empty()) kv("weather", s.weather);
    if (s.gridCarbon >= 0) kv("grid_carbon", units::shortest(s.gridCarbon) + " kg/kWh");
    if (!s.gridCarbonHourly.empty()) kv("grid_carbon_hourly", s.gridCarbonHourly);
    if (s.energyPrice >= 0) kv("energy_price", units::shortest(s.energyPrice));
    if (!s.energyTariff.empty()) {
      e_ << YAML::Key << "energy_tariff" << YAML::Value << YAML::BeginSeq;
      for (const design::TariffPeriod& t : s.energyTariff) {
        e_ << YAML::Flow << YAML::BeginMap << YAML::Key << "price" << YAML::Value << units::shortest(t.price);
        if (t.firstMonth != 1 || t.lastMonth != 12)
          e_ << YAML::Key << "months" << YAML::Value << YAML::Flow << YAML::BeginSeq << t.firstMonth << t.lastMonth
             << YAML::EndSeq;
        if (t.fromHour != 0 || t.toHour != 24)
          e_ << YAML::Key << "hours" << YAML::Value << YAML::Flow << YAML::BeginSeq << t.fromHour << t.toHour
             << YAML::EndSeq;
        if (t.days != design::TariffPeriod::Days::All)
          e_ << YAML::Key << "days" << YAML::Value
             << (t.days == design::TariffPeriod::Days::Weekdays ? "weekdays" : "weekends");
        e_ << YAML::EndMap;
      }
      e_ << YAML::EndSeq;
    }
    e_ << YAML::EndMap;
  }

  void phase(const design::PhaseSpec& p) {
    e_ << YAML::BeginMap;
    if (!p.name.empty()) kv("name", p.name);
    kv("date", base::isoDate(p.date));
    if (!p.online.empty()) {
      e_ << YAML::Key << "online" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto& s : p.online) e_ << s;
      e_ << YAML::EndSeq;
    }
    if (!p.retire.empty()) {
      e_ << YAML::Key << "retire" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto& s : p.retire) e_ << s;
      e_ << YAML::EndSeq;
    }
    e_ << YAML::EndMap;
  }

  void powerDynamics(const design::PowerDynamicsSpec& s) {
    const design::PowerDynamicsSpec defaults;
    if (s == defaults) return;
    e_ << YAML::Key << "power_dynamics" << YAML::Value << YAML::BeginMap;
    if (s.gridRampLimit > 0) kv("grid_ramp_limit", units::formatPowerRampExact(s.gridRampLimit));
    if (s.gridLargestStep > 0) q("grid_largest_step", s.gridLargestStep, Dimension::Power);
    if (s.gridOscillationLimit > 0) q("grid_oscillation_limit", s.gridOscillationLimit, Dimension::Power);
    if (s.bandLow != defaults.bandLow || s.bandHigh != defaults.bandHigh) {
      e_ << YAML::Key << "oscillation_band" << YAML::Value << YAML::Flow << YAML::BeginSeq
         << units::formatFrequencyExact(s.bandLow) << units::formatFrequencyExact(s.bandHigh) << YAML::EndSeq;
    }
    if (s.gpuPowerFloor != defaults.gpuPowerFloor) kv("gpu_power_floor", units::shortest(s.gpuPowerFloor));
    if (s.coolingTimeConstant != defaults.coolingTimeConstant)
      q("cooling_time_constant", s.coolingTimeConstant, Dimension::Time);
    e_ << YAML::EndMap;
  }

  void placement(int count, design::Vec2 position, design::Vec2 step, double rotation) {
    if (count != 1) e_ << YAML::Key << "count" << YAML::Value << count;
    if (position != design::Vec2{}) vec("position", position);
    if (step != design::Vec2{}) vec("step", step);
    if (rotation != 0) kv("rotation", units::shortest(rotation));
  }

  void power(const design::PowerNodeSpec& p) {
    e_ << YAML::BeginMap;
    kv("id", p.id);
    if (!p.onlyIn.empty()) kv("only_in", p.onlyIn);
    kv("kind", std::string(design::toString(p.kind)));
    if (!p.model.empty()) kv("model", p.model);
    if (!p.fedBy.empty()) ids("fed_by", p.fedBy);
    if (p.units != 1) e_ << YAML::Key << "units" << YAML::Value << p.units;
    if (p.rating > 0) q("rating", p.rating, Dimension::Power);
    if (p.redundancy != design::Redundancy::None) kv("redundancy", std::string(design::toString(p.redundancy)));
    placement(p.count, p.position, p.step, p.rotation);
    e_ << YAML::EndMap;
  }

  void cooling(const design::CoolingUnitSpec& c) {
    e_ << YAML::BeginMap;
    kv("id", c.id);
    if (!c.onlyIn.empty()) kv("only_in", c.onlyIn);
    kv("kind", std::string(design::toString(c.kind)));
    kv("model", c.model);
    if (!c.rejectsTo.empty()) ids("rejects_to", c.rejectsTo);
    if (!c.fedBy.empty()) ids("fed_by", c.fedBy);
    if (c.units != 1) e_ << YAML::Key << "units" << YAML::Value << c.units;
    placement(c.count, c.position, c.step, c.rotation);
    e_ << YAML::EndMap;
  }

  void row(const design::RowSpec& r) {
    e_ << YAML::BeginMap;
    kv("id", r.id);
    if (r.count != 1) e_ << YAML::Key << "count" << YAML::Value << r.count;
    if (!r.onlyIn.empty()) kv("only_in", r.onlyIn);
    vec("origin", r.origin);
    if (r.step != design::Vec2{}) vec("step", r.step);
    if (r.rotation != 0) kv("rotation", units::shortest(r.rotation));
    e_ << YAML::Key << "racks" << YAML::Value << r.racks;
    if (r.rackPitch > 0) q("rack_pitch", r.rackPitch, Dimension::Length);
    kv("rack", r.rackType);
    if (!r.feedA.empty()) kv("feed_a", r.feedA);
    if (!r.feedB.empty()) kv("feed_b", r.feedB);
    if (!r.cdu.empty()) kv("cdu", r.cdu);
    if (!r.airHandler.empty()) kv("air_handler", r.airHandler);
    e_ << YAML::EndMap;
  }

  void hall(const design::HallSpec& h) {
    e_ << YAML::BeginMap;
    kv("id", h.id);
    if (h.count != 1) e_ << YAML::Key << "count" << YAML::Value << h.count;
    if (!h.name.empty()) kv("name", h.name);
    vec("origin", h.origin);
    if (h.step != design::Vec2{}) vec("step", h.step);
    vec("size", h.size);
    if (h.height != design::HallSpec{}.height) q("height", h.height, Dimension::Length);
    if (!h.power.empty()) {
      e_ << YAML::Key << "power" << YAML::Value << YAML::BeginSeq;
      for (const auto& p : h.power) power(p);
      e_ << YAML::EndSeq;
    }
    if (!h.cooling.empty()) {
      e_ << YAML::Key << "cooling" << YAML::Value << YAML::BeginSeq;
      for (const auto& c : h.cooling) cooling(c);
      e_ << YAML::EndSeq;
    }
    if (!h.rows.empty()) {
      e_ << YAML::Key << "rows" << YAML::Value << YAML::BeginSeq;
      for (const auto& r : h.rows) row(r);
      e_ << YAML::EndSeq;
    }
    e_ << YAML::EndMap;
  }

  void network(const design::NetworkPlan& n) {
    const design::NetworkPlan d;
    e_ << YAML::Key << "network" << YAML::Value << YAML::BeginMap;
    kv("topology", std::string(design::toString(n.topology)));
    if (!n.switchModel.empty()) kv("switch", n.switchModel);
    kv("tiers", n.tiers == 0 ? std::string("auto") : std::to_string(n.tiers));
    if (n.oversubscription != d.oversubscription) kv("oversubscription", units::shortest(n.oversubscription));
    if (n.podGpus != 0) e_ << YAML::Key << "pod_gpus" << YAML::Value << n.podGpus;
    if (n.oversubscriptionAbovePod != d.oversubscriptionAbovePod) {
      kv("oversubscription_above_pod", units::shortest(n.oversubscriptionAbovePod));
    }
    if (n.nicRate > 0) q("nic", n.nicRate, Dimension::DataRate);
    kv("leaf_placement", std::string(design::toString(n.leafPlacement)));
    if (!n.networkRows.empty()) {
      e_ << YAML::Key << "network_rows" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto& r : n.networkRows) e_ << r;
      e_ << YAML::EndSeq;
    }
    if (n.spinePositionSet) vec("spine_position", n.spinePosition);
    if (!n.coreAirHandler.empty()) kv("core_air_handler", n.coreAirHandler);
    if (!n.coreFeeds.empty()) ids("core_feeds", n.coreFeeds);
    if (n.trayHeight != d.trayHeight) q("tray_height", n.trayHeight, Dimension::Length);
    if (n.slack != d.slack) kv("slack", units::shortest(n.slack));
    if (!n.nodeNames.empty()) kv("node_names", n.nodeNames);
    e_ << YAML::EndMap;
  }

  void override_(const std::string& id, const design::Override& o) {
    e_ << YAML::Key << id << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (o.position) vec("position", *o.position);
    if (o.rotation) kv("rotation", units::shortest(*o.rotation));
    if (o.type) kv("type", *o.type);
    if (o.units) e_ << YAML::Key << "units" << YAML::Value << *o.units;
    if (o.feedA) kv("feed_a", *o.feedA);
    if (o.feedB) kv("feed_b", *o.feedB);
    if (o.cdu) kv("cdu", *o.cdu);
    if (o.airHandler) kv("air_handler", *o.airHandler);
    if (o.fedBy) ids("fed_by", *o.fedBy);
    if (o.rejectsTo) ids("rejects_to", *o.rejectsTo);
    if (o.removed) e_ << YAML::Key << "removed" << YAML::Value << true;
    e_ << YAML::EndMap;
  }

  // The variant's overlay as it was read (its text is the emitter's own, so it parses back whole).
  void variant(const design::VariantSpec& v) {
    e_ << YAML::Key << v.name << YAML::Value << YAML::BeginMap;
    if (!v.description.empty()) kv("description", v.description);
    for (const auto& field : YAML::Load(v.yaml)) e_ << YAML::Key << field.first << YAML::Value << field.second;
    e_ << YAML::EndMap;
  }

  YAML::Emitter& e_;
};

}  // namespace

std::string designToYaml(const design::Design& d) {
  YAML::Emitter e;
  e.SetIndent(2);
  Writer(e).design(d);
  std::string out = d.headerComment;
  out += e.c_str();
  out += "\n";
  return out;
}

design::Design relocated(const design::Design& design, const std::string& path) {
  design::Design d = design;
  namespace fs = std::filesystem;
  const fs::path from = fs::path(design.sourceFile).parent_path(), to = fs::path(path).parent_path();
  for (std::string* file : {&d.site.weather, &d.site.gridCarbonHourly}) {
    if (file->empty() || fs::path(*file).is_absolute() || design.sourceFile.empty()) continue;
    const fs::path target = fs::absolute(from / *file).lexically_normal();
    const fs::path rebased = target.lexically_relative(fs::absolute(to.empty() ? "." : to).lexically_normal());
    *file = rebased.empty() ? target.string() : rebased.string();
  }
  d.sourceFile = path;
  return d;
}

void saveDesign(const design::Design& design, const std::string& path) {
  std::string error;
  if (!writeFileAtomically(path, designToYaml(relocated(design, path)), &error)) throw std::runtime_error(error);
}

}  // namespace gigaplan::io
