// Catalog YAML reading: one field table per kind of entry, shared by the catalog files and by a
// design's local overrides, so both accept exactly the same keys and units.
#include "core/catalog/catalog_loader.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <vector>

#include "core/base/text.h"
#include "core/units/rates.h"

namespace gigaplan::catalog {
namespace {

using io::YamlReader;
using units::Dimension;
using Reader = const YamlReader&;

template <class T>
struct Field {
  std::string_view key;
  std::function<void(T&, const YAML::Node&, Reader, const std::string&)> read;
  bool required = false;
};

template <class T>
Field<T> quantity(std::string_view key, double T::*m, Dimension d, double min, double max, bool req = false) {
  return {key, [=](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.*m = r.quantity(n, p, d, min, max); },
          req};
}
template <class T>
Field<T> number(std::string_view key, double T::*m, double min, double max, bool req = false) {
  return {key, [=](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.*m = r.number(n, p, min, max); },
          req};
}
template <class T>
Field<T> whole(std::string_view key, int T::*m, int min, int max, bool req = false) {
  return {key,
          [=](T& t, const YAML::Node& n, Reader r, const std::string& p) {
            t.*m = static_cast<int>(r.integer(n, p, min, max));
          },
          req};
}
template <class T>
Field<T> text(std::string_view key, std::string T::*m, bool req = false) {
  return {key, [=](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.*m = r.string(n, p); }, req};
}
template <class T, class E>
Field<T> enumeration(std::string_view key, E T::*m, std::initializer_list<std::string_view> names, bool req = false) {
  std::vector<std::string_view> copy(names);
  return {
      key,
      [=](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.*m = static_cast<E>(r.choice(n, p, copy)); },
      req};
}
template <class T>
void addProvenance(std::vector<Field<T>>& f) {
  f.push_back({"source",
               [](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.provenance.source = r.string(n, p); },
               true});
  f.push_back({"grade",
               [](T& t, const YAML::Node& n, Reader r, const std::string& p) {
                 t.provenance.grade = r.string(n, p);
                 static const std::set<std::string> grades{"V", "S", "E", "U", "P", "V/S", "V/U", "S/E", "S/U", "V/P"};
                 if (!grades.count(t.provenance.grade))
                   r.fail(n, p, YamlReader::describe(n), "a grade: V, S, E, U or P");
               },
               true});
  f.push_back(
      {"note", [](T& t, const YAML::Node& n, Reader r, const std::string& p) { t.provenance.note = r.string(n, p); }});
}
template <class T>
void addFootprint(std::vector<Field<T>>& f) {
  f.push_back(quantity<T>("width", &T::width, Dimension::Length, 0.05, 500));
  f.push_back(quantity<T>("depth", &T::depth, Dimension::Length, 0.05, 500));
  f.push_back(quantity<T>("height", &T::height, Dimension::Length, 0.05, 200));
}

const std::vector<Field<Gpu>>& gpuFields() {
  static const auto fields = [] {
    std::vector<Field<Gpu>> f{
        text<Gpu>("name", &Gpu::name, true),
        text<Gpu>("vendor", &Gpu::vendor),
        quantity<Gpu>("bf16", &Gpu::bf16, Dimension::Compute, 1e12, 1e17, true),
        quantity<Gpu>("fp8", &Gpu::fp8, Dimension::Compute, 1e12, 1e17),
        quantity<Gpu>("fp4", &Gpu::fp4, Dimension::Compute, 1e12, 1e17),
        quantity<Gpu>("fp16", &Gpu::fp16, Dimension::Compute, 1e12, 1e17),
        quantity<Gpu>("tf32", &Gpu::tf32, Dimension::Compute, 1e12, 1e17),
        quantity<Gpu>("hbm", &Gpu::hbm, Dimension::DataSize, 1e9, 1e13, true),
        quantity<Gpu>("hbm_bandwidth", &Gpu::hbmBandwidth, Dimension::DataRate, 1e9, 1e14, true),
        quantity<Gpu>("tdp", &Gpu::tdp, Dimension::Power, 10, 1e5, true),
        quantity<Gpu>("scale_up_bandwidth", &Gpu::scaleUpBandwidth, Dimension::DataRate, 1e8, 1e14),
        whole<Gpu>("scale_up_domain", &Gpu::scaleUpDomain, 1, 100000),
        quantity<Gpu>("nic", &Gpu::nicRate, Dimension::DataRate, 1e8, 1e13),
        quantity<Gpu>("idle_power", &Gpu::idlePower, Dimension::Power, 1, 1e5),
        quantity<Gpu>("comm_power", &Gpu::commPower, Dimension::Power, 1, 1e5),
    };
    addProvenance(f);
    return f;
  }();
  return fields;
}

const std::vector<Field<RackType>>& rackFields() {
  static const auto fields = [] {
    std::vector<Field<RackType>> f{
        text<RackType>("name", &RackType::name, true),
        enumeration<RackType, RackKind>("kind", &RackType::kind, {"compute", "network", "storage"}, true),
        text<RackType>("gpu", &RackType::gpu),
        whole<RackType>("gpus", &RackType::gpus, 0, 1024),
        whole<RackType>("nodes", &RackType::nodes, 0, 1024),
        whole<RackType>("scale_up_domain", &RackType::scaleUpDomain, 0, 100000),
        quantity<RackType>("power", &RackType::power, Dimension::Power, 0, 5e6, true),
        quantity<RackType>("peak_power", &RackType::peakPower, Dimension::Power, 0, 5e6),
        number<RackType>("liquid_fraction", &RackType::liquidFraction, 0, 1),
        quantity<RackType>("nic", &RackType::nicRate, Dimension::DataRate, 1e8, 1e13),
        quantity<RackType>("mass", &RackType::mass, Dimension::Mass, 0, 1e5),
        whole<RackType>("switch_slots", &RackType::switchSlots, 0, 100),
        quantity<RackType>("storage_bandwidth", &RackType::storageBandwidth, Dimension::DataRate, 0, 1e15),
        quantity<RackType>("storage_capacity", &RackType::storageCapacity, Dimension::DataSize, 0, 1e20),
        quantity<RackType>("shelf_storage", &RackType::shelfStorage, Dimension::Energy, 0, 1e9),
    };
    addFootprint(f);
    addProvenance(f);
    return f;
  }();
  return fields;
}

const std::vector<Field<Switch>>& switchFields() {
  static const auto fields = [] {
    std::vector<Field<Switch>> f{
        text<Switch>("name", &Switch::name, true),
        whole<Switch>("ports", &Switch::ports, 1, 4096, true),
        quantity<Switch>("port_rate", &Switch::portRate, Dimension::DataRate, 1e8, 1e13, true),
        quantity<Switch>("power", &Switch::power, Dimension::Power, 0, 1e5, true),
        whole<Switch>("rack_units", &Switch::rackUnits, 1, 48),
        whole<Switch>("cages", &Switch::cages, 1, 4096),
        text<Switch>("fabric", &Switch::fabric),
    };
    addProvenance(f);
    return f;
  }();
  return fields;
}

const std::vector<Field<CableMedium>>& mediumFields() {
  static const auto fields = [] {
    std::vector<Field<CableMedium>> f{
        text<CableMedium>("name", &CableMedium::name, true),
        enumeration<CableMedium, MediumKind>(
            "kind", &CableMedium::kind, {"passive-copper", "active-copper", "aoc", "multimode", "single-mode"}, true),
        quantity<CableMedium>("rate", &CableMedium::rate, Dimension::DataRate, 1e8, 1e13, true),
        quantity<CableMedium>("max_reach", &CableMedium::maxReach, Dimension::Length, 0.1, 1e5, true),
        quantity<CableMedium>("transceiver_power", &CableMedium::transceiverPower, Dimension::Power, 0, 1000),
        whole<CableMedium>("transceivers_per_link", &CableMedium::transceiversPerLink, 0, 4),
    };
    addProvenance(f);
    return f;
  }();
  return fields;
}

// "25 %: 95.2 %, 50 %: 96.5 %, 75 %: 96.8 %, 100 %: 96.7 %": load → efficiency pairs, one scalar so
// that a design's override reads exactly like the catalog.
Field<PowerGear> efficiencyCurve() {
  return {"efficiency_curve", [](PowerGear& g, const YAML::Node& n, Reader r, const std::string& p) {
            const std::string text = r.string(n, p);
            const std::string expected =
                "load: efficiency pairs by rising load, e.g. \"25 %: 95.2 %, 50 %: 96.5 %, 100 %: 96.7 %\"";
            std::vector<EfficiencyPoint> curve;
            std::size_t start = 0;
            while (start <= text.size()) {
              const std::size_t end = std::min(text.find(',', start), text.size());
              const std::string pair(base::trimBlanks(std::string_view(text).substr(start, end - start)));
              const std::size_t colon = pair.find(':');
              if (colon == std::string::npos) r.fail(n, p, "'" + pair + "' (no ':')", expected);
              const std::string loadText(base::trimBlanks(std::string_view(pair).substr(0, colon)));
              const std::string effText(base::trimBlanks(std::string_view(pair).substr(colon + 1)));
              const auto load = units::parse(loadText, Dimension::Dimensionless);
              const auto eff = units::parse(effText, Dimension::Dimensionless);
              if (!load || !eff) r.fail(n, p, "'" + pair + "'", expected);
              if (load.value <= 0 || load.value > 2)
                r.fail(n, p, "a load of '" + loadText + "'", "a load above 0 and at most 200 %");
              if (eff.value < 0.5 || eff.value > 1)
                r.fail(n, p, "an efficiency of '" + effText + "'", "an efficiency from 50 % to 100 %");
              if (!curve.empty() && load.value <= curve.back().load)
                r.fail(n, p, "'" + pair + "' after a load as high", expected);
              curve.push_back({load.value, eff.value});
              start = end + 1;
            }
            if (curve.size() < 2)
              r.fail(n, p, "'" + text + "' (" + std::to_string(curve.size()) + " point)",
                     "at least two points; " + expected);
            g.efficiencyCurve = std::move(curve);
          }};
}

// "7 MW/min": a generator's ramp rate (units/rates.h), stored in W/s.
Field<PowerGear> rampRate() {
  return {"ramp_rate", [](PowerGear& g, const YAML::Node& n, Reader r, const std::string& p) {
            const std::string text = r.string(n, p);
            const units::ParseResult v = units::parsePowerRamp(text);
            if (!v || v.value <= 0) r.fail(n, p, "'" + text + "'", "a power ramp above zero such as 7 MW/min");
            g.rampRate = v.value;
          }};
}

const std::vector<Field<PowerGear>>& powerFields() {
  static const auto fields = [] {
    std::vector<Field<PowerGear>> f{
        text<PowerGear>("name", &PowerGear::name, true),
        enumeration<PowerGear, PowerGearKind>(
            "kind", &PowerGear::kind,
            {"substation", "transformer", "switchboard", "ups", "busway", "pdu", "generator", "battery"}, true),
        quantity<PowerGear>("rating", &PowerGear::rating, Dimension::Power, 1, 1e11, true),
        number<PowerGear>("rating_power_factor", &PowerGear::ratingPowerFactor, 0.5, 1),
        number<PowerGear>("efficiency", &PowerGear::efficiency, 0.5, 1),
        efficiencyCurve(),
        quantity<PowerGear>("energy", &PowerGear::energy, Dimension::Energy, 0, 1e15),
        quantity<PowerGear>("voltage_in", &PowerGear::voltageIn, Dimension::Voltage, 0, 1e6),
        quantity<PowerGear>("voltage_out", &PowerGear::voltageOut, Dimension::Voltage, 0, 1e6),
        number<PowerGear>("co2_per_kwh", &PowerGear::co2PerKwh, 0, 3),
        quantity<PowerGear>("response_time", &PowerGear::responseTime, Dimension::Time, 0, 3600),
        number<PowerGear>("round_trip_efficiency", &PowerGear::roundTripEfficiency, 0.5, 1),
        rampRate(),
        number<PowerGear>("min_load", &PowerGear::minLoad, 0, 1),
    };
    addFootprint(f);
    addProvenance(f);
    return f;
  }();
  return fields;
}

// eir_curve: [a, b, c, d, e, f, x_min, x_max, y_min, y_max] (see catalog::ChillerCurve).
void readChillerCurve(CoolingGear& g, const YAML::Node& n, Reader r, const std::string& p) {
  r.requireSequence(n, p);
  if (n.size() != 10)
    r.fail(n, p, std::to_string(n.size()) + " numbers",
           "10 numbers: a, b, c, d, e, f, then the fitted ranges x_min, x_max (chilled water, °C), y_min, y_max "
           "(condenser, °C)");
  std::array<double, 10> v{};
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = r.number(n[i], YamlReader::index(p, i), -1e3, 1e3);
  if (v[6] >= v[7] || v[8] >= v[9])
    r.fail(n, p,
           "ranges [" + units::shortest(v[6]) + ", " + units::shortest(v[7]) + "] and [" + units::shortest(v[8]) +
               ", " + units::shortest(v[9]) + "]",
           "x_min < x_max and y_min < y_max");
  g.eirCurve = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]};
}

