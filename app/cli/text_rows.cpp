#include "app/cli/text_rows.h"

#include <ostream>
#include <string>

namespace gigaplan::cli {

void labelRow(std::ostream& out, std::size_t width, std::string_view label, std::string_view value) {
  out << "  " << label << std::string(label.size() < width ? width - label.size() : 1, ' ') << value << "\n";
}

}  // namespace gigaplan::cli
