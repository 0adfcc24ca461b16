// Time of the GPU kernels a transformer layer runs, from their shapes: matrix multiplies
// (efficiency from tile/wave quantization and the reduction length, capped by the HBM roofline),
// fused attention, and memory-bound element-wise kernels.
//
//   double t = gemmTime(g, 4096, 12288, 3072, g.peak(Precision::BF16), 2);   // s
#pragma once

#include "core/training/gpu_params.h"

namespace gigaplan::training {

/// Output tile of the large GEMM kernels (cuBLAS/CUTLASS 128×256 class tiles; the kernel picks
/// the orientation that fills the GPU better). Approximation: one tile size for every GPU type.
inline constexpr double kTileShort = 128, kTileLong = 256;

/// Fraction of `fraction × peak` a GEMM of output M×N and reduction K reaches: wave quantization
/// over the SMs times K / (K + gemm_k_overhead).
double gemmShapeEfficiency(const GpuParams& g, double m, double n, double k);

/// Seconds for one M×N×K GEMM at `peak` FLOP/s with `fraction` of it sustainable on large shapes;
/// never faster than moving its operands through HBM (`elementBytes` per input element).
double gemmTime(const GpuParams& g, double m, double n, double k, double peak, double fraction, double elementBytes);

/// Forward + backward + weight-gradient GEMMs of one linear layer (tokens × in → out).
struct LinearTimes {
  double forward = 0, backward = 0;  // backward = activation gradient + weight gradient
};
LinearTimes linearTimes(const GpuParams& g, double tokens, double in, double out, double peak, double fraction,
                        double elementBytes);

/// Seconds to stream `bytes` through HBM in element-wise kernels.
double memoryTime(const GpuParams& g, double bytes);

/// Fused (flash) attention forward time for `flops` at head dimension `headDim` (BF16 peak):
/// efficiency scales as d/(d+64), normalised so head dim 128 gives attention_peak_fraction.
double fusedAttentionTime(const GpuParams& g, double flops, double headDim);

}  // namespace gigaplan::training
