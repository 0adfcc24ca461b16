// Text, JSON and CSV of the year model (see year_report.h).
#include "core/report/year_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/base/json_writer.h"
#include "core/report/charts.h"
#include "core/report/report_format.h"

namespace gigaplan::report {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

double mwh(double joules) {
  return joules / 3.6e9;
}

std::string temperature(double c) {
  return fixed(c, 1) + " °C";
}

std::string when(const annual::HourFigures& h) {
  return std::string(kMonths[std::clamp(h.month, 1, 12) - 1]) + " " + std::to_string(h.day) + ", hour " +
         std::to_string(h.hour);
}

// A throttled hour's PUE is over the IT still running: say how much was shed.
std::string throttleCaveat(const annual::HourFigures& h) {
  if (h.throttledIt <= 0) return "";
  return "; " + megawatts(h.throttledIt) + " of IT throttled";
}

std::string sourceKind(design::PowerKind k) {
  return std::string(design::toString(k));
}

std::string tonnes(double kg) {
  return fixed(kg / 1000, 0) + " t CO2";
}

std::string cubicMetres(double litres) {
  return fixed(litres / 1000, 0) + " m³";
}

// What the design's job costs over its run from 1 January: "1,234 MWh, 56 m³ of water, 789 t CO2".
std::string jobRun(const annual::YearResult& y, double jobDays) {
  const annual::PeriodFigures j = annual::jobFigures(y, jobDays * 24);
  if (j.hours == 0) return "never finishes";
  // The whole site's meter over the run's hours, idle GPUs included (the training estimate charges
  // the job's GPUs alone at the design PUE: the two differ on a site the job does not fill).
  std::string s = fixed(mwh(j.energy), 0) + " MWh at the meter (the whole site), " + cubicMetres(j.water()) +
                  " of water, " + tonnes(j.carbon) +
                  (y.carbonComplete ? "" : " (sources without a factor not counted)");
  if (y.hasPrice) s += ", cost " + fixed(j.cost, 0);
  return s;
}

// The design's job before the weather acts on it, as the text and the section say it: its wall
// time with interruptions (training::Estimate::effectiveTrainingDays), not its compute alone.
std::string unthrottledDays(double days) {
  return fixed(days, 1) + " days without weather throttling (failures and restarts included)";
}

}  // namespace

