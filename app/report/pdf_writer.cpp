// The PDF report: title page, sections, paragraphs, key/value lists, figures and pictures (tables
// in pdf_table.cpp), laid out twice — measure, then paint with the page total known.
#include "app/report/pdf_writer.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

#include "app/report/drawing_painter.h"
#include "app/report/pdf_composer.h"

namespace gigaplan::app {
namespace {

const QColor kAccent(0x4e, 0x79, 0xa7);
const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrey(0x66, 0x66, 0x66);
constexpr double kBlockGap = 9;

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

void PdfComposer::compose() {
  titlePage();
  for (std::size_t i = 0; i < doc_.sections.size(); ++i) {
    const report::Section& s = doc_.sections[i];
    heading(static_cast<int>(i) + 1, s);
    for (const report::Block& b : s.blocks) {
      std::visit(*this, b);
      flow_.y += kBlockGap;
    }
  }
}

void PdfComposer::titlePage() {
  QPainter* p = flow_.painter();
  const double left = PageFlow::kLeft, width = PageFlow::kContentWidth;
  flow_.y = 70;
  if (p) {
    p->setFont(reportFont(9, true));
    p->setPen(kAccent);
    p->drawText(QPointF(left, flow_.y), QStringLiteral("GIGAPLAN DESIGN REPORT"));
  }
  flow_.y += 16;
  textLines(flow_.wrap(q(doc_.title), reportFont(24, true), width), reportFont(24, true), kInk, 0, {}, {});
  if (!doc_.subtitle.empty()) {
    textLines(flow_.wrap(q(doc_.subtitle), reportFont(12), width), reportFont(12), QColor(0x44, 0x44, 0x44), 0, {}, {});
  }
  if (!doc_.location.empty())
    textLines(flow_.wrap(q(doc_.location), reportFont(9.5), width), reportFont(9.5), kGrey, 0, {}, {});
  flow_.y += 14;

  // Headline figures, two per row. A detail runs to two lines (the boxes grow for it, all alike);
  // beyond that its second line ends in an ellipsis, never cut off mid-phrase.
  const double gap = 12, boxW = (width - gap) / 2;
  const QFont detailFont = reportFont(7.5);
  bool twoLines = false;
  for (const report::Headline& h : doc_.headlines)
    twoLines = twoLines || flow_.wrap(q(h.detail), detailFont, boxW - 18).size() > 1;
  const double boxH = twoLines ? 64 : 58;
  for (std::size_t i = 0; i < doc_.headlines.size(); ++i) {
    const report::Headline& h = doc_.headlines[i];
    const double x = left + static_cast<double>(i % 2) * (boxW + gap);
    const double y = flow_.y + static_cast<double>(i / 2) * (boxH + gap);
    if (!p) continue;
    p->setPen(QPen(QColor(0xcc, 0xcc, 0xdd), 0.8));
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(x, y, boxW, boxH));
    p->fillRect(QRectF(x, y, 4, boxH), kAccent);
    p->setFont(reportFont(8));
    p->setPen(kGrey);
    p->drawText(QPointF(x + 12, y + 15), q(h.label));
    p->setFont(reportFont(18, true));
    p->setPen(kInk);
    p->drawText(QPointF(x + 12, y + 38), q(h.value));
    p->setFont(detailFont);
    p->setPen(kGrey);
    const QStringList detail = flow_.wrap(q(h.detail), detailFont, boxW - 18);
    for (int line = 0; line < std::min<qsizetype>(2, detail.size()); ++line) {
      QString text = detail[line];
      if (line == 1 && detail.size() > 2)
        text = QFontMetricsF(detailFont, p->device())
                   .elidedText(text + " " + detail.mid(2).join(' '), Qt::ElideRight, boxW - 18);
      p->drawText(QPointF(x + 12, y + 51 + 8.5 * line), text);
    }
  }
  flow_.y += static_cast<double>((doc_.headlines.size() + 1) / 2) * (boxH + gap) + 4;
  for (const auto& n : doc_.titleNotes) {
    textLines(flow_.wrap(q(n), reportFont(8.5), width - 10), reportFont(8.5), QColor(0x44, 0x44, 0x44), 10,
              QColor(0x9d, 0xb4, 0xcc), QColor(0xf3, 0xf6, 0xf9));
    flow_.y += 5;
  }
  flow_.y += 12;
  contents();
  std::string meta = "Report by " + doc_.generator;
  if (!doc_.source.empty()) {
    std::string source = doc_.source;
    source[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(source[0])));
    meta = source + "  \u00b7  " + meta;
  }
  flow_.y = std::max(flow_.y + 10, flow_.bottom() - 24);
  textLines(flow_.wrap(q(meta), reportFont(7.5), width), reportFont(7.5), kGrey, 0, {}, {});
}

