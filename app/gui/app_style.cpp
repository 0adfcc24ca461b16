// Window theme (see app_style.h).
#include "app/gui/app_style.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace gigaplan::app {
namespace {

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x23, 0x26, 0x2b), base(0x1b, 0x1d, 0x21), text(0xdc, 0xe0, 0xe6), accent(0x3d, 0x8b, 0xe0);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2f));
  p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x34, 0x3a));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8f));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x37));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Highlight, accent);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
  p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x46));
  p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3e));
  p.setColor(QPalette::Mid, QColor(0x2a, 0x2d, 0x33));
  p.setColor(QPalette::Dark, QColor(0x16, 0x18, 0x1b));
  p.setColor(QPalette::Shadow, Qt::black);
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, QColor(0x6a, 0x70, 0x78));
  }
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x48, 0x50));
  return p;
}

QPalette lightPalette() {
  QPalette p = QStyleFactory::create("Fusion")->standardPalette();
  p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
  p.setColor(QPalette::Highlight, QColor(0x2f, 0x7b, 0xd6));
  p.setColor(QPalette::Button, QColor(0xfa, 0xfa, 0xfb));
  return p;
}

// Small touches the palette cannot express: flatter group boxes and dock titles.
const char* kStyleSheet = R"(
QGroupBox { font-weight: 600; margin-top: 1.1em; padding-top: 0.3em; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 3px; }
QDockWidget::title { padding: 4px 6px; font-weight: 600; }
QToolBar { spacing: 3px; }
)";

}  // namespace

void applyAppTheme(const QString& name) {
  if (QApplication::style()->name().compare("fusion", Qt::CaseInsensitive) != 0)
    QApplication::setStyle(QStyleFactory::create("Fusion"));
  QApplication::setPalette(name == "light" ? lightPalette() : darkPalette());
  qApp->setStyleSheet(kStyleSheet);
}

}  // namespace gigaplan::app
