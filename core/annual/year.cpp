// simulateYear: the plant downstream of the CDUs and air handlers run hour by hour (see year.h).
#include "core/annual/year.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/annual/psychrometrics.h"
#include "core/base/thousands.h"
#include "core/cooling/ambient.h"
#include "core/cooling/cooling_analysis.h"
#include "core/cooling/heat_order.h"
#include "core/io/carbon_reader.h"
#include "core/model/rack_power.h"
#include "core/power/power_graph.h"
#include "core/power/source_split.h"
#include "core/units/units.h"

namespace gigaplan::annual {

using design::CoolingKind;

namespace {

constexpr double kHour = 3600;  // s

bool validUnit(const design::Layout& layout, int u) {
  return u >= 0 && u < static_cast<int>(layout.cooling.size());
}

int validSinks(const design::Layout& layout, const design::CoolingUnit& u) {
  int n = 0;
  for (int s : u.rejectsTo) n += validUnit(layout, s);
  return n;
}

// What an hour's plant pass gives.
struct PlantHour {
  std::vector<double> unitPower;              // W per unit
  double towerWater = 0, adiabaticWater = 0;  // L in the hour
  double throttledHeat = 0, throttledIt = 0;  // W
  double unrejectedHeat = 0;                  // W no throttling at the GPUs removes
  int economising = 0;
};

// Everything that does not change with the weather, computed once.
class Plant {
 public:
  Plant(const design::Design& design, const design::Layout& layout, const engine::Evaluation& e)
      : layout_(layout),
        topology_(cooling::coolingTopology(layout)),
        design_{design.site.ambient, design.site.wetBulb} {
    const std::size_t n = layout.cooling.size();
    recv_.assign(n, 0.0);
    final_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const design::CoolingUnit& u = layout.cooling[i];
      final_[i] =
          validSinks(layout, u) == 0 && (u.kind == CoolingKind::DryCooler || u.kind == CoolingKind::CoolingTower);
    }
    baseHeat(e);
    itRatios();
    rackReach();
    multipliers(design, e);
  }

  const cooling::Ambient& designAir() const { return design_; }
  const std::vector<double>& unitMultiplier() const { return unitMultiplier_; }
  double itMultiplier() const { return itMultiplier_; }

  // The plant at air `now`; `out.unitPower` must hold one slot per unit. Where a dry cooler or
  // tower throttles, the plant is run again with the shed racks' heat taken out upstream (their
  // CDUs, air handlers and chillers carry less): draws and water are that second run's.
  void run(const cooling::Ambient& now, PlantHour& out) {
    const cooling::PlantWeather w{design_, now};
    out.towerWater = out.adiabaticWater = out.throttledHeat = out.throttledIt = out.unrejectedHeat = 0;
    pass(base_, w, now, out, true);
    if (out.throttledIt <= 0) return;
    // Each rack sheds the largest share asked by a unit its heat reaches.
    bool same = !shedBase_.empty();
    for (std::size_t r = 0; r < rackFinals_.size(); ++r) {
      double s = 0;
      for (int i : rackFinals_[r])
        if (itBehind_[i] > 0) s = std::max(s, std::min(1.0, shed_[i] / itBehind_[i]));
      same = same && rackShed_[r] == s;
      rackShed_[r] = s;
    }
    if (!same) {  // hours alike (a constant year) reuse the last reduced heat
      cooling::CoolingDemand left = itDemand_;
      for (std::size_t r = 0; r < left.rackHeat.size(); ++r) left.rackHeat[r] *= 1 - rackShed_[r];
      const std::vector<double> direct = directHeat(left);
      shedBase_.resize(base_.size());
      for (std::size_t j = 0; j < base_.size(); ++j)
        shedBase_[j] = std::max(0.0, base_[j] - (rackDirect_[j] - direct[j]));
    }
    PlantHour second;
    second.unitPower.assign(out.unitPower.size(), 0.0);
    pass(shedBase_, w, now, second, false);
    out.unitPower.swap(second.unitPower);
    out.towerWater = second.towerWater;
    out.adiabaticWater = second.adiabaticWater;
    out.economising = second.economising;
  }

