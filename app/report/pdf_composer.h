// Internal to app/report: lays the report's blocks out on PDF pages (title page, headings,
// paragraphs, key/value lists, tables, figures, pictures) through a PageFlow. Runs once to
// measure and once to paint; see pdf_writer.cpp.
#pragma once

#include <QColor>
#include <vector>

#include "app/report/pdf_pages.h"
#include "core/report/report_document.h"

namespace gigaplan::app {

class PdfComposer {
 public:
  /// `sectionPages`: where each section starts, from the measuring pass (empty in that pass).
  PdfComposer(PageFlow& flow, const report::ReportDocument& doc, std::vector<int> sectionPages)
      : flow_(flow), doc_(doc), knownSectionPages_(std::move(sectionPages)) {}

  void compose();
  const std::vector<int>& sectionPages() const { return sectionPages_; }

  // Blocks (std::visit target).
  void operator()(const report::Paragraph& p);
  void operator()(const report::KeyValues& kv);
  void operator()(const report::Table& t);  // pdf_table.cpp
  void operator()(const report::Figure& f);
  void operator()(const report::Picture& p);

 private:
  void titlePage();
  void contents();
  void heading(int number, const report::Section& s);
  /// Paints `lines` from the cursor down, one line per row, breaking pages between lines; an
  /// optional bar (and background) on the left marks notes and warnings.
  void textLines(const QStringList& lines, const QFont& font, const QColor& color, double indent, const QColor& bar,
                 const QColor& background);
  void caption(const std::string& text);
  /// Drawings shrink only to fit the text block (never grow): the scale, and the height it gives.
  static double figureScale(const report::Drawing& d);
  static double figureHeight(const report::Drawing& d);

  PageFlow& flow_;
  const report::ReportDocument& doc_;
  std::vector<int> knownSectionPages_;
  std::vector<int> sectionPages_;
};

}  // namespace gigaplan::app
