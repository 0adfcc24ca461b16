// A Qt 6 widget that shows a VTK renderer: QOpenGLWidget + vtkGenericOpenGLRenderWindow +
// vtkGenericRenderWindowInteractor (Debian's QVTKOpenGLNativeWidget is built for Qt 5).
// See shared/design/VTK_QT6.md; every pitfall listed there is handled in vtk_viewport.cpp.
//
//   VtkViewport view;                       // after prepareGraphics() and QApplication
//   view.renderer()->AddActor(actor);
//   view.update();                          // Qt decides when to paint; VTK never renders on its own
//   QImage img = view.grabFramebuffer();    // also works on a widget that was never shown
#pragma once

#include <vtkSmartPointer.h>
#include <QOpenGLWidget>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;
class vtkObject;

namespace gigaplan::widgets {

class VtkViewport : public QOpenGLWidget {
  Q_OBJECT
 public:
  explicit VtkViewport(QWidget* parent = nullptr);
  ~VtkViewport() override;

  vtkRenderer* renderer() const;
  vtkGenericOpenGLRenderWindow* renderWindow() const;
  vtkGenericRenderWindowInteractor* interactor() const;

  /// Wall time of the last VTK Render() inside paintGL, in seconds.
  double lastRenderSeconds() const { return lastRenderSeconds_; }
  /// Frames rendered since construction.
  int frameCount() const { return frameCount_; }
  /// Device pixels per widget pixel (VTK works in device pixels).
  double pixelRatio() const { return devicePixelRatioF(); }

 signals:
  void frameRendered();

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;

  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void enterEvent(QEnterEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  // vtkObject observers (VTK calls them synchronously on the GUI thread).
  void onMakeCurrent();
  void onIsCurrentEvent(vtkObject*, unsigned long, void* callData);
  void onCursorEvent(vtkObject*, unsigned long, void* callData);
  void onRenderRequest(vtkObject*, unsigned long, void*);
  void releaseGraphics();
  void syncSize();
  void forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat = 0);
  void setEventPosition(double x, double y, Qt::KeyboardModifiers mods, int repeat = 0);
  /// Key, key symbol and modifiers to the interactor; returns the character code (0 if none).
  char setKeyInformation(QKeyEvent* event, bool press);

  vtkSmartPointer<vtkGenericOpenGLRenderWindow> renderWindow_;
  vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor_;
  vtkSmartPointer<vtkRenderer> renderer_;
  QMetaObject::Connection contextDestroyed_;
  int wheelAccumulator_ = 0;
  double lastRenderSeconds_ = 0;
  int frameCount_ = 0;
  bool graphicsReady_ = false;
};

}  // namespace gigaplan::widgets
