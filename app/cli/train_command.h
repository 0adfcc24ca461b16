// `gigaplan train` and `gigaplan search`: the training model from the command line (plain std
// streams, no Qt; tests run them through a cli::CommandLine, which prints their usage errors).
//
//   gigaplan train  --cluster FILE --job FILE [--json]
//   gigaplan train  --validation-report FILE          (writes docs/validation.md)
//   gigaplan search --cluster FILE --job FILE [--top N] [--json]     (progress on stderr)
//
// Exit codes (app/cli/command_line.h): 0 ok, 1 no plan fits in memory or validation rows outside
// tolerance, 2 load error (file:line:column: key: found X, expected Y on stderr), 3 the validation
// report cannot be written, 64 usage error (thrown as cli::UsageError).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"

namespace gigaplan::cli {

/// The usage texts (`gigaplan train --help`, `gigaplan search --help`).
std::string trainUsage();
std::string searchUsage();

int runTrainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                    const catalog::Catalog& cat);

int runSearchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const catalog::Catalog& cat);

}  // namespace gigaplan::cli
