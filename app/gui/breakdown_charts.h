// The dashboard's two charts (Qt Charts): where the facility's power goes (IT, network, cooling,
// conversion losses) as a donut, and where a training step's time goes (compute, exposed
// communication, pipeline bubble, optimizer) as one bar per part. Both follow the app theme.
#pragma once

#include <QChartView>

#include "core/power/power_analysis.h"
#include "core/training/step_model.h"

class QPieSeries;
class QHorizontalBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace gigaplan::app {

class PowerChart : public QChartView {
  Q_OBJECT
 public:
  explicit PowerChart(QWidget* parent = nullptr);
  void show(const power::PowerResult& power);
  void setDark(bool dark);
  /// Watts of one slice ("IT", "Network", "Cooling", "Losses"), for tests.
  double slice(const QString& name) const;

 private:
  QPieSeries* series_;
};

class StepChart : public QChartView {
  Q_OBJECT
 public:
  explicit StepChart(QWidget* parent = nullptr);
  /// Shows the breakdown; an empty breakdown (total 0) clears the chart.
  void show(const training::StepBreakdown& step);
  void setDark(bool dark);
  /// Parts of the step shown (those that take time).
  int parts() const;

 private:
  QHorizontalBarSeries* series_;
  QBarCategoryAxis* names_;
  QValueAxis* seconds_;
};

}  // namespace gigaplan::app