 private:
  // One run of the plant in heat order from `base`; with `throttle`, heat a final unit cannot
  // reject is throttled at the GPUs (shed_ per unit), else it carries what it can.
  void pass(const std::vector<double>& base, const cooling::PlantWeather& w, const cooling::Ambient& now,
            PlantHour& out, bool throttle) {
    std::fill(recv_.begin(), recv_.end(), 0.0);
    out.economising = 0;
    for (int i : topology_.order) {
      const design::CoolingUnit& u = layout_.cooling[i];
      const double heat = base[i] + recv_[i];
      const double capacity = cooling::capacityAt(u, w);
      double cop = u.spec ? u.spec->cop : 0.0;
      if (u.kind == CoolingKind::Chiller) {
        const bool free = cooling::economising(layout_, u, now);
        out.economising += free ? u.units : 0;
        cop = free ? 0.0 : cooling::copAt(layout_, u, w);  // free cooling: the compressor stops
      }
      double carried = heat;
      if (final_[i] && heat > capacity) {  // full fans; the rest is throttled at the GPUs
        carried = capacity;
        if (throttle) {
          // As much IT as it takes, up to every rack whose heat reaches this unit; what is left (the
          // switches', the losses', or more than those racks bring) nothing at the GPUs removes.
          const double deficit = heat - capacity;
          const double shed = std::min(deficit * itRatio_[i], itBehind_[i]);
          shed_[i] = shed;
          out.throttledHeat += deficit;
          out.throttledIt += shed;
          out.unrejectedHeat += itRatio_[i] > 0 ? deficit - shed / itRatio_[i] : deficit;
        }
      } else if (throttle) {
        shed_[i] = 0;
      }
      const cooling::UnitFlow f = cooling::runUnit(u, carried, capacity, cop);
      out.unitPower[i] = f.power;
      if (u.spec && cooling::usesWater(u, carried, now)) {
        const double litres = u.spec->waterPerKwh * carried / 1000.0;  // one hour: W → kWh is / 1000
        (u.kind == CoolingKind::CoolingTower ? out.towerWater : out.adiabaticWater) += litres;
      }
      const int sinks = validSinks(layout_, u);
      for (int s : u.rejectsTo)
        if (validUnit(layout_, s)) recv_[s] += f.passedOn / sinks;
    }
  }

  // Heat reaching each unit directly (not from units upstream) for `demand`, the plant run at its
  // ratings: the evaluation's unit heat less what upstream units pass on.
  std::vector<double> directHeat(const cooling::CoolingDemand& demand) const {
    const cooling::CoolingResult c = cooling::analyzeCooling(layout_, topology_, demand, design_.dryBulb, false);
    return directOf(c.unitHeat);
  }
  std::vector<double> directOf(const std::vector<double>& unitHeat) const {
    const std::size_t n = layout_.cooling.size();
    std::vector<double> received(n, 0.0), direct(n, 0.0);
    for (int i : topology_.order) {
      const design::CoolingUnit& u = layout_.cooling[i];
      const cooling::UnitFlow f = cooling::runUnit(u, unitHeat[i], u.capacity, u.spec ? u.spec->cop : 0.0);
      const int sinks = validSinks(layout_, u);
      for (int s : u.rejectsTo)
        if (validUnit(layout_, s)) received[s] += f.passedOn / sinks;
    }
    for (std::size_t i = 0; i < n; ++i) direct[i] = std::max(0.0, unitHeat[i] - received[i]);
    return direct;
  }

