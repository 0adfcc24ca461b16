// Line-based text files and their fields (see text_lines.h).
#include "core/io/text_lines.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/base/text.h"
#include "core/io/diagnostic.h"

namespace gigaplan::io {

std::vector<CsvField> splitCsv(std::string_view line) {
  std::vector<CsvField> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',') {
      fields.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
      start = i + 1;
    }
  }
  return fields;
}

std::string quotedField(std::string_view text) {
  std::string out = "'";
  for (char c : text.substr(0, 40)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return out + (text.size() > 40 ? "…'" : "'");
}

std::optional<double> parseCsvNumber(std::string_view text) {
  const std::string_view t = base::trimBlanks(text);
  const std::string_view digits = t.starts_with('+') ? t.substr(1) : t;  // from_chars takes no '+'
  double v = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

bool TextLines::next(std::string_view& line) {
  if (pos_ >= text_.size()) return false;
  const std::size_t end = text_.find('\n', pos_);
  line = text_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
  pos_ = end == std::string_view::npos ? text_.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_;
  return true;
}

bool TextLines::onlyBlanksLeft() const {
  return text_.find_first_not_of(" \t\r\n", pos_) == std::string_view::npos;
}

std::string readBounded(const std::string& path, std::size_t maxBytes, const std::string& what) {
  const auto cannot = [&](const char* doing, int error) {
    const std::string reason = error != 0 ? " (" + std::string(std::strerror(error)) + ")" : "";
    return LoadError(Diagnostic{path, 0, 0, "", std::string("a file that cannot be ") + doing + reason, what});
  };
  // Linux opens a directory for reading and only the read fails; its "size" is the largest offset.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw LoadError(Diagnostic{path, 0, 0, "", "a directory", what});
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw cannot("opened", errno);
  // In pieces, so a small file costs no buffer of the limit's size and an endless one stops there.
  std::string text;
  char piece[64 * 1024];
  while (text.size() <= maxBytes && in) {
    in.read(piece, static_cast<std::streamsize>(std::min(sizeof piece, maxBytes + 1 - text.size())));
    text.append(piece, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw cannot("read", errno);
  return text;
}

}  // namespace gigaplan::io