const std::vector<Field<CoolingGear>>& coolingFields() {
  static const auto fields = [] {
    std::vector<Field<CoolingGear>> f{
        text<CoolingGear>("name", &CoolingGear::name, true),
        enumeration<CoolingGear, CoolingGearKind>(
            "kind", &CoolingGear::kind, {"cdu", "chiller", "dry-cooler", "cooling-tower", "air-handler"}, true),
        quantity<CoolingGear>("capacity", &CoolingGear::capacity, Dimension::Power, 1, 1e10, true),
        quantity<CoolingGear>("own_power", &CoolingGear::ownPower, Dimension::Power, 0, 1e9),
        number<CoolingGear>("cop", &CoolingGear::cop, 0, 100),
        quantity<CoolingGear>("approach", &CoolingGear::approach, Dimension::Temperature, 0, 50),
        number<CoolingGear>("water_per_kwh", &CoolingGear::waterPerKwh, 0, 100),
        quantity<CoolingGear>("dry_switchover", &CoolingGear::drySwitchover, Dimension::Temperature, 1, 60),
        number<CoolingGear>("pad_effectiveness", &CoolingGear::padEffectiveness, 0, 1),
        quantity<CoolingGear>("max_ambient", &CoolingGear::maxAmbient, Dimension::Temperature, -60, 80),
        enumeration<CoolingGear, Condenser>("condenser", &CoolingGear::condenser, {"air", "water"}),
        quantity<CoolingGear>("chilled_water", &CoolingGear::chilledWater, Dimension::Temperature, -10, 40),
        {"eir_curve", readChillerCurve},
    };
    addFootprint(f);
    addProvenance(f);
    return f;
  }();
  return fields;
}

