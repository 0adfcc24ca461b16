// Writing a design report to a file, the format chosen by the extension: .pdf, .html (one
// self-contained file), .md (with a `<stem>_images/` folder next to it), .json (everything the
// evaluation knows) or .csv (bill of materials). Used by `gigaplan report` and by the GUI's
// File → Export Report. PDF needs a QGuiApplication; the 3D picture needs a display (see
// site_picture.h) and is left out with a note otherwise.
//
// Nothing reaches the disk until the whole report is ready: every file is written to a temporary
// next to it and renamed over it when complete (cli::commitReportFiles), so a failed or stopped export leaves
// no partial file and an existing file at the path stays as it was.
//
//   QString error;
//   if (!app::exportReport(*resolved, eval, "campus.pdf", &error)) QMessageBox::warning(this, "Export", error);
#pragma once

#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/report_files.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/report/comparison.h"
#include "core/report/report_document.h"
#include "core/report/training_plan.h"

namespace gigaplan::app {

using ReportFormat = cli::ReportFormat;

/// The format for a file name's extension (case-insensitive), nullopt when it is none of them.
std::optional<ReportFormat> reportFormatFor(const QString& path);

/// The extensions exportReport accepts, for file dialogs: "PDF (*.pdf);;HTML (*.html *.htm);;…".
QString reportFileFilter();

struct ExportOptions {
  bool picture = true;                             // include the 3D picture when a display allows it
  QString date;                                    // title-page date; empty = today
  const report::TrainingPlan* training = nullptr;  // precomputed plan; null = planned here
  bool unsavedEdits = false;                       // the design differs from its file: the report says so
  int uncertainty = 0;                             // Monte Carlo samples for "How sure"; 0 = none
  // Designs to compare this one with (the report's "Compared with" section); shared, not copied.
  std::vector<std::shared_ptr<const report::LoadedDesign>> compareWith;
};

/// Seconds spent in each step of the last export, for `gigaplan report --bench`.
struct ExportTimings {
  double training = 0, picture = 0, build = 0, write = 0;
};

/// An export in steps, for a caller that shows each one and may stop between them (the GUI keeps
/// its event loop running and offers Cancel). Run them in order; stopping before commit() leaves
/// the disk untouched. The job shares the design and evaluation, and copies the options' training
/// plan, so a worker thread may run a step while the caller moves on.
///
///   auto job = std::make_shared<ReportExport>(resolved, evaluation, "campus.pdf", options);
///   job->drawPicture();                          // GUI thread (OpenGL)
///   job->build();                                // any thread
///   bool ok = job->render(&error);               // any thread, but PDF needs the GUI thread
///   if (ok && !cancelled) ok = job->commit(&error);
class ReportExport {
 public:
  /// `path`'s extension must name a format (reportFormatFor); see valid().
  ReportExport(std::shared_ptr<const design::ResolvedDesign> design, std::shared_ptr<const engine::Evaluation> eval,
               QString path, ExportOptions options);

  /// False, with the reason in `error`, when the path names no report format.
  bool valid(QString* error) const;
  ReportFormat format() const { return *format_; }
  const QString& path() const { return path_; }
  /// True when render() may run off the GUI thread: every format but PDF (painted with QPainter).
  bool rendersOffGuiThread() const { return *format_ != ReportFormat::Pdf; }
  /// True when the format carries the 3D picture (PDF, HTML, Markdown) and the options want it.
  bool wantsPicture() const;

  /// Renders the 3D picture (nothing when !wantsPicture()). GUI thread: it needs OpenGL.
  void drawPicture();
  /// Plans the training run when no plan was given, then lays out the report. Any thread.
  void build();
  /// The files' contents, in memory (PDF through a temporary file outside the target folder).
  bool render(QString* error);
  /// Writes the rendered files atomically; Markdown images first, the report itself last.
  bool commit(QString* error);

  const ExportTimings& timings() const { return timings_; }

 private:
  std::shared_ptr<const design::ResolvedDesign> design_;
  std::shared_ptr<const engine::Evaluation> eval_;
  QString path_;
  std::optional<ReportFormat> format_;
  bool picture_ = true;
  QString date_;
  bool unsavedEdits_ = false;
  int uncertainty_ = 0;  // ExportOptions::uncertainty
  std::vector<std::shared_ptr<const report::LoadedDesign>> compareWith_;
  std::optional<report::TrainingPlan> training_;
  std::string picturePng_;
  QString pictureNote_ = QStringLiteral("No 3D picture: left out on request.");
  std::optional<report::ReportDocument> document_;
  QString buildError_;  // what build() could not read (the design's weather file); render() reports it
  cli::ReportFiles files_;
  ExportTimings timings_;
};

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  QString* error);

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  const ExportOptions& options, QString* error, ExportTimings* timings = nullptr);

}  // namespace gigaplan::app
