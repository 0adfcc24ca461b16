// The best plans a search found, in the search's ranking (days by default), with their step time,
// MFU, memory per GPU, training days, energy (and cost when ranked by cost) on this site; "Apply"
// writes the chosen one into the design.
#pragma once

#include <QDialog>
#include <vector>

#include "core/training/estimate.h"
#include "core/training/search.h"

class QTableWidget;

namespace gigaplan::app {

class PlanChooser : public QDialog {
  Q_OBJECT
 public:
  PlanChooser(const training::SearchResult& result, const training::Cluster& cluster, const training::GpuParams& gpu,
              QWidget* parent = nullptr);
  /// Row 0 is the best plan.
  const std::vector<training::Estimate>& plans() const { return plans_; }
  int chosen() const;
  QTableWidget& table() { return *table_; }

 signals:
  void apply(const training::Job& plan);

 private:
  std::vector<training::Estimate> plans_;
  QTableWidget* table_;
};

/// "days to train with failures, then energy" …: what a ranking puts first, for labels.
QString rankLabel(training::RankBy rank);

}  // namespace gigaplan::app
