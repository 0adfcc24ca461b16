// Editor benchmark (a program, not a test): opens a large design in the main window and times
// what a planner waits for — opening, and an edit until the window has painted its new metrics —
// with the GUI thread's share (resolve, scene rebuild), the background evaluation, and the 3D
// frame time of camera moves. Optionally writes the README
// screenshots of the window.
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/tests/editor_benchmark [FILE] [--edits N]
//       [--screenshots DIR] [--screenshot-file FILE] [--report OUT.pdf]
// Target (issue 6): an edit on the gigawatt campus shows updated metrics within 250 ms.
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/file_actions.h"
#include "app/gui/main_window.h"
#include "app/gui/properties_dock.h"
#include "app/gui/properties_model.h"
#include "app/gui/report_actions.h"
#include "app/gui/site_tree_dock.h"
#include "app/gui/view_actions.h"
#include "core/design/resolved_design.h"
#include "widgets/scene/site_scene.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_view.h"

using namespace gigaplan;

namespace {

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
double maxOf(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

}  // namespace

int main(int argc, char** argv) {
  widgets::prepareGraphics();
  QApplication qapp(argc, argv);
  QApplication::setOrganizationName("GigaPlanBenchmark");
  QApplication::setApplicationName("GigaPlanBenchmark");
  QString file = QString(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml");
  QString shots, shotFile, reportFile;
  int edits = 10;
  const QStringList args = QApplication::arguments().mid(1);
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == "--edits" && i + 1 < args.size())
      edits = args[++i].toInt();
    else if (args[i] == "--screenshots" && i + 1 < args.size())
      shots = args[++i];
    else if (args[i] == "--screenshot-file" && i + 1 < args.size())
      shotFile = args[++i];
    else if (args[i] == "--report" && i + 1 < args.size())
      reportFile = args[++i];
    else if (!args[i].startsWith("--"))
      file = args[i];
  }
  if (!QFileInfo::exists(file)) {
    std::cerr << "editor_benchmark: no such file " << file.toStdString() << "\n";
    return 2;
  }
  const catalog::Catalog* base = cli::baseCatalog(std::cerr);
  if (!base) return 2;
  app::Document doc(*base);
  app::MainWindow window(doc);
  window.resize(1600, 960);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return 3;
  window.siteView().setAnimationDuration(0);

  // Open: background read and check, install, scene, first metrics.
  QElapsedTimer t;
  t.start();
  bool shown = false;
  QElapsedTimer* editClock = nullptr;
  double shownAt = 0;  // ms on editClock when the dashboard took the new metrics
  QObject::connect(&window, &app::MainWindow::metricsShown, [&] {
    shown = true;
    if (editClock) shownAt = editClock->nsecsElapsed() / 1e6;
  });
  if (!window.fileActions().openFile(file)) return 4;
  const double openMs = t.nsecsElapsed() / 1e6;
  if (!QTest::qWaitFor([&] { return shown && !window.evaluations().busy(); }, 120000)) return 5;
  const double firstMetricsMs = t.nsecsElapsed() / 1e6;
  const auto& layout = doc.resolved()->layout;
  std::printf("%s: %zu racks, %zu power nodes, %zu cooling units\n", qPrintable(QFileInfo(file).fileName()),
              layout.racks.size(), layout.power.size(), layout.cooling.size());
  std::printf("open (read + check in background, install, scene): %8.1f ms\n", openMs);
  std::printf("open to first metrics on screen:                   %8.1f ms\n", firstMetricsMs);
  std::printf("evaluation (background):                           %8.1f ms\n",
              window.evaluations().latest().seconds * 1000);

