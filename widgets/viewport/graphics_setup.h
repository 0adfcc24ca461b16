// Process-wide graphics settings the VTK viewport needs, applied once before QApplication exists.
//
//   int main(int argc, char** argv) {
//     gigaplan::widgets::prepareGraphics();   // before QApplication
//     QApplication app(argc, argv);
//     ...
//   }
#pragma once

#include <QString>

class QSurfaceFormat;

namespace gigaplan::widgets {

/// The OpenGL surface format VTK 9.1 needs: 3.2 core profile, 24-bit depth, 8-bit stencil, no
/// multisampling (the scene is antialiased by VTK's FXAA pass, cheaper in Mesa's software path).
QSurfaceFormat vtkSurfaceFormat();

/// Sets QT_QPA_PLATFORM to "xcb" when it is unset (Debian's VTK uses GLEW, which fails on native
/// Wayland) and installs vtkSurfaceFormat() as the default format. Must run before QApplication.
void prepareGraphics();

/// Why the 3D view cannot draw in this process, or an empty string when it can: tries once (the
/// answer is kept) to create an OpenGL context in vtkSurfaceFormat() and make it current on an
/// offscreen surface, and checks it is OpenGL 3.2 or newer. Fails on Qt's offscreen and minimal
/// platforms (no OpenGL widgets there), on a remote desktop or VM without GL, or when
/// GIGAPLAN_NO_OPENGL is set (a test hook). Needs a QGuiApplication. Views check it before they show a VtkViewport:
///
///   if (const QString why = widgets::openGLProblem(); !why.isEmpty()) showMessageInstead(why);
QString openGLProblem();

}  // namespace gigaplan::widgets
