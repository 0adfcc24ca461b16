// HBM needed per GPU on the busiest pipeline stage: weights, gradients, optimizer state (sharded
// or not), activations per recompute mode (Korthikanti et al. 2022, generalised to GQA, gated MLPs,
// MoE and FP8), and runtime buffers; and whether that fits.
//
//   MemoryBreakdown mem = memoryPerGpu(job, gpu);
//   if (!mem.fits) ... // a finding: "needs 93 GiB of 80 GB"
#pragma once

#include "core/training/gpu_params.h"
#include "core/training/job.h"

namespace gigaplan::training {

struct MemoryBreakdown {  // bytes per GPU
  double weights = 0, gradients = 0, optimizer = 0, activations = 0, buffers = 0;
  double total = 0;
  double capacity = 0;  // HBM of the GPU
  bool fits = false;
};

/// Runtime buffers not in the formulas: CUDA context, NCCL and cuBLAS workspaces, allocator
/// slack. Approximation (grade U): a fixed 3 GiB.
inline constexpr double kRuntimeBuffers = 3.0 * 1024 * 1024 * 1024;

/// Activation bytes one layer keeps for one micro-batch, without recomputation.
double layerActivationBytes(const Job& job);

MemoryBreakdown memoryPerGpu(const Job& job, const GpuParams& gpu);

}  // namespace gigaplan::training
