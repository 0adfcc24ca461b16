// The hardware as the training model sees it: one GPU type's peaks and bandwidths (catalog), the
// cluster's scale-up/scale-out levels (cluster file or design), and the few per-GPU-type
// efficiency parameters from resources/catalog/gpu_efficiency.yaml (catalog::Gpu::efficiency).
//
//   GpuParams g = resolveGpu(*cat.gpu(cluster.gpu), cluster);
//   double peak = g.peak(Precision::FP8);          // FLOP/s, 0 when the GPU has no FP8
//   for (auto& key : g.defaulted) ...               // efficiency keys the catalog did not give
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/training/job.h"

namespace gigaplan::training {

/// Per-GPU-type efficiency parameters; the catalog key of each is in its comment. Defaults (used
/// when a GPU has no entry) are generic mid-range values and are reported as such.
struct Efficiency {
  double gemmFraction = 0.75;              // gemm_peak_fraction: large BF16 GEMM, fraction of dense peak
  double gemmFractionLowPrecision = 0.70;  // gemm_peak_fraction_fp8: FP8 GEMMs (TE, incl. scaling)
  double gemmFractionFp4 = 0.70;           // gemm_peak_fraction_fp4: FP4 GEMMs (NVFP4 recipe, incl. its quantization)
  double gemmKOverhead = 128;              // gemm_k_overhead: per-tile fixed cost in K elements (prologue/epilogue)
  int smCount = 132;                       // sm_count: streaming multiprocessors (wave quantization)
  double attentionFraction = 0.6;  // attention_peak_fraction: fused attention fwd and bwd, head dim 128, of BF16 peak
  double hbmFraction = 0.85;       // hbm_fraction: streaming kernels' share of HBM bandwidth
  double scaleUpBusEfficiency = 0.8;    // scale_up_bus_efficiency: NCCL bus bandwidth / link rate
  double scaleOutBusEfficiency = 0.85;  // scale_out_bus_efficiency: NCCL bus bandwidth / NIC rate
  double scaleUpLatency = 3e-6;         // scale_up_latency_us (file in µs): per collective step
  double scaleOutLatency = 10e-6;       // scale_out_latency_us (file in µs): per collective step
  double overlapCost = 0.15;            // comm_overlap_cost: share of overlapped comm time still lost (SMs, HBM)
  double itPowerPerTdp = 1.5;           // it_power_per_tdp: IT power per GPU incl. host and network, × TDP
};

struct GpuParams {
  std::string id;
  double bf16 = 0, fp8 = 0, fp4 = 0;  // dense FLOP/s
  double fp16 = 0;                    // dense FLOP/s; 0 = the catalog lists none
  double hbm = 0;                     // bytes
  double hbmBandwidth = 0;            // B/s
  double tdp = 0;                     // W
  int scaleUpSize = 8;                // GPUs per scale-up domain (cluster)
  double scaleUpBandwidth = 0;        // B/s per GPU per direction (cluster, else catalog)
  double scaleOutBandwidth = 0;       // B/s per GPU (cluster, else catalog NIC)
  Efficiency eff;
  std::vector<std::string> defaulted;  // efficiency keys taken from the generic defaults

  /// Dense peak for a precision; 0 when the GPU lacks it (FP8 on an A100) or the catalog lists no
  /// FP16 figure (the caller then uses BF16 and reports it).
  double peak(Precision p) const {
    switch (p) {
      case Precision::FP8:
        return fp8;
      case Precision::FP4:
        return fp4;
      case Precision::FP16:
        return fp16;
      case Precision::BF16:
        break;
    }
    return bf16;
  }
};

/// Combines a catalog GPU with the cluster's overrides (bandwidths, latencies, domain size).
GpuParams resolveGpu(const catalog::Gpu& gpu, const Cluster& cluster);

/// The efficiency keys the model reads, for validation of catalog files and documentation.
const std::vector<std::string>& efficiencyKeys();

}  // namespace gigaplan::training
