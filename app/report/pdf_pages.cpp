// Page flow for the PDF report (see pdf_pages.h).
#include "app/report/pdf_pages.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <QTextOption>

namespace gigaplan::app {

QFont reportFont(double points, bool bold, bool italic) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPointSizeF(points);
  f.setBold(bold);
  f.setItalic(italic);
  f.setHintingPreference(QFont::PreferNoHinting);
  // No shaping: no ligatures, so "fi" stays two letters in extracted text (pdftotext, search,
  // copy and paste) instead of the single glyph U+FB01. Report text is Latin script.
  f.setStyleStrategy(QFont::PreferNoShaping);
  return f;
}

PageFlow::PageFlow(QPdfWriter& writer, QPainter* painter, PageMeta meta, int totalPages)
    : writer_(writer), painter_(painter), meta_(std::move(meta)), totalPages_(totalPages) {
  decorate();
}

void PageFlow::newPage() {
  if (painter_) writer_.newPage();
  ++page_;
  y = kTop;
  decorate();
}

void PageFlow::ensure(double height) {
  if (y > kTop && room() < height) newPage();
}

void PageFlow::decorate() {
  if (!painter_) return;
  QPainter& p = *painter_;
  p.save();
  const QFont small = reportFont(7.5);
  p.setFont(small);
  p.setPen(QColor(0x66, 0x66, 0x66));
  if (page_ > 1) {
    const double baseline = kTop - 22;
    p.drawText(QPointF(kLeft, baseline), QStringLiteral("GigaPlan report \u00b7 ") + meta_.title);
    const double w = textWidth(section_, small);
    p.drawText(QPointF(kPageWidth - kRight - w, baseline), section_);
    p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 0.5));
    p.drawLine(QPointF(kLeft, baseline + 5), QPointF(kPageWidth - kRight, baseline + 5));
  }
  const QString footer = totalPages_ > 0 ? QStringLiteral("page %1 of %2").arg(page_).arg(totalPages_)
                                         : QStringLiteral("page %1").arg(page_);
  p.setPen(QColor(0x66, 0x66, 0x66));
  p.drawText(QPointF((kPageWidth - textWidth(footer, small)) / 2, kPageHeight - kBottom + 28), footer);
  p.restore();
}

QStringList PageFlow::wrap(const QString& text, const QFont& font, double width, bool keepHyphenated) const {
  QStringList lines;
  for (const QString& paragraph : text.split('\n')) {
    if (paragraph.isEmpty()) {
      lines << QString();
      continue;
    }
    // Laid out with non-breaking hyphens (U+2011, one character for one: the lines are cut from the
    // paragraph as written).
    QString laidOut = paragraph;
    if (keepHyphenated) laidOut.replace(QChar('-'), QChar(0x2011));
    QTextLayout layout(laidOut, font, &writer_);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
      line.setLineWidth(width);
      lines << paragraph.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
  }
  return lines;
}

double PageFlow::lineHeight(const QFont& font) const {
  return QFontMetricsF(font, &writer_).lineSpacing();
}
double PageFlow::ascent(const QFont& font) const {
  return QFontMetricsF(font, &writer_).ascent();
}
double PageFlow::textWidth(const QString& text, const QFont& font) const {
  return QFontMetricsF(font, &writer_).horizontalAdvance(text);
}

}  // namespace gigaplan::app
