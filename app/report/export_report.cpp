// Report export by file extension, in steps (see export_report.h).
#include "app/report/export_report.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include "app/report/pdf_writer.h"
#include "app/report/site_picture.h"
#include "core/report/bom_csv.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/report_builder.h"
#include "core/report/report_json.h"

namespace gigaplan::app {
namespace {

bool saveFile(const QString& path, const std::string& bytes, QString* error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) ||
      f.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) || !f.commit()) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return false;
  }
  return true;
}

// The PDF painter writes to a path: a private temporary folder, read back so that only commit()
// touches the target folder.
bool renderPdf(const report::ReportDocument& doc, const QString& target, std::string* bytes, QString* error) {
  QTemporaryDir dir;
  if (!dir.isValid()) {
    if (error) *error = QStringLiteral("cannot write %1: no temporary folder (%2)").arg(target, dir.errorString());
    return false;
  }
  const QString tmp = dir.filePath(QStringLiteral("report.pdf"));
  QString why;
  if (!writePdf(doc, tmp, &why)) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(target, why);
    return false;
  }
  QFile f(tmp);
  if (!f.open(QIODevice::ReadOnly)) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(target, f.errorString());
    return false;
  }
  const QByteArray data = f.readAll();
  bytes->assign(data.constData(), static_cast<std::size_t>(data.size()));
  return true;
}

double lap(QElapsedTimer& t) {
  return static_cast<double>(t.restart()) / 1e3;
}

// A non-owning handle for a caller that keeps the object alive for the whole export.
template <class T>
std::shared_ptr<const T> borrowed(const T& object) {
  return std::shared_ptr<const T>(std::shared_ptr<const T>{}, &object);
}

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
  return QStringLiteral(
      "PDF report (*.pdf);;HTML report (*.html *.htm);;Markdown report (*.md);;"
      "JSON data (*.json);;Bill of materials CSV (*.csv)");
}

ReportExport::ReportExport(std::shared_ptr<const design::ResolvedDesign> design,
                           std::shared_ptr<const engine::Evaluation> eval, QString path, ExportOptions options)
    : design_(std::move(design)),
      eval_(std::move(eval)),
      path_(std::move(path)),
      format_(reportFormatFor(path_)),
      picture_(options.picture),
      date_(options.date) {
  if (options.training) training_ = *options.training;
}

bool ReportExport::valid(QString* error) const {
  if (format_) return true;
  if (error) *error = QStringLiteral("%1: unknown report format; use .pdf, .html, .md, .json or .csv").arg(path_);
  return false;
}

bool ReportExport::wantsPicture() const {
  return picture_ && format_ && *format_ != ReportFormat::Json && *format_ != ReportFormat::Csv;
}

void ReportExport::drawPicture() {
  if (!wantsPicture()) return;
  QElapsedTimer clock;
  clock.start();
  QString why;
  const QByteArray png = sitePicturePng(*design_, &why);
  picturePng_.assign(png.constData(), static_cast<std::size_t>(png.size()));
  pictureNote_ = why;
  timings_.picture = lap(clock);
}

void ReportExport::build() {
  if (*format_ == ReportFormat::Csv) return;  // the bill of materials needs no plan
  QElapsedTimer clock;
  clock.start();
  if (!training_) training_ = report::planTraining(*design_, *eval_);
  timings_.training = lap(clock);
  if (*format_ == ReportFormat::Json) return;
  report::ReportInputs in{*design_, *eval_, *training_};
  in.generatedOn = (date_.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : date_).toStdString();
  in.picturePng = picturePng_;
  in.pictureNote = pictureNote_.toStdString();
  document_ = report::buildReport(in);
  timings_.build = lap(clock);
}

bool ReportExport::render(QString* error) {
  QElapsedTimer clock;
  clock.start();
  files_.clear();
  imageDir_.clear();
  bool ok = true;
  switch (*format_) {
    case ReportFormat::Csv:
      files_.push_back({path_, report::bomCsv(eval_->bom, *design_->catalog)});
      break;
    case ReportFormat::Json:
      files_.push_back({path_, report::reportJson(*design_, *eval_, *training_)});
      break;
    case ReportFormat::Html:
      files_.push_back({path_, report::toHtml(*document_)});
      break;
    case ReportFormat::Markdown: {
      const QFileInfo info(path_);
      const QString imageDir = info.completeBaseName() + QStringLiteral("_images");
      report::MarkdownReport md = report::toMarkdown(*document_, imageDir.toStdString());
      if (!md.files.empty()) imageDir_ = info.dir().filePath(imageDir);
      for (auto& f : md.files)
        files_.push_back({info.dir().filePath(QString::fromStdString(f.path)), std::move(f.bytes)});
      files_.push_back({path_, std::move(md.text)});  // last: the report appears once its images are there
      break;
    }
    case ReportFormat::Pdf: {
      std::string bytes;
      ok = renderPdf(*document_, path_, &bytes, error);
      if (ok) files_.push_back({path_, std::move(bytes)});
      break;
    }
  }
  timings_.write = lap(clock);
  return ok;
}

bool ReportExport::commit(QString* error) {
  QElapsedTimer clock;
  clock.start();
  if (!imageDir_.isEmpty() && !QDir().mkpath(imageDir_)) {
    if (error) *error = QStringLiteral("cannot create the folder %1").arg(imageDir_);
    return false;
  }
  for (const File& f : files_) {
    if (!saveFile(f.path, f.bytes, error)) return false;
  }
  timings_.write += lap(clock);
  return true;
}

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  QString* error) {
  return exportReport(design, eval, path, ExportOptions{}, error);
}

bool exportReport(const design::ResolvedDesign& design, const engine::Evaluation& eval, const QString& path,
                  const ExportOptions& options, QString* error, ExportTimings* timings) {
  ReportExport job(borrowed(design), borrowed(eval), path, options);
  if (!job.valid(error)) return false;
  job.drawPicture();
  job.build();
  const bool ok = job.render(error) && job.commit(error);
  if (timings) *timings = job.timings();
  return ok;
}

}  // namespace gigaplan::app