std::string yearText(const annual::YearResult& y, const YearContext& c) {
  std::ostringstream o;
  const annual::PeriodFigures& t = y.year;
  o << "Year of " << (c.design.empty() ? std::string("the design") : c.design) << " in " << y.location << " ("
    << y.weatherFile << ")\n";
  if (y.hours.empty()) return o.str() + "  no hours\n";
  const auto [cold, hot] = std::minmax_element(y.hours.begin(), y.hours.end(),
                                               [](const auto& a, const auto& b) { return a.dryBulb < b.dryBulb; });
  const auto wet = std::max_element(y.hours.begin(), y.hours.end(),
                                    [](const auto& a, const auto& b) { return a.wetBulb < b.wetBulb; });
  o << "  weather:     " << counted(t.hours, "hour") << ", dry bulb " << temperature(cold->dryBulb) << " to "
    << temperature(hot->dryBulb) << ", wet bulb up to " << temperature(wet->wetBulb) << "\n";
  o << "  energy:      " << fixed(mwh(t.energy), 0) << " MWh at the meter; IT and network " << fixed(mwh(t.itEnergy), 0)
    << " MWh; cooling " << fixed(mwh(t.coolingEnergy), 0) << " MWh\n";
  for (const annual::SourceEnergy& s : y.sources)
    o << "               " << s.id << " (" << sourceKind(s.kind) << "): " << fixed(mwh(s.energy), 0) << " MWh ("
      << percent(s.share) << ")\n";
  const annual::HourFigures& worst = y.hours[static_cast<std::size_t>(y.worstHour)];
  o << "  PUE:         " << pue(t.pue()) << " for the year; worst hour " << pue(worst.pue) << " (" << when(worst)
    << ", " << temperature(worst.dryBulb) << " dry bulb, " << temperature(worst.wetBulb) << " wet bulb"
    << throttleCaveat(worst) << ")\n";
  o << "  water:       " << cubicMetres(t.water()) << " (cooling towers " << cubicMetres(t.towerWater)
    << ", adiabatic dry coolers " << cubicMetres(t.adiabaticWater) << "); WUE " << fixed(t.wue(), 3)
    << " L/kWh of IT\n";
  if (y.chillers > 0)
    o << "  economiser:  " << counted(t.economiserHours, "hour") << " with "
      << (y.chillers == 1   ? std::string("its chiller")
          : y.chillers == 2 ? std::string("both chillers")
                            : "all " + count(y.chillers) + " chillers")
      << " on free cooling\n";
  o << "  carbon:      ";
  if (y.carbonComplete)
    o << tonnes(t.carbon) << "\n";
  else
    o << "incomplete (see notes); " << tonnes(t.carbon) << " from the sources with a factor\n";
  o << "  cost:        "
    << (!y.hasPrice   ? std::string("no energy_price or energy_tariff given")
        : y.hasTariff ? fixed(t.cost, 0) + " (at site.energy_tariff's time-of-use prices per MWh)"
                      : fixed(t.cost, 0) + " (at site.energy_price per MWh)")
    << "\n";
  o << "  throttling:  " << counted(t.throttledHours, "hour") << "; " << fixed(t.lostGpuHours, 0) << " GPU-hours lost ("
    << fixed(y.lostFraction * 100, 3) << " % of the year's)\n";
  if (c.jobDays) {
    const double wall = annual::jobWallHours(y, *c.jobDays * 24) / 24;
    o << "  training:    the design's job takes " << unthrottledDays(*c.jobDays) << "; from 1 January, "
      << (std::isfinite(wall)
              ? fixed(wall, 1) + " days with this year's throttling (+" + fixed((wall - *c.jobDays) * 24, 1) + " h)"
              : std::string("it never finishes: every hour is throttled to nothing"))
      << "\n";
    if (std::isfinite(wall)) o << "  the run:     " << jobRun(y, *c.jobDays) << "\n";
  }
  o << "\n  month  energy MWh    PUE  worst PUE  water m³  carbon t  throttled h  economiser h\n";
  for (std::size_t m = 0; m < 12; ++m) {
    const annual::PeriodFigures& p = y.months[m];
    char line[160];
    std::snprintf(line, sizeof line, "  %-5s %11s %6s %10s %9s %9s %12s %13s\n", kMonths[m],
                  fixed(mwh(p.energy), 0).c_str(), pue(p.pue()).c_str(), pue(p.worstPue).c_str(),
                  fixed(p.water() / 1000, 0).c_str(), fixed(p.carbon / 1000, 0).c_str(),
                  count(p.throttledHours).c_str(), count(p.economiserHours).c_str());
    o << line;
  }
  if (!y.notes.empty()) {
    o << "\nNotes:\n";
    for (const std::string& n : y.notes) o << "  - " << n << "\n";
  }
  o << "  - Estimates: dry coolers and towers derate linearly with the approach left; adiabatic dry coolers wet "
       "their pads only when they cannot carry their heat dry (dry_switchover); chiller COP from its catalog curve; "
       "free cooling only when condenser water reaches the chilled-water setpoint (docs/annual.md)\n";
  return o.str();
}

