// Runs the parallelism search (training::searchPlans) off the GUI thread, reporting progress and
// stopping when asked; only one search at a time.
//
//   PlanSearch search;
//   connect(&search, &PlanSearch::progress, dialog, ...);
//   connect(&search, &PlanSearch::finished, this, [&] { use(search.result()); });
//   search.start(job, cluster, gpu);   ...   search.cancel();
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <atomic>

#include "core/training/search.h"

namespace gigaplan::app {

class PlanSearch : public QObject {
  Q_OBJECT
 public:
  explicit PlanSearch(QObject* parent = nullptr);
  ~PlanSearch() override;

  /// Starts a search for the best `top` plans by `rank` (cost at `prices`); false when one is
  /// already running.
  bool start(const training::Job& job, const training::Cluster& cluster, const training::GpuParams& gpu,
             std::size_t top = 10, training::RankBy rank = training::RankBy::Days, training::Prices prices = {});
  void cancel() { stop_ = true; }
  bool running() const { return watcher_.isRunning(); }
  const training::SearchResult& result() const { return result_; }
  double seconds() const { return seconds_; }

 signals:
  void progress(qulonglong done, qulonglong total);
  void finished(bool cancelled);

 private:
  QFutureWatcher<training::SearchResult> watcher_;
  std::atomic<bool> stop_{false};
  std::atomic<int> lastPercent_{-1};
  training::SearchResult result_;
  double seconds_ = 0;
  qint64 startedMs_ = 0;
};

}  // namespace gigaplan::app
