// Offscreen rendering of a site (see site_screenshot.h). A QOpenGLWidget that is never shown
// renders into its own FBO on an offscreen surface, and grabFramebuffer() reads it back.
#include "widgets/viewport/site_screenshot.h"

#include "widgets/scene/site_scene.h"
#include "widgets/viewport/graphics_setup.h"

namespace gigaplan::widgets {

QImage renderSiteImage(const design::Layout& layout, const catalog::Catalog& catalog, const ScreenshotOptions& o) {
  if (!openGLProblem().isEmpty()) return {};  // a QOpenGLWidget without a context would crash in VTK
  SiteView view;
  view.setAttribute(Qt::WA_DontShowOnScreen);
  view.setAnimationDuration(0);
  // Widget pixels × device pixel ratio = image pixels.
  const double dpr = view.devicePixelRatioF();
  view.resize(static_cast<int>(o.size.width() / dpr), static_cast<int>(o.size.height() / dpr));
  view.setTheme(o.theme);
  view.scene().setQuality(scene::SiteScene::Quality::Print);
  view.scene().setCoreRoom(o.coreRoom);  // before the site, so the framing takes the room in
  view.setSite(layout, catalog);
  view.setColorBy(o.colorBy, o.scalars);
  view.setPhase(o.phase);
  view.scene().setLegendVisible(o.legend);
  view.scene().setLabelsVisible(o.labels);
  view.setSelection(o.selection);
  view.showView(o.view);
  if (o.frameSelection) view.fitSelection();
  QImage image = view.grabFramebuffer();
  if (image.isNull()) return image;
  return image.convertToFormat(QImage::Format_RGB32);
}

}  // namespace gigaplan::widgets
