// Report export from the window, in cancellable steps (see report_actions.h).
#include "app/gui/report_actions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include "app/document/document.h"
#include "app/document/evaluation_runner.h"
#include "app/gui/samples.h"
#include "app/gui/settings.h"
#include "app/report/export_report.h"
#include "core/report/training_plan.h"

namespace gigaplan::app {

ReportActions::ReportActions(Document& doc, EvaluationRunner& runner, QWidget* window)
    : QObject(window), doc_(doc), runner_(runner), window_(window), export_(new QAction(tr("&Export Report…"), this)) {
  export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  export_->setStatusTip(tr("Write the design report: PDF, HTML, Markdown, JSON or a bill of materials in CSV"));
  connect(export_, &QAction::triggered, this, [this] {
    // The folder and format of the last export; the first time, the design's folder (the
    // documents folder for a sample or a new design) and PDF.
    const QString design = doc_.filePath();
    const QString folder = !settings::exportFolder().isEmpty()           ? settings::exportFolder()
                           : design.isEmpty() || isBundledSample(design) ? settings::saveFolder()
                                                                         : QFileInfo(design).absolutePath();
    const QString format = settings::exportFormat();
    const QString stem = design.isEmpty() ? tr("report") : QFileInfo(design).completeBaseName();
    QString filter;
    for (const QString& f : reportFileFilter().split(";;")) {
      if (f.contains("*." + format + " ") || f.contains("*." + format + ")")) filter = f;
    }
    QString path = QFileDialog::getSaveFileName(
        window_, tr("Export report"), QDir(folder).filePath(stem + "." + format), reportFileFilter(), &filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) {
      // No suffix typed: the format of the filter chosen ("PDF report (*.pdf)" → pdf).
      const qsizetype star = filter.indexOf("*.");
      path += star >= 0 ? "." + filter.mid(star + 2).section(QRegularExpression("[ )]"), 0, 0) : QString(".pdf");
    }
    settings::setExportFolder(QFileInfo(path).absolutePath());
    settings::setExportFormat(QFileInfo(path).suffix().toLower());
    QString error;
    if (exportTo(path, &error)) {
      emit statusMessage(tr("Report written to %1 in %2 s").arg(path).arg(lastSeconds_, 0, 'f', 1));
    } else if (!error.isEmpty()) {
      QMessageBox::warning(window_, tr("Report not written"), error);
    } else {
      emit statusMessage(tr("Report export cancelled"));
    }
  });
}

void ReportActions::cancelExport() {
  if (!progress_ || cancelled_) return;
  cancelled_ = true;
  emit cancelRequested();
}

bool ReportActions::step(const QString& label) {
  if (cancelled_) return false;
  progress_->setLabelText(label);
  emit exportStep(label);
  // Let the dialog paint the new label and take a click on Cancel before the step starts.
  QApplication::processEvents();
  return !cancelled_;
}

bool ReportActions::inBackground(const std::function<void()>& work) {
  if (cancelled_) return false;
  QFutureWatcher<void> watcher;
  QEventLoop loop;
  connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
  connect(this, &ReportActions::cancelRequested, &loop, &QEventLoop::quit);
  watcher.setFuture(QtConcurrent::run(work));
  if (!watcher.isFinished() && !cancelled_) loop.exec();
  // Cancelled while it ran: the worker finishes on its own with what it shares, unused.
  return watcher.isFinished() && !cancelled_;
}

bool ReportActions::exportTo(const QString& path, QString* error) {
  QElapsedTimer clock;
  clock.start();
  if (error) error->clear();
  if (progress_) {  // the event loop runs during an export; a second one waits its turn
    if (error) *error = tr("Another report is being exported.");
    return false;
  }
  const auto design = doc_.resolved();
  if (!ReportExport(design, nullptr, path, {}).valid(error)) return false;  // before any work
  const EvaluatedDesign latest = runner_.latest();
  struct Prepared {
    std::shared_ptr<const engine::Evaluation> evaluation;
    report::TrainingPlan training;
  };
  auto prepared = std::make_shared<Prepared>();

  QProgressDialog progress(tr("Evaluating and planning the training run…"), tr("Cancel"), 0, 0, window_);
  progress.setWindowTitle(tr("Export report"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(300);
  progress.setAutoReset(false);
  progress.setAutoClose(false);
  progress_ = &progress;
  cancelled_ = false;
  connect(&progress, &QProgressDialog::canceled, this, &ReportActions::cancelExport);
  export_->setEnabled(false);
  const auto enableAgain = qScopeGuard([this] { export_->setEnabled(true); });

  bool ok = step(progress.labelText()) && inBackground([design, latest, prepared] {
              prepared->evaluation = latest.design == design && latest.evaluation
                                         ? latest.evaluation
                                         : EvaluationRunner::evaluateNow(design).evaluation;
              prepared->training = report::planTraining(*design, *prepared->evaluation);
            });
  if (!ok) return false;

  ExportOptions options;
  options.training = &prepared->training;    // copied by the job
  options.unsavedEdits = doc_.isModified();  // the report must not pass the file off as its source
  if (auto other = compared_ ? compared_() : nullptr) options.compareWith.push_back(std::move(other));
  const auto job = std::make_shared<ReportExport>(design, prepared->evaluation, path, options);
  const QString name = QFileInfo(path).fileName();
  // The 3D picture needs OpenGL, so the GUI thread: one step, cancellable before and after.
  if (job->wantsPicture()) {
    if (!step(tr("Drawing the site in 3D for %1…").arg(name))) return false;
    job->drawPicture();
  }
  if (!step(tr("Laying out %1…").arg(name)) || !inBackground([job] { job->build(); })) return false;

  struct Rendered {
    bool ok = false;
    QString error;
  };
  auto rendered = std::make_shared<Rendered>();
  if (!step(tr("Writing %1…").arg(name))) return false;
  if (job->rendersOffGuiThread()) {
    if (!inBackground([job, rendered] { rendered->ok = job->render(&rendered->error); })) return false;
  } else {
    rendered->ok = job->render(&rendered->error);  // QPainter on the PDF writer: GUI thread
  }
  if (!rendered->ok) {
    if (error) *error = rendered->error;
    return false;
  }
  // Last chance to stop: nothing is on disk yet. The commit itself is quick (rename into place).
  if (!step(tr("Saving %1…").arg(name))) return false;
  ok = job->commit(error);
  lastSeconds_ = clock.elapsed() / 1000.0;
  return ok;
}

}  // namespace gigaplan::app
