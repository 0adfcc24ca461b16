// Process-wide graphics settings for the VTK viewport (see graphics_setup.h).
#include "widgets/viewport/graphics_setup.h"

#include <QByteArray>
#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
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

namespace {

QString probeOpenGL() {
  if (!qEnvironmentVariableIsEmpty("GIGAPLAN_NO_OPENGL")) {
    return QStringLiteral("OpenGL is switched off (GIGAPLAN_NO_OPENGL is set).");
  }
  if (!QGuiApplication::instance()) return QStringLiteral("OpenGL needs a running Qt GUI application.");
  const QString platform = QGuiApplication::platformName();
  // These platforms may create a context (offscreen reaches GLX when DISPLAY is set) but have no
  // OpenGL widgets: QOpenGLWidget says "not supported on this platform" and VTK then crashes.
  if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
    return QStringLiteral(
               "the Qt platform '%1' (QT_QPA_PLATFORM) draws no OpenGL widgets. Run GigaPlan on a "
               "desktop with OpenGL 3.2, or under xvfb-run with Mesa.")
        .arg(platform);
  }
  QOpenGLContext context;
  context.setFormat(vtkSurfaceFormat());
  if (!context.create()) {
    return QStringLiteral(
               "no OpenGL context could be created on the Qt platform '%1' (a remote desktop or a "
               "virtual machine without GL?). Run GigaPlan on a desktop with OpenGL 3.2, or under "
               "xvfb-run with Mesa.")
        .arg(platform);
  }
  QOffscreenSurface surface;
  surface.setFormat(context.format());
  surface.create();
  if (!surface.isValid() || !context.makeCurrent(&surface)) {
    return QStringLiteral("an OpenGL context was created on the Qt platform '%1' but could not be made current.")
        .arg(platform);
  }
  const QSurfaceFormat got = context.format();
  context.doneCurrent();
  if (got.majorVersion() < 3 || (got.majorVersion() == 3 && got.minorVersion() < 2)) {
    return QStringLiteral("the 3D view needs OpenGL 3.2; this display offers %1.%2.")
        .arg(got.majorVersion())
        .arg(got.minorVersion());
  }
  return {};
}

}  // namespace

QString openGLProblem() {
  static const QString problem = probeOpenGL();
  return problem;
}

}  // namespace gigaplan::widgets
