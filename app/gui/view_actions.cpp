// View actions (see view_actions.h).
#include "app/gui/view_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QMenu>
#include <QToolBar>

#include "app/gui/settings.h"
#include "app/gui/view_shortcuts.h"
#include "widgets/scene/site_scene.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

using widgets::scene::ColorBy;

ViewActions::ViewActions(widgets::SiteView& view, QObject* parent)
    : QObject(parent), view_(view), colorGroup_(new QActionGroup(this)) {
  setTheme(settings::theme());
}

void ViewActions::fillMenu(QMenu* menu) {
  auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
    QAction* a = menu->addAction(text, this, slot);
    a->setShortcut(key);
    scopeShortcut(a, &view_);
    return a;
  };
  add(tr("&Plan view"), QKeySequence(Qt::Key_7), [this] { view_.showPlan(); });
  add(tr("&Isometric view"), QKeySequence(Qt::Key_1), [this] { view_.showIsometric(); });
  add(tr("Fit &all"), QKeySequence(Qt::Key_Home), [this] { view_.fitAll(); });
  add(tr("Fit &selection"), QKeySequence(Qt::Key_F), [this] { view_.fitSelection(); });
  menu->addSeparator();
  QMenu* colour = menu->addMenu(tr("&Colour by"));
  for (ColorBy mode : widgets::scene::kAllColorBy) {
    QAction* a = colour->addAction(QString::fromUtf8(widgets::scene::displayName(mode).data()));
    a->setCheckable(true);
    a->setChecked(mode == colorBy_);
    a->setData(static_cast<int>(mode));
    colorGroup_->addAction(a);
    connect(a, &QAction::triggered, this, [this, mode] { setColorBy(mode); });
  }
  QMenu* themes = menu->addMenu(tr("&Theme"));
  auto* themeGroup = new QActionGroup(this);
  for (const QString& name : {QStringLiteral("dark"), QStringLiteral("light")}) {
    QAction* a = themes->addAction(name == "dark" ? tr("Dark") : tr("Light"), this, [this, name] { setTheme(name); });
    a->setCheckable(true);
    a->setChecked(name == theme_);
    themeGroup->addAction(a);
  }
  QAction* legend = menu->addAction(tr("Show &legend"));
  legend->setCheckable(true);
  legend->setChecked(true);
  connect(legend, &QAction::toggled, this, [this](bool on) {
    view_.scene().setLegendVisible(on);
    view_.update();
  });
  // The legend stands at the right, clear of the framed site; it moves to the bottom corner when
  // it hides something at the top.
  QAction* bottom = menu->addAction(tr("Legend at the &bottom"));
  bottom->setObjectName("legendAtBottom");
  bottom->setCheckable(true);
  connect(legend, &QAction::toggled, bottom, &QAction::setEnabled);
  connect(bottom, &QAction::toggled, this, [this](bool on) {
    view_.scene().setLegendAtBottom(on);
    view_.update();
  });
  QAction* labels = menu->addAction(tr("Show la&bels"));
  labels->setCheckable(true);
  labels->setChecked(true);
  connect(labels, &QAction::toggled, this, [this](bool on) {
    view_.scene().setLabelsVisible(on);
    view_.update();
  });
}

void ViewActions::fillToolBar(QToolBar* bar) {
  plan_ = bar->addAction(tr("Plan view"), this, [this] { view_.showPlan(); });
  iso_ = bar->addAction(tr("Isometric view"), this, [this] { view_.showIsometric(); });
  fit_ = bar->addAction(tr("Fit all"), this, [this] { view_.fitAll(); });
  bar->addSeparator();
  colorCombo_ = new QComboBox(bar);
  colorCombo_->setObjectName("colorByCombo");
  for (ColorBy mode : widgets::scene::kAllColorBy) {
    colorCombo_->addItem(QString::fromUtf8(widgets::scene::displayName(mode).data()), static_cast<int>(mode));
  }
  colorCombo_->setToolTip(tr("Colour the site by"));
  connect(colorCombo_, &QComboBox::activated, this,
          [this](int i) { setColorBy(static_cast<ColorBy>(colorCombo_->itemData(i).toInt())); });
  bar->addWidget(colorCombo_);
}

void ViewActions::setColorBy(ColorBy mode) {
  colorBy_ = mode;
  if (colorCombo_) colorCombo_->setCurrentIndex(colorCombo_->findData(static_cast<int>(mode)));
  for (QAction* a : colorGroup_->actions()) a->setChecked(a->data().toInt() == static_cast<int>(mode));
  emit colorByChanged(mode);
}

void ViewActions::setTheme(const QString& name) {
  auto theme = widgets::scene::themeByName(name.toStdString());
  if (!theme) return;
  theme_ = name;
  settings::setTheme(name);
  view_.setTheme(*theme);
  view_.update();
  emit themeChanged(name);
}

}  // namespace gigaplan::app
