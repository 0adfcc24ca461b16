// The dispatcher and the headless command table (see command_line.h).
#include "app/cli/command_line.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/compare_command.h"
#include "app/cli/evaluate_command.h"
#include "app/cli/export_command.h"
#include "app/cli/phases_command.h"
#include "app/cli/power_profile_command.h"
#include "app/cli/report_command.h"
#include "app/cli/summary_command.h"
#include "app/cli/train_command.h"
#include "app/cli/validate_command.h"
#include "app/cli/year_command.h"
#include "core/base/nearest_name.h"
#include "core/report/report_format.h"
#include "core/units/units.h"

namespace gigaplan::cli {
namespace {

// The training commands take the catalog explicitly (their tests pass their own).
Command::Run withCatalog(int (*run)(const std::vector<std::string>&, std::ostream&, std::ostream&,
                                    const catalog::Catalog&)) {
  return [run](const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const catalog::Catalog* cat = baseCatalog(err);
    return cat ? run(args, out, err, *cat) : static_cast<int>(kLoadError);
  };
}

// Usage texts name the program `gigaplan`; `gigaplan-cli --help` shows its own name.
std::string named(std::string text, const std::string& program) {
  if (program == "gigaplan") return text;
  const std::string word = "gigaplan ";
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
    const bool wordStart = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '(';
    if (wordStart) {
      text.replace(at, word.size(), program + " ");
      at += program.size() + 1;
    } else {
      at += word.size();
    }
  }
  return text;
}

bool isHelp(const std::string& a) {
  return a == "--help" || a == "-h";
}

// A single argument the desktop app would open: an existing file, or something shaped like a path.
bool looksLikeFile(const std::string& a) {
  std::error_code ec;
  return std::filesystem::exists(a, ec) || a.find('/') != std::string::npos || a.find('.') != std::string::npos;
}

}  // namespace

std::string exitCodeTable() {
  return "exit codes:\n"
         "   0  ok\n"
         "   1  findings: a design or its training job has errors (validate), no parallel plan fits or the plan\n"
         "      given does not fit in GPU memory or needs more GPUs than the site has (train, search),\n"
         "      validation rows outside tolerance (train --validation-report), no fabric to describe\n"
         "      (export --slurm-topology), a phase with errors (phases)\n"
         "   2  input not loadable: a design, cluster, job or the catalog (file:line:column: key: found, expected)\n"
         "   3  output not writable (report, export, train --validation-report, screenshot, scene)\n"
         "  64  usage: unknown command or option, missing or malformed argument\n";
}

std::vector<Command> headlessCommands() {
  return {
      {"validate", "gigaplan validate FILE...                     check designs and each one's variants",
       validateUsage(), runValidate},
      {"summary", "gigaplan summary FILE                         what a design holds, in a few lines", summaryUsage(),
       runSummary},
      {"evaluate",
       "gigaplan evaluate FILE [--json] [--objects] [--uncertainty N]   compute, fabric, power, cooling, failure "
       "domains,\n"
       "                                              findings; with N, P10–P90 ranges from the catalog's grades",
       evaluateUsage(), runEvaluate},
      {"train",
       "gigaplan train --cluster FILE [--job FILE] [--json]   step time, MFU, memory, days, energy, goodput\n"
       "gigaplan train --validation-report FILE       the training model against published runs",
       trainUsage(), withCatalog(runTrainCommand)},
      {"search", "gigaplan search --cluster FILE [--job FILE] [--top N] [--json]   best parallel plans", searchUsage(),
       withCatalog(runSearchCommand)},
      {"report",
       "gigaplan report FILE -o OUT.{html,md,json,csv} [--compare OTHER]   design report (no PDF, no 3D "
       "picture)",
       reportUsage(ReportFlavour::Headless), runReport},
      {"year", "gigaplan year FILE [--weather EPW] [--json|--csv]   a year of weather: energy, PUE, water, carbon",
       yearUsage(), runYear},
      {"phases", "gigaplan phases FILE [--no-year] [--json|--csv]   the site phase by phase, the job's finish date",
       phasesUsage(), runPhases},
      {"power-profile",
       "gigaplan power-profile FILE [--seconds S] [--csv|--json]   power waveform, grid, batteries, turbines",
       powerProfileUsage(), runPowerProfile},
      {"compare",
       "gigaplan compare A B [--json|--md] [--changed]   two designs side by side: metrics, findings, objects\n"
       "                                              (a FILE may be FILE#variant: one of its variants)",
       compareUsage(), runCompare},
      {"export",
       "gigaplan export FILE [--slurm-topology OUT [--block]] [--cables OUT.csv] [--bom OUT.csv]\n"
       "                                              Slurm topology, cable schedule, BOM with sources",
       exportUsage(), runExport},
  };
}

