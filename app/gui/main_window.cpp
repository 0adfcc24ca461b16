// Main window wiring (see main_window.h).
#include "app/gui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoView>
#include <algorithm>

#include "app/document/document.h"
#include "app/gui/app_style.h"
#include "app/gui/catalog_palette.h"
#include "app/gui/color_scalars.h"
#include "app/gui/compare_panel.h"
#include "app/gui/design_editor.h"
#include "app/gui/edit_actions.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/findings_panel.h"
#include "app/gui/help_actions.h"
#include "app/gui/icons.h"
#include "app/gui/job/job_estimate.h"
#include "app/gui/job/job_panel.h"
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
#include "app/gui/tools/drag_move.h"
#include "app/gui/view_actions.h"
#include "app/gui/year_panel.h"
#include "widgets/scene/site_scene.h"
#include "widgets/tools/move_tool.h"
#include "widgets/tools/select_tool.h"
#include "widgets/tools/wire_tool.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {
constexpr int kStateVersion = 4;  // bump when docks change, so old layouts are not restored
// Longest an edit waits for its evaluation before the 3D view is redrawn anyway.
constexpr int kSceneWaitMs = 120;

// The 3D view, as the window's child when OpenGL works. Without OpenGL it has no parent (the
// window owns it through detachedView_): a QOpenGLWidget anywhere under the main window, even
// hidden or in a child window, makes Qt flush the whole window through OpenGL, which crashes in
// QPlatformBackingStore::rhiFlush when there is none (checked on Qt 6.4, offscreen platform).
widgets::SiteView* makeView(QWidget* window) {
  return new widgets::SiteView(widgets::openGLProblem().isEmpty() ? window : nullptr);
}
}  // namespace

