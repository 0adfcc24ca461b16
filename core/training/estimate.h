// The training estimate for one job on one cluster: step time and breakdown, throughput, MFU/HFU,
// memory per GPU, training days, GPU-hours, facility energy and goodput.
//
//   GpuParams gpu = resolveGpu(*cat.gpu(cluster.gpu), cluster);
//   Estimate e = estimate(job, cluster, gpu);      // job.parallelism must be explicit
//   e.tokensPerSecond, e.mfu, e.memory.fits, e.effectiveTrainingDays ...
#pragma once

#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/training/goodput.h"
#include "core/training/gpu_params.h"
#include "core/training/job.h"
#include "core/training/memory.h"
#include "core/training/step_model.h"

namespace gigaplan::training {

struct Estimate {
  Job job;           // the plan evaluated
  int gpusUsed = 0;  // tp · pp · dp · cp
  StepBreakdown step;
  MemoryBreakdown memory;
  double tokensPerSecond = 0;
  double modelFlopsPerToken = 0;     // FlopConvention::Model
  double tflopsPerGpu = 0;           // model TFLOP/s per GPU
  double mfu = 0;                    // model FLOP/s over the dense peak of the precision used
  double hfu = 0;                    // executed FLOP/s (recompute included) over the same peak
  double trainingDays = 0;           // compute time for the tokens, no interruptions
  double effectiveTrainingDays = 0;  // wall time with checkpoints, failures and restarts
  double gpuHours = 0;               // gpusUsed × effective wall time
  double powerPerGpu = 0;            // W of IT load per GPU incl. host and network share
  double pue = 1;                    // used for the facility energy (1 when the cluster gives none)
  double itEnergyMwh = 0;
  double energyMwh = 0;  // facility energy = IT × PUE over the effective wall time
  Goodput reliability;
  std::vector<std::string> notes;  // assumptions and defaults that apply to this estimate
  // Warnings a planner must see (core/training/plan_findings.h): a batch too small for the plan;
  // on a design's cluster, also the GPU types the job leaves idle (addIdleGpuFindings).
  std::vector<engine::Finding> findings;
};

/// Estimate for an explicit plan.
Estimate estimate(const Job& job, const Cluster& cluster, const GpuParams& gpu);

/// What the search ranks: step time, wall-clock days and energy (the same formulas as
/// estimate()), memory; no allocation.
struct PlanScore {
  double stepTime = 0;
  double energyPerStep = 0;  // J of IT energy
  double days = 0;           // effectiveTrainingDays
  double gpuHours = 0;
  double energyMwh = 0;  // facility energy
  double memory = 0;     // bytes per GPU
  bool fits = false;
};
PlanScore scorePlan(const Job& job, const Cluster& cluster, const GpuParams& gpu);

/// IT power per GPU: the cluster's figure, else TDP × the GPU type's it_power_per_tdp.
double itPowerPerGpu(const Cluster& cluster, const GpuParams& gpu);

}  // namespace gigaplan::training
