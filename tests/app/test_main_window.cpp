// The main window driven as a planner would, under xvfb-run: open a sample, click a rack where it
// appears on screen, drag it 3 m along its row with the mouse, Ctrl+click and rubber-band select,
// change a rack type in the properties panel and see the power change, duplicate and delete with
// the keyboard, undo back to the file's exact content, save, reopen and compare, click a finding,
// add a row and a UPS from the palette, let the job panel's search apply a plan; and every item
// model passes QAbstractItemModelTester.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <fstream>
#include <functional>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/breakdown_charts.h"
#include "app/gui/catalog_palette.h"
#include "app/gui/compare_panel.h"
#include "app/gui/design_editor.h"
#include "app/gui/edit_actions.h"
#include "app/gui/empty_hint.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/findings_panel.h"
#include "app/gui/help_actions.h"
#include "app/gui/job/job_estimate.h"
#include "app/gui/job/job_panel.h"
#include "app/gui/job/plan_chooser.h"
#include "app/gui/job/plan_search.h"
#include "app/gui/main_window.h"
#include "app/gui/metrics_panel.h"
#include "app/gui/phases_panel.h"
#include "app/gui/power_swings_panel.h"
#include "app/gui/properties_dock.h"
#include "app/gui/properties_model.h"
#include "app/gui/qt_text.h"
#include "app/gui/report_actions.h"
#include "app/gui/samples.h"
#include "app/gui/settings.h"
#include "app/gui/site_tree_dock.h"
#include "app/gui/site_tree_model.h"
#include "app/gui/view_actions.h"
#include "app/gui/year_panel.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/io/design_io.h"
#include "core/report/charts.h"
#include "core/report/phases_report.h"
#include "core/report/power_swings.h"
#include "core/training/estimate.h"
#include "core/training/gpu_params.h"
#include "widgets/scene/plan_overlay.h"
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

// The step of the window's job on its site as last evaluated: what the Job panel estimates.
training::StepBreakdown jobStep(app::MainWindow& w, const catalog::Catalog& base) {
  const design::Design& d = w.editor().document().design();
  const training::Cluster cluster = engine::clusterFromEvaluation(d, *w.evaluations().latest().evaluation);
  return training::estimate(*d.job, cluster, training::resolveGpu(*base.gpu(cluster.gpu), cluster)).step;
}

// Scrolls the Job panel down to `box`, its label in view, and clicks it as a user would.
void clickInJobPanel(app::MainWindow& w, QAbstractButton* box) {
  if (auto* area = w.jobPanel().findChild<QScrollArea*>())
    area->verticalScrollBar()->setValue(box->mapTo(area->widget(), QPoint()).y() - 200);
  QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
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

// Answers the next file dialog with `file`; notes the folder it opened in and the file it offered.
void answerNextFileDialog(const QString& file, QString* openedIn, QString* offered = nullptr) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  auto seen = std::make_shared<bool>(false);
  QObject::connect(timer, &QTimer::timeout, [timer, file, openedIn, offered, seen] {
    auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
    if (!dialog) return;
    if (!*seen) {  // what the dialog offered, before the answer is typed in
      *seen = true;
      if (openedIn) *openedIn = dialog->directory().absolutePath();
      if (offered) *offered = dialog->selectedFiles().value(0);
    }
    // Typed into the name field as a planner would: QFileDialog::selectFile leaves a field that has
    // the focus alone once the dialog is on screen.
    if (auto* name = dialog->findChild<QLineEdit*>("fileNameEdit"))
      name->setText(file);
    else
      dialog->selectFile(file);
    // A dialog still settling (its folder loading) can put its own name back: answer on a later
    // tick, once the file asked for is the one selected.
    if (QFileInfo(dialog->selectedFiles().value(0)).absoluteFilePath() != QFileInfo(file).absoluteFilePath()) return;
    timer->deleteLater();
    QMetaObject::invokeMethod(dialog, "accept");
  });
  timer->start();
}

// What a planner does with the mouse and keyboard, for the File → New test.

// Types into a spin box: select all, the text, Tab.
void typeInto(QAbstractSpinBox* box, const QString& text) {
  QVERIFY(box);
  box->setFocus();
  QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(box, text);
  QTest::keyClick(box, Qt::Key_Tab);
}

// Picks a catalog entry: its id typed in the palette's filter, then a click on it.
bool pickFromCatalog(app::CatalogPalette& palette, const QString& id) {
  // The catalog shares its place with the site tree: bring its tab forward.
  for (QWidget* p = palette.parentWidget(); p; p = p->parentWidget()) {
    if (auto* dock = qobject_cast<QDockWidget*>(p)) dock->raise();
  }
  QApplication::processEvents();
  auto* filter = palette.findChild<QLineEdit*>("paletteFilter");
  if (!filter) return false;
  filter->clear();
  QTest::keyClicks(filter, id);
  auto& tree = palette.tree();
  for (int g = 0; g < tree.topLevelItemCount(); ++g) {
    for (int i = 0; i < tree.topLevelItem(g)->childCount(); ++i) {
      QTreeWidgetItem* item = tree.topLevelItem(g)->child(i);
      if (item->isHidden() || item->toolTip(0).section('\n', 0, 0) != id) continue;
      tree.scrollToItem(item);
      QTest::mouseClick(tree.viewport(), Qt::LeftButton, {}, tree.visualItemRect(item).center());
      return tree.currentItem() == item;
    }
  }
  return false;
}

void clickButton(QWidget& parent, const char* name) {
  auto* b = parent.findChild<QAbstractButton*>(name);
  QVERIFY2(b && b->isEnabled(), name);
  QTest::mouseClick(b, Qt::LeftButton);
}

// Selects objects in the site tree: a click on the first, Ctrl+click on the others.
void selectInTree(app::MainWindow& w, const QStringList& ids) {
  w.findChild<QDockWidget*>("siteDock")->raise();
  // As a planner waits for what was just added to appear in the 3D view.
  for (const QString& id : ids) QTRY_VERIFY(!w.siteView().scene().resolve({id.toStdString()}).empty());
  auto& tree = w.siteTree().tree();
  for (int k = 0; k < ids.size(); ++k) {
    const QModelIndex i = w.siteTree().treeIndexOfId(ids[k]);
    QVERIFY2(i.isValid(), qPrintable(ids[k]));
    for (QModelIndex p = i.parent(); p.isValid(); p = p.parent()) tree.expand(p);
    tree.scrollTo(i);
    QTest::mouseClick(tree.viewport(), Qt::LeftButton, k == 0 ? Qt::NoModifier : Qt::ControlModifier,
                      tree.visualRect(i).center());
  }
}

// Edits a property: a double-click on its value, then for a list a click on the value in the
// list, for text the text typed and Enter.
void editProperty(app::MainWindow& w, app::PropertiesModel::Key key, const QString& value) {
  auto& table = w.properties().table();
  auto& model = w.properties().model();
  const int row = model.rowOf(key);
  QVERIFY2(row >= 0, qPrintable(QString("no property %1 for %2").arg(int(key)).arg(value)));
  const QModelIndex i = model.index(row, app::PropertiesModel::Value);
  // Without a window manager a closed list popup or dialog leaves no window active: give it back.
  QApplication::setActiveWindow(table.window());
  QVERIFY(QTest::qWaitFor([&] { return QApplication::activeWindow() == table.window(); }, 2000));
  table.setFocus();
  QVERIFY(QTest::qWaitFor([&] { return QApplication::focusWidget() != nullptr; }, 2000));
  table.scrollTo(i);
  // A click makes the value current (and may open its editor); F2 opens it otherwise.
  QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, table.visualRect(i).center());
  QTest::qWait(20);
  if (QApplication::focusWidget() == &table || QApplication::focusWidget() == table.viewport())
    QTest::keyClick(&table, Qt::Key_F2);
  QTest::qWait(20);
  QWidget* editor = QApplication::focusWidget();
  QVERIFY2(editor && editor != &table,
           qPrintable(QString("%1: focus on %2, flags %3, row text %4")
                          .arg(value, editor ? editor->metaObject()->className() : "nothing")
                          .arg(int(i.flags()))
                          .arg(i.data().toString())));
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    const int at = combo->findData(value);
    QVERIFY2(at >= 0, qPrintable(value));
    combo->showPopup();
    QAbstractItemView* list = combo->view();
    const QModelIndex item = list->model()->index(at, 0);
    list->scrollTo(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(item).center());
  } else {
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, value);
    QTest::keyClick(editor, Qt::Key_Return);
  }
  QTest::qWait(10);
}

// (severity, code) of every finding, sorted: what a design's findings say, whatever its ids.
std::vector<std::pair<int, std::string>> findingKinds(const engine::Evaluation& e) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& f : e.findings) out.push_back({int(f.severity), f.code});
  std::sort(out.begin(), out.end());
  return out;
}

// With GIGAPLAN_KEEP_SCREENSHOTS set, copies `file` there as `name`, over an earlier run's copy.
void keep(const QString& file, const QString& name) {
  if (!qEnvironmentVariableIsSet("GIGAPLAN_KEEP_SCREENSHOTS")) return;
  const QString kept = QDir(qEnvironmentVariable("GIGAPLAN_KEEP_SCREENSHOTS")).filePath(name);
  QFile::remove(kept);
  QFile::copy(file, kept);
}

// Saves a picture of the window in `dir` and keeps a copy (see keep).
void saveShot(QWidget& w, const QTemporaryDir& dir, const char* name) {
  QTest::qWait(50);
  const QString file = dir.filePath(name);
  QVERIFY(w.grab().save(file));
  keep(file, name);
}

// Shows a window of its own at laptop size (1366 × 768), active, with instant camera moves; false
// when it never appears.
bool showOnLaptop(app::MainWindow& w) {
  w.resize(1366, 768);
  w.show();
  if (!QTest::qWaitForWindowExposed(&w)) return false;
  w.siteView().setAnimationDuration(0);
  QApplication::setActiveWindow(&w);
  return true;
}

// A sample opened in a laptop-sized window, its evaluation done.
bool openOnLaptop(app::MainWindow& w, const char* file) {
  return showOnLaptop(w) && w.fileActions().openFile(sample(file)) && waitForEvaluation(w);
}

// Where a point of the ground (site metres) shows in the view.
QPoint floorPoint(widgets::SiteView& v, double x, double y) {
  return widgets::widgetPointOf(v, {x, y, 0}).toPoint();
}

