// Page flow for the PDF report: A4 pages in points (the writer runs at 72 dpi, so one device unit
// is one point), a cursor that moves down the page, page breaks with a running header (report
// title, current section) and a footer "page N of M", and word wrapping. The report is laid out
// twice: a measuring pass (no painter) that counts pages and finds where sections start, then
// the painting pass that knows the total.
//
//   PageFlow flow(writer, nullptr, meta);          // pass 1: measure
//   ... flow.ensure(h); flow.y += h; ...
//   PageFlow paint(writer, &painter, meta, flow.pages());   // pass 2: paint with "of M"
#pragma once

#include <QFont>
#include <QString>
#include <QStringList>
#include <vector>

class QPainter;
class QPdfWriter;

namespace gigaplan::app {

struct PageMeta {
  QString title;  // running header, left
};

class PageFlow {
 public:
  // A4 in points and the margins of the text block.
  static constexpr double kPageWidth = 595.28, kPageHeight = 841.89;
  static constexpr double kLeft = 40, kRight = 40, kTop = 56, kBottom = 52;
  static constexpr double kContentWidth = kPageWidth - kLeft - kRight;
  static constexpr double kContentHeight = kPageHeight - kTop - kBottom;

  /// `painter` null = measuring pass. `totalPages` 0 = unknown (footer shows "page N").
  PageFlow(QPdfWriter& writer, QPainter* painter, PageMeta meta, int totalPages = 0);

  QPainter* painter() const { return painter_; }  // null in the measuring pass
  bool painting() const { return painter_ != nullptr; }
  int page() const { return page_; }   // 1-based
  int pages() const { return page_; }  // after the last block: the total
  double top() const { return kTop; }
  double bottom() const { return kPageHeight - kBottom; }
  double room() const { return bottom() - y; }

  /// Starts a new page (header and footer are painted on it).
  void newPage();
  /// Starts a new page unless `height` fits below the cursor.
  void ensure(double height);
  /// The running header's right-hand text from the next header on.
  void setSection(const QString& title) { section_ = title; }

  /// Lines of `text` wrapped to `width` in `font` (words longer than a line are broken). With
  /// `keepHyphenated`, a line never ends at a hyphen inside a word: identifiers ("a1-chillers",
  /// "switchboard-4000a") stay whole unless they are longer than a line.
  QStringList wrap(const QString& text, const QFont& font, double width, bool keepHyphenated = false) const;
  double lineHeight(const QFont& font) const;
  double ascent(const QFont& font) const;
  double textWidth(const QString& text, const QFont& font) const;

  double y = kTop;  // cursor: top of the next thing to place

 private:
  void decorate();  // header and footer of the current page
  QPdfWriter& writer_;
  QPainter* painter_;
  PageMeta meta_;
  int totalPages_;
  int page_ = 1;
  QString section_;
};

/// Report fonts: DejaVu Sans at `points`, hinting off so measuring and painting agree.
QFont reportFont(double points, bool bold = false, bool italic = false);

}  // namespace gigaplan::app
