// Training findings: idle GPU types and a batch too small for its plan (see plan_findings.h).
#include "core/training/plan_findings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/thousands.h"
#include "core/training/step_model.h"
#include "core/units/units.h"

namespace gigaplan::training {
namespace {

using base::thousands;

std::string wholePercent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100 * fraction);
  return buf;
}

// Seconds per sequence with `microBatches` micro-batches per pipeline (the plan otherwise unchanged).
double secondsPerSequence(Job job, const Cluster& cluster, const GpuParams& gpu, long long microBatches) {
  const Parallelism& p = job.parallelism;
  job.training.globalBatch = static_cast<int>(microBatches * p.dp * job.training.microBatch);
  return stepTime(job, gpu, cluster).total / job.training.globalBatch;
}

}  // namespace

BatchAdvice batchAdvice(const Job& job, const Cluster& cluster, const GpuParams& gpu, double mfu) {
  BatchAdvice a;
  const Parallelism& p = job.parallelism;
  const long long perMicroBatch = 1LL * p.dp * job.training.microBatch;  // sequences per micro-batch round
  if (perMicroBatch <= 0 || job.training.globalBatch <= 0) return a;
  const long long current = job.training.globalBatch / perMicroBatch;
  // Interleaved schedules need whole rounds of pp micro-batches.
  const long long unit = p.virtualStages > 1 ? std::max(1, p.pp) : 1;
  constexpr long long kMaxBatch = 1LL << 30;
  const long long large = std::min<long long>(kLargeBatchMicroBatches, kMaxBatch / perMicroBatch) / unit * unit;
  if (current <= 0 || large <= current) return a;
  const double best = secondsPerSequence(job, cluster, gpu, large);
  const double now = secondsPerSequence(job, cluster, gpu, current);
  if (!(best > 0) || !(now > 0) || !std::isfinite(best) || !std::isfinite(now)) return a;
  a.share = std::min(1.0, best / now);
  a.largeBatchMfu = a.share > 0 ? mfu / a.share : 0;
  // The smallest multiple of `unit` micro-batches reaching the sensible share: the share grows with
  // the micro-batch count (bubble and gradient reduction are amortised), so bisect.
  auto reaches = [&](long long m) { return best / secondsPerSequence(job, cluster, gpu, m) >= kSensibleBatchShare; };
  if (!reaches(large)) return a;
  long long lo = current / unit, hi = large / unit;  // lo fails or is the current batch, hi reaches
  if (lo < 1) lo = 1;
  if (reaches(lo * unit)) {
    hi = lo;
  } else {
    while (hi - lo > 1) {
      const long long mid = lo + (hi - lo) / 2;
      (reaches(mid * unit) ? hi : lo) = mid;
    }
  }
  a.sensibleBatch = static_cast<int>(hi * unit * perMicroBatch);
  return a;
}

std::vector<engine::Finding> goodputFindings(const Goodput& g) {
  using units::Dimension;
  std::vector<engine::Finding> out;
  if (g.storageAssumed && g.storageBandwidth > 0)
    out.push_back(engine::makeFinding(
        engine::Severity::Info, "", "training.storage-assumed",
        "the site states no checkpoint storage (storage racks, site.storage_bandwidth): the estimate assumes " +
            units::formatByteRate(g.storageBandwidth) + " (" + units::formatByteRate(kAssumedStoragePerGpu) +
            " per GPU, as Llama 3's storage), whose racks, power and cooling are in none of the site's figures",
        g.storageBandwidth, 0));
  if (!(g.goodput < kLowGoodput)) return out;
  const std::string rate = interruptionRateText(g, " interruptions a day");
  out.push_back(engine::makeFinding(
      engine::Severity::Warning, "", "training.low-goodput",
      "the job trains " + wholePercent(g.goodput) + " of its wall time: " + rate +
          ", each stopping the whole job for a " + units::format(g.restart - g.checkpointWrite, Dimension::Time) +
          " restart" +
          (g.restartAssumed ? " (assumed; set training.restart to the recovery the site's software achieves)" : "") +
          ", plus the checkpoint read and the work since the last checkpoint" +
          (g.mtbf < 3 * g.restart
               ? std::string("; with interruptions this close, many cut a restart short (it then starts again), so "
                             "their count times the restart overstates the time they cost")
               : std::string()) +
          "; faster recovery or a smaller job raise it",
      g.goodput, kLowGoodput));
  return out;
}

