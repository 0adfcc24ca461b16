// File actions (see file_actions.h).
#include "app/gui/file_actions.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "app/document/document.h"
#include "app/gui/samples.h"
#include "app/gui/settings.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"

namespace gigaplan::app {
namespace {
const QString kFilter = QObject::tr("GigaPlan designs (*.yaml *.yml);;All files (*)");
}

FileActions::FileActions(Document& doc, QWidget* window) : QObject(window), doc_(doc), window_(window) {
  new_ = new QAction(tr("&New"), this);
  new_->setShortcut(QKeySequence::New);
  open_ = new QAction(tr("&Open…"), this);
  open_->setShortcut(QKeySequence::Open);
  save_ = new QAction(tr("&Save"), this);
  save_->setShortcut(QKeySequence::Save);
  saveAs_ = new QAction(tr("Save &As…"), this);
  saveAs_->setShortcut(QKeySequence::SaveAs);
  quit_ = new QAction(tr("&Quit"), this);
  quit_->setShortcut(QKeySequence::Quit);
  recent_ = new QMenu(tr("Open &Recent"), window);
  samples_ = new QMenu(tr("&Samples"), window);
  for (const auto& s : bundledSamples()) {
    samples_->addAction(s.title, this, [this, path = s.path] { openFile(path); });
  }
  connect(new_, &QAction::triggered, this, [this] {
    if (maybeKeepChanges()) doc_.reset();
  });
  connect(open_, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open design"), settings::lastFolder(), kFilter);
    if (!path.isEmpty()) openFile(path);
  });
  connect(save_, &QAction::triggered, this, &FileActions::save);
  connect(saveAs_, &QAction::triggered, this, &FileActions::saveAs);
  connect(quit_, &QAction::triggered, window_, &QWidget::close);
  connect(recent_, &QMenu::aboutToShow, this, &FileActions::refreshRecent);
  refreshRecent();
}

void FileActions::refreshRecent() {
  recent_->clear();
  for (const QString& path : settings::recentFiles()) {
    recent_->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })->setToolTip(path);
  }
  recent_->setEnabled(!recent_->isEmpty());
}

std::optional<design::Design> FileActions::load(const QString& path, QString& error) {
  struct Loaded {
    std::optional<design::Design> design;
    QString error;
  };
  const catalog::Catalog& base = doc_.baseCatalog();
  // Resolving here too checks references before anything is replaced, like Document::open.
  QFutureWatcher<Loaded> watcher;
  watcher.setFuture(QtConcurrent::run([file = path.toStdString(), &base]() -> Loaded {
    try {
      design::Design d = io::loadDesign(file, base);
      design::resolve(d, base);
      return {std::move(d), {}};
    } catch (const std::exception& e) {
      return {std::nullopt, QString::fromUtf8(e.what())};
    }
  }));
  QProgressDialog progress(tr("Opening %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, window_);
  progress.setWindowTitle(tr("Opening"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(400);  // small files open without a flash of dialog
  QEventLoop loop;
  connect(&watcher, &QFutureWatcher<Loaded>::finished, &loop, &QEventLoop::quit);
  connect(&progress, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
  if (!watcher.isFinished()) loop.exec();
  if (!watcher.isFinished()) {
    // Cancelled: the reader cannot be interrupted; its result is dropped when it ends.
    error.clear();
    return std::nullopt;
  }
  Loaded result = watcher.result();
  error = result.error;
  return std::move(result.design);
}

bool FileActions::openFile(const QString& path) {
  if (!maybeKeepChanges()) return false;
  emit statusMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
  QElapsedTimer timer;
  timer.start();
  QString error;
  std::optional<design::Design> design = load(path, error);
  if (!design && error.isEmpty()) {
    emit statusMessage(tr("Opening %1 cancelled").arg(QFileInfo(path).fileName()));
    return false;
  }
  if (!design) {
    QMessageBox::warning(window_, tr("Cannot open design"),
                         tr("The design was not opened; nothing changed.\n\n%1").arg(error));
    emit statusMessage(tr("Not opened: %1").arg(error));
    return false;
  }
  // A variant ("site.yaml#gb300") is a design of its own that no file holds yet: Save asks where.
  const bool variant = !design->variant.empty();
  doc_.adopt(std::move(*design), variant ? QString() : path, variant);
  lastOpenSeconds_ = timer.elapsed() / 1000.0;
  settings::addRecentFile(path);
  settings::setLastFolder(QFileInfo(path).absolutePath());
  emit statusMessage(tr("Opened %1 in %2 s").arg(path).arg(lastOpenSeconds_, 0, 'f', 2));
  return true;
}

bool FileActions::save() {
  if (doc_.filePath().isEmpty()) return saveAs();
  if (isBundledSample(doc_.filePath())) {
    emit statusMessage(tr("%1 is a bundled sample and stays as shipped: choose where to save your copy")
                           .arg(QFileInfo(doc_.filePath()).fileName()));
    return saveAs();
  }
  if (doc_.changedOnDisk()) {
    const auto answer = QMessageBox::question(
        window_, tr("File changed on disk"),
        tr("%1 was changed by another program since you opened it. Overwrite it with your version?")
            .arg(doc_.filePath()),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Save) return saveAs();
  }
  const QString error = doc_.save(doc_.filePath());
  if (!error.isEmpty()) {
    QMessageBox::critical(window_, tr("Not saved"), error);
    return false;
  }
  emit statusMessage(tr("Saved %1").arg(doc_.filePath()));
  return true;
}

bool FileActions::saveAs() {
  // A new design or a sample starts in the folder last saved to (else the documents folder) under
  // its own name; a file of the planner's next to itself.
  const QString current = doc_.filePath();
  const QString start = current.isEmpty() || isBundledSample(current)
                            ? QDir(settings::saveFolder())
                                  .filePath(current.isEmpty() ? tr("untitled.yaml") : QFileInfo(current).fileName())
                            : current;
  QString path = QFileDialog::getSaveFileName(window_, tr("Save design as"), start, kFilter);
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += ".yaml";
  if (isBundledSample(path)) {
    QMessageBox::warning(window_, tr("Not saved"),
                         tr("%1 is in the bundled samples folder, which stays as shipped. Save your design in "
                            "another folder.")
                             .arg(QFileInfo(path).fileName()));
    return false;
  }
  const QString error = doc_.save(path);
  if (!error.isEmpty()) {
    QMessageBox::critical(window_, tr("Not saved"), error);
    return false;
  }
  settings::addRecentFile(path);
  settings::setSaveFolder(QFileInfo(path).absolutePath());
  emit statusMessage(tr("Saved %1").arg(path));
  return true;
}

bool FileActions::maybeKeepChanges() {
  if (!doc_.isModified()) return true;
  const auto answer =
      QMessageBox::warning(window_, tr("Unsaved changes"), tr("The design has unsaved changes. Save them first?"),
                           QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

}  // namespace gigaplan::app
