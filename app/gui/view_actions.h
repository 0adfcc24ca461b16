// View menu and toolbar: camera presets, colour-by mode, theme, labels and legend.
#pragma once

#include <QObject>

#include "widgets/scene/color_by.h"

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

 signals:
  /// The planner picked another colour mode; the window supplies the values.
  void colorByChanged(widgets::scene::ColorBy mode);

 private:
  widgets::SiteView& view_;
  widgets::scene::ColorBy colorBy_ = widgets::scene::ColorBy::Type;
  QString theme_ = "dark";
  QComboBox* colorCombo_ = nullptr;
  QActionGroup* colorGroup_;
};

}  // namespace gigaplan::app
