// The year model's figures as text, JSON and CSV: what `gigaplan year` prints. One place for how a
// year reads, so the command line, reports and tests agree.
//
//   annual::YearResult y = annual::simulateYear(design, layout, eval, weather);
//   std::cout << report::yearText(y, {.design = "site.yaml"});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/annual/year.h"
#include "core/report/report_document.h"

namespace gigaplan::report {

struct YearContext {
  std::string design;  // the design file, for the heading
  // A training job on the site, when the design has one: its days without weather throttling
  // (failures and restarts included: training::Estimate::effectiveTrainingDays).
  std::optional<double> jobDays;
};

/// Headline figures, the months and the notes, for a terminal.
std::string yearText(const annual::YearResult& year, const YearContext& context);

/// The same as JSON: summary, sources, months, notes, and the hourly series (arrays of 8,760).
std::string yearJson(const annual::YearResult& year, const YearContext& context);

/// The year's charts, for the report and the app alike: the hourly PUE as a day × hour heat map,
/// the IT throttled the same way when any hour throttles, and energy, water and carbon by month.
std::vector<Figure> yearFigures(const annual::YearResult& year);

/// The report's "A year of weather" section: headline annual figures, a table of months (energy,
/// PUE, water, carbon, throttled and economiser hours), the ten worst hours by PUE, and the notes.
Section yearSection(const annual::YearResult& year, const YearContext& context);

/// One row per hour: month, day, hour, dry and wet bulb (°C), facility, IT, cooling (MW), PUE,
/// water (L), throttled heat and IT (MW), chillers on free cooling.
std::string yearCsv(const annual::YearResult& year);

}  // namespace gigaplan::report
