// The main window driven as a planner would, under xvfb-run: open a sample, click a rack where it
// appears on screen, drag it 3 m along its row with the mouse, Ctrl+click and rubber-band select,
// change a rack type in the properties panel and see the power change, duplicate and delete with
// the keyboard, undo back to the file's exact content, save, reopen and compare, click a finding,
// add a row and a UPS from the palette, let the job panel's search apply a plan; and every item
// model passes QAbstractItemModelTester.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/breakdown_charts.h"
#include "app/gui/catalog_palette.h"
#include "app/gui/design_editor.h"
#include "app/gui/edit_actions.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/help_actions.h"
#include "app/gui/job/job_panel.h"
#include "app/gui/job/plan_chooser.h"
#include "app/gui/job/plan_search.h"
#include "app/gui/main_window.h"
#include "app/gui/metrics_panel.h"
#include "app/gui/properties_dock.h"
#include "app/gui/properties_model.h"
#include "app/gui/report_actions.h"
#include "app/gui/settings.h"
#include "app/gui/site_tree_dock.h"
#include "app/gui/site_tree_model.h"
#include "app/gui/view_actions.h"
#include "core/io/design_io.h"
#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
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
      30000);
}

int differingPixels(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return a.width() * a.height();
  int n = 0;
  for (int y = 0; y < a.height(); y += 2) {
    for (int x = 0; x < a.width(); x += 2) n += a.pixel(x, y) != b.pixel(x, y);
  }
  return n;
}

// Where a click on the object lands on the object (just under its top, clear of overhead busways).
std::array<double, 3> topOf(widgets::SiteView& view, const QString& id) {
  const auto ref = view.scene().find(id.toStdString());
  return *view.scene().pickPoint(*ref);
}

design::Vec2 positionOf(app::Document& doc, const std::string& id) {
  const auto& L = doc.resolved()->layout;
  return L.racks[static_cast<std::size_t>(L.rackIndex.at(id))].position;
}

// Answers the next question a message box asks with `button`; sets `asked` when it did.
void answerNextQuestion(QMessageBox::StandardButton button, bool* asked) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, [timer, button, asked] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      *asked = true;
      timer->deleteLater();
      box->button(button)->click();
    }
  });
  timer->start();
}

