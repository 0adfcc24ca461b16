// Report export from the window (see report_actions.h).
#include "app/gui/report_actions.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "app/document/document.h"
#include "app/document/evaluation_runner.h"
#include "app/gui/settings.h"
#include "app/report/export_report.h"
#include "core/report/training_plan.h"

namespace gigaplan::app {

ReportActions::ReportActions(Document& doc, EvaluationRunner& runner, QWidget* window)
    : QObject(window), doc_(doc), runner_(runner), window_(window), export_(new QAction(tr("&Export Report…"), this)) {
  export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  export_->setStatusTip(tr("Write the design report: PDF, HTML, Markdown, JSON or a bill of materials in CSV"));
  connect(export_, &QAction::triggered, this, [this] {
    const QString base = doc_.filePath().isEmpty() ? settings::lastFolder() + "/report.pdf"
                                                   : QFileInfo(doc_.filePath()).absolutePath() + "/" +
                                                         QFileInfo(doc_.filePath()).completeBaseName() + ".pdf";
    QString path = QFileDialog::getSaveFileName(window_, tr("Export report"), base, reportFileFilter());
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".pdf";
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

bool ReportActions::exportTo(const QString& path, QString* error) {
  QElapsedTimer clock;
  clock.start();
  struct Prepared {
    std::shared_ptr<const engine::Evaluation> evaluation;
    report::TrainingPlan training;
  };
  const auto design = doc_.resolved();
  const EvaluatedDesign latest = runner_.latest();
  QFutureWatcher<Prepared> watcher;
  watcher.setFuture(QtConcurrent::run([design, latest]() {
    Prepared p;
    p.evaluation = latest.design == design && latest.evaluation ? latest.evaluation
                                                                : EvaluationRunner::evaluateNow(design).evaluation;
    p.training = report::planTraining(*design, *p.evaluation);
    return p;
  }));
  QProgressDialog progress(tr("Evaluating and planning the training run…"), tr("Cancel"), 0, 0, window_);
  progress.setWindowTitle(tr("Export report"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(300);
  QEventLoop loop;
  connect(&watcher, &QFutureWatcher<Prepared>::finished, &loop, &QEventLoop::quit);
  connect(&progress, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
  if (!watcher.isFinished()) loop.exec();
  if (!watcher.isFinished()) {
    if (error) error->clear();  // cancelled; the planning thread ends on its own, unused
    return false;
  }
  const Prepared prepared = watcher.result();
  // The rest needs the GUI thread: say so, and let the dialog paint before it starts.
  progress.setLabelText(tr("Drawing the site and writing %1…").arg(QFileInfo(path).fileName()));
  progress.setCancelButton(nullptr);
  QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
  ExportOptions options;
  options.training = &prepared.training;
  const bool ok = exportReport(*design, *prepared.evaluation, path, options, error);
  lastSeconds_ = clock.elapsed() / 1000.0;
  return ok;
}

}  // namespace gigaplan::app
