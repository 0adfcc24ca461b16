// ReportDocument → one self-contained HTML file (see html_writer.h).
#include "core/report/html_writer.h"

#include <sstream>

#include "core/report/escape.h"
#include "core/report/svg_writer.h"

namespace gigaplan::report {
namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; max-width: 62em; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; font-size: 14px; }
h1 { font-size: 2em; margin: 0.2em 0; } h2 { border-bottom: 2px solid #4e79a7; padding-bottom: 0.2em; margin-top: 2em; }
.subtitle { font-size: 1.15em; color: #444; margin: 0.2em 0 1em; }
.meta, .footnote, figcaption { color: #666; font-size: 0.88em; }
.headlines { display: grid; grid-template-columns: repeat(auto-fill, minmax(13em, 1fr)); gap: 0.6em; margin: 1.2em 0; }
.headline { border: 1px solid #ccd; border-left: 4px solid #4e79a7; padding: 0.5em 0.8em; border-radius: 3px; }
.headline .label { color: #555; font-size: 0.85em; } .headline .value { font-size: 1.6em; font-weight: bold; }
.headline .detail { color: #666; font-size: 0.82em; }
nav ol { columns: 2; } nav a { color: #1f5fa0; }
table { border-collapse: collapse; margin: 0.8em 0; width: 100%; font-size: 0.9em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eef2f7; } td.num, th.num { text-align: right; white-space: nowrap; }
table.kv { width: auto; } table.kv th { background: none; font-weight: normal; color: #555; white-space: nowrap; }
tr.warning td { background: #fff6dc; } tr.error td { background: #fde4e1; } tr.note td { background: #eef5fb; }
p.note { color: #444; background: #f3f6f9; border-left: 3px solid #9db4cc; padding: 0.3em 0.7em; }
p.warning { background: #fff6dc; border-left: 3px solid #e0a100; padding: 0.3em 0.7em; }
p.error { background: #fde4e1; border-left: 3px solid #c0392b; padding: 0.3em 0.7em; }
figure { margin: 1em 0; } figure img { display: block; max-width: 100%; height: auto; }
figure img.part { margin: 0; }
@media print { body { max-width: none; margin: 0; } h2 { page-break-before: always; } table, figure { page-break-inside: auto; } tr { page-break-inside: avoid; } }
)";

const char* toneClass(Tone t) {
  switch (t) {
    case Tone::Note:
      return "note";
    case Tone::Warning:
      return "warning";
    case Tone::Error:
      return "error";
    case Tone::Normal:
      break;
  }
  return "";
}

struct HtmlBlockWriter {
  std::ostringstream& o;

  void operator()(const Paragraph& p) const {
    const char* c = toneClass(p.tone);
    o << "<p" << (*c ? std::string(" class=\"") + c + "\"" : "") << ">" << escapeXml(p.text) << "</p>\n";
  }
  void operator()(const KeyValues& kv) const {
    o << "<table class=\"kv\">\n";
    for (const auto& e : kv.entries)
      o << "<tr><th>" << escapeXml(e.key) << "</th><td>" << escapeXml(e.value) << "</td></tr>\n";
    o << "</table>\n";
  }
  void operator()(const Table& t) const {
    o << "<table>\n";
    if (!t.caption.empty()) o << "<caption>" << escapeXml(t.caption) << "</caption>\n";
    o << "<thead><tr>";
    for (const auto& c : t.columns) {
      o << "<th" << (c.align == Align::Right ? " class=\"num\"" : "") << ">" << escapeXml(c.header) << "</th>";
    }
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const char* c = r < t.rowTones.size() ? toneClass(t.rowTones[r]) : "";
      o << "<tr" << (*c ? std::string(" class=\"") + c + "\"" : "") << ">";
      for (std::size_t k = 0; k < t.rows[r].size(); ++k) {
        const bool right = k < t.columns.size() && t.columns[k].align == Align::Right;
        o << "<td" << (right ? " class=\"num\"" : "") << ">" << escapeXml(t.rows[r][k]) << "</td>";
      }
      o << "</tr>\n";
    }
    o << "</tbody></table>\n";
    if (!t.footnote.empty()) o << "<p class=\"footnote\">" << escapeXml(t.footnote) << "</p>\n";
  }
  void operator()(const Figure& f) const {
    o << "<figure id=\"fig-" << escapeXml(f.id) << "\">\n";
    for (const Drawing& d : f.parts) {
      o << "<img class=\"part\" width=\"" << static_cast<int>(d.width() * 4 / 3) << "\" alt=\""
        << escapeXml(d.title.empty() ? f.caption : d.title) << "\" src=\"data:image/svg+xml;base64," << base64(toSvg(d))
        << "\">\n";
    }
    o << "<figcaption>" << escapeXml(f.caption) << "</figcaption>\n</figure>\n";
  }
  void operator()(const Picture& p) const {
    if (p.png.empty()) {
      o << "<p class=\"note\">" << escapeXml(p.note) << "</p>\n";
      return;
    }
    o << "<figure id=\"fig-" << escapeXml(p.id) << "\"><img alt=\"" << escapeXml(p.caption)
      << "\" src=\"data:image/png;base64," << base64(p.png) << "\">\n<figcaption>" << escapeXml(p.caption)
      << "</figcaption></figure>\n";
  }
};

}  // namespace

std::string toHtml(const ReportDocument& doc) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src "
       "'unsafe-inline'\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << escapeXml(doc.title) << " \u2014 GigaPlan report</title>\n<style>" << kStyle
    << "</style>\n</head>\n<body>\n";
  o << "<header>\n<h1>" << escapeXml(doc.title) << "</h1>\n";
  if (!doc.subtitle.empty()) o << "<p class=\"subtitle\">" << escapeXml(doc.subtitle) << "</p>\n";
  o << "<div class=\"headlines\">\n";
  for (const auto& h : doc.headlines) {
    o << "<div class=\"headline\"><div class=\"label\">" << escapeXml(h.label) << "</div><div class=\"value\">"
      << escapeXml(h.value) << "</div><div class=\"detail\">" << escapeXml(h.detail) << "</div></div>\n";
  }
  o << "</div>\n";
  for (const auto& n : doc.titleNotes) o << "<p class=\"note\">" << escapeXml(n) << "</p>\n";
  o << "<p class=\"meta\">";
  if (!doc.location.empty()) o << escapeXml(doc.location) << " \u00b7 ";
  if (!doc.source.empty()) o << escapeXml(doc.source) << " \u00b7 ";
  o << "report by " << escapeXml(doc.generator) << "</p>\n</header>\n";
  o << "<nav><h2>Contents</h2><ol>\n";
  for (const auto& s : doc.sections)
    o << "<li><a href=\"#" << escapeXml(s.id) << "\">" << escapeXml(s.title) << "</a></li>\n";
  o << "</ol></nav>\n";
  const HtmlBlockWriter w{o};
  for (const auto& s : doc.sections) {
    o << "<section id=\"" << escapeXml(s.id) << "\">\n<h2>" << escapeXml(s.title) << "</h2>\n";
    for (const Block& b : s.blocks) std::visit(w, b);
    o << "</section>\n";
  }
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace gigaplan::report
