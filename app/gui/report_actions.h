// File → Export Report: writes the current design's report (PDF, HTML, Markdown, JSON or CSV by
// extension, app/report) behind a progress dialog. The slow, pure part — evaluating if needed and
// planning the training run, which may search parallel plans — runs off the GUI thread and can
// be cancelled; drawing the 3D picture and writing the file then run on the GUI thread (OpenGL and
// the PDF painter need it), with the dialog telling the planner what is happening.
#pragma once

#include <QObject>

class QAction;
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

 signals:
  void statusMessage(const QString& text);

 private:
  Document& doc_;
  EvaluationRunner& runner_;
  QWidget* window_;
  QAction* export_;
  double lastSeconds_ = 0;
};

}  // namespace gigaplan::app
