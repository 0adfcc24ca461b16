// The headline numbers of the current evaluation: GPUs, peak PFLOP/s by precision, bisection
// bandwidth, IT and facility power, PUE, source headroom, cooling, largest failure domain.
#pragma once

#include <QWidget>

#include "app/document/evaluation_runner.h"

class QFormLayout;
class QLabel;

namespace gigaplan::app {

class MetricsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit MetricsPanel(QWidget* parent = nullptr);
  void show(const EvaluatedDesign& result);
  /// The text of one metric row (for tests): "GPUs" → "576".
  QString value(const QString& name) const;

 private:
  QLabel* row(const QString& name);
  QFormLayout* form_;
  std::map<QString, QLabel*> labels_;
};

}  // namespace gigaplan::app
