// The VTK ↔ Qt 6 bridge: renders a vtkGenericOpenGLRenderWindow inside QOpenGLWidget's FBO and
// forwards Qt input to a vtkGenericRenderWindowInteractor. Pitfalls from VTK_QT6.md are noted
// where they are handled.
#include "widgets/viewport/vtk_viewport.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>
#include <QCursor>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>  // also brings the GL constants (VTK's vtk_glew.h must not follow it)
#include <QWheelEvent>
#include <cmath>

#include "widgets/viewport/graphics_setup.h"

namespace gigaplan::widgets {

namespace {

// VTK keysyms for the keys an interactor style may care about; others use their text.
const char* keySym(int key) {
  switch (key) {
    case Qt::Key_Left:
      return "Left";
    case Qt::Key_Right:
      return "Right";
    case Qt::Key_Up:
      return "Up";
    case Qt::Key_Down:
      return "Down";
    case Qt::Key_Return:
      return "Return";
    case Qt::Key_Enter:
      return "KP_Enter";
    case Qt::Key_Escape:
      return "Escape";
    case Qt::Key_Delete:
      return "Delete";
    case Qt::Key_Backspace:
      return "BackSpace";
    case Qt::Key_Space:
      return "space";
    case Qt::Key_Tab:
      return "Tab";
    case Qt::Key_Shift:
      return "Shift_L";
    case Qt::Key_Control:
      return "Control_L";
    case Qt::Key_Alt:
      return "Alt_L";
    default:
      return nullptr;
  }
}

Qt::CursorShape qtCursor(int vtkCursor) {
  switch (vtkCursor) {
    case VTK_CURSOR_CROSSHAIR:
      return Qt::CrossCursor;
    case VTK_CURSOR_SIZEALL:
      return Qt::SizeAllCursor;
    case VTK_CURSOR_SIZENS:
      return Qt::SizeVerCursor;
    case VTK_CURSOR_SIZEWE:
      return Qt::SizeHorCursor;
    case VTK_CURSOR_SIZENE:
      return Qt::SizeBDiagCursor;
    case VTK_CURSOR_SIZENW:
      return Qt::SizeFDiagCursor;
    case VTK_CURSOR_SIZESE:
      return Qt::SizeFDiagCursor;
    case VTK_CURSOR_SIZESW:
      return Qt::SizeBDiagCursor;
    case VTK_CURSOR_HAND:
      return Qt::PointingHandCursor;
    default:
      return Qt::ArrowCursor;
  }
}

}  // namespace

VtkViewport::VtkViewport(QWidget* parent)
    : QOpenGLWidget(parent),
      renderWindow_(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New()),
      interactor_(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New()),
      renderer_(vtkSmartPointer<vtkRenderer>::New()) {
  setFormat(vtkSurfaceFormat());
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);

  // Qt owns the context; VTK blits its finished frame into whatever framebuffer is bound when
  // Render() starts, which inside paintGL is this widget's FBO.
  renderWindow_->SetOwnContext(false);
  renderWindow_->SetFrameBlitModeToBlitToCurrent();
  renderWindow_->SetMultiSamples(0);
  renderWindow_->AddRenderer(renderer_);
  renderWindow_->SetInteractor(interactor_);
  interactor_->SetRenderWindow(renderWindow_);
  // Qt, not VTK, decides when to paint: a drag of many mouse moves costs one render per paint.
  interactor_->EnableRenderOff();

  renderWindow_->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkViewport::onMakeCurrent);
  renderWindow_->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkViewport::onIsCurrentEvent);
  renderWindow_->AddObserver(vtkCommand::CursorChangedEvent, this, &VtkViewport::onCursorEvent);
  interactor_->AddObserver(vtkCommand::RenderEvent, this, &VtkViewport::onRenderRequest);
}

VtkViewport::~VtkViewport() {
  // The slot on aboutToBeDestroyed would otherwise run after our members are gone.
  disconnect(contextDestroyed_);
  releaseGraphics();
  renderWindow_->RemoveAllObservers();
  interactor_->RemoveAllObservers();
}

