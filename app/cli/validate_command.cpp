// `gigaplan validate`: every file is loaded in full (syntax, units, references, templates).
#include "app/cli/validate_command.h"

#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/report_format.h"
#include "core/report/training_plan.h"

namespace gigaplan::cli {

std::string validateUsage() {
  return "usage: gigaplan validate FILE...\n"
         "  Loads each design in full (syntax, units, references, templates), evaluates it and its training\n"
         "  job, and lists the findings of severity error on stderr; one line per file on stdout. A design's\n"
         "  variants are checked too, one line each (FILE#name); FILE#name checks that variant alone.\n";
}

namespace {

// Loads, evaluates and reports one design ("file" or "file#variant"); the design's variants, so
// that the caller checks them too. Updates `worst` with the exit code this design calls for.
std::vector<design::VariantSpec> validateOne(const std::string& ref, const catalog::Catalog& base, std::ostream& out,
                                             std::ostream& err, int& worst) {
  try {
    auto resolved = design::resolve(io::loadDesign(ref, base), base);
    const engine::Evaluation e = report::evaluateWithJob(*resolved);
    for (const auto& f : e.findings) {
      if (f.severity == engine::Severity::Error)
        err << ref << ": error: " << (f.object.empty() ? "site" : f.object) << ": " << f.message << " [" << f.code
            << "]\n";
    }
    const design::Layout& l = resolved->layout;
    using report::counted;
    out << ref << ": " << (e.hasErrors() ? "errors" : "ok") << " — "
        << counted(static_cast<std::int64_t>(l.halls.size()), "hall") << ", "
        << counted(static_cast<std::int64_t>(l.racks.size()), "rack") << ", "
        << counted(static_cast<std::int64_t>(l.power.size()), "power node") << ", "
        << counted(static_cast<std::int64_t>(l.cooling.size()), "cooling unit") << "; " << counted(e.errors, "error")
        << ", " << counted(e.warnings, "warning") << "\n";
    if (e.hasErrors() && worst == kOk) worst = kFindings;
    return resolved->design.variants;
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    worst = kLoadError;
    return {};
  }
}

}  // namespace

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) throw UsageError("missing FILE");
  for (const auto& ref : args) {
    if (isOption(ref)) throw UsageError(unexpectedArgument(ref));
  }
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  int worst = kOk;
  for (const auto& ref : args) {
    for (const auto& v : validateOne(ref, *base, out, err, worst))
      validateOne(ref + "#" + v.name, *base, out, err, worst);
  }
  return worst;
}

}  // namespace gigaplan::cli