std::optional<long long> wholeNumber(const std::string& text, long long min, long long max) {
  const units::ParseResult n = units::parseNumber(text);
  if (!n || n.value < static_cast<double>(min) || n.value > static_cast<double>(max) || n.value != std::floor(n.value))
    return std::nullopt;
  return static_cast<long long>(n.value);
}

std::string phaseOutOfRange(int phase, int phases, const std::string& file) {
  if (phase <= phases) return {};
  return "--phase " + std::to_string(phase) + ", but " + file + " has " +
         (phases == 0 ? std::string("no phases") : report::counted(phases, "phase"));
}

bool isOption(const std::string& arg) {
  return arg.rfind('-', 0) == 0;
}

std::string unexpectedArgument(const std::string& arg) {
  return (isOption(arg) ? "unknown option '" : "unexpected '") + arg + "'";
}

std::string programName(int argc, char** argv, const std::string& fallback) {
  if (argc < 1 || !argv[0]) return fallback;
  const std::string name = std::filesystem::path(argv[0]).filename().string();
  return name.empty() ? fallback : name;
}

CommandLine::CommandLine(std::string program, std::vector<Command> commands, Gui gui)
    : program_(std::move(program)), commands_(std::move(commands)), gui_(gui) {}

void CommandLine::set(Command command) {
  for (auto& c : commands_) {
    if (c.name == command.name) {
      c = std::move(command);
      return;
    }
  }
  commands_.push_back(std::move(command));
}

const Command* CommandLine::find(const std::string& name) const {
  for (const auto& c : commands_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string CommandLine::usage() const {
  std::string text = program_ + " " GIGAPLAN_VERSION " — plan AI training sites up to gigawatt scale\n\nusage:\n";
  if (gui_ == OpensGui) text += "  gigaplan [FILE]                               open the desktop app (on FILE)\n";
  for (const auto& c : commands_) {
    std::string synopsis = c.synopsis;
    for (std::size_t at = 0; (at = synopsis.find('\n', at)) != std::string::npos; at += 3)
      synopsis.replace(at, 1, "\n  ");
    text += "  " + synopsis + "\n";
  }
  text += "  gigaplan COMMAND --help                       one command's usage\n";
  text += "  gigaplan --help | --version\n\n";
  if (gui_ == NoGui) {
    text +=
        "gigaplan-cli holds every command that needs no window (no Qt, no VTK): use it in scripts and on\n"
        "servers. `gigaplan` runs the same commands and adds the desktop app, `report` to PDF and with the\n"
        "3D picture, and `screenshot`.\n\n";
  }
  text += exitCodeTable();
  text +=
      "\nErrors read file:line:column: key.path: found X, expected Y.\n"
      "The catalog is read from $GIGAPLAN_RESOURCES/catalog when set.\n";
  return named(text, program_);
}

std::string CommandLine::commandHelp(const Command& command) const {
  return named(command.usage + "\n" + exitCodeTable(), program_);
}

int CommandLine::unknownCommand(const std::string& word, std::ostream& err) const {
  std::vector<std::string_view> names;
  for (const auto& c : commands_) names.push_back(c.name);
  err << program_ << ": '" << word << "' is not a command";
  if (const auto meant = base::nearestName(word, names)) {
    err << "; did you mean '" << *meant << "'?\n";
  } else {
    err << ". Commands:";
    for (const auto& c : commands_) err << " " << c.name;
    err << "\n";
  }
  err << "  (" << program_ << " --help lists every command and its arguments)\n";
  return kUsage;
}

std::optional<int> CommandLine::run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) const {
  if (args.empty()) {
    if (gui_ == OpensGui) return std::nullopt;
    err << program_ << ": missing COMMAND\n" << usage();
    return kUsage;
  }
  const std::string& first = args.front();
  if (isHelp(first) || first == "help") {
    if (args.size() > 1 && first == "help") {
      const Command* c = find(args[1]);
      if (!c) return unknownCommand(args[1], err);
      out << commandHelp(*c);
      return kOk;
    }
    out << usage();
    return kOk;
  }
  if (first == "--version") {
    out << program_ << " " GIGAPLAN_VERSION "\n";
    return kOk;
  }
  if (const Command* c = find(first)) {
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::any_of(rest.begin(), rest.end(), [](const std::string& a) { return a == "--help"; }) ||
        (!rest.empty() && rest.front() == "-h")) {
      out << commandHelp(*c);
      return kOk;
    }
    try {
      return c->run(rest, out, err);
    } catch (const UsageError& e) {
      err << program_ << " " << c->name << ": " << e.what() << "\n" << named(c->usage, program_);
      return kUsage;
    }
  }
  if (isOption(first)) {
    err << program_ << ": unknown option '" << first << "'\n  (" << program_ << " --help lists the commands)\n";
    return kUsage;
  }
  if (gui_ == OpensGui && args.size() == 1 && looksLikeFile(first)) return std::nullopt;  // the app opens it
  return unknownCommand(first, err);
}

}  // namespace gigaplan::cli
