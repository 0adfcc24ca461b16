// `gigaplan validate`: every file is loaded in full (syntax, units, references, templates).
#include "app/cli/validate_command.h"

#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/report_format.h"

namespace gigaplan::cli {

std::string validateUsage() {
  return "usage: gigaplan validate FILE...\n"
         "  Loads each design in full (syntax, units, references, templates), evaluates it and lists the\n"
         "  findings of severity error on stderr; one line per file on stdout.\n";
}

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << validateUsage();
    return kUsage;
  }
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  int worst = kOk;
  for (const auto& file : args) {
    try {
      auto resolved = design::resolve(io::loadDesign(file, *base), *base);
      const engine::Evaluation e = engine::evaluate(resolved->design, resolved->layout, *resolved->catalog);
      for (const auto& f : e.findings) {
        if (f.severity == engine::Severity::Error)
          err << file << ": error: " << (f.object.empty() ? "site" : f.object) << ": " << f.message << " [" << f.code
              << "]\n";
      }
      const design::Layout& l = resolved->layout;
      using report::counted;
      out << file << ": " << (e.hasErrors() ? "errors" : "ok") << " — "
          << counted(static_cast<std::int64_t>(l.halls.size()), "hall") << ", "
          << counted(static_cast<std::int64_t>(l.racks.size()), "rack") << ", "
          << counted(static_cast<std::int64_t>(l.power.size()), "power node") << ", "
          << counted(static_cast<std::int64_t>(l.cooling.size()), "cooling unit") << "; " << counted(e.errors, "error")
          << ", " << counted(e.warnings, "warning") << "\n";
      if (e.hasErrors() && worst == kOk) worst = kFindings;
    } catch (const io::LoadError& e) {
      err << e.what() << "\n";
      worst = kLoadError;
    }
  }
  return worst;
}

}  // namespace gigaplan::cli
