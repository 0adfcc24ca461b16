// Process-wide graphics settings the VTK viewport needs, applied once before QApplication exists.
//
//   int main(int argc, char** argv) {
//     gigaplan::widgets::prepareGraphics();   // before QApplication
//     QApplication app(argc, argv);
//     ...
//   }
#pragma once

class QSurfaceFormat;

namespace gigaplan::widgets {

/// The OpenGL surface format VTK 9.1 needs: 3.2 core profile, 24-bit depth, 8-bit stencil, no
/// multisampling (the scene is antialiased by VTK's FXAA pass, cheaper in Mesa's software path).
QSurfaceFormat vtkSurfaceFormat();

/// Sets QT_QPA_PLATFORM to "xcb" when it is unset (Debian's VTK uses GLEW, which fails on native
/// Wayland) and installs vtkSurfaceFormat() as the default format. Must run before QApplication.
void prepareGraphics();

}  // namespace gigaplan::widgets
