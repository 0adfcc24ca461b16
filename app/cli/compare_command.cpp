// `gigaplan compare` (see compare_command.h).
#include "app/cli/compare_command.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/report/comparison.h"
#include "core/report/training_plan.h"

namespace gigaplan::cli {
namespace {

// One side of the comparison, loaded, evaluated and its job estimated.
struct Side {
  std::shared_ptr<const design::ResolvedDesign> design;
  std::optional<engine::Evaluation> eval;
  std::optional<report::TrainingPlan> training;
};

bool load(const std::string& file, const catalog::Catalog& base, Side& side, std::ostream& err) {
  try {
    side.design = design::resolve(io::loadDesign(file, base), base);
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return false;
  }
  side.eval.emplace(engine::evaluate(side.design->design, side.design->layout, *side.design->catalog));
  side.training.emplace(report::planTraining(*side.design, *side.eval));
  return true;
}

}  // namespace

std::string compareUsage() {
  return "usage: gigaplan compare A.yaml B.yaml [--json | --md] [--changed]\n"
         "  Two designs side by side: every headline metric (compute, fabric, power, cooling, failure\n"
         "  domains, findings, and the design's training job when it has one) for A and B, with the\n"
         "  difference B − A and the change in per cent of A; then the findings that appear in B and\n"
         "  those that disappear (a finding is the same when its severity, code and object agree).\n"
         "  --json and --md write the same as JSON or Markdown; --changed leaves out equal metrics.\n"
         "  Exits 0 when both designs could be evaluated, findings or not.\n";
}

int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  bool json = false, markdown = false, changed = false;
  for (const auto& a : args) {
    if (a == "--json")
      json = true;
    else if (a == "--md")
      markdown = true;
    else if (a == "--changed")
      changed = true;
    else if (a.rfind('-', 0) != 0 && files.size() < 2)
      files.push_back(a);
    else
      return err << "gigaplan compare: unexpected '" << a << "'\n" << compareUsage(), kUsage;
  }
  if (files.size() != 2) return err << "gigaplan compare: needs two design files\n" << compareUsage(), kUsage;
  if (json && markdown)
    return err << "gigaplan compare: --json and --md exclude each other\n" << compareUsage(), kUsage;
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  Side a, b;
  if (!load(files[0], *base, a, err) || !load(files[1], *base, b, err)) return kLoadError;
  const report::Comparison c =
      report::compare({files[0], *a.design, *a.eval, &*a.training}, {files[1], *b.design, *b.eval, &*b.training});
  if (json)
    out << report::comparisonJson(c);
  else if (markdown)
    out << report::comparisonMarkdown(c, changed);
  else
    out << report::comparisonText(c, changed);
  return kOk;
}

}  // namespace gigaplan::cli
