// `gigaplan phases` (see phases_command.h).
#include "app/cli/phases_command.h"

#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/report/phases_report.h"

namespace gigaplan::cli {

std::string phasesUsage() {
  return "usage: gigaplan phases FILE [--no-year] [--json|--csv]\n"
         "  The site as it comes online, phase by phase (the design's `phases:`): GPUs, compute, IT, network and\n"
         "  facility power, the sources' capacity, PUE (facility / (IT + network)) and each phase's findings (a\n"
         "  phase whose power or cooling does not hold has errors); the design's job across the phases, from\n"
         "  job.training.start (or the first phase), with its finish date; and a typical year at each phase's\n"
         "  build when site.weather is set (--no-year skips it). Exit 1 when a phase has errors.\n"
         "  --json: every phase with all its findings; --csv: one row per phase.\n";
}

int runPhases(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file;
  bool json = false, csv = false, year = true;
  for (const std::string& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "--csv") {
      csv = true;
    } else if (a == "--no-year") {
      year = false;
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
  report::PhasesOverview overview;
  try {
    const auto r = design::resolve(io::loadDesign(file, *base), *base);
    overview = report::overviewPhases(*r, year);
  } catch (const io::LoadError& error) {
    err << error.what() << "\n";
    return kLoadError;
  }
  if (json)
    out << report::phasesJson(overview, file);
  else if (csv)
    out << report::phasesCsv(overview);
  else
    out << report::phasesText(overview, file);
  for (const auto& p : overview.phases) {
    if (p.evaluation.hasErrors()) return kFindings;
  }
  return kOk;
}

}  // namespace gigaplan::cli
