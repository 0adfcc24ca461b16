// Design file reader: YAML → design::Design, checking every key, unit and range as it goes,
// then expanding templates once to check references, ids and sizes (see design_io.h).
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/base/date.h"
#include "core/catalog/catalog_loader.h"
#include "core/design/expand.h"
#include "core/design/node_names.h"
#include "core/io/design_io.h"
#include "core/io/design_variants.h"
#include "core/io/text_lines.h"
#include "core/io/yaml_reader.h"
#include "core/model/design_validation.h"
#include "core/training/job_reader.h"
#include "core/units/rates.h"

namespace gigaplan::io {
namespace {

using design::Vec2;
using units::Dimension;

constexpr double kMaxCoord = model::kMaxCoordinate;  // m: a site is at most 100 km across (core/model)
constexpr double kMaxPower = 1e11;                   // W: 100 GW

class DesignReader {
 public:
  DesignReader(const YamlReader& r, const catalog::Catalog& base) : r_(r), base_(base) {}

  design::Design read(const YAML::Node& root) {
    design::Design d;
    if (!root.IsDefined() || root.IsNull()) r_.fail(root, "", "an empty file", "a design with 'format' and 'site'");
    r_.checkKeys(root, "",
                 {"format", "site", "catalog", "power", "cooling", "halls", "network", "job", "overrides",
                  "power_dynamics", "phases", "variants"});
    d.format = static_cast<int>(r_.integer(r_.require(root, "", "format"), "format", 1, 1000));
    if (d.format != kFormatVersion) {
      r_.fail(root["format"], "format", std::to_string(d.format),
              "format " + std::to_string(kFormatVersion) + " (this GigaPlan reads version " +
                  std::to_string(kFormatVersion) + ")");
    }
    readSite(r_.require(root, "", "site"), d.site);
    if (auto n = root["catalog"]; n && !n.IsNull())
      d.catalogOverrides = catalog::readOverrides(n, r_, "catalog", base_);
    effective_ = catalog::withOverrides(base_, d.catalogOverrides);
    list(root, "", "power",
         [&](const YAML::Node& n, const std::string& p) { d.power.push_back(readPower(n, p, false)); });
    list(root, "", "cooling",
         [&](const YAML::Node& n, const std::string& p) { d.cooling.push_back(readCooling(n, p, false)); });
    list(root, "", "halls", [&](const YAML::Node& n, const std::string& p) { d.halls.push_back(readHall(n, p)); });
    if (auto n = root["network"]; n && !n.IsNull()) readNetwork(n, "network", d.network);
    if (auto n = root["job"]; n && !n.IsNull()) d.job = training::readJob(n, r_.file(), "job");
    if (auto n = root["overrides"]; n && !n.IsNull()) readOverrides(n, "overrides", d.overrides);
    if (auto n = root["power_dynamics"]; n && !n.IsNull()) readPowerDynamics(n, d.powerDynamics);
    list(root, "", "phases", [&](const YAML::Node& n, const std::string& p) { d.phases.push_back(readPhase(n, p)); });
    if (auto n = root["variants"]; n && !n.IsNull()) readVariants(n, d.variants);
    return d;
  }

  const catalog::Catalog& effective() const { return effective_; }

 private:
  template <class F>
  void list(const YAML::Node& parent, const std::string& path, const char* key, F&& each) {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return;
    const std::string p = YamlReader::join(path, key);
    r_.requireSequence(n, p);
    for (std::size_t i = 0; i < n.size(); ++i) each(n[i], YamlReader::index(p, i));
  }

  Vec2 vec(const YAML::Node& n, const std::string& p, double min = -kMaxCoord, double max = kMaxCoord) {
    auto [x, y] = r_.pair(n, p, Dimension::Length, min, max);
    return {x, y};
  }

  static design::SourceLocation where(const YAML::Node& n, const std::string& p) {
    const auto m = n.Mark();
    design::SourceLocation at{m.line + 1, m.column + 1, p, {}};
    if (n.IsMap()) {
      for (const auto& kv : n) {
        const auto vm = kv.second.Mark();
        at.fields.push_back({kv.first.Scalar(), vm.line + 1, vm.column + 1});
      }
    }
    return at;
  }

