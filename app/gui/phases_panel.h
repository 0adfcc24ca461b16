// The site over its build-out (core/report/phases_report.h): a slider scrubs the design's phases
// and, while the panel is on screen, the 3D view shows the site as it stands at that phase (what is
// not yet built, or retired, drawn pale). Beneath: every phase's GPUs, compute, power and findings
// in a table, the report's timeline chart of GPUs, compute and facility power, the design's job
// across the phases with its finish date, and the findings of the phase on the slider (a click
// selects the object). Worked out off the GUI thread after each evaluation while on screen.
//
//   PhasesPanel panel(view);
//   panel.showDesign(evaluated);
//   panel.setPhase(2);   // the third phase; the view greys what stands only later
#pragma once

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>
#include <optional>

#include "app/document/evaluation_runner.h"
#include "core/report/phases_report.h"

class QLabel;
class QListWidget;
class QScrollArea;
class QSlider;
class QTableWidget;

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class FigureView;

class PhasesPanel : public QWidget {
  Q_OBJECT
 public:
  explicit PhasesPanel(widgets::SiteView& view, QWidget* parent = nullptr);
  ~PhasesPanel() override;

  /// The latest evaluation: the phases are worked out again (now, or once the panel shows).
  void showDesign(const EvaluatedDesign& evaluated);
  /// Whether the panel is on screen (its dock's tab selected): the phases are worked out, and the
  /// view greys what is not built, only then.
  void setOnScreen(bool onScreen);
  /// Puts the slider on `phase` (0-based); the view follows while the panel is on screen.
  void setPhase(int phase);
  int phase() const;

  /// For tests: the phases on screen (none while computing or without phases).
  const report::PhasesOverview* overview() const { return overview_ ? &*overview_ : nullptr; }
  bool busy() const { return watcher_.isRunning(); }
  QSlider& slider() { return *slider_; }
  QTableWidget& table() { return *table_; }
  QListWidget& findings() { return *findings_; }
  QString heading() const;
  QString jobText() const;
  QString message() const;
  FigureView& figureView() { return *figure_; }

 signals:
  void phasesShown();

 private:
  void start();
  void finished();
  void showPhase();
  void applyToView();

  // The window's view; a QPointer because a window without OpenGL destroys its detached view
  // before the docks hide (and tell this panel it left the screen).
  QPointer<widgets::SiteView> view_;
  std::optional<EvaluatedDesign> request_;  // the latest design with phases
  bool stale_ = false, onScreen_ = false;
  QFutureWatcher<report::PhasesOverview> watcher_;
  std::optional<report::PhasesOverview> overview_;

  QLabel* message_;
  QSlider* slider_;
  QLabel* heading_;
  QTableWidget* table_;
  QLabel* job_;
  FigureView* figure_;
  QLabel* findingsTitle_;
  QListWidget* findings_;
  QScrollArea* scroll_;
};

}  // namespace gigaplan::app
