// QPainter back end of the report display list (core/report/drawing.h): the same vectors the SVG
// writer emits, painted on any QPaintDevice — the PDF report's pages, or an image in tests.
//
//   QPainter p(&pdfWriter);
//   app::paintDrawing(p, drawing, QPointF(40, 120), 1.0);   // top-left at (40, 120), 1 unit = 1 pt
#pragma once

#include <QColor>
#include <QPointF>

#include "core/report/drawing.h"

class QPainter;

namespace gigaplan::app {

/// What the drawing is painted on. Drawings are made for white paper; on dark paper (a window in
/// a dark theme) their greys (text, axes, grid lines, light bands) are painted with their lightness
/// turned over, and their colours (series, colour scales, warnings) as they are.
enum class Paper { Light, Dark };

/// Paints `drawing` with its top-left corner at `topLeft` (device units) scaled by `scale`
/// (device units per point). Text sizes are points on a 72-dpi device and are converted to the
/// device's resolution.
void paintDrawing(QPainter& painter, const report::Drawing& drawing, QPointF topLeft, double scale,
                  Paper paper = Paper::Light);

/// A colour of a drawing as painted on `paper` (see Paper).
QColor onPaper(QColor colour, Paper paper);

}  // namespace gigaplan::app
