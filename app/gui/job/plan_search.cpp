// Background parallelism search (see plan_search.h).
#include "app/gui/job/plan_search.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>
#include <thread>

namespace gigaplan::app {

PlanSearch::PlanSearch(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcher<training::SearchResult>::finished, this, [this] {
    result_ = watcher_.result();
    seconds_ = (QDateTime::currentMSecsSinceEpoch() - startedMs_) / 1000.0;
    emit finished(result_.cancelled);
  });
}

PlanSearch::~PlanSearch() {
  stop_ = true;
  watcher_.waitForFinished();
}

bool PlanSearch::start(const training::Job& job, const training::Cluster& cluster, const training::GpuParams& gpu,
                       std::size_t top, training::RankBy rank, training::Prices prices) {
  if (running()) return false;
  stop_ = false;
  lastPercent_ = -1;
  startedMs_ = QDateTime::currentMSecsSinceEpoch();
  watcher_.setFuture(QtConcurrent::run([this, job, cluster, gpu, top, rank, prices] {
    training::SearchOptions o;
    o.top = top;
    o.rank = rank;
    o.prices = prices;
    o.cancel = &stop_;
    // Leave a core to the GUI so the window stays responsive while the search runs.
    const unsigned cores = std::thread::hardware_concurrency();
    o.threads = cores > 1 ? cores - 1 : 1;
    o.progress = [this](std::size_t done, std::size_t total) {
      const int percent = total ? static_cast<int>(100 * done / total) : 0;
      if (percent == lastPercent_.exchange(percent)) return;  // at most a hundred updates
      QMetaObject::invokeMethod(
          this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
    };
    return training::searchPlans(job, cluster, gpu, o);
  }));
  return true;
}

}  // namespace gigaplan::app