void PdfComposer::contents() {
  QPainter* p = flow_.painter();
  const QFont head = reportFont(11, true), body = reportFont(9);
  if (p) {
    p->setFont(head);
    p->setPen(kInk);
    p->drawText(QPointF(PageFlow::kLeft, flow_.y + flow_.ascent(head)), QStringLiteral("Contents"));
  }
  flow_.y += flow_.lineHeight(head) + 4;
  const double lh = flow_.lineHeight(body) + 2;
  for (std::size_t i = 0; i < doc_.sections.size(); ++i) {
    if (p) {
      const QString number = QString::number(i + 1);
      const QString title = q(doc_.sections[i].title);
      const QString page = i < knownSectionPages_.size() ? QString::number(knownSectionPages_[i]) : QString();
      p->setFont(body);
      p->setPen(kInk);
      const double base = flow_.y + flow_.ascent(body);
      const double titleX = PageFlow::kLeft + 26, right = PageFlow::kLeft + 300;
      p->drawText(QPointF(titleX - 8 - flow_.textWidth(number, body), base), number);
      p->drawText(QPointF(titleX, base), title);
      p->drawText(QPointF(right - flow_.textWidth(page, body), base), page);
      p->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.5, Qt::DotLine));
      p->drawLine(QPointF(titleX + 6 + flow_.textWidth(title, body), base),
                  QPointF(right - flow_.textWidth(page, body) - 6, base));
    }
    flow_.y += lh;
  }
}

void PdfComposer::heading(int number, const report::Section& s) {
  flow_.setSection(q(s.title));
  if (number == 1) {
    flow_.newPage();
  } else {
    flow_.y += 14;
    // A heading never ends a page: keep room for what follows it — the whole first drawing when
    // the section opens with one.
    double need = 200;
    if (!s.blocks.empty()) {
      if (const auto* f = std::get_if<report::Figure>(&s.blocks.front()); f && !f->parts.empty()) {
        need = std::max(need, 40 + figureHeight(f->parts.front()) + 14);
      }
    }
    flow_.ensure(std::min(need, PageFlow::kContentHeight));
  }
  sectionPages_.push_back(flow_.page());
  const QFont font = reportFont(15, true);
  if (QPainter* p = flow_.painter()) {
    p->setFont(font);
    p->setPen(kInk);
    p->drawText(QPointF(PageFlow::kLeft, flow_.y + flow_.ascent(font)),
                QStringLiteral("%1   %2").arg(number).arg(q(s.title)));
    p->setPen(QPen(kAccent, 1.2));
    const double rule = flow_.y + flow_.lineHeight(font) + 3;
    p->drawLine(QPointF(PageFlow::kLeft, rule), QPointF(PageFlow::kLeft + PageFlow::kContentWidth, rule));
  }
  flow_.y += flow_.lineHeight(font) + 12;
}

void PdfComposer::textLines(const QStringList& lines, const QFont& font, const QColor& color, double indent,
                            const QColor& bar, const QColor& background) {
  const double lh = flow_.lineHeight(font), asc = flow_.ascent(font);
  const double pad = bar.isValid() ? 2 : 0;
  for (int i = 0; i < lines.size(); ++i) {
    const double extra = (i == 0 ? pad : 0) + (i == lines.size() - 1 ? pad : 0);
    flow_.ensure(lh + extra);
    if (QPainter* p = flow_.painter()) {
      if (background.isValid())
        p->fillRect(QRectF(PageFlow::kLeft, flow_.y, PageFlow::kContentWidth, lh + extra), background);
      if (bar.isValid()) p->fillRect(QRectF(PageFlow::kLeft, flow_.y, 3, lh + extra), bar);
      p->setFont(font);
      p->setPen(color);
      p->drawText(QPointF(PageFlow::kLeft + indent, flow_.y + (i == 0 ? pad : 0) + asc), lines[i]);
    }
    flow_.y += lh + extra;
  }
}

void PdfComposer::caption(const std::string& text) {
  const QFont font = reportFont(7.5, false, true);
  textLines(flow_.wrap(q(text), font, PageFlow::kContentWidth), font, kGrey, 0, {}, {});
}

void PdfComposer::operator()(const report::Paragraph& para) {
  const double width = PageFlow::kContentWidth;
  if (para.keepWithNext) flow_.ensure(80);
  switch (para.tone) {
    case report::Tone::Normal:
      textLines(flow_.wrap(q(para.text), reportFont(9), width), reportFont(9), kInk, 0, {}, {});
      break;
    case report::Tone::Note:
      textLines(flow_.wrap(q(para.text), reportFont(8), width - 10), reportFont(8), QColor(0x44, 0x44, 0x44), 10,
                QColor(0x9d, 0xb4, 0xcc), QColor(0xf3, 0xf6, 0xf9));
      break;
    case report::Tone::Warning:
      textLines(flow_.wrap(q(para.text), reportFont(8.5), width - 10), reportFont(8.5), kInk, 10,
                QColor(0xe0, 0xa1, 0x00), QColor(0xff, 0xf6, 0xdc));
      break;
    case report::Tone::Error:
      textLines(flow_.wrap(q(para.text), reportFont(8.5), width - 10), reportFont(8.5), kInk, 10,
                QColor(0xc0, 0x39, 0x2b), QColor(0xfd, 0xe4, 0xe1));
      break;
  }
}

