// Drawing → QPainter (see drawing_painter.h).
#include "app/report/drawing_painter.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPolygonF>

namespace gigaplan::app {
namespace {

// A grey has a saturation (HSL, 0..255) below this; colours above it keep their look on either paper.
constexpr int kGreySaturation = 40;

QColor qcolor(report::Color c, Paper paper) {
  return onPaper(QColor(c.r, c.g, c.b, c.a), paper);
}

void applyStyle(QPainter& p, const report::Style& s, Paper paper) {
  if (s.stroke.transparent()) {
    p.setPen(Qt::NoPen);
  } else {
    QPen pen(qcolor(s.stroke, paper), s.width);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    if (s.dashed) pen.setDashPattern({3 + 1 / s.width, 2 + 1 / s.width});  // in pen widths, as the SVG's dash in pt
    p.setPen(pen);
  }
  p.setBrush(s.fill.transparent() ? QBrush(Qt::NoBrush) : QBrush(qcolor(s.fill, paper)));
}

QPointF qpoint(report::Point pt) {
  return {pt.x, pt.y};
}

struct Painter {
  QPainter& p;
  double dpiScale;  // points → font points on this device, so text keeps its size in drawing units
  Paper paper;

  void operator()(const report::LineItem& l) const {
    report::Style s = l.style;
    s.fill = report::kTransparent;
    applyStyle(p, s, paper);
    p.drawLine(qpoint(l.a), qpoint(l.b));
  }
  void operator()(const report::RectItem& r) const {
    applyStyle(p, r.style, paper);
    p.drawRect(QRectF(r.r.x, r.r.y, r.r.w, r.r.h));
  }
  void operator()(const report::PolygonItem& poly) const {
    QPolygonF q;
    q.reserve(static_cast<int>(poly.points.size()));
    for (const auto& pt : poly.points) q << qpoint(pt);
    report::Style s = poly.style;
    if (!poly.closed) s.fill = report::kTransparent;
    applyStyle(p, s, paper);
    if (poly.closed)
      p.drawPolygon(q);
    else
      p.drawPolyline(q);
  }
  void operator()(const report::CircleItem& c) const {
    applyStyle(p, c.style, paper);
    p.drawEllipse(qpoint(c.c), c.radius, c.radius);
  }
  QFont font(double size, bool bold) const {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(size * dpiScale);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    f.setStyleStrategy(QFont::PreferNoShaping);  // no ligatures: text extracts letter by letter
    return f;
  }
  void operator()(const report::SpansItem& t) const {
    double x = t.at.x;
    for (const auto& s : t.spans) {
      const QFont f = font(t.size, s.bold);
      const QString text = QString::fromStdString(s.text);
      p.setFont(f);
      p.setPen(qcolor(s.color, paper));
      p.drawText(QPointF(x, t.at.y), text);
      x += QFontMetricsF(f, p.device()).horizontalAdvance(text);
    }
  }
  void operator()(const report::TextItem& t) const {
    const QFont font = this->font(t.style.size, t.style.bold);
    p.setFont(font);
    p.setPen(qcolor(t.style.color, paper));
    const QString text = QString::fromStdString(t.text);
    double dx = 0;
    if (t.style.anchor != report::Anchor::Start) {
      const double w = QFontMetricsF(font, p.device()).horizontalAdvance(text);
      dx = t.style.anchor == report::Anchor::Middle ? -w / 2 : -w;
    }
    if (t.style.rotation == 0) {
      p.drawText(QPointF(t.at.x + dx, t.at.y), text);
      return;
    }
    p.save();
    p.translate(t.at.x, t.at.y);
    p.rotate(t.style.rotation);
    p.drawText(QPointF(dx, 0), text);
    p.restore();
  }
};

}  // namespace

QColor onPaper(QColor colour, Paper paper) {
  if (paper == Paper::Light || colour.hslSaturation() >= kGreySaturation) return colour;
  const QColor hsl = colour.toHsl();
  return QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(), 255 - hsl.lightness(), hsl.alpha());
}

void paintDrawing(QPainter& painter, const report::Drawing& drawing, QPointF topLeft, double scale, Paper paper) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.translate(topLeft);
  painter.scale(scale, scale);
  const double dpi = painter.device() ? painter.device()->logicalDpiY() : 72.0;
  const Painter w{painter, 72.0 / (dpi > 0 ? dpi : 72.0), paper};
  for (const auto& item : drawing.items()) std::visit(w, item);
  painter.restore();
}

}  // namespace gigaplan::app
