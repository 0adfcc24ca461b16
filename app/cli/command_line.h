// The command line of both executables: one table of commands, one dispatcher, one table of exit
// codes. `gigaplan-cli` (no Qt, no VTK) runs headlessCommands(); `gigaplan` runs the same table
// with `report` (PDF, 3D picture) and `screenshot` added by the app (app/gui/app_commands.h), and
// opens the desktop app when no command is given. Each command is a function with plain std
// streams so tests can call it directly.
//
//   const cli::CommandLine line("gigaplan-cli", cli::headlessCommands(), cli::CommandLine::NoGui);
//   return *line.run({"validate", "site.yaml"}, std::cout, std::cerr);
//
// A command reports a usage error by throwing UsageError("missing FILE"); the dispatcher prints it
// as "gigaplan-cli validate: missing FILE" followed by the command's usage, and returns 64.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// Exit codes shared by every command (printed by --help; see exitCodeTable()).
enum Exit : int { kOk = 0, kFindings = 1, kLoadError = 2, kWriteError = 3, kUsage = 64 };

/// The exit-code table as --help prints it.
std::string exitCodeTable();

struct Command {
  using Run = std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)>;
  std::string name;
  std::string synopsis;  // the command's line(s) in the overview, "gigaplan summary FILE   what a design holds"
  std::string usage;     // the full usage, printed by `gigaplan COMMAND --help` and after usage errors
  Run run;
};

/// Every command that needs no window: validate, summary, evaluate, train, search, report (without
/// PDF and without the 3D picture).
std::vector<Command> headlessCommands();

/// A whole number from `min` to `max` as written on the command line ("1000", "1e3"), or
/// nothing (not a number, a fraction, out of range).
std::optional<long long> wholeNumber(const std::string& text, long long min, long long max);

/// Why `--phase N` (1-based) cannot be drawn for a design of `phases` phases in `file`, as
/// "--phase 6, but site.yaml has 5 phases"; "" when it can.
std::string phaseOutOfRange(int phase, int phases, const std::string& file);

/// A usage error (exit 64), thrown by a command: what is wrong with its arguments, in a few words
/// ("missing FILE", "unknown option '--bogus'"). CommandLine::run() prints "PROGRAM COMMAND: what"
/// and then the command's usage, so that every command's usage errors read alike.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// True for an argument that starts with '-': an option, never a file name.
bool isOption(const std::string& arg);

/// Why a command does not take `arg`: "unknown option '--bogus'" for one that starts with '-',
/// "unexpected 'b.yaml'" for a word (a file too many).
std::string unexpectedArgument(const std::string& arg);

/// The name the program was run by, for its help and errors: argv[0] without its folder, or
/// `fallback` when there is none.
std::string programName(int argc, char** argv, const std::string& fallback);

class CommandLine {
 public:
  enum Gui { NoGui, OpensGui };
  /// `program` names the executable in help and errors; with OpensGui, no arguments or a single
  /// design file mean "open the desktop app" (run() then returns nothing).
  CommandLine(std::string program, std::vector<Command> commands, Gui gui);

  /// Adds `command`, or replaces the command of the same name.
  void set(Command command);
  const Command* find(const std::string& name) const;
  const std::vector<Command>& commands() const { return commands_; }

  /// Runs the command args[0] names, `--help`, `help [COMMAND]`, `COMMAND --help` or `--version`
  /// and returns its exit code. A word that names no command is a usage error (64) naming the
  /// closest command; a command's UsageError is printed with its usage (64). Returns nothing when
  /// the arguments ask for the GUI.
  std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) const;

  /// The overview printed by --help.
  std::string usage() const;
  /// One command's usage and the exit-code table, as `COMMAND --help` prints them.
  std::string commandHelp(const Command& command) const;

 private:
  int unknownCommand(const std::string& word, std::ostream& err) const;

  std::string program_;
  std::vector<Command> commands_;
  Gui gui_;
};

}  // namespace gigaplan::cli