vtkRenderer* VtkViewport::renderer() const {
  return renderer_;
}
vtkGenericOpenGLRenderWindow* VtkViewport::renderWindow() const {
  return renderWindow_;
}
vtkGenericRenderWindowInteractor* VtkViewport::interactor() const {
  return interactor_;
}

void VtkViewport::onRenderRequest(vtkObject*, unsigned long, void*) {
  update();
}

void VtkViewport::onMakeCurrent() {
  // Not QOpenGLWidget::makeCurrent(): that rebinds Qt's FBO behind VTK's GL-state cache and the
  // first frames come out blank (GL_FRAMEBUFFER_UNSUPPORTED).
  if (QOpenGLContext* ctx = context()) ctx->makeCurrent(ctx->surface());
}

void VtkViewport::onIsCurrentEvent(vtkObject*, unsigned long, void* callData) {
  // Without an answer VTK 9.1 assumes "not current" and silently skips Render().
  auto* current = static_cast<bool*>(callData);
  *current = context() != nullptr && QOpenGLContext::currentContext() == context();
}

void VtkViewport::onCursorEvent(vtkObject*, unsigned long, void* callData) {
  if (callData) setCursor(qtCursor(*static_cast<int*>(callData)));
}

void VtkViewport::initializeGL() {
  disconnect(contextDestroyed_);
  // Release VTK's GL objects while the context still exists (reparenting recreates it).
  contextDestroyed_ = connect(
      context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] { releaseGraphics(); }, Qt::DirectConnection);
  renderWindow_->InitializeFromCurrentContext();
  graphicsReady_ = true;
  syncSize();
  interactor_->Initialize();
}

void VtkViewport::releaseGraphics() {
  if (!graphicsReady_) return;
  graphicsReady_ = false;
  makeCurrent();
  renderWindow_->Finalize();
  doneCurrent();
}

void VtkViewport::syncSize() {
  const double dpr = devicePixelRatioF();
  const int w = std::max(1, static_cast<int>(std::lround(width() * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(height() * dpr)));
  const int* size = renderWindow_->GetSize();
  if (size[0] != w || size[1] != h) renderWindow_->SetSize(w, h);
  const int* isize = interactor_->GetSize();
  if (isize[0] != w || isize[1] != h) interactor_->UpdateSize(w, h);
}

void VtkViewport::resizeGL(int, int) {
  syncSize();
}

void VtkViewport::paintGL() {
  if (!graphicsReady_) return;
  // A widget that was never shown gets no resize event before grabFramebuffer(): size it here.
  syncSize();
  QElapsedTimer timer;
  timer.start();
  renderWindow_->SetReadyForRendering(true);
  renderWindow_->SetIsCurrent(true);
  renderWindow_->Render();
  {
    // Force alpha to 1 so grabs and screenshots are opaque. Through vtkOpenGLState, so VTK's
    // cached mask and clear colour stay true; the scoped objects restore both.
    vtkOpenGLState* state = renderWindow_->GetState();
    vtkOpenGLState::ScopedglColorMask mask(state);
    vtkOpenGLState::ScopedglClearColor clear(state);
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0.0, 0.0, 0.0, 1.0);
    state->vtkglClear(GL_COLOR_BUFFER_BIT);
  }
  renderWindow_->SetReadyForRendering(false);
  lastRenderSeconds_ = timer.nsecsElapsed() * 1e-9;
  ++frameCount_;
  emit frameRendered();
}

void VtkViewport::setEventPosition(double x, double y, Qt::KeyboardModifiers mods, int repeat) {
  const double dpr = devicePixelRatioF();
  interactor_->SetEventInformationFlipY(static_cast<int>(std::lround(x * dpr)), static_cast<int>(std::lround(y * dpr)),
                                        (mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0, 0,
                                        repeat);
  interactor_->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
}

void VtkViewport::forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat) {
  setEventPosition(event->position().x(), event->position().y(), event->modifiers(), repeat);
  interactor_->InvokeEvent(vtkEvent, event);
  event->accept();
}

