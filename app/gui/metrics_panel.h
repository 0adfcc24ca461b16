// The dashboard: the headline numbers of the current evaluation — GPUs, peak PFLOP/s by
// precision, bisection bandwidth, IT and facility power, PUE, sources, cooling, largest failure
// domain — and, when the design has a job, training days, goodput, step time and MFU; with a
// power breakdown chart and a step-time breakdown chart. Numbers are grouped by discipline.
// With "Ranges" on, a Monte Carlo over the catalog's grades (core/report/uncertainty.h, 1,000
// samples) runs in the background after each evaluation, and the tiles show their P10–P90 band on
// hover and in a line beneath them.
#pragma once

#include <QFutureWatcher>
#include <QScrollArea>
#include <map>
#include <optional>
#include <vector>

#include "app/document/evaluation_runner.h"
#include "app/gui/job/job_estimate.h"
#include "core/report/uncertainty.h"

class QFormLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace gigaplan::app {

class PowerChart;
class StepChart;

class MetricsPanel : public QScrollArea {
  Q_OBJECT
 public:
  explicit MetricsPanel(QWidget* parent = nullptr);
  ~MetricsPanel() override;
  void show(const EvaluatedDesign& result);
  /// Training figures for the design's job (hidden when the design has none).
  void showJob(const JobOutlook& outlook);
  /// The text of one metric row (for tests): "GPUs" → "576".
  QString value(const QString& name) const;
  void setDark(bool dark);
  PowerChart& powerChart() { return *powerChart_; }
  StepChart& stepChart() { return *stepChart_; }
  /// Ranges from the catalog's grades: on, each evaluation's Monte Carlo runs in the background.
  void setRangesShown(bool on);
  QToolButton& rangesButton() { return *rangesButton_; }
  /// For tests: the bands on screen (none while off, computing or after an edit), the tile's tooltip.
  const report::Uncertainty* ranges() const { return ranges_ ? &*ranges_ : nullptr; }
  bool rangesBusy() const { return rangesWatcher_.isRunning(); }
  QString tileToolTip(int tile) const;
  QString rangesText() const;
  /// Samples each Monte Carlo draws (1,000; tests use fewer).
  void setRangeSamples(int samples) { rangeSamples_ = samples; }

 signals:
  void rangesShown();

 private:
  QFormLayout* section(const QString& title, QVBoxLayout* into);
  QLabel* row(const QString& name) const;
  QWidget* buildTiles();
  void setTile(int i, const QString& caption, const QString& value);
  void startRanges();
  void rangesFinished();
  void applyRanges();

  std::map<QString, QLabel*> labels_;
  std::vector<std::pair<QLabel*, QLabel*>> tiles_;  // caption, value: the headline figures
  QString bisection_;
  QWidget* training_;
  PowerChart* powerChart_;
  StepChart* stepChart_;
  QToolButton* rangesButton_ = nullptr;
  QLabel* rangesLabel_ = nullptr;
  std::shared_ptr<const design::ResolvedDesign> latest_;  // the design on screen
  bool rangesStale_ = false;
  int rangeSamples_ = 1000;
  QFutureWatcher<report::Uncertainty> rangesWatcher_;
  std::shared_ptr<const design::ResolvedDesign> rangesFor_;  // the design the running one is for
  std::optional<report::Uncertainty> ranges_;
};

}  // namespace gigaplan::app