  void readSite(const YAML::Node& n, design::SiteInfo& s) {
    const std::string p = "site";
    r_.checkKeys(
        n, p,
        {"name", "description", "location", "size", "ambient", "wet_bulb", "power_factor", "storage_bandwidth",
         "max_failure_share", "weather", "grid_carbon", "grid_carbon_hourly", "energy_price", "energy_tariff"});
    s.where = where(n, p);
    s.name = r_.string(r_.require(n, p, "name"), "site.name");
    r_.optional(n, p, "description", [&](const auto& c, const auto& cp) { s.description = r_.string(c, cp); });
    r_.optional(n, p, "location", [&](const auto& c, const auto& cp) { s.location = r_.string(c, cp); });
    s.size = vec(r_.require(n, p, "size"), "site.size", 1, kMaxCoord);
    r_.optional(n, p, "ambient", [&](const auto& c, const auto& cp) {
      s.ambient = r_.quantity(c, cp, Dimension::Temperature, -60, 60);
    });
    r_.optional(n, p, "wet_bulb", [&](const auto& c, const auto& cp) {
      s.wetBulb = r_.quantity(c, cp, Dimension::Temperature, -60, 40);
    });
    r_.optional(n, p, "power_factor", [&](const auto& c, const auto& cp) { s.powerFactor = r_.number(c, cp, 0.5, 1); });
    r_.optional(n, p, "storage_bandwidth", [&](const auto& c, const auto& cp) {
      s.storageBandwidth = r_.quantity(c, cp, Dimension::DataRate, 0, 1e16);
    });
    r_.optional(n, p, "max_failure_share", [&](const auto& c, const auto& cp) {
      s.maxFailureShare = r_.quantity(c, cp, Dimension::Dimensionless, 0.001, 1);
    });
    r_.optional(n, p, "weather", [&](const auto& c, const auto& cp) {
      s.weather = r_.string(c, cp);
      if (s.weather.empty()) r_.fail(c, cp, "an empty path", "the path of an EPW weather file");
    });
    r_.optional(n, p, "grid_carbon", [&](const auto& c, const auto& cp) { s.gridCarbon = carbonIntensity(c, cp); });
    r_.optional(n, p, "grid_carbon_hourly", [&](const auto& c, const auto& cp) {
      s.gridCarbonHourly = r_.string(c, cp);
      if (s.gridCarbonHourly.empty())
        r_.fail(c, cp, "an empty path", "the path of an hourly carbon intensity file (CSV)");
      if (s.gridCarbon >= 0)
        r_.fail(c, cp, "both grid_carbon and grid_carbon_hourly",
                "one of them: a constant intensity or a file of one per hour");
    });
    r_.optional(n, p, "energy_price", [&](const auto& c, const auto& cp) { s.energyPrice = r_.number(c, cp, 0, 1e6); });
    r_.optional(n, p, "energy_tariff", [&](const auto& c, const auto& cp) {
      if (s.energyPrice >= 0)
        r_.fail(c, cp, "both energy_price and energy_tariff", "one of them: a constant price or time-of-use periods");
      r_.requireSequence(c, cp);
      for (std::size_t i = 0; i < c.size(); ++i) s.energyTariff.push_back(tariffPeriod(c[i], YamlReader::index(cp, i)));
      if (const std::string gap = design::tariffGap(s.energyTariff); !gap.empty())
        r_.fail(c, cp, "a tariff that leaves hours without a price (the first: " + gap + ")",
                "periods that price every hour of the year (end with one without months, hours or days)");
    });
  }

  // One period of site.energy_tariff: {price: 95, months: [6, 9], hours: [14, 20], days: weekdays}.
  design::TariffPeriod tariffPeriod(const YAML::Node& n, const std::string& p) {
    r_.requireMap(n, p);
    r_.checkKeys(n, p, {"price", "months", "hours", "days"});
    design::TariffPeriod t;
    t.price = r_.number(r_.require(n, p, "price"), YamlReader::join(p, "price"), 0, 1e6);
    const auto range = [&](const char* key, int lo, int hi, int& first, int& last, const std::string& expected) {
      r_.optional(n, p, key, [&](const auto& c, const auto& cp) {
        if (!c.IsSequence() || c.size() != 2) r_.fail(c, cp, YamlReader::describe(c), expected);
        first = static_cast<int>(r_.integer(c[0], YamlReader::index(cp, 0), lo, hi));
        last = static_cast<int>(r_.integer(c[1], YamlReader::index(cp, 1), lo, hi));
      });
    };
    range("months", 1, 12, t.firstMonth, t.lastMonth,
          "[first, last] months, 1–12 (inclusive; [11, 2] is November to February)");
    range("hours", 0, 24, t.fromHour, t.toHour, "[from, to] hours of the day, 0–24 ([22, 6] is 22:00 to 06:00)");
    if (t.fromHour == t.toHour || t.fromHour == 24 || t.toHour == 0)
      r_.fail(n["hours"], YamlReader::join(p, "hours"),
              "[" + std::to_string(t.fromHour) + ", " + std::to_string(t.toHour) + "]",
              "from 0–23 and to 1–24, not equal (the hours from ≤ hour < to)");
    r_.optional(n, p, "days", [&](const auto& c, const auto& cp) {
      t.days = static_cast<design::TariffPeriod::Days>(r_.choice(c, cp, {"all", "weekdays", "weekends"}));
    });
    return t;
  }

