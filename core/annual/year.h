// The year model: a design's evaluation run through 8,760 hours of weather. Each hour the
// cooling plant meets that hour's air (core/cooling/ambient.h: dry coolers' and towers' capacity
// and fan draw against dry and wet bulb, chillers' COP against condenser temperature, economiser
// hours); heat the plant cannot reject throttles the GPUs upstream; energy, PUE, water, carbon and
// cost are summed by month and for the year.
//
// What is recomputed each hour (and what is not — the modelling choices, stated):
//   - the IT and network load are the design (nominal) load every hour: a site trains flat out;
//   - the heat reaching each CDU and air handler is the evaluation's; only the plant downstream of
//     them (chillers, dry coolers, towers, and every unit's own draw) is run again, in heat order,
//     with the hour's capacities and COPs, through cooling::runUnit — the formula the instant
//     evaluation uses;
//   - a change in cooling draw reaches the meter through the chain's losses at the design point's
//     ratio (each node's in / out, shared among parents as the power flow shares it); the heat of
//     those extra losses is not fed back to the plant (a fraction of a percent of a fraction);
//   - a dry cooler or tower that cannot reject what reaches it runs at full fan and sheds the rest:
//     that heat is throttled at the GPUs upstream, in the IT it takes to make it (per watt of heat
//     at the unit, the IT share of the heat the unit sees at design). Lost GPU-hours are the
//     throttled IT's share of the site's IT, times its GPUs;
//   - energy per source is the hour's draw split as the design point's flow splits it;
//   - water: towers and adiabatic dry coolers use their catalog litres per kWh of heat each hour.
// At the design conditions every figure equals the instant evaluation's exactly (tested with a
// constant-ambient weather file), provided the design holds there (no unit overloaded).
//
//   io::WeatherYear w = io::readEpw(path);
//   annual::YearResult y = annual::simulateYear(design, layout, evaluation, w);
//   std::cout << y.year.pue() << ' ' << y.worstPue << '\n';
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/evaluate/evaluation.h"
#include "core/io/epw_reader.h"

namespace gigaplan::annual {

/// One hour. Powers in W (mean over the hour), temperatures in °C.
struct HourFigures {
  int month = 1, day = 1, hour = 1;
  double dryBulb = 0, wetBulb = 0;
  double facility = 0;        // at the meter: every source's draw
  double it = 0;              // IT running (design IT less what was throttled)
  double network = 0;         // switches and optics
  double cooling = 0;         // pumps, fans, compressors
  double pue = 0;             // facility / (it + network)
  double water = 0;           // L used in the hour
  double towerWater = 0;      // L of it evaporated by cooling towers (the rest: adiabatic assist)
  double throttledHeat = 0;   // W of heat the plant could not reject
  double throttledIt = 0;     // W of IT shed for it
  double unrejectedHeat = 0;  // W of it no shedding at the GPUs removes: the plant does not hold
  int chillersEconomising = 0;
  double carbon = 0;  // kg CO2 in the hour
  double cost = 0;    // energy × site.energy_price
};

/// Sums over a month or the year.
struct PeriodFigures {
  int hours = 0;
  double energy = 0;           // J at the meter
  double itEnergy = 0;         // J of IT (and network) load served
  double coolingEnergy = 0;    // J drawn by the cooling plant
  double towerWater = 0;       // L evaporated by cooling towers
  double adiabaticWater = 0;   // L sprayed by dry coolers' adiabatic assist
  double carbon = 0;           // kg CO2 (grid at the site's intensity, generation at its catalog factor)
  double cost = 0;             // energy × site.energy_price (0 when not given)
  double lostGpuHours = 0;     // GPU-hours throttled away
  int throttledHours = 0;      // hours with any throttling
  int unrejectedHours = 0;     // hours with heat no throttling removes (HourFigures::unrejectedHeat)
  double worstUnrejected = 0;  // W, the most in one hour
  int economiserHours = 0;     // hours with every chiller on free cooling
  double worstPue = 0;
  double pue() const { return itEnergy > 0 ? energy / itEnergy : 0; }
  double water() const { return towerWater + adiabaticWater; }
  double wue() const { return itEnergy > 0 ? water() / (itEnergy / 3.6e6) : 0; }  // L per kWh of IT
};

/// Energy by source over the year.
struct SourceEnergy {
  std::string id;
  design::PowerKind kind = design::PowerKind::Grid;
  double share = 0;          // of the meter's energy
  double energy = 0;         // J
  double carbonFactor = -1;  // kg CO2 per kWh (grid: site.grid_carbon; generators: catalog); < 0 unknown
  double carbon = 0;         // kg
};

struct YearResult {
  std::string weatherFile, location;
  bool leapDayDropped = false;
  std::vector<HourFigures> hours;  // 8,760 from 1 January hour 1
  std::array<PeriodFigures, 12> months;
  PeriodFigures year;
  int worstHour = 0;  // index into hours of the highest PUE
  std::vector<SourceEnergy> sources;
  bool carbonComplete = true;  // false when a source drawing energy has no carbon factor
  bool hasPrice = false;
  bool hasTariff = false;  // priced by site.energy_tariff (time of use), not one energy_price
  std::int64_t gpus = 0;
  double lostFraction = 0;         // lost GPU-hours / (GPUs × hours)
  int chillers = 0;                // chiller units in the plant
  std::vector<std::string> notes;  // estimates and missing data the planner should know about
};

/// Runs `evaluation` (of `layout`, expanded from `design`) through the weather year. The grid's
/// carbon is `gridCarbonHourly` (kg/kWh, one per hour of the weather) when given, else the
/// design's constant site.grid_carbon.
YearResult simulateYear(const design::Design& design, const design::Layout& layout,
                        const engine::Evaluation& evaluation, const io::WeatherYear& weather,
                        const std::vector<double>& gridCarbonHourly = {});

/// The design's own year: the weather file it names (or `weather` when given) and its grid's
/// hourly carbon when it names a file of it. Every front end makes the year this way. Throws
/// io::LoadError when a file cannot be read.
YearResult simulateSiteYear(const design::Design& design, const design::Layout& layout,
                            const engine::Evaluation& evaluation, const io::WeatherYear* weather = nullptr);

/// Wall-clock hours a job needing `fullSpeedHours` of the whole site takes when it starts at hour
/// `startHour` of the year: each hour advances it by the share of the site's IT still running
/// (throttling slows every GPU alike); the year repeats. Infinity when no hour advances it.
double jobWallHours(const YearResult& year, double fullSpeedHours, int startHour = 0);

/// What a job needing `fullSpeedHours` of the whole site costs over its wall-clock run from hour
/// `startHour` (jobWallHours): the sums of the hours it runs through, the last one in part, the
/// year repeating. `hours` counts the hours it touches. Empty when it never finishes.
PeriodFigures jobFigures(const YearResult& year, double fullSpeedHours, int startHour = 0);

/// A year of one constant hour (dry bulb, dew point, pressure): for tests and "what if" runs.
io::WeatherYear constantYear(double dryBulb, double dewPoint, double pressure);

}  // namespace gigaplan::annual
