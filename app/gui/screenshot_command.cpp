// `gigaplan screenshot` (see screenshot_command.h).
#include "app/gui/screenshot_command.h"

#include <QApplication>
#include <QRegularExpression>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "app/document/evaluation_runner.h"
#include "app/gui/color_scalars.h"
#include "core/io/design_io.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_screenshot.h"

namespace gigaplan::app {

std::string screenshotUsage() {
  return "usage: gigaplan screenshot FILE -o OUT.png [--view plan|iso] [--color-by KEY] [--size WxH] [--theme "
         "dark|light] [--phase N]\n"
         "  Renders the site to a PNG without showing a window; needs OpenGL on a display (or xvfb-run -a).\n"
         "  --phase N: the site as it stands at the design's Nth phase (what is not yet built drawn pale).\n"
         "  KEY: type, power, feed, cooling-loop, utilisation, failure-domain, pod, findings\n";
}

namespace {

// What the arguments ask for; bad ones are a cli::UsageError. Needs no QApplication, so that a
// usage error is reported as one with or without a display.
struct ScreenshotRequest {
  QString file, output;
  int phase = 0;  // 1-based as written; 0 = none
  widgets::ScreenshotOptions options;
};

ScreenshotRequest parseArguments(const QStringList& args) {
  ScreenshotRequest r;
  widgets::ScreenshotOptions& options = r.options;
  for (int i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    auto value = [&]() -> QString { return i + 1 < args.size() ? args[++i] : QString(); };
    if (a == "-o" || a == "--output") {
      r.output = value();
    } else if (a == "--view") {
      const QString v = value();
      if (v != "plan" && v != "iso") throw cli::UsageError("--view takes plan or iso, not '" + v.toStdString() + "'");
      options.view = v == "plan" ? widgets::SiteView::View::Plan : widgets::SiteView::View::Isometric;
    } else if (a == "--color-by") {
      const QString v = value();
      auto mode = widgets::scene::colorByFromKey(v.toStdString());
      if (!mode) throw cli::UsageError("unknown colour mode '" + v.toStdString() + "'");
      options.colorBy = *mode;
    } else if (a == "--size") {
      const auto m = QRegularExpression("^(\\d{2,5})x(\\d{2,5})$").match(value());
      if (!m.hasMatch() || m.captured(1).toInt() > 8192 || m.captured(2).toInt() > 8192) {
        throw cli::UsageError("--size takes WxH, e.g. 1600x1000 (at most 8192 each)");
      }
      options.size = {m.captured(1).toInt(), m.captured(2).toInt()};
    } else if (a == "--theme") {
      auto theme = widgets::scene::themeByName(value().toStdString());
      if (!theme) throw cli::UsageError("--theme takes dark or light");
      options.theme = *theme;
    } else if (a == "--phase") {
      bool ok = false;
      r.phase = value().toInt(&ok);
      if (!ok || r.phase < 1) throw cli::UsageError("--phase takes a phase number from 1");
    } else if (r.file.isEmpty() && !cli::isOption(a.toStdString())) {
      r.file = a;
    } else {
      throw cli::UsageError(cli::unexpectedArgument(a.toStdString()));
    }
  }
  if (r.file.isEmpty()) throw cli::UsageError("missing FILE");
  if (r.output.isEmpty()) throw cli::UsageError("missing -o OUT.png");
  return r;
}

// Loads, evaluates when the colours need it, renders and writes the PNG.
int render(ScreenshotRequest request, std::ostream& out, std::ostream& err) {
  const QString& file = request.file;
  const QString& output = request.output;
  const int phase = request.phase;
  widgets::ScreenshotOptions& options = request.options;
  const catalog::Catalog* base = cli::baseCatalog(err);
  if (!base) return cli::kLoadError;
  std::shared_ptr<const design::ResolvedDesign> resolved;
  try {
    resolved = design::resolve(io::loadDesign(file.toStdString(), *base), *base);
  } catch (const std::exception& e) {
    err << e.what() << "\n";
    return cli::kLoadError;
  }
  if (phase > 0) {
    const std::string problem =
        cli::phaseOutOfRange(phase, static_cast<int>(resolved->design.phases.size()), file.toStdString());
    if (!problem.empty()) throw cli::UsageError(problem);
    options.phase = phase - 1;
  }
  // The evaluation places the core room (and gives the values of other colour modes).
  const auto evaluated = EvaluationRunner::evaluateNow(resolved);
  options.coreRoom = widgets::scene::coreRoomOf(evaluated.evaluation->fabric);
  if (options.colorBy != widgets::scene::ColorBy::Type)
    options.scalars = colorScalars(options.colorBy, *resolved, *evaluated.evaluation);
  const QImage image = widgets::renderSiteImage(resolved->layout, *resolved->catalog, options);
  if (image.isNull()) {
    const QString why = widgets::openGLProblem();
    err << "gigaplan screenshot: OpenGL could not be initialised"
        << (why.isEmpty() ? std::string(" (is there a display? try xvfb-run)") : ": " + why.toStdString()) << "\n";
    return cli::kWriteError;
  }
  if (!image.save(output)) {
    err << "gigaplan screenshot: cannot write " << output.toStdString() << "\n";
    return cli::kWriteError;
  }
  out << output.toStdString() << ": " << image.width() << "x" << image.height() << "\n";
  return cli::kOk;
}

}  // namespace

int runScreenshotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  QStringList list;
  for (const auto& a : args) list << QString::fromStdString(a);
  // The arguments first: a usage error is one whether or not there is a display.
  ScreenshotRequest request = parseArguments(list);
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  const bool display = platform == "xcb" || platform == "wayland" || !qgetenv("DISPLAY").isEmpty() ||
                       !qgetenv("WAYLAND_DISPLAY").isEmpty();
  if (!display && !QCoreApplication::instance()) {
    err << "gigaplan screenshot: no display (DISPLAY is not set), so OpenGL cannot draw; run it under a virtual\n"
           "  display: xvfb-run -a gigaplan screenshot ...\n";
    return cli::kWriteError;
  }
  if (QCoreApplication::instance()) return render(std::move(request), out, err);
  static int argc = 1;
  static char name[] = "gigaplan";
  static char* argv[] = {name, nullptr};
  widgets::prepareGraphics();
  QApplication qapp(argc, argv);
  return render(std::move(request), out, err);
}

int runScreenshot(const QStringList& args, std::ostream& out, std::ostream& err) {
  return render(parseArguments(args), out, err);
}

}  // namespace gigaplan::app
