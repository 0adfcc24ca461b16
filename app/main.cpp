// gigaplan: the command line when a subcommand is given, the desktop app otherwise.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/gui/gui_main.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (auto code = gigaplan::cli::run(args, std::cout, std::cerr)) return *code;
  return gigaplan::gui::run(argc, argv);
}
