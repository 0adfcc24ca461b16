// The Qt 6 ↔ VTK bridge on its own: renders, grabs opaque pixels, forwards drag and wheel.
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCubeSource.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <QApplication>
#include <QTest>

#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/vtk_viewport.h"

using gigaplan::widgets::VtkViewport;

class TestVtkViewport : public QObject {
  Q_OBJECT
 private:
  static void addCube(VtkViewport& view) {
    vtkNew<vtkCubeSource> cube;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(cube->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(1.0, 0.0, 0.0);
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    view.renderer()->AddActor(actor);
    view.renderer()->SetBackground(0.0, 0.0, 1.0);
    view.renderer()->SetBackgroundAlpha(0.0);  // VTK leaves alpha 0: the viewport must force 1
    view.renderer()->ResetCamera();
  }

 private slots:
  void rendersOpaquePixelsWhenShown() {
    VtkViewport view;
    view.resize(320, 240);
    addCube(view);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage img = view.grabFramebuffer();
    QCOMPARE(img.size(), QSize(320, 240));
    const QColor centre = img.pixelColor(160, 120);
    const QColor corner = img.pixelColor(2, 2);
    QCOMPARE(corner.alpha(), 255);
    QVERIFY2(corner.blue() > 200 && corner.red() < 50, qPrintable(corner.name()));
    QVERIFY2(centre.red() > 200 && centre.blue() < 50, qPrintable(centre.name()));
  }
  void rendersWithoutBeingShown() {
    VtkViewport view;
    view.resize(200, 100);
    addCube(view);
    const QImage img = view.grabFramebuffer();
    QCOMPARE(img.size(), QSize(200, 100));
    QVERIFY(img.pixelColor(100, 50).red() > 200);
    QCOMPARE(img.pixelColor(1, 1).alpha(), 255);
    QVERIFY(img.pixelColor(1, 1).blue() > 200);
  }
  void survivesReparentingAndDestruction() {
    // Reparenting recreates the GL context: VTK must release its resources on the old one
    // (aboutToBeDestroyed) and initialise again on the new one.
    QWidget first, second;
    first.resize(320, 240);
    second.resize(320, 240);
    auto* view = new VtkViewport(&first);
    view->resize(320, 240);
    addCube(*view);
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    QVERIFY(view->grabFramebuffer().pixelColor(160, 120).red() > 200);
    view->setParent(&second);
    view->show();
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    const QImage again = view->grabFramebuffer();
    QVERIFY(again.pixelColor(160, 120).red() > 200);
    QVERIFY(again.pixelColor(2, 2).blue() > 200);
    delete view;  // Finalize while the context exists, then no slot may fire on a dead object
    first.close();
    second.close();
  }
  void dragOrbitsAndWheelZooms() {
    VtkViewport view;
    view.resize(320, 240);
    addCube(view);
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    view.interactor()->SetInteractorStyle(style);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    vtkCamera* cam = view.renderer()->GetActiveCamera();
    double before[3];
    cam->GetPosition(before);
    const int framesBefore = view.frameCount();
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(100, 120));
    for (int x = 110; x <= 220; x += 10) QTest::mouseMove(&view, QPoint(x, 120));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(220, 120));
    double after[3];
    cam->GetPosition(after);
    QVERIFY(std::abs(after[0] - before[0]) + std::abs(after[1] - before[1]) + std::abs(after[2] - before[2]) > 0.1);
    QTRY_VERIFY(view.frameCount() > framesBefore);  // the drag asked Qt for a repaint
    const double distance = cam->GetDistance();
    QWheelEvent wheel(QPointF(160, 120), view.mapToGlobal(QPointF(160, 120)), QPoint(), QPoint(0, 60), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QCOMPARE(cam->GetDistance(), distance);  // half a notch: accumulated, not yet applied
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(cam->GetDistance() < distance);
  }
};

int main(int argc, char** argv) {
  gigaplan::widgets::prepareGraphics();
  QApplication app(argc, argv);
  TestVtkViewport t;
  return QTest::qExec(&t, argc, argv);
}

#include "test_vtk_viewport.moc"
