// The look of the whole window in the dark and light themes: Fusion style with a palette that
// matches the 3D view's background, so docks, tables and charts read as one tool.
#pragma once

#include <QColor>
#include <QString>

namespace gigaplan::app {

/// "dark" or "light" (anything else is treated as dark).
void applyAppTheme(const QString& name);

/// The ink of errors and of warnings in the panels' lists and tables (the PDF's error red).
inline QColor errorInk() {
  return QColor(0xc0, 0x39, 0x2b);
}
inline QColor warningInk() {
  return QColor(0xb0, 0x7d, 0x00);
}

}  // namespace gigaplan::app
