// The report's 3D picture (see site_picture.h).
#include "app/report/site_picture.h"

#include <QApplication>
#include <QBuffer>
#include <QGuiApplication>

#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_screenshot.h"

namespace gigaplan::app {

bool canRenderSitePicture(QString* whyNot) {
  auto say = [whyNot](const QString& s) {
    if (whyNot) *whyNot = s;
    return false;
  };
  if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
    return say(QStringLiteral("No 3D picture: the report was made without a windowing application (no display)."));
  }
  const QString platform = QGuiApplication::platformName();
  if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
    return say(QStringLiteral("No 3D picture: no display was available (Qt platform '%1'). Run under a desktop or "
                              "xvfb-run to include it.")
                   .arg(platform));
  }
  if (const QString why = widgets::openGLProblem(); !why.isEmpty()) return say(QStringLiteral("No 3D picture: ") + why);
  return true;
}

QByteArray sitePicturePng(const design::ResolvedDesign& design, QString* whyNot, QSize size,
                          const fabric::FabricResult* fabric) {
  if (!canRenderSitePicture(whyNot)) return {};
  widgets::ScreenshotOptions o;
  o.size = size;
  o.view = widgets::SiteView::View::Isometric;
  if (fabric) o.coreRoom = widgets::scene::coreRoomOf(*fabric);
  const QImage image = widgets::renderSiteImage(design.layout, *design.catalog, o);
  if (image.isNull()) {
    if (whyNot) *whyNot = QStringLiteral("No 3D picture: OpenGL could not be initialised on this display.");
    return {};
  }
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return png;
}

}  // namespace gigaplan::app
