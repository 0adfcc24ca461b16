// Time of one training step (one global batch) for a parallel plan, with its breakdown on the
// critical path: compute (forward, backward, recomputation), exposed tensor/context/expert
// parallel communication, the pipeline bubble and point-to-point transfers, the exposed
// data-parallel gradient reduction, and the optimizer step.
//
//   StepBreakdown b = stepTime(job, gpu, cluster);
//   double tokensPerSecond = job.training.globalBatch * job.model.seqLen / b.total;
#pragma once

#include <array>

#include "core/training/gpu_params.h"
#include "core/training/job.h"

namespace gigaplan::training {

struct StepBreakdown {  // seconds per step on the busiest pipeline stage
  double forward = 0, backward = 0, recompute = 0;
  double tensorParallel = 0;   // exposed TP collectives (all-reduce, or all-gather/reduce-scatter with SP)
  double contextParallel = 0;  // exposed ring-attention key/value exchange
  double expertParallel = 0;   // exposed MoE all-to-all
  double pipelineBubble = 0;   // fill and drain, (p-1)/v of a micro-batch's stage time
  double pipelineP2p = 0;      // activation transfers between stages
  double dataParallel = 0;     // exposed gradient reduction (and parameter gather when sharded)
  double optimizer = 0;
  double total = 0;
  double hardwareFlops = 0;  // FLOPs actually executed per step by all GPUs (recompute included)
};

/// One part of a step, named as the report and the command line list it.
struct StepPart {
  const char* name;
  double seconds;
};
/// The parts of a step in the order a step spends them: forward, backward, recompute, the exposed
/// TP / CP / EP transfers, the pipeline bubble and p2p, the data-parallel reduction, the optimizer.
std::array<StepPart, 10> stepParts(const StepBreakdown& b);

/// Step time of an explicit plan (job.parallelism must not be automatic).
StepBreakdown stepTime(const Job& job, const GpuParams& gpu, const Cluster& cluster);

}  // namespace gigaplan::training
