#include "app/cli/text_rows.h"

#include <algorithm>
#include <ostream>
#include <string>

namespace gigaplan::cli {

void labelRow(std::ostream& out, std::size_t width, std::string_view label, std::string_view value) {
  // Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) adds none ("0.1 Hz–5 Hz").
  const auto chars = static_cast<std::size_t>(
      std::count_if(label.begin(), label.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  out << "  " << label << std::string(chars < width ? width - chars : 1, ' ') << value << "\n";
}

}  // namespace gigaplan::cli
