// A tiny vector display list for report drawings and charts: lines, rectangles, polygons, circles
// and text in points (1/72 inch), y down, origin top-left. One model, two back ends: the SVG
// writer here in core (HTML, Markdown) and a QPainter renderer in app/report (PDF), so the
// drawings in every format are the same vectors.
//
//   Drawing d(515, 200);
//   d.rect({10, 10, 100, 40}, Style::filled(Color::rgb(0x4c72b0)));
//   d.text({60, 35}, "Hall 1", {.size = 9, .anchor = Anchor::Middle});
//   std::string svg = toSvg(d);   // svg_writer.h
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace gigaplan::report {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  static constexpr Color rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
    return {static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8), static_cast<std::uint8_t>(hex),
            alpha};
  }
  bool transparent() const { return a == 0; }
  /// "#rrggbb"
  std::string hex() const;
  friend bool operator==(const Color&, const Color&) = default;
};

inline constexpr Color kTransparent = {0, 0, 0, 0};
inline constexpr Color kBlack = Color::rgb(0x000000);
inline constexpr Color kWhite = Color::rgb(0xffffff);
inline constexpr Color kInk = Color::rgb(0x222222);    // body text
inline constexpr Color kMuted = Color::rgb(0x666666);  // secondary text, axes
inline constexpr Color kRule = Color::rgb(0xbbbbbb);   // grid lines, borders
inline constexpr Color kOk = Color::rgb(0x2e8b57);
inline constexpr Color kWarn = Color::rgb(0xe0a100);
inline constexpr Color kBad = Color::rgb(0xc0392b);

/// Categorical palette (colour-blind friendly, after Okabe-Ito and Tableau 10); index cycles.
Color paletteColor(int index);
/// Green below 80 %, amber to 100 %, red above: how utilisation is coloured everywhere.
Color utilisationColor(double fraction);
/// `c` mixed with white: amount 0 = c, 1 = white.
Color lighter(Color c, double amount);

struct Point {
  double x = 0, y = 0;
};
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

struct Style {
  Color stroke = kTransparent;
  Color fill = kTransparent;
  double width = 0.5;  // stroke width, pt
  bool dashed = false;
  static Style line(Color c, double w = 0.5) { return {c, kTransparent, w, false}; }
  static Style filled(Color c) { return {kTransparent, c, 0.5, false}; }
  static Style outlined(Color fill, Color stroke, double w = 0.5) { return {stroke, fill, w, false}; }
};

enum class Anchor { Start, Middle, End };

struct TextStyle {
  double size = 8;  // pt
  Anchor anchor = Anchor::Start;
  bool bold = false;
  Color color = kInk;
  double rotation = 0;  // degrees, clockwise, about the anchor point
};

struct LineItem {
  Point a, b;
  Style style;
};
struct RectItem {
  Rect r;
  Style style;
};
struct PolygonItem {
  std::vector<Point> points;
  Style style;
  bool closed = true;  // false: a polyline
};
struct CircleItem {
  Point c;
  double radius = 1;
  Style style;
};
struct TextItem {
  Point at;          // baseline point of the anchor
  std::string text;  // UTF-8, plain (writers escape it)
  TextStyle style;
};

/// Runs of text in different weights or colours set one after another on a baseline, measured by
/// each back end with the real font so they never overlap ("ups-a  × 2  UPS · ups-1500kw").
struct Span {
  std::string text;
  bool bold = false;
  Color color = kInk;
};
struct SpansItem {
  Point at;  // baseline start
  double size = 8;
  std::vector<Span> spans;
};

using Item = std::variant<LineItem, RectItem, PolygonItem, CircleItem, TextItem, SpansItem>;

class Drawing {
 public:
  Drawing() = default;
  Drawing(double width, double height) : width_(width), height_(height) {}

  double width() const { return width_; }
  double height() const { return height_; }
  void setHeight(double h) { height_ = h; }
  const std::vector<Item>& items() const { return items_; }
  std::string title;  // accessible name (SVG <title>, PDF alt text is not used)

  void line(Point a, Point b, const Style& s) { items_.push_back(LineItem{a, b, s}); }
  void rect(const Rect& r, const Style& s) { items_.push_back(RectItem{r, s}); }
  void polygon(std::vector<Point> p, const Style& s, bool closed = true) {
    items_.push_back(PolygonItem{std::move(p), s, closed});
  }
  void circle(Point c, double radius, const Style& s) { items_.push_back(CircleItem{c, radius, s}); }
  void text(Point at, std::string t, const TextStyle& s = {}) { items_.push_back(TextItem{at, std::move(t), s}); }
  void spans(Point at, double size, std::vector<Span> s) { items_.push_back(SpansItem{at, size, std::move(s)}); }

 private:
  double width_ = 0, height_ = 0;
  std::vector<Item> items_;
};

/// Approximate advance width of `text` in a sans-serif face (DejaVu Sans metrics, per character
/// class), in pt; layout code uses it to fit labels. Approximation: within ~10 % for Latin text.
double textWidth(const std::string& text, double size, bool bold = false);
/// The same for a run of spans.
double textWidth(const std::vector<Span>& spans, double size);

/// `text` shortened with "…" so that textWidth() ≤ maxWidth.
std::string elide(const std::string& text, double size, double maxWidth, bool bold = false);

}  // namespace gigaplan::report
