// The dashboard: the headline numbers of the current evaluation — GPUs, peak PFLOP/s by
// precision, bisection bandwidth, IT and facility power, PUE, sources, cooling, largest failure
// domain — and, when the design has a job, training days, goodput, step time and MFU; with a
// power breakdown chart and a step-time breakdown chart. Numbers are grouped by discipline.
#pragma once

#include <QScrollArea>
#include <map>
#include <vector>

#include "app/document/evaluation_runner.h"
#include "app/gui/job/job_estimate.h"

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace gigaplan::app {

class PowerChart;
class StepChart;

class MetricsPanel : public QScrollArea {
  Q_OBJECT
 public:
  explicit MetricsPanel(QWidget* parent = nullptr);
  void show(const EvaluatedDesign& result);
  /// Training figures for the design's job (hidden when the design has none).
  void showJob(const JobOutlook& outlook);
  /// The text of one metric row (for tests): "GPUs" → "576".
  QString value(const QString& name) const;
  void setDark(bool dark);
  PowerChart& powerChart() { return *powerChart_; }
  StepChart& stepChart() { return *stepChart_; }

 private:
  QFormLayout* section(const QString& title, QVBoxLayout* into);
  QLabel* row(const QString& name) const;
  QWidget* buildTiles();
  void setTile(int i, const QString& caption, const QString& value);

  std::map<QString, QLabel*> labels_;
  std::vector<std::pair<QLabel*, QLabel*>> tiles_;  // caption, value: the headline figures
  QString bisection_;
  QWidget* training_;
  PowerChart* powerChart_;
  StepChart* stepChart_;
};

}  // namespace gigaplan::app
