// `gigaplan compare` (see compare_command.h).
#include "app/cli/compare_command.h"

#include <optional>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/io/design_io.h"
#include "core/report/comparison.h"
#include "core/report/training_plan.h"

namespace gigaplan::cli {

std::string compareUsage() {
  return "usage: gigaplan compare A.yaml B.yaml [--json | --md] [--changed]\n"
         "  Two designs side by side: every headline metric (compute, fabric, power, cooling, failure\n"
         "  domains, findings, and the design's training job when it has one) for A and B, with the\n"
         "  difference B − A and the change in per cent of A; then the findings that appear in B and\n"
         "  those that disappear (a finding is the same when its severity, code and object agree), and the\n"
         "  objects added, removed or changed (type, place, feeds, cooling, phase), by id.\n"
         "  A or B may be FILE#variant: one of the variants a design holds (its `variants:` key).\n"
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
    else if (!isOption(a) && files.size() < 2)
      files.push_back(a);
    else
      throw UsageError(unexpectedArgument(a));
  }
  if (files.size() < 2) throw UsageError(files.empty() ? "missing A and B" : "missing B");
  if (json && markdown) throw UsageError("--json and --md exclude each other");
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  std::optional<report::LoadedDesign> a, b;
  try {
    a = report::loadForComparison(files[0], *base);
    b = report::loadForComparison(files[1], *base);
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
  // Labelled as the planner wrote them on the command line.
  report::ComparedDesign sideA = a->side(), sideB = b->side();
  sideA.label = files[0];
  sideB.label = files[1];
  const report::Comparison c = report::compare(sideA, sideB);
  if (json)
    out << report::comparisonJson(c);
  else if (markdown)
    out << report::comparisonMarkdown(c, changed);
  else
    out << report::comparisonText(c, changed);
  return kOk;
}

}  // namespace gigaplan::cli