  // "0.35 kg/kWh" or "350 g/kWh" → kg CO2 per kWh.
  double carbonIntensity(const YAML::Node& n, const std::string& p) {
    const std::string text = r_.string(n, p);
    const std::string expected = "a carbon intensity such as '0.35 kg/kWh' or '350 g/kWh' (0 to 2 kg/kWh)";
    double scale = 0;
    std::string number;
    for (const auto& [unit, factor] : {std::pair{"kg/kWh", 1.0}, std::pair{"g/kWh", 1e-3}}) {
      const std::string u = unit;
      if (text.size() > u.size() && text.compare(text.size() - u.size(), u.size(), u) == 0) {
        scale = factor;
        number = text.substr(0, text.size() - u.size());
        break;
      }
    }
    const units::ParseResult v = units::parseNumber(number);
    if (scale == 0 || !v || v.value * scale < 0 || v.value * scale > 2)
      r_.fail(n, p, YamlReader::describe(n), expected);
    return v.value * scale;
  }

  // `power_dynamics:` — the grid connection's tolerance and the site's smoothing (design.h).
  void readPowerDynamics(const YAML::Node& n, design::PowerDynamicsSpec& s) {
    const std::string p = "power_dynamics";
    r_.requireMap(n, p);
    r_.checkKeys(n, p,
                 {"grid_ramp_limit", "grid_largest_step", "grid_oscillation_limit", "oscillation_band",
                  "gpu_power_floor", "cooling_time_constant"});
    r_.optional(n, p, "grid_ramp_limit", [&](const auto& c, const auto& cp) {
      const std::string text = r_.string(c, cp);
      const units::ParseResult v = units::parsePowerRamp(text);
      if (!v || v.value <= 0) r_.fail(c, cp, "'" + text + "'", "a power ramp above zero such as 30 MW/min");
      s.gridRampLimit = v.value;
    });
    r_.optional(n, p, "grid_largest_step", [&](const auto& c, const auto& cp) {
      s.gridLargestStep = r_.quantity(c, cp, Dimension::Power, 1, 1e11);
    });
    r_.optional(n, p, "grid_oscillation_limit", [&](const auto& c, const auto& cp) {
      s.gridOscillationLimit = r_.quantity(c, cp, Dimension::Power, 1, 1e11);
    });
    r_.optional(n, p, "oscillation_band", [&](const auto& c, const auto& cp) {
      const std::string expected = "a band [low, high] such as [0.1 Hz, 20 Hz], low below high, high at most 1 kHz";
      if (!c.IsSequence() || c.size() != 2) r_.fail(c, cp, YamlReader::describe(c), expected);
      double hz[2] = {0, 0};
      for (std::size_t i = 0; i < 2; ++i) {
        const std::string text = r_.string(c[i], YamlReader::index(cp, i));
        const units::ParseResult v = units::parseFrequency(text);
        if (!v) r_.fail(c[i], YamlReader::index(cp, i), "'" + text + "'", expected);
        hz[i] = v.value;
      }
      if (!(hz[0] < hz[1]) || hz[1] > 1000)
        r_.fail(c, cp, "[" + r_.string(c[0], cp) + ", " + r_.string(c[1], cp) + "]", expected);
      s.bandLow = hz[0];
      s.bandHigh = hz[1];
    });
    r_.optional(n, p, "gpu_power_floor", [&](const auto& c, const auto& cp) {
      s.gpuPowerFloor = r_.quantity(c, cp, Dimension::Dimensionless, 0, 1);
    });
    r_.optional(n, p, "cooling_time_constant", [&](const auto& c, const auto& cp) {
      s.coolingTimeConstant = r_.quantity(c, cp, Dimension::Time, 0.1, 86400);
    });
  }