// The cursor moved over a point of the ground with no button held (QTest::mouseMove moves the X
// pointer instead when none is); returns the cursor shape the view then shows.
Qt::CursorShape hoverFloor(widgets::SiteView& v, double x, double y) {
  const QPointF p = floorPoint(v, x, y);
  QMouseEvent move(QEvent::MouseMove, p, v.mapToGlobal(p), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(&v, &move);
  return v.cursor().shape();
}

// A left drag across the ground in eight steps; `whileDragging` runs before the release.
void dragFloor(widgets::SiteView& v, QPointF from, QPointF to, const std::function<void()>& whileDragging = {}) {
  QTest::mousePress(&v, Qt::LeftButton, {}, floorPoint(v, from.x(), from.y()));
  for (int i = 1; i <= 8; ++i) {
    const QPointF p = from + (to - from) * (i / 8.0);
    QTest::mouseMove(&v, floorPoint(v, p.x(), p.y()));
    QTest::qWait(5);
  }
  if (whileDragging) whileDragging();
  QTest::mouseRelease(&v, Qt::LeftButton, {}, floorPoint(v, to.x(), to.y()));
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
    // The view draws the core room the evaluation places (its one spine switch rack).
    const auto& fabric = window_->evaluations().latest().evaluation->fabric;
    QCOMPARE(fabric.coreRoomRacks, std::int64_t(1));
    QTRY_VERIFY(view().scene().coreRoom() == widgets::scene::coreRoomOf(fabric));
    QVERIFY(view().scene().coreRoomBounds());
    QVERIFY(window_->windowTitle().contains("teaching-hall.yaml"));
    QVERIFY(!window_->windowTitle().contains("*") || !window_->isWindowModified());
    QVERIFY(!window_->metrics().value("Facility power").startsWith("—"));
    QVERIFY(window_->metrics().powerChart().slice("IT") > 0);
    // Every figure says how it is derived; counts read as words.
    for (const char* name : {"GPUs", "PUE", "Facility power", "Water", "Largest failure domain"}) {
      auto* label = window_->metrics().findChild<QLabel*>(QString("metric:%1").arg(name));
      QVERIFY2(label && !label->toolTip().isEmpty(), name);
    }
    QVERIFY(window_->metrics().findChild<QLabel*>("metric:PUE")->toolTip().contains("Facility power ÷"));
    const QRegularExpression findings("^\\d+ errors?, \\d+ warnings?, \\d+ notes?$");
    QVERIFY2(findings.match(window_->metrics().value("Findings")).hasMatch(),
             qPrintable(window_->metrics().value("Findings")));
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
    // A row's details count its racks by type: b-4 is overridden to a network rack.
    const QModelIndex row = model.parent(rack);
    QCOMPARE(row.siblingAtColumn(1).data().toString(), QString("3 × dgx-h100-rack, 1 × network-rack"));
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
    // A report of unsaved edits says so; of the saved file, it names the file.
    auto html = [&] {
      const QString path = tmp_.filePath("report.html");
      QString error;
      if (!window_->reportActions().exportTo(path, &error)) return error;
      QFile f(path);
      return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString("cannot read");
    };
    QVERIFY(!doc_->isModified());
    QVERIFY(html().contains("design file "));
    QVERIFY(doc_->edit("Rename site", [](design::Design& d) { d.site.name += " (edited)"; }).isEmpty());
    QVERIFY(doc_->isModified());
    const QString edited = html();
    QVERIFY2(edited.contains("unsaved edits to ") && !edited.contains("design file "), qPrintable(edited.left(3000)));
    doc_->undoStack()->undo();
    QVERIFY(!doc_->isModified());
  }

  // The legend can be hidden or moved to the bottom corner, from the View menu.
  void legendMovesToTheBottom() {
    auto* bottom = window_->findChild<QAction*>("legendAtBottom");
    QVERIFY(bottom && bottom->isEnabled());
    view().update();
    QTest::qWait(50);
    const double top = view().scene().legendPosition()[1];
    bottom->trigger();
    view().update();
    QTRY_VERIFY(view().scene().legendPosition()[1] < top - 0.1);
    bottom->trigger();
    view().update();
    QTRY_COMPARE(view().scene().legendPosition()[1], top);
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
    // Findings are grouped by kind: open the groups and find a finding on a rack.
    auto& tree = window_->findingsView();
    auto* model = tree.model();
    tree.expandAll();
    QModelIndex hit;
    for (int g = 0; g < model->rowCount() && !hit.isValid(); ++g) {
      const QModelIndex group = model->index(g, 0);
      QVERIFY(group.data(app::FindingsModel::IsGroupRole).toBool());
      for (int r = 0; r < model->rowCount(group) && !hit.isValid(); ++r) {
        const QModelIndex f = model->index(r, 1, group);
        const QString id = f.data(app::FindingsModel::ObjectIdRole).toString();
        if (!id.isEmpty() && !view().scene().resolve({id.toStdString()}).empty()) hit = f;
      }
    }
    QVERIFY2(hit.isValid(), "an unfed rack is a finding on that rack");
    const QString id = hit.data(app::FindingsModel::ObjectIdRole).toString();
    view().setSelection({});
    tree.scrollTo(hit);
    QTest::mouseClick(tree.viewport(), Qt::LeftButton, {}, tree.visualRect(hit).center());
    const auto expected = view().scene().resolve({id.toStdString()});
    QCOMPARE(static_cast<std::size_t>(view().selection().size()), expected.size());
    QVERIFY2(view().selection().contains(id) || expected.size() > 1, qPrintable(view().selection().join(',')));
  }

  // The findings panel counts each severity, the training job's findings with the site's, hides one
  // when its toggle is off (a group goes with its last shown finding), and lists the findings flat
  // when grouping is off.
  void findingsGroupAndFilter() {
    auto& panel = window_->findingsPanel();
    auto& tree = window_->findingsView();
    const auto& latest = window_->evaluations().latest();
    std::array<int, 3> n{0, 0, 0};
    for (const auto& f : latest.evaluation->findings) ++n[static_cast<std::size_t>(f.severity)];
    for (const auto& f : app::outlookFor(*latest.design, *latest.evaluation).findings)
      ++n[static_cast<std::size_t>(f.severity)];
    auto label = [](int count, const char* one, const char* many) {
      return QString("%1 %2").arg(QLocale().toString(count), count == 1 ? one : many);
    };
    QCOMPARE(panel.severityButton(engine::Severity::Error).text(), label(n[2], "error", "errors"));
    QCOMPARE(panel.severityButton(engine::Severity::Warning).text(), label(n[1], "warning", "warnings"));
    QCOMPARE(panel.severityButton(engine::Severity::Info).text(),
             label(n[0], "note", "notes"));  // as the CLI counts them
    auto leaves = [&] {
      int count = 0;
      for (int g = 0; g < tree.model()->rowCount(); ++g) {
        const QModelIndex i = tree.model()->index(g, 0);
        count += i.data(app::FindingsModel::IsGroupRole).toBool() ? tree.model()->rowCount(i) : 1;
      }
      return count;
    };
    QCOMPARE(leaves(), n[0] + n[1] + n[2]);
    QVERIFY(n[1] > 0);
    QTest::mouseClick(&panel.severityButton(engine::Severity::Warning), Qt::LeftButton);
    QCOMPARE(leaves(), n[0] + n[2]);
    for (int g = 0; g < tree.model()->rowCount(); ++g)
      QVERIFY(tree.model()->index(g, 0).data(app::FindingsModel::SeverityRole).toInt() !=
                  int(engine::Severity::Warning) ||
              tree.model()->rowCount(tree.model()->index(g, 0)) > 0);
    QTest::mouseClick(&panel.severityButton(engine::Severity::Warning), Qt::LeftButton);
    // With every severity hidden the list is empty and says why, in the middle of the view.
    QCOMPARE(app::emptyHint(&tree), QString());
    for (const auto s : {engine::Severity::Error, engine::Severity::Warning, engine::Severity::Info})
      QTest::mouseClick(&panel.severityButton(s), Qt::LeftButton);
    QCOMPARE(tree.model()->rowCount(), 0);
    QCOMPARE(app::emptyHint(&tree), QString("No findings shown: the severity buttons above hide them all."));
    const QImage hidden = tree.viewport()->grab().toImage();
    int ink = 0;
    for (int x = 0; x < hidden.width(); ++x) ink += hidden.pixel(x, hidden.height() / 2) != hidden.pixel(0, 0);
    QVERIFY2(ink > 20, qPrintable(QString::number(ink)));
    for (const auto s : {engine::Severity::Error, engine::Severity::Warning, engine::Severity::Info})
      QTest::mouseClick(&panel.severityButton(s), Qt::LeftButton);
    QCOMPARE(app::emptyHint(&tree), QString());
    QTest::mouseClick(&panel.groupButton(), Qt::LeftButton);
    QCOMPARE(tree.model()->rowCount(), n[0] + n[1] + n[2]);  // flat
    QTest::mouseClick(&panel.groupButton(), Qt::LeftButton);
    QVERIFY(tree.model()->rowCount() < n[0] + n[1] + n[2] || n[0] + n[1] + n[2] <= 1);
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

  // Wiring as a planner does it: W, then drag from ups-a onto tx-2 (its second feed); a rack
  // dragged onto a chiller is refused with the reason while the cursor is over it, and nothing
  // changes; the accepted link is one undo step; the context menu disconnects it again.
  void wiresByDragging() {
    activate();
    frame(view(), {"ups-a", "tx-2", "chiller-1", "b-1"});
    view().setFocus();
    auto fedBy = [&](const std::string& id) {
      const auto& L = doc_->resolved()->layout;
      QStringList out;
      for (int p : L.power[static_cast<std::size_t>(L.powerIndex.at(id))].fedBy)
        out << QString::fromStdString(L.power[static_cast<std::size_t>(p)].id);
      return out;
    };
    QCOMPARE(fedBy("ups-a"), QStringList{"tx-1"});
    QTest::keyClick(&view(), Qt::Key_W);
    QVERIFY(window_->editActions().wireAction()->isChecked());
    const int steps = doc_->undoStack()->index();
    auto drag = [&](const QString& a, const QString& b, const std::function<void()>& whileOver) {
      const QPointF from = widgets::widgetPointOf(view(), topOf(view(), a));
      const QPointF to = widgets::widgetPointOf(view(), topOf(view(), b));
      QTest::mousePress(&view(), Qt::LeftButton, {}, from.toPoint());
      for (int i = 1; i <= 8; ++i) {
        QTest::mouseMove(&view(), (from + (to - from) * (i / 8.0)).toPoint());
        QTest::qWait(5);
      }
      if (whileOver) whileOver();
      QTest::mouseRelease(&view(), Qt::LeftButton, {}, to.toPoint());
    };
    // Refused: racks give their heat to CDUs and air handlers, not to a chiller.
    drag("b-1", "chiller-1", [&] {
      QVERIFY(view().scene().wireVisible());
      QCOMPARE(view().cursor().shape(), Qt::ForbiddenCursor);
      QVERIFY2(window_->statusBar()->currentMessage().contains("CDU or an air handler"),
               qPrintable(window_->statusBar()->currentMessage()));
      window_->grab().save(tmp_.filePath("wire-refused.png"));
    });
    QVERIFY(!view().scene().wireVisible());
    QCOMPARE(doc_->undoStack()->index(), steps);
    QVERIFY(window_->statusBar()->currentMessage().startsWith("Not connected"));
    // Accepted: ups-a gets tx-2 as a second feed, in one undo step.
    drag("ups-a", "tx-2", [&] {
      QCOMPARE(view().cursor().shape(), Qt::CrossCursor);
      QVERIFY2(window_->statusBar()->currentMessage().contains("tx-2 → feeds ups-a"),
               qPrintable(window_->statusBar()->currentMessage()));
      window_->grab().save(tmp_.filePath("wire-allowed.png"));
    });
    QCOMPARE(fedBy("ups-a"), (QStringList{"tx-1", "tx-2"}));
    QCOMPARE(doc_->undoStack()->index(), steps + 1);
    doc_->undoStack()->undo();
    QCOMPARE(fedBy("ups-a"), QStringList{"tx-1"});
    doc_->undoStack()->redo();
    // The editor's disconnect (what the context menu's "Disconnect from" entries call).
    view().setSelection({"ups-a"});
    QVERIFY(window_->editor().disconnectLink({"ups-a"}, "tx-2"));
    QCOMPARE(fedBy("ups-a"), QStringList{"tx-1"});
    QTest::keyClick(&view(), Qt::Key_W);
    QVERIFY(!window_->editActions().wireAction()->isChecked());
    for (const char* f : {"wire-refused.png", "wire-allowed.png"}) keep(tmp_.filePath(f), f);
    doc_->undoStack()->undo();  // the disconnect
    doc_->undoStack()->undo();  // the connect
    QCOMPARE(doc_->undoStack()->index(), steps);
  }

  // A feed drawn in the view is an object of its own: a click on its line picks it (the status bar
  // names it), Delete removes it in one undo step.
  void picksAndDeletesAFeed() {
    activate();
    frame(view(), {"ups-a", "tx-1"});
    const auto& links = view().scene().links();
    int feed = -1;
    for (std::size_t i = 0; i < links.size(); ++i)
      if (links[i].to == "tx-1" && links[i].from == std::vector<std::string>{"ups-a"}) feed = static_cast<int>(i);
    QVERIFY(feed >= 0);
    // The middle of its longest segment, where no object stands.
    const auto& segments = links[static_cast<std::size_t>(feed)].segments;
    const auto longest = *std::max_element(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
      return std::hypot(a[3] - a[0], a[4] - a[1]) < std::hypot(b[3] - b[0], b[4] - b[1]);
    });
    const QPoint on = widgets::widgetPointOf(view(), {(longest[0] + longest[3]) / 2, (longest[1] + longest[4]) / 2,
                                                      (longest[2] + longest[5]) / 2})
                          .toPoint();
    QVERIFY2(view().objectIdAt(on).isEmpty(), qPrintable(view().objectIdAt(on)));
    QTest::mouseClick(&view(), Qt::LeftButton, {}, on);
    QTRY_COMPARE(view().scene().selectedLink(), feed);
    QVERIFY2(window_->statusBar()->currentMessage().contains("Feed tx-1 → ups-a"),
             qPrintable(window_->statusBar()->currentMessage()));
    window_->grab().save(tmp_.filePath("feed-picked.png"));
    const int steps = doc_->undoStack()->index();
    view().setFocus();
    QTest::keyClick(&view(), Qt::Key_Delete);
    const auto fedBy = [&] {
      const auto& L = doc_->resolved()->layout;
      return L.power[static_cast<std::size_t>(L.powerIndex.at("ups-a"))].fedBy.size();
    };
    QTRY_COMPARE(fedBy(), std::size_t{0});
    QCOMPARE(doc_->undoStack()->index(), steps + 1);
    doc_->undoStack()->undo();
    QCOMPARE(fedBy(), std::size_t{1});
    keep(tmp_.filePath("feed-picked.png"), "feed-picked.png");
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
    QVERIFY(doc_->open(sample("teaching-hall.yaml")).isEmpty());
    QVERIFY(waitForEvaluation(*window_));
    view().setSelection({});
    // Shortcuts need the window active; under load a popup of an earlier step may have taken it.
    activate();
    view().setFocus();
    QTRY_VERIFY(view().hasFocus());
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
    QCOMPARE(app::emptyHint(&tree.tree()), QString("Nothing on the site matches “no-such-thing”."));
    QVERIFY(!tree.goToHits());
    tree.findBox().clear();
    QVERIFY(tree.treeIndexOfId("a-1").isValid());
    QVERIFY(count->text().isEmpty());
    QCOMPARE(app::emptyHint(&tree.tree()), QString());
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
    // Its links open the bundled documents in place; a file the app does not carry is named.
    auto* browser = guide->findChild<QTextBrowser*>("helpText");
    auto* status = guide->findChild<QLabel*>("helpStatus");
    QVERIFY(browser && status);
    emit browser->anchorClicked(QUrl("format.md"));
    QCOMPARE(browser->source(), QUrl("qrc:/docs/format.md"));
    QVERIFY(browser->toPlainText().contains("Power nodes"));
    emit browser->anchorClicked(QUrl("power-dynamics.md"));  // relative to format.md, as on disk
    QVERIFY(browser->toPlainText().contains("Only the job's GPUs swing"));
    QVERIFY(status->isHidden());
    emit browser->anchorClicked(QUrl("report.schema.json"));
    QVERIFY(status->isVisibleTo(guide) && status->text().contains("report.schema.json is not bundled"));
    QCOMPARE(browser->source(), QUrl("qrc:/docs/power-dynamics.md"));  // stays where it was
    browser->backward();
    QCOMPARE(browser->source(), QUrl("qrc:/docs/format.md"));
    guide->close();
    // Every document the guide links to is in the app.
    const QString guideMd = app::HelpActions::guideText();
    static const QRegularExpression link(R"(\]\(([a-z-]+\.md)\))");
    for (auto m = link.globalMatch(guideMd); m.hasNext();) {
      const QString doc = m.next().captured(1);
      QVERIFY2(QFile::exists(":/docs/" + doc), qPrintable(doc));
    }
    // Help › Design file format and Model validation open theirs.
    window_->help().showDocument("validation.md", "Validation");
    QDialog* doc = nullptr;
    QTRY_VERIFY((doc = window_->findChild<QDialog*>("helpDocument")) != nullptr && doc->isVisible());
    QVERIFY(doc->findChild<QTextBrowser*>("helpText")->toPlainText().contains("Megatron-Bridge"));
    doc->close();
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

  // A laptop screen: at 1366 × 768 no panel is squeezed below what its content needs and the 3D
  // view keeps room; a layout saved on a large screen that does not fit here is put back.
  void fitsALaptopScreen() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    const QByteArray savedState = app::settings::windowState();
    const QByteArray savedGeometry = app::settings::windowGeometry();
    {
      // A layout from a large screen: the findings panel 700 px tall.
      app::Document doc(*base);
      app::MainWindow big(doc);
      big.resize(1900, 1150);
      big.show();
      QVERIFY(QTest::qWaitForWindowExposed(&big));
      big.resizeDocks({big.findChild<QDockWidget*>("findingsDock")}, {700}, Qt::Vertical);
      QTest::qWait(50);
      QVERIFY(big.close());  // closing saves the layout, as when the planner quits
    }
    for (const bool savedLayout : {true, false}) {
      if (savedLayout)
        QVERIFY(!app::settings::windowState().isEmpty());
      else
        app::settings::setWindowState({});
      app::Document doc(*base);
      app::MainWindow window(doc);
      window.resize(1366, 768);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QVERIFY(window.fileActions().openFile(sample("teaching-hall.yaml")));
      QVERIFY(waitForEvaluation(window));
      QTest::qWait(100);
      QVERIFY2(window.panelsFit(), savedLayout ? "saved layout" : "default layout");
      for (const QDockWidget* d : window.findChildren<QDockWidget*>()) {
        if (!d->isVisible() || !d->widget()) continue;
        const QSize need = d->widget()->minimumSizeHint();
        QVERIFY2(d->widget()->width() + 1 >= need.width() && d->widget()->height() + 1 >= need.height(),
                 qPrintable(QString("%1: %2×%3 < %4×%5")
                                .arg(d->objectName())
                                .arg(d->widget()->width())
                                .arg(d->widget()->height())
                                .arg(need.width())
                                .arg(need.height())));
      }
      QVERIFY(window.siteView().width() >= app::MainWindow::kMinViewWidth);
      QVERIFY(window.siteView().height() >= app::MainWindow::kMinViewHeight);
      // Nothing in a scrolling panel is cut off on the right: a form wider than its viewport
      // scrolls sideways (the Job panel, raised, with the teaching hall's job).
      if (auto* jobDock = window.findChild<QDockWidget*>("jobDock")) {
        jobDock->raise();
        QTest::qWait(50);
      }
      for (const QScrollArea* area : window.findChildren<QScrollArea*>()) {
        if (!area->isVisible() || !area->widget()) continue;
        const int need = area->widget()->minimumSizeHint().width();
        QVERIFY2(area->viewport()->width() + 1 >= need || area->horizontalScrollBar()->isVisible(),
                 qPrintable(QString("%1 in %2: viewport %3 < form %4")
                                .arg(area->objectName(), area->parentWidget() ? area->parentWidget()->objectName() : "")
                                .arg(area->viewport()->width())
                                .arg(need)));
      }
      {
        // A kind's line is one line; its findings' messages wrap to the column.
        auto& tree = window.findingsView();
        const QModelIndex group = tree.model()->index(0, app::FindingsModel::Message);
        tree.expand(tree.model()->index(0, 0));
        const QModelIndex child = tree.model()->index(0, app::FindingsModel::Message, tree.model()->index(0, 0));
        QVERIFY(group.isValid() && child.isValid());
        const int line = tree.fontMetrics().height();
        QVERIFY2(tree.visualRect(group).height() < 2 * line,
                 qPrintable(QString::number(tree.visualRect(group).height())));
        const int width = tree.fontMetrics().horizontalAdvance(child.data().toString());
        if (width > tree.columnWidth(app::FindingsModel::Message))
          QVERIFY2(tree.visualRect(child).height() >= 2 * line,
                   qPrintable(QString::number(tree.visualRect(child).height())));
      }
      const QString shot = QString("laptop-1366x768%1.png").arg(savedLayout ? "-reset" : "");
      QVERIFY(window.grab().save(tmp_.filePath(shot)));
      keep(tmp_.filePath(shot), shot);
    }
    app::settings::setWindowState(savedState);
    app::settings::setWindowGeometry(savedGeometry);
  }

  // Samples open read-only: the title says so; Save asks where, starting in the documents folder
  // (never the samples); a path inside the samples folder is refused; the sample stays as shipped.
  void samplesOpenReadOnly() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow window(doc);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString samplePath = sample("teaching-hall.yaml");
    QFile shippedFile(samplePath);
    QVERIFY(shippedFile.open(QIODevice::ReadOnly));
    const QByteArray shipped = shippedFile.readAll();
    QVERIFY(window.fileActions().openFile(samplePath));
    QVERIFY2(window.windowTitle().contains("read-only"), qPrintable(window.windowTitle()));
    QVERIFY(doc.edit("Move rack", [](design::Design& d) { d.overrides["a-1"].position = {{12.0, 7.0}}; }).isEmpty());

    const QString documents = QDir(app::settings::saveFolder()).absolutePath();
    const QString samples = QDir(app::samplesFolder()).absolutePath();
    QVERIFY(documents != samples);

    // Into the samples folder: refused with a message, nothing written.
    QString startedIn;
    bool warned = false;
    answerNextFileDialog(QDir(samples).filePath("my-copy.yaml"), &startedIn);
    answerNextQuestion(QMessageBox::Ok, &warned);
    QVERIFY(!window.fileActions().save());
    QVERIFY(warned);
    QCOMPARE(startedIn, documents);
    QVERIFY(!QFileInfo::exists(QDir(samples).filePath("my-copy.yaml")));

    // Elsewhere: saved there; the document now is that file, no longer read-only.
    const QString target = tmp_.filePath("my-hall.yaml");
    answerNextFileDialog(target, &startedIn);
    QVERIFY(window.fileActions().save());
    QCOMPARE(startedIn, documents);
    QCOMPARE(doc.filePath(), target);
    QVERIFY(!window.windowTitle().contains("read-only"));
    QVERIFY(QFileInfo::exists(target));
    shippedFile.seek(0);
    QCOMPARE(shippedFile.readAll(), shipped);
    QCOMPARE(QDir(app::settings::saveFolder()).absolutePath(), QDir(tmp_.path()).absolutePath());

    // Export remembers its folder and format: first next to the design as PDF, then where and as
    // what the planner last exported.
    QVERIFY(QDir(tmp_.path()).mkpath("out"));
    QString offered;
    answerNextFileDialog(tmp_.filePath("out/hall.html"), nullptr, &offered);
    window.reportActions().exportAction()->trigger();
    QCOMPARE(QFileInfo(offered).absoluteFilePath(), QFileInfo(tmp_.filePath("my-hall.pdf")).absoluteFilePath());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(tmp_.filePath("out/hall.html")), 20000);
    answerNextFileDialog(tmp_.filePath("out/hall2.html"), nullptr, &offered);
    window.reportActions().exportAction()->trigger();
    QCOMPARE(QFileInfo(offered).absoluteFilePath(), QFileInfo(tmp_.filePath("out/my-hall.html")).absoluteFilePath());
  }

  // Drawing with the mouse on a laptop screen: a hall as a rectangle in plan view (H), a row by a
  // drag inside it (Shift+R), a refused row outside it, Esc cancelling; then the hall resized in
  // Properties and duplicated from its context menu; the cursor's coordinates, the scale bar and
  // the north arrow; every step one undo.
  void drawsHallsAndRowsWithTheMouse() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(showOnLaptop(w));
    auto& v = w.siteView();
    w.fileActions().newAction()->trigger();
    QVERIFY(doc.resolved()->layout.halls.empty());
    auto shot = [&](const char* name) { saveShot(w, tmp_, name); };
    auto at = [&](double x, double y) { return floorPoint(v, x, y); };
    auto drag = [&](QPointF from, QPointF to, const std::function<void()>& whileDragging = {}) {
      dragFloor(v, from, to, whileDragging);
    };
    const int steps = doc.undoStack()->index();

    // H: the plan view, and a rectangle dragged from one corner to the other.
    v.setFocus();
    QTest::keyClick(&v, Qt::Key_H);
    QVERIFY(w.editActions().drawHallAction()->isChecked());
    QTRY_VERIFY(v.scene().overlay().scaleShown());  // looking straight down
    QVERIFY(v.scene().overlay().northShown());
    QVERIFY2(QString::fromStdString(v.scene().overlay().scaleLabel()).endsWith(" m"),
             v.scene().overlay().scaleLabel().c_str());
    drag({20.2, 20.3}, {59.8, 44.1}, [&] {
      QVERIFY(v.scene().wireVisible());
      QVERIFY2(w.statusBar()->currentMessage().contains("40 m × 24 m"), qPrintable(w.statusBar()->currentMessage()));
      shot("draw-hall.png");
    });
    QTRY_COMPARE(doc.resolved()->layout.halls.size(), std::size_t{1});
    QTRY_COMPARE(w.metrics().value("Peak BF16"), QString("— (no GPUs)"));  // not "not supported"
    const design::Hall hall = doc.resolved()->layout.halls.front();
    QCOMPARE(hall.origin.x, 20.0);
    QCOMPARE(hall.origin.y, 20.0);
    QCOMPARE(hall.size.x, 40.0);
    QCOMPARE(hall.size.y, 24.0);
    QCOMPARE(doc.undoStack()->index(), steps + 1);
    QVERIFY(!v.scene().wireVisible());

    // The cursor's place on the ground, in the status bar.
    auto* cursor = w.findChild<QLabel*>("cursorLabel");
    QVERIFY(cursor);
    hoverFloor(v, 30, 30);
    QTRY_VERIFY(cursor->text().startsWith("x "));
    const QStringList parts = cursor->text().split(' ', Qt::SkipEmptyParts);  // x 30.0 m y 30.0 m
    QCOMPARE(parts.size(), 6);
    QVERIFY2(std::abs(QLocale().toDouble(parts[1]) - 30) < 0.6 && std::abs(QLocale().toDouble(parts[4]) - 30) < 0.6,
             qPrintable(cursor->text()));

    // Shift+R: a row dragged 7 m east inside the hall; the status bar says what it will be.
    QTest::keyClick(&v, Qt::Key_R, Qt::ShiftModifier);
    QVERIFY(w.editActions().drawRowAction()->isChecked());
    QVERIFY(!w.editActions().drawHallAction()->isChecked());
    const QString rackType = w.editor().drawRackType();
    drag({25, 30}, {32, 30}, [&] {
      QVERIFY2(w.statusBar()->currentMessage().startsWith("Row of 13 × " + rackType),
               qPrintable(w.statusBar()->currentMessage()));
      shot("draw-row.png");
    });
    QTRY_COMPARE(doc.resolved()->layout.racks.size(), std::size_t{13});
    QCOMPARE(doc.undoStack()->index(), steps + 2);
    // Outside the hall: refused before the drop, with the reason; nothing changes.
    drag({5, 5}, {12, 5}, [&] {
      QCOMPARE(v.cursor().shape(), Qt::ForbiddenCursor);
      QVERIFY2(w.statusBar()->currentMessage().contains("Start a row inside a hall"),
               qPrintable(w.statusBar()->currentMessage()));
    });
    QCOMPARE(doc.undoStack()->index(), steps + 2);
    // Esc cancels a drag.
    QTest::mousePress(&v, Qt::LeftButton, {}, at(25, 38));
    QTest::mouseMove(&v, at(30, 38));
    QTest::mouseMove(&v, at(34, 38));
    QTest::keyClick(&v, Qt::Key_Escape);
    QTest::mouseRelease(&v, Qt::LeftButton, {}, at(34, 38));
    QCOMPARE(doc.undoStack()->index(), steps + 2);
    QTest::keyClick(&v, Qt::Key_R, Qt::ShiftModifier);
    QVERIFY(!w.editActions().drawRowAction()->isChecked());

    // The hall in Properties: 4 m wider.
    selectInTree(w, {QString::fromStdString(hall.id)});
    QTRY_VERIFY(w.properties().model().rowOf(app::PropertiesModel::Key::HallWidth) >= 0);
    editProperty(w, app::PropertiesModel::Key::HallWidth, "44");
    QTRY_COMPARE(doc.resolved()->layout.halls.front().size.x, 44.0);
    QCOMPARE(doc.undoStack()->index(), steps + 3);

    // Its context menu (a right click on its floor) duplicates it with its row.
    v.setFocus();
    QTimer::singleShot(200, [&] {
      auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
      QMenu* sub = menu ? menu->findChild<QMenu*>("hallMenu") : nullptr;
      for (QAction* a : sub ? sub->actions() : QList<QAction*>{})
        if (a->text() == "Duplicate hall") a->trigger();
      if (menu) menu->close();
    });
    const QPoint floor = at(50, 42);
    QTest::mousePress(&v, Qt::RightButton, {}, floor);
    QTest::mouseRelease(&v, Qt::RightButton, {}, floor);
    QTRY_COMPARE(doc.resolved()->layout.halls.size(), std::size_t{2});
    QCOMPARE(doc.resolved()->layout.racks.size(), std::size_t{26});
    QCOMPARE(doc.undoStack()->index(), steps + 4);
    v.fitAll();
    shot("draw-duplicated.png");

    // M measures: 30 m east and 24 m north is 38.4 m straight; a cable runs 54 m along the trays
    // plus a 1.8 m drop at each end (3 m trays, ports at 1.2 m) and 10 % slack: 63.4 m.
    v.setFocus();
    QTest::keyClick(&v, Qt::Key_M);
    QVERIFY(w.editActions().measureAction()->isChecked());
    drag({20, 20}, {50, 44}, [&] { shot("measure.png"); });
    {
      // The mouse lands on whole pixels, about 0.3 m apart at this zoom.
      const QString m = w.statusBar()->currentMessage();
      const auto hit =
          QRegularExpression("Distance ([\\d.]+) m straight; a cable along the trays ([\\d.]+) m").match(m);
      QVERIFY2(hit.hasMatch(), qPrintable(m));
      QVERIFY2(std::abs(hit.captured(1).toDouble() - 38.4) < 0.6 && std::abs(hit.captured(2).toDouble() - 63.4) < 1.2,
               qPrintable(m));
    }
    QCOMPARE(doc.undoStack()->index(), steps + 4);  // measuring changes nothing
    QTest::keyClick(&v, Qt::Key_M);

    // The copy repeated as a template of two halls, 20 m apart, from its properties.
    const QString copy = QString::fromStdString(doc.resolved()->layout.halls.back().id);
    selectInTree(w, {copy});
    QTRY_VERIFY(w.properties().model().rowOf(app::PropertiesModel::Key::HallCount) >= 0);
    editProperty(w, app::PropertiesModel::Key::HallCount, "2");
    QTRY_COMPARE(doc.resolved()->layout.halls.size(), std::size_t{3});
    QCOMPARE(doc.resolved()->layout.racks.size(), std::size_t{39});
    QCOMPARE(doc.undoStack()->index(), steps + 5);
    // Properties follow the hall under its new id, now with the template's step.
    QTRY_VERIFY(w.properties().model().rowOf(app::PropertiesModel::Key::HallStepX) >= 0);
    QVERIFY(doc.resolved()->layout.hallIndex.count(copy.toStdString() + "-2"));
    // ... and still do once the 3D view has shown the edit, its selection now the renamed hall's.
    QTest::qWait(300);
    QVERIFY(w.properties().model().rowOf(app::PropertiesModel::Key::HallStepX) >= 0);
    QVERIFY(!w.siteView().selection().isEmpty());
    for (const QString& id : w.siteView().selection()) QVERIFY2(id.startsWith(copy + "-1"), qPrintable(id));
    v.fitAll();
    shot("draw-repeated.png");
    for (int k = 0; k < 5; ++k) doc.undoStack()->undo();
    QVERIFY(doc.resolved()->layout.halls.empty());
  }

  // The Power swings tab: the job's draw over its first hour, made once the tab is on screen,
  // zoomed with the buttons and by dragging across the chart; a design without a job says so.
  void showsThePowerSwings() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "superpod-gb200-su.yaml"));
    auto shot = [&](const char* name) { saveShot(w, tmp_, name); };
    auto& panel = w.powerSwings();
    shot("power-swings-hidden.png");
    QVERIFY(!panel.profile() && !panel.busy());  // its tab behind Findings: nothing computed yet
    auto* dock = w.findChild<QDockWidget*>("powerSwingsDock");
    QVERIFY(dock);
    dock->raise();
    QTRY_VERIFY(panel.profile() != nullptr);
    const auto* p = panel.profile();
    QCOMPARE(p->waveform.size(), std::size_t(36000));  // an hour at 10 Hz
    QVERIFY2(panel.headline().contains(app::watts(p->site.swing)), qPrintable(panel.headline()));
    QVERIFY(panel.headline().contains("Smallest battery: not sized"));
    // The dominant line as the report and power-profile give it (report::dominantText).
    QVERIFY2(panel.headline().contains("dominant frequency: " +
                                       QString::fromStdString(report::dominantText(*p, p->site)).toHtmlEscaped()),
             qPrintable(panel.headline()));
    // The whole hour, drawn as each column's extremes: far fewer points than samples.
    QCOMPARE(panel.visibleRange(), std::make_pair(0.0, 3600.0));
    QVERIFY(panel.sitePoints() > 100 && panel.sitePoints() < 5000);
    // One minute from just before the job starts: every sample drawn.
    QTest::mouseClick(w.findChild<QToolButton*>("powerSwingsSpan60"), Qt::LeftButton);
    auto [from, to] = panel.visibleRange();
    QCOMPARE(to - from, 60.0);
    QVERIFY(from > 0 && from < 60);
    QTRY_VERIFY(panel.sitePoints() >= 600);
    shot("power-swings-minute.png");
    // Two steps.
    QTest::mouseClick(w.findChild<QToolButton*>("powerSwingsSpan0"), Qt::LeftButton);
    std::tie(from, to) = panel.visibleRange();
    QCOMPARE(to - from, 2 * p->step.period + 10);
    // Dragging across the middle half of the plot zooms in on it.
    QTest::mouseClick(w.findChild<QToolButton*>("powerSwingsSpan3600"), Qt::LeftButton);
    QChartView* view = panel.chartView();
    const QRectF plot = view->chart()->plotArea();
    const QPoint a = view->mapFromScene(view->chart()->mapToScene(plot.left() + plot.width() / 4, plot.center().y()));
    const QPoint b =
        view->mapFromScene(view->chart()->mapToScene(plot.left() + plot.width() * 3 / 4, plot.center().y()));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(view->viewport(), (a + b) / 2);
    QTest::mouseMove(view->viewport(), b);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
    std::tie(from, to) = panel.visibleRange();
    QVERIFY2(std::abs(from - 900) < 60 && std::abs(to - 2700) < 60, qPrintable(QString("%1 to %2").arg(from).arg(to)));
    shot("power-swings-zoomed.png");
    QCOMPARE(panel.chargePoints(), 0);  // no battery on this site
    // A site with batteries: their charge on the right axis, and the grid meter's own line.
    QVERIFY(w.fileActions().openFile(sample("colossus1-like.yaml")));
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY_WITH_TIMEOUT(panel.profile() && !panel.busy() && panel.chargePoints() > 100, 20000);
    QVERIFY(panel.headline().contains("Battery charge"));
    shot("power-swings-battery.png");
    // A design without a job: the tab says why there is nothing to show.
    w.fileActions().newAction()->trigger();
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY(panel.profile() == nullptr && !panel.chartView()->isVisible());
    QVERIFY(panel.headline().isEmpty());
    auto* message = w.findChild<QLabel*>("powerSwingsMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains("no training job"), qPrintable(message->text()));
  }

  // The Year tab: a design without weather offers to choose a file; naming one (one undo step)
  // runs the year in the background once the tab is on screen — the report's annual figures and
  // its charts, painted with the report's colours; a file that cannot be read says why, by name.
  void showsTheYearOfWeather() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "superpod-gb200-su.yaml"));
    auto shot = [&](const char* name) { saveShot(w, tmp_, name); };
    auto& panel = w.yearPanel();
    auto* dock = w.findChild<QDockWidget*>("yearDock");
    QVERIFY(dock);
    dock->raise();
    QTRY_VERIFY(panel.isVisible());
    QVERIFY2(panel.message().contains("names no weather file"), qPrintable(panel.message()));
    auto* choose = w.findChild<QPushButton*>("yearChooseWeather");
    QVERIFY(choose && choose->isVisible());
    shot("year-no-weather.png");

    // Choosing opens among the typical years shipped, not the sample's folder (it has none).
    const int steps = doc.undoStack()->count();
    QString openedIn;
    answerNextFileDialog(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw", &openedIn);
    QTest::mouseClick(choose, Qt::LeftButton);
    QTRY_COMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY2(openedIn.endsWith("/resources/weather"), qPrintable(openedIn));
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY_WITH_TIMEOUT(panel.year() != nullptr && !panel.busy(), 20000);
    QCOMPARE(panel.year()->hours.size(), std::size_t(8760));
    QVERIFY2(panel.summary().contains("PUE for the year"), qPrintable(panel.summary()));
    QVERIFY(panel.summary().contains("Training job"));  // the design's job, across the year
    const auto& figures = panel.figureView().figures();
    QVERIFY(figures.size() >= 2);
    QCOMPARE(QString::fromStdString(figures.front().id), QString("year-pue"));
    QCOMPARE(QString::fromStdString(figures.back().id), QString("year-months"));
    QTRY_VERIFY(panel.figureView().height() > 200);  // laid out once the figures are set
    // The heat map's colours are on screen: pixels of the scale's darkest and brightest steps.
    QScrollArea* scroll = nullptr;
    for (QWidget* p = panel.figureView().parentWidget(); p && !scroll; p = p->parentWidget())
      scroll = qobject_cast<QScrollArea*>(p);
    QVERIFY(scroll);
    scroll->verticalScrollBar()->setValue(panel.figureView().y());  // the heat map at the top
    QTest::qWait(50);
    const QImage image = panel.figureView().grab().toImage();
    int heat = 0;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2) {
        const QColor c = image.pixelColor(x, y);
        for (const report::Color step : {report::heatColor(0), report::heatColor(0.5), report::heatColor(1)})
          if (std::abs(c.red() - step.r) + std::abs(c.green() - step.g) + std::abs(c.blue() - step.b) < 24) ++heat;
      }
    QVERIFY2(heat > 100, qPrintable(QString::number(heat)));
    // In a dark theme the figures stand on the window's base, not on a white sheet, and their
    // text and axes are light.
    if (panel.palette().color(QPalette::Base).lightness() < 128) {
      int white = 0, light = 0, samples = 0;
      for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2, ++samples) {
          const QColor c = image.pixelColor(x, y);
          white += c.lightness() > 245;
          light += c.lightness() > 160 && c.hslSaturation() < 40;
        }
      QVERIFY2(white * 100 < samples, qPrintable(QString("%1 of %2 white").arg(white).arg(samples)));
      QVERIFY2(light > 100, qPrintable(QString::number(light)));
    }
    shot("year-chicago.png");
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QTest::qWait(50);
    shot("year-months.png");
    scroll->verticalScrollBar()->setValue(panel.figureView().y());

    // The grid's carbon hour by hour, from a file beside it: one more undo step, and the year says so.
    QVERIFY(w.findChild<QPushButton*>("yearChooseGridCarbon")->isVisible());
    {
      std::ofstream carbon(tmp_.filePath("grid.csv").toStdString());
      carbon << "hour,intensity (g/kWh)\n";
      for (int h = 1; h <= 8760; ++h) carbon << h << "," << 300 + h % 24 << "\n";
    }
    QVERIFY(panel.setGridCarbonFile(tmp_.filePath("grid.csv")));
    QCOMPARE(doc.undoStack()->count(), steps + 2);
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.busy() && panel.summary().contains("Grid carbon hour by hour"), 20000);

    // A file that cannot be read: the message names site.weather and the file.
    QVERIFY(panel.setWeatherFile(tmp_.filePath("missing.epw")));
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.busy() && panel.message().contains("missing.epw"), 20000);
    QVERIFY2(panel.message().contains("site.weather"), qPrintable(panel.message()));
    QVERIFY(panel.year() == nullptr);
    // Undo three times: back to no weather file, and the panel says so again.
    for (int i = 0; i < 3; ++i) doc.undoStack()->undo();
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY(panel.message().contains("names no weather file"));
  }

  // Ranges on the metric tiles: off by default (nothing computed); a click on "Ranges" works out the
  // Monte Carlo in the background, and the facility, PUE and training tiles show P10–P90 on hover,
  // with a line beneath; an edit clears them and works them out again for the new design.
  void metricTilesShowRanges() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "teaching-hall.yaml"));
    auto& m = w.metrics();
    m.setRangeSamples(200);
    QVERIFY(!m.ranges() && !m.rangesBusy());
    QVERIFY(!m.tileToolTip(1).contains("P10"));
    w.findChild<QDockWidget*>("metricsDock")->raise();
    QTRY_VERIFY(m.rangesButton().isVisible());
    QTest::mouseClick(&m.rangesButton(), Qt::LeftButton);
    QVERIFY(m.rangesButton().isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(m.ranges() != nullptr, 20000);
    QCOMPARE(m.ranges()->samples, 200);
    QVERIFY2(m.tileToolTip(1).contains("P10–P90:"), qPrintable(m.tileToolTip(1)));   // facility power
    QVERIFY(m.tileToolTip(2).contains("P10–P90:"));                                  // PUE
    QVERIFY2(m.tileToolTip(3).contains("days (P50"), qPrintable(m.tileToolTip(3)));  // training
    QVERIFY2(m.rangesText().startsWith("P10–P90 from 200 samples over"), qPrintable(m.rangesText()));
    saveShot(w, tmp_, "metrics-ranges.png");
    const double before = m.ranges()->facility.nominal;
    // An edit: the bands go, then come back for the design with one rack fewer.
    w.siteView().setSelection({"a-1"});
    QVERIFY(w.editor().deleteSelection());
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY_WITH_TIMEOUT(m.ranges() != nullptr && !m.rangesBusy(), 20000);
    QVERIFY(m.ranges()->facility.nominal < before);
    QTest::mouseClick(&m.rangesButton(), Qt::LeftButton);
    QVERIFY(!m.ranges());
    QVERIFY(!m.tileToolTip(1).contains("P10"));
    QVERIFY(m.rangesText().isEmpty());
  }

  // The Phases tab: nothing worked out while it is hidden; raised, the gigawatt campus's five
  // phases fill the slider and the table; at each phase the 3D view draws what is not yet built
  // pale (its pixels counted), the heading and the phase's findings follow the slider (keys, a
  // table row), a finding's click selects its object, the job's finish date shows, and another
  // tab brings the whole site back. A design without phases says how to add them. At laptop size
  // and on a large screen.
  // File → Compare With… on the teaching hall: its variant gb300 from the choice box, the figures
  // that differ, the objects (a click selects one), the 3D view coloured by difference; then another
  // design file through the open dialog; an edit compares again.
  // The Job panel edits a mixture-of-experts model as frontier ones are built: expert FFN size,
  // shared experts, the first dense layers, multi-token prediction; the MoE-only fields wait for
  // experts. The estimate follows each edit; undo takes it back.
  void jobPanelEditsMoeShape() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "teaching-hall.yaml"));  // GPT-OSS 120B: 128 experts, top-4
    w.findChild<QDockWidget*>("jobDock")->raise();
    app::JobPanel& panel = w.jobPanel();
    auto* shared = panel.findChild<QSpinBox*>("sharedExperts");
    auto* dense = panel.findChild<QSpinBox*>("denseLayers");
    auto* expertFfn = panel.findChild<QSpinBox*>("expertFfn");
    auto* mtp = panel.findChild<QSpinBox*>("mtpDepth");
    auto* nodes = panel.findChild<QSpinBox*>("nodeLimit");
    QVERIFY(shared && dense && expertFfn && mtp && nodes);
    QTRY_VERIFY(shared->isVisible());
    QVERIFY(shared->isEnabled() && dense->isEnabled());
    QCOMPARE(expertFfn->value(), 2880);
    // The wheel over a field the planner has not clicked into scrolls the form and edits nothing.
    {
      auto* scroll = panel.findChild<QScrollArea*>();
      QVERIFY(scroll);
      panel.setFocus();
      const int undoSteps = doc.undoStack()->count();
      const int top = scroll->verticalScrollBar()->value();
      const QPointF at(expertFfn->width() / 2.0, expertFfn->height() / 2.0);
      QWheelEvent down(at, expertFfn->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                       Qt::NoScrollPhase, false);
      QApplication::sendEvent(expertFfn, &down);
      QCOMPARE(expertFfn->value(), 2880);
      QCOMPARE(doc.undoStack()->count(), undoSteps);
      QVERIFY2(scroll->verticalScrollBar()->value() > top, "the form did not scroll");
      scroll->verticalScrollBar()->setValue(top);
      QTRY_VERIFY(expertFfn->isVisible());
      // Clicked into, the field takes the wheel as Qt's spin boxes do.
      expertFfn->setFocus();
      QWheelEvent up(at, expertFfn->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
      QApplication::sendEvent(expertFfn, &up);
      QCOMPARE(expertFfn->value(), 2881);
      doc.undoStack()->undo();
      QTRY_COMPARE(expertFfn->value(), 2880);
    }
    typeInto(shared, "1");
    QCOMPARE(doc.design().job->model.moe.sharedExperts, 1);
    typeInto(dense, "3");
    QCOMPARE(doc.design().job->model.moe.denseLayers, 3);
    typeInto(dense, "99");  // more than the model's 36 layers: all but the last
    QCOMPARE(doc.design().job->model.moe.denseLayers, 35);
    typeInto(mtp, "1");
    QCOMPARE(doc.design().job->model.mtpDepth, 1);
    // Tokens read as a planner writes them (20 T, the preset's assumption), and take what is typed.
    auto* tokens = panel.findChild<QLineEdit*>("tokens");
    QVERIFY(tokens);
    QCOMPARE(tokens->text(), QString("20e12"));
    tokens->setFocus();
    tokens->selectAll();
    QTest::keyClicks(tokens, "14.8e12");
    QTest::keyClick(tokens, Qt::Key_Return);
    QCOMPARE(doc.design().job->training.tokens, 14.8e12);
    QTRY_COMPARE(tokens->text(), QString("14.8e12"));
    auto* inWords = panel.findChild<QLabel*>("tokensInWords");
    QVERIFY(inWords);
    QCOMPARE(inWords->text(), QString("14.8 trillion"));
    doc.undoStack()->undo();
    QTRY_COMPARE(tokens->text(), QString("20e12"));
    QCOMPARE(inWords->text(), QString("20 trillion"));
    // The restart after a failure: assumed until the planner states one, in minutes; undone whole.
    auto* restart = panel.findChild<QDoubleSpinBox*>("restart");
    QVERIFY(restart);
    QCOMPARE(restart->text(), QString("assumed 10 min"));
    typeInto(restart, "2.5");
    QCOMPARE(doc.design().job->training.restart, 150.0);
    QVERIFY(io::designToYaml(doc.design()).find("restart: 150 s") != std::string::npos);
    doc.undoStack()->undo();
    QCOMPARE(doc.design().job->training.restart, 0.0);
    QTRY_COMPARE(restart->text(), QString("assumed 10 min"));
    typeInto(nodes, "4");  // node-limited routing, as DeepSeek-V3
    QCOMPARE(doc.design().job->model.moe.nodeLimit, 4);
    QVERIFY(waitForEvaluation(w));
    saveShot(w, tmp_, "job-moe.png");
    // Saved and read back as written.
    const design::Design back = io::loadDesignText(io::designToYaml(doc.design()), "moe.yaml", *base);
    QCOMPARE(back.job->model.moe.sharedExperts, 1);
    QCOMPARE(back.job->model.moe.denseLayers, 35);
    QCOMPARE(back.job->model.mtpDepth, 1);
    QCOMPARE(back.job->model.moe.nodeLimit, 4);
    for (int i = 0; i < 5; ++i) doc.undoStack()->undo();
    QCOMPARE(doc.design().job->model.moe.nodeLimit, 0);
    QCOMPARE(doc.design().job->model.moe.sharedExperts, 0);
    QCOMPARE(doc.design().job->model.mtpDepth, 0);
    QCOMPARE(shared->value(), 0);
    // A dense model (experts 0, which takes expert parallelism with it): the MoE-only fields are off.
    typeInto(panel.findChild<QSpinBox*>("experts"), "0");
    QCOMPARE(doc.design().job->model.moe.experts, 0);
    QCOMPARE(doc.design().job->parallelism.ep, 1);
    QVERIFY(!shared->isEnabled() && !dense->isEnabled() && !expertFfn->isEnabled() && !nodes->isEnabled());
    QVERIFY(mtp->isEnabled());
    doc.undoStack()->undo();
    QVERIFY(shared->isEnabled());
  }

  // The Job panel turns a GQA model into multi-head latent attention and back: a key/value latent
  // brings head sizes to start from (the GQA head it replaces, RoPE half of it); the other MLA
  // fields wait for it; each typed value is in the saved text; undo returns to GQA.
  void jobPanelEditsLatentAttention() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "teaching-hall.yaml"));  // GPT-OSS 120B: GQA, heads of 64
    w.findChild<QDockWidget*>("jobDock")->raise();
    app::JobPanel& panel = w.jobPanel();
    auto* kv = panel.findChild<QSpinBox*>("kvLoraRank");
    auto* q = panel.findChild<QSpinBox*>("qLoraRank");
    auto* nope = panel.findChild<QSpinBox*>("qkNopeHeadDim");
    auto* rope = panel.findChild<QSpinBox*>("qkRopeHeadDim");
    auto* value = panel.findChild<QSpinBox*>("vHeadDim");
    QVERIFY(kv && q && nope && rope && value);
    QTRY_VERIFY(kv->isVisible());
    QCOMPARE(kv->value(), 0);
    QVERIFY(!q->isEnabled() && !nope->isEnabled() && !rope->isEnabled() && !value->isEnabled());
    // Fields that do not apply read as a dash, not as a number the model does not have.
    for (QSpinBox* s : {q, nope, rope, value}) QCOMPARE(s->text(), QString("—"));
    QCOMPARE(panel.findChild<QSpinBox*>("kvHeads")->text(), QString("8"));
    typeInto(kv, "512");
    const training::LatentAttention& a = doc.design().job->model.mla;
    QCOMPARE(a.kvLoraRank, 512);
    QCOMPARE(a.qkNopeHeadDim, 64);  // the GQA head it replaces
    QCOMPARE(a.qkRopeHeadDim, 32);
    QCOMPARE(a.vHeadDim, 64);
    QVERIFY(q->isEnabled() && nope->isEnabled() && rope->isEnabled() && value->isEnabled());
    QVERIFY(!panel.findChild<QSpinBox*>("kvHeads")->isEnabled());  // MLA: a key and value per head
    QCOMPARE(panel.findChild<QSpinBox*>("kvHeads")->text(), QString("—"));
    QCOMPARE(nope->value(), 64);
    QCOMPARE(nope->text(), QString("64"));
    typeInto(q, "1536");
    typeInto(nope, "128");
    typeInto(rope, "64");
    typeInto(value, "128");
    QCOMPARE(doc.design().job->model.mla,
             (training::LatentAttention{
                 .qLoraRank = 1536, .kvLoraRank = 512, .qkNopeHeadDim = 128, .qkRopeHeadDim = 64, .vHeadDim = 128}));
    QVERIFY(waitForEvaluation(w));
    if (auto* area = panel.findChild<QScrollArea*>()) area->ensureWidgetVisible(value);
    saveShot(w, tmp_, "job-mla.png");
    // Saved and read back as typed.
    const std::string text = io::designToYaml(doc.design());
    QVERIFY2(text.find("kv_lora_rank: 512") != std::string::npos, text.c_str());
    const design::Design back = io::loadDesignText(text, "mla.yaml", *base);
    QVERIFY(back.job->model.mla == doc.design().job->model.mla);
    // Five edits, five undos: GQA again, the MLA fields off.
    for (int i = 0; i < 5; ++i) doc.undoStack()->undo();
    QVERIFY(doc.design().job->model.mla == training::LatentAttention{});
    QTRY_VERIFY(!nope->isEnabled());
    QCOMPARE(nope->text(), QString("—"));
    QCOMPARE(kv->value(), 0);
    // A latent of 0 typed over MLA clears every MLA figure.
    doc.undoStack()->redo();
    QCOMPARE(doc.design().job->model.mla.kvLoraRank, 512);
    typeInto(kv, "0");
    QVERIFY(doc.design().job->model.mla == training::LatentAttention{});
  }

  // The Job panel's "TP exchanges": chosen by keyboard, written to the file as tp_comm_overlap,
  // the step time follows (blocking is slower than the automatic overlap); "overlapped" on a plan
  // without sequence parallelism is refused and the box shows what holds.
  void jobPanelSetsTensorParallelOverlap() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "superpod-gb200-su.yaml"));  // TP2 with sequence parallelism
    w.findChild<QDockWidget*>("jobDock")->raise();
    auto* box = w.jobPanel().findChild<QComboBox*>("tpOverlap");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->currentText(), QString("automatic"));
    const auto stepTime = [&] { return jobStep(w, *base).total; };
    const double automatic = stepTime();
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);  // blocking
    QVERIFY(doc.design().job->parallelism.tpOverlap == training::TpOverlap::None);
    QVERIFY(waitForEvaluation(w));
    QVERIFY(stepTime() > automatic);
    QVERIFY(io::designToYaml(doc.design()).find("tp_comm_overlap: none") != std::string::npos);
    if (auto* area = w.jobPanel().findChild<QScrollArea*>())  // down to the box, the labels in view
      area->verticalScrollBar()->setValue(box->mapTo(area->widget(), QPoint()).y() - 200);
    saveShot(w, tmp_, "job-tp-overlap.png");
    // Without sequence parallelism, "overlapped" breaks a plan rule: refused, the box reverts.
    QVERIFY(w.jobPanel().editJob("SP off", [](training::Job& j) { j.parallelism.sequenceParallel = false; }));
    const int full = box->findData(static_cast<int>(training::TpOverlap::Full));
    box->setCurrentIndex(full);
    emit box->activated(full);
    QVERIFY(doc.design().job->parallelism.tpOverlap == training::TpOverlap::None);
    QTRY_COMPARE(box->currentText(), QString("blocking"));
    doc.undoStack()->undo();  // SP back on
    doc.undoStack()->undo();  // automatic
    QVERIFY(doc.design().job->parallelism.tpOverlap == training::TpOverlap::Automatic);
    QTRY_COMPARE(box->currentText(), QString("automatic"));
  }

  // The Job panel's "Overlap expert all-to-all", "All-to-all SMs" and "DualPipe schedule" on the
  // teaching hall's GPT-OSS (PP 2 under DualPipe, EP 64, no SMs kept for the exchange): the overlap
  // clicked off, the file loses ep_comm_overlap and the step grows by the exposed exchange; 20 SMs
  // typed in, the computation slows by more than the short exchange inside a rack saves, and
  // "automatic" is the same under DualPipe; DualPipe off takes the overlap with it (PP 2 without
  // interleaving cannot pair micro-batches), and so does EP 1 (nothing to overlap), the box greyed
  // out; undo brings each back.
  void jobPanelOverlapsTheExpertAllToAll() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "teaching-hall.yaml"));
    w.findChild<QDockWidget*>("jobDock")->raise();
    auto* box = w.jobPanel().findChild<QCheckBox*>("epOverlap");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->isChecked() && box->isEnabled());
    const auto step = [&] { return jobStep(w, *base); };
    const training::StepBreakdown overlapped = step();
    clickInJobPanel(w, box);
    QVERIFY(!doc.design().job->parallelism.epOverlap);
    QVERIFY(io::designToYaml(doc.design()).find("ep_comm_overlap") == std::string::npos);
    QVERIFY(waitForEvaluation(w));
    const training::StepBreakdown blocking = step();
    QVERIFY(blocking.expertParallel > overlapped.expertParallel);
    QVERIFY(blocking.total > overlapped.total);
    QCOMPARE(doc.undoStack()->undoText(), QString("Overlap expert all-to-all: off"));
    auto* sms = w.jobPanel().findChild<QSpinBox*>("commSms");
    QVERIFY(sms);
    QTRY_VERIFY(!sms->isEnabled());  // no exchange beside the computation, no SMs to keep for it
    doc.undoStack()->undo();
    QVERIFY(doc.design().job->parallelism.epOverlap);
    QTRY_VERIFY(box->isChecked() && sms->isEnabled());
    QCOMPARE(sms->value(), 0);
    typeInto(sms, "20");
    QCOMPARE(doc.design().job->parallelism.commSms, 20);
    QCOMPARE(doc.undoStack()->undoText(), QString("Set All-to-all SMs to 20"));
    QVERIFY(io::designToYaml(doc.design()).find("comm_sms: 20") != std::string::npos);
    QVERIFY(waitForEvaluation(w));
    const training::StepBreakdown kept = step();
    QVERIFY(kept.forward > 1.1 * overlapped.forward);  // 128 of 148 SMs compute
    QVERIFY(kept.expertParallel <= overlapped.expertParallel);
    QVERIFY(kept.total > blocking.total);
    sms->setFocus();
    QTest::keyClick(sms, Qt::Key_PageDown);  // ten down, then to the bottom: automatic
    QTest::keyClick(sms, Qt::Key_PageDown);
    QTest::keyClick(sms, Qt::Key_PageDown);
    QTRY_COMPARE(sms->text(), QString("automatic"));
    QCOMPARE(doc.design().job->parallelism.commSms, training::kAutomaticCommSms);
    QCOMPARE(doc.undoStack()->undoText(), QString("Set All-to-all SMs to automatic"));
    QVERIFY(io::designToYaml(doc.design()).find("comm_sms") == std::string::npos);
    QVERIFY(waitForEvaluation(w));
    QCOMPARE(step().total, kept.total);  // DualPipe's default is DeepSeek's 20
    saveShot(w, tmp_, "job-comm-sms.png");
    while (doc.design().job->parallelism.commSms != 0) doc.undoStack()->undo();
    QTRY_COMPARE(sms->value(), 0);
    saveShot(w, tmp_, "job-ep-overlap.png");
    auto* dual = w.jobPanel().findChild<QCheckBox*>("dualPipe");
    QVERIFY(dual && dual->isChecked());
    clickInJobPanel(w, dual);
    QVERIFY(!doc.design().job->parallelism.dualPipe);
    QVERIFY(!doc.design().job->parallelism.epOverlap);
    QTRY_VERIFY(!box->isEnabled());
    QVERIFY(waitForEvaluation(w));
    QVERIFY(step().pipelineBubble > overlapped.pipelineBubble);  // 1F1B's bubble, not DualPipe's
    doc.undoStack()->undo();
    QVERIFY(doc.design().job->parallelism.dualPipe && doc.design().job->parallelism.epOverlap);
    QTRY_VERIFY(box->isEnabled() && box->isChecked() && dual->isChecked());
    // EP 1 leaves no all-to-all: the overlap goes with the edit instead of refusing it.
    auto* ep = w.jobPanel().findChild<QSpinBox*>("ep");
    QVERIFY(ep);
    typeInto(ep, "1");
    QCOMPARE(doc.design().job->parallelism.ep, 1);
    QVERIFY(!doc.design().job->parallelism.epOverlap);
    QTRY_VERIFY(!box->isEnabled());
    doc.undoStack()->undo();
    QCOMPARE(doc.design().job->parallelism.ep, 64);
    QVERIFY(doc.design().job->parallelism.epOverlap);
    QTRY_VERIFY(box->isEnabled() && box->isChecked());

    // "Dispatch tokens once per node": on, the file says ep_dispatch: per-node and the plan names it;
    // EP 1 takes it away (nothing to dispatch) and greys it out; undo brings it back.
    auto* perNode = w.jobPanel().findChild<QCheckBox*>("epPerNode");
    QVERIFY(perNode && perNode->isEnabled() && !perNode->isChecked());
    clickInJobPanel(w, perNode);
    QVERIFY(doc.design().job->parallelism.epPerNode);
    QCOMPARE(doc.undoStack()->undoText(), QString("Dispatch tokens once per node: on"));
    QVERIFY(io::designToYaml(doc.design()).find("ep_dispatch: per-node") != std::string::npos);
    QVERIFY(training::planText(*doc.design().job).find("EP dispatched per node") != std::string::npos);
    typeInto(ep, "1");
    QVERIFY(!doc.design().job->parallelism.epPerNode);
    QTRY_VERIFY(!perNode->isEnabled());
    doc.undoStack()->undo();
    QVERIFY(doc.design().job->parallelism.epPerNode);
    QTRY_VERIFY(perNode->isEnabled() && perNode->isChecked());
  }

  // "Fold experts (expert TP 1)" on the gigawatt campus, whose searched plan splits each expert over
  // its 4 TP ranks (TP 4, EP 512): ticked, the file gains expert_tp: 1, the EP ranks lie side by side
  // and the step changes (the search ranks the split plan first, so it does not shrink); undo splits
  // them again. Folded, sequence parallelism off takes the folding with it (folded experts take the
  // sequence shard's tokens) and greys the box out; undo brings both back.
  void jobPanelFoldsTheExperts() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "gigawatt-campus.yaml"));
    w.findChild<QDockWidget*>("jobDock")->raise();
    auto* fold = w.jobPanel().findChild<QCheckBox*>("foldExperts");
    auto* sp = w.jobPanel().findChild<QCheckBox*>("sequenceParallel");
    QVERIFY(fold && sp);
    QTRY_VERIFY(fold->isVisible());
    QVERIFY(!fold->isChecked() && fold->isEnabled() && sp->isChecked());
    const auto step = [&] { return jobStep(w, *base); };
    QVERIFY(waitForEvaluation(w));
    const training::StepBreakdown split = step();
    clickInJobPanel(w, fold);
    QCOMPARE(doc.design().job->parallelism.expertTp, 1);
    QCOMPARE(doc.undoStack()->undoText(), QString("Fold experts: on"));
    QVERIFY(io::designToYaml(doc.design()).find("expert_tp: 1") != std::string::npos);
    QVERIFY(waitForEvaluation(w));
    const training::StepBreakdown folded = step();
    QVERIFY(folded.expertParallel != split.expertParallel);
    QVERIFY(folded.total >= split.total);
    saveShot(w, tmp_, "job-fold-experts.png");
    doc.undoStack()->undo();
    QCOMPARE(doc.design().job->parallelism.expertTp, 0);
    QTRY_VERIFY(!fold->isChecked());
    doc.undoStack()->redo();
    QTRY_VERIFY(fold->isChecked());
    clickInJobPanel(w, sp);
    QVERIFY(!doc.design().job->parallelism.sequenceParallel);
    QCOMPARE(doc.design().job->parallelism.expertTp, 0);
    QTRY_VERIFY(!fold->isEnabled() && !fold->isChecked());
    doc.undoStack()->undo();
    QVERIFY(doc.design().job->parallelism.sequenceParallel);
    QCOMPARE(doc.design().job->parallelism.expertTp, 1);
    QTRY_VERIFY(fold->isEnabled() && fold->isChecked());
  }

  // Selective recomputation by module on the GB200 SuperPOD sample (Llama 3 70B, recompute
  // selective: the attention core): the MLA and expert boxes are greyed out (a dense GQA model has
  // neither); ticking the norms writes recompute_modules, names them in the plan and costs recompute
  // time while the activations shrink; undo unticks it, and recompute full greys every box out.
  void jobPanelRecomputesByModule() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "superpod-gb200-su.yaml"));
    w.findChild<QDockWidget*>("jobDock")->raise();
    auto* recompute = w.jobPanel().findChild<QComboBox*>("recompute");
    auto* norms = w.jobPanel().findChild<QCheckBox*>("recompute_layernorm");
    auto* core = w.jobPanel().findChild<QCheckBox*>("recompute_core_attn");
    auto* mla = w.jobPanel().findChild<QCheckBox*>("recompute_mla_up_proj");
    auto* experts = w.jobPanel().findChild<QCheckBox*>("recompute_moe_act");
    QVERIFY(recompute && norms && core && mla && experts);
    QTRY_VERIFY(recompute->isVisible());
    QCOMPARE(recompute->currentText(), QString("selective"));
    QVERIFY(core->isChecked() && core->isEnabled() && norms->isEnabled() && !norms->isChecked());
    QVERIFY(!mla->isEnabled() && !experts->isEnabled());
    QVERIFY(waitForEvaluation(w));
    const training::StepBreakdown before = jobStep(w, *base);
    clickInJobPanel(w, norms);
    QCOMPARE(doc.design().job->parallelism.recomputeModules,
             unsigned(training::kRecomputeCoreAttention | training::kRecomputeNorms));
    QCOMPARE(doc.undoStack()->undoText(), QString("Recompute norms: on"));
    QVERIFY(io::designToYaml(doc.design()).find("recompute_modules: [core_attn, layernorm]") != std::string::npos);
    QVERIFY(training::planText(*doc.design().job).find("recompute selective (attention core, norms)") !=
            std::string::npos);
    QVERIFY(waitForEvaluation(w));
    QVERIFY(jobStep(w, *base).recompute > before.recompute);
    saveShot(w, tmp_, "job-recompute-modules.png");
    doc.undoStack()->undo();
    QCOMPARE(doc.design().job->parallelism.recomputeModules, unsigned(training::kRecomputeCoreAttention));
    QTRY_VERIFY(!norms->isChecked());
    recompute->setFocus();
    QTest::keyClick(recompute, Qt::Key_Down);  // selective → full
    QVERIFY(doc.design().job->parallelism.recompute == training::Recompute::Full);
    QTRY_VERIFY(!norms->isEnabled() && !core->isEnabled());
    doc.undoStack()->undo();
    QVERIFY(doc.design().job->parallelism.recompute == training::Recompute::Selective);
    QTRY_VERIFY(norms->isEnabled());
  }

  void comparesWithAVariantAndAFile() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "teaching-hall.yaml"));
    auto& panel = w.comparePanel();
    auto& v = w.siteView();
    QVERIFY(!panel.comparison());
    QVERIFY2(panel.message().contains("Choose one of the design's variants"), qPrintable(panel.message()));

    auto* action = w.findChild<QAction*>("compareWithAction");
    QVERIFY(action);
    action->trigger();  // raises the tab and opens the choice box (the design has a variant)
    auto* dock = w.findChild<QDockWidget*>("compareDock");
    QTRY_VERIFY(dock->isVisible() && !dock->visibleRegion().isEmpty());
    QComboBox& choice = panel.choice();
    QCOMPARE(choice.count(), 3);  // the prompt, the variant, another file
    QVERIFY2(choice.itemText(1).contains("Variant gb300 — Row a with GB300"), qPrintable(choice.itemText(1)));
    choice.hidePopup();
    choice.setFocus();
    QTest::keyClick(&choice, Qt::Key_Down);  // to the variant, as a planner would with the keyboard
    QTRY_VERIFY_WITH_TIMEOUT(panel.comparison() && !panel.busy(), 20000);
    const report::Comparison& c = *panel.comparison();
    QCOMPARE(c.labelB, std::string("variant gb300"));
    QCOMPARE(c.objects.size(), std::size_t(4));
    QVERIFY(panel.table().rowCount() > 5 && panel.table().rowCount() == static_cast<int>(c.changedMetrics()));
    QCOMPARE(panel.table().horizontalHeaderItem(2)->text(), QString("variant gb300"));
    bool hbm = false;
    for (int r = 0; r < panel.table().rowCount(); ++r)
      if (panel.table().item(r, 0)->text() == "Compute: HBM") {
        hbm = true;
        QCOMPARE(panel.table().item(r, 1)->text(), QString("61.2 TB"));
        QCOMPARE(panel.table().item(r, 2)->text(), QString("88.0 TB"));
        QCOMPARE(panel.table().item(r, 4)->text(), QString("+43.7 %"));
      }
    QVERIFY(hbm);
    panel.onlyDifferences().setChecked(false);  // every figure, equal ones too
    QCOMPARE(panel.table().rowCount(), static_cast<int>(c.metrics.size()));
    panel.onlyDifferences().setChecked(true);
    QCOMPARE(panel.objects().count(), 4);
    QCOMPARE(panel.objects().item(0)->text(), QString("~ rack a-1: type gb200-nvl72 \u2192 gb300-nvl72"));
    QVERIFY(panel.findings().count() >= 1);

    // Figures, findings and objects each have a tab, titled with how many differ.
    QCOMPARE(panel.sections().tabText(app::ComparePanel::kObjectsTab), QString("Objects (4)"));
    QCOMPARE(panel.sections().tabText(app::ComparePanel::kFiguresTab),
             QString("Figures (%1)").arg(static_cast<int>(c.changedMetrics())));
    QVERIFY(panel.table().isVisible() && !panel.objects().isVisible());
    panel.sections().setCurrentIndex(app::ComparePanel::kObjectsTab);
    QTRY_VERIFY(panel.objects().isVisible());
    // A click on an object selects it in the view.
    QTest::mouseClick(panel.objects().viewport(), Qt::LeftButton, {},
                      panel.objects().visualItemRect(panel.objects().item(1)).center());
    QCOMPARE(v.selection(), QStringList{"a-2"});
    v.setSelection({});

    // Show in 3D: colour by difference — row a orange, row b as it was, the legend says which is which.
    QTest::mouseClick(&panel.showInView(), Qt::LeftButton);
    QCOMPARE(w.viewActions().colorBy(), widgets::scene::ColorBy::Difference);
    const auto a1 = v.scene().find("a-1"), b1 = v.scene().find("b-1");
    QVERIFY(a1 && b1);
    const auto changed = *v.scene().fillColor(*a1), same = *v.scene().fillColor(*b1);
    QVERIFY2(changed[0] > 200 && changed[1] > 110 && changed[1] < 170 && changed[2] < 80,
             qPrintable(QString("%1 %2 %3").arg(changed[0]).arg(changed[1]).arg(changed[2])));
    QVERIFY(same != changed);
    v.fitAll();
    QTest::qWait(50);
    saveShot(w, tmp_, "compare-variant.png");

    // A report exported now has the comparison on screen as a section.
    QString error;
    QVERIFY2(w.reportActions().exportTo(tmp_.filePath("compared.md"), &error), qPrintable(error));
    QFile md(tmp_.filePath("compared.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    QVERIFY2(text.contains("Compared with other designs") && text.contains("teaching-hall.yaml#gb300") &&
                 text.contains("4 racks changed"),
             qPrintable(text.right(3000)));

    // An edit of the design compares again, the variant merged over the edited design: a-1 made a
    // DGX H100 by an override is one in the variant too, so only three racks differ now.
    QVERIFY(doc.edit("Rack type", [](design::Design& d) { d.overrides["a-1"].type = "dgx-h100-rack"; }).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(panel.comparison() && !panel.busy() && panel.comparison()->objects.size() == 3, 20000);
    QCOMPARE(panel.objects().item(0)->text(), QString("~ rack a-2: type gb200-nvl72 \u2192 gb300-nvl72"));

    // Another design file, through the open dialog.
    answerNextFileDialog(sample("superpod-gb200-su.yaml"), nullptr);
    choice.setCurrentIndex(choice.count() - 1);
    emit choice.activated(choice.count() - 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.comparison() && !panel.busy() && panel.comparison()->labelB == "superpod-gb200-su.yaml", 20000);
    QVERIFY(panel.comparison()->objects.size() > 10);
    QCOMPARE(choice.currentText(), QString("superpod-gb200-su.yaml"));
    QVERIFY2(panel.objects().count() > 10, qPrintable(QString::number(panel.objects().count())));
    panel.sections().setCurrentIndex(app::ComparePanel::kFiguresTab);
    saveShot(w, tmp_, "compare-file.png");
    panel.sections().setCurrentIndex(app::ComparePanel::kObjectsTab);
    saveShot(w, tmp_, "compare-file-objects.png");
    doc.undoStack()->undo();

    // Opening a variant: a design of its own, not yet saved; Save asks where to keep it.
    QVERIFY(w.fileActions().openFile(sample("teaching-hall.yaml") + "#gb300"));
    QVERIFY(doc.filePath().isEmpty() && doc.isModified());
    QCOMPARE(doc.design().variant, std::string("gb300"));
    QVERIFY2(w.windowTitle().contains("teaching-hall.yaml#gb300 (a variant, not saved)"), qPrintable(w.windowTitle()));
    const QString copy = tmp_.filePath("gb300-copy.yaml");
    answerNextFileDialog(copy, nullptr);
    QVERIFY(w.fileActions().save());
    QCOMPARE(doc.filePath(), copy);
    const design::Design saved = io::loadDesign(copy.toStdString(), *base);
    QVERIFY(saved.variants.empty() && saved.variant.empty());
    QVERIFY(io::designToYaml(saved).find("gb300-nvl72") != std::string::npos);
  }

  void showsTheSiteComingOnline() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(openOnLaptop(w, "gigawatt-campus.yaml"));
    auto shot = [&](const char* name) { saveShot(w, tmp_, name); };
    // The Metrics panel's plan names the schedule too, as the Job panel and the reports do.
    QTRY_VERIFY_WITH_TIMEOUT(w.metrics().value("Plan").contains("EP 512"), 20000);
    QVERIFY2(w.metrics().value("Plan").contains(
                 "DualPipe, EP all-to-all overlapped on 20 SMs of its own, EP dispatched per node"),
             qPrintable(w.metrics().value("Plan")));
    // PUE reads from the figures beside it: facility ÷ (IT + network), all on screen; the headroom
    // is taken at the peak draw, also shown.
    // A row's "790 MW" or "1.03 GW" in MW; NaN (so every check below fails) for anything else.
    const auto mw = [&](const char* name) {
      const QStringList parts = w.metrics().value(name).split(' ');
      bool ok = false;
      const double v = parts.size() == 2 ? QLocale().toDouble(parts[0], &ok) : 0;
      if (!ok || (parts[1] != "MW" && parts[1] != "GW")) return std::nan("");
      return parts[1] == "GW" ? v * 1000 : v;
    };
    bool pueRead = false;
    const double pue = QLocale().toDouble(w.metrics().value("PUE"), &pueRead);
    QVERIFY2(pueRead, qPrintable(w.metrics().value("PUE")));
    QVERIFY2(std::fabs(mw("Facility power") / (mw("IT power") + mw("Network power")) - pue) < 0.01,
             qPrintable(w.metrics().value("Network power")));
    QVERIFY(std::fabs(mw("Sources") - mw("Peak facility power") - mw("Headroom")) < 10);
    auto* planRow = w.metrics().findChild<QLabel*>("metric:Plan");
    QVERIFY(planRow);
    QTest::qWait(50);  // the training section's new height is laid out first
    w.metrics().ensureWidgetVisible(planRow);
    shot("campus-metrics.png");
    auto& panel = w.phasesPanel();
    auto& v = w.siteView();
    QVERIFY(!panel.overview() && !panel.busy());  // its tab behind Findings: nothing worked out yet
    QCOMPARE(v.scene().phase(), -1);
    auto* dock = w.findChild<QDockWidget*>("phasesDock");
    QVERIFY(dock);
    dock->raise();
    QTRY_VERIFY_WITH_TIMEOUT(panel.overview() != nullptr && !panel.busy(), 20000);
    QCOMPARE(panel.overview()->phases.size(), std::size_t(5));
    QCOMPARE(panel.slider().maximum(), 4);
    QCOMPARE(panel.table().rowCount(), 5);
    QVERIFY2(panel.message().contains("5 phases, 2 Mar 2026 to 3 May 2027"), qPrintable(panel.message()));
    QCOMPARE(panel.table().item(0, 3)->text(), QString("55,296"));  // GPUs of phase 1
    // Every column, the findings last, fits the 1366-pixel window: no sideways scrolling.
    QTRY_COMPARE(panel.table().horizontalScrollBar()->maximum(), 0);
    QCOMPARE(panel.table().horizontalHeaderItem(6)->text(), QString("Network\nMW"));
    QCOMPARE(panel.table().horizontalHeaderItem(7)->text(), QString("Facility\nMW"));
    QCOMPARE(panel.table().item(4, 2)->toolTip(), QString("GB300 halls C1–C2"));  // whole when elided
    // The findings column says what it counts, the site's checks; the job's lines count the job's.
    const int findingsColumn = panel.table().columnCount() - 1;
    QCOMPARE(panel.table().horizontalHeaderItem(findingsColumn)->toolTip(),
             QString::fromStdString(report::phaseFindingsNote(*panel.overview())));
    QVERIFY(panel.table().horizontalHeaderItem(findingsColumn)->toolTip().contains("the training job's findings"));
    QVERIFY2(panel.jobText().contains("job findings: 3 warnings"), qPrintable(panel.jobText()));
    QVERIFY2(panel.heading().contains("Phase 1 of 5") && panel.heading().contains("Hall A1 on turbines"),
             qPrintable(panel.heading()));
    QVERIFY2(panel.jobText().contains("Finish"), qPrintable(panel.jobText()));
    QVERIFY(!panel.figureView().figures().empty());

    // Phase 1: hall A1 in its colours, hall A2 (and the rest) pale.
    QCOMPARE(v.scene().phase(), 0);
    const auto a1 = v.scene().find("a1-r1-1"), a2 = v.scene().find("a2-r1-1");
    QVERIFY(a1 && a2);
    QVERIFY(v.scene().inServiceAtPhase(*a1) && !v.scene().inServiceAtPhase(*a2));
    QVERIFY(*v.scene().fillColor(*a1) != *v.scene().fillColor(*a2));
    const std::array<int, 3> pale = *v.scene().fillColor(*a2);
    auto paleShare = [&](const QImage& image) {
      int n = 0, all = 0;
      for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) {
          const QColor c = image.pixelColor(x, y);
          ++all;
          if (std::abs(c.red() - pale[0]) + std::abs(c.green() - pale[1]) + std::abs(c.blue() - pale[2]) < 40) ++n;
        }
      return double(n) / all;
    };
    v.showIsometric();
    QTest::qWait(50);
    const QImage wholeIso = [&] {
      v.setPhase(-1);
      QTest::qWait(50);
      QImage image = v.grabFramebuffer();
      v.setPhase(0);
      QTest::qWait(50);
      return image;
    }();
    const double first = paleShare(v.grabFramebuffer());
    shot("phases-first.png");

    // A key press moves the slider: phase 2 brings hall A2 in; pale pixels fall.
    panel.slider().setFocus();
    QTest::keyClick(&panel.slider(), Qt::Key_Right);
    QCOMPARE(panel.phase(), 1);
    QCOMPARE(v.scene().phase(), 1);
    QVERIFY(v.scene().inServiceAtPhase(*a2));
    QVERIFY2(panel.heading().contains("Phase 2 of 5") && panel.heading().contains("110,592 GPUs"),
             qPrintable(panel.heading()));
    QTest::qWait(50);
    const double second = paleShare(v.grabFramebuffer());
    QVERIFY2(second < first, qPrintable(QString("%1 %2").arg(first).arg(second)));
    // A table row picks the last phase: nothing pale; its findings hold.
    panel.table().setCurrentCell(4, 0);
    QCOMPARE(panel.phase(), 4);
    QTest::qWait(50);
    const double last = paleShare(v.grabFramebuffer());
    QVERIFY2(last < second && last <= paleShare(wholeIso) + 0.001,
             qPrintable(QString("%1 %2 %3").arg(second).arg(last).arg(paleShare(wholeIso))));
    shot("phases-last.png");

    // Back to phase 1: its warning (sub-1 not yet energised) is listed; a click selects sub-1.
    panel.setPhase(0);
    QVERIFY(panel.findings().count() >= 1);
    QListWidgetItem* sub = nullptr;
    for (int i = 0; i < panel.findings().count(); ++i)
      if (panel.findings().item(i)->text().contains("sub-1 comes online only in")) sub = panel.findings().item(i);
    QVERIFY(sub);
    const QRect at = panel.findings().visualItemRect(sub);
    QTest::mouseClick(panel.findings().viewport(), Qt::LeftButton, {}, at.center());
    QTRY_COMPARE(v.selection(), QStringList{"sub-1"});

    // File → Export 3D Scene (glTF)…: the scene as shown, through the save dialog; written without
    // the selection's tint, which is back on sub-1 afterwards.
    auto* exportScene = w.findChild<QAction*>("exportSceneAction");
    QVERIFY(exportScene);
    const auto sub1 = v.scene().find("sub-1");
    const auto tinted = v.scene().fillColor(*sub1);
    answerNextFileDialog(tmp_.filePath("campus-phase-1.gltf"), nullptr);
    exportScene->trigger();
    QTRY_VERIFY(QFileInfo(tmp_.filePath("campus-phase-1.gltf")).size() > 1'000'000);
    QVERIFY2(w.statusBar()->currentMessage().contains("3D scene written to"),
             qPrintable(w.statusBar()->currentMessage()));
    QCOMPARE(v.selection(), QStringList{"sub-1"});
    QVERIFY(v.scene().fillColor(*sub1) == tinted);

    // On a large screen.
    w.resize(1920, 1200);
    QTest::qWait(100);
    shot("phases-large.png");
    // Another tab in front: the whole site again.
    w.findChild<QDockWidget*>("findingsDock")->raise();
    QTRY_COMPARE(v.scene().phase(), -1);
    QVERIFY(v.scene().inServiceAtPhase(*a2));

    // A design without phases: the panel says how to add them; the view is whole.
    dock->raise();
    QVERIFY(w.fileActions().openFile(sample("teaching-hall.yaml")));
    QVERIFY(waitForEvaluation(w));
    QTRY_VERIFY(panel.message().contains("has no phases"));
    QVERIFY(!panel.overview());
    QCOMPARE(v.scene().phase(), -1);
  }

  // A hall's walls move it and its corners resize it, with the mouse: the cursor shows the grip
  // under it, the drag is one undo step, snapped to whole metres, and Esc puts the hall back.
  void movesAndResizesAHallByItsWallsAndCorners() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    QVERIFY(showOnLaptop(w));
    auto& v = w.siteView();
    QVERIFY(w.fileActions().openFile(sample("teaching-hall.yaml")));
    QVERIFY(waitForEvaluation(w));
    v.showPlan();
    v.fitAll();
    QTest::qWait(50);
    // Hall 1: x 10–50 m, y 10–34 m; rack a-1 stands inside it.
    auto hall = [&] { return doc.resolved()->layout.halls.front(); };
    QCOMPARE(hall().origin.x, 10.0);
    const design::Vec2 rackBefore = positionOf(doc, "a-1");
    auto at = [&](double x, double y) { return floorPoint(v, x, y); };
    auto hover = [&](double x, double y) { return hoverFloor(v, x, y); };
    auto drag = [&](QPointF from, QPointF to, const std::function<void()>& whileDragging = {}) {
      dragFloor(v, from, to, whileDragging);
    };
    const int steps = doc.undoStack()->index();

    // The cursor says what a press would hold: a wall moves, a corner resizes (north-east is up
    // and to the right in plan view), the floor away from the walls is the camera's.
    QCOMPARE(hover(30, 10), Qt::SizeAllCursor);
    QCOMPARE(hover(50, 34), Qt::SizeBDiagCursor);
    QCOMPARE(hover(10, 34), Qt::SizeFDiagCursor);
    QVERIFY(hover(30, 25) != Qt::SizeAllCursor);

    // The south wall dragged 4.3 m east and 3.2 m south: the hall and its racks move 4 m and 3 m.
    drag({30, 10}, {34.3, 6.8});
    QTRY_COMPARE(hall().origin.x, 14.0);
    QCOMPARE(hall().origin.y, 7.0);
    QCOMPARE(hall().size.x, 40.0);
    QCOMPARE(positionOf(doc, "a-1").x, rackBefore.x + 4);
    QCOMPARE(positionOf(doc, "a-1").y, rackBefore.y - 3);
    QCOMPARE(doc.undoStack()->index(), steps + 1);  // one step however far the mouse went
    QVERIFY2(w.statusBar()->currentMessage().startsWith("Move hall-1"), qPrintable(w.statusBar()->currentMessage()));
    QTest::keyClick(&v, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(hall().origin.x, 10.0);
    QCOMPARE(hall().origin.y, 10.0);

    // The north-east corner out to (55.6, 39.7): 46 m × 30 m, the south-west corner stays and the
    // racks do not move.
    QTRY_COMPARE(hover(50, 34), Qt::SizeBDiagCursor);  // the scene shows the undone hall again
    drag({50, 34}, {55.6, 39.7}, [&] {
      QVERIFY2(w.statusBar()->currentMessage().startsWith("Resize hall-1: 46 m × 30 m"),
               qPrintable(w.statusBar()->currentMessage()));
      saveShot(w, tmp_, "hall-resize.png");
    });
    QTRY_COMPARE(hall().size.x, 46.0);
    QCOMPARE(hall().size.y, 30.0);
    QCOMPARE(hall().origin.x, 10.0);
    QCOMPARE(hall().origin.y, 10.0);
    QCOMPARE(positionOf(doc, "a-1").x, rackBefore.x);
    QCOMPARE(doc.undoStack()->index(), steps + 1);
    QVERIFY2(w.statusBar()->currentMessage().contains("46 m × 30 m at 10 m, 10 m"),
             qPrintable(w.statusBar()->currentMessage()));

    // Esc during a drag of the west wall: the hall goes back, nothing is added to the history.
    QTRY_COMPARE(hover(10, 25), Qt::SizeAllCursor);
    QTest::mousePress(&v, Qt::LeftButton, {}, at(10, 25));
    QTest::mouseMove(&v, at(8, 25));
    QTest::mouseMove(&v, at(5, 25));
    QTRY_COMPARE(hall().origin.x, 5.0);
    QTest::keyClick(&v, Qt::Key_Escape);
    QTest::mouseRelease(&v, Qt::LeftButton, {}, at(5, 25));
    QTRY_COMPARE(hall().origin.x, 10.0);
    QCOMPARE(hall().size.x, 46.0);
    QCOMPARE(doc.undoStack()->index(), steps + 1);

    // While another tool owns the mouse (here drawing halls), walls are not held.
    v.setFocus();
    QTest::keyClick(&v, Qt::Key_H);
    QVERIFY(w.editActions().drawHallAction()->isChecked());
    QVERIFY(hover(30, 10) != Qt::SizeAllCursor);
    QTest::keyClick(&v, Qt::Key_H);
    QCOMPARE(hover(30, 10), Qt::SizeAllCursor);
  }

  // Issue 14's acceptance: the teaching hall built from File → New with the mouse and keyboard —
  // hall, rows, network and storage racks, grid, transformers, UPS, busways with A and B feeds,
  // CDU, dry coolers, air handlers, chillers — saved, and evaluated to the sample's GPUs, IT power
  // (±1 %), PUE (±0.01) and findings.
  void buildsTheTeachingHallFromNew() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow w(doc);
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.siteView().setAnimationDuration(0);
    QApplication::setActiveWindow(&w);
    auto shot = [&](const char* name) { saveShot(w, tmp_, name); };
    w.fileActions().newAction()->trigger();
    QVERIFY(doc.resolved()->layout.halls.empty());
    auto& palette = w.palette();

    // The site's network: the sample's switch (topology and leaf placement are the defaults).
    w.siteView().setSelection({});
    editProperty(w, app::PropertiesModel::Key::NetworkSwitch, "qm9700");
    QCOMPARE(doc.design().network.switchModel, std::string("qm9700"));

    // A 40 m × 24 m hall and a 5 MW grid connection.
    w.findChild<QDockWidget*>("catalogDock")->raise();
    typeInto(palette.findChild<QDoubleSpinBox*>("hallWidth"), "40");
    typeInto(palette.findChild<QDoubleSpinBox*>("hallDepth"), "24");
    clickButton(palette, "addHall");
    QCOMPARE(doc.resolved()->layout.halls.size(), std::size_t{1});
    typeInto(palette.findChild<QDoubleSpinBox*>("gridRating"), "5");
    clickButton(palette, "addGrid");
    shot("new-1-hall.png");

    // Gear: every unit from the catalog.
    const std::pair<const char*, int> gear[] = {
        {"unit-substation-3mva", 2}, {"ups-1500kw", 2},           {"busway-800a", 8},       {"cdu-vertiv-2300", 1},
        {"air-handler", 2},          {"dry-cooler-adiabatic", 2}, {"chiller-air-cooled", 2}};
    for (const auto& [model, n] : gear) {
      QVERIFY2(pickFromCatalog(palette, model), model);
      for (int k = 0; k < n; ++k) clickButton(palette, "addGear");
    }
    // Rows: four GB200 NVL72, four DGX H100 (the last made a network rack), one storage rack.
    QVERIFY(pickFromCatalog(palette, "gb200-nvl72"));
    typeInto(palette.findChild<QSpinBox*>("rowRacks"), "4");
    clickButton(palette, "addRow");
    QVERIFY(pickFromCatalog(palette, "dgx-h100-rack"));
    clickButton(palette, "addRow");
    QVERIFY(pickFromCatalog(palette, "storage-rack"));
    clickButton(palette, "addRack");
    const auto r0 = doc.resolved();
    const auto& L0 = r0->layout;
    QCOMPARE(L0.racks.size(), std::size_t{9});
    QStringList rows;
    for (const auto& r : L0.rows) rows << QString::fromStdString(r.id);
    QCOMPARE(rows.size(), 3);
    const QString a = rows[0], b = rows[1], s = rows[2];
    QTRY_VERIFY(w.siteTree().treeIndexOfId(b + "-4").isValid());
    selectInTree(w, {b + "-4"});
    QCOMPARE(w.siteView().selection(), QStringList{b + "-4"});
    QVERIFY(pickFromCatalog(palette, "network-rack"));
    clickButton(palette, "useForSelection");
    {
      const auto r1 = doc.resolved();
      QCOMPARE(r1->layout.racks[static_cast<std::size_t>(r1->layout.rackIndex.at((b + "-4").toStdString()))].type,
               std::string("network-rack"));
    }
    shot("new-2-gear-and-rows.png");

    // The power chain, typed in the properties panel: transformers on the grid, a UPS on each
    // transformer (2N), four busways on each UPS.
    using Key = app::PropertiesModel::Key;
    selectInTree(w, {"tx-1", "tx-2"});
    editProperty(w, Key::FedBy, "grid");
    selectInTree(w, {"ups-2"});
    editProperty(w, Key::FedBy, "tx-2");
    selectInTree(w, {"ups-1", "ups-2"});
    editProperty(w, Key::Redundancy, "2n");
    selectInTree(w, {"bw-1", "bw-2", "bw-3", "bw-4"});
    editProperty(w, Key::FedBy, "ups-1");
    selectInTree(w, {"bw-5", "bw-6", "bw-7", "bw-8"});
    editProperty(w, Key::FedBy, "ups-2");
    // …and one link drawn with the wiring tool: ups-1 onto tx-1.
    w.siteView().setSelection({});
    QTest::qWait(300);        // the scene shows the edits
    w.siteView().showPlan();  // from above nothing stands in front of the gear
    frame(w.siteView(), {"ups-1", "tx-1"});
    QApplication::setActiveWindow(&w);
    w.siteView().setFocus();
    QTest::keyClick(&w.siteView(), Qt::Key_W);
    QVERIFY(w.editActions().wireAction()->isChecked());
    {
      const QPointF from = widgets::widgetPointOf(w.siteView(), topOf(w.siteView(), "ups-1"));
      const QPointF to = widgets::widgetPointOf(w.siteView(), topOf(w.siteView(), "tx-1"));
      QCOMPARE(w.siteView().objectIdAt(to.toPoint()), QString("tx-1"));
      QTest::mousePress(&w.siteView(), Qt::LeftButton, {}, from.toPoint());
      for (int i = 1; i <= 8; ++i) QTest::mouseMove(&w.siteView(), (from + (to - from) * (i / 8.0)).toPoint());
      QTest::mouseRelease(&w.siteView(), Qt::LeftButton, {}, to.toPoint());
    }
    QTest::keyClick(&w.siteView(), Qt::Key_W);
    const auto rp = doc.resolved();
    const auto& Lp = rp->layout;
    QCOMPARE(Lp.power[static_cast<std::size_t>(Lp.powerIndex.at("ups-1"))].fedBy,
             std::vector<int>{Lp.powerIndex.at("tx-1")});

    // Racks: A and B feeds two by two as in the sample, their CDU and air handlers.
    const std::pair<QStringList, std::pair<QString, QString>> feeds[] = {
        {{a + "-1", a + "-2"}, {"bw-1", "bw-5"}},
        {{a + "-3", a + "-4"}, {"bw-2", "bw-6"}},
        {{b + "-1", b + "-2", b + "-3", b + "-4"}, {"bw-3", "bw-7"}},
        {{s + "-1"}, {"bw-4", "bw-8"}}};
    for (const auto& [racks, ab] : feeds) {
      selectInTree(w, racks);
      editProperty(w, Key::FeedA, ab.first);
      editProperty(w, Key::FeedB, ab.second);
    }
    selectInTree(w, {a + "-1", a + "-2", a + "-3", a + "-4"});
    editProperty(w, Key::Cdu, "cdu-1");
    editProperty(w, Key::AirHandler, "ahu-1");
    selectInTree(w, {b + "-1", b + "-2", b + "-3", b + "-4", s + "-1"});
    editProperty(w, Key::AirHandler, "ahu-2");
    // The plant: the CDU on the dry coolers, the air handlers on the chillers.
    selectInTree(w, {"cdu-1"});
    editProperty(w, Key::RejectsTo, "dc-1, dc-2");
    selectInTree(w, {"ahu-1", "ahu-2"});
    editProperty(w, Key::RejectsTo, "chiller-1, chiller-2");
    QVERIFY(waitForEvaluation(w));
    w.siteView().setSelection({});
    w.siteView().fitAll();
    shot("new-3-wired.png");

    // Saved, loaded again, evaluated against the sample.
    const QString saved = tmp_.filePath("teaching-hall-from-new.yaml");
    answerNextFileDialog(saved, nullptr);
    QVERIFY(w.fileActions().save());
    keep(saved, "teaching-hall-from-new.yaml");
    std::shared_ptr<const design::ResolvedDesign> built;
    try {
      built = design::resolve(io::loadDesign(saved.toStdString(), *base), *base);
    } catch (const std::exception& e) {
      QFAIL(qPrintable(QString("the saved design does not load: %1").arg(e.what())));
    }
    const auto sampleDesign = design::resolve(io::loadDesign(sample("teaching-hall.yaml").toStdString(), *base), *base);
    const auto eb = engine::evaluate(built->design, built->layout, *built->catalog);
    const auto es = engine::evaluate(sampleDesign->design, sampleDesign->layout, *sampleDesign->catalog);
    QCOMPARE(eb.compute.gpus, es.compute.gpus);
    QVERIFY2(std::abs(eb.power.it - es.power.it) <= 0.01 * es.power.it,
             qPrintable(QString("IT %1 W, the sample's %2 W").arg(eb.power.it).arg(es.power.it)));
    QVERIFY2(std::abs(eb.power.pue - es.power.pue) <= 0.01,
             qPrintable(QString("PUE %1, the sample's %2").arg(eb.power.pue).arg(es.power.pue)));
    QStringList got, want;
    for (const auto& [sev, code] : findingKinds(eb)) got << QString("%1 %2").arg(sev).arg(QString::fromStdString(code));
    for (const auto& [sev, code] : findingKinds(es))
      want << QString("%1 %2").arg(sev).arg(QString::fromStdString(code));
    QCOMPARE(got, want);
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