std::string yearJson(const annual::YearResult& y, const YearContext& c) {
  JsonWriter j;
  const annual::PeriodFigures& t = y.year;
  j.beginObject();
  j.field("design", c.design).field("weather_file", y.weatherFile).field("location", y.location);
  j.field("hours", t.hours).field("leap_day_dropped", y.leapDayDropped);
  j.field("energy_mwh", mwh(t.energy)).field("it_energy_mwh", mwh(t.itEnergy));
  j.field("cooling_energy_mwh", mwh(t.coolingEnergy));
  j.field("pue", t.pue());
  if (!y.hours.empty()) {
    const annual::HourFigures& w = y.hours[static_cast<std::size_t>(y.worstHour)];
    j.key("worst_hour").beginObject();
    j.field("index", y.worstHour).field("month", w.month).field("day", w.day).field("hour", w.hour);
    j.field("pue", w.pue).field("dry_bulb_c", w.dryBulb).field("wet_bulb_c", w.wetBulb);
    j.endObject();
  }
  j.field("water_m3", t.water() / 1000).field("tower_water_m3", t.towerWater / 1000);
  j.field("adiabatic_water_m3", t.adiabaticWater / 1000).field("wue_l_per_kwh", t.wue());
  j.field("economiser_hours", t.economiserHours).field("chillers", y.chillers);
  j.field("carbon_t", t.carbon / 1000).field("carbon_complete", y.carbonComplete);
  j.key("cost");
  if (y.hasPrice)
    j.value(t.cost);
  else
    j.null();
  j.field("throttled_hours", t.throttledHours).field("lost_gpu_hours", t.lostGpuHours);
  j.field("unrejected_hours", t.unrejectedHours).field("worst_unrejected_heat_mw", t.worstUnrejected / 1e6);
  j.field("lost_fraction", y.lostFraction).field("gpus", static_cast<std::int64_t>(y.gpus));
  if (c.jobDays) {
    const double wall = annual::jobWallHours(y, *c.jobDays * 24) / 24;
    j.key("job").beginObject().field("days_at_full_speed", *c.jobDays);
    j.key("days_with_weather");
    if (std::isfinite(wall))
      j.value(wall);
    else
      j.null();
    const annual::PeriodFigures run = annual::jobFigures(y, *c.jobDays * 24);
    if (run.hours > 0) {
      j.field("energy_j", run.energy).field("water_l", run.water()).field("carbon_kg", run.carbon);
      if (y.hasPrice) j.field("cost", run.cost);
    }
    j.endObject();
  }
  j.key("sources").beginArray();
  for (const annual::SourceEnergy& s : y.sources) {
    j.beginObject().field("id", s.id).field("kind", sourceKind(s.kind)).field("share", s.share);
    j.field("energy_mwh", mwh(s.energy));
    j.key("kg_co2_per_kwh");
    if (s.carbonFactor >= 0)
      j.value(s.carbonFactor);
    else
      j.null();
    j.field("carbon_t", s.carbon / 1000).endObject();
  }
  j.endArray();
  j.key("months").beginArray();
  for (std::size_t m = 0; m < 12; ++m) {
    const annual::PeriodFigures& p = y.months[m];
    j.beginObject().field("month", static_cast<int>(m) + 1).field("hours", p.hours);
    j.field("energy_mwh", mwh(p.energy)).field("it_energy_mwh", mwh(p.itEnergy)).field("pue", p.pue());
    j.field("worst_pue", p.worstPue).field("water_m3", p.water() / 1000).field("carbon_t", p.carbon / 1000);
    j.field("cost", p.cost).field("lost_gpu_hours", p.lostGpuHours).field("throttled_hours", p.throttledHours);
    j.field("economiser_hours", p.economiserHours).endObject();
  }
  j.endArray();
  j.key("notes").beginArray();
  for (const std::string& n : y.notes) j.value(n);
  j.endArray();
  // The hourly series as parallel arrays (the heat map and charts read these).
  j.key("hourly").beginObject();
  const auto array = [&](const char* name, auto get, int digits) {
    j.key(name).beginArray();
    for (const annual::HourFigures& h : y.hours) j.value(static_cast<double>(get(h)), digits);
    j.endArray();
  };
  array(
      "dry_bulb_c", [](const annual::HourFigures& h) { return h.dryBulb; }, 4);
  array(
      "wet_bulb_c", [](const annual::HourFigures& h) { return h.wetBulb; }, 4);
  array(
      "facility_mw", [](const annual::HourFigures& h) { return h.facility / 1e6; }, 7);
  array(
      "pue", [](const annual::HourFigures& h) { return h.pue; }, 6);
  array(
      "water_l", [](const annual::HourFigures& h) { return h.water; }, 6);
  array(
      "throttled_it_mw", [](const annual::HourFigures& h) { return h.throttledIt / 1e6; }, 6);
  array(
      "unrejected_heat_mw", [](const annual::HourFigures& h) { return h.unrejectedHeat / 1e6; }, 6);
  j.endObject();
  j.endObject();
  return j.str() + "\n";
}

