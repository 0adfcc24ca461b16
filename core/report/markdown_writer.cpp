// ReportDocument → Markdown plus image files (see markdown_writer.h).
#include "core/report/markdown_writer.h"

#include <sstream>

#include "core/report/escape.h"
#include "core/report/svg_writer.h"

namespace gigaplan::report {
namespace {

std::string tonePrefix(Tone t) {
  switch (t) {
    case Tone::Note:
      return "> ";
    case Tone::Warning:
      return "> **Warning:** ";
    case Tone::Error:
      return "> **Error:** ";
    case Tone::Normal:
      break;
  }
  return "";
}

struct MarkdownBlockWriter {
  std::ostringstream& o;
  MarkdownReport& out;
  const std::string& imageDir;

  void operator()(const Paragraph& p) const { o << tonePrefix(p.tone) << escapeMarkdown(p.text) << "\n\n"; }
  void operator()(const KeyValues& kv) const {
    for (const auto& e : kv.entries) o << "- **" << escapeMarkdown(e.key) << ":** " << escapeMarkdown(e.value) << "\n";
    o << "\n";
  }
  void operator()(const Table& t) const {
    if (!t.caption.empty()) o << "**" << escapeMarkdown(t.caption) << "**\n\n";
    o << "|";
    for (const auto& c : t.columns) o << " " << escapeMarkdown(c.header) << " |";
    o << "\n|";
    for (const auto& c : t.columns) o << (c.align == Align::Right ? " ---: |" : " --- |");
    o << "\n";
    for (const auto& row : t.rows) {
      o << "|";
      for (const auto& cell : row) o << " " << escapeMarkdown(cell) << " |";
      o << "\n";
    }
    o << "\n";
    if (!t.footnote.empty()) o << "*" << escapeMarkdown(t.footnote) << "*\n\n";
  }
  void operator()(const Figure& f) const {
    for (std::size_t i = 0; i < f.parts.size(); ++i) {
      const std::string name = f.id + (f.parts.size() > 1 ? "-" + std::to_string(i + 1) : "") + ".svg";
      out.files.push_back({imageDir + "/" + name, toSvg(f.parts[i])});
      o << "![" << escapeMarkdown(f.caption) << "](" << imageDir << "/" << name << ")\n";
    }
    o << "\n*" << escapeMarkdown(f.caption) << "*\n\n";
  }
  void operator()(const Picture& p) const {
    if (p.png.empty()) {
      o << "> " << escapeMarkdown(p.note) << "\n\n";
      return;
    }
    const std::string name = p.id + ".png";
    out.files.push_back({imageDir + "/" + name, p.png});
    o << "![" << escapeMarkdown(p.caption) << "](" << imageDir << "/" << name << ")\n\n*" << escapeMarkdown(p.caption)
      << "*\n\n";
  }
};

}  // namespace

MarkdownReport toMarkdown(const ReportDocument& doc, const std::string& imageDir) {
  MarkdownReport out;
  std::ostringstream o;
  o << "# " << escapeMarkdown(doc.title) << "\n\n";
  if (!doc.subtitle.empty()) o << escapeMarkdown(doc.subtitle) << "\n\n";
  o << "| figure | value | detail |\n| --- | ---: | --- |\n";
  for (const auto& h : doc.headlines) {
    o << "| " << escapeMarkdown(h.label) << " | **" << escapeMarkdown(h.value) << "** | " << escapeMarkdown(h.detail)
      << " |\n";
  }
  o << "\n";
  for (const auto& n : doc.titleNotes) o << "> " << escapeMarkdown(n) << "\n\n";
  if (!doc.location.empty()) o << escapeMarkdown(doc.location) << " \u00b7 ";
  if (!doc.source.empty()) o << escapeMarkdown(doc.source) << " \u00b7 ";
  o << "report by " << escapeMarkdown(doc.generator) << "\n\n## Contents\n\n";
  // Section ids are the builder's own fixed words ("power", "failure-domains"), never design text.
  for (const auto& s : doc.sections) o << "- [" << escapeMarkdown(s.title) << "](#" << s.id << ")\n";
  o << "\n";
  const MarkdownBlockWriter w{o, out, imageDir};
  for (const auto& s : doc.sections) {
    o << "<a id=\"" << s.id << "\"></a>\n\n## " << escapeMarkdown(s.title) << "\n\n";
    for (const Block& b : s.blocks) std::visit(w, b);
  }
  out.text = o.str();
  return out;
}

}  // namespace gigaplan::report