  // One entry of `phases:` (design.h). The names are matched and the dates' order checked by
  // expand(), which every loaded or edited design goes through; here each list item's place is kept.
  design::PhaseSpec readPhase(const YAML::Node& n, const std::string& p) {
    r_.requireMap(n, p);
    r_.checkKeys(n, p, {"name", "date", "online", "retire"});
    design::PhaseSpec s;
    s.where = where(n, p);
    r_.optional(n, p, "name", [&](const auto& c, const auto& cp) { s.name = r_.string(c, cp); });
    const YAML::Node date = r_.require(n, p, "date");
    const std::string text = r_.string(date, YamlReader::join(p, "date"));
    const std::optional<int> day = base::parseDate(text);
    if (!day)
      r_.fail(
          date, YamlReader::join(p, "date"), "'" + text + "'",
          "a date YYYY-MM-DD between " + std::to_string(base::kFirstYear) + " and " + std::to_string(base::kLastYear));
    s.date = *day;
    for (const char* key : {"online", "retire"}) {
      r_.optional(n, p, key, [&](const auto& c, const auto& cp) {
        std::vector<std::string>& names = std::string_view(key) == "online" ? s.online : s.retire;
        names = r_.idList(c, cp, true);
        for (std::size_t i = 0; i < names.size(); ++i) {
          const YAML::Node item = c.IsSequence() ? c[i] : c;
          const auto m = item.Mark();
          s.where.fields.push_back({std::string(key) + "[" + std::to_string(i) + "]", m.line + 1, m.column + 1});
        }
      });
    }
    return s;
  }

  int count(const YAML::Node& n, const std::string& p) {
    return static_cast<int>(r_.integer(n, p, 1, r_.limits().maxCount));
  }

  // `only_in: <hall id>` keeps a template inside a hall template to that one hall.
  void readOnlyIn(const YAML::Node& n, const std::string& p, std::string& onlyIn, bool inHall) {
    r_.optional(n, p, "only_in", [&](const auto& c, const auto& cp) {
      if (!inHall)
        r_.fail(c, cp, "only_in on a site-level template", "only_in only on a hall's rows, power or cooling");
      onlyIn = r_.id(c, cp);
    });
  }

  design::PowerNodeSpec readPower(const YAML::Node& n, const std::string& p, bool inHall) {
    design::PowerNodeSpec s;
    r_.checkKeys(n, p,
                 {"id", "count", "only_in", "kind", "model", "fed_by", "units", "rating", "redundancy", "position",
                  "step", "rotation"});
    s.where = where(n, p);
    s.id = r_.id(r_.require(n, p, "id"), YamlReader::join(p, "id"));
    readOnlyIn(n, p, s.onlyIn, inHall);
    s.kind = static_cast<design::PowerKind>(r_.choice(
        r_.require(n, p, "kind"), YamlReader::join(p, "kind"),
        {"grid", "substation", "generator", "battery", "transformer", "switchboard", "ups", "busway", "pdu"}));
    r_.optional(n, p, "count", [&](const auto& c, const auto& cp) { s.count = count(c, cp); });
    r_.optional(n, p, "model", [&](const auto& c, const auto& cp) {
      s.model = r_.id(c, cp);
      const catalog::PowerGear* g = effective_.power(s.model);
      if (!g) r_.fail(c, cp, "'" + s.model + "'", "the id of power gear in the catalog (power.yaml)");
      if (!kindMatches(s.kind, g->kind)) {
        r_.fail(c, cp, "'" + s.model + "', a " + std::string(catalog::toString(g->kind)),
                "power gear of kind " + std::string(design::toString(s.kind)));
      }
    });
    r_.optional(n, p, "fed_by", [&](const auto& c, const auto& cp) { s.fedBy = r_.idList(c, cp); });
    r_.optional(n, p, "units", [&](const auto& c, const auto& cp) {
      s.units = static_cast<int>(r_.integer(c, cp, 1, model::kMaxUnits));
    });
    r_.optional(n, p, "rating",
                [&](const auto& c, const auto& cp) { s.rating = r_.quantity(c, cp, Dimension::Power, 1, kMaxPower); });
    r_.optional(n, p, "redundancy", [&](const auto& c, const auto& cp) {
      s.redundancy = static_cast<design::Redundancy>(r_.choice(c, cp, {"none", "n+1", "2n"}));
    });
    r_.optional(n, p, "position", [&](const auto& c, const auto& cp) { s.position = vec(c, cp); });
    r_.optional(n, p, "step", [&](const auto& c, const auto& cp) { s.step = vec(c, cp); });
    r_.optional(n, p, "rotation", [&](const auto& c, const auto& cp) {
      s.rotation = r_.number(c, cp, -model::kMaxRotation, model::kMaxRotation);
    });
    const bool source = s.kind == design::PowerKind::Grid;
    if (source && s.rating <= 0)
      r_.fail(n, YamlReader::join(p, "rating"), "no rating", "the grid connection's capacity, e.g. rating: 150 MW");
    if (!source && s.model.empty() && s.rating <= 0) {
      r_.fail(n, YamlReader::join(p, "model"), "neither model nor rating",
              "a catalog model (or a rating) for this " + std::string(design::toString(s.kind)));
    }
    if (source && !s.fedBy.empty())
      r_.fail(n["fed_by"], YamlReader::join(p, "fed_by"), "a feed for a grid connection", "no fed_by on a source");
    return s;
  }