  // The dry coolers and towers each rack's heat reaches (through its CDU and air handler).
  void rackReach() {
    const std::size_t n = layout_.cooling.size();
    const auto addAll = [](std::vector<int>& to, const std::vector<int>& from) {
      for (int f : from)
        if (std::find(to.begin(), to.end(), f) == to.end()) to.push_back(f);
    };
    // Heat order has every unit before its sinks: walk it backwards so sinks are known first (a
    // unit in or below a loop is not in it and reaches none).
    std::vector<std::vector<int>> finals(n);
    for (auto it = topology_.order.rbegin(); it != topology_.order.rend(); ++it) {
      const int i = *it;
      if (final_[i]) finals[i].push_back(i);
      for (int s : layout_.cooling[i].rejectsTo)
        if (validUnit(layout_, s)) addAll(finals[i], finals[s]);
    }
    rackFinals_.assign(layout_.racks.size(), {});
    for (std::size_t r = 0; r < layout_.racks.size(); ++r)
      for (int u : {layout_.racks[r].cdu, layout_.racks[r].airHandler})
        if (validUnit(layout_, u)) addAll(rackFinals_[r], finals[u]);
    rackShed_.assign(layout_.racks.size(), 0.0);
    shed_.assign(n, 0.0);
  }

  // Heat reaching each unit from racks, halls and the core room: the evaluation's unit heat less
  // what upstream units pass on at the design point.
  void baseHeat(const engine::Evaluation& e) { base_ = directOf(e.cooling.unitHeat); }

  // Per unit, the racks' IT behind it and the IT watts to shed per watt of heat it must lose.
  // Shedding a rack removes all of its heat, liquid and air: behind a GB200 hall's air handlers a
  // watt of IT brings only its 13 % air share (and the fans' and compressors' draw on it), so
  // each watt of heat to lose there takes ~8 W of IT. itBehind_ is the IT of the racks whose heat
  // reaches the unit by the path it stands on (air or liquid); itRatio_ that IT over the heat it
  // brings there, draws included (the plant run on the racks' IT alone, which is linear in it).
  void itRatios() {
    cooling::CoolingDemand it;
    it.rackHeat.assign(layout_.racks.size(), 0.0);
    for (std::size_t r = 0; r < layout_.racks.size(); ++r)
      it.rackHeat[r] = model::rackItPower(layout_.racks[r]).nominal;
    const cooling::CoolingResult withDraw = cooling::analyzeCooling(layout_, topology_, it, design_.dryBulb, false);
    itDemand_ = it;
    rackDirect_ = directOf(withDraw.unitHeat);
    // Pure transport of each rack's whole IT along one path: the plant drawing nothing, every rack
    // that sends heat to air (then to liquid) sending all of it there, the others none.
    design::Layout transport = layout_;
    std::map<const catalog::CoolingGear*, catalog::CoolingGear> idle;
    for (design::CoolingUnit& u : transport.cooling) {
      if (!u.spec) continue;
      auto [at, fresh] = idle.try_emplace(u.spec, *u.spec);
      if (fresh) {
        at->second.ownPower = 0;
        at->second.cop = 0;
      }
      u.spec = &at->second;
    }
    itBehind_.assign(layout_.cooling.size(), 0.0);
    for (const bool liquid : {false, true}) {
      cooling::CoolingDemand path = it;
      // This path's rack types; every rack's spec is set afresh (the other path's copies are gone).
      std::map<const catalog::RackType*, catalog::RackType> onePath;
      for (std::size_t r = 0; r < transport.racks.size(); ++r) {
        design::Rack& rack = transport.racks[r];
        const catalog::RackType* spec = layout_.racks[r].spec;
        rack.spec = spec;
        const double fraction = spec ? std::clamp(spec->liquidFraction, 0.0, 1.0) : 0.0;
        if (liquid ? fraction <= 0 : fraction >= 1) {
          path.rackHeat[r] = 0;
          continue;
        }
        if (!spec) continue;  // no spec: all air, as the cooling analysis takes it
        auto [at, fresh] = onePath.try_emplace(spec, *spec);
        if (fresh) at->second.liquidFraction = liquid ? 1.0 : 0.0;
        rack.spec = &at->second;
      }
      const cooling::CoolingResult reach = cooling::analyzeCooling(transport, topology_, path, design_.dryBulb, false);
      for (std::size_t i = 0; i < itBehind_.size(); ++i) itBehind_[i] = std::max(itBehind_[i], reach.unitHeat[i]);
    }
    itRatio_.assign(layout_.cooling.size(), 0.0);
    for (std::size_t i = 0; i < itRatio_.size(); ++i)
      if (withDraw.unitHeat[i] > 0) itRatio_[i] = itBehind_[i] / withDraw.unitHeat[i];
  }

