// The command table of the `gigaplan` executable: gigaplan-cli's commands (app/cli/command_line.h),
// with `report` replaced by the one that also writes PDF and the 3D picture, and `screenshot`,
// which needs OpenGL. main() runs it and opens the desktop app when it returns nothing.
//
//   if (auto code = app::appCommandLine().run(args, std::cout, std::cerr)) return *code;
#pragma once

#include <string>

#include "app/cli/command_line.h"

namespace gigaplan::app {

/// `program` names the executable in help and errors (main() passes argv[0]'s name).
cli::CommandLine appCommandLine(const std::string& program = "gigaplan");

}  // namespace gigaplan::app