// Rules across the fields of one entry, checked once all its fields are read — in a catalog file
// and, on the entry as changed, in a design's overrides. An empty key means the entry is sound.
struct EntryProblem {
  std::string key, found, expected;
};

template <class T>
EntryProblem crossCheck(const T&) {
  return {};
}

// Capacity is checked at the peak: a peak below the design load would check it at the lower figure.
EntryProblem crossCheck(const RackType& r) {
  if (r.peakPower > 0 && r.peakPower < r.power)
    return {"peak_power",
            units::format(r.peakPower, Dimension::Power) + ", below power " + units::format(r.power, Dimension::Power),
            "a peak_power of at least power (capacity is checked at the peak)"};
  return {};
}

// The power states order as the GPU works harder: idle ≤ communication-bound ≤ busy (the TDP).
EntryProblem crossCheck(const Gpu& g) {
  const auto w = [](double v) { return units::format(v, Dimension::Power); };
  if (g.commPower > 0 && g.commPower > g.tdp)
    return {"comm_power", w(g.commPower) + ", above tdp " + w(g.tdp), "a comm_power of at most tdp"};
  if (g.idlePower > 0 && g.idlePower > (g.commPower > 0 ? g.commPower : g.tdp))
    return {"idle_power",
            w(g.idlePower) + ", above " + (g.commPower > 0 ? "comm_power " + w(g.commPower) : "tdp " + w(g.tdp)),
            "an idle_power of at most comm_power and tdp"};
  return {};
}