MainWindow::MainWindow(Document& doc, QWidget* parent)
    : QMainWindow(parent),
      doc_(doc),
      view_(makeView(this)),
      editor_(new DesignEditor(doc, *view_, this)),
      // Filters run last-installed first: the move tool sees a press on an object before the
      // select tool's box mode would take it.
      selectTool_(new widgets::SelectTool(*view_)),
      moveTool_(new widgets::MoveTool(*view_)),
      // Installed after the move tool, so with wiring on a press on an object draws a connection.
      wireTool_(new widgets::WireTool(*view_)),
      dragMove_(new DragMove(*moveTool_, *editor_, this)),
      fileActions_(new FileActions(doc, this)),
      reportActions_(new ReportActions(doc, runner_, this)),
      viewActions_(new ViewActions(*view_, this)),
      editActions_(new EditActions(*editor_, *selectTool_, *wireTool_, this)),
      metrics_(new MetricsPanel(this)),
      findings_(new FindingsPanel(*view_, this)),
      siteTree_(new SiteTreeDock(doc, *view_, this)),
      properties_(new PropertiesDock(*editor_, this)),
      job_(new JobPanel(*editor_, this)),
      swings_(new PowerSwingsPanel(this)),
      year_(new YearPanel(*editor_, this)),
      phases_(new PhasesPanel(*view_, this)),
      compare_(new ComparePanel(doc, this)),
      palette_(new CatalogPalette(*editor_, this)),
      helpActions_(new HelpActions(this)),
      selectionLabel_(new QLabel(this)),
      evaluationLabel_(new QLabel(this)),
      sceneTimer_(new QTimer(this)) {
  setObjectName("MainWindow");
  viewUnavailable_ = widgets::openGLProblem();
  if (viewUnavailable_.isEmpty()) {
    setCentralWidget(view_);
  } else {
    // The view (it holds the selection the panels share) stays hidden and parentless (makeView),
    // deleted before the window's children as it would be as their first sibling; say why in its place.
    detachedView_.reset(view_);
    auto* note = new QLabel(tr("<h3>3D view unavailable</h3><p>%1</p><p>The site tree, properties, findings, "
                               "metrics, the job panel and report export work as usual (reports say the 3D "
                               "picture was left out).</p>")
                                .arg(viewUnavailable_.toHtmlEscaped()),
                            this);
    note->setObjectName("viewUnavailableMessage");
    note->setTextFormat(Qt::RichText);
    note->setWordWrap(true);
    note->setAlignment(Qt::AlignCenter);
    note->setMargin(40);
    setCentralWidget(note);
    auto* status = new QLabel(tr("3D view unavailable: no OpenGL"), this);
    status->setObjectName("viewUnavailableStatus");
    status->setToolTip(viewUnavailable_);
    statusBar()->addPermanentWidget(status);
  }
  setAcceptDrops(true);
  setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
  // The side panels run the full height; findings and history sit under the 3D view only.
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  // Where the cursor is on the ground, in site coordinates (x east, y north).
  auto* cursorLabel = new QLabel(this);
  cursorLabel->setObjectName("cursorLabel");
  cursorLabel->setToolTip(tr("Site coordinates under the cursor: x to the east, y to the north"));
  cursorLabel->setMinimumWidth(cursorLabel->fontMetrics().horizontalAdvance("x 00,000.0 m  y 00,000.0 m"));
  statusBar()->addPermanentWidget(cursorLabel);
  connect(view_, &widgets::SiteView::cursorMoved, cursorLabel, [cursorLabel](std::optional<QPointF> p) {
    const QLocale l;
    cursorLabel->setText(p ? tr("x %1 m  y %2 m").arg(l.toString(p->x(), 'f', 1), l.toString(p->y(), 'f', 1))
                           : QString());
  });
  statusBar()->addPermanentWidget(selectionLabel_);
  statusBar()->addPermanentWidget(evaluationLabel_);
  buildDocks();
  buildMenus();

  sceneTimer_->setSingleShot(true);
  sceneTimer_->setInterval(kSceneWaitMs);
  connect(sceneTimer_, &QTimer::timeout, this, &MainWindow::rebuildScene);
  editor_->setSelectHook([this](const QStringList& ids) {
    if (!sceneStale_) {
      view_->setSelection(ids);
      return;
    }
    pendingSelection_ = ids;
    selectionPending_ = true;
  });
  // A design that was opened, recovered or started anew is framed; edits keep the camera. Every
  // such replacement announces its path before its change.
  connect(&doc_, &Document::filePathChanged, this, [this] { freshDesign_ = true; });
  // Qt applies an undo limit only to an empty stack; the window is made before the first edit.
  if (doc_.undoStack()->count() == 0) doc_.undoStack()->setUndoLimit(settings::undoLimit());
  connect(&doc_, &Document::changed, this, &MainWindow::onDesignChanged);
  connect(&doc_, &Document::modifiedChanged, this, &MainWindow::updateTitle);
  connect(&doc_, &Document::filePathChanged, this, &MainWindow::updateTitle);
  connect(&runner_, &EvaluationRunner::finished, this, &MainWindow::onEvaluated);
  connect(viewActions_, &ViewActions::colorByChanged, this, &MainWindow::applyColors);
  connect(viewActions_, &ViewActions::themeChanged, this, &MainWindow::applyTheme);
  connect(fileActions_, &FileActions::statusMessage, this,
          [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(reportActions_, &ReportActions::statusMessage, this,
          [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  reportActions_->setComparedDesign([this] { return compare_->other(); });
  connect(compare_, &ComparePanel::showDifferencesRequested, this,
          [this] { viewActions_->setColorBy(widgets::scene::ColorBy::Difference); });
  connect(compare_, &ComparePanel::comparisonShown, this, [this] {
    if (viewActions_->colorBy() == widgets::scene::ColorBy::Difference) applyColors();
  });
  connect(compare_, &ComparePanel::objectChosen, this, [this](const QString& id) {
    view_->setSelection({id});
    view_->fitSelection();
  });
  connect(siteTree_, &SiteTreeDock::hallChosen, editor_, &DesignEditor::setWorkHall);
  connect(siteTree_, &SiteTreeDock::hallChosen, &properties_->model(), &PropertiesModel::setHall);
  connect(editor_, &DesignEditor::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(view_, &widgets::SiteView::selectionChanged, this, [this] {
    // The planner picked something while the scene waited to show an edit: their pick wins over
    // what the edit would have selected.
    selectionPending_ = false;
    updateStatus();
    if (viewActions_->colorBy() == widgets::scene::ColorBy::FailureDomain) applyColors();
  });

  defaultState_ = saveState(kStateVersion);
  const QByteArray g = settings::windowGeometry();
  if (!g.isEmpty()) restoreGeometry(g);
  // A first start, or a window saved on a larger screen: the default size, within this screen.
  const QRect screenArea = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 960);
  if (g.isEmpty() || width() > screenArea.width() || height() > screenArea.height()) {
    resize(std::min(1600, screenArea.width()), std::min(960, screenArea.height()));
    move(screenArea.topLeft() + QPoint((screenArea.width() - width()) / 2, (screenArea.height() - height()) / 2));
  }
  if (const QByteArray s = settings::windowState(); !s.isEmpty()) restoreState(s, kStateVersion);
  applyTheme(viewActions_->theme());
  onDesignChanged();
}

MainWindow::~MainWindow() = default;

QTreeView& MainWindow::findingsView() {
  return findings_->view();
}

QDockWidget* MainWindow::dock(const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
  auto* d = new QDockWidget(title, this);
  d->setObjectName(name);
  d->setWidget(content);
  addDockWidget(area, d);
  return d;
}

void MainWindow::buildDocks() {
  QDockWidget* tree = dock(tr("Site"), "siteDock", siteTree_, Qt::LeftDockWidgetArea);
  QDockWidget* palette = dock(tr("Catalog"), "catalogDock", palette_, Qt::LeftDockWidgetArea);
  tabifyDockWidget(tree, palette);
  tree->raise();

  QDockWidget* properties = dock(tr("Properties"), "propertiesDock", properties_, Qt::RightDockWidgetArea);
  QDockWidget* metrics = dock(tr("Metrics"), "metricsDock", metrics_, Qt::RightDockWidgetArea);
  QDockWidget* job = dock(tr("Job"), "jobDock", job_, Qt::RightDockWidgetArea);
  splitDockWidget(properties, metrics, Qt::Vertical);
  tabifyDockWidget(metrics, job);
  metrics->raise();

  QDockWidget* findings = dock(tr("Findings"), "findingsDock", findings_, Qt::BottomDockWidgetArea);
  auto* history = new QUndoView(doc_.undoStack(), this);
  history->setObjectName("undoHistory");
  history->setEmptyLabel(tr("The design as opened"));  // the state before the first edit
  QDockWidget* historyDock = dock(tr("History"), "historyDock", history, Qt::BottomDockWidgetArea);
  tabifyDockWidget(findings, historyDock);
  QDockWidget* swings = dock(tr("Power swings"), "powerSwingsDock", swings_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(historyDock, swings);
  connect(swings, &QDockWidget::visibilityChanged, swings_, &PowerSwingsPanel::setOnScreen);
  QDockWidget* year = dock(tr("Year"), "yearDock", year_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(swings, year);
  connect(year, &QDockWidget::visibilityChanged, year_, &YearPanel::setOnScreen);
  QDockWidget* phases = dock(tr("Phases"), "phasesDock", phases_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(year, phases);
  connect(phases, &QDockWidget::visibilityChanged, phases_, &PhasesPanel::setOnScreen);
  QDockWidget* compare = dock(tr("Compare"), "compareDock", compare_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(phases, compare);
  // The charts need height: a docked chart tab brought forward makes the bottom area at least
  // two fifths of the window (the planner's own larger size is kept).
  for (QDockWidget* chart : {swings, year, phases, compare})
    connect(chart, &QDockWidget::visibilityChanged, this, [this, chart](bool shown) {
      const int room = height() * 2 / 5;
      if (shown && !chart->isFloating() && chart->height() < room) resizeDocks({chart}, {room}, Qt::Vertical);
    });
  findings->raise();
}

void MainWindow::sizeDocks() {
  auto find = [this](const char* name) { return findChild<QDockWidget*>(name); };
  resizeDocks({find("siteDock"), find("propertiesDock")}, {290, 380}, Qt::Horizontal);
  resizeDocks({find("propertiesDock"), find("metricsDock")}, {280, 640}, Qt::Vertical);
  resizeDocks({find("findingsDock")}, {150}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  // Dock sizes only take once the window has its size; a saved layout brings its own, unless it
  // no longer fits this window (saved on a larger screen): then the default layout.
  if (!sized_ && settings::windowState().isEmpty()) sizeDocks();
  if (!sized_ && !settings::windowState().isEmpty()) {
    QTimer::singleShot(0, this, [this] {
      if (panelsFit()) return;
      resetLayout();
      statusBar()->showMessage(tr("The saved panel layout did not fit this window; panels are back in place"), 8000);
    });
  }
  sized_ = true;
}

bool MainWindow::panelsFit() const {
  // Every shown panel at least as large as its content asks, and room left for the site.
  for (const QDockWidget* d : findChildren<QDockWidget*>()) {
    if (!d->isVisible() || d->isFloating() || !d->widget()) continue;
    const QSize need = d->widget()->minimumSizeHint();
    if (d->widget()->width() + 1 < need.width() || d->widget()->height() + 1 < need.height()) return false;
  }
  const QWidget* centre = centralWidget();
  return !centre || (centre->width() >= kMinViewWidth && centre->height() >= kMinViewHeight);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(fileActions_->newAction());
  file->addAction(fileActions_->openAction());
  file->addMenu(fileActions_->recentMenu());
  file->addMenu(fileActions_->samplesMenu());
  file->addSeparator();
  file->addAction(fileActions_->saveAction());
  file->addAction(fileActions_->saveAsAction());
  file->addAction(reportActions_->exportAction());
  QAction* compareWith = file->addAction(tr("Compare With…"));
  compareWith->setObjectName("compareWithAction");
  compareWith->setStatusTip(tr("Compare the design with one of its variants or another design file"));
  connect(compareWith, &QAction::triggered, this, [this] {
    QDockWidget* d = findChild<QDockWidget*>("compareDock");
    d->show();
    d->raise();
    if (doc_.design().variants.empty()) {
      compare_->chooseFile();
    } else {
      compare_->choice().setFocus();
      compare_->choice().showPopup();
    }
  });
  QAction* scene = file->addAction(tr("Export 3D Scene (glTF)…"));
  scene->setObjectName("exportSceneAction");
  scene->setStatusTip(tr("Write the 3D scene as glTF 2.0 for Blender or a web viewer, as the view shows it"));
  connect(scene, &QAction::triggered, this, [this] {
    const QString design = doc_.filePath();
    const QString stem = design.isEmpty() ? tr("site") : QFileInfo(design).completeBaseName();
    const QString folder = settings::exportFolder().isEmpty() ? settings::saveFolder() : settings::exportFolder();
    QString path = QFileDialog::getSaveFileName(this, tr("Export 3D scene"), QDir(folder).filePath(stem + ".gltf"),
                                                tr("glTF 2.0 (*.gltf)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().compare("gltf", Qt::CaseInsensitive) != 0) path += ".gltf";  // glTF text
    settings::setExportFolder(QFileInfo(path).absolutePath());
    std::string error;
    // The selection tint is the view's, not the site's: written without it.
    auto& site = view_->scene();
    const std::vector<widgets::scene::ObjectRef> selected = site.selection();
    site.setSelection({});
    const int meshes = site.exportGltf(path.toStdString(), &error);
    site.setSelection(selected);
    if (meshes < 0)
      QMessageBox::warning(this, tr("3D scene not written"), QString::fromStdString(error));
    else
      statusBar()->showMessage(tr("3D scene written to %1 (%2)").arg(path, counted(meshes, "mesh", "meshes")), 8000);
  });
  file->addSeparator();
  file->addAction(fileActions_->quitAction());

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  editActions_->fillMenu(edit);
  edit->addSeparator();
  QAction* find = edit->addAction(tr("&Find…"), this, [this] {
    QDockWidget* d = findChild<QDockWidget*>("siteDock");
    d->show();
    d->raise();
    siteTree_->startFind();
  });
  find->setShortcut(QKeySequence::Find);
  find->setStatusTip(tr("Find objects by id, name or kind in the site tree"));
  QMenu* view = menuBar()->addMenu(tr("&View"));
  viewActions_->fillMenu(view);
  view->addSeparator();
  docksMenu_ = view->addMenu(tr("&Panels"));
  for (QDockWidget* d : findChildren<QDockWidget*>()) docksMenu_->addAction(d->toggleViewAction());
  view->addAction(tr("&Reset panel layout"), this, &MainWindow::resetLayout);
  helpActions_->fillMenu(menuBar()->addMenu(tr("&Help")));

  QToolBar* files = addToolBar(tr("File"));
  files->setObjectName("fileToolBar");
  setIconSize(QSize(20, 20));
  files->addAction(fileActions_->openAction());
  files->addAction(fileActions_->saveAction());
  QToolBar* editBar = addToolBar(tr("Edit"));
  editBar->setObjectName("editToolBar");
  editActions_->fillToolBar(editBar);
  QToolBar* bar = addToolBar(tr("View"));
  bar->setObjectName("viewToolBar");
  viewActions_->fillToolBar(bar);
}

void MainWindow::resetLayout() {
  restoreState(defaultState_, kStateVersion);
  sizeDocks();
}

void MainWindow::onDesignChanged() {
  runner_.request(doc_.resolved());
  evaluationLabel_->setText(tr("Evaluating…"));
  updateTitle();
  // A freshly opened (or new) design is shown at once and framed; an edit waits for its metrics.
  if (!shown_ || freshDesign_) {
    sceneStale_ = true;
    rebuildScene();
    return;
  }
  sceneStale_ = true;
  if (!sceneTimer_->isActive()) sceneTimer_->start();
}

void MainWindow::rebuildScene() {
  sceneTimer_->stop();
  if (!sceneStale_) return;
  sceneStale_ = false;
  auto resolved = doc_.resolved();
  // A fresh design is framed in the isometric view; a site's first objects (a new design's first
  // hall) are framed from where the camera looks (the plan stays the plan while drawing); later
  // edits keep the camera.
  const bool frame = !shown_ || freshDesign_;
  const bool firstObjects = !frame && siteWasEmpty_;
  freshDesign_ = false;
  const auto& L = resolved->layout;
  siteWasEmpty_ = L.halls.empty() && L.racks.empty() && L.power.empty() && L.cooling.empty();
  const QStringList selection = selectionPending_ ? pendingSelection_ : view_->selection();
  const QStringList before = view_->selection();
  selectionPending_ = false;
  {
    const QSignalBlocker quiet(view_);  // the rebuild's transient selection is not news
    view_->scene().setSiteSize(resolved->design.site.size.x, resolved->design.site.size.y);
    view_->setSite(resolved->layout, *resolved->catalog, frame);
    view_->setSelection(frame ? QStringList() : selection);
  }
  if (firstObjects) view_->fitAll();
  shown_ = true;
  if (view_->selection() != before) emit view_->selectionChanged(view_->selection());
  applyColors();
  showCoreRoom(frame);
  updateStatus();
}

void MainWindow::onEvaluated(const EvaluatedDesign& result) {
  const JobOutlook outlook = outlookFor(*result.design, *result.evaluation);
  // The job's findings (a plan that does not fit in memory, idle GPU types, …) are the site's:
  // counted in the metrics and listed in the Findings panel with the rest.
  EvaluatedDesign withJob = result;
  if (!outlook.findings.empty()) {
    auto e = std::make_shared<engine::Evaluation>(*result.evaluation);
    engine::addFindings(*e, outlook.findings);
    withJob.evaluation = std::move(e);
  }
  metrics_->show(withJob);
  findings_->setEvaluation(withJob.evaluation);
  siteTree_->showEvaluation(result);
  properties_->model().setEvaluation(result);
  metrics_->showJob(outlook);
  job_->showOutlook(outlook);
  swings_->showDesign(result, outlook);
  year_->showDesign(result, outlook.estimate && outlook.estimate->effectiveTrainingDays > 0
                                ? std::optional(outlook.estimate->effectiveTrainingDays)
                                : std::nullopt);
  phases_->showDesign(result);
  compare_->showDesign(result);
  applyColors();
  showCoreRoom();
  evaluationLabel_->setText(runner_.busy() ? tr("Evaluating…")
                                           : tr("Evaluated in %1 ms").arg(result.seconds * 1000, 0, 'f', 0));
  if (sceneStale_ && result.design == doc_.resolved()) {
    // Put the numbers on screen before the (slower) 3D frame of the new design is drawn.
    metrics_->repaint();
    emit metricsShown(result);
    rebuildScene();
    return;
  }
  emit metricsShown(result);
}

void MainWindow::applyColors() {
  if (sceneStale_) return;  // the values would not match the objects the view still shows
  const auto mode = viewActions_->colorBy();
  const auto& latest = runner_.latest();
  if (mode == widgets::scene::ColorBy::Type || !latest.evaluation || latest.design != doc_.resolved()) {
    view_->setColorBy(mode);
  } else if (mode == widgets::scene::ColorBy::Difference) {
    view_->setColorBy(mode, compare_->differenceScalars(latest.design->layout));
  } else {
    const QStringList sel = view_->selection();
    view_->setColorBy(mode, colorScalars(mode, *latest.design, *latest.evaluation,
                                         sel.size() == 1 ? sel.front().toStdString() : std::string()));
  }
  view_->update();
}

void MainWindow::showCoreRoom(bool freshDesign) {
  if (sceneStale_) return;  // the next rebuild shows it
  const auto& latest = runner_.latest();
  if (latest.evaluation && latest.design == doc_.resolved())
    view_->scene().setCoreRoom(widgets::scene::coreRoomOf(latest.evaluation->fabric));
  else if (freshDesign)
    view_->scene().setCoreRoom({});
  view_->update();
}

void MainWindow::applyTheme(const QString& name) {
  applyAppTheme(name);
  metrics_->setDark(name != "light");
  swings_->setDark(name != "light");
  applyIcons();
}

void MainWindow::applyIcons() {
  const QColor ink = QApplication::palette().color(QPalette::WindowText);
  const std::pair<QAction*, Glyph> icons[] = {
      {fileActions_->openAction(), Glyph::Open},     {fileActions_->saveAction(), Glyph::Save},
      {editActions_->undoAction(), Glyph::Undo},     {editActions_->redoAction(), Glyph::Redo},
      {editActions_->rotateAction(), Glyph::Rotate}, {editActions_->duplicateAction(), Glyph::Duplicate},
      {editActions_->deleteAction(), Glyph::Delete}, {editActions_->boxAction(), Glyph::BoxSelect},
      {viewActions_->planAction(), Glyph::Plan},     {viewActions_->isometricAction(), Glyph::Isometric},
      {viewActions_->fitAllAction(), Glyph::FitAll}};
  for (const auto& [action, glyph] : icons) {
    if (action) action->setIcon(glyphIcon(glyph, ink));
  }
}

void MainWindow::updateTitle() {
  const design::Design& d = doc_.design();
  QString name = doc_.filePath().isEmpty() ? tr("Untitled") : QFileInfo(doc_.filePath()).fileName();
  if (doc_.filePath().isEmpty() && !d.variant.empty())
    name = tr("%1#%2 (a variant, not saved)").arg(QFileInfo(qs(d.sourceFile)).fileName(), qs(d.variant));
  if (isBundledSample(doc_.filePath())) name += tr(" (sample, read-only)");
  setWindowTitle(QString("%1[*] — %2 — GigaPlan").arg(name, QString::fromStdString(doc_.design().site.name)));
  setWindowModified(doc_.isModified());
}

void MainWindow::updateStatus() {
  const int n = static_cast<int>(view_->selection().size());
  selectionLabel_->setText(n == 0 ? counted(doc_.resolved()->layout.racks.size(), "rack")
                                  : tr("%1 selected").arg(QLocale().toString(n)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!fileActions_->maybeKeepChanges()) {
    event->ignore();
    return;
  }
  settings::setWindowGeometry(saveGeometry());
  settings::setWindowState(saveState(kStateVersion));
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.front().isLocalFile()) fileActions_->openFile(urls.front().toLocalFile());
}

}  // namespace gigaplan::app
