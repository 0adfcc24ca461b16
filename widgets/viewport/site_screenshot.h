// Renders a Layout to an image without showing a window, for `gigaplan screenshot`, reports and
// tests. Needs a QApplication (created after prepareGraphics()) and a display: run headless
// under `xvfb-run`.
//
//   ScreenshotOptions o;
//   o.size = {1600, 1000};
//   o.view = SiteView::View::Plan;
//   o.colorBy = ColorBy::Type;
//   renderSiteImage(layout, catalog, o).save("site.png");
#pragma once

#include <QImage>
#include <QSize>
#include <QStringList>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"
#include "widgets/scene/color_by.h"
#include "widgets/scene/site_scene.h"
#include "widgets/scene/theme.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {

struct ScreenshotOptions {
  QSize size{1600, 1000};  // pixels of the image
  SiteView::View view = SiteView::View::Isometric;
  scene::ColorBy colorBy = scene::ColorBy::Type;
  scene::ColorScalars scalars;               // values for colour modes other than Type
  scene::Theme theme = scene::lightTheme();  // light prints and projects well
  QStringList selection;                     // ids drawn highlighted (row / hall ids too)
  bool frameSelection = false;               // frame the selection instead of the site
  bool legend = true;
  bool labels = true;
  int phase = -1;            // the site as it stands at this phase (0-based; SiteScene::setPhase), -1 = all
  scene::CoreRoom coreRoom;  // the evaluation's (scene::coreRoomOf(eval.fabric)); none by default
};

/// The site rendered at options.size; a null image if OpenGL could not be initialised.
QImage renderSiteImage(const design::Layout& layout, const catalog::Catalog& catalog,
                       const ScreenshotOptions& options = {});

}  // namespace gigaplan::widgets