// Response figures belong to the gear that has them: a battery's response and round trip, a
// generator's ramp and minimum load.
EntryProblem crossCheck(const PowerGear& g) {
  const bool battery = g.kind == PowerGearKind::Battery, generator = g.kind == PowerGearKind::Generator;
  const std::string kind(toString(g.kind));
  if (!battery && g.responseTime > 0)
    return {"response_time", "response_time on a " + kind, "response_time only on batteries"};
  if (!battery && g.roundTripEfficiency > 0)
    return {"round_trip_efficiency", "round_trip_efficiency on a " + kind, "round_trip_efficiency only on batteries"};
  if (!generator && g.rampRate > 0) return {"ramp_rate", "ramp_rate on a " + kind, "ramp_rate only on generators"};
  if (!generator && g.minLoad > 0) return {"min_load", "min_load on a " + kind, "min_load only on generators"};
  const bool currentLimited =
      g.kind == PowerGearKind::Busway || g.kind == PowerGearKind::Switchboard || g.kind == PowerGearKind::Pdu;
  if (!currentLimited && g.ratingPowerFactor > 0)
    return {"rating_power_factor", "rating_power_factor on a " + kind,
            "rating_power_factor only on busways, switchboards and PDUs (transformers and substations are rated in "
            "MVA, the rest in real power)"};
  return {};
}

