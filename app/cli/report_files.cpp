// Report files without Qt (see report_files.h).
#include "app/cli/report_files.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/io/file_write.h"
#include "core/report/bom_csv.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/report_json.h"

namespace gigaplan::cli {

namespace fs = std::filesystem;

std::optional<ReportFormat> reportFormatFor(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".pdf") return ReportFormat::Pdf;
  if (ext == ".html" || ext == ".htm") return ReportFormat::Html;
  if (ext == ".md" || ext == ".markdown") return ReportFormat::Markdown;
  if (ext == ".json") return ReportFormat::Json;
  if (ext == ".csv") return ReportFormat::Csv;
  return std::nullopt;
}

ReportFiles renderTextReport(ReportFormat format, const std::string& path, const design::ResolvedDesign& design,
                             const engine::Evaluation& eval, const report::TrainingPlan* training,
                             const report::ReportDocument* document, bool unsavedEdits) {
  ReportFiles out;
  switch (format) {
    case ReportFormat::Csv:
      out.files.push_back({path, report::bomCsv(eval.bom, *design.catalog)});
      break;
    case ReportFormat::Json:
      out.files.push_back({path, report::reportJson(design, eval, *training, unsavedEdits)});
      break;
    case ReportFormat::Html:
      out.files.push_back({path, report::toHtml(*document)});
      break;
    case ReportFormat::Markdown: {
      const fs::path target(path);
      const std::string imageDir = target.stem().string() + "_images";
      report::MarkdownReport md = report::toMarkdown(*document, imageDir);
      if (!md.files.empty()) out.imageDir = (target.parent_path() / imageDir).string();
      for (auto& f : md.files) out.files.push_back({(target.parent_path() / f.path).string(), std::move(f.bytes)});
      out.files.push_back({path, std::move(md.text)});  // last: the report appears once its images are there
      break;
    }
    case ReportFormat::Pdf:
      break;  // painted by the app (app/report/pdf_writer.h)
  }
  return out;
}

bool commitReportFiles(const ReportFiles& files, std::string* error) {
  if (!files.imageDir.empty()) {
    std::error_code ec;
    fs::create_directories(files.imageDir, ec);
    if (ec) {
      if (error) *error = "cannot create the folder " + files.imageDir + ": " + ec.message();
      return false;
    }
  }
  for (const ReportFile& f : files.files) {
    if (!io::writeFileAtomically(f.path, f.bytes, error)) return false;
  }
  return true;
}

std::string todayIso() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace gigaplan::cli
