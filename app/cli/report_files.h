// The files of a design report in every format but PDF, and writing them so that nothing reaches
// the disk until all of it is ready. Plain std code: `gigaplan-cli report` uses it alone, the app's
// export (app/report/export_report.h) adds the PDF and the 3D picture on top.
//
//   cli::ReportFiles files = cli::renderTextReport(*format, "site.md", *resolved, eval, &plan, &doc);
//   std::string error;
//   if (!cli::commitReportFiles(files, &error)) std::cerr << error << "\n";
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/report/report_document.h"
#include "core/report/training_plan.h"

namespace gigaplan::cli {

enum class ReportFormat { Pdf, Html, Markdown, Json, Csv };

/// The format for a file name's extension (case-insensitive): .pdf, .html/.htm, .md/.markdown,
/// .json, .csv; nullopt for any other.
std::optional<ReportFormat> reportFormatFor(const std::string& path);

struct ReportFile {
  std::string path;
  std::string bytes;
};

struct ReportFiles {
  std::vector<ReportFile> files;  // the report itself last
  std::string imageDir;           // Markdown: the images folder to create first; else empty
};

/// The files for `path` in `format` (not Pdf). `training` is needed for Json, `document` for Html
/// and Markdown; Csv (the bill of materials) needs neither.
ReportFiles renderTextReport(ReportFormat format, const std::string& path, const design::ResolvedDesign& design,
                             const engine::Evaluation& eval, const report::TrainingPlan* training,
                             const report::ReportDocument* document, bool unsavedEdits = false);

/// Creates the images folder, then writes each file atomically (io::writeFileAtomically), the
/// report itself last.
bool commitReportFiles(const ReportFiles& files, std::string* error);

/// Today's date as YYYY-MM-DD (UTC), for a report's title page.
std::string todayIso();

}  // namespace gigaplan::cli
