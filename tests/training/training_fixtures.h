// Shared test inputs for the training suites: the real catalog (with gpu_efficiency.yaml) and a
// hand-built A100 whose parameters do not move when the catalog is recalibrated.
#pragma once

#include <string>

#include "core/catalog/catalog_loader.h"
#include "core/training/gpu_params.h"
#include "core/training/job.h"
#include "core/training/validation.h"

namespace gigaplan::training::test {

inline const catalog::Catalog& repositoryCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(std::string(GIGAPLAN_SOURCE_DIR) + "/resources/catalog");
  return cat;
}

/// A100 80 GB from hardware.md (312 TF/s BF16, 80 GB, 2.0 TB/s, NVLink3 300 GB/s, 8 per node,
/// 200 Gb/s HDR per GPU) with fixed efficiency values, as the catalog holds it.
inline catalog::Gpu a100CatalogGpu() {
  catalog::Gpu g;
  g.id = "a100-sxm-80gb";
  g.bf16 = 312e12;
  g.hbm = 80e9;
  g.hbmBandwidth = 2.0e12;
  g.tdp = 400;
  g.scaleUpBandwidth = 300e9;
  g.scaleUpDomain = 8;
  g.nicRate = 25e9;
  g.efficiency = {{"gemm_peak_fraction", 0.76},      {"gemm_k_overhead", 256},   {"sm_count", 108},
                  {"attention_peak_fraction", 0.6},  {"hbm_fraction", 0.85},     {"scale_up_bus_efficiency", 0.78},
                  {"scale_out_bus_efficiency", 0.9}, {"scale_up_latency_us", 3}, {"scale_out_latency_us", 10},
                  {"comm_overlap_cost", 0.3},        {"it_power_per_tdp", 1.6},  {"gemm_peak_fraction_fp8", 0.7}};
  return g;
}

/// The same A100 resolved for a 1,024-GPU cluster of 8-GPU nodes.
inline GpuParams a100() {
  const catalog::Gpu g = a100CatalogGpu();
  Cluster c;
  c.gpu = g.id;
  c.count = 1024;
  c.scaleUpSize = 8;
  return resolveGpu(g, c);
}

inline Model gpt(int layers, int hidden, int heads) {
  return megatronGpt("gpt", layers, hidden, heads);
}

/// A Llama-style shape (SwiGLU, RMSNorm, rotary, separate output layer) with a 128,256-token vocabulary.
inline Model llama(int layers, int hidden, int ffn, int heads, int kvHeads) {
  Model m = gpt(layers, hidden, heads);
  m.ffnHidden = ffn;
  m.kvHeads = kvHeads;
  m.vocab = 128256;
  m.activation = Activation::SwiGlu;
  return m;
}

inline Job gptJob(int layers, int hidden, int heads, int tp, int pp, int dp, int globalBatch, int microBatch = 1) {
  Job j;
  j.model = gpt(layers, hidden, heads);
  j.training.tokens = 300e9;
  j.training.globalBatch = globalBatch;
  j.training.microBatch = microBatch;
  j.parallelism.tp = tp;
  j.parallelism.pp = pp;
  j.parallelism.dp = dp;
  return j;
}

inline Cluster a100Cluster(int count) {
  Cluster c;
  c.gpu = "a100-sxm-80gb";
  c.count = count;
  c.scaleUpSize = 8;
  return c;
}

}  // namespace gigaplan::training::test