std::vector<Figure> yearFigures(const annual::YearResult& y) {
  std::vector<Figure> out;
  if (y.hours.empty()) return out;
  std::vector<double> hourly(y.hours.size());
  for (std::size_t i = 0; i < hourly.size(); ++i) hourly[i] = y.hours[i].pue;
  out.push_back(Figure{"year-pue",
                       "PUE through the year: each day a column, each hour of the day a row",
                       {heatMap(hourly, {.label = "PUE", .unit = "", .scale = 1, .decimals = 3})}});
  if (y.year.throttledHours > 0) {
    for (std::size_t i = 0; i < hourly.size(); ++i) hourly[i] = y.hours[i].throttledIt;
    out.push_back(Figure{"year-throttled",
                         "IT throttled because the plant could not reject the heat",
                         {heatMap(hourly, {.label = "IT throttled", .unit = "MW", .scale = 1e-6, .decimals = 1})}});
  }
  MonthlyPanel energy{"Energy at the meter", {}, "MWh", 1 / 3.6e9, paletteColor(0)};
  MonthlyPanel water{"Water", {}, "m³", 1e-3, paletteColor(1)};
  MonthlyPanel carbon{"Carbon", {}, "t CO2", 1e-3, paletteColor(2)};
  for (std::size_t m = 0; m < 12; ++m) {
    energy.values[m] = y.months[m].energy;
    water.values[m] = y.months[m].water();
    carbon.values[m] = y.months[m].carbon;
  }
  // A panel only for what the year has: no water without towers or adiabatic assist, no carbon
  // without an intensity (the figures above say so).
  std::vector<MonthlyPanel> panels{energy};
  if (y.year.water() > 0) panels.push_back(water);
  if (y.year.carbon > 0) panels.push_back(carbon);
  std::string caption = "Energy";
  if (panels.size() == 3)
    caption += ", water and carbon";
  else if (panels.size() == 2)
    caption += y.year.water() > 0 ? " and water" : " and carbon";
  out.push_back(Figure{"year-months", caption + " by month", {monthlyColumns(panels)}});
  return out;
}

