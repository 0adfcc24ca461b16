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
         "  worst-hour PUE, water (m³, WUE), carbon (site.grid_carbon, generators' co2_per_kwh), cost\n"
         "  (site.energy_price per MWh), economiser hours and the compute lost to throttling when the\n"
         "  plant cannot reject the heat. The weather is the EPW file the design names (site.weather,\n"
         "  relative to the design file) or --weather EPW; typical years ship in resources/weather/.\n"
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
      if (i + 1 >= args.size() || !weatherFile.empty()) return err << yearUsage(), kUsage;
      weatherFile = args[++i];
    } else if (file.empty() && a.rfind("-", 0) != 0) {
      file = a;
    } else {
      return err << yearUsage(), kUsage;
    }
  }
  if (file.empty() || (json && csv)) return err << yearUsage(), kUsage;
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  std::shared_ptr<const design::ResolvedDesign> r;
  io::WeatherYear weather;
  try {
    r = design::resolve(io::loadDesign(file, *base), *base);
    weather = weatherFile.empty() ? io::readSiteWeather(r->design) : io::readEpw(weatherFile);
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
  const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
  const annual::YearResult year = annual::simulateYear(r->design, r->layout, e, weather);
  const report::YearContext context{file, designJobDays(*r, e)};
  if (json)
    out << report::yearJson(year, context);
  else if (csv)
    out << report::yearCsv(year);
  else
    out << report::yearText(year, context);
  return kOk;
}

}  // namespace gigaplan::cli
