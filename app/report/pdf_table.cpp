// Tables in the PDF report: column widths from content, wrapped cells, tinted rows by tone, and
// page breaks between rows with the caption ("continued") and header row repeated.
#include <QPainter>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/report/pdf_composer.h"

namespace gigaplan::app {
namespace {

constexpr double kPadX = 3.5, kPadY = 2.5;
constexpr double kMinColumn = 34, kMaxNatural = 260, kMaxWord = 110;
constexpr int kSplitLines = 6;  // a row taller than this many lines may go on over a page break

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

// The widest word of a cell: a column narrower than that breaks an identifier inside itself
// ("switchboard-4000" / "a").
double widestWord(const QString& text, const PageFlow& flow, const QFont& font) {
  double widest = 0;
  static const QRegularExpression space(QStringLiteral("\\s+"));
  for (const QString& word : text.split(space, Qt::SkipEmptyParts))
    widest = std::max(widest, flow.textWidth(word, font));
  return widest;
}

// Columns narrower than their fair share keep their natural width (so short words never wrap);
// so does a column whose widest word is wider than its share (up to kMaxWord: a long URL still
// breaks). The rest share what is left by weight, repeated until no more columns are fixed
// (water-filling). Spare width, when everything fits, goes by weight.
std::vector<double> columnWidths(const report::Table& t, const PageFlow& flow, const QFont& body, const QFont& head,
                                 double total) {
  const std::size_t n = t.columns.size();
  std::vector<double> natural(n, 0), word(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    natural[c] = flow.textWidth(QString::fromStdString(t.columns[c].header), head);
    word[c] = widestWord(QString::fromStdString(t.columns[c].header), flow, head);
    for (const auto& row : t.rows) {
      if (c >= row.size()) continue;
      const QString cell = QString::fromStdString(row[c]);
      natural[c] = std::max(natural[c], flow.textWidth(cell, body));
      word[c] = std::max(word[c], widestWord(cell, flow, body));
    }
    natural[c] = std::min(natural[c], kMaxNatural) + 2 * kPadX + 1;
    word[c] = std::min({word[c], kMaxWord, natural[c]}) + 2 * kPadX + 1;
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
        room -= fixedWidth[c] == 1 ? natural[c] : word[c];
      else
        weights += t.columns[c].weight;
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (fixedWidth[c]) continue;
      const double share = room * t.columns[c].weight / weights;
      if (natural[c] <= share || word[c] > share) {
        fixedWidth[c] = natural[c] <= share ? 1 : 2;  // 1: its natural width, 2: its widest word
        changed = true;
        break;  // the others' shares change
      }
      w[c] = std::max(kMinColumn, share);
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (fixedWidth[c]) w[c] = fixedWidth[c] == 1 ? natural[c] : word[c];
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
      lines.push_back(flow_.wrap(text, font, widths[c] - 2 * kPadX, true));
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

  // Lines of a row that fit in `room` (none when fewer than kSplitLines would).
  auto linesIn = [&](double room) { return static_cast<int>(std::floor((room - 2 * kPadY) / lh)); };
  bool first = true;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    auto [lines, h] = wrapRow(t.rows[r], body);
    const QColor fill = r < t.rowTones.size() ? toneColor(t.rowTones[r]) : QColor();
    // A tall row starts on the page in hand and goes on over the next (header repeated) rather than
    // leaving the rest of the page empty; a short one moves whole.
    const bool tall = h > kSplitLines * lh + 2 * kPadY;
    if (first) {
      flow_.ensure(capHeight + headHeight + (tall ? kSplitLines * lh + 2 * kPadY : h));
      tableHead(false);
      first = false;
    } else if (flow_.room() < h && (!tall || linesIn(flow_.room()) < kSplitLines)) {
      flow_.newPage();
      tableHead(true);
    }
    while (flow_.room() < h && linesIn(flow_.room()) >= kSplitLines) {
      const int fit = linesIn(flow_.room());
      std::vector<QStringList> part(lines.size()), rest(lines.size());
      for (std::size_t c = 0; c < lines.size(); ++c) {
        part[c] = lines[c].mid(0, fit);
        rest[c] = lines[c].mid(fit);
      }
      const double partHeight = fit * lh + 2 * kPadY;
      paintRow(part, partHeight, body, fill);
      flow_.y += partHeight;
      flow_.newPage();
      tableHead(true);
      lines = std::move(rest);
      h -= fit * lh;
    }
    paintRow(lines, h, body, fill);
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
