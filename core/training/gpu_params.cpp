// Resolution of a catalog GPU plus cluster overrides into the model's hardware parameters.
#include "core/training/gpu_params.h"

namespace gigaplan::training {
namespace {

struct Key {
  const char* name;
  double Efficiency::*field = nullptr;
  double scale = 1;  // file unit → SI (µs → s)
};

const Key kKeys[] = {
    {"gemm_peak_fraction", &Efficiency::gemmFraction},
    {"gemm_peak_fraction_fp8", &Efficiency::gemmFractionLowPrecision},
    {"gemm_peak_fraction_fp4", &Efficiency::gemmFractionFp4},
    {"gemm_k_overhead", &Efficiency::gemmKOverhead},
    {"sm_count", nullptr},
    {"attention_peak_fraction", &Efficiency::attentionFraction},
    {"hbm_fraction", &Efficiency::hbmFraction},
    {"scale_up_bus_efficiency", &Efficiency::scaleUpBusEfficiency},
    {"scale_out_bus_efficiency", &Efficiency::scaleOutBusEfficiency},
    {"scale_up_latency_us", &Efficiency::scaleUpLatency, 1e-6},
    {"scale_out_latency_us", &Efficiency::scaleOutLatency, 1e-6},
    {"comm_overlap_cost", &Efficiency::overlapCost},
    {"it_power_per_tdp", &Efficiency::itPowerPerTdp},
};

}  // namespace

const std::vector<std::string>& efficiencyKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& key : kKeys) k.emplace_back(key.name);
    return k;
  }();
  return keys;
}

GpuParams resolveGpu(const catalog::Gpu& gpu, const Cluster& cluster) {
  GpuParams g;
  g.id = gpu.id;
  g.bf16 = gpu.bf16;
  g.fp8 = gpu.fp8;
  g.fp4 = gpu.fp4;
  g.fp16 = gpu.fp16;
  g.hbm = gpu.hbm;
  g.hbmBandwidth = gpu.hbmBandwidth;
  g.tdp = gpu.tdp;
  g.scaleUpSize = cluster.scaleUpSize > 0 ? cluster.scaleUpSize : gpu.scaleUpDomain;
  g.scaleUpBandwidth = cluster.scaleUpBandwidth > 0 ? cluster.scaleUpBandwidth : gpu.scaleUpBandwidth;
  g.scaleOutBandwidth = cluster.scaleOutBandwidth > 0 ? cluster.scaleOutBandwidth : gpu.nicRate;
  for (const auto& key : kKeys) {
    auto it = gpu.efficiency.find(key.name);
    if (it == gpu.efficiency.end()) {
      g.defaulted.emplace_back(key.name);
      continue;
    }
    if (key.field) {
      g.eff.*key.field = it->second * key.scale;
    } else {
      g.eff.smCount = static_cast<int>(it->second);
    }
  }
  if (cluster.scaleUpLatency > 0) g.eff.scaleUpLatency = cluster.scaleUpLatency;
  if (cluster.scaleOutLatency > 0) g.eff.scaleOutLatency = cluster.scaleOutLatency;
  if (g.eff.smCount < 1) g.eff.smCount = 1;
  return g;
}

}  // namespace gigaplan::training