// Frames an object so clicks on it land on a few dozen pixels, then clears the selection.
void frame(widgets::SiteView& view, const QStringList& ids) {
  view.setSelection(ids);
  view.fitSelection();
  view.setSelection({});
  QTest::qWait(30);
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
  std::unique_ptr<app::Document> doc_;
  std::unique_ptr<app::MainWindow> window_;
  std::string original_;  // the teaching hall as opened, in YAML
  double draggedX_ = 0;   // where the drag left rack a-4
  QTemporaryDir tmp_;

  widgets::SiteView& view() { return window_->siteView(); }
  // Dialogs of earlier steps (export progress, message boxes) took the activation; keys and focus
  // need the window active again (there is no window manager under xvfb to give it back).
  void activate() {
    QApplication::setActiveWindow(window_.get());
    QVERIFY(QTest::qWaitFor([&] { return QApplication::activeWindow() == window_.get(); }, 2000));
  }

 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    doc_ = std::make_unique<app::Document>(*base);
    window_ = std::make_unique<app::MainWindow>(*doc_);
    window_->resize(1500, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    view().setAnimationDuration(0);
    // Without a window manager nothing activates the window, and window shortcuts need it.
    QApplication::setActiveWindow(window_.get());
    QCOMPARE(QApplication::activeWindow(), window_.get());
  }

  void opensASampleAndShowsMetrics() {
    QVERIFY(window_->fileActions().openFile(sample("teaching-hall.yaml")));
    QVERIFY(waitForEvaluation(*window_));
    original_ = io::designToYaml(doc_->design());
    QCOMPARE(window_->metrics().value("GPUs"), QString("384"));
    QCOMPARE(window_->metrics().value("Racks"), QString("9"));
    QVERIFY(window_->windowTitle().contains("teaching-hall.yaml"));
    QVERIFY(!window_->windowTitle().contains("*") || !window_->isWindowModified());
    QVERIFY(!window_->metrics().value("Facility power").startsWith("—"));
    QVERIFY(window_->metrics().powerChart().slice("IT") > 0);
  }

  void itemModelsAreWellBehaved() {
    QAbstractItemModelTester findings(window_->findingsView().model(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tree(&window_->siteTree().model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester props(&window_->properties().model(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Exercise them while attached: selections, an edit and its undo, a new evaluation.
    view().setSelection({"a-1", "b-2"});
    view().setSelection({"cdu-1"});
    view().setSelection({});
    view().setSelection({"s-1"});
    QVERIFY(window_->editor().rotateSelection());
    QVERIFY(waitForEvaluation(*window_));
    doc_->undoStack()->undo();
    QVERIFY(waitForEvaluation(*window_));
    view().setSelection({});
    auto& model = window_->siteTree().model();
    QCOMPARE(model.rowCount(), int(app::SiteTreeModel::GroupCount));
    // Every rack is reachable from the tree, and its item maps back to its id.
    const QModelIndex rack = model.indexOfId("b-3");
    QVERIFY(rack.isValid());
    QCOMPARE(rack.data(app::SiteTreeModel::IdRole).toString(), QString("b-3"));
    QCOMPARE(model.parent(rack).data(app::SiteTreeModel::IdRole).toString(), QString("b"));
    QCOMPARE(io::designToYaml(doc_->design()), original_);
  }

  void selectsARackByClickingIt() {
    frame(view(), {"a-4"});
    const QPointF at = widgets::widgetPointOf(view(), topOf(view(), "a-4"));
    QTest::mouseClick(&view(), Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(view().selection(), QStringList{"a-4"});
    // The site tree follows the 3D view.
    const auto rows = window_->siteTree().tree().selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.front().data(app::SiteTreeModel::IdRole).toString(), QString("a-4"));
    // …and the 3D view follows the tree.
    window_->siteTree().tree().selectionModel()->select(
        window_->siteTree().treeIndexOfId("b"), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(view().selection(), (QStringList{"b-1", "b-2", "b-3", "b-4"}));
    view().setSelection({"a-4"});
  }

  void dragsARackThreeMetresAlongItsRow() {
    const design::Vec2 before = positionOf(*doc_, "a-4");
    const int steps = doc_->undoStack()->index();
    const auto top = topOf(view(), "a-4");
    const QPointF from = widgets::widgetPointOf(view(), top);
    // Rotation 0: the row runs along +x. Aim a little short; the grid snaps it to 3 m.
    const QPointF to = widgets::widgetPointOf(view(), {top[0] + 2.9, top[1] + 0.1, top[2]});
    QTest::mousePress(&view(), Qt::LeftButton, {}, from.toPoint());
    for (int i = 1; i <= 12; ++i) {
      QTest::mouseMove(&view(), (from + (to - from) * (i / 12.0)).toPoint());
      QTest::qWait(5);
    }
    QTest::mouseRelease(&view(), Qt::LeftButton, {}, to.toPoint());
    const design::Vec2 after = positionOf(*doc_, "a-4");
    QVERIFY2(std::abs(after.x - (before.x + 3.0)) < 1e-9,
             qPrintable(QString("moved to %1 from %2").arg(after.x).arg(before.x)));
    QCOMPARE(after.y, before.y);
    draggedX_ = after.x;
    QCOMPARE(doc_->undoStack()->index(), steps + 1);   // the whole drag is one undo step
    QCOMPARE(view().selection(), QStringList{"a-4"});  // still selected after the rebuilds
    QVERIFY(window_->isWindowModified());
  }

  void refusesToDragOntoAnotherRack() {
    frame(view(), {"a-1", "a-2"});
    const design::Vec2 before = positionOf(*doc_, "a-1");
    const auto top = topOf(view(), "a-1");
    const QPointF from = widgets::widgetPointOf(view(), top);
    const QPointF to = widgets::widgetPointOf(view(), {top[0] + 0.6, top[1], top[2]});
    QTest::mousePress(&view(), Qt::LeftButton, {}, from.toPoint());
    for (int i = 1; i <= 6; ++i) QTest::mouseMove(&view(), (from + (to - from) * (i / 6.0)).toPoint());
    QTest::mouseRelease(&view(), Qt::LeftButton, {}, to.toPoint());
    QCOMPARE(positionOf(*doc_, "a-1").x, before.x);
  }

  void ctrlClickAndRubberBandSelect() {
    frame(view(), {"hall-1"});
    view().setSelection({"a-4"});
    QTest::mouseClick(&view(), Qt::LeftButton, Qt::ControlModifier,
                      widgets::widgetPointOf(view(), topOf(view(), "a-3")).toPoint());
    QCOMPARE(view().selection(), (QStringList{"a-3", "a-4"}));
    QTest::mouseClick(&view(), Qt::LeftButton, Qt::ControlModifier,
                      widgets::widgetPointOf(view(), topOf(view(), "a-3")).toPoint());
    QCOMPARE(view().selection(), QStringList{"a-4"});
    // A Ctrl+drag band around row b adds its racks.
    QRectF band;
    for (const char* id : {"b-1", "b-2", "b-3", "b-4"}) {
      const auto t = topOf(view(), id);
      const QPointF p = widgets::widgetPointOf(view(), {t[0], t[1], t[2] / 2});
      band = band.isNull() ? QRectF(p, QSizeF(1, 1)) : band.united(QRectF(p, QSizeF(1, 1)));
    }
    band.adjust(-8, -8, 8, 8);
    QTest::mousePress(&view(), Qt::LeftButton, Qt::ControlModifier, band.topLeft().toPoint());
    QTest::mouseMove(&view(), band.center().toPoint());
    QTest::mouseMove(&view(), band.bottomRight().toPoint());
    QTest::mouseRelease(&view(), Qt::LeftButton, Qt::ControlModifier, band.bottomRight().toPoint());
    const QStringList sel = view().selection();
    for (const char* id : {"a-4", "b-1", "b-2", "b-3", "b-4"}) QVERIFY2(sel.contains(id), qPrintable(sel.join(',')));
    QVERIFY(!sel.contains("a-1"));
  }

  void rackTypeChangeChangesPowerMetrics() {
    QVERIFY(waitForEvaluation(*window_));
    const QString itBefore = window_->metrics().value("IT power");
    const double sliceBefore = window_->metrics().powerChart().slice("IT");
    view().setSelection({"a-1"});
    auto& props = window_->properties().model();
    const int row = props.rowOf(app::PropertiesModel::Key::Type);
    QVERIFY(row >= 0);
    const QModelIndex value = props.index(row, app::PropertiesModel::Value);
    QCOMPARE(value.data(Qt::EditRole).toString(), QString("gb200-nvl72"));
    QVERIFY(props.data(value, app::PropertiesModel::ChoicesRole).toStringList().contains("dgx-h100-rack"));
    // Through the properties table's own editor, as a planner would pick it.
    auto& table = window_->properties().table();
    table.setCurrentIndex(value);  // the table edits on current change, like a property grid
    if (!table.findChild<QComboBox*>()) table.edit(value);
    auto* combo = table.findChild<QComboBox*>();
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData("dgx-h100-rack"));
    emit combo->activated(combo->currentIndex());
    QVERIFY(waitForEvaluation(*window_));
    QCOMPARE(QString::fromStdString(
                 doc_->resolved()
                     ->layout.racks[static_cast<std::size_t>(doc_->resolved()->layout.rackIndex.at("a-1"))]
                     .type),
             QString("dgx-h100-rack"));
    QVERIFY2(window_->metrics().value("IT power") != itBefore, qPrintable(itBefore));
    QVERIFY(window_->metrics().powerChart().slice("IT") < sliceBefore);  // a DGX H100 draws less than an NVL72
    const auto& racks = doc_->resolved()->catalog->racks;
    const int gpus = 384 - racks.at("gb200-nvl72").gpus + racks.at("dgx-h100-rack").gpus;
    QCOMPARE(window_->metrics().value("GPUs"), QLocale().toString(gpus));
  }

  void duplicatesAndDeletesFromTheKeyboard() {
    view().setSelection({"b-2"});
    view().setFocus();
    const std::size_t racks = doc_->resolved()->layout.racks.size();
    QTest::keyClick(window_.get(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(doc_->resolved()->layout.racks.size(), racks + 4);
    QTRY_COMPARE(view().selection(), (QStringList{"b-copy-1", "b-copy-2", "b-copy-3", "b-copy-4"}));
    QTest::keyClick(window_.get(), Qt::Key_Delete);
    QCOMPARE(doc_->resolved()->layout.racks.size(), racks);
    QVERIFY(view().selection().isEmpty());
    view().setSelection({"s-1"});
    QTest::keyClick(window_.get(), Qt::Key_R);
    QCOMPARE(
        doc_->resolved()->layout.racks[static_cast<std::size_t>(doc_->resolved()->layout.rackIndex.at("s-1"))].rotation,
        90.0);
  }

  void undoesBackToTheFileThenSavesAndReopens() {
    const std::string edited = io::designToYaml(doc_->design());
    QVERIFY(edited != original_);
    while (doc_->undoStack()->canUndo()) doc_->undoStack()->undo();
    QCOMPARE(io::designToYaml(doc_->design()), original_);
    QVERIFY(!window_->isWindowModified());
    while (doc_->undoStack()->canRedo()) doc_->undoStack()->redo();
    QCOMPARE(io::designToYaml(doc_->design()), edited);
    const QString path = tmp_.filePath("edited.yaml");
    QVERIFY(doc_->save(path).isEmpty());
    QVERIFY(window_->fileActions().openFile(path));
    QCOMPARE(io::designToYaml(doc_->design()), edited);
    QCOMPARE(positionOf(*doc_, "a-4").x, draggedX_);
    QVERIFY(window_->windowTitle().contains("edited.yaml"));
    QVERIFY(waitForEvaluation(*window_));
  }

  void exportsTheReport() {
    for (const char* name : {"report.pdf", "report.csv"}) {
      const QString path = tmp_.filePath(name);
      QString error;
      QVERIFY2(window_->reportActions().exportTo(path, &error), qPrintable(error));
      QVERIFY(QFileInfo(path).size() > 100);
    }
    QFile pdf(tmp_.filePath("report.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
  }

  void colourModesChangeThePixels() {
    window_->viewActions().setColorBy(widgets::scene::ColorBy::Type);
    QTest::qWait(50);
    const QImage byType = view().grabFramebuffer();
    window_->viewActions().setColorBy(widgets::scene::ColorBy::FeedUtilisation);
    QTest::qWait(50);
    const QImage byUtil = view().grabFramebuffer();
    QVERIFY2(differingPixels(byType, byUtil) > 200, "colour by utilisation should repaint the racks");
    window_->viewActions().setColorBy(widgets::scene::ColorBy::Type);
  }

  void clickingAFindingSelectsItsObject() {
    // A rack with no feed at all is an error finding on that rack.
    view().setSelection({"b-1"});
    auto& props = window_->properties().model();
    for (auto key : {app::PropertiesModel::Key::FeedA, app::PropertiesModel::Key::FeedB}) {
      const QModelIndex i = props.index(props.rowOf(key), app::PropertiesModel::Value);
      QVERIFY2(props.setData(i, QString()), qPrintable(window_->statusBar()->currentMessage()));
    }
    QVERIFY(waitForEvaluation(*window_));
    auto& table = window_->findingsView();
    auto* model = table.model();
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r) {
      const QString id = model->index(r, 0).data(app::FindingsModel::ObjectIdRole).toString();
      if (!id.isEmpty() && !view().scene().resolve({id.toStdString()}).empty()) row = r;
    }
    QVERIFY2(row >= 0, "an unfed rack is a finding on that rack");
    const QString id = model->index(row, 0).data(app::FindingsModel::ObjectIdRole).toString();
    view().setSelection({});
    table.scrollTo(model->index(row, 1));
    QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, table.visualRect(model->index(row, 1)).center());
    const auto expected = view().scene().resolve({id.toStdString()});
    QCOMPARE(static_cast<std::size_t>(view().selection().size()), expected.size());
    QVERIFY2(view().selection().contains(id) || expected.size() > 1, qPrintable(view().selection().join(',')));
  }

  void paletteAddsARow() {
    const std::size_t racks = doc_->resolved()->layout.racks.size();
    QVERIFY(window_->palette().choose("dgx-h100-rack"));
    QVERIFY(window_->palette().addRow(3));
    QCOMPARE(doc_->resolved()->layout.racks.size(), racks + 3);
    QTRY_COMPARE(view().selection().size(), 3);
    doc_->undoStack()->undo();
    QCOMPARE(doc_->resolved()->layout.racks.size(), racks);
  }

  void paletteAddsGear() {
    const std::size_t power = doc_->resolved()->layout.power.size();
    auto* add = window_->palette().findChild<QPushButton*>("addGear");
    QVERIFY(add);
    QVERIFY(window_->palette().choose("dgx-h100-rack"));
    QVERIFY(!add->isEnabled());  // rack types are added as rows
    QVERIFY(window_->palette().choose("ups-1500kw"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(doc_->resolved()->layout.power.size(), power + 1);
    QVERIFY(doc_->resolved()->layout.powerIndex.count("ups-1"));
    QTRY_COMPARE(view().selection(), QStringList{"ups-1"});
    doc_->undoStack()->undo();
    QCOMPARE(doc_->resolved()->layout.power.size(), power);
    QVERIFY(!doc_->resolved()->layout.powerIndex.count("ups-1"));
  }

  void jobPanelFindsAndAppliesTheBestPlan() {
    // The teaching hall has unsaved edits: opening another design asks first.
    QVERIFY(window_->isWindowModified());
    bool asked = false;
    answerNextQuestion(QMessageBox::Discard, &asked);
    QVERIFY(window_->fileActions().openFile(sample("llama3-cluster.yaml")));
    QVERIFY(asked);
    QVERIFY(waitForEvaluation(*window_));
    QVERIFY(doc_->design().job.has_value());
    QVERIFY2(window_->metrics().value("Training days").contains("days"), qPrintable(window_->metrics().value("Job")));
    QVERIFY(window_->metrics().stepChart().parts() >= 3);
    const training::Parallelism before = doc_->design().job->parallelism;
    app::PlanChooser* chooser = nullptr;
    connect(&window_->jobPanel(), &app::JobPanel::plansOffered, this, [&](app::PlanChooser* c) { chooser = c; });
    QVERIFY(window_->jobPanel().findBestPlan());
    QVERIFY(QTest::qWaitFor([&] { return chooser != nullptr; }, 60000));
    QVERIFY(!chooser->plans().empty());
    const training::Job best = chooser->plans().front().job;
    auto* apply = chooser->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(doc_->design().job->parallelism.tp, best.parallelism.tp);
    QCOMPARE(doc_->design().job->parallelism.pp, best.parallelism.pp);
    QVERIFY(!doc_->design().job->parallelism.automatic);
    QVERIFY(doc_->design().job->parallelism != before || best.parallelism == before);
    doc_->undoStack()->undo();
    QCOMPARE(doc_->design().job->parallelism, before);

    // The ranking is the planner's: cost needs a price (GigaPlan holds none), energy ranks by MWh.
    app::JobPanel& panel = window_->jobPanel();
    auto* rank = panel.findChild<QComboBox*>("rankBy");
    auto* gpuHourPrice = panel.findChild<QDoubleSpinBox*>("gpuHourPrice");
    QVERIFY(rank && gpuHourPrice);
    QVERIFY(panel.rankBy() == training::RankBy::Days);
    QVERIFY(!gpuHourPrice->isEnabled());
    panel.setRanking(training::RankBy::Cost);
    QVERIFY(gpuHourPrice->isEnabled());
    QVERIFY(!panel.findBestPlan());
    chooser = nullptr;
    panel.setRanking(training::RankBy::Energy);
    QVERIFY(panel.findBestPlan());
    QVERIFY(QTest::qWaitFor([&] { return chooser != nullptr; }, 60000));
    QVERIFY(panel.search().result().rank == training::RankBy::Energy);
    for (std::size_t i = 1; i < chooser->plans().size(); ++i)
      QVERIFY(chooser->plans()[i - 1].energyMwh <= chooser->plans()[i].energyMwh * 1.001);
    chooser->reject();
    panel.setRanking(training::RankBy::Days);
  }

  void searchCanBeCancelled() {
    QVERIFY(window_->jobPanel().findBestPlan());
    window_->jobPanel().search().cancel();
    QVERIFY(QTest::qWaitFor([&] { return !window_->jobPanel().search().running(); }, 60000));
  }

  void writesScreenshots() {
    for (const QString theme : {"light", "dark"}) {
      window_->viewActions().setTheme(theme);
      view().showIsometric();
      QTest::qWait(100);
      const QImage shot = window_->grab().toImage();
      QVERIFY(!shot.isNull());
      QVERIFY(shot.save(QString(GIGAPLAN_BINARY_DIR "/main-window-%1.png").arg(theme)));
    }
    window_->viewActions().setTheme("dark");
  }

  // Bare-key shortcuts act only while the 3D view has the focus: R typed in the site tree or the
  // search box rotates nothing; R in the view rotates the selection; Ctrl+Z works anywhere.
  void bareKeysActOnlyInTheView() {
    activate();
    QVERIFY(doc_->open(sample("teaching-hall.yaml")).isEmpty());  // also when run on its own
    QVERIFY(waitForEvaluation(*window_));
    view().setSelection({"s-1"});
    const auto rotation = [&] {
      const auto& L = doc_->resolved()->layout;
      return L.racks[static_cast<std::size_t>(L.rackIndex.at("s-1"))].rotation;
    };
    const double before = rotation();
    const int steps = doc_->undoStack()->count();
    window_->siteTree().tree().setFocus();
    QTRY_VERIFY(window_->siteTree().tree().hasFocus());
    QTest::keyClick(&window_->siteTree().tree(), Qt::Key_R);
    QTest::keyClick(&window_->siteTree().tree(), Qt::Key_Delete);
    QCOMPARE(rotation(), before);
    QCOMPARE(doc_->undoStack()->count(), steps);
    window_->siteTree().findBox().setFocus();
    QTest::keyClicks(&window_->siteTree().findBox(), "rb");
    QCOMPARE(window_->siteTree().findBox().text(), QString("rb"));
    QCOMPARE(doc_->undoStack()->count(), steps);
    window_->siteTree().findBox().clear();
    view().setSelection({"s-1"});  // the tree's type-ahead search moved the selection
    view().setFocus();
    QTRY_VERIFY(view().hasFocus());
    QVERIFY(window_->editActions().rotateAction()->isEnabled());
    QTest::keyClick(&view(), Qt::Key_R);
    QCOMPARE(doc_->undoStack()->count(), steps + 1);
    QVERIFY(rotation() != before);
    window_->siteTree().tree().setFocus();
    QTest::keyClick(&window_->siteTree().tree(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(rotation(), before);
    QCOMPARE(doc_->undoStack()->count(), steps + 1);  // undone, still on the stack for redo
    QVERIFY(doc_->undoStack()->canRedo());
  }

  // Ctrl+F puts the focus in the site search; typing filters the tree to the matches (and the
  // branches leading to them) with a count; Enter selects them in the 3D view and frames them.
  void findsObjectsFromTheSearchBox() {
    activate();
    QVERIFY(doc_->open(sample("teaching-hall.yaml")).isEmpty());
    QVERIFY(waitForEvaluation(*window_));
    view().setSelection({});
    view().setFocus();
    QTest::keyClick(window_.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window_->siteTree().findBox().hasFocus());
    auto& tree = window_->siteTree();
    // Counts read as in the reports (report::counted): the teaching hall holds 9 racks in 1 hall.
    const auto& model = tree.model();
    QCOMPARE(model.index(app::SiteTreeModel::Halls, app::SiteTreeModel::Detail).data().toString(), QString("9 racks"));
    // The teaching hall's racks of row b are b-1 … b-4.
    QTest::keyClicks(&tree.findBox(), "b-");
    QCOMPARE(tree.findHits(), (QStringList{"b-1", "b-2", "b-3", "b-4"}));
    const auto* count = window_->findChild<QLabel*>("siteFindCount");
    QVERIFY(count);
    QCOMPARE(count->text(), QString("4 matches"));
    // Row a's items are filtered out of the tree, row b's racks are shown.
    QVERIFY(!tree.treeIndexOfId("a-1").isValid());
    QVERIFY(tree.treeIndexOfId("b-2").isValid());
    const QModelIndex b2 = tree.treeIndexOfId("b-2");
    QVERIFY(tree.tree().isExpanded(b2.parent()));
    QTest::keyClick(&tree.findBox(), Qt::Key_Return);
    QCOMPARE(view().selection(), (QStringList{"b-1", "b-2", "b-3", "b-4"}));
    // Two words must both match; a word nothing holds leaves no hit.
    tree.findBox().setText("b- 3");
    QCOMPARE(tree.findHits(), QStringList{"b-3"});
    QCOMPARE(count->text(), QString("1 match"));
    tree.findBox().setText("no-such-thing");
    QVERIFY(tree.findHits().isEmpty());
    QCOMPARE(count->text(), QString("no match"));
    QVERIFY(!tree.goToHits());
    tree.findBox().clear();
    QVERIFY(tree.treeIndexOfId("a-1").isValid());
    QVERIFY(count->text().isEmpty());
    view().setSelection({});
  }

  // Help: F1 opens the user guide (compiled into the app); the keyboard reference is built from
  // the window's actions and says where each key acts; About names the version and the licence.
  void helpMenuShowsGuideKeysAndAbout() {
    activate();
    QVERIFY(app::HelpActions::guideText().startsWith("# GigaPlan user guide"));
    view().setFocus();
    QTest::keyClick(window_.get(), Qt::Key_F1);
    QDialog* guide = nullptr;
    QTRY_VERIFY((guide = window_->findChild<QDialog*>("userGuide")) != nullptr && guide->isVisible());
    const auto* text = guide->findChild<QTextBrowser*>("helpText");
    QVERIFY(text->toPlainText().contains("Finding your way"));
    guide->grab().save(QString(GIGAPLAN_BINARY_DIR "/help-user-guide.png"));
    guide->close();
    const QString keys = window_->help().keyboardAndMouseText();
    QVERIFY2(keys.contains("| Edit › Rotate 90° | R | 3D view |"), qPrintable(keys));
    QVERIFY2(keys.contains("| Edit › Undo | Ctrl+Z | window |"), qPrintable(keys));
    QVERIFY2(keys.contains("| Edit › Find | Ctrl+F | window |"), qPrintable(keys));
    QVERIFY2(keys.contains("| View › Plan view | 7 | 3D view |"), qPrintable(keys));
    QVERIFY2(keys.contains("| Help › User guide | F1 | window |"), qPrintable(keys));
    bool aboutShown = false;
    QTimer::singleShot(0, [&] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      aboutShown = box->text().contains(GIGAPLAN_VERSION) && box->text().contains("GNU General Public License");
      box->accept();
    });
    window_->help().showAbout();
    QVERIFY(aboutShown);
  }

  // The undo limit comes from the settings (edit/undoLimit, default 500): a window made after the
  // planner set 3 keeps only the last 3 of 5 edits, and a value that is no number falls back to 500.
  void undoLimitComesFromTheSettings() {
    QCOMPARE(app::settings::undoLimit(), 500);
    app::settings::setUndoLimit(3);
    QCOMPARE(app::settings::undoLimit(), 3);
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow window(doc);
    QCOMPARE(doc.undoStack()->undoLimit(), 3);
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    for (int i = 1; i <= 5; ++i) {
      QVERIFY(doc.edit(QString("Move rack %1").arg(i),
                       [i](design::Design& d) {
                         d.overrides["a-1"].position = {{double(i), 1.0}};
                       })
                  .isEmpty());
    }
    QCOMPARE(doc.undoStack()->count(), 3);
    int undone = 0;
    while (doc.undoStack()->canUndo()) {
      doc.undoStack()->undo();
      ++undone;
    }
    QCOMPARE(undone, 3);
    // After three undos the rack stands where the second edit put it: the first two fell off.
    QCOMPARE(doc.design().overrides.at("a-1").position->x, 2.0);
    QSettings().setValue("edit/undoLimit", "many");
    QCOMPARE(app::settings::undoLimit(), 500);
    QSettings().setValue("edit/undoLimit", -4);
    QCOMPARE(app::settings::undoLimit(), 500);
    QSettings().remove("edit/undoLimit");
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
