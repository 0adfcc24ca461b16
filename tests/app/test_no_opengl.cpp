// The desktop app without OpenGL (a remote desktop, a VM without GL, Qt's offscreen platform): the
// window says the 3D view is unavailable and why, in the view's place and in the status bar, and
// every other panel works — site tree, properties, findings, metrics, the job panel, report export.
// In-process the test hook GIGAPLAN_NO_OPENGL forces the failure; a child process runs the real
// executable on the offscreen platform, which has no OpenGL widgets (it crashed in VTK before,
// right after "QOpenGLWidget: Failed to create context").
#include <QtTest>

#include <QLabel>
#include <QProcess>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/findings_panel.h"
#include "app/gui/job/job_estimate.h"
#include "app/gui/job/job_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/metrics_panel.h"
#include "app/gui/properties_dock.h"
#include "app/gui/properties_model.h"
#include "app/gui/site_tree_dock.h"
#include "app/gui/site_tree_model.h"
#include "app/report/export_report.h"
#include "core/io/design_io.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_view.h"

using namespace gigaplan;

namespace {

QString sample(const char* name) {
  return QString(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

bool waitForEvaluation(app::MainWindow& w) {
  return QTest::qWaitFor(
      [&] {
        return !w.evaluations().busy() && w.evaluations().latest().evaluation &&
               w.evaluations().latest().design == w.editor().document().resolved();
      },
      60000);
}

}  // namespace

class TestNoOpenGL : public QObject {
  Q_OBJECT

  std::unique_ptr<app::Document> doc_;
  std::unique_ptr<app::MainWindow> window_;
  QTemporaryDir tmp_;

 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    doc_ = std::make_unique<app::Document>(*base);
    window_ = std::make_unique<app::MainWindow>(*doc_);
    window_->resize(1400, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  }

  void saysWhyInPlaceOfTheView() {
    QVERIFY(window_->viewUnavailable().contains("GIGAPLAN_NO_OPENGL"));
    auto* note = qobject_cast<QLabel*>(window_->centralWidget());
    QVERIFY(note);
    QCOMPARE(note->objectName(), QString("viewUnavailableMessage"));
    QVERIFY(note->text().contains("3D view unavailable"));
    QVERIFY(note->text().contains("GIGAPLAN_NO_OPENGL"));
    QVERIFY(note->isVisible());
    auto* status = window_->statusBar()->findChild<QLabel*>("viewUnavailableStatus");
    QVERIFY(status && status->isVisible());
    QVERIFY(status->text().contains("3D view unavailable"));
    QVERIFY(status->toolTip().contains("GIGAPLAN_NO_OPENGL"));
    // The view is never shown, so it never asks for a context (which is where VTK crashed).
    QVERIFY(!window_->siteView().isVisible());
  }

  void panelsWork() {
    QVERIFY(window_->fileActions().openFile(sample("superpod-gb200-su.yaml")));
    QVERIFY(waitForEvaluation(*window_));
    // Metrics: 8 GB200 NVL72 racks × 72 GPUs = 576 GPUs (the sample's own description says so).
    QCOMPARE(window_->metrics().value("GPUs"), QString("576"));
    // Site tree: every rack reachable, selecting it selects it everywhere.
    const std::string rackId = doc_->resolved()->layout.racks.front().id;
    const QModelIndex rack = window_->siteTree().model().indexOfId(QString::fromStdString(rackId));
    QVERIFY(rack.isValid());
    window_->siteView().setSelection({QString::fromStdString(rackId)});
    QCOMPARE(window_->siteView().selection(), QStringList{QString::fromStdString(rackId)});
    // Properties follow the selection.
    QVERIFY(QTest::qWaitFor([&] { return window_->properties().model().rowCount() > 3; }, 5000));
    // Findings: the table lists what the evaluation found, the job's outlook with them.
    const auto counts = window_->findingsPanel().model().counts();
    const auto& latest = window_->evaluations().latest();
    QCOMPARE(counts[0] + counts[1] + counts[2],
             static_cast<int>(latest.evaluation->findings.size() +
                              app::outlookFor(*latest.design, *latest.evaluation).findings.size()));
    // Editing (and undo) still works without the view drawing.
    const std::string before = io::designToYaml(doc_->design());
    window_->siteView().setSelection({QString::fromStdString(doc_->resolved()->layout.cooling.front().id)});
    QVERIFY(window_->editor().rotateSelection());
    QVERIFY(waitForEvaluation(*window_));
    QVERIFY(io::designToYaml(doc_->design()) != before);
    doc_->undoStack()->undo();
    QVERIFY(waitForEvaluation(*window_));
    QCOMPARE(io::designToYaml(doc_->design()), before);
    // The job panel edits the design's job.
    const int micro = doc_->design().job->training.microBatch;
    QVERIFY(window_->jobPanel().editJob("Micro-batch", [&](training::Job& j) { j.training.microBatch = micro + 1; }));
    QCOMPARE(doc_->design().job->training.microBatch, micro + 1);
    doc_->undoStack()->undo();
    QCOMPARE(doc_->design().job->training.microBatch, micro);
    QVERIFY(!window_->siteView().isVisible());
    QCOMPARE(window_->siteView().frameCount(), 0);
  }

  void reportSaysThePictureIsLeftOut() {
    QVERIFY(waitForEvaluation(*window_));
    const auto latest = window_->evaluations().latest();
    const QString path = tmp_.filePath("report.html");
    QString error;
    QVERIFY2(app::exportReport(*latest.design, *latest.evaluation, path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    QVERIFY(html.contains("No 3D picture: OpenGL is switched off (GIGAPLAN_NO_OPENGL is set)."));
    QVERIFY(html.contains("Llama 3 70B"));  // the training section is there
  }

  // The executable on Qt's offscreen platform, where QOpenGLWidget cannot create a context: it
  // used to segfault right after "QOpenGLWidget: Failed to create context".
  void executableOnTheOffscreenPlatform() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.remove("GIGAPLAN_NO_OPENGL");
    env.remove("DISPLAY");  // the offscreen platform would otherwise reach GLX through the X server
    env.remove("WAYLAND_DISPLAY");
    env.insert("GIGAPLAN_QUIT_WHEN_SHOWN", "1");  // quit once the design's metrics are painted
    env.insert("XDG_CONFIG_HOME", tmp_.filePath("config"));
    env.insert("XDG_DATA_HOME", tmp_.filePath("data"));  // no autosave left by another run
    p.setProcessEnvironment(env);
    p.start(GIGAPLAN_BINARY_DIR "/bin/gigaplan", {sample("teaching-hall.yaml")});
    QVERIFY(p.waitForStarted());
    QVERIFY2(p.waitForFinished(120000), "gigaplan did not quit");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable("crashed:\n" + err));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(err.contains("gigaplan: 3D view unavailable: the Qt platform 'offscreen' (QT_QPA_PLATFORM) draws no "
                          "OpenGL widgets."),
             qPrintable(err));
  }

  void cleanupTestCase() {
    window_.reset();
    doc_.reset();
  }
};

int main(int argc, char** argv) {
  qputenv("GIGAPLAN_NO_OPENGL", "1");  // the test hook: widgets::openGLProblem() says why
  widgets::prepareGraphics();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("GigaPlanTest");
  QApplication::setApplicationName("GigaPlanTest");
  TestNoOpenGL t;
  return QTest::qExec(&t, argc, argv);
}
#include "test_no_opengl.moc"