// A chiller's condenser heat goes to ambient (air) or down its rejects_to (water); unstated, the
// engine could not tell whether a chiller with no rejects_to has a path to ambient.
EntryProblem crossCheck(const CoolingGear& c) {
  if (c.kind == CoolingGearKind::Chiller && c.condenser == Condenser::Unstated)
    return {"condenser", "no 'condenser' for a chiller",
            "condenser: air (rejects to ambient) or water (rejects to towers or dry coolers)"};
  if (c.kind != CoolingGearKind::Chiller && c.condenser != Condenser::Unstated)
    return {"condenser", "a condenser on a " + std::string(toString(c.kind)), "condenser only on chillers"};
  if (c.kind != CoolingGearKind::Chiller && !c.eirCurve.empty())
    return {"eir_curve", "an eir_curve on a " + std::string(toString(c.kind)), "eir_curve only on chillers"};
  if (c.drySwitchover != 0 && (c.kind != CoolingGearKind::DryCooler || c.waterPerKwh <= 0))
    return {"dry_switchover",
            "dry_switchover on a " + std::string(toString(c.kind)) +
                (c.kind == CoolingGearKind::DryCooler ? " without water_per_kwh" : ""),
            "dry_switchover only on dry coolers with adiabatic assist (water_per_kwh)"};
  if (c.padEffectiveness != 0 && (c.kind != CoolingGearKind::DryCooler || c.waterPerKwh <= 0))
    return {"pad_effectiveness",
            "pad_effectiveness on a " + std::string(toString(c.kind)) +
                (c.kind == CoolingGearKind::DryCooler ? " without water_per_kwh" : ""),
            "pad_effectiveness only on dry coolers with adiabatic assist (water_per_kwh)"};
  if (c.kind != CoolingGearKind::Chiller && c.chilledWater != 0)
    return {"chilled_water", "chilled_water on a " + std::string(toString(c.kind)), "chilled_water only on chillers"};
  return {};
}

// Fails at the offending key of `entry` when it is written there, else at the entry.
template <class T>
void checkEntry(const T& item, const YAML::Node& entry, Reader r, const std::string& path) {
  const EntryProblem p = crossCheck(item);
  if (p.key.empty()) return;
  const YAML::Node at = entry[p.key];
  r.fail(at ? at : entry, YamlReader::join(path, p.key), p.found, p.expected);
}

