// Reading files, and small line-based text files — EPW weather, hourly grid carbon — with the
// positions an error message needs. Every reader's bytes (designs, catalog, jobs, weather) come
// through readBounded(), which names a directory or the system's reason a file cannot be opened,
// and reads up to a bound so a huge or endless file is refused, never a hang. Lines are numbered
// from 1 (a "\r\n" end counts as one), comma-separated fields carry the column each starts at,
// numbers are parsed strictly.
//
//   const std::string text = io::readBounded(path, 4u << 20, "an hourly carbon file");
//   io::TextLines lines(text);
//   for (std::string_view line; lines.next(line);)
//     for (const io::CsvField& f : io::splitCsv(line)) use(f.text, lines.line(), f.column);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gigaplan::io {

struct CsvField {
  std::string_view text;
  int column = 1;  // 1-based position of the field's first character
};

/// The fields of one line, split at every comma (no quoting: the files we read have none).
std::vector<CsvField> splitCsv(std::string_view line);

/// "'12.5x'": a field as found for a message, shortened and with unprintable bytes as '?'.
std::string quotedField(std::string_view text);

/// The field as a finite number — blanks around it and a leading '+' allowed — or nothing.
std::optional<double> parseCsvNumber(std::string_view text);

class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {}
  /// The next line without its end-of-line; false at the end of the text.
  bool next(std::string_view& line);
  /// The number of the line last returned (0 before the first).
  int line() const { return line_; }
  /// True when nothing but blank lines is left.
  bool onlyBlanksLeft() const;

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 0;
};

/// The file's bytes, at most `maxBytes + 1` of them (the caller refuses more than `maxBytes`). The
/// one place files are read: throws LoadError naming the file when it is a directory or cannot be
/// opened or read (with the system's reason: "No such file or directory"); `what` says what it
/// should be ("a design file").
std::string readBounded(const std::string& path, std::size_t maxBytes, const std::string& what);

}  // namespace gigaplan::io
