// Line-glyph icons (see icons.h). Drawn on a 24-unit grid.
#include "app/gui/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <array>

namespace gigaplan::app {
namespace {

void draw(QPainter& p, Glyph g) {
  QPainterPath path;
  switch (g) {
    case Glyph::Open:
      path.moveTo(3, 19);
      path.lineTo(3, 6);
      path.lineTo(9, 6);
      path.lineTo(11, 8);
      path.lineTo(19, 8);
      path.lineTo(19, 11);
      path.moveTo(3, 19);
      path.lineTo(6, 11);
      path.lineTo(22, 11);
      path.lineTo(19, 19);
      path.closeSubpath();
      break;
    case Glyph::Save:
      path.addRoundedRect(4, 4, 16, 16, 1.5, 1.5);
      path.addRect(8, 4, 8, 5);
      path.addRect(7, 13, 10, 7);
      break;
    case Glyph::Undo:
    case Glyph::Redo: {
      path.moveTo(6, 10);
      path.lineTo(15, 10);
      path.cubicTo(22, 10, 22, 20, 15, 20);
      path.lineTo(9, 20);
      path.moveTo(10, 6);
      path.lineTo(6, 10);
      path.lineTo(10, 14);
      if (g == Glyph::Redo) path = QTransform(-1, 0, 0, 1, 24, 0).map(path);
      break;
    }
    case Glyph::Rotate:
      path.arcMoveTo(4, 4, 16, 16, 60);
      path.arcTo(4, 4, 16, 16, 60, 280);
      path.moveTo(16, 3.5);
      path.lineTo(16.5, 7.5);
      path.lineTo(12.5, 8);
      break;
    case Glyph::Duplicate:
      path.addRoundedRect(3, 3, 12, 12, 1.5, 1.5);
      path.addRoundedRect(9, 9, 12, 12, 1.5, 1.5);
      break;
    case Glyph::Delete:
      path.moveTo(4, 6);
      path.lineTo(20, 6);
      path.moveTo(9, 6);
      path.lineTo(9, 3.5);
      path.lineTo(15, 3.5);
      path.lineTo(15, 6);
      path.moveTo(6, 6);
      path.lineTo(7, 21);
      path.lineTo(17, 21);
      path.lineTo(18, 6);
      path.moveTo(10, 10);
      path.lineTo(10, 17);
      path.moveTo(14, 10);
      path.lineTo(14, 17);
      break;
    case Glyph::BoxSelect: {
      QPen dashed = p.pen();
      dashed.setDashPattern({2, 2});
      p.setPen(dashed);
      p.drawRect(QRectF(3, 3, 14, 12));
      p.setPen(QPen(p.pen().color(), 1.6));
      path.moveTo(13, 11);
      path.lineTo(21, 17);
      path.lineTo(17, 17.5);
      path.lineTo(15, 21);
      path.closeSubpath();
      break;
    }
    case Glyph::Plan:
      path.addRect(3, 3, 18, 18);
      for (double x : {9.0, 15.0}) path.moveTo(x, 3), path.lineTo(x, 21);
      path.moveTo(3, 12);
      path.lineTo(21, 12);
      break;
    case Glyph::Isometric:
      path.moveTo(12, 3);
      path.lineTo(20, 7.5);
      path.lineTo(20, 16.5);
      path.lineTo(12, 21);
      path.lineTo(4, 16.5);
      path.lineTo(4, 7.5);
      path.closeSubpath();
      path.moveTo(4, 7.5);
      path.lineTo(12, 12);
      path.lineTo(20, 7.5);
      path.moveTo(12, 12);
      path.lineTo(12, 21);
      break;
    case Glyph::FitAll:
      for (const auto& [x, y, dx, dy] : {std::array{3, 3, 1, 1}, {21, 3, -1, 1}, {3, 21, 1, -1}, {21, 21, -1, -1}}) {
        path.moveTo(x, y + 6 * dy);
        path.lineTo(x, y);
        path.lineTo(x + 6 * dx, y);
      }
      path.addRect(9, 9, 6, 6);
      break;
  }
  p.drawPath(path);
}

}  // namespace

QIcon glyphIcon(Glyph glyph, const QColor& colour) {
  QIcon icon;
  for (const int size : {16, 24, 32, 48}) {
    for (const auto mode : {QIcon::Normal, QIcon::Disabled}) {
      QPixmap pixmap(size, size);
      pixmap.fill(Qt::transparent);
      QPainter p(&pixmap);
      p.setRenderHint(QPainter::Antialiasing);
      p.scale(size / 24.0, size / 24.0);
      QColor c = colour;
      if (mode == QIcon::Disabled) c.setAlphaF(0.35);
      p.setPen(QPen(c, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      p.setBrush(Qt::NoBrush);
      draw(p, glyph);
      p.end();
      icon.addPixmap(pixmap, mode);
    }
  }
  return icon;
}

}  // namespace gigaplan::app
