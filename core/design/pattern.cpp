// Expansion of id patterns (see pattern.h).
#include "core/design/pattern.h"

#include <charconv>
#include <cstdio>

namespace gigaplan::design {
namespace {

bool readInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out > 0 && out <= 1'000'000;
}

}  // namespace

PatternResult expandPattern(std::string_view pattern, const PatternVars& vars) {
  PatternResult r;
  r.text.reserve(pattern.size() + 8);
  for (std::size_t pos = 0; pos < pattern.size();) {
    const char c = pattern[pos];
    if (c == '}') {
      r.error = "a '}' without its '{'";
      return r;
    }
    if (c != '{') {
      r.text += c;
      ++pos;
      continue;
    }
    const std::size_t close = pattern.find('}', pos);
    if (close == std::string_view::npos) {
      r.error = "a '{' without its '}'";
      return r;
    }
    std::string_view body = pattern.substr(pos + 1, close - pos - 1);
    pos = close + 1;
    int width = 0;
    if (auto colon = body.find(':'); colon != std::string_view::npos) {
      std::string_view w = body.substr(colon + 1);
      if (w.size() < 2 || w[0] != '0' || !readInt(w.substr(1), width) || width > 9) {
        r.error = "a width like {i:02}, not '{" + std::string(body) + "}'";
        return r;
      }
      body = body.substr(0, colon);
    }
    if (body.empty()) {
      r.error = "a variable inside '{}' ({h}, {i} or {k})";
      return r;
    }
    const char var = body[0];
    int value = var == 'h' ? vars.h : var == 'i' ? vars.i : var == 'k' ? vars.k : -1;
    if (value < 0) {
      r.error = "'{" + std::string(body) + "}' uses an unknown variable; use {h}, {i} or {k}";
      return r;
    }
    if (value == 0) {
      r.error = std::string("'{") + var + "}' is not defined here (" +
                (var == 'h'   ? "only inside a hall"
                 : var == 'k' ? "only in a row's rack fields"
                              : "not here") +
                ")";
      return r;
    }
    if (body.size() > 1) {
      const char op = body[1];
      int n = 0;
      if ((op != '/' && op != '%') || !readInt(body.substr(2), n)) {
        r.error = "'{" + std::string(body) + "}' should read {" + std::string(1, var) + "}, {" + var + "/N} or {" +
                  var + "%N}";
        return r;
      }
      value = op == '/' ? (value - 1) / n + 1 : (value - 1) % n + 1;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%0*d", width, value);
    r.text += buf;
  }
  return r;
}

}  // namespace gigaplan::design