  // Edits: alternate a rack type change (properties panel) and a one-slot move of a rack, the
  // two edits a planner makes most. Each is timed from the edit until its metrics are in the
  // dashboard, and until the window has painted them.
  std::vector<double> total, blocking, evaluation, resolveMs, sceneMs, frames;
  const std::string rackId = layout.racks.back().id;
  const std::string baseType = layout.racks.back().type;
  const std::string otherType = [&] {
    for (const auto& [id, r] : doc.resolved()->catalog->racks) {
      if (id != baseType && r.kind == catalog::RackKind::Compute) return id;
    }
    return baseType;
  }();
  for (int i = 0; i < edits; ++i) {
    window.siteView().setSelection({QString::fromStdString(rackId)});
    window.siteView().repaint();  // draw the selection now, so no frame is pending at the edit
    QTest::qWait(20);
    const bool typeEdit = i % 2 == 0;
    shown = false;
    QElapsedTimer e;
    e.start();
    editClock = &e;
    bool ok = false;
    if (typeEdit) {
      auto& props = window.properties().model();
      const QString type = QString::fromStdString(i % 4 == 0 ? otherType : baseType);
      ok = props.setData(props.index(props.rowOf(app::PropertiesModel::Key::Type), app::PropertiesModel::Value), type);
    } else {
      ok = window.editor().apply(
          "move", app::editing::moveObjects(*doc.resolved(), window.editor().selected(), {0.6 * ((i % 4) - 2), 1.2}));
    }
    const double applied = e.nsecsElapsed() / 1e6;
    if (qEnvironmentVariableIsSet("GIGAPLAN_BENCH_TRACE")) {
      auto c1 = QObject::connect(&window.siteView(), &widgets::SiteView::frameRendered, [&] {
        std::printf("    frame at %.1f ms (%.1f ms)\n", e.nsecsElapsed() / 1e6,
                    window.siteView().lastRenderSeconds() * 1000);
      });
      auto c2 = QObject::connect(&window.evaluations(), &app::EvaluationRunner::finished,
                                 [&] { std::printf("    evaluated at %.1f ms\n", e.nsecsElapsed() / 1e6); });
      QTimer::singleShot(3000, [c1, c2] {
        QObject::disconnect(c1);
        QObject::disconnect(c2);
      });
    }
    if (!QTest::qWaitFor([&] { return shown; }, 60000)) return 6;
    const double done = shownAt;
    if (!ok) std::printf("  edit %d was refused (see the status bar)\n", i);
    total.push_back(done);
    editClock = nullptr;
    blocking.push_back(applied);
    evaluation.push_back(window.evaluations().latest().seconds * 1000);
    sceneMs.push_back(window.siteView().scene().lastBuildSeconds() * 1000);
    QElapsedTimer r;
    r.start();
    (void)design::resolve(doc.design(), *base);
    resolveMs.push_back(r.nsecsElapsed() / 1e6);
    std::printf(
        "  edit %2d (%s): metrics on screen %7.1f ms (edit on the GUI thread %6.1f ms, resolve %5.1f, evaluation "
        "%5.1f; "
        "then the 3D scene rebuild %5.1f ms)\n",
        i, typeEdit ? "rack type" : "move     ", done, applied, resolveMs.back(), evaluation.back(), sceneMs.back());
  }
  // Wiring (issue 14: ≤ 250 ms from the drop to updated metrics): give a node fed by one parent a
  // second parent of the same kind, then take it away — each as the wire tool does it: the verdict
  // shown while hovering (link, the design's rules, capacity by the engine), then the edit.
  std::vector<double> wireTotal, wirePreview;
  {
    const auto& L = doc.resolved()->layout;
    std::string child, parent;
    for (const auto& n : L.power) {
      if (n.fedBy.size() != 1 || !child.empty()) continue;
      const auto& up = L.power[static_cast<std::size_t>(n.fedBy[0])];
      for (const auto& other : L.power) {
        if (other.kind == up.kind && other.id != up.id && other.hall == up.hall) {
          child = n.id, parent = other.id;
          break;
        }
      }
    }
    for (int i = 0; i < edits && !child.empty(); ++i) {
      const QStringList from{QString::fromStdString(child)};
      const QString to = QString::fromStdString(parent);
      // The planner drags for a moment before the drop: the previous edit's frame is drawn by then
      // (in detail, 200 ms after it), and the verdict was shown while hovering the target.
      window.siteView().repaint();
      QTest::qWait(300);
      const bool connect = i % 2 == 0;
      if (connect) {
        QElapsedTimer hover;
        hover.start();
        (void)window.editor().previewLink(from, to, false);
        wirePreview.push_back(hover.nsecsElapsed() / 1e6);
      }
      shown = false;
      QElapsedTimer e;
      e.start();
      editClock = &e;
      const bool ok = connect ? window.editor().connectLink(from, to, false) : window.editor().disconnectLink(from, to);
      if (!ok) {
        std::printf("  wiring %s → %s refused: %s\n", child.c_str(), parent.c_str(),
                    qPrintable(window.editor().previewLink(from, to, false).refusal.empty()
                                   ? QString("(see the status bar)")
                                   : QString::fromStdString(window.editor().previewLink(from, to, false).refusal)));
        editClock = nullptr;
        break;
      }
      if (!QTest::qWaitFor([&] { return shown; }, 60000)) return 6;
      wireTotal.push_back(shownAt);
      editClock = nullptr;
      std::printf("  wiring %d (%s %s → %s): metrics on screen %7.1f ms\n", i, connect ? "connect   " : "disconnect",
                  parent.c_str(), child.c_str(), shownAt);
    }
  }
  // Search (issue 14: ≤ 100 ms from Enter to the hit selected and framed).
  std::vector<double> searchMs;
  for (const QString query : {"ups", "cdu", "a1-tx1a"}) {
    window.siteTree().findBox().setText(query);
    QTest::qWait(300);  // typing the words takes longer; the tree has filtered by then
    QElapsedTimer e;
    e.start();
    const bool hit = window.siteTree().goToHits();
    const double selectedMs = e.nsecsElapsed() / 1e6;
    window.siteView().repaint();
    searchMs.push_back(e.nsecsElapsed() / 1e6);
    if (qEnvironmentVariableIsSet("GIGAPLAN_BENCH_TRACE"))  // the rest is Qt putting the frame in the window
      std::printf("    selected at %.1f ms, then the 3D frame %.1f ms in VTK\n", selectedMs,
                  window.siteView().lastRenderSeconds() * 1000);
    std::printf("  search \"%s\": %s, %lld selected, %.1f ms to the hit framed\n", qPrintable(query),
                hit ? "found" : "nothing", static_cast<long long>(window.siteView().selection().size()),
                searchMs.back());
  }
  window.siteTree().findBox().clear();