Section yearSection(const annual::YearResult& y, const YearContext& c) {
  Section s{"year", "A year of weather", {}};
  const annual::PeriodFigures& t = y.year;
  s.blocks.push_back(Paragraph{"The design run through " + counted(t.hours, "hour") + " of " + y.location + " (" +
                                   y.weatherFile +
                                   "): the plant's capacity, fan draw and chiller COP follow each hour's dry and "
                                   "wet bulb; heat the plant cannot reject throttles the GPUs. These figures are "
                                   "estimates (docs/annual.md).",
                               Tone::Note});
  KeyValues kv;
  kv.entries.push_back({"Energy at the meter", fixed(mwh(t.energy), 0) + " MWh"});
  kv.entries.push_back({"IT and network energy", fixed(mwh(t.itEnergy), 0) + " MWh"});
  kv.entries.push_back({"Cooling energy", fixed(mwh(t.coolingEnergy), 0) + " MWh"});
  kv.entries.push_back({"PUE for the year", pue(t.pue())});
  if (!y.hours.empty()) {
    const annual::HourFigures& w = y.hours[static_cast<std::size_t>(y.worstHour)];
    kv.entries.push_back(
        {"Worst hour's PUE", pue(w.pue) + " (" + when(w) + ", " + temperature(w.dryBulb) + throttleCaveat(w) + ")"});
  }
  kv.entries.push_back({"Water", cubicMetres(t.water()) + " (towers " + cubicMetres(t.towerWater) +
                                     ", adiabatic dry coolers " + cubicMetres(t.adiabaticWater) + ")"});
  kv.entries.push_back({"WUE", fixed(t.wue(), 3) + " L/kWh of IT"});
  kv.entries.push_back({"Carbon", y.carbonComplete ? tonnes(t.carbon) : "incomplete: " + tonnes(t.carbon) + " known"});
  if (y.hasPrice) kv.entries.push_back({"Energy cost", fixed(t.cost, 0)});
  if (y.chillers > 0) kv.entries.push_back({"Economiser hours", count(t.economiserHours)});
  kv.entries.push_back({"Throttled hours", count(t.throttledHours)});
  kv.entries.push_back({"GPU-hours lost", fixed(t.lostGpuHours, 0) + " (" + fixed(y.lostFraction * 100, 3) + " %)"});
  if (c.jobDays) {
    const double wall = annual::jobWallHours(y, *c.jobDays * 24) / 24;
    kv.entries.push_back({"Training job", unthrottledDays(*c.jobDays) + "; " +
                                              (std::isfinite(wall) ? fixed(wall, 1) + " days from 1 January"
                                                                   : std::string("never finishes"))});
    if (std::isfinite(wall)) kv.entries.push_back({"Training run", jobRun(y, *c.jobDays)});
  }
  s.blocks.push_back(kv);
  for (Figure& f : yearFigures(y)) s.blocks.push_back(std::move(f));

  Table months;
  months.caption = "By month";
  months.columns = {{"Month"},
                    {"Energy MWh", Align::Right},
                    {"PUE", Align::Right},
                    {"Worst PUE", Align::Right},
                    {"Water m³", Align::Right},
                    {"Carbon t", Align::Right},
                    {"Throttled h", Align::Right},
                    {"Economiser h", Align::Right}};
  for (std::size_t m = 0; m < 12; ++m) {
    const annual::PeriodFigures& p = y.months[m];
    months.rows.push_back({kMonths[m], fixed(mwh(p.energy), 0), pue(p.pue()), pue(p.worstPue),
                           fixed(p.water() / 1000, 0), fixed(p.carbon / 1000, 0), count(p.throttledHours),
                           count(p.economiserHours)});
  }
  s.blocks.push_back(months);

  std::vector<std::size_t> order(y.hours.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t shown = std::min<std::size_t>(10, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return y.hours[a].pue != y.hours[b].pue ? y.hours[a].pue > y.hours[b].pue : a < b;
                    });
  Table worst;
  worst.caption = "The worst hours by PUE";
  worst.columns = {{"Hour"},
                   {"Dry bulb", Align::Right},
                   {"Wet bulb", Align::Right},
                   {"PUE", Align::Right},
                   {"Facility", Align::Right},
                   {"IT throttled", Align::Right}};
  for (std::size_t k = 0; k < shown; ++k) {
    const annual::HourFigures& h = y.hours[order[k]];
    worst.rows.push_back({when(h), temperature(h.dryBulb), temperature(h.wetBulb), pue(h.pue), megawatts(h.facility),
                          megawatts(h.throttledIt)});
  }
  s.blocks.push_back(worst);
  for (const std::string& n : y.notes) s.blocks.push_back(Paragraph{n, Tone::Note});
  return s;
}

std::string yearCsv(const annual::YearResult& y) {
  std::string out =
      "month,day,hour,dry_bulb_c,wet_bulb_c,facility_mw,it_mw,network_mw,cooling_mw,pue,water_l,throttled_heat_mw,"
      "throttled_it_mw,unrejected_heat_mw,chillers_economising\n";
  char line[352];
  for (const annual::HourFigures& h : y.hours) {
    std::snprintf(line, sizeof line, "%d,%d,%d,%.2f,%.3f,%.6f,%.6f,%.6f,%.6f,%.5f,%.3f,%.6f,%.6f,%.6f,%d\n", h.month,
                  h.day, h.hour, h.dryBulb, h.wetBulb, h.facility / 1e6, h.it / 1e6, h.network / 1e6, h.cooling / 1e6,
                  h.pue, h.water, h.throttledHeat / 1e6, h.throttledIt / 1e6, h.unrejectedHeat / 1e6,
                  h.chillersEconomising);
    out += line;
  }
  return out;
}

}  // namespace gigaplan::report
