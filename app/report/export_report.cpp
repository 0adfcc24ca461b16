// Report export by file extension, in steps (see export_report.h).
#include "app/report/export_report.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "app/report/pdf_writer.h"
#include "app/report/site_picture.h"
#include "core/io/diagnostic.h"
#include "core/report/report_builder.h"
#include "core/report/report_extras.h"

namespace gigaplan::app {
namespace {

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
  return cli::reportFormatFor(path.toStdString());
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
      date_(options.date),
      unsavedEdits_(options.unsavedEdits),
      uncertainty_(options.uncertainty),
      compareWith_(std::move(options.compareWith)) {
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
  const QByteArray png = sitePicturePng(*design_, &why, {1600, 1000}, eval_ ? &eval_->fabric : nullptr);
  picturePng_.assign(png.constData(), static_cast<std::size_t>(png.size()));
  pictureNote_ = why;
  timings_.picture = lap(clock);
}

void ReportExport::build() {
  if (*format_ == ReportFormat::Csv) return;  // the bill of materials needs no plan
  QElapsedTimer clock;
  clock.start();
  if (!training_) training_ = report::planTraining(*design_, *eval_);
  // The job's findings are the site's: counted in the headline and listed with the rest.
  eval_ = std::make_shared<const engine::Evaluation>(report::withTrainingFindings(*eval_, *training_));
  timings_.training = lap(clock);
  if (*format_ == ReportFormat::Json) return;
  report::ReportInputs in{*design_, *eval_, *training_};
  report::ReportExtras extras;  // the year of weather, the power swings
  try {
    std::vector<const report::LoadedDesign*> others;
    for (const auto& d : compareWith_) others.push_back(d.get());
    extras = report::reportExtras(*design_, *eval_, *training_, uncertainty_, others);
  } catch (const io::LoadError& e) {
    buildError_ = QString::fromStdString(e.what());
    return;
  }
  report::attach(in, extras);
  in.generatedOn = (date_.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : date_).toStdString();
  in.picturePng = picturePng_;
  in.pictureNote = pictureNote_.toStdString();
  in.unsavedEdits = unsavedEdits_;
  document_ = report::buildReport(in);
  timings_.build = lap(clock);
}

bool ReportExport::render(QString* error) {
  if (!buildError_.isEmpty()) {
    if (error) *error = buildError_;
    return false;
  }
  QElapsedTimer clock;
  clock.start();
  files_ = {};
  bool ok = true;
  if (*format_ == ReportFormat::Pdf) {
    std::string bytes;
    ok = renderPdf(*document_, path_, &bytes, error);
    if (ok) files_.files.push_back({path_.toStdString(), std::move(bytes)});
  } else {
    files_ = cli::renderTextReport(*format_, path_.toStdString(), *design_, *eval_, training_ ? &*training_ : nullptr,
                                   document_ ? &*document_ : nullptr, unsavedEdits_);
  }
  timings_.write = lap(clock);
  return ok;
}

bool ReportExport::commit(QString* error) {
  QElapsedTimer clock;
  clock.start();
  std::string why;
  if (!cli::commitReportFiles(files_, &why)) {
    if (error) *error = QString::fromStdString(why);
    return false;
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
