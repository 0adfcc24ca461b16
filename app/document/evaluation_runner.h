// Evaluates the document off the GUI thread: each request supersedes the ones before it, and only
// the newest finished result is announced, so a burst of edits costs one evaluation on screen.
//
//   EvaluationRunner runner;
//   connect(&doc, &Document::changed, [&] { runner.request(doc.resolved()); });
//   connect(&runner, &EvaluationRunner::finished, dashboard, &Dashboard::show);
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::app {

struct EvaluatedDesign {
  std::shared_ptr<const design::ResolvedDesign> design;
  std::shared_ptr<const engine::Evaluation> evaluation;
  double seconds = 0;  // wall time of evaluate()
};

class EvaluationRunner : public QObject {
  Q_OBJECT
 public:
  explicit EvaluationRunner(QObject* parent = nullptr);
  ~EvaluationRunner() override;

  void request(std::shared_ptr<const design::ResolvedDesign> design);
  /// Evaluates on the calling thread (command line, tests, first frame of small designs).
  static EvaluatedDesign evaluateNow(std::shared_ptr<const design::ResolvedDesign> design);

  const EvaluatedDesign& latest() const { return latest_; }
  bool busy() const { return running_; }

 signals:
  void finished(const gigaplan::app::EvaluatedDesign& result);

 private:
  void startNext();

  std::shared_ptr<const design::ResolvedDesign> pending_;
  QFutureWatcher<EvaluatedDesign> watcher_;
  EvaluatedDesign latest_;
  bool running_ = false;
};

}  // namespace gigaplan::app

Q_DECLARE_METATYPE(gigaplan::app::EvaluatedDesign)