std::vector<engine::Finding> idleGpuFindings(const std::vector<IdleGpus>& idleTypes, const Cluster& cluster) {
  std::vector<engine::Finding> out;
  for (const IdleGpus& idle : idleTypes) {
    if (idle.count <= 0) continue;
    const bool sameType = idle.gpu == cluster.gpu;
    out.push_back(engine::makeFinding(
        engine::Severity::Warning, idle.gpu, "training.idle-gpu-type",
        thousands(idle.count) + " " + idle.gpu + " GPU" + (idle.count == 1 ? "" : "s") +
            (sameType ? " in scale-up domains of " + std::to_string(idle.scaleUpSize) : std::string()) +
            (idle.count == 1 ? " sits" : " sit") + " idle: the training model maps a job onto one GPU type" +
            (sameType ? " and one scale-up domain size" : "") + ", and this job runs on the site's " +
            thousands(cluster.count) + " " + cluster.gpu + " (the most numerous)",
        static_cast<double>(idle.count), 0));
  }
  return out;
}

engine::Finding memoryFinding(const MemoryBreakdown& m) {
  auto gib = [](double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", bytes / units::kGiB);
    return base::groupThousands(buf) + " GiB";
  };
  return engine::makeFinding(engine::Severity::Error, "", "training.does-not-fit",
                             "the parallel plan does not fit in GPU memory: it needs " + gib(m.total) + " per GPU of " +
                                 gib(m.capacity) + " (weights " + gib(m.weights) + ", gradients " + gib(m.gradients) +
                                 ", optimizer " + gib(m.optimizer) + ", activations " + gib(m.activations) +
                                 "); shard the optimizer, recompute activations, or add pipeline or tensor stages",
                             m.total, m.capacity);
}

std::vector<engine::Finding> batchFindings(const Job& job, const Cluster& cluster, const GpuParams& gpu, double mfu) {
  std::vector<engine::Finding> out;
  const BatchAdvice a = batchAdvice(job, cluster, gpu, mfu);
  if (a.share < kSensibleBatchShare) {
    const long long seq = job.model.seqLen;
    std::string advice;
    if (a.sensibleBatch > 0) {
      char tokens[32];
      std::snprintf(tokens, sizeof tokens, "%.1f", static_cast<double>(a.sensibleBatch) * seq / 1e6);
      advice = "; a global batch of " + thousands(a.sensibleBatch) + " sequences (" + tokens + " M tokens) reaches " +
               wholePercent(kSensibleBatchShare) + " of it with this plan, if convergence allows";
    } else {
      advice = "; no batch up to 2^30 sequences reaches " + wholePercent(kSensibleBatchShare) + " of it with this plan";
    }
    out.push_back(engine::makeFinding(
        engine::Severity::Warning, "", "training.batch-too-small",
        "the global batch of " + thousands(job.training.globalBatch) + " sequences is too small for this plan on " +
            thousands(1LL * job.parallelism.tp * job.parallelism.pp * job.parallelism.dp * job.parallelism.cp) +
            " GPUs: MFU " + wholePercent(mfu) + ", " + wholePercent(a.share) + " of the " +
            wholePercent(a.largeBatchMfu) +
            " the same plan reaches with a large batch (pipeline bubble and gradient reduction)" + advice,
        mfu, kSensibleBatchShare * a.largeBatchMfu));
  }
  return out;
}

}  // namespace gigaplan::training
