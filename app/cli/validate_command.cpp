// `gigaplan validate`: every file is loaded in full (syntax, units, references, templates).
#include "app/cli/validate_command.h"

#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"

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
        if (f.severity == engine::Severity::Error) err << file << ": error: " << (f.object.empty() ? "site" : f.object) << ": " << f.message << " [" << f.code << "]\n";
      }
      out << file << ": " << (e.hasErrors() ? "errors" : "ok") << " — " << resolved->layout.halls.size() << " halls, "
          << resolved->layout.racks.size() << " racks, " << resolved->layout.power.size() << " power nodes, "
          << resolved->layout.cooling.size() << " cooling units; " << e.errors << " errors, " << e.warnings
          << " warnings\n";
      if (e.hasErrors() && worst == kOk) worst = kFindings;
    } catch (const io::LoadError& e) {
      err << e.what() << "\n";
      worst = kLoadError;
    }
  }
  return worst;
}

}  // namespace gigaplan::cli