  static bool kindMatches(design::PowerKind k, catalog::PowerGearKind g) {
    using K = design::PowerKind;
    using G = catalog::PowerGearKind;
    switch (k) {
      case K::Grid:
        return false;
      case K::Substation:
        return g == G::Substation || g == G::Transformer;
      case K::Generator:
        return g == G::Generator;
      case K::Battery:
        return g == G::Battery;
      case K::Transformer:
        return g == G::Transformer || g == G::Substation;
      case K::Switchboard:
        return g == G::Switchboard;
      case K::Ups:
        return g == G::Ups;
      case K::Busway:
        return g == G::Busway;
      case K::Pdu:
        return g == G::Pdu || g == G::Busway;
    }
    return false;
  }

  design::CoolingUnitSpec readCooling(const YAML::Node& n, const std::string& p, bool inHall) {
    design::CoolingUnitSpec s;
    r_.checkKeys(
        n, p,
        {"id", "count", "only_in", "kind", "model", "rejects_to", "fed_by", "units", "position", "step", "rotation"});
    s.where = where(n, p);
    s.id = r_.id(r_.require(n, p, "id"), YamlReader::join(p, "id"));
    readOnlyIn(n, p, s.onlyIn, inHall);
    s.kind =
        static_cast<design::CoolingKind>(r_.choice(r_.require(n, p, "kind"), YamlReader::join(p, "kind"),
                                                   {"cdu", "chiller", "dry-cooler", "cooling-tower", "air-handler"}));
    const YAML::Node m = r_.require(n, p, "model");
    s.model = r_.id(m, YamlReader::join(p, "model"));
    const catalog::CoolingGear* g = effective_.cooling(s.model);
    if (!g)
      r_.fail(m, YamlReader::join(p, "model"), "'" + s.model + "'",
              "the id of cooling gear in the catalog (cooling.yaml)");
    if (static_cast<int>(g->kind) != static_cast<int>(s.kind)) {
      r_.fail(m, YamlReader::join(p, "model"), "'" + s.model + "', a " + std::string(catalog::toString(g->kind)),
              "cooling gear of kind " + std::string(design::toString(s.kind)));
    }
    r_.optional(n, p, "count", [&](const auto& c, const auto& cp) { s.count = count(c, cp); });
    r_.optional(n, p, "rejects_to", [&](const auto& c, const auto& cp) { s.rejectsTo = r_.idList(c, cp); });
    r_.optional(n, p, "fed_by", [&](const auto& c, const auto& cp) { s.fedBy = r_.idList(c, cp); });
    r_.optional(n, p, "units", [&](const auto& c, const auto& cp) {
      s.units = static_cast<int>(r_.integer(c, cp, 1, model::kMaxUnits));
    });
    r_.optional(n, p, "position", [&](const auto& c, const auto& cp) { s.position = vec(c, cp); });
    r_.optional(n, p, "step", [&](const auto& c, const auto& cp) { s.step = vec(c, cp); });
    r_.optional(n, p, "rotation", [&](const auto& c, const auto& cp) {
      s.rotation = r_.number(c, cp, -model::kMaxRotation, model::kMaxRotation);
    });
    return s;
  }

