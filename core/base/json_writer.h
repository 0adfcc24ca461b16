// A small streaming JSON writer for reports and the command line's --json output: objects,
// arrays, strings (escaped), numbers (shortest text that reads back as the same double;
// non-finite numbers become null), booleans. Indented two spaces by default.
//
//   report::JsonWriter j;
//   j.beginObject().field("gpus", 576).key("power").beginObject().field("pue", 1.21).endObject().endObject();
//   std::string text = j.str();   // {"gpus": 576, "power": {"pue": 1.21}} (indented)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gigaplan::report {

class JsonWriter {
 public:
  explicit JsonWriter(bool indent = true) : indent_(indent) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(double number, int significantDigits);  // e.g. 6: 1.23457
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& field(std::string_view name, double v, int significantDigits) {
    key(name);
    return value(v, significantDigits);
  }

  /// The text written so far (complete once every object and array is closed).
  const std::string& str() const { return out_; }

  /// JSON string literal of `text`, with quotes.
  static std::string quote(std::string_view text);

 private:
  void beforeValue();
  void close(char bracket);
  void newline();
  std::string out_;
  struct Level {
    bool array = false;
    int items = 0;
  };
  std::vector<Level> stack_;
  bool afterKey_ = false;
  bool indent_;
};

}  // namespace gigaplan::report
