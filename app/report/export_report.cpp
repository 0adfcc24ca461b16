// Report export by file extension (see export_report.h).
#include "app/report/export_report.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include "app/report/pdf_writer.h"
#include "app/report/site_picture.h"
#include "core/report/bom_csv.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/report_builder.h"
#include "core/report/report_json.h"

namespace gigaplan::app {
namespace {

bool writeFile(const QString& path, const std::string& bytes, QString* error) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      f.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) || !f.flush()) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return false;
  }
  return true;
}

bool writeMarkdown(const report::ReportDocument& doc, const QString& path, QString* error) {
  const QFileInfo info(path);
  const QString imageDir = info.completeBaseName() + QStringLiteral("_images");
  const report::MarkdownReport md = report::toMarkdown(doc, imageDir.toStdString());
  if (!md.files.empty() && !info.dir().mkpath(imageDir)) {
    if (error) *error = QStringLiteral("cannot create the folder %1").arg(info.dir().filePath(imageDir));
    return false;
  }
  for (const auto& f : md.files) {
    if (!writeFile(info.dir().filePath(QString::fromStdString(f.path)), f.bytes, error)) return false;
  }
  return writeFile(path, md.text, error);
}

double lap(QElapsedTimer& t) { return static_cast<double>(t.restart()) / 1e3; }

}  // namespace

std::optional<ReportFormat> reportFormatFor(const QString& path) {
  const QString ext = QFileInfo(path).suffix().toLower();
  if (ext == QLatin1String("pdf")) return ReportFormat::Pdf;
  if (ext == QLatin1String("html") || ext == QLatin1String("htm")) return ReportFormat::Html;
  if (ext == QLatin1String("md") || ext == QLatin1String("markdown")) return ReportFormat::Markdown;
  if (ext == QLatin1String("json")) return ReportFormat::Json;
  if (ext == QLatin1String("csv")) return ReportFormat::Csv;
  return std::nullopt;
}

QString reportFileFilter() {
  return QStringLiteral("PDF report (*.pdf);;HTML report (*.html *.htm);;Markdown report (*.md);;"
                        "JSON data (*.json);;Bill of materials CSV (*.csv)");
}

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path, QString* error) {
  return exportReport(design, eval, path, ExportOptions{}, error);
}

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  const ExportOptions& options, QString* error, ExportTimings* timings) {
  const auto format = reportFormatFor(path);
  if (!format) {
    if (error) *error = QStringLiteral("%1: unknown report format; use .pdf, .html, .md, .json or .csv").arg(path);
    return false;
  }
  ExportTimings local;
  ExportTimings& t = timings ? *timings : local;
  QElapsedTimer clock;
  clock.start();
  if (*format == ReportFormat::Csv) {
    const bool ok = writeFile(path, report::bomCsv(eval.bom, *design.catalog), error);
    t.write = lap(clock);
    return ok;
  }
  report::TrainingPlan planned;
  if (!options.training) planned = report::planTraining(design, eval);
  const report::TrainingPlan& training = options.training ? *options.training : planned;
  t.training = lap(clock);
  if (*format == ReportFormat::Json) {
    const bool ok = writeFile(path, report::reportJson(design, eval, training), error);
    t.write = lap(clock);
    return ok;
  }

  report::ReportInputs in{design, eval, training};
  in.generatedOn = (options.date.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : options.date).toStdString();
  QString why = QStringLiteral("No 3D picture: left out on request.");
  if (options.picture) {
    const QByteArray png = sitePicturePng(design, &why);
    in.picturePng.assign(png.constData(), static_cast<std::size_t>(png.size()));
  }
  in.pictureNote = why.toStdString();
  t.picture = lap(clock);
  const report::ReportDocument doc = report::buildReport(in);
  t.build = lap(clock);
  bool ok = false;
  switch (*format) {
    case ReportFormat::Pdf: ok = writePdf(doc, path, error); break;
    case ReportFormat::Html: ok = writeFile(path, report::toHtml(doc), error); break;
    case ReportFormat::Markdown: ok = writeMarkdown(doc, path, error); break;
    case ReportFormat::Json:
    case ReportFormat::Csv: break;  // written above
  }
  t.write = lap(clock);
  return ok;
}

}  // namespace gigaplan::app
