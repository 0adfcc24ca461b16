// `gigaplan year` (see year_command.h).
#include "app/cli/year_command.h"

#include <optional>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/annual/year.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/io/epw_reader.h"
#include "core/report/training_plan.h"
#include "core/report/year_report.h"

namespace gigaplan::cli {

std::string yearUsage() {
  return "usage: gigaplan year FILE [--weather EPW] [--json|--csv]\n"
         "  The design through 8,760 hours of weather: energy at the meter and per source, annual and\n"
         "  worst-hour PUE, water (m³, WUE), carbon (site.grid_carbon, or site.grid_carbon_hourly: a file of one\n"
         "  intensity per hour; generators' co2_per_kwh), cost (site.energy_price per MWh), economiser hours\n"
         "  and the compute lost to throttling when the plant cannot reject the heat. The weather is the EPW\n"
         "  file the design names (site.weather, relative to the design file) or --weather EPW; typical years\n"
         "  ship in resources/weather/.\n"
         "  --json: summary, months and hourly series; --csv: one row per hour.\n";
}

std::optional<double> designJobDays(const design::ResolvedDesign& r, const engine::Evaluation& e) {
  // The report's training numbers: the design's job on its cluster, `auto` searched (one home).
  const report::TrainingPlan t = report::planTraining(r, e);
  if (!t.ok || !(t.estimate.effectiveTrainingDays > 0)) return std::nullopt;
  return t.estimate.effectiveTrainingDays;
}

int runYear(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file, weatherFile;
  bool json = false, csv = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--csv") {
      csv = true;
    } else if (a == "--weather") {
      if (i + 1 >= args.size()) throw UsageError("--weather needs a file name");
      if (!weatherFile.empty()) throw UsageError("--weather given twice");
      weatherFile = args[++i];
    } else if (file.empty() && !isOption(a)) {
      file = a;
    } else {
      throw UsageError(unexpectedArgument(a));
    }
  }
  if (file.empty()) throw UsageError("missing FILE");
  if (json && csv) throw UsageError("--json and --csv exclude each other");
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  std::shared_ptr<const design::ResolvedDesign> r;
  std::optional<engine::Evaluation> e;
  annual::YearResult year;
  try {
    r = design::resolve(io::loadDesign(file, *base), *base);
    e = engine::evaluate(r->design, r->layout, *r->catalog);
    if (weatherFile.empty()) {
      year = annual::simulateSiteYear(r->design, r->layout, *e);
    } else {
      const io::WeatherYear weather = io::readEpw(weatherFile);
      year = annual::simulateSiteYear(r->design, r->layout, *e, &weather);
    }
  } catch (const io::LoadError& error) {
    err << error.what() << "\n";
    return kLoadError;
  }
  const report::YearContext context{file, designJobDays(*r, *e)};
  if (json)
    out << report::yearJson(year, context);
  else if (csv)
    out << report::yearCsv(year);
  else
    out << report::yearText(year, context);
  return kOk;
}

}  // namespace gigaplan::cli
