// `gigaplan validate FILE...`: loads and checks designs; exit 0 valid, 1 findings of severity
// error, 2 a file cannot be loaded (the error on stderr as file:line:column: key: found, expected).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan validate --help`).
std::string validateUsage();

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