  design::RowSpec readRow(const YAML::Node& n, const std::string& p) {
    design::RowSpec s;
    r_.checkKeys(n, p,
                 {"id", "count", "only_in", "origin", "step", "pitch", "rotation", "racks", "rack_pitch", "rack",
                  "feed_a", "feed_b", "cdu", "air_handler"});
    s.where = where(n, p);
    s.id = r_.id(r_.require(n, p, "id"), YamlReader::join(p, "id"));
    readOnlyIn(n, p, s.onlyIn, true);
    r_.optional(n, p, "count", [&](const auto& c, const auto& cp) { s.count = count(c, cp); });
    s.origin = vec(r_.require(n, p, "origin"), YamlReader::join(p, "origin"));
    if (n["step"] && n["pitch"])
      r_.fail(n["pitch"], YamlReader::join(p, "pitch"), "both step and pitch", "one of step or pitch");
    r_.optional(n, p, "step", [&](const auto& c, const auto& cp) { s.step = vec(c, cp); });
    r_.optional(n, p, "rotation", [&](const auto& c, const auto& cp) {
      s.rotation = r_.number(c, cp, -model::kMaxRotation, model::kMaxRotation);
    });
    r_.optional(n, p, "pitch", [&](const auto& c, const auto& cp) {
      const double pitch = r_.quantity(c, cp, Dimension::Length, 0.1, 1000);
      const double a = (s.rotation + 90) * M_PI / 180;  // rows stack perpendicular to the row direction
      s.step = {std::round(pitch * std::cos(a) * 1e9) / 1e9, std::round(pitch * std::sin(a) * 1e9) / 1e9};
    });
    s.racks = static_cast<int>(r_.integer(r_.require(n, p, "racks"), YamlReader::join(p, "racks"), 1, 1000));
    r_.optional(n, p, "rack_pitch",
                [&](const auto& c, const auto& cp) { s.rackPitch = r_.quantity(c, cp, Dimension::Length, 0.1, 100); });
    const YAML::Node rack = r_.require(n, p, "rack");
    s.rackType = r_.id(rack, YamlReader::join(p, "rack"));
    if (!effective_.rack(s.rackType))
      r_.fail(rack, YamlReader::join(p, "rack"), "'" + s.rackType + "'", "a rack type from the catalog (racks.yaml)");
    r_.optional(n, p, "feed_a", [&](const auto& c, const auto& cp) { s.feedA = r_.id(c, cp); });
    r_.optional(n, p, "feed_b", [&](const auto& c, const auto& cp) { s.feedB = r_.id(c, cp); });
    r_.optional(n, p, "cdu", [&](const auto& c, const auto& cp) { s.cdu = r_.id(c, cp); });
    r_.optional(n, p, "air_handler", [&](const auto& c, const auto& cp) { s.airHandler = r_.id(c, cp); });
    return s;
  }

  design::HallSpec readHall(const YAML::Node& n, const std::string& p) {
    design::HallSpec h;
    r_.checkKeys(n, p, {"id", "count", "name", "origin", "step", "size", "height", "rows", "power", "cooling"});
    h.where = where(n, p);
    h.id = r_.id(r_.require(n, p, "id"), YamlReader::join(p, "id"));
    r_.optional(n, p, "count", [&](const auto& c, const auto& cp) { h.count = count(c, cp); });
    r_.optional(n, p, "name", [&](const auto& c, const auto& cp) { h.name = r_.string(c, cp); });
    h.origin = vec(r_.require(n, p, "origin"), YamlReader::join(p, "origin"));
    r_.optional(n, p, "step", [&](const auto& c, const auto& cp) { h.step = vec(c, cp); });
    h.size = vec(r_.require(n, p, "size"), YamlReader::join(p, "size"), 1, kMaxCoord);
    r_.optional(n, p, "height",
                [&](const auto& c, const auto& cp) { h.height = r_.quantity(c, cp, Dimension::Length, 2, 100); });
    list(n, p, "rows", [&](const YAML::Node& c, const std::string& cp) { h.rows.push_back(readRow(c, cp)); });
    list(n, p, "power", [&](const YAML::Node& c, const std::string& cp) { h.power.push_back(readPower(c, cp, true)); });
    list(n, p, "cooling",
         [&](const YAML::Node& c, const std::string& cp) { h.cooling.push_back(readCooling(c, cp, true)); });
    return h;
  }

