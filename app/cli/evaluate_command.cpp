// `gigaplan evaluate` (see evaluate_command.h).
#include "app/cli/evaluate_command.h"

#include <cmath>
#include <optional>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation_json.h"
#include "core/io/design_io.h"
#include "core/report/evaluation_text.h"
#include "core/report/training_plan.h"
#include "core/report/uncertainty.h"
#include "core/units/units.h"

namespace gigaplan::cli {
namespace {

// "U=0.3,E=0.15" → spread per grade (V, S, E or U; each 0 to 1).
bool parseSpread(const std::string& text, std::map<std::string, double>& spread) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string pair = text.substr(start, comma - start);
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos) return false;
    const std::string grade = pair.substr(0, eq);
    const units::ParseResult v = units::parseNumber(pair.substr(eq + 1));
    if ((grade != "V" && grade != "S" && grade != "E" && grade != "U") || !v || v.value < 0 || v.value > 1)
      return false;
    spread[grade] = v.value;
    start = comma + 1;
  }
  return true;
}

}  // namespace

std::string evaluateUsage() {
  return "usage: gigaplan evaluate FILE [--json] [--objects] [--uncertainty N [--spread G=S,...] [--seed K]]\n"
         "  What the layout delivers, draws and risks: compute, fabric, power, cooling, failure domains,\n"
         "  findings and the bill of materials, as text or (--json) as JSON; --objects adds per-object values.\n"
         "  --uncertainty N: a Monte Carlo of N samples over the graded catalog figures the design uses —\n"
         "  P10 / P50 / P90 of facility power, PUE, water, training days and energy, and the inputs that move\n"
         "  training days and facility power most. Spread per grade: V 2 %, S 5 %, E 10 %, U 20 % (relative\n"
         "  standard deviation); --spread U=0.3,E=0.15 changes them. --seed K draws another reproducible set.\n"
         "  Exits 0 even when there are findings (use validate to fail on them).\n";
}

int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file;
  bool json = false, objects = false;
  std::optional<report::UncertaintyOptions> uncertainty;
  report::UncertaintyOptions options;
  bool spreadGiven = false, seedGiven = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--json") {
      json = true;
    } else if (a == "--objects") {
      objects = true;
    } else if (a == "--uncertainty") {
      const auto v = value();
      const auto n = v ? wholeNumber(*v, report::kMinSamples, report::kMaxSamples) : std::nullopt;
      if (!n) throw UsageError("--uncertainty takes a number of samples from 10 to 100,000");
      options.samples = static_cast<int>(*n);
      uncertainty = options;
    } else if (a == "--spread") {
      const auto v = value();
      if (!v || !parseSpread(*v, options.spread))
        throw UsageError("--spread takes GRADE=SIGMA pairs such as U=0.3,E=0.15 (grades V, S, E, U; 0 to 1)");
      spreadGiven = true;
    } else if (a == "--seed") {
      const auto v = value();
      const auto n = v ? wholeNumber(*v, 0, 4'000'000'000) : std::nullopt;
      if (!n) throw UsageError("--seed takes a whole number");
      options.seed = static_cast<unsigned>(*n);
      seedGiven = true;
    } else if (file.empty() && !isOption(a)) {
      file = a;
    } else {
      throw UsageError(unexpectedArgument(a));
    }
  }
  if ((spreadGiven || seedGiven) && !uncertainty) throw UsageError("--spread and --seed go with --uncertainty N");
  if (uncertainty) {
    uncertainty->spread = options.spread;
    uncertainty->seed = options.seed;
  }
  if (file.empty()) throw UsageError("missing FILE");
  const auto r = loadResolvedDesign(file, err);
  if (!r) return kLoadError;
  const engine::Evaluation e = report::evaluateWithJob(*r);
  std::optional<report::Uncertainty> u;
  if (uncertainty) u = report::propagateUncertainty(*r, *uncertainty);
  if (json) {
    std::string text = engine::evaluationToJson(e, r->layout, {.objects = objects});
    if (u) {  // one more member of the evaluation's object
      const std::size_t end = text.find_last_of('}');
      text.insert(end, ",\n\"uncertainty\": " + report::uncertaintyJson(*u) + "\n");
    }
    out << text << "\n";
  } else {
    out << report::evaluationText(*r, e);
    if (u) out << report::uncertaintyText(*u);
  }
  return kOk;
}

}  // namespace gigaplan::cli