  // W at the meter per W drawn at each node: its in / out at the design point, times its parents'
  // multipliers in the shares the power flow uses.
  void multipliers(const design::Design& design, const engine::Evaluation& e) {
    const power::PowerGraph g = power::buildPowerGraph(layout_, design.site.powerFactor);
    const std::size_t nodes = layout_.power.size();
    std::vector<double> m(nodes, 0.0);
    const power::PowerFlow& flow = e.power.nominal;
    double facility = 0;
    int facilitySources = 0;
    for (int node : g.order) {
      const double out = node < static_cast<int>(flow.out.size()) ? flow.out[node] : 0.0;
      const double in = node < static_cast<int>(flow.in.size()) ? flow.in[node] : 0.0;
      const double ratio = out > 0 ? in / out : g.input(node, 1.0);
      const auto parents = g.supply[node];
      if (parents.empty()) {
        m[node] = g.source[node] ? ratio : 0.0;
        if (g.source[node] && layout_.power[node].kind != design::PowerKind::Battery) {
          facility += m[node];
          ++facilitySources;
        }
        continue;
      }
      double up = 0;
      for (int p : parents) up += g.share(p, parents) * m[p];
      m[node] = ratio * up;
    }
    const double facilityMultiplier = facilitySources > 0 ? facility / facilitySources : 1.0;
    unitMultiplier_.assign(layout_.cooling.size(), facilityMultiplier);
    for (std::size_t i = 0; i < layout_.cooling.size(); ++i) {
      double sum = 0;
      int feeds = 0;
      for (int f : layout_.cooling[i].fedBy)
        if (f >= 0 && f < static_cast<int>(nodes)) {
          sum += m[f];
          ++feeds;
        }
      if (feeds > 0) unitMultiplier_[i] = sum / feeds;
    }
    double weighted = 0, it = 0;
    for (const design::Rack& rack : layout_.racks) {
      const double load = model::rackItPower(rack).nominal;
      double sum = 0;
      int feeds = 0;
      for (int f : {rack.feedA, rack.feedB})
        if (f >= 0 && f < static_cast<int>(nodes)) {
          sum += m[f];
          ++feeds;
        }
      if (feeds == 0 || load <= 0) continue;
      weighted += load * sum / feeds;
      it += load;
    }
    itMultiplier_ = it > 0 ? weighted / it : facilityMultiplier;
  }

