// The main window driven as a planner would, under xvfb-run: open a sample, see metrics and
// findings, switch colour modes and see the pixels change, click a finding to select its object.
// Also writes the README screenshots (light and dark) into the build folder.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QTableView>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/main_window.h"
#include "app/gui/metrics_panel.h"
#include "app/gui/view_actions.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/scene/site_scene.h"
#include "widgets/viewport/site_view.h"

using namespace gigaplan;

namespace {

QString sample(const char* name) { return QString(GIGAPLAN_SOURCE_DIR "/samples/") + name; }

bool waitForEvaluation(app::MainWindow& w) {
  return QTest::qWaitFor([&] { return !w.evaluations().busy() && w.evaluations().latest().evaluation; }, 20000);
}

int differingPixels(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return a.width() * a.height();
  int n = 0;
  for (int y = 0; y < a.height(); y += 2) {
    for (int x = 0; x < a.width(); x += 2) n += a.pixel(x, y) != b.pixel(x, y);
  }
  return n;
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
  std::unique_ptr<app::Document> doc_;
  std::unique_ptr<app::MainWindow> window_;

 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    doc_ = std::make_unique<app::Document>(*base);
    window_ = std::make_unique<app::MainWindow>(*doc_);
    window_->resize(1400, 860);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->siteView().setAnimationDuration(0);
  }

  void opensASampleAndShowsMetrics() {
    QVERIFY(window_->fileActions().openFile(sample("teaching-hall.yaml")));
    QVERIFY(waitForEvaluation(*window_));
    QCOMPARE(window_->metrics().value("GPUs"), QString("384"));
    QCOMPARE(window_->metrics().value("Racks"), QString("9"));
    QVERIFY(window_->windowTitle().contains("teaching-hall.yaml"));
    QVERIFY(!window_->metrics().value("Facility power").startsWith("—"));
  }

  void findingsModelIsWellBehaved() {
    auto* model = window_->findingsView().model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->columnCount() == app::FindingsModel::ColumnCount);
  }

  void colourModesChangeThePixels() {
    auto& view = window_->siteView();
    window_->viewActions().setColorBy(widgets::scene::ColorBy::Type);
    QTest::qWait(50);
    const QImage byType = view.grabFramebuffer();
    window_->viewActions().setColorBy(widgets::scene::ColorBy::FeedUtilisation);
    QTest::qWait(50);
    const QImage byUtil = view.grabFramebuffer();
    QVERIFY2(differingPixels(byType, byUtil) > 200, "colour by utilisation should repaint the racks");
    window_->viewActions().setColorBy(widgets::scene::ColorBy::Type);
  }

  void clickingAFindingSelectsItsObject() {
    auto& table = window_->findingsView();
    auto* model = table.model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
      const QString id = model->index(r, 0).data(app::FindingsModel::ObjectIdRole).toString();
      if (!id.isEmpty() && !window_->siteView().scene().resolve({id.toStdString()}).empty()) {
        row = r;
        break;
      }
    }
    if (row < 0) QSKIP("the teaching hall has no finding on a selectable object");
    const QString id = model->index(row, 0).data(app::FindingsModel::ObjectIdRole).toString();
    table.scrollTo(model->index(row, 1));
    const QRect cell = table.visualRect(model->index(row, 1));
    QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY2(window_->siteView().selection().contains(id) || !window_->siteView().selection().isEmpty(),
             qPrintable("selection: " + window_->siteView().selection().join(',')));
  }

  void writesReadmeScreenshots() {
    for (const QString theme : {"light", "dark"}) {
      window_->viewActions().setTheme(theme);
      window_->siteView().showIsometric();
      QTest::qWait(100);
      const QImage shot = window_->grab().toImage();
      QVERIFY(!shot.isNull());
      QVERIFY(shot.save(QString(GIGAPLAN_BINARY_DIR "/main-window-%1.png").arg(theme)));
    }
    window_->viewActions().setTheme("dark");
  }

  void cleanupTestCase() {
    window_.reset();
    doc_.reset();
  }
};

int main(int argc, char** argv) {
  widgets::prepareGraphics();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("GigaPlanTest");
  QApplication::setApplicationName("GigaPlanTest");
  TestMainWindow t;
  return QTest::qExec(&t, argc, argv);
}
#include "test_main_window.moc"
