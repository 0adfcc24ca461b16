// Subcommand dispatch for the `gigaplan` command line.
#include "app/cli/command_line.h"

#include <functional>
#include <map>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/evaluate_command.h"
#include "app/cli/report_command.h"
#include "app/cli/summary_command.h"
#include "app/cli/train_command.h"
#include "app/cli/validate_command.h"

namespace gigaplan::cli {
namespace {

using Command = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;

// The training commands take the catalog explicitly (their tests pass their own).
Command withCatalog(int (*run)(const std::vector<std::string>&, std::ostream&, std::ostream&, const catalog::Catalog&)) {
  return [run](const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const catalog::Catalog* cat = baseCatalog(err);
    return cat ? run(args, out, err, *cat) : static_cast<int>(kLoadError);
  };
}

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> table{
      {"validate", runValidate},
      {"summary", runSummary},
      {"evaluate", runEvaluate},
      {"train", withCatalog(runTrainCommand)},
      {"search", withCatalog(runSearchCommand)},
      {"report", runReport},
  };
  return table;
}

}  // namespace

std::string usage() {
  return "GigaPlan " GIGAPLAN_VERSION " — plan AI training sites up to gigawatt scale\n"
         "\n"
         "usage:\n"
         "  gigaplan [FILE]                       open the desktop app (on FILE)\n"
         "  gigaplan validate FILE...             check designs; exit 0 valid, 1 errors found, 2 not loadable\n"
         "  gigaplan evaluate FILE [--json] [--objects]  compute, fabric, power, cooling, failure domains, findings\n"
         "  gigaplan report FILE -o OUT.{pdf,html,md,json,csv} [--no-3d] [--bench [N]]\n"
         "                                        design report; the format from OUT's extension\n"
         "  gigaplan train --cluster FILE [--job FILE] [--json]   step time, MFU, memory, days, energy, goodput\n"
         "  gigaplan search --cluster FILE [--job FILE] [--top N] [--json]   best parallel plans\n"
         "  gigaplan train --validation-report FILE   the model against published runs (docs/validation.md)\n"
         "  gigaplan summary FILE                 what a design holds, in a few lines\n"
         "  gigaplan screenshot FILE -o OUT.png [--view plan|iso] [--color-by KEY] [--size WxH] [--theme dark|light]\n"
         "                                        render the site without a window (needs a display or xvfb-run)\n"
         "  gigaplan --help | --version\n"
         "\n"
         "Errors read file:line:column: key.path: found X, expected Y.\n"
         "The catalog is read from $GIGAPLAN_RESOURCES/catalog when set.\n";
}

std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return std::nullopt;
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    out << usage();
    return kOk;
  }
  if (first == "--version") {
    out << "gigaplan " GIGAPLAN_VERSION "\n";
    return kOk;
  }
  if (auto it = commands().find(first); it != commands().end()) {
    return it->second(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  }
  if (first.rfind("-", 0) == 0) {
    err << "gigaplan: unknown option '" << first << "'\n\n" << usage();
    return kUsage;
  }
  return std::nullopt;  // a design file: the GUI opens it
}

}  // namespace gigaplan::cli
