// A tiny streaming JSON writer (objects, arrays, strings, numbers, booleans), enough for the
// training results; commas and indentation are handled for the caller. Non-finite numbers are
// written as null. Candidate to move to a shared place (core/report) if others need it.
//
//   JsonWriter w;
//   w.beginObject().key("step_time_s").value(12.5).key("fits_memory").value(true).endObject();
//   std::string text = w.str();   // {"step_time_s": 12.5, "fits_memory": true}  (indented)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gigaplan::training {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(double v);
  JsonWriter& value(int v);
  JsonWriter& value(bool v);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }

  const std::string& str() const { return out_; }

  /// JSON string literal with escapes, quotes included.
  static std::string quote(std::string_view s);

 private:
  void beforeValue();
  void newline();
  void open(char c);
  void close(char c);

  std::string out_;
  std::vector<bool> hasItems_;  // per open container: something written already
  bool afterKey_ = false;
};

}  // namespace gigaplan::training
