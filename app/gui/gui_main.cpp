// Start of the desktop app (see gui_main.h).
#include "app/gui/gui_main.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <iostream>
#include <sstream>

#include "app/cli/catalog_access.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/gui/file_actions.h"
#include "app/gui/main_window.h"
#include "core/io/design_io.h"
#include "widgets/viewport/graphics_setup.h"

namespace gigaplan::gui {
namespace {

void offerRecovery(app::Document& doc, QWidget* window, const QString& folder) {
  for (const auto& r : app::Autosave::pending(folder)) {
    const QString origin = r.originalPath.isEmpty() ? QObject::tr("a new design") : r.originalPath;
    const auto answer = QMessageBox::question(
        window, QObject::tr("Recover unsaved work?"),
        QObject::tr("GigaPlan did not close cleanly. Work on %1 was autosaved at %2.\n\nRecover it?")
            .arg(origin, r.savedAt.toString()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
      try {
        const catalog::Catalog& base = doc.baseCatalog();
        doc.adopt(io::loadDesign(r.recoveryFile.toStdString(), base), r.originalPath, true);
      } catch (const std::exception& e) {
        QMessageBox::warning(window, QObject::tr("Recovery failed"), QString::fromUtf8(e.what()));
        continue;
      }
    }
    app::Autosave::remove(r);
    if (answer == QMessageBox::Yes) break;
  }
}

}  // namespace

void resumeSession(app::Document& doc, app::MainWindow& window, const QString& autosaveFolder, const QString& file) {
  offerRecovery(doc, &window, autosaveFolder);
  if (!file.isEmpty() && !doc.isModified()) window.fileActions().openFile(QFileInfo(file).absoluteFilePath());
}

/// Qt aborts without a display; say what to do instead.
bool haveDisplay() {
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  if (platform == "offscreen" || platform == "minimal") return true;
  return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

int run(int argc, char** argv) {
  if (!haveDisplay()) {
    std::cerr << "gigaplan: no display (DISPLAY is not set), so no window can open.\n"
                 "  On a server use the command line (gigaplan --help), e.g. gigaplan summary FILE,\n"
                 "  or run the app under a virtual display: xvfb-run -a gigaplan FILE\n";
    return 1;
  }
  widgets::prepareGraphics();
  QApplication qapp(argc, argv);
  QApplication::setOrganizationName("GigaPlan");
  QApplication::setApplicationName("GigaPlan");
  QApplication::setApplicationVersion(GIGAPLAN_VERSION);

  const QStringList args = QApplication::arguments().mid(1);

  std::ostringstream catalogError;
  const catalog::Catalog* base = cli::baseCatalog(catalogError);
  if (!base) {
    QMessageBox::critical(nullptr, "GigaPlan", QString::fromStdString(catalogError.str()));
    return 2;
  }
  app::Document doc(*base);
  app::MainWindow window(doc);
  if (!window.viewUnavailable().isEmpty()) {
    std::cerr << "gigaplan: 3D view unavailable: " << window.viewUnavailable().toStdString() << "\n";
  }
  if (!qEnvironmentVariableIsEmpty("GIGAPLAN_QUIT_WHEN_SHOWN")) {
    // Test hook (tests/app/test_no_opengl): quit once the opened design's metrics are painted.
    QObject::connect(&window, &app::MainWindow::metricsShown, &qapp, [&doc] {
      if (!doc.filePath().isEmpty()) QTimer::singleShot(100, qApp, &QCoreApplication::quit);
    });
  }
  app::Autosave autosave(doc, app::Autosave::defaultFolder());
  window.show();
  resumeSession(doc, window, app::Autosave::defaultFolder(), args.isEmpty() ? QString() : args.front());
  return QApplication::exec();
}

}  // namespace gigaplan::gui
