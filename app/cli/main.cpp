// gigaplan-cli: every command that needs no window (app/cli/command_line.h), without Qt or VTK, for
// scripts and servers. `gigaplan` runs the same commands and adds the desktop app.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/command_line.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const gigaplan::cli::CommandLine line(gigaplan::cli::programName(argc, argv, "gigaplan-cli"),
                                        gigaplan::cli::headlessCommands(), gigaplan::cli::CommandLine::NoGui);
  return line.run(args, std::cout, std::cerr).value_or(gigaplan::cli::kUsage);
}