  // Camera moves while an evaluation runs: orbit a few frames right after an edit.
  if (edits > 0)
    window.editor().apply("move back",
                          app::editing::moveObjects(*doc.resolved(), window.editor().selected(), {0, -1.2}));
  for (int i = 0; i < 6; ++i) {
    auto pose = window.siteView().cameraPose();
    pose.azimuth += 2;
    window.siteView().setCameraPose(pose);
    window.siteView().repaint();
    frames.push_back(window.siteView().lastRenderSeconds() * 1000);
  }
  std::printf("edit to metrics painted on screen: median %.1f ms, worst %.1f ms (target 250 ms)\n", median(total),
              maxOf(total));
  std::printf("  GUI thread per edit: median %.1f ms (resolve %.1f ms, scene rebuild %.1f ms)\n", median(blocking),
              median(resolveMs), median(sceneMs));
  std::printf("  evaluation in the background: median %.1f ms\n", median(evaluation));
  std::printf("3D frame while orbiting: median %.1f ms\n", median(frames));
  std::printf(
      "wiring edit to metrics painted: median %.1f ms, worst %.1f ms (target 250 ms); verdict while "
      "hovering: median %.1f ms\n",
      median(wireTotal), maxOf(wireTotal), median(wirePreview));
  std::printf("search to the hit selected and framed: median %.1f ms, worst %.1f ms (target 100 ms)\n",
              median(searchMs), maxOf(searchMs));

  if (!reportFile.isEmpty()) {
    QString error;
    const bool ok = window.reportActions().exportTo(reportFile, &error);
    std::printf("report export (File > Export Report) to %s: %s in %.2f s\n", qPrintable(reportFile),
                ok ? "written" : qPrintable(error), window.reportActions().lastSeconds());
  }

  if (!shots.isEmpty() || !shotFile.isEmpty()) {
    while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
    if (!QTest::qWaitFor([&] { return !window.evaluations().busy(); }, 60000)) return 5;
    window.siteView().setSelection(
        {QString::fromStdString(layout.rows.empty() ? std::string() : layout.rows[layout.rows.size() / 2].id)});
    window.siteView().showIsometric();
    for (const QString theme : {"light", "dark"}) {
      window.viewActions().setTheme(theme);
      QTest::qWait(300);
      const QImage shot = window.grab().toImage();
      const QString out =
          shotFile.isEmpty() ? QString("%1/main-window-%2.png").arg(shots, theme) : QString(shotFile).arg(theme);
      std::printf("%s: %s\n", qPrintable(out), shot.save(out) ? "written" : "NOT WRITTEN");
    }
    // The job panel and the catalog palette, for the documentation.
    window.findChild<QDockWidget*>("jobDock")->raise();
    window.findChild<QDockWidget*>("catalogDock")->raise();
    QTest::qWait(300);
    const QString out =
        shotFile.isEmpty() ? QString("%1/main-window-job.png").arg(shots) : QString(shotFile).arg("job");
    std::printf("%s: %s\n", qPrintable(out), window.grab().toImage().save(out) ? "written" : "NOT WRITTEN");
  }
  return 0;
}
