// `gigaplan report` (see report_command.h).
#include "app/cli/report_command.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "app/report/export_report.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "widgets/viewport/graphics_setup.h"

namespace gigaplan::cli {
namespace {

constexpr const char* kUsageText =
    "usage: gigaplan report FILE -o OUT.{pdf,html,md,json,csv} [--no-3d] [--date YYYY-MM-DD] [--bench [N]]\n";
constexpr int kWriteError = 3;

struct Args {
  std::string file, output, date, error;
  bool picture = true;
  int benchRuns = 0;  // 0 = no benchmark
};

Args parse(const std::vector<std::string>& args) {
  Args a;
  for (std::size_t i = 0; i < args.size() && a.error.empty(); ++i) {
    const std::string& s = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 < args.size()) into = args[++i];
      else a.error = s + " needs a value";
    };
    if (s == "-o" || s == "--output") {
      value(a.output);
    } else if (s == "--no-3d") {
      a.picture = false;
    } else if (s == "--date") {
      value(a.date);
    } else if (s == "--bench") {
      a.benchRuns = 3;
      if (i + 1 < args.size() && !args[i + 1].empty() && std::isdigit(static_cast<unsigned char>(args[i + 1][0]))) {
        a.benchRuns = std::clamp(std::atoi(args[++i].c_str()), 1, 100);
      }
    } else if (a.file.empty() && s.rfind("-", 0) != 0) {
      a.file = s;
    } else {
      a.error = "unexpected '" + s + "'";
    }
  }
  if (a.error.empty() && (a.file.empty() || a.output.empty())) a.error = "FILE and -o OUT are both required";
  if (a.error.empty() && !app::reportFormatFor(QString::fromStdString(a.output))) {
    a.error = "cannot tell the format of '" + a.output + "': use .pdf, .html, .md, .json or .csv";
  }
  return a;
}

bool displayAvailable() {
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  if (platform == "offscreen" || platform == "minimal") return false;
  return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

// The Qt application the PDF writer and the 3D view need, unless the process already has one or
// the format needs neither (JSON, CSV; HTML and Markdown without the picture).
std::unique_ptr<QGuiApplication> makeApplication(app::ReportFormat format, bool picture) {
  using F = app::ReportFormat;
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

double seconds(QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e9; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const Args a = parse(args);
  if (!a.error.empty()) return err << "gigaplan report: " << a.error << "\n" << kUsageText, kUsage;
  const auto qtApp = makeApplication(*app::reportFormatFor(QString::fromStdString(a.output)), a.picture);
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;

  const QString output = QString::fromStdString(a.output);
  app::ExportOptions options;
  options.picture = a.picture;
  options.date = QString::fromStdString(a.date);
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
      return kLoadError;
    }
    load.push_back(seconds(clock));
    clock.restart();
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    evaluate.push_back(seconds(clock));
    QString error;
    app::ExportTimings t;
    if (!app::exportReport(*r, e, output, options, &error, &t)) {
      err << "gigaplan report: " << error.toStdString() << "\n";
      return kWriteError;
    }
    training.push_back(t.training);
    picture.push_back(t.picture);
    build.push_back(t.build);
    write.push_back(t.write);
    total.push_back(seconds(all));
  }
  out << a.output << ": written (" << QFileInfo(output).size() << " bytes)\n";
  if (a.benchRuns > 0) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "bench %s -> %s, median of %d runs (s): load %.3f  evaluate %.3f  training %.3f  3d %.3f  build %.3f  "
                  "write %.3f  total %.3f\n",
                  QFileInfo(QString::fromStdString(a.file)).fileName().toStdString().c_str(),
                  QFileInfo(output).suffix().toStdString().c_str(), runs, median(load), median(evaluate), median(training),
                  median(picture), median(build), median(write), median(total));
    out << line;
  }
  return kOk;
}

}  // namespace gigaplan::cli