  const design::Layout& layout_;
  cooling::CoolingTopology topology_;
  cooling::Ambient design_;
  std::vector<double> base_, itRatio_, itBehind_, recv_, unitMultiplier_;
  // The second run of a throttled hour: the racks' IT alone, its direct heat per unit, the dry
  // coolers and towers each rack reaches, the IT each unit and each rack sheds, the reduced heat.
  cooling::CoolingDemand itDemand_;
  std::vector<double> rackDirect_, shed_, rackShed_, shedBase_;
  std::vector<std::vector<int>> rackFinals_;
  std::vector<char> final_;
  double itMultiplier_ = 1;
};

// The sources that carry the site in steady state, in the split's order (power::SourceSplit).
void sources(const design::Design& design, const design::Layout& layout, const power::SourceSplit& split,
             bool hourlyGrid, YearResult& y) {
  for (const power::SourceSplit::Source& src : split.sources()) {
    const design::PowerNode& node = layout.power[static_cast<std::size_t>(src.node)];
    SourceEnergy s;
    s.id = node.id;
    s.kind = node.kind;
    if (node.kind == design::PowerKind::Grid) s.carbonFactor = hourlyGrid ? 0 : design.site.gridCarbon;
    if (node.kind == design::PowerKind::Generator && node.spec) s.carbonFactor = node.spec->co2PerKwh;
    if (node.kind == design::PowerKind::Battery) s.carbonFactor = 0;  // stores energy, burns nothing
    y.sources.push_back(s);
  }
}

void notes(const design::Design& design, const design::Layout& layout, YearResult& y) {
  std::map<std::string, int> noCurve, noApproach, noSetpoint, airCooled, dryAlways;
  for (const design::CoolingUnit& u : layout.cooling) {
    if (!u.spec) continue;
    if (u.kind == CoolingKind::Chiller) {
      y.chillers += u.units;
      if (u.spec->eirCurve.empty()) noCurve[u.model] += u.units;
      if (u.spec->condenser == catalog::Condenser::Water && u.spec->chilledWater == 0) noSetpoint[u.model] += u.units;
      if (u.spec->condenser == catalog::Condenser::Air) airCooled[u.model] += u.units;
    }
    if (u.kind == CoolingKind::DryCooler && u.spec->waterPerKwh > 0 && u.spec->drySwitchover == 0)
      dryAlways[u.model] += u.units;
    if ((u.kind == CoolingKind::DryCooler || u.kind == CoolingKind::CoolingTower) && u.spec->approach <= 0)
      noApproach[u.model] += u.units;
  }
  for (const auto& [model, n] : noCurve)
    y.notes.push_back("COP of " + base::thousands(n) + (n == 1 ? " chiller" : " chillers") + " (" + model +
                      ") held at its catalog figure: its entry has no eir_curve");
  for (const auto& [model, n] : noSetpoint)
    y.notes.push_back(base::thousands(n) + (n == 1 ? " chiller" : " chillers") + " (" + model +
                      ") never on free cooling: its entry has no chilled_water setpoint");
  for (const auto& [model, n] : airCooled)
    y.notes.push_back(base::thousands(n) + (n == 1 ? " air-cooled chiller" : " air-cooled chillers") + " (" + model +
                      ") never on free cooling: the year model economises water-cooled chillers only (no "
                      "air-side economiser)");
  for (const auto& [model, n] : dryAlways)
    y.notes.push_back(base::thousands(n) + " " + model + (n == 1 ? " unit" : " units") +
                      " counted as spraying every hour: its entry has no dry_switchover");
  for (const auto& [model, n] : noApproach)
    y.notes.push_back("Capacity of " + base::thousands(n) + " " + model + (n == 1 ? " unit" : " units") +
                      " not derated with ambient: its entry has no approach");
  if (y.leapDayDropped) y.notes.push_back("Leap-year weather: 29 February left out (a 365-day year)");
  std::vector<std::string> grid, generators;
  for (const SourceEnergy& s : y.sources) {
    if (s.carbonFactor >= 0) continue;
    y.carbonComplete = false;
    (s.kind == design::PowerKind::Grid ? grid : generators).push_back(s.id);
  }
  const auto list = [](const std::vector<std::string>& ids, const char* one, const char* many) {
    std::string s = base::thousands(static_cast<long long>(ids.size())) + " " + (ids.size() == 1 ? one : many) + " (";
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) s += (i ? ", " : "") + ids[i];
    return s + (ids.size() > 3 ? ", …)" : ")");
  };
  if (!grid.empty())
    y.notes.push_back("No carbon for " + list(grid, "grid connection", "grid connections") +
                      ": set site.grid_carbon (kg/kWh)");
  if (!generators.empty())
    y.notes.push_back("No carbon for " + list(generators, "generator", "generators") +
                      ": their catalog entries have no co2_per_kwh");
  if (design.site.energyPrice < 0 && design.site.energyTariff.empty())
    y.notes.push_back("No cost: set site.energy_price (per MWh) or site.energy_tariff (time-of-use periods)");
}

