// What a planner must see about a training estimate beyond its numbers, as findings:
//
//   training.idle-gpu-type   warning  The site has GPUs of a type the job does not use: the training
//                                     model maps a job onto one GPU type (the site's most numerous),
//                                     so every GPU of another type sits idle. One finding per idle
//                                     type; object = the GPU type id, value = idle GPUs, limit = 0.
//   training.does-not-fit    error    The plan needs more memory per GPU than the GPU has (weights,
//                                     gradients, optimizer state, activations and buffers on the busiest
//                                     pipeline rank). value = bytes needed, limit = the GPU's HBM.
//   training.batch-too-small warning  The global batch leaves the plan far below the MFU its own
//                                     shape reaches with a large batch (pipeline bubble and
//                                     unamortised gradient reduction). Rule: warn when the plan runs
//                                     at less than kSensibleBatchShare (80 %) of its large-batch MFU;
//                                     the message names the smallest global batch (same TP, PP, DP,
//                                     CP, EP, virtual stages and micro-batch; only the number of
//                                     micro-batches grows) that reaches that share. value = MFU,
//                                     limit = kSensibleBatchShare × the large-batch MFU.
//   training.low-goodput     warning  Interruptions and restarts leave the job training less than
//                                     kLowGoodput (80 %) of the wall time. The message gives the
//                                     interruptions a day and the restart, and whether the restart
//                                     is the assumed one (training.restart). value = goodput,
//                                     limit = kLowGoodput.
//   training.storage-assumed info     The site states no checkpoint storage, so the estimate assumes
//                                     kAssumedStoragePerGpu per GPU: that storage's racks, power
//                                     and cooling are in none of the site's figures. value = the
//                                     bandwidth assumed (B/s).
//   training.published-gap   warning  Published runs of the job's model on its GPU and precision are
//                                     known gaps of the validation (core/training/validation.h:
//                                     publishedGapFindings, added by whoever estimates a design's job).
//
//   Estimate e = estimate(job, cluster, gpu);                  // batch finding included
//   addIdleGpuFindings(e, engine::idleGpuTypes(eval), cluster);  // on a design's cluster
//   for (const engine::Finding& f : e.findings) std::cout << f.message << '\n';
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/training/goodput.h"
#include "core/training/gpu_params.h"
#include "core/training/job.h"
#include "core/training/memory.h"

namespace gigaplan::training {

/// GPUs of one type (and scale-up domain size) on a site that a job does not use.
struct IdleGpus {
  std::string gpu;  // catalog GPU id
  long long count = 0;
  int scaleUpSize = 0;  // GPUs per scale-up domain
};

/// A plan reaching less than this share of its large-batch MFU has a batch too small for it.
inline constexpr double kSensibleBatchShare = 0.8;
/// A job training less than this share of its wall time loses more than a fifth of it to failures.
inline constexpr double kLowGoodput = 0.8;
/// "Large batch": this many micro-batches per pipeline (bubble and gradient reduction ≈ 0).
inline constexpr int kLargeBatchMicroBatches = 1 << 16;

struct BatchAdvice {
  double share = 1;  // this batch's MFU over the plan's large-batch MFU
  double largeBatchMfu = 0;
  int sensibleBatch = 0;  // smallest global batch reaching kSensibleBatchShare (sequences); 0 = none below 2^31
};

/// How far the job's batch holds its plan below the plan's large-batch MFU, and the smallest batch
/// that reaches kSensibleBatchShare. `mfu` is the job's MFU (Estimate::mfu).
BatchAdvice batchAdvice(const Job& job, const Cluster& cluster, const GpuParams& gpu, double mfu);

/// training.low-goodput when `g` leaves the job training less than kLowGoodput of its wall time.
std::vector<engine::Finding> goodputFindings(const Goodput& g);

/// training.batch-too-small for an explicit plan whose MFU is `mfu` (empty when the batch is
/// sensible). estimate() adds it to Estimate::findings.
std::vector<engine::Finding> batchFindings(const Job& job, const Cluster& cluster, const GpuParams& gpu, double mfu);

/// training.does-not-fit for a plan whose memory per GPU is `m` (m.fits false). estimate() adds it
/// to Estimate::findings, first.
engine::Finding memoryFinding(const MemoryBreakdown& m);

/// training.idle-gpu-type, one per entry of `idle` (the site's GPUs outside `cluster`). The
/// cluster a design offers and its idle GPUs come from the design's evaluation (core/report/
/// training_plan.h); whoever estimates on it adds these with addIdleGpuFindings.
std::vector<engine::Finding> idleGpuFindings(const std::vector<IdleGpus>& idle, const Cluster& cluster);
template <class Estimate>
void addIdleGpuFindings(Estimate& e, const std::vector<IdleGpus>& idle, const Cluster& cluster) {
  const auto f = idleGpuFindings(idle, cluster);
  e.findings.insert(e.findings.begin(), f.begin(), f.end());  // first: they change what the numbers mean
}

}  // namespace gigaplan::training