template <class T>
const Field<T>* findField(const std::vector<Field<T>>& fields, std::string_view key) {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

// `keys`, then the key of each of `fields`: the keys an entry may have, for an unknown key's error.
template <class T>
std::vector<std::string_view> fieldKeys(std::vector<std::string_view> keys, const std::vector<Field<T>>& fields) {
  keys.reserve(keys.size() + fields.size());
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

// Reads `section: [ {id: ..., field: ...}, ... ]` into map `out`.
template <class T>
void readSection(const YAML::Node& list, Reader r, const std::string& path, const std::vector<Field<T>>& fields,
                 std::map<std::string, T>& out) {
  r.requireSequence(list, path);
  std::set<std::string> inThisFile;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node e = list[i];
    const std::string ep = YamlReader::index(path, i);
    r.requireMap(e, ep);
    T item;
    item.id = r.id(r.require(e, ep, "id"), YamlReader::join(ep, "id"));
    if (!inThisFile.insert(item.id).second) {
      r.fail(e["id"], YamlReader::join(ep, "id"), "'" + item.id + "' a second time", "a unique id");
    }
    std::set<std::string_view> given;
    for (const auto& kv : e) {
      const std::string key = r.string(kv.first, ep);
      if (key == "id") continue;
      const Field<T>* f = findField(fields, key);
      if (!f) r.failUnknownKey(kv.first, ep, key, fieldKeys({"id"}, fields));
      if (!given.insert(f->key).second)
        r.fail(kv.first, YamlReader::join(ep, key), "key '" + key + "' twice", "each key once");
      f->read(item, kv.second, r, YamlReader::join(ep, key));
    }
    for (const auto& f : fields) {
      if (f.required && !given.count(f.key)) {
        r.fail(e, YamlReader::join(ep, f.key), "no '" + std::string(f.key) + "'",
               "a value for '" + std::string(f.key) + "'");
      }
    }
    checkEntry(item, e, r, ep);
    out[item.id] = std::move(item);
  }
}

void readEfficiency(const YAML::Node& node, Reader r, const std::string& path, Catalog& cat) {
  r.requireMap(node, path);
  for (const auto& kv : node) {
    const std::string gpuId = r.id(kv.first, path);
    const std::string gp = YamlReader::join(path, gpuId);
    auto it = cat.gpus.find(gpuId);
    if (it == cat.gpus.end()) r.fail(kv.first, gp, "'" + gpuId + "'", "the id of a GPU in gpus.yaml");
    r.requireMap(kv.second, gp);
    bool sourced = false;
    for (const auto& p : kv.second) {
      const std::string key = r.string(p.first, gp);
      if (key == "source") {
        sourced = !r.string(p.second, YamlReader::join(gp, key)).empty();
      } else if (key == "note" || key == "grade") {
        r.string(p.second, YamlReader::join(gp, key));
      } else {
        it->second.efficiency[key] = r.number(p.second, YamlReader::join(gp, key), -1e6, 1e6);
      }
    }
    if (!sourced) r.fail(kv.second, YamlReader::join(gp, "source"), "no 'source'", "the origin of these parameters");
  }
}

constexpr std::string_view kSections[] = {"gpus",       "racks",        "switches",      "media",
                                          "power_gear", "cooling_gear", "gpu_efficiency"};

template <class T>
void applyOverrideFields(T& item, const std::map<std::string, std::string>& fields,
                         const std::vector<Field<T>>& table) {
  const YamlReader r{"<override>"};
  for (const auto& [key, value] : fields) {
    if (const Field<T>* f = findField(table, key)) f->read(item, YAML::Node(value), r, key);
  }
}

template <class T>
void readOverrideSection(const YAML::Node& node, Reader r, const std::string& path, const std::vector<Field<T>>& table,
                         const std::map<std::string, T>& base,
                         std::map<std::string, std::map<std::string, std::string>>& out) {
  r.requireMap(node, path);
  for (const auto& kv : node) {
    const std::string entryId = r.id(kv.first, path);
    const std::string ep = YamlReader::join(path, entryId);
    r.requireMap(kv.second, ep);
    const auto existing = base.find(entryId);
    const bool isNew = existing == base.end();
    T scratch = isNew ? T{} : existing->second;  // the entry as this design changes it
    std::set<std::string_view> given;
    auto& fields = out[entryId];
    for (const auto& fv : kv.second) {
      const std::string key = r.string(fv.first, ep);
      const Field<T>* f = findField(table, key);
      if (!f) r.failUnknownKey(fv.first, ep, key, fieldKeys({}, table));
      if (!given.insert(f->key).second)
        r.fail(fv.first, YamlReader::join(ep, key), "key '" + key + "' twice", "each key once");
      f->read(scratch, fv.second, r, YamlReader::join(ep, key));  // validates the value and its unit
      fields[key] = fv.second.Scalar();
    }
    if (isNew) {
      for (const auto& f : table) {
        if (f.required && !given.count(f.key)) {
          r.fail(kv.second, YamlReader::join(ep, f.key),
                 "no '" + std::string(f.key) + "' for new entry '" + entryId + "'",
                 "a value for '" + std::string(f.key) + "' (an id not in the catalog defines a new entry)");
        }
      }
    }
    checkEntry(scratch, kv.second, r, ep);
  }
}

}  // namespace