// Adds `share` of hour `h` (1: all of it) to a period.
void add(PeriodFigures& p, const HourFigures& h, double lostGpuHours, double share = 1) {
  ++p.hours;
  p.energy += h.facility * kHour * share;
  p.itEnergy += (h.it + h.network) * kHour * share;
  p.coolingEnergy += h.cooling * kHour * share;
  p.carbon += h.carbon * share;
  p.cost += h.cost * share;
  p.lostGpuHours += lostGpuHours * share;
  p.throttledHours += h.throttledIt > 0 || h.throttledHeat > 0;
  p.unrejectedHours += h.unrejectedHeat > 0;
  p.worstUnrejected = std::max(p.worstUnrejected, h.unrejectedHeat);
  p.worstPue = std::max(p.worstPue, h.pue);
}

// GPU-hours an hour loses to throttling.
double lostGpuHours(const HourFigures& h, const YearResult& y) {
  const double it = h.it + h.throttledIt;
  return it > 0 ? h.throttledIt / it * static_cast<double>(y.gpus) : 0;
}

}  // namespace

YearResult simulateYear(const design::Design& design, const design::Layout& layout, const engine::Evaluation& e,
                        const io::WeatherYear& weather, const std::vector<double>& gridCarbonHourly) {
  YearResult y;
  y.weatherFile = weather.file;
  y.location = weather.location;
  y.leapDayDropped = weather.leapDayDropped;
  y.gpus = e.compute.gpus;
  const bool hourlyGrid = !gridCarbonHourly.empty();
  const power::SourceSplit split(layout, e.power.nominal);
  std::vector<double> carried;  // W per source in the hour
  int minimumLoadHours = 0;     // hours a generator runs at its minimum load, above its share
  sources(design, layout, split, hourlyGrid, y);
  notes(design, layout, y);
  y.hasPrice = design.site.energyPrice >= 0 || !design.site.energyTariff.empty();
  y.hasTariff = !design.site.energyTariff.empty();
  const std::vector<design::TariffPeriod>& tariff = design.site.energyTariff;
  const bool byDay = std::any_of(tariff.begin(), tariff.end(), [](const design::TariffPeriod& t) {
    return t.days != design::TariffPeriod::Days::All;
  });
  if (!tariff.empty())
    y.notes.push_back("Energy priced by a time-of-use tariff of " +
                      base::counted(static_cast<std::int64_t>(tariff.size()), "period") + " (site.energy_tariff)" +
                      (byDay && weather.firstWeekday < 0
                           ? "; the weather file does not say which weekday 1 January is, so weeks start on a Monday"
                           : ""));
  const int firstWeekday = std::max(0, weather.firstWeekday);  // 0 = Monday

  Plant plant(design, layout, e);
  const std::size_t units = layout.cooling.size();
  PlantHour reference, hour;
  reference.unitPower.assign(units, 0.0);
  hour.unitPower.assign(units, 0.0);
  plant.run(plant.designAir(), reference);
  const std::vector<double>& multiplier = plant.unitMultiplier();

  y.hours.reserve(weather.hours.size());
  for (const io::WeatherHour& w : weather.hours) {
    HourFigures h;
    h.month = w.month;
    h.day = w.day;
    h.hour = w.hour;
    h.dryBulb = w.dryBulb;
    h.wetBulb = wetBulb(w.dryBulb, w.dewPoint, w.pressure);
    plant.run({h.dryBulb, h.wetBulb}, hour);
    // Only the change from the design point is added, so an hour at the design point is the
    // instant evaluation bit for bit.
    double coolingChange = 0, meterChange = 0;
    for (std::size_t i = 0; i < units; ++i) {
      const double change = hour.unitPower[i] - reference.unitPower[i];
      coolingChange += change;
      meterChange += change * multiplier[i];
    }
    h.throttledHeat = hour.throttledHeat - reference.throttledHeat;
    h.throttledIt = std::min(e.power.it, hour.throttledIt - reference.throttledIt);
    h.unrejectedHeat = std::max(0.0, hour.unrejectedHeat - reference.unrejectedHeat);
    if (h.throttledIt <= 0) h.throttledIt = 0;
    if (h.throttledIt <= 0 && h.unrejectedHeat <= 0) h.throttledHeat = 0;
    h.it = e.power.it - h.throttledIt;
    h.network = e.power.network;
    h.cooling = e.power.cooling + coolingChange;
    h.facility = e.power.facility + meterChange - h.throttledIt * plant.itMultiplier();
    h.pue = h.it + h.network > 0 ? h.facility / (h.it + h.network) : 0;
    h.water = hour.towerWater + hour.adiabaticWater;
    h.chillersEconomising = hour.economising;

    const double kwh = h.facility * kHour / 3.6e6;
    double carbon = 0;
    const std::size_t index = y.hours.size();
    split.carry(h.facility, carried);
    for (std::size_t k = 0; k < y.sources.size(); ++k) {
      SourceEnergy& s = y.sources[k];
      s.energy += carried[k] * kHour;
      const double factor = hourlyGrid && s.kind == design::PowerKind::Grid
                                ? gridCarbonHourly[std::min(index, gridCarbonHourly.size() - 1)]
                                : s.carbonFactor;
      if (factor > 0) {
        const double kg = carried[k] * kHour / 3.6e6 * factor;
        s.carbon += kg;
        carbon += kg;
      }
    }
    h.carbon = carbon;
    minimumLoadHours += split.heldAtMinimum(h.facility);
    if (!tariff.empty()) {
      // The calendar day: a leap year's 29 February was dropped, so March on is one day later.
      const int day = static_cast<int>(index / 24) + (weather.leapDayDropped && w.month >= 3 ? 1 : 0);
      const bool weekend = (firstWeekday + day) % 7 >= 5;  // Saturday, Sunday
      h.cost =
          kwh / 1000 * design::tariffPrice(tariff, std::clamp(w.month, 1, 12), std::clamp(w.hour - 1, 0, 23), weekend);
    } else {
      h.cost = y.hasPrice ? kwh / 1000 * design.site.energyPrice : 0;
    }
    h.towerWater = hour.towerWater;
    const double lost = lostGpuHours(h, y);
    const bool free = y.chillers > 0 && hour.economising >= y.chillers;
    for (PeriodFigures* p : {&y.months[static_cast<std::size_t>(std::clamp(w.month, 1, 12) - 1)], &y.year}) {
      add(*p, h, lost);
      p->towerWater += hour.towerWater;
      p->adiabaticWater += hour.adiabaticWater;
      p->economiserHours += free;
    }
    if (y.hours.empty() || h.pue > y.hours[static_cast<std::size_t>(y.worstHour)].pue)
      y.worstHour = static_cast<int>(y.hours.size());
    y.hours.push_back(h);
  }
  if (minimumLoadHours > 0) {
    std::string held;
    for (const power::SourceSplit::Source& src : split.sources())
      if (src.low > 0)
        held += (held.empty() ? "" : ", ") + layout.power[static_cast<std::size_t>(src.node)].id + " " +
                units::formatPower(src.low);
    y.notes.push_back("In " + base::counted(minimumLoadHours, "hour") +
                      " a generator's share of the draw is below its minimum load (" + held +
                      ", catalog min_load): it runs at that minimum and the grid takes the rest");
  }
  double metered = 0;
  for (const SourceEnergy& s : y.sources) metered += s.energy;
  for (SourceEnergy& s : y.sources) s.share = metered != 0 ? s.energy / metered : 0;
  if (y.gpus > 0 && y.year.hours > 0)
    y.lostFraction = y.year.lostGpuHours / (static_cast<double>(y.gpus) * y.year.hours);
  if (y.year.unrejectedHours > 0)
    y.notes.push_back("In " + base::counted(y.year.unrejectedHours, "hour") + " up to " +
                      units::formatPower(y.year.worstUnrejected) +
                      " of heat cannot be rejected even with every GPU behind it stopped (heat of switches, losses "
                      "and fans, or more than the racks behind a unit bring): the plant does not hold in that "
                      "weather, and the lost GPU-hours do not count what that stops (a core room without cooling "
                      "stops the fabric)");
  if (hourlyGrid && std::any_of(y.sources.begin(), y.sources.end(),
                                [](const SourceEnergy& s) { return s.kind == design::PowerKind::Grid; })) {
    // The grid's factor as reported: the year's energy-weighted mean of its hourly intensity.
    for (SourceEnergy& s : y.sources)
      if (s.kind == design::PowerKind::Grid && s.energy > 0) s.carbonFactor = s.carbon / (s.energy / 3.6e6);
    y.notes.push_back("Grid carbon hour by hour from " + design.site.gridCarbonHourly +
                      " (the grid's factor shown is the year's energy-weighted mean)");
  }
  return y;
}