void PdfComposer::operator()(const report::KeyValues& kv) {
  const QFont keyFont = reportFont(8.5), valueFont = reportFont(8.5);
  double keyWidth = 0;
  for (const auto& e : kv.entries) keyWidth = std::max(keyWidth, flow_.textWidth(q(e.key), keyFont));
  keyWidth = std::min(keyWidth + 14, 170.0);
  const double lh = flow_.lineHeight(valueFont), asc = flow_.ascent(valueFont);
  for (const auto& e : kv.entries) {
    const QStringList keys = flow_.wrap(q(e.key), keyFont, keyWidth - 10);
    const QStringList values = flow_.wrap(q(e.value), valueFont, PageFlow::kContentWidth - keyWidth);
    const double h = static_cast<double>(std::max(keys.size(), values.size())) * lh + 4;
    flow_.ensure(h);
    if (QPainter* p = flow_.painter()) {
      p->setFont(keyFont);
      p->setPen(kGrey);
      for (int i = 0; i < keys.size(); ++i) p->drawText(QPointF(PageFlow::kLeft, flow_.y + 2 + asc + i * lh), keys[i]);
      p->setFont(valueFont);
      p->setPen(kInk);
      for (int i = 0; i < values.size(); ++i) {
        p->drawText(QPointF(PageFlow::kLeft + keyWidth, flow_.y + 2 + asc + i * lh), values[i]);
      }
      p->setPen(QPen(QColor(0xe6, 0xe6, 0xe6), 0.5));
      p->drawLine(QPointF(PageFlow::kLeft, flow_.y + h),
                  QPointF(PageFlow::kLeft + PageFlow::kContentWidth, flow_.y + h));
    }
    flow_.y += h;
  }
}

double PdfComposer::figureScale(const report::Drawing& d) {
  return std::min({1.0, PageFlow::kContentWidth / d.width(), (PageFlow::kContentHeight - 30) / d.height()});
}

double PdfComposer::figureHeight(const report::Drawing& d) {
  return d.width() > 0 && d.height() > 0 ? d.height() * figureScale(d) : 0;
}

void PdfComposer::operator()(const report::Figure& f) {
  for (std::size_t i = 0; i < f.parts.size(); ++i) {
    const report::Drawing& d = f.parts[i];
    if (d.width() <= 0 || d.height() <= 0) continue;
    const double scale = figureScale(d);
    const double h = d.height() * scale;
    const bool last = i + 1 == f.parts.size();
    flow_.ensure(h + (last ? 14 : 0));  // keep the caption with the last part
    if (QPainter* p = flow_.painter()) {
      paintDrawing(*p, d, QPointF(PageFlow::kLeft + (PageFlow::kContentWidth - d.width() * scale) / 2, flow_.y), scale);
    }
    flow_.y += h;
  }
  flow_.y += 3;
  caption(f.caption);
}

void PdfComposer::operator()(const report::Picture& pic) {
  if (pic.png.empty()) {
    (*this)(report::Paragraph{pic.note, report::Tone::Note});
    return;
  }
  const QImage image =
      QImage::fromData(reinterpret_cast<const uchar*>(pic.png.data()), static_cast<int>(pic.png.size()), "PNG");
  if (image.isNull()) {
    (*this)(report::Paragraph{"The 3D picture could not be decoded.", report::Tone::Note});
    return;
  }
  double w = std::min(PageFlow::kContentWidth, 420.0 * image.width() / std::max(1, image.height()));
  double h = w * image.height() / std::max(1, image.width());
  if (h + 14 > flow_.room() && flow_.room() - 14 >= 220) {  // shrink into the page rather than leave it half empty
    w *= (flow_.room() - 14) / h;
    h = flow_.room() - 14;
  }
  flow_.ensure(h + 14);
  if (QPainter* p = flow_.painter()) {
    p->drawImage(QRectF(PageFlow::kLeft + (PageFlow::kContentWidth - w) / 2, flow_.y, w, h), image);
  }
  flow_.y += h + 3;
  caption(pic.caption);
}

bool writePdf(const report::ReportDocument& doc, const QString& path, QString* error) {
  QPdfWriter writer(path);
  writer.setResolution(72);  // one device unit = one point: drawings and layout are in points
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
  writer.setTitle(QString::fromStdString(doc.title) + QStringLiteral(" \u2014 GigaPlan report"));
  writer.setCreator(QString::fromStdString(doc.generator));
  const PageMeta meta{QString::fromStdString(doc.title)};

  PageFlow measure(writer, nullptr, meta);
  PdfComposer first(measure, doc, {});
  first.compose();

  QPainter painter;
  if (!painter.begin(&writer)) {
    if (error) *error = QStringLiteral("cannot write %1").arg(path);
    return false;
  }
  PageFlow flow(writer, &painter, meta, measure.pages());
  PdfComposer second(flow, doc, first.sectionPages());
  second.compose();
  if (!painter.end()) {
    if (error) *error = QStringLiteral("cannot finish %1").arg(path);
    return false;
  }
  return true;
}

}  // namespace gigaplan::app
