// Tables in the PDF report: column widths from content, wrapped cells, tinted rows by tone, and
// page breaks between rows with the caption ("continued") and header row repeated.
#include <QPainter>
#include <algorithm>
#include <numeric>

#include "app/report/pdf_composer.h"

namespace gigaplan::app {
namespace {

constexpr double kPadX = 3.5, kPadY = 2.5;
constexpr double kMinColumn = 34, kMaxNatural = 260;

QColor toneColor(report::Tone t) {
  switch (t) {
    case report::Tone::Warning:
      return {0xff, 0xf6, 0xdc};
    case report::Tone::Error:
      return {0xfd, 0xe4, 0xe1};
    case report::Tone::Note:
      return {0xee, 0xf5, 0xfb};
    case report::Tone::Normal:
      break;
  }
  return {};
}

// Columns narrower than their fair share keep their natural width (so short words never wrap);
// the rest share what is left by weight, repeated until no more columns fit whole (water-filling).
// Spare width, when everything fits, goes by weight.
std::vector<double> columnWidths(const report::Table& t, const PageFlow& flow, const QFont& body, const QFont& head,
                                 double total) {
  const std::size_t n = t.columns.size();
  std::vector<double> natural(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    natural[c] = flow.textWidth(QString::fromStdString(t.columns[c].header), head);
    for (const auto& row : t.rows) {
      if (c < row.size()) natural[c] = std::max(natural[c], flow.textWidth(QString::fromStdString(row[c]), body));
    }
    natural[c] = std::min(natural[c], kMaxNatural) + 2 * kPadX + 1;
  }
  const double sum = std::accumulate(natural.begin(), natural.end(), 0.0);
  std::vector<double> w = natural;
  if (sum <= total) {
    double weights = 0;
    for (const auto& c : t.columns) weights += c.weight;
    for (std::size_t c = 0; c < n; ++c) w[c] += (total - sum) * t.columns[c].weight / weights;
    return w;
  }
  std::vector<char> fixedWidth(n, 0);
  for (bool changed = true; changed;) {
    changed = false;
    double room = total, weights = 0;
    for (std::size_t c = 0; c < n; ++c) {
      if (fixedWidth[c])
        room -= natural[c];
      else
        weights += t.columns[c].weight;
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (fixedWidth[c]) continue;
      const double share = room * t.columns[c].weight / weights;
      if (natural[c] <= share) {
        fixedWidth[c] = 1;
        changed = true;
      }
      w[c] = std::max(kMinColumn, share);
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (fixedWidth[c]) w[c] = natural[c];
  }
  const double now = std::accumulate(w.begin(), w.end(), 0.0);
  if (now > total) {
    for (double& x : w) x *= total / now;
  }
  return w;
}

}  // namespace

void PdfComposer::operator()(const report::Table& t) {
  const QFont body = reportFont(7.5), head = reportFont(7.5, true), cap = reportFont(8.5, true);
  const double total = PageFlow::kContentWidth;
  const std::vector<double> widths = columnWidths(t, flow_, body, head, total);
  const double lh = flow_.lineHeight(body);

  auto wrapRow = [&](const std::vector<std::string>& cells, const QFont& font) {
    std::vector<QStringList> lines;
    int maxLines = 1;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const QString text = c < cells.size() ? QString::fromStdString(cells[c]) : QString();
      lines.push_back(flow_.wrap(text, font, widths[c] - 2 * kPadX));
      maxLines = std::max(maxLines, static_cast<int>(lines.back().size()));
    }
    return std::pair{lines, static_cast<double>(maxLines) * lh + 2 * kPadY};
  };
  auto paintRow = [&](const std::vector<QStringList>& lines, double h, const QFont& font, const QColor& fill) {
    QPainter* p = flow_.painter();
    if (!p) return;
    if (fill.isValid()) p->fillRect(QRectF(PageFlow::kLeft, flow_.y, total, h), fill);
    p->setFont(font);
    p->setPen(QColor(0x22, 0x22, 0x22));
    double x = PageFlow::kLeft;
    const double asc = flow_.ascent(font);
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const bool right = t.columns[c].align == report::Align::Right;
      for (int i = 0; i < lines[c].size(); ++i) {
        const double tx = right ? x + widths[c] - kPadX - flow_.textWidth(lines[c][i], font) : x + kPadX;
        p->drawText(QPointF(tx, flow_.y + kPadY + asc + i * lh), lines[c][i]);
      }
      x += widths[c];
    }
    p->setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0.5));
    p->drawLine(QPointF(PageFlow::kLeft, flow_.y + h), QPointF(PageFlow::kLeft + total, flow_.y + h));
  };

  std::vector<std::string> headers;
  for (const auto& c : t.columns) headers.push_back(c.header);
  // Named members, not a structured binding: clang 14 (the sanitizer build) cannot capture one.
  const auto headRow = wrapRow(headers, head);
  const auto& headLines = headRow.first;
  const double headHeight = headRow.second;
  const double capHeight = t.caption.empty() ? 0 : flow_.lineHeight(cap) + 3;
  auto tableHead = [&](bool continued) {
    if (!t.caption.empty()) {
      if (QPainter* p = flow_.painter()) {
        p->setFont(cap);
        p->setPen(QColor(0x22, 0x22, 0x22));
        p->drawText(QPointF(PageFlow::kLeft, flow_.y + flow_.ascent(cap)),
                    QString::fromStdString(t.caption) + (continued ? QStringLiteral(" (continued)") : QString()));
      }
      flow_.y += capHeight;
    }
    paintRow(headLines, headHeight, head, QColor(0xee, 0xf2, 0xf7));
    flow_.y += headHeight;
  };

  bool first = true;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto [lines, h] = wrapRow(t.rows[r], body);
    if (first) {
      flow_.ensure(capHeight + headHeight + h);
      tableHead(false);
      first = false;
    } else if (flow_.room() < h) {
      flow_.newPage();
      tableHead(true);
    }
    paintRow(lines, h, body, r < t.rowTones.size() ? toneColor(t.rowTones[r]) : QColor());
    flow_.y += h;
  }
  if (first) {  // no rows: still show what the table would hold
    flow_.ensure(capHeight + headHeight);
    tableHead(false);
  }
  if (!t.footnote.empty()) {
    flow_.y += 2;
    caption(t.footnote);
  }
}

}  // namespace gigaplan::app
