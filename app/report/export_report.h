// Writing a design report to a file, the format chosen by the extension: .pdf, .html (one
// self-contained file), .md (with a `<stem>_images/` folder next to it), .json (everything the
// evaluation knows) or .csv (bill of materials). Used by `gigaplan report` and by the GUI's
// File → Export Report. PDF needs a QGuiApplication; the 3D picture needs a display (see
// site_picture.h) and is left out with a note otherwise.
//
//   QString error;
//   if (!app::exportReport(*resolved, eval, "campus.pdf", &error)) QMessageBox::warning(this, "Export", error);
#pragma once

#include <QString>
#include <optional>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/report/training_plan.h"

namespace gigaplan::app {

enum class ReportFormat { Pdf, Html, Markdown, Json, Csv };

/// The format for a file name's extension (case-insensitive), nullopt when it is none of them.
std::optional<ReportFormat> reportFormatFor(const QString& path);

/// The extensions exportReport accepts, for file dialogs: "PDF (*.pdf);;HTML (*.html *.htm);;…".
QString reportFileFilter();

struct ExportOptions {
  bool picture = true;                            // include the 3D picture when a display allows it
  QString date;                                   // title-page date; empty = today
  const report::TrainingPlan* training = nullptr; // precomputed plan; null = planned here
};

/// Seconds spent in each step of the last export, for `gigaplan report --bench`.
struct ExportTimings {
  double training = 0, picture = 0, build = 0, write = 0;
};

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path, QString* error);

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  const ExportOptions& options, QString* error, ExportTimings* timings = nullptr);

}  // namespace gigaplan::app