  void readNetwork(const YAML::Node& n, const std::string& p, design::NetworkPlan& net) {
    r_.checkKeys(n, p,
                 {"topology", "switch", "tiers", "oversubscription", "pod_gpus", "oversubscription_above_pod", "nic",
                  "leaf_placement", "network_rows", "spine_position", "core_air_handler", "core_feeds", "tray_height",
                  "slack", "node_names"});
    net.where = where(n, p);
    r_.optional(n, p, "topology", [&](const auto& c, const auto& cp) {
      net.topology = static_cast<design::Topology>(r_.choice(c, cp, {"rail-optimized", "fat-tree", "leaf-spine"}));
    });
    r_.optional(n, p, "switch", [&](const auto& c, const auto& cp) {
      net.switchModel = r_.id(c, cp);
      if (!effective_.switchModel(net.switchModel))
        r_.fail(c, cp, "'" + net.switchModel + "'", "a switch from the catalog (switches.yaml)");
    });
    r_.optional(n, p, "tiers", [&](const auto& c, const auto& cp) {
      net.tiers = c.IsScalar() && c.Scalar() == "auto" ? 0 : static_cast<int>(r_.integer(c, cp, 1, 3));
    });
    r_.optional(n, p, "oversubscription",
                [&](const auto& c, const auto& cp) { net.oversubscription = r_.number(c, cp, 1, 64); });
    r_.optional(n, p, "pod_gpus", [&](const auto& c, const auto& cp) {
      net.podGpus = static_cast<int>(r_.integer(c, cp, 1, 10'000'000));
    });
    r_.optional(n, p, "oversubscription_above_pod",
                [&](const auto& c, const auto& cp) { net.oversubscriptionAbovePod = r_.number(c, cp, 1, 64); });
    r_.optional(n, p, "nic", [&](const auto& c, const auto& cp) {
      net.nicRate = r_.quantity(c, cp, Dimension::DataRate, 1e8, 1e13);
    });
    r_.optional(n, p, "leaf_placement", [&](const auto& c, const auto& cp) {
      net.leafPlacement =
          static_cast<design::LeafPlacement>(r_.choice(c, cp, {"end-of-row", "middle-of-row", "network-row"}));
    });
    r_.optional(n, p, "network_rows", [&](const auto& c, const auto& cp) { net.networkRows = r_.idList(c, cp); });
    r_.optional(n, p, "spine_position", [&](const auto& c, const auto& cp) {
      net.spinePosition = vec(c, cp);
      net.spinePositionSet = true;
    });
    r_.optional(n, p, "core_air_handler", [&](const auto& c, const auto& cp) { net.coreAirHandler = r_.id(c, cp); });
    r_.optional(n, p, "core_feeds", [&](const auto& c, const auto& cp) {
      net.coreFeeds = r_.idList(c, cp);
      if (net.coreFeeds.empty() || net.coreFeeds.size() > 2)
        r_.fail(c, cp, std::to_string(net.coreFeeds.size()) + " ids", "one or two power node ids (A and B)");
      if (net.coreFeeds.size() == 2 && net.coreFeeds[0] == net.coreFeeds[1])
        r_.fail(c, cp, "'" + net.coreFeeds[0] + "' twice", "two different feeds");
    });
    r_.optional(n, p, "tray_height",
                [&](const auto& c, const auto& cp) { net.trayHeight = r_.quantity(c, cp, Dimension::Length, 0, 20); });
    r_.optional(n, p, "slack", [&](const auto& c, const auto& cp) { net.slack = r_.number(c, cp, 0, 1); });
    r_.optional(n, p, "node_names", [&](const auto& c, const auto& cp) {
      net.nodeNames = r_.string(c, cp);
      if (const std::string problem = design::nodeNamePatternProblem(net.nodeNames); !problem.empty())
        r_.fail(c, cp, "'" + net.nodeNames + "'", problem);
    });
  }

  void readOverrides(const YAML::Node& n, const std::string& p, std::map<std::string, design::Override>& out) {
    r_.requireMap(n, p);
    for (const auto& kv : n) {
      const std::string oid = r_.id(kv.first, p);
      const std::string op = YamlReader::join(p, oid);
      if (out.count(oid)) r_.fail(kv.first, op, "'" + oid + "' twice", "each object overridden once");
      design::Override o;
      const YAML::Node& v = kv.second;
      r_.checkKeys(v, op,
                   {"position", "rotation", "type", "model", "units", "feed_a", "feed_b", "cdu", "air_handler",
                    "fed_by", "rejects_to", "removed"});
      o.where = where(v, op);
      r_.optional(v, op, "position", [&](const auto& c, const auto& cp) { o.position = vec(c, cp); });
      r_.optional(v, op, "rotation", [&](const auto& c, const auto& cp) {
        o.rotation = r_.number(c, cp, -model::kMaxRotation, model::kMaxRotation);
      });
      r_.optional(v, op, "type", [&](const auto& c, const auto& cp) { o.type = r_.id(c, cp); });
      r_.optional(v, op, "model", [&](const auto& c, const auto& cp) { o.type = r_.id(c, cp); });
      r_.optional(v, op, "units", [&](const auto& c, const auto& cp) {
        o.units = static_cast<int>(r_.integer(c, cp, 1, model::kMaxUnits));
      });
      // "" clears a feed (an unfed rack is a finding, not a load error), as for feed_b.
      r_.optional(v, op, "feed_a", [&](const auto& c, const auto& cp) { o.feedA = r_.string(c, cp); });
      r_.optional(v, op, "feed_b", [&](const auto& c, const auto& cp) { o.feedB = r_.string(c, cp); });
      r_.optional(v, op, "cdu", [&](const auto& c, const auto& cp) { o.cdu = r_.string(c, cp); });
      r_.optional(v, op, "air_handler", [&](const auto& c, const auto& cp) { o.airHandler = r_.string(c, cp); });
      r_.optional(v, op, "fed_by", [&](const auto& c, const auto& cp) { o.fedBy = r_.idList(c, cp); });
      r_.optional(v, op, "rejects_to", [&](const auto& c, const auto& cp) { o.rejectsTo = r_.idList(c, cp); });
      r_.optional(v, op, "removed", [&](const auto& c, const auto& cp) { o.removed = r_.boolean(c, cp); });
      out[oid] = std::move(o);
    }
  }

