// `gigaplan report` with Qt (see report_export_command.h).
#include "app/report/report_export_command.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <memory>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "app/cli/report_command.h"
#include "app/report/export_report.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "widgets/viewport/graphics_setup.h"

namespace gigaplan::app {
namespace {

bool displayAvailable() {
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  if (platform == "offscreen" || platform == "minimal") return false;
  return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

// The Qt application the PDF writer and the 3D view need, unless the process already has one or
// the format needs neither (JSON, CSV; HTML and Markdown without the picture).
std::unique_ptr<QGuiApplication> makeApplication(ReportFormat format, bool picture) {
  using F = ReportFormat;
  picture = picture && format != F::Json && format != F::Csv;
  if (QCoreApplication::instance() || (!picture && format != F::Pdf)) return nullptr;
  static int argc = 1;
  static char name[] = "gigaplan";
  static char* argv[] = {name, nullptr};
  if (picture && displayAvailable()) {
    widgets::prepareGraphics();
    return std::make_unique<QApplication>(argc, argv);
  }
  if (!displayAvailable() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  return std::make_unique<QGuiApplication>(argc, argv);
}

double seconds(QElapsedTimer& t) {
  return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

}  // namespace

int runReportExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const cli::ReportArgs a = cli::parseReportArgs(args);
  if (!a.error.empty()) throw cli::UsageError(a.error);
  const auto qtApp = makeApplication(*a.format, a.picture);
  const catalog::Catalog* base = cli::baseCatalog(err);
  if (!base) return cli::kLoadError;

  const QString output = QString::fromStdString(a.output);
  ExportOptions options;
  options.picture = a.picture;
  options.date = QString::fromStdString(a.date);
  options.uncertainty = a.uncertainty;
  std::vector<report::LoadedDesign> others;
  if (!cli::loadComparisons(a, *base, others, err)) return cli::kLoadError;
  for (auto& d : others) options.compareWith.push_back(std::make_shared<const report::LoadedDesign>(std::move(d)));
  std::vector<double> load, evaluate, training, picture, build, write, total;
  const int runs = std::max(1, a.benchRuns);
  for (int run = 0; run < runs; ++run) {
    QElapsedTimer clock, all;
    clock.start();
    all.start();
    std::shared_ptr<const design::ResolvedDesign> r;
    try {
      r = design::resolve(io::loadDesign(a.file, *base), *base);
    } catch (const io::LoadError& e) {
      err << e.what() << "\n";
      return cli::kLoadError;
    }
    load.push_back(seconds(clock));
    clock.restart();
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    evaluate.push_back(seconds(clock));
    QString error;
    ExportTimings t;
    if (!exportReport(*r, e, output, options, &error, &t)) {
      err << "gigaplan report: " << error.toStdString() << "\n";
      return cli::kWriteError;
    }
    training.push_back(t.training);
    picture.push_back(t.picture);
    build.push_back(t.build);
    write.push_back(t.write);
    total.push_back(seconds(all));
  }
  out << a.output << ": written (" << QFileInfo(output).size() << " bytes)\n";
  if (a.benchRuns > 0) {
    out << cli::benchLine(a, runs,
                          {{"load", load},
                           {"evaluate", evaluate},
                           {"training", training},
                           {"3d", picture},
                           {"build", build},
                           {"write", write},
                           {"total", total}});
  }
  return cli::kOk;
}

}  // namespace gigaplan::app
