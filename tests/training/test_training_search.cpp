// Parallelism search: only valid plans are enumerated, what does not fit is dropped, the ranking
// is by time then energy, results do not depend on the thread count, and progress and cancel work.
#include <QtTest>

#include <algorithm>

#include "core/training/estimate.h"
#include "core/training/search.h"
#include "training_fixtures.h"

using namespace gigaplan::training;
using namespace gigaplan::training::test;

class TestTrainingSearch : public QObject {
  Q_OBJECT

 private slots:
  void enumeratesOnlyValidPlans() {
    const Job base = gptJob(24, 2304, 24, 1, 1, 1, 512);
    const Cluster c = a100Cluster(64);
    const auto plans = enumeratePlans(base, c, a100());
    QVERIFY(plans.size() > 100);
    bool sawPipeline = false, sawInterleaved = false, sawContext = false, sawFsdp = false;
    for (const Job& j : plans) {
      const Parallelism& p = j.parallelism;
      QVERIFY(!p.automatic);
      QVERIFY(p.tp <= 8 && 24 % p.tp == 0);      // TP inside the NVLink domain, dividing the heads
      QVERIFY(24 % p.pp == 0);                   // PP divides the layers
      QVERIFY(p.tp * p.pp * p.dp * p.cp <= 64);  // DP for the rest
      QCOMPARE(512 % (p.dp * j.training.microBatch), 0);
      QVERIFY(p.virtualStages == 1 || (p.pp > 1 && (24 / p.pp) % p.virtualStages == 0));
      QVERIFY(!p.sequenceParallel || p.tp > 1);
      sawPipeline |= p.pp > 1;
      sawInterleaved |= p.virtualStages > 1;
      sawContext |= p.cp > 1;
      sawFsdp |= p.fsdp;
    }
    QVERIFY(sawPipeline && sawInterleaved && sawContext && sawFsdp);
  }

  void expertParallelOnlyForMoe() {
    Job moe = gptJob(8, 1024, 16, 1, 1, 1, 256);
    moe.model.moe = {8, 2, 4096};
    bool sawEp = false;
    for (const Job& j : enumeratePlans(moe, a100Cluster(64), a100())) {
      QCOMPARE(8 % j.parallelism.ep, 0);
      QCOMPARE((j.parallelism.dp * j.parallelism.cp) % j.parallelism.ep, 0);
      sawEp |= j.parallelism.ep > 1;
    }
    QVERIFY(sawEp);
    for (const Job& j : enumeratePlans(gptJob(8, 1024, 16, 1, 1, 1, 256), a100Cluster(64), a100())) {
      QCOMPARE(j.parallelism.ep, 1);
    }
  }

  void ranksFittingPlansByTime() {
    const Job base = gptJob(40, 6144, 48, 1, 1, 1, 1024);  // 18.4B on 256 GPUs
    const Cluster c = a100Cluster(256);
    const GpuParams g = a100();
    SearchOptions o;
    o.top = 20;
    const SearchResult r = searchPlans(base, c, g, o);
    QCOMPARE(r.best.size(), std::size_t(20));
    QCOMPARE(r.evaluated, r.candidates);
    QVERIFY(r.fitting < r.candidates);  // some plans (TP1, no recompute) do not fit
    for (std::size_t i = 0; i < r.best.size(); ++i) {
      const Estimate e = estimate(r.best[i].job, c, g);
      QVERIFY(e.memory.fits);
      QVERIFY(std::fabs(e.step.total - r.best[i].stepTime) < 1e-12);
      if (i > 0) QVERIFY(r.best[i - 1].stepTime <= r.best[i].stepTime * 1.001);
    }
    // The winner beats the published Megatron plan for this model (TP8, full recompute, 2021 kernels).
    Job published = gptJob(40, 6144, 48, 8, 1, 32, 1024, 8);
    published.parallelism.recompute = Recompute::Full;
    published.training.flashAttention = false;
    QVERIFY(r.best.front().stepTime < estimate(published, c, g).step.total);
  }

  void resultsDoNotDependOnThreads() {
    const Job base = gptJob(30, 3072, 32, 1, 1, 1, 512);
    const Cluster c = a100Cluster(64);
    SearchOptions one, four;
    one.threads = 1;
    four.threads = 4;
    one.top = four.top = 8;
    const SearchResult a = searchPlans(base, c, a100(), one);
    const SearchResult b = searchPlans(base, c, a100(), four);
    QCOMPARE(a.best.size(), b.best.size());
    for (std::size_t i = 0; i < a.best.size(); ++i) QVERIFY(a.best[i].job == b.best[i].job);
  }

  void reportsProgressAndStopsOnCancel() {
    const Job base = gptJob(96, 12288, 96, 1, 1, 1, 1536);
    const Cluster c = a100Cluster(1024);
    SearchOptions o;
    std::size_t lastDone = 0, lastTotal = 0;
    int calls = 0;
    o.progress = [&](std::size_t done, std::size_t total) {
      ++calls;
      QVERIFY(done >= lastDone);
      lastDone = done;
      lastTotal = total;
    };
    const SearchResult full = searchPlans(base, c, a100(), o);
    QVERIFY(calls >= 1);
    QCOMPARE(lastDone, full.candidates);
    QCOMPARE(lastTotal, full.candidates);

    std::atomic<bool> stop{true};
    o.cancel = &stop;
    lastDone = 0;
    const SearchResult cancelled = searchPlans(base, c, a100(), o);
    QVERIFY(cancelled.cancelled);
    QCOMPARE(cancelled.evaluated, std::size_t(0));
    QVERIFY(cancelled.best.empty());
  }

  void leavesGpusIdleWhenTheBatchDoesNotSplit() {
    // 5,128 = 8 × 641 GPUs and a batch of 2,520: no plan uses every GPU, the search still finds
    // the largest data-parallel size that splits the batch.
    Job base = gptJob(105, 20480, 128, 1, 1, 1, 2520);
    const Cluster c = a100Cluster(5128);
    const SearchResult r = searchPlans(base, c, a100(), {});
    QVERIFY(!r.best.empty());
    const Parallelism& p = r.best.front().job.parallelism;
    QVERIFY(r.best.front().gpusUsed <= 5128 && r.best.front().gpusUsed > 4500);
    QCOMPARE(2520 % (p.dp * r.best.front().job.training.microBatch), 0);
  }
};

QTEST_APPLESS_MAIN(TestTrainingSearch)
#include "test_training_search.moc"