YearResult simulateSiteYear(const design::Design& design, const design::Layout& layout, const engine::Evaluation& e,
                            const io::WeatherYear* weather) {
  const std::vector<double> carbon = io::readSiteGridCarbon(design);
  if (weather) return simulateYear(design, layout, e, *weather, carbon);
  return simulateYear(design, layout, e, io::readSiteWeather(design), carbon);
}

double jobWallHours(const YearResult& year, double fullSpeedHours, int startHour) {
  const std::size_t n = year.hours.size();
  if (fullSpeedHours <= 0) return 0;
  if (n == 0) return std::numeric_limits<double>::infinity();
  double done = 0, wall = 0;
  constexpr int kMaxYears = 1000;
  for (std::size_t k = 0; k < n * kMaxYears; ++k) {
    const HourFigures& h = year.hours[(static_cast<std::size_t>(std::max(startHour, 0)) + k) % n];
    const double full = h.it + h.throttledIt;
    const double rate = full > 0 ? h.it / full : 1.0;
    if (done + rate >= fullSpeedHours) return wall + (fullSpeedHours - done) / rate;
    done += rate;
    wall += 1;
  }
  return std::numeric_limits<double>::infinity();
}

PeriodFigures jobFigures(const YearResult& year, double fullSpeedHours, int startHour) {
  PeriodFigures p;
  const double wall = jobWallHours(year, fullSpeedHours, startHour);
  if (!std::isfinite(wall) || year.hours.empty()) return p;
  const std::size_t n = year.hours.size(), first = static_cast<std::size_t>(std::max(startHour, 0));
  double left = wall;
  for (std::size_t k = 0; left > 1e-12; ++k, left -= 1) {
    const HourFigures& h = year.hours[(first + k) % n];
    const double share = std::min(1.0, left);
    add(p, h, lostGpuHours(h, year), share);
    p.towerWater += h.towerWater * share;
    p.adiabaticWater += (h.water - h.towerWater) * share;
  }
  return p;
}

io::WeatherYear constantYear(double dryBulb, double dewPoint, double pressure) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  io::WeatherYear w;
  w.file = "constant weather";
  w.location = "constant " + units::format(dryBulb, units::Dimension::Temperature);
  const double relativeHumidity =
      std::min(100.0, 100 * saturationPressure(std::min(dewPoint, dryBulb)) / saturationPressure(dryBulb));
  w.hours.reserve(io::kHoursPerYear);
  for (int m = 1; m <= 12; ++m)
    for (int d = 1; d <= kDays[m - 1]; ++d)
      for (int h = 1; h <= 24; ++h) w.hours.push_back({m, d, h, dryBulb, dewPoint, relativeHumidity, pressure});
  return w;
}

}  // namespace gigaplan::annual