void loadFile(const std::string& path, Catalog& into) {
  const YamlReader r{path};
  const YAML::Node root = r.parseFile(path, "a catalog file");
  if (!root.IsDefined() || root.IsNull()) return;
  r.checkKeys(root, "",
              {kSections[0], kSections[1], kSections[2], kSections[3], kSections[4], kSections[5], kSections[6]});
  if (auto n = root["gpus"]) readSection(n, r, "gpus", gpuFields(), into.gpus);
  if (auto n = root["racks"]) readSection(n, r, "racks", rackFields(), into.racks);
  if (auto n = root["switches"]) readSection(n, r, "switches", switchFields(), into.switches);
  if (auto n = root["media"]) readSection(n, r, "media", mediumFields(), into.media);
  if (auto n = root["power_gear"]) readSection(n, r, "power_gear", powerFields(), into.powerGear);
  if (auto n = root["cooling_gear"]) readSection(n, r, "cooling_gear", coolingFields(), into.coolingGear);
  if (auto n = root["gpu_efficiency"]) readEfficiency(n, r, "gpu_efficiency", into);
}

Catalog loadDirectory(const std::string& dir) {
  Catalog cat;
  // Efficiency last: it annotates GPUs defined in gpus.yaml.
  for (const char* name : {"gpus.yaml", "racks.yaml", "switches.yaml", "media.yaml", "power.yaml", "cooling.yaml",
                           "gpu_efficiency.yaml"}) {
    const std::string path = dir + "/" + name;
    if (std::filesystem::exists(path)) loadFile(path, cat);
  }
  if (cat.gpus.empty() || cat.racks.empty()) {
    throw io::LoadError({dir, 0, 0, "", "no GPUs or rack types", "a catalog folder with gpus.yaml and racks.yaml"});
  }
  // Cross references inside the catalog.
  for (const auto& [id, rack] : cat.racks) {
    if (rack.kind == RackKind::Compute && !cat.gpus.count(rack.gpu)) {
      throw io::LoadError(
          {dir + "/racks.yaml", 0, 0, "racks." + id + ".gpu", "'" + rack.gpu + "'", "the id of a GPU in gpus.yaml"});
    }
  }
  return cat;
}

OverrideTable readOverrides(const YAML::Node& node, Reader r, const std::string& path, const Catalog& base) {
  OverrideTable out;
  r.checkKeys(node, path, {"gpus", "racks", "switches", "media", "power_gear", "cooling_gear"});
  for (const auto& kv : node) {
    const std::string section = kv.first.Scalar();
    const std::string sp = YamlReader::join(path, section);
    auto& target = out[section];
    if (section == "gpus") readOverrideSection(kv.second, r, sp, gpuFields(), base.gpus, target);
    if (section == "racks") readOverrideSection(kv.second, r, sp, rackFields(), base.racks, target);
    if (section == "switches") readOverrideSection(kv.second, r, sp, switchFields(), base.switches, target);
    if (section == "media") readOverrideSection(kv.second, r, sp, mediumFields(), base.media, target);
    if (section == "power_gear") readOverrideSection(kv.second, r, sp, powerFields(), base.powerGear, target);
    if (section == "cooling_gear") readOverrideSection(kv.second, r, sp, coolingFields(), base.coolingGear, target);
  }
  return out;
}

Catalog withOverrides(const Catalog& base, const OverrideTable& overrides) {
  Catalog cat = base;
  auto apply = [&](const char* section, auto& map, const auto& table) {
    auto it = overrides.find(section);
    if (it == overrides.end()) return;
    for (const auto& [entryId, fields] : it->second) {
      auto& item = map[entryId];
      item.id = entryId;
      applyOverrideFields(item, fields, table);
      item.provenance.note += std::string(item.provenance.note.empty() ? "" : "; ") + "changed by this design";
    }
  };
  apply("gpus", cat.gpus, gpuFields());
  apply("racks", cat.racks, rackFields());
  apply("switches", cat.switches, switchFields());
  apply("media", cat.media, mediumFields());
  apply("power_gear", cat.powerGear, powerFields());
  apply("cooling_gear", cat.coolingGear, coolingFields());
  return cat;
}

std::string defaultResourceDir() {
  if (const char* env = std::getenv("GIGAPLAN_RESOURCES"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path() / "../share/gigaplan", exe.parent_path() / "../../resources"}) {
      if (fs::exists(candidate / "catalog" / "gpus.yaml", ec)) return fs::weakly_canonical(candidate, ec).string();
    }
  }
  return GIGAPLAN_DEFAULT_RESOURCE_DIR;
}

}  // namespace gigaplan::catalog
