// Background evaluation, newest request wins (see evaluation_runner.h).
#include "app/document/evaluation_runner.h"

#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

namespace gigaplan::app {

EvaluationRunner::EvaluationRunner(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcher<EvaluatedDesign>::finished, this, [this] {
    running_ = false;
    EvaluatedDesign result = watcher_.result();
    if (pending_) {
      startNext();  // a newer design arrived meanwhile: this result is already stale
      return;
    }
    latest_ = std::move(result);
    emit finished(latest_);
  });
}

EvaluationRunner::~EvaluationRunner() {
  watcher_.waitForFinished();
}

void EvaluationRunner::request(std::shared_ptr<const design::ResolvedDesign> design) {
  pending_ = std::move(design);
  if (!running_) startNext();
}

void EvaluationRunner::startNext() {
  auto design = std::move(pending_);
  pending_.reset();
  running_ = true;
  watcher_.setFuture(QtConcurrent::run([design] { return evaluateNow(design); }));
}

EvaluatedDesign EvaluationRunner::evaluateNow(std::shared_ptr<const design::ResolvedDesign> design) {
  const auto start = std::chrono::steady_clock::now();
  EvaluatedDesign out;
  out.evaluation =
      std::make_shared<const engine::Evaluation>(engine::evaluate(design->design, design->layout, *design->catalog));
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.design = std::move(design);
  return out;
}

}  // namespace gigaplan::app
