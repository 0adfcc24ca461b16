// File → Export Report: writes the current design's report (PDF, HTML, Markdown, JSON or CSV by
// extension, app/report) behind a progress dialog whose Cancel works to the end. The export runs
// in steps (app::ReportExport): evaluating if needed and planning the training run, laying out
// the report and rendering the non-PDF formats run off the GUI thread; the 3D picture (OpenGL)
// and the PDF (QPainter) run on it, one step at a time with the event loop running in between.
// A cancel takes effect at the next step boundary, and nothing is written before the last step,
// which renames complete files into place: a cancelled export leaves no file and an existing one
// intact.
#pragma once

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

#include "core/report/comparison.h"

class QAction;
class QProgressDialog;
class QWidget;

namespace gigaplan::app {

class Document;
class EvaluationRunner;

class ReportActions : public QObject {
  Q_OBJECT
 public:
  ReportActions(Document& doc, EvaluationRunner& runner, QWidget* window);

  QAction* exportAction() const { return export_; }
  /// Writes the report to `path`; false (with `error` set, empty when cancelled) when it did not.
  bool exportTo(const QString& path, QString* error);
  /// Seconds the last export took.
  double lastSeconds() const { return lastSeconds_; }
  /// Where the design compared with on screen comes from (the Compare panel): a report then has
  /// a "Compared with" section of it. Null or returning null: none.
  void setComparedDesign(std::function<std::shared_ptr<const report::LoadedDesign>()> source) {
    compared_ = std::move(source);
  }

 public slots:
  /// Stops the running export at the next step, as the dialog's Cancel button does.
  void cancelExport();

 signals:
  void statusMessage(const QString& text);
  /// A step of the running export starts; `label` is what the progress dialog now says.
  void exportStep(const QString& label);
  /// Internal: a cancel was asked for (ends the wait for a background step).
  void cancelRequested();

 private:
  // Shows `label`, lets the dialog paint and handle Cancel; false when the export was cancelled.
  bool step(const QString& label);
  // Runs `work` on a worker thread while the event loop runs; false when cancelled first.
  bool inBackground(const std::function<void()>& work);

  Document& doc_;
  EvaluationRunner& runner_;
  QWidget* window_;
  QAction* export_;
  QPointer<QProgressDialog> progress_;
  bool cancelled_ = false;
  double lastSeconds_ = 0;
  std::function<std::shared_ptr<const report::LoadedDesign>()> compared_;
};

}  // namespace gigaplan::app