namespace {
unsigned long pressEvent(Qt::MouseButton b) {
  switch (b) {
    case Qt::LeftButton:
      return vtkCommand::LeftButtonPressEvent;
    case Qt::MiddleButton:
      return vtkCommand::MiddleButtonPressEvent;
    case Qt::RightButton:
      return vtkCommand::RightButtonPressEvent;
    default:
      return vtkCommand::NoEvent;
  }
}
unsigned long releaseEvent(Qt::MouseButton b) {
  switch (b) {
    case Qt::LeftButton:
      return vtkCommand::LeftButtonReleaseEvent;
    case Qt::MiddleButton:
      return vtkCommand::MiddleButtonReleaseEvent;
    case Qt::RightButton:
      return vtkCommand::RightButtonReleaseEvent;
    default:
      return vtkCommand::NoEvent;
  }
}
}  // namespace

void VtkViewport::mousePressEvent(QMouseEvent* event) {
  if (const unsigned long id = pressEvent(event->button()); id != vtkCommand::NoEvent) forwardMouse(event, id);
}

void VtkViewport::mouseDoubleClickEvent(QMouseEvent* event) {
  // VTK marks a double click as a press with repeat count 1.
  if (const unsigned long id = pressEvent(event->button()); id != vtkCommand::NoEvent) forwardMouse(event, id, 1);
}

void VtkViewport::mouseReleaseEvent(QMouseEvent* event) {
  if (const unsigned long id = releaseEvent(event->button()); id != vtkCommand::NoEvent) forwardMouse(event, id);
}

void VtkViewport::mouseMoveEvent(QMouseEvent* event) {
  forwardMouse(event, vtkCommand::MouseMoveEvent);
}

void VtkViewport::wheelEvent(QWheelEvent* event) {
  // High-resolution wheels and touchpads send small deltas; VTK expects one event per notch.
  wheelAccumulator_ += event->angleDelta().y();
  setEventPosition(event->position().x(), event->position().y(), event->modifiers());
  while (wheelAccumulator_ >= 120) {
    wheelAccumulator_ -= 120;
    interactor_->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
  }
  while (wheelAccumulator_ <= -120) {
    wheelAccumulator_ += 120;
    interactor_->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
  }
  event->accept();
}

char VtkViewport::setKeyInformation(QKeyEvent* event, bool press) {
  const QByteArray text = event->text().toLatin1();
  const char code = text.size() == 1 ? text[0] : 0;
  const char* sym = keySym(event->key());
  const QByteArray symText = sym ? QByteArray(sym) : text;
  const Qt::KeyboardModifiers mods = event->modifiers();
  interactor_->SetKeyEventInformation((mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0, code,
                                      press && event->isAutoRepeat() ? 1 : 0, symText.constData());
  interactor_->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
  return code;
}

void VtkViewport::keyPressEvent(QKeyEvent* event) {
  const char code = setKeyInformation(event, true);
  interactor_->InvokeEvent(vtkCommand::KeyPressEvent, event);
  if (code != 0) interactor_->InvokeEvent(vtkCommand::CharEvent, event);
  QOpenGLWidget::keyPressEvent(event);
}

void VtkViewport::keyReleaseEvent(QKeyEvent* event) {
  setKeyInformation(event, false);
  interactor_->InvokeEvent(vtkCommand::KeyReleaseEvent, event);
  QOpenGLWidget::keyReleaseEvent(event);
}

void VtkViewport::enterEvent(QEnterEvent* event) {
  setEventPosition(event->position().x(), event->position().y(), event->modifiers());
  interactor_->InvokeEvent(vtkCommand::EnterEvent, event);
  QOpenGLWidget::enterEvent(event);
}

void VtkViewport::leaveEvent(QEvent* event) {
  interactor_->InvokeEvent(vtkCommand::LeaveEvent, event);
  QOpenGLWidget::leaveEvent(event);
}

}  // namespace gigaplan::widgets