  // Only the shape of each variant is checked here (a name, known sections): the base design loads
  // whatever its variants hold, and a variant is checked in full when it is loaded ("file#name").
  void readVariants(const YAML::Node& n, std::vector<design::VariantSpec>& out) {
    const std::string p = "variants";
    r_.requireMap(n, p);
    for (const auto& kv : n) {
      design::VariantSpec v;
      v.name = r_.id(kv.first, p);
      const std::string vp = YamlReader::join(p, v.name);
      for (const auto& other : out)
        if (other.name == v.name) r_.fail(kv.first, vp, "variant '" + v.name + "' twice", "each name once");
      checkVariantKeys(r_, kv.second, vp);
      v.where = where(kv.second, vp);
      YAML::Emitter e;
      e.SetIndent(2);
      e << YAML::BeginMap;
      for (const auto& field : kv.second) {
        if (field.first.Scalar() == "description")
          v.description = r_.string(field.second, YamlReader::join(vp, "description"));
        else
          e << YAML::Key << field.first << YAML::Value << field.second;
      }
      e << YAML::EndMap;
      v.yaml = e.c_str();
      out.push_back(std::move(v));
    }
  }

  const YamlReader& r_;
  const catalog::Catalog& base_;
  catalog::Catalog effective_;
};

std::string leadingComment(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind('#', 0) != 0) break;
    out += line + "\n";
  }
  return out;
}

}  // namespace

design::Design loadDesignText(const std::string& text, const std::string& fileName, const catalog::Catalog& catalog,
                              const Limits& limits, const std::string& variant) {
  const YamlReader r{fileName, limits};
  YAML::Node root = r.parseText(text);
  try {
    if (!variant.empty()) applyVariant(root, variant, r);
    DesignReader reader{r, catalog};
    design::Design d = reader.read(root);
    d.headerComment = leadingComment(text);
    d.sourceFile = fileName;
    d.variant = variant;
    // Expanding once checks every reference, id and template size; the Layout itself is not kept.
    design::expand(d, reader.effective(), limits);
    return d;
  } catch (const LoadError& e) {
    if (variant.empty() || e.diagnostic().keyPath.rfind("variants", 0) == 0) throw;
    // The line may be the base design's: say which variant made it wrong.
    Diagnostic d = e.diagnostic();
    d.keyPath = d.keyPath.empty() ? "(variant " + variant + ")" : d.keyPath + " (variant " + variant + ")";
    throw LoadError(d);
  }
}

DesignRef splitDesignRef(const std::string& ref) {
  const auto hash = ref.rfind('#');
  if (hash == std::string::npos || hash + 1 == ref.size() || ref.find('/', hash) != std::string::npos) return {ref, ""};
  std::error_code ec;
  if (std::filesystem::is_regular_file(ref, ec)) return {ref, ""};  // a file whose name holds '#'
  return {ref.substr(0, hash), ref.substr(hash + 1)};
}

design::Design variantOf(const design::Design& d, const std::string& name, const catalog::Catalog& catalog) {
  const std::string file = (d.sourceFile.empty() ? std::string("the design") : d.sourceFile) + " (as edited)";
  design::Design v = loadDesignText(designToYaml(d), file, catalog, {}, name);
  v.sourceFile = d.sourceFile;
  v.headerComment = d.headerComment;
  return v;
}

std::string designLabel(const design::Design& d) {
  return d.variant.empty() ? d.sourceFile : d.sourceFile + "#" + d.variant;
}

design::Design loadDesign(const std::string& ref, const catalog::Catalog& catalog, const Limits& limits) {
  const auto [path, variant] = splitDesignRef(ref);
  return loadDesignText(readBounded(path, limits.maxFileBytes, "a design file"), path, catalog, limits, variant);
}

}  // namespace gigaplan::io
