// The training job's power swings (core/dynamics): site power at the sources and at the grid
// meter, and the batteries' state of charge, over the job's first hour at 10 Hz — zoomed from one
// step to the hour with the buttons or by dragging across the chart — under the figures a planner
// reads. Made off the GUI thread after each evaluation while the panel is on screen (else when it
// is next shown: setOnScreen); the report's "Power swings" section draws the same profile.
//
//   PowerSwingsPanel panel;
//   panel.showDesign(evaluated, outlookFor(*evaluated.design, *evaluated.evaluation));
//   panel.setWindow(60);   // the first minute of the job
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <optional>

#include "app/document/evaluation_runner.h"
#include "app/gui/job/job_estimate.h"
#include "core/dynamics/power_profile.h"

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;
class QTimer;

namespace gigaplan::app {

class PowerSwingsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit PowerSwingsPanel(QWidget* parent = nullptr);
  ~PowerSwingsPanel() override;

  /// The latest evaluation and its job: the profile is made again (now, or once the panel shows).
  void showDesign(const EvaluatedDesign& evaluated, const JobOutlook& outlook);
  void setDark(bool dark);
  /// Shows `seconds` of the record from just before the job starts (the whole record when longer).
  void setWindow(double seconds);
  /// Whether the panel is on screen (its dock's tab selected): the profile is made only then.
  /// A tabbed dock's hidden page can still count as visible to Qt, so the dock says.
  void setOnScreen(bool onScreen);

  /// For tests and callers: the profile on screen (none while there is no job or it is computing).
  const dynamics::PowerProfile* profile() const { return profile_ ? &*profile_ : nullptr; }
  bool busy() const { return watcher_.isRunning(); }
  QChartView* chartView() const { return view_; }
  QString headline() const;
  /// Seconds shown on the time axis, and the points drawn of the site line.
  std::pair<double, double> visibleRange() const;
  int sitePoints() const;
  int chargePoints() const;  // 0 without a battery

 signals:
  void profileShown();

 private:
  void start();
  void finished();
  void showState();  // the chart and figures for profile_, or the message
  void refill();     // the series for the visible window, each column's lowest and highest sample
  double jobStart() const;

  struct Request {
    EvaluatedDesign evaluated;
    training::Estimate estimate;
    std::string gpu;
  };
  std::optional<Request> request_;  // the latest design with an estimate; none without one
  bool stale_ = false;              // request_ not yet computed
  bool onScreen_ = false;
  int generation_ = 0;  // counts showDesign calls: a result for an older one is dropped
  int computing_ = -1;  // the generation the running or last job was started for
  struct Made {
    std::optional<dynamics::PowerProfile> profile;
    std::string error;  // what stopped it (an exception in the model)
  };
  QFutureWatcher<Made> watcher_;
  std::optional<dynamics::PowerProfile> profile_;

  QLabel* figures_;
  QLabel* message_;
  QChartView* view_;
  QChart* chart_;
  QLineSeries* site_;
  QLineSeries* grid_;
  QLineSeries* charge_;
  QValueAxis* time_;
  QValueAxis* power_;
  QValueAxis* percent_;
  QTimer* refill_;
  std::vector<QToolButton*> spans_;
};

}  // namespace gigaplan::app
