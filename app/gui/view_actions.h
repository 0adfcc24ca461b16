// View menu and toolbar: camera presets, colour-by mode, theme, labels and legend (shown or not,
// top or bottom right).
#pragma once

#include <QObject>

#include "widgets/scene/color_by.h"

class QAction;
class QActionGroup;
class QComboBox;
class QMenu;
class QToolBar;

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class ViewActions : public QObject {
  Q_OBJECT
 public:
  ViewActions(widgets::SiteView& view, QObject* parent);

  void fillMenu(QMenu* menu);
  void fillToolBar(QToolBar* bar);
  widgets::scene::ColorBy colorBy() const { return colorBy_; }
  void setColorBy(widgets::scene::ColorBy mode);
  void setTheme(const QString& name);
  QString theme() const { return theme_; }
  /// The toolbar's camera actions (after fillToolBar), for icons.
  QAction* planAction() const { return plan_; }
  QAction* isometricAction() const { return iso_; }
  QAction* fitAllAction() const { return fit_; }

 signals:
  /// The planner picked another colour mode; the window supplies the values.
  void colorByChanged(widgets::scene::ColorBy mode);
  /// The theme changed ("dark" or "light"); the window restyles its widgets.
  void themeChanged(const QString& name);

 private:
  widgets::SiteView& view_;
  widgets::scene::ColorBy colorBy_ = widgets::scene::ColorBy::Type;
  QString theme_ = "dark";
  QComboBox* colorCombo_ = nullptr;
  QAction *plan_ = nullptr, *iso_ = nullptr, *fit_ = nullptr;
  QActionGroup* colorGroup_;
};

}  // namespace gigaplan::app
