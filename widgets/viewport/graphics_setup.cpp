// Process-wide graphics settings for the VTK viewport (see graphics_setup.h).
#include "widgets/viewport/graphics_setup.h"

#include <QByteArray>
#include <QSurfaceFormat>
#include <QtGlobal>

namespace gigaplan::widgets {

QSurfaceFormat vtkSurfaceFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setAlphaBufferSize(8);
  format.setSamples(0);
  format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
  return format;
}

void prepareGraphics() {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("xcb"));
  QSurfaceFormat::setDefaultFormat(vtkSurfaceFormat());
}

}  // namespace gigaplan::widgets
