// gigaplan: the command line when a command is given (app/gui/app_commands.h), the desktop app
// otherwise. Scripts and servers use gigaplan-cli (app/cli/main.cpp), which needs no Qt or VTK.
#include <iostream>
#include <string>
#include <vector>

#include "app/gui/app_commands.h"
#include "app/gui/gui_main.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string program = gigaplan::cli::programName(argc, argv, "gigaplan");
  if (auto code = gigaplan::app::appCommandLine(program).run(args, std::cout, std::cerr)) return *code;
  return gigaplan::gui::run(argc, argv);
}
