// The `gigaplan` command line: subcommands that need no window (validate, evaluate, train, …).
// Each subcommand is a function with plain std streams so tests can call it directly.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// Exit codes shared by every subcommand.
enum Exit : int { kOk = 0, kFindings = 1, kLoadError = 2, kUsage = 64 };

/// Runs a subcommand when args[0] names one (or is --help / --version) and returns its exit code;
/// returns nothing when the arguments ask for the GUI (no arguments, or a design file).
std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text.
std::string usage();

}  // namespace gigaplan::cli
