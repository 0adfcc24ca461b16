// Drawing → SVG (see svg_writer.h).
#include "core/report/svg_writer.h"

#include <cstdio>
#include <sstream>

#include "core/report/escape.h"

namespace gigaplan::report {
namespace {

// Coordinates to 0.01 pt: small files, far below what print or screen resolves.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string paint(const Style& s) {
  std::string out;
  out += s.fill.transparent() ? " fill=\"none\"" : " fill=\"" + s.fill.hex() + "\"";
  if (!s.fill.transparent() && s.fill.a != 255) out += " fill-opacity=\"" + num(s.fill.a / 255.0) + "\"";
  if (!s.stroke.transparent()) {
    out += " stroke=\"" + s.stroke.hex() + "\" stroke-width=\"" + num(s.width) + "\"";
    if (s.stroke.a != 255) out += " stroke-opacity=\"" + num(s.stroke.a / 255.0) + "\"";
    if (s.dashed) out += " stroke-dasharray=\"" + num(3 * s.width + 1) + " " + num(2 * s.width + 1) + "\"";
  }
  return out;
}

struct Writer {
  std::ostringstream& o;
  void operator()(const LineItem& l) const {
    Style s = l.style;
    s.fill = kTransparent;
    o << "<line x1=\"" << num(l.a.x) << "\" y1=\"" << num(l.a.y) << "\" x2=\"" << num(l.b.x) << "\" y2=\"" << num(l.b.y)
      << "\"" << paint(s) << "/>\n";
  }
  void operator()(const RectItem& r) const {
    o << "<rect x=\"" << num(r.r.x) << "\" y=\"" << num(r.r.y) << "\" width=\"" << num(r.r.w) << "\" height=\""
      << num(r.r.h) << "\"" << paint(r.style) << "/>\n";
  }
  void operator()(const PolygonItem& p) const {
    o << (p.closed ? "<polygon" : "<polyline") << " points=\"";
    for (std::size_t i = 0; i < p.points.size(); ++i) {
      o << (i ? " " : "") << num(p.points[i].x) << "," << num(p.points[i].y);
    }
    Style s = p.style;
    if (!p.closed) s.fill = kTransparent;
    o << "\"" << paint(s) << "/>\n";
  }
  void operator()(const CircleItem& c) const {
    o << "<circle cx=\"" << num(c.c.x) << "\" cy=\"" << num(c.c.y) << "\" r=\"" << num(c.radius) << "\""
      << paint(c.style) << "/>\n";
  }
  void operator()(const TextItem& t) const {
    const char* anchor = t.style.anchor == Anchor::Middle ? "middle" : t.style.anchor == Anchor::End ? "end" : "start";
    o << "<text x=\"" << num(t.at.x) << "\" y=\"" << num(t.at.y) << "\" font-size=\"" << num(t.style.size)
      << "\" text-anchor=\"" << anchor << "\" fill=\"" << t.style.color.hex() << "\"";
    if (t.style.bold) o << " font-weight=\"bold\"";
    if (t.style.rotation != 0) {
      o << " transform=\"rotate(" << num(t.style.rotation) << " " << num(t.at.x) << " " << num(t.at.y) << ")\"";
    }
    o << ">" << escapeXml(t.text) << "</text>\n";
  }
  void operator()(const SpansItem& t) const {
    // xml:space keeps the spaces at the edges of each run.
    o << "<text x=\"" << num(t.at.x) << "\" y=\"" << num(t.at.y) << "\" font-size=\"" << num(t.size)
      << "\" xml:space=\"preserve\">";
    for (const Span& s : t.spans) {
      o << "<tspan fill=\"" << s.color.hex() << "\"" << (s.bold ? " font-weight=\"bold\"" : "") << ">"
        << escapeXml(s.text) << "</tspan>";
    }
    o << "</text>\n";
  }
};

}  // namespace

std::string toSvg(const Drawing& d) {
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(d.width()) << "pt\" height=\"" << num(d.height())
    << "pt\" viewBox=\"0 0 " << num(d.width()) << " " << num(d.height())
    << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n";
  if (!d.title.empty()) o << "<title>" << escapeXml(d.title) << "</title>\n";
  const Writer w{o};
  for (const Item& item : d.items()) std::visit(w, item);
  o << "</svg>\n";
  return o.str();
}

}  // namespace gigaplan::report
