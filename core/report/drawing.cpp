// Colours and text measurement for the drawing display list (see drawing.h).
#include "core/report/drawing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace gigaplan::report {
namespace {

// Advance widths of printable ASCII (32..126) in DejaVu Sans, in thousandths of an em (from the
// font's hmtx table, rounded). Other code points count as 0.6 em.
constexpr std::array<std::uint16_t, 95> kAdvance = {
    318,  401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  // ' ' .. '/'
    636,  636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,  // '0' .. '?'
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,  // '@' .. 'O'
    603,  787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,  // 'P' .. '_'
    500,  613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // '`' .. 'o'
    635,  635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};      // 'p' .. '~'

}  // namespace

std::string Color::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

Color paletteColor(int index) {
  static constexpr std::array<Color, 10> kPalette = {
      Color::rgb(0x4e79a7), Color::rgb(0xf28e2b), Color::rgb(0x59a14f), Color::rgb(0xe15759), Color::rgb(0x76b7b2),
      Color::rgb(0xedc948), Color::rgb(0xb07aa1), Color::rgb(0xff9da7), Color::rgb(0x9c755f), Color::rgb(0xbab0ac)};
  const int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<std::size_t>(((index % n) + n) % n)];
}

Color utilisationColor(double fraction) {
  if (fraction > 1.0) return kBad;
  if (fraction >= 0.8) return kWarn;
  return kOk;
}

Color lighter(Color c, double amount) {
  const double t = std::clamp(amount, 0.0, 1.0);
  auto mix = [t](std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(v + (255 - v) * t)); };
  return {mix(c.r), mix(c.g), mix(c.b), c.a};
}

double textWidth(const std::string& text, double size, bool bold) {
  double em = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 32 && c < 127) {
      em += kAdvance[c - 32] / 1000.0;
    } else if ((c & 0xC0) != 0x80 && c >= 0x80) {
      em += 0.6;  // first byte of a multi-byte code point; continuation bytes add nothing
    }
  }
  return em * size * (bold ? 1.12 : 1.0);  // DejaVu Sans Bold runs ~10-15 % wider
}

double textWidth(const std::vector<Span>& spans, double size) {
  double w = 0;
  for (const auto& s : spans) w += textWidth(s.text, size, s.bold);
  return w;
}

std::string elide(const std::string& text, double size, double maxWidth, bool bold) {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const std::string ellipsis = "\u2026";
  std::string cut = text;
  while (!cut.empty() && textWidth(cut + ellipsis, size, bold) > maxWidth) {
    // Drop one whole code point: its continuation bytes, then its lead (or ASCII) byte.
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty()) cut.pop_back();
  }
  return cut + ellipsis;
}

}  // namespace gigaplan::report
