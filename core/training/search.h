// Parallelism search: every valid plan for a model on a cluster (TP inside a scale-up domain and
// dividing the heads, PP dividing the layers, virtual stages, CP, EP dividing the experts, DP for
// the rest, micro-batch, recompute mode, sequence parallelism, optimizer sharding), evaluated on
// all cores; plans that do not fit in HBM are dropped; the rest ranked by time, then energy.
//
//   std::atomic<bool> stop{false};
//   SearchOptions o;  o.top = 5;  o.cancel = &stop;
//   o.progress = [](std::size_t done, std::size_t total) { ... };   // called on this thread
//   SearchResult r = searchPlans(job, cluster, gpu, o);
//   if (!r.best.empty()) Estimate e = estimate(r.best[0].job, cluster, gpu);
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "core/training/gpu_params.h"
#include "core/training/job.h"

namespace gigaplan::training {

struct SearchOptions {
  std::size_t top = 10;                // plans kept
  unsigned threads = 0;                // 0 = std::thread::hardware_concurrency()
  int maxMicroBatch = 16;              // micro-batches tried: powers of two up to this
  int maxContextParallel = 16;         // context-parallel sizes tried: powers of two up to this
  int minTokensPerContextRank = 1024;  // keep at least this many tokens of a sequence per CP rank
  std::function<void(std::size_t done, std::size_t total)> progress;  // on the calling thread
  const std::atomic<bool>* cancel = nullptr;
};

struct RankedPlan {
  Job job;                   // the base job with this plan (parallelism.automatic = false)
  double stepTime = 0;       // s
  double energyPerStep = 0;  // J of IT energy
  double memoryPerGpu = 0;   // bytes
  int gpusUsed = 0;
  std::size_t index = 0;  // enumeration order, the last tie-break (results do not depend on threads)
};

struct SearchResult {
  std::vector<RankedPlan> best;  // fastest first; within 0.1 % of time: less energy, then less memory
  std::size_t candidates = 0;    // valid plans enumerated
  std::size_t evaluated = 0;
  std::size_t fitting = 0;  // of those evaluated, plans that fit in HBM
  bool cancelled = false;
};

/// Every valid plan for `base`'s model and batch on `cluster` (job.parallelism is ignored).
std::vector<Job> enumeratePlans(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                                const SearchOptions& options = {});

SearchResult searchPlans(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                         const SearchOptions& options = {});

}  // namespace gigaplan::training
