// Main window wiring (see main_window.h).
#include "app/gui/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoView>

#include "app/document/document.h"
#include "app/gui/color_scalars.h"
#include "app/gui/file_actions.h"
#include "app/gui/findings_model.h"
#include "app/gui/metrics_panel.h"
#include "app/gui/settings.h"
#include "app/gui/view_actions.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

MainWindow::MainWindow(Document& doc, QWidget* parent)
    : QMainWindow(parent),
      doc_(doc),
      view_(new widgets::SiteView(this)),
      fileActions_(new FileActions(doc, this)),
      viewActions_(new ViewActions(*view_, this)),
      metrics_(new MetricsPanel(this)),
      findings_(new FindingsModel(this)),
      findingsSorted_(new QSortFilterProxyModel(this)),
      findingsView_(new QTableView(this)),
      status_(new QLabel(this)) {
  setObjectName("MainWindow");
  setCentralWidget(view_);
  setAcceptDrops(true);
  statusBar()->addPermanentWidget(status_);
  buildMenus();
  buildDocks();

  connect(&doc_, &Document::changed, this, &MainWindow::onDesignChanged);
  connect(&doc_, &Document::modifiedChanged, this, &MainWindow::updateTitle);
  connect(&doc_, &Document::filePathChanged, this, &MainWindow::updateTitle);
  connect(&runner_, &EvaluationRunner::finished, this, &MainWindow::onEvaluated);
  connect(viewActions_, &ViewActions::colorByChanged, this, &MainWindow::applyColors);
  connect(fileActions_, &FileActions::statusMessage, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(view_, &widgets::SiteView::selectionChanged, this, [this](const QStringList& ids) {
    status_->setText(ids.isEmpty() ? QString() : tr("%n selected", nullptr, static_cast<int>(ids.size())));
    if (viewActions_->colorBy() == widgets::scene::ColorBy::FailureDomain) applyColors();
  });

  if (const QByteArray g = settings::windowGeometry(); !g.isEmpty()) restoreGeometry(g);
  else resize(1440, 900);
  if (const QByteArray s = settings::windowState(); !s.isEmpty()) restoreState(s);
  onDesignChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(fileActions_->newAction());
  file->addAction(fileActions_->openAction());
  file->addMenu(fileActions_->recentMenu());
  file->addMenu(fileActions_->samplesMenu());
  file->addSeparator();
  file->addAction(fileActions_->saveAction());
  file->addAction(fileActions_->saveAsAction());
  file->addSeparator();
  file->addAction(fileActions_->quitAction());

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = doc_.undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = doc_.undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);

  viewActions_->fillMenu(menuBar()->addMenu(tr("&View")));
  QToolBar* bar = addToolBar(tr("View"));
  bar->setObjectName("viewToolBar");
  bar->addAction(undo);
  bar->addAction(redo);
  bar->addSeparator();
  viewActions_->fillToolBar(bar);
}

void MainWindow::buildDocks() {
  auto dock = [this](const QString& title, const QString& name, QWidget* w, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(w);
    addDockWidget(area, d);
    return d;
  };
  dock(tr("Metrics"), "metricsDock", metrics_, Qt::RightDockWidgetArea);

  findingsSorted_->setSourceModel(findings_);
  findingsView_->setObjectName("findingsView");
  findingsView_->setModel(findingsSorted_);
  findingsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  findingsView_->setSelectionMode(QAbstractItemView::SingleSelection);
  findingsView_->horizontalHeader()->setStretchLastSection(true);
  findingsView_->verticalHeader()->hide();
  connect(findingsView_, &QTableView::clicked, this, [this](const QModelIndex& index) {
    const QString id = index.data(FindingsModel::ObjectIdRole).toString();
    if (id.isEmpty()) return;
    view_->setSelection({id});
    view_->fitSelection();
  });
  dock(tr("Findings"), "findingsDock", findingsView_, Qt::BottomDockWidgetArea);

  auto* history = new QUndoView(doc_.undoStack(), this);
  history->setEmptyLabel(tr("<opened>"));
  dock(tr("History"), "historyDock", history, Qt::RightDockWidgetArea);
}

void MainWindow::onDesignChanged() {
  auto resolved = doc_.resolved();
  const bool newLayout = shownLayout_ == nullptr || doc_.undoStack()->count() == 0;
  view_->setSite(resolved->layout, *resolved->catalog, newLayout);
  shownLayout_ = resolved.get();
  runner_.request(resolved);
  updateTitle();
}

void MainWindow::onEvaluated(const EvaluatedDesign& result) {
  metrics_->show(result);
  findings_->setEvaluation(result.evaluation);
  findingsView_->resizeColumnsToContents();
  applyColors();
}

void MainWindow::applyColors() {
  const auto mode = viewActions_->colorBy();
  const auto& latest = runner_.latest();
  if (mode == widgets::scene::ColorBy::Type || !latest.evaluation || latest.design != doc_.resolved()) {
    view_->setColorBy(mode);
  } else {
    const QStringList sel = view_->selection();
    view_->setColorBy(mode, colorScalars(mode, *latest.design, *latest.evaluation,
                                         sel.size() == 1 ? sel.front().toStdString() : std::string()));
  }
  view_->update();
}

void MainWindow::updateTitle() {
  const QString name = doc_.filePath().isEmpty() ? tr("Untitled") : QFileInfo(doc_.filePath()).fileName();
  setWindowTitle(QString("%1[*] — %2 — GigaPlan").arg(name, QString::fromStdString(doc_.design().site.name)));
  setWindowModified(doc_.isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!fileActions_->maybeKeepChanges()) {
    event->ignore();
    return;
  }
  settings::setWindowGeometry(saveGeometry());
  settings::setWindowState(saveState());
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
