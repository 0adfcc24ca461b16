// `gigaplan evaluate` (see evaluate_command.h).
#include "app/cli/evaluate_command.h"

#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation_json.h"
#include "core/io/design_io.h"
#include "core/report/evaluation_text.h"

namespace gigaplan::cli {

std::string evaluateUsage() {
  return "usage: gigaplan evaluate FILE [--json] [--objects]\n"
         "  What the layout delivers, draws and risks: compute, fabric, power, cooling, failure domains,\n"
         "  findings and the bill of materials, as text or (--json) as JSON; --objects adds per-object values.\n"
         "  Exits 0 even when there are findings (use validate to fail on them).\n";
}

int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file;
  bool json = false, objects = false;
  for (const auto& a : args) {
    if (a == "--json")
      json = true;
    else if (a == "--objects")
      objects = true;
    else if (file.empty() && a.rfind("-", 0) != 0)
      file = a;
    else
      return err << evaluateUsage(), kUsage;
  }
  if (file.empty()) return err << evaluateUsage(), kUsage;
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  std::shared_ptr<const design::ResolvedDesign> r;
  try {
    r = design::resolve(io::loadDesign(file, *base), *base);
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
  const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
  if (json)
    out << engine::evaluationToJson(e, r->layout, {.objects = objects}) << "\n";
  else
    out << report::evaluationText(*r, e);
  return kOk;
}

}  // namespace gigaplan::cli
