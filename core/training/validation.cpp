// Validation cases and report (see validation.h). Each case carries its source and, where the
// source leaves a detail out, the Megatron/NeMo default used for it.
#include "core/training/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "core/base/thousands.h"
#include "core/training/estimate.h"
#include "core/training/gpu_params.h"
#include "core/training/model_presets.h"
#include "core/units/units.h"

namespace gigaplan::training {
namespace {

constexpr const char* kMegatronSource =
    "Narayanan et al. 2021 (arXiv 2104.04473) Table 1; micro-batch and interleaving from "
    "NVIDIA/Megatron-LM examples/sc21/run_table_1.sh";
constexpr const char* kMegatronDefaults =
    "FP16 at 312 TF/s; 2021 kernels: unfused softmax + attention dropout, no sequence parallelism, "
    "blocking TP all-reduces; full recomputation; FLOPs counted with the paper's 96·B·s·l·h² formula "
    "(recomputation included)";
constexpr const char* kNemoSource =
    "NeMo 24.07 performance summary (DGX H100, FP8), docs/source/performance/performance_summary.md";
constexpr const char* kBridgeSource =
    "NVIDIA, Megatron-Bridge 25.11 performance summary, docs/performance-summary.md of "
    "github.com/NVIDIA-NeMo/Megatron-Bridge, November 2025";
// The same 25.11 table as NVIDIA's archive page keeps it, which labels the DeepSeek-V3 rows
// "(w/o MTP)" on GB300 and GB200 and "(w/ MTP)" on B200, and lists the H100 Qwen3 235B-A22B row
// whole (the first publication dropped its GBS cell).
constexpr const char* kNemo2502Source =
    "NVIDIA, NeMo Framework performance summary, NeMo 25.02 container, DGX-B200, FP8 (NeMo 2.0), "
    "docs.nvidia.com/nemo-framework/user-guide/latest/performance/performance_summary.html, 2025";
constexpr const char* kNemo2504Source =
    "NVIDIA, NeMo Framework performance summary, NeMo 25.04 container, DGX-GB200, FP8 with per-tensor current "
    "scaling, docs.nvidia.com/nemo-framework/user-guide/latest/performance/performance_summary.html, 2025";
constexpr const char* kBridgeArchiveSource =
    "NVIDIA, Megatron-Bridge 25.11 performance summary, docs/performance-summary.md of "
    "github.com/NVIDIA-NeMo/Megatron-Bridge, November 2025, as kept in docs/performance-summary-archive.md of the "
    "same repository (2026)";
constexpr const char* kBridge2602Source =
    "NVIDIA, Megatron-Bridge performance summary for the NeMo 26.02 container, docs/performance-summary.md of "
    "github.com/NVIDIA-NeMo/Megatron-Bridge, February 2026";
constexpr const char* kBridge260201Source =
    "NVIDIA, Megatron-Bridge performance summary for the NeMo 26.02.01 container, docs/performance-summary.md of "
    "github.com/NVIDIA-NeMo/Megatron-Bridge, 2026";
constexpr const char* kBridge260401Source =
    "NVIDIA, Megatron-Bridge performance summary for the NeMo 26.04.01 container, as kept in "
    "docs/performance-summary-archive.md of github.com/NVIDIA-NeMo/Megatron-Bridge, 2026";
constexpr const char* kBridge2606Source =
    "NVIDIA, Megatron-Bridge performance summary for the NeMo 26.06 container, as kept in "
    "docs/performance-summary-archive.md of github.com/NVIDIA-NeMo/Megatron-Bridge, 2026";
constexpr const char* kModernDefaults =
    "NeMo/Megatron-Core defaults not in the table: sequence parallelism with TP communication overlap, "
    "distributed optimizer, overlapped gradient reduce-scatter, fused attention, no recomputation";

Model llama(const char* name, int layers, int hidden, int ffn, int heads, int kvHeads) {
  Model m;
  m.name = name;
  m.layers = layers;
  m.hidden = hidden;
  m.ffnHidden = ffn;
  m.heads = heads;
  m.kvHeads = kvHeads;
  m.seqLen = 8192;
  m.vocab = 128256;
  m.activation = Activation::SwiGlu;
  return m;
}

Cluster cluster(const char* gpu, int count, int scaleUp) {
  Cluster c;
  c.gpu = gpu;
  c.count = count;
  c.scaleUpSize = scaleUp;
  return c;
}

struct Plan {
  int tp = 1, pp = 1, dp = 1, cp = 1, v = 1;
};

Job job(const Model& m, int globalBatch, int microBatch, Precision precision, Plan p) {
  Job j;
  j.model = m;
  j.training.tokens = 300e9;
  j.training.globalBatch = globalBatch;
  j.training.microBatch = microBatch;
  j.training.precision = precision;
  j.parallelism.tp = p.tp;
  j.parallelism.pp = p.pp;
  j.parallelism.dp = p.dp;
  j.parallelism.cp = p.cp;
  j.parallelism.virtualStages = p.v;
  return j;
}

// Megatron-LM 2021 (Table 1): `torchDdp` rows used PyTorch DDP (all-reduce overlapped with the
// backward); the others Megatron's "local" DDP, which all-reduces after the backward.
ValidationCase megatron(const Model& m, Plan p, int gpus, int globalBatch, int microBatch, bool torchDdp,
                        double tflops) {
  ValidationCase c;
  char name[96];
  std::snprintf(name, sizeof name, "Megatron Table 1: %s, TP%d PP%d, %d A100", m.name.c_str(), p.tp, p.pp, gpus);
  c.name = name;
  c.source = kMegatronSource;
  c.assumptions = std::string(kMegatronDefaults) + (torchDdp ? "; PyTorch DDP (overlapped all-reduce)"
                                                             : "; Megatron local DDP (all-reduce after backward)");
  c.job = job(m, globalBatch, microBatch, Precision::FP16, p);
  c.job.training.flashAttention = false;
  c.job.parallelism.recompute = Recompute::Full;
  c.job.parallelism.tpOverlap = TpOverlap::None;  // before Megatron's asynchronous all-reduce
  c.job.parallelism.overlapGradReduce = torchDdp;
  c.cluster = cluster("a100-sxm-80gb", gpus, 8);
  c.convention = FlopConvention::MegatronRecompute;
  c.published = tflops;
  return c;
}

ValidationCase nvidia(const char* name, const char* source, const char* gpu, int scaleUp, const Model& m, Plan p,
                      int globalBatch, int microBatch, FlopConvention convention, double tflops, const char* extra) {
  ValidationCase c;
  c.name = name;
  c.source = source;
  c.assumptions = std::string(kModernDefaults) + extra;
  c.job = job(m, globalBatch, microBatch, Precision::FP8, p);
  c.job.parallelism.sequenceParallel = p.tp > 1;
  c.job.parallelism.distributedOptimizer = true;
  c.cluster = cluster(gpu, p.tp * p.pp * p.dp * p.cp, scaleUp);
  c.convention = convention;
  c.published = tflops;
  c.tolerance = 0.15;
  return c;
}

}  // namespace

Model megatronGpt(const std::string& name, int layers, int hidden, int heads) {
  Model m;
  m.name = name;
  m.layers = layers;
  m.hidden = hidden;
  m.ffnHidden = 4 * hidden;
  m.heads = m.kvHeads = heads;
  m.seqLen = 2048;
  m.vocab = 51200;
  return m;
}

namespace {
constexpr const char* kH100Fp8 = "h100-sxm gemm_peak_fraction_fp8";  // all four H100 FP8 rows

const Model& presetModel(const char* title) {
  return findPreset(title)->model;
}

Model qwen3Small() {
  // config.json of Qwen/Qwen3-30B-A3B: hidden 2048, 48 layers, 32 heads of 128, 4 KV heads,
  // 128 experts of 768, top-8, vocab 151,936, untied.
  Model m = presetModel("Qwen3 235B-A22B");
  m.name = "Qwen3 30B-A3B";
  m.layers = 48;
  m.hidden = 2048;
  m.ffnHidden = 6144;
  m.heads = 32;
  m.moe = {128, 8, 768, 0, 0};
  return m;
}

// The MoE models of the Megatron-Bridge rows, built once.
struct MoeModels {
  Model dsv3 = presetModel("DeepSeek-V3 671B");
  Model dsv3NoMtp = [] {  // the 25.11 GB300 and GB200 rows, "w/o MTP" in NVIDIA's archive
    Model m = presetModel("DeepSeek-V3 671B");
    m.name += " without MTP";
    m.mtpDepth = 0;
    return m;
  }();
  Model q235 = presetModel("Qwen3 235B-A22B");
  Model q30 = qwen3Small();
  Model oss = presetModel("GPT-OSS 120B");
};

const MoeModels& moeModels() {
  static const MoeModels models;
  return models;
}

struct MoeRow {
  const char* system;  // "GB300"
  const char* gpu;     // catalog id
  int domain;          // NVLink domain
  const Model* model;
  int gpus;
  Precision precision;
  int globalBatch, microBatch, seq;
  Plan plan;  // tp, pp, (dp derived), cp, v
  int ep;
  double tokensPerGpu;
  const char* calibrates;     // nullptr = check
  const char* gap = nullptr;  // what the model misses here (a known gap), nullptr = reproduced
  bool epOverlap = false;     // the recipe overlaps the expert all-to-all (moe_a2a_overlap)
  bool perNode = false;       // the recipe dispatches once per node (HybridEP) where its table does not
};

constexpr const char* kMxfp8Gap =
    "MXFP8 gains less on MoE than the model's FP8 GEMM rate gives: the published MXFP8/BF16 ratio on the "
    "same GB300 DeepSeek-V3 plan is 1.13, the model's 1.34 (NVIDIA's MoE report, arXiv 2603.07685, gives FP8 10-25 % "
    "end to end on fine-grained MoE). The quantization of the dispatched copies is counted; the padding of each "
    "expert's tokens, the swizzling of the block scales and the host time of the extra kernels are not";
constexpr const char* kSmallMoeGap =
    "small hidden size (2,048–2,880): the model has no term for what these runs lose per MoE layer. NVIDIA's "
    "MoE report (arXiv 2603.07685, March 2026) names host overhead as the dominant cost of fine-grained MoE "
    "without full CUDA graphs: per-expert kernels and quantizations, and a device-to-host synchronisation per "
    "layer for the dropless token counts; later software removes much of it (26.06 runs Qwen3 30B-A3B on GB200 "
    "at 40,706 tokens/s per GPU, 56 % above 26.02). For GPT-OSS also attention with learned sinks outside the "
    "fused kernel (its alternating 128-token sliding window, not modelled either, would make the prediction "
    "faster still)";
constexpr const char* kB200SmallMoeRecipeGap =
    "a recipe NVIDIA later corrected: Megatron-Bridge pull request 2499 (February 2026) records that the "
    "DGX-B200 Qwen3 30B-A3B recipe of these releases hard-coded the all-to-all dispatcher instead of HybridEP, "
    "left the micro-batch at 1 and kept attention out of the CUDA graphs. Corrected (micro-batch 4, HybridEP), "
    "the 26.02.01 summary runs the same 8 GPUs at 26,695 tokens/s per GPU, 2.75× this row; there the model "
    "gives 30,530, 14 % fast (row 102, a check)";
constexpr const char* kH100RecipeGap =
    "the dispatcher of these releases: the H100 Qwen3 30B-A3B recipe moved to HybridEP in February 2026 "
    "(Megatron-Bridge pull request 2477, as a maintainer notes in issue 2119), and the 26.02.01 summary runs "
    "row 84's plan at 9,058 tokens/s per GPU, 77 % above 26.02; there the model gives 11,948, 32 % fast, the "
    "small-MoE gap this model shows on every GPU type";
constexpr const char* kB300OssGap =
    "small hidden size as on every GPT-OSS row, and more: with EP 64 across 8-GPU nodes the all-to-all "
    "crosses the network, and the model gives B300 (800 Gb/s per GPU) 57 % more than B200 (400 Gb/s, row 79) "
    "on the same plan, where the published rates differ by 4 %; this recipe's exchange is not bound by the NIC "
    "rate the way the model takes it";
constexpr const char* kB300VirtualStagesGap =
    "the virtual pipeline: B300 runs 29 % below B200 (row 87) on a plan that differs mainly by 4 virtual "
    "stages, where the model gives those a shorter bubble; a Megatron-Bridge maintainer notes that on B300 "
    "\"moe_a2a_overlap and VP degraded perf\" (issue 3399, May 2026). The B200 row's own gap, 16 experts per "
    "GPU on 8-GPU nodes, applies too";
constexpr const char* kB200BatchGap =
    "slower than the next release: the 26.02 summary runs the same plan at batch 4,096 at 2,689 tokens/s "
    "per GPU (row 76, which the model reproduces); the model gives the larger batch 6 % of that 26 %, so "
    "most of it is software between the releases";
constexpr const char* kEightGpuExpertsGap =
    "MXFP8 on MoE as row 24, and more: EP 8 on 8-GPU nodes holds 16 experts per GPU and reduces their "
    "gradients across nodes through 400 Gb/s NICs; the published rate is well below the model's in both "
    "releases, not understood";

constexpr const char* kLaterSoftwareGap =
    "faster than the model: 26.06 runs the plans of 26.04.01 on the same GPUs 17-56 % faster (DeepSeek-V3 on "
    "GB200 17 %, on GB300 27 % at half the micro-batch; Qwen3 235B-A22B 30 %; Qwen3 30B-A3B 33-56 %), four "
    "months of MoE software: NVIDIA's MoE report (arXiv 2603.07685) and its June 2026 fusion-kernel blog name "
    "fused grouped-MLP kernels, sync-free dropless dispatch under full-iteration CUDA graphs and paged "
    "stashing. The model's GEMM fractions were set on the 25.11 rows and give that software, not the later";
constexpr const char* kB200CrossNodeExpertsGap =
    "slower than published: EP 32 spans four 8-GPU nodes, and even dispatching once per node (HybridEP, as "
    "the DeepSeek-V3 presets name) the model's exchange through the 400 Gb/s NICs, 12.9 s of a 30.7 s step, "
    "exceeds the computation; overlapped, as the plan's two virtual stages would allow (the table does not "
    "say), the model gives 2,754 tokens/s (-17 %). The run's exchange is not bound by the NIC rate the way "
    "the model takes it; dispatching in FP8, which the table does not state, would halve it";
constexpr const char* kB300GraphsGap =
    "the small-MoE gap of the earlier releases (row 104): 26.06's GB300 and GB200 GPT-OSS rows, which the model "
    "reproduces, run the fused MXFP8 expert path under full-iteration CUDA graphs, and the stored versions of "
    "Megatron-Bridge's GPT-OSS presets leave those lines commented out for B300; B300 runs at 56 % of GB300's "
    "rate here";

// A published table of MoE runs: how its rows are named and what it states of them.
struct MoeTable {
  std::string label;   // "Megatron-Bridge 25.11"
  const char* source;  // publisher, title, address, date
  const char* routing = "routing force-balanced and dropless as the table states";
  const char* hopperFp8 = "FP8-CS";  // H100 has no MXFP8: the FP8 recipe its rows used
  // What the table says of DeepSeek-V3's multi-token prediction.
  const char* mtp =
      "(25.11 labels its GB300 and GB200 DeepSeek-V3 rows without MTP, modelled so, and its B200 row with; later "
      "releases do not say)";
  // The table's runs send each token once per destination domain (DeepEP, HybridEP). Of the
  // Megatron-Bridge rows whose EP crosses 8-GPU nodes, the H100 Qwen3 235B-A22B recipe names the
  // all-to-all dispatcher and 26.02's B200 and B300 GPT-OSS presets name none; all are modelled
  // with the all-to-all.
  bool perNode = false;
  bool bridgeRecipes = false;          // Megatron-Bridge's presets: their recompute modules are known
  const char* blackwellFp8 = "MXFP8";  // the FP8 recipe of its Blackwell rows
};

MoeTable bridgeTable(const char* release, const char* source) {
  MoeTable t{std::string("Megatron-Bridge ") + release, source};
  t.bridgeRecipes = true;
  return t;
}

// What the Megatron-Bridge recipes of these releases recompute (recompute_modules of the workload
// presets in scripts/performance/configs): DeepSeek-V3 the MLA up-projections everywhere but the
// 25.11 GB300 preset (H100's also names the dense MLP, not modelled); GPT-OSS the norms and the
// expert activation on GB200, B200 and H100; Qwen3 nothing. 0 = no recomputation.
unsigned bridgeRecipeRecompute(const MoeTable& t, const MoeRow& r) {
  const std::string gpu = r.gpu;
  const MoeModels& m = moeModels();
  if (r.model == &m.dsv3 || r.model == &m.dsv3NoMtp)
    return gpu == "gb300" && t.label == "Megatron-Bridge 25.11" ? 0u : static_cast<unsigned>(kRecomputeMlaUpProjection);
  if (r.model == &m.oss && (gpu == "gb200" || gpu == "b200" || gpu == "h100-sxm"))
    return kRecomputeNorms | kRecomputeMoeActivation;
  return 0;
}

// The precision as the table names it.
std::string precisionLabel(const MoeTable& t, const MoeRow& r) {
  if (r.precision == Precision::BF16) return "BF16";
  return std::string(r.gpu) == "h100-sxm" ? t.hopperFp8 : t.blackwellFp8;
}

// One table's MoE rows (tokens/s per GPU).
void addMoeRows(std::vector<ValidationCase>& v, const MoeTable& t, const std::vector<MoeRow>& rows) {
  for (const MoeRow& r : rows) {
    Model m = *r.model;
    m.seqLen = r.seq;
    Plan p = r.plan;
    p.dp = r.gpus / (p.tp * p.pp * p.cp);
    char name[160];
    std::snprintf(name, sizeof name, "%s: %s, %d %s %s, TP%d PP%d%s%s EP%d", t.label.c_str(), m.name.c_str(), r.gpus,
                  r.system, precisionLabel(t, r).c_str(), p.tp, p.pp,
                  p.cp > 1 ? (" CP" + std::to_string(p.cp)).c_str() : "",
                  p.v > 1 ? (" VP" + std::to_string(p.v)).c_str() : "", r.ep);
    ValidationCase c = nvidia(name, t.source, r.gpu, r.domain, m, p, r.globalBatch, r.microBatch,
                              FlopConvention::ModelCausal, r.tokensPerGpu, "");
    c.assumptions += std::string("; MoE: ") + t.routing + "; expert parallelism inside the data-parallel ranks";
    if (const unsigned modules = t.bridgeRecipes ? bridgeRecipeRecompute(t, r) : 0; modules != 0) {
      c.job.parallelism.recompute = Recompute::Selective;
      c.job.parallelism.recomputeModules = modules;
      c.assumptions += "; the recipe's selective recomputation: " + recomputeModulesText(modules);
    } else {
      c.assumptions +=
          t.bridgeRecipes ? "; no recomputation, as the recipe" : "; recomputation not stated, none modelled";
    }
    c.assumptions += "; tokens/s per GPU compared (no FLOP convention needed)";
    c.job.training.precision = r.precision;
    c.job.parallelism.ep = r.ep;
    c.job.parallelism.epOverlap = r.epOverlap;
    c.job.parallelism.epPerNode = t.perNode || r.perNode;
    // Megatron-Bridge's Qwen3 and GPT-OSS recipes set expert_tensor_parallel_size 1, and the report
    // folds its experts (Table 17: "expert TP is always 1"): whole experts where TP > 1.
    if (p.tp > 1) {
      c.job.parallelism.expertTp = 1;
      c.assumptions += "; experts folded (expert TP 1), as the recipe sets";
    }
    if (r.epOverlap) c.assumptions += "; the recipe overlaps the expert all-to-all (moe_a2a_overlap)";
    if (t.perNode) c.assumptions += "; tokens dispatched once per destination node (DeepEP on H100, HybridEP on GB)";
    if (r.perNode)
      c.assumptions +=
          "; tokens dispatched once per destination node: Megatron-Bridge's DeepSeek-V3 presets name HybridEP "
          "on every GPU type";
    if (m.mtpDepth > 0) {
      c.assumptions +=
          "; multi-token prediction of depth " + std::to_string(m.mtpDepth) + " as the model states it " + t.mtp;
    }
    c.metric = ValidationMetric::TokensPerSecondPerGpu;
    if (r.calibrates) c.calibrates = r.calibrates;
    if (r.gap) c.gap = r.gap;
    v.push_back(c);
  }
}

// Qwen3 235B-A22B on 256 H100, TP2 PP8 VP4 EP32, the same plan in every release but for its batch.
// Its recipe (qwen3_workload_base_configs.py, H100 V1 and V2) sets moe_a2a_overlap; the tables
// state no other recipe option.
MoeRow h100Qwen235(int globalBatch, double tokensPerGpu) {
  MoeRow r{"H100", "h100-sxm",      8,  &moeModels().q235, 256,    Precision::FP8, globalBatch, 1,
           4096,   {2, 8, 0, 1, 4}, 32, tokensPerGpu,      nullptr};
  r.epOverlap = true;
  return r;
}

// Megatron-Bridge 25.11. GB300 and GB200 rows calibrate those GPUs' GEMM fractions (BF16 rows:
// gemm_peak_fraction, which no dense row sets; MXFP8 rows: gemm_peak_fraction_fp8 with the dense
// FP8 rows); B200 and H100 rows are independent checks (B200 runs on GB200's values, H100 on
// values set by the dense H100 rows).
void addMoeRows2511(std::vector<ValidationCase>& v) {
  const auto& [dsv3, dsv3NoMtp, q235, q30, oss] = moeModels();
  using P = Precision;
  const char* gb300bf16 = "gb300 gemm_peak_fraction";
  const char* gb200bf16 = "gb200 gemm_peak_fraction";
  addMoeRows(
      v, bridgeTable("25.11", kBridgeArchiveSource),
      {
          {"GB300", "gb300", 72, &dsv3NoMtp, 256, P::BF16, 4096, 1, 4096, {1, 2, 0, 1, 4}, 32, 3848, gb300bf16},
          {"GB300", "gb300", 72, &dsv3NoMtp, 256, P::FP8, 4096, 1, 4096, {1, 2, 0, 1, 4}, 32, 4357, nullptr, kMxfp8Gap},
          {"GB300", "gb300", 72, &oss, 64, P::BF16, 1280, 2, 8192, {1, 1, 0, 1, 1}, 64, 18347, nullptr, kSmallMoeGap},
          {"GB300", "gb300", 72, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 28934, nullptr, kSmallMoeGap},
          {"GB300", "gb300", 72, &q235, 256, P::BF16, 8192, 2, 4096, {1, 4, 0, 1, 12}, 16, 6131, gb300bf16},
          {"GB200", "gb200", 72, &dsv3NoMtp, 256, P::BF16, 4096, 1, 4096, {1, 4, 0, 1, 4}, 64, 3139, gb200bf16},
          {"GB200", "gb200", 72, &dsv3NoMtp, 256, P::FP8, 4096, 1, 4096, {1, 8, 0, 1, 4}, 32, 4018, nullptr, kMxfp8Gap},
          {"GB200", "gb200", 72, &oss, 64, P::BF16, 1280, 1, 8192, {1, 1, 0, 1, 1}, 64, 15876, nullptr, kSmallMoeGap},
          {"GB200", "gb200", 72, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 23766, nullptr, kSmallMoeGap},
          {"GB200", "gb200", 72, &q235, 256, P::BF16, 8192, 1, 4096, {1, 8, 0, 1, 3}, 32, 4916, gb200bf16},
          {"B200", "b200", 8, &dsv3, 256, P::FP8, 2048, 1, 4096, {1, 16, 0, 1, 1}, 8, 2139, nullptr, kB200BatchGap},
          {"B200", "b200", 8, &oss, 64, P::BF16, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 8213, nullptr, kSmallMoeGap},
          {"B200", "b200", 8, &q30, 8, P::FP8, 512, 1, 4096, {1, 1, 0, 1, 1}, 8, 9299, nullptr, kB200SmallMoeRecipeGap},
          {"B200", "b200", 8, &q235, 64, P::FP8, 1024, 1, 4096, {1, 8, 0, 1, 2}, 8, 3269, nullptr, kEightGpuExpertsGap},
          {"H100", "h100-sxm", 8, &oss, 64, P::BF16, 512, 4, 4096, {1, 4, 0, 1, 1}, 8, 5630, nullptr},
          {"H100", "h100-sxm", 8, &q30, 16, P::FP8, 512, 2, 4096, {1, 2, 0, 1, 24}, 8, 5275, nullptr, kH100RecipeGap},
      });
}

// Megatron-Bridge 26.02, the next release of the same summary: every row but two a check of values
// set on the 25.11 rows. The two NVFP4 405B rows set the FP4 GEMM fraction of GB300 and GB200,
// which no earlier row could (the NVFP4 70B rows check it). Its DGX-B300 rows follow the
// archive's H100 row at the end of validationCases (rows 96-99), added with B300 to the catalog.
void addBridge2602Rows(std::vector<ValidationCase>& v, const Model& l70, const Model& l405) {
  const char* dense = "; FLOPs: Megatron-Bridge formula, causal attention (s²/2)";
  const char* mx = "; FLOPs: Megatron-Bridge formula, causal attention (s²/2); MXFP8 modelled at the FP8 rate";
  const auto causal = FlopConvention::ModelCausal;
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3 70B, 64 H100 FP8, TP4 PP8 VP5", kBridge2602Source, "h100-sxm", 8,
                     l70, {4, 8, 2, 1, 5}, 256, 1, causal, 728, dense));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB300 FP8, TP4 PP8 VP4", kBridge2602Source, "gb300",
                     72, l405, {4, 8, 8, 1, 4}, 1536, 1, causal, 2495, dense));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB200 FP8, TP4 PP16 VP4", kBridge2602Source, "gb200",
                     72, l405, {4, 16, 4, 1, 4}, 1536, 1, causal, 2004, dense));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3.1 405B, 1,024 H100 FP8, TP8 PP8 CP2 VP8", kBridge2602Source,
                     "h100-sxm", 8, l405, {8, 8, 8, 2, 8}, 1536, 1, causal, 784, dense));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3 70B, 64 GB300 MXFP8, TP1 PP4 VP5", kBridge2602Source, "gb300", 72,
                     l70, {1, 4, 16, 1, 5}, 256, 1, causal, 2064, mx));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3 70B, 64 GB200 MXFP8, TP2 PP4 VP5", kBridge2602Source, "gb200", 72,
                     l70, {2, 4, 8, 1, 5}, 256, 1, causal, 1623, mx));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB300 MXFP8, TP2 PP8 CP2 VP4", kBridge2602Source,
                     "gb300", 72, l405, {2, 8, 8, 2, 4}, 1536, 1, causal, 2349, mx));
  v.push_back(nvidia("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB200 MXFP8, TP4 PP16 VP8", kBridge2602Source, "gb200",
                     72, l405, {4, 16, 4, 1, 8}, 1536, 1, causal, 1983, mx));
  const auto& [dsv3, dsv3NoMtp, q235, q30, oss] = moeModels();
  using P = Precision;
  addMoeRows(
      v, bridgeTable("26.02", kBridge2602Source),
      {
          {"GB300", "gb300", 72, &dsv3, 256, P::FP8, 4096, 2, 4096, {1, 2, 0, 1, 8}, 32, 4612, nullptr},
          {"GB200", "gb200", 72, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 4, 0, 1, 4}, 64, 3955, nullptr},
          {"B200", "b200", 8, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 16, 0, 1, 1}, 8, 2689, nullptr},
          {"GB300", "gb300", 72, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 19412, nullptr, kSmallMoeGap},
          {"GB200", "gb200", 72, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 15784, nullptr, kSmallMoeGap},
          {"B200", "b200", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 8047, nullptr, kSmallMoeGap},
          {"H100", "h100-sxm", 8, &oss, 64, P::BF16, 1280, 1, 4096, {1, 4, 0, 1, 1}, 8, 5993, nullptr},
          {"GB300", "gb300", 72, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 30376, nullptr, kSmallMoeGap},
          {"GB200", "gb200", 72, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 26084, nullptr, kSmallMoeGap},
          {"B200", "b200", 8, &q30, 8, P::FP8, 512, 1, 4096, {1, 1, 0, 1, 1}, 8, 9691, nullptr, kB200SmallMoeRecipeGap},
          {"H100", "h100-sxm", 8, &q30, 16, P::FP8, 1024, 1, 4096, {1, 2, 0, 1, 12}, 8, 5113, nullptr, kH100RecipeGap},
          {"GB300", "gb300", 72, &q235, 256, P::FP8, 8192, 2, 4096, {1, 4, 0, 1, 1}, 32, 6583, nullptr},
          {"GB200", "gb200", 72, &q235, 256, P::FP8, 8192, 1, 4096, {1, 8, 0, 1, 1}, 32, 5448, nullptr},
          {"B200",
           "b200",
           8,
           &q235,
           256,
           P::FP8,
           8192,
           1,
           4096,
           {1, 8, 0, 1, 1},
           8,
           3805,
           nullptr,
           kEightGpuExpertsGap},
          h100Qwen235(8192, 1633),
      });
  for (const auto& [gpu, system, tflops] :
       {std::tuple{"gb300", "GB300", 2248.0}, std::tuple{"gb200", "GB200", 1815.0}}) {
    ValidationCase c = nvidia("", kBridge2602Source, gpu, 72, l70, {1, 1, 64}, 256, 2, causal, tflops,
                              "; Megatron-FSDP (parameters, gradients and optimizer sharded over 64 GPUs, the "
                              "table's FSDP column); whether the recipe offloads activations is not stated");
    c.name = std::string("Megatron-Bridge 26.02: Llama 3 70B, 64 ") + system + " FP8, FSDP";
    c.job.parallelism.fsdp = true;
    c.job.parallelism.distributedOptimizer = false;
    c.assumptions += dense;
    v.push_back(c);
  }
  // NVFP4: the FP4 GEMM fraction of each GPU is set on its 405B row and checked by its 70B row.
  const char* fp4 = "; FLOPs: Megatron-Bridge formula, causal attention (s²/2); NVFP4 at the FP4 dense peak";
  auto nvfp4 = [&](const char* name, const char* gpu, const Model& m, Plan p, int batch, double tflops,
                   const char* calibrates) {
    ValidationCase c = nvidia(name, kBridge2602Source, gpu, 72, m, p, batch, 1, causal, tflops, fp4);
    c.job.training.precision = Precision::FP4;
    if (calibrates) c.calibrates = calibrates;
    v.push_back(c);
  };
  nvfp4("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB300 NVFP4, TP4 PP8 VP4", "gb300", l405, {4, 8, 8, 1, 4}, 1536,
        3365, "gb300 gemm_peak_fraction_fp4");
  nvfp4("Megatron-Bridge 26.02: Llama 3.1 405B, 256 GB200 NVFP4, TP4 PP16 VP8", "gb200", l405, {4, 16, 4, 1, 8}, 1536,
        2716, "gb200 gemm_peak_fraction_fp4");
  nvfp4("Megatron-Bridge 26.02: Llama 3 70B, 64 GB300 NVFP4, TP1 PP4 VP5", "gb300", l70, {1, 4, 16, 1, 5}, 256, 3056,
        nullptr);
  nvfp4("Megatron-Bridge 26.02: Llama 3 70B, 64 GB200 NVFP4, TP2 PP4 VP5", "gb200", l70, {2, 4, 8, 1, 5}, 256, 2004,
        nullptr);
}

// NeMo's long-sequence rows, with context parallelism: Llama 2 7B on DGX H100 (NeMo 24.03.01) from
// 4K to 1M tokens and Llama 3 8B on DGX B200 (NeMo 25.04) from 8K to 1M, both FP8, the number of
// GPUs (in K) equal to the sequence length and the batch shrinking to keep 4M tokens per step. The
// 1M-token row of each GPU sets its attention_peak_fraction (attention is 98 % of the FLOPs
// there); every shorter row checks the accounting as attention's share falls to 14 % and CP from
// 32 ranks to 1. The without-CP column is not used: its plans are not published. The B200 table's
// GPU column repeats the H100 table's (the sequence length in K), four times its TP·PP·DP·CP on
// every row; the plan is used, since at 512K and 1M its batch of 8 and 4 sequences allows no more
// than DP 4.
constexpr const char* kLongSequenceSource =
    "NeMo long sequence performance, docs/source/performance/performance_long_sequence.md (DGX H100: NeMo "
    "24.03.01; DGX B200: NeMo 25.04)";

struct LongSequenceRow {
  int seqK, batch, tp, pp, dp, cp;
  double tflops;
};

void addLongSequenceRows(std::vector<ValidationCase>& v) {
  Model l2 = llama("Llama 2 7B", 32, 4096, 11008, 32, 32);
  l2.vocab = 32000;
  const Model l3 = llama("Llama 3 8B", 32, 4096, 14336, 32, 8);
  struct System {
    const char* name;
    const char* gpu;
    Model model;
    std::vector<LongSequenceRow> rows;
  };
  System systems[] = {
      {"H100",
       "h100-sxm",
       l2,
       {{4, 1024, 1, 1, 4, 1, 768},
        {8, 512, 1, 2, 4, 1, 730},
        {16, 256, 2, 1, 8, 1, 660},
        {32, 128, 2, 1, 8, 2, 610},
        {64, 64, 4, 1, 8, 2, 574},
        {128, 32, 4, 1, 8, 4, 555},
        {256, 16, 4, 1, 8, 8, 549},
        {512, 8, 8, 1, 4, 16, 549},
        {1024, 4, 8, 1, 4, 32, 536}}},
      {"B200",
       "b200",
       l3,
       {{8, 512, 1, 1, 2, 1, 1671},
        {16, 256, 1, 1, 4, 1, 1717},
        {32, 128, 1, 1, 4, 2, 1624},
        {64, 64, 1, 1, 4, 4, 1600},
        {128, 32, 2, 1, 4, 4, 1588},
        {256, 16, 4, 1, 4, 4, 1590},
        {512, 8, 4, 1, 4, 8, 1619},
        {1024, 4, 4, 1, 4, 16, 1608}}},
  };
  for (const System& s : systems) {
    for (const LongSequenceRow& r : s.rows) {
      Model m = s.model;
      m.seqLen = r.seqK * 1024;
      char name[120];
      std::snprintf(name, sizeof name, "NeMo long sequence: %s at %dK, %d %s FP8, TP%d PP%d CP%d", m.name.c_str(),
                    r.seqK, r.tp * r.pp * r.dp * r.cp, s.name, r.tp, r.pp, r.cp);
      ValidationCase c = nvidia(name, kLongSequenceSource, s.gpu, 8, m, {r.tp, r.pp, r.dp, r.cp, 1}, r.batch, 1,
                                FlopConvention::Model, r.tflops,
                                "; micro-batch 1 and no recomputation (not in the table); FLOPs: NeMo formula, "
                                "full s² attention; attention in BF16 (FP8 attention is not the default)");
      if (r.seqK == 1024) c.calibrates = std::string(s.gpu) + " attention_peak_fraction";
      v.push_back(c);
    }
  }
}

// Korthikanti et al. 2022 (tables 3 and 5): four GPT models on A100, each run twice — with full
// activation recomputation, and with sequence parallelism and selective recomputation (the
// attention core only) — compared as seconds per iteration. No data parallelism. Checks of the
// A100 GEMM fraction set on the 2021 rows; the software is Megatron-LM of 2022, whose tensor-
// parallel exchanges in the backward run asynchronously under the GEMMs.
constexpr const char* kRecomputationSource =
    "Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models (arXiv 2205.05198) "
    "tables 3 and 5";

void addRecomputationRows(std::vector<ValidationCase>& v) {
  struct Row {
    Model model;
    int tp, pp, gpus, globalBatch, microBatch, v;
    double fullSeconds, selectiveSeconds;
  };
  const Row rows[] = {
      {megatronGpt("22B", 48, 6144, 64), 8, 1, 8, 4, 4, 1, 1.42, 1.10},
      {megatronGpt("175B", 96, 12288, 96), 8, 8, 64, 64, 1, 3, 18.13, 13.75},
      {megatronGpt("530B", 105, 20480, 128), 8, 35, 280, 280, 1, 3, 49.05, 37.83},
      {megatronGpt("1T", 128, 25600, 160), 8, 64, 512, 512, 1, 1, 94.42, 71.49},
  };
  for (const Row& r : rows) {
    for (const bool selective : {false, true}) {
      ValidationCase c;
      char name[120];
      std::snprintf(name, sizeof name, "Korthikanti 2022: %s, TP%d PP%d, %d A100, %s", r.model.name.c_str(), r.tp, r.pp,
                    r.gpus, selective ? "sequence parallel + selective recompute" : "full recompute");
      c.name = name;
      c.source = kRecomputationSource;
      c.assumptions =
          "FP16 at 312 TF/s (the paper says mixed precision); 2022 kernels: unfused softmax + attention dropout; "
          "tensor-parallel exchanges blocking in the forward, overlapped with the GEMMs in the backward "
          "(Megatron's asynchronous all-reduce and all-gather); no data parallelism; ";
      c.assumptions += r.v > 1 ? "interleaved schedule with 3 chunks per stage (as the paper runs 175B and 530B)"
                               : "no interleaving";
      c.job = job(r.model, r.globalBatch, r.microBatch, Precision::FP16, {r.tp, r.pp, 1, 1, r.v});
      c.job.training.flashAttention = false;
      c.job.parallelism.sequenceParallel = selective;
      c.job.parallelism.recompute = selective ? Recompute::Selective : Recompute::Full;
      c.job.parallelism.tpOverlap = TpOverlap::Backward;
      c.cluster = cluster("a100-sxm-80gb", r.gpus, 8);
      c.metric = ValidationMetric::SecondsPerIteration;
      c.published = selective ? r.selectiveSeconds : r.fullSeconds;
      v.push_back(c);
    }
  }
}

// Rows added after the 26.02 ones, numbered after them: 25.11's H100 Qwen3 235B-A22B row (95),
// 26.02's DGX-B300 rows (96-99) and 26.02.01's rows on B200, B300 and H100 (100-109).
void addLaterBridgeRows(std::vector<ValidationCase>& v) {
  const auto& [dsv3, dsv3NoMtp, q235, q30, oss] = moeModels();
  using P = Precision;
  // The 25.11 H100 Qwen3 235B-A22B row, whole only in the archive's copy of the table: a check.
  addMoeRows(v, bridgeTable("25.11", kBridgeArchiveSource), {h100Qwen235(2048, 1575)});
  // 26.02's DGX-B300 rows: checks of GB300's values, which B300 takes (the same Blackwell Ultra
  // silicon, at 1,100 W on an 8-GPU NVLink baseboard).
  const MoeRow b300q235{
      "B300", "b300", 8, &q235, 256, P::FP8, 8192, 1, 4096, {1, 8, 0, 1, 4}, 8, 2691, nullptr, kB300VirtualStagesGap};
  addMoeRows(v, bridgeTable("26.02", kBridge2602Source),
             {
                 {"B300", "b300", 8, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 16, 0, 1, 1}, 8, 2983, nullptr},
                 {"B300", "b300", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 8359, nullptr, kB300OssGap},
                 {"B300", "b300", 8, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 29521, nullptr, kSmallMoeGap},
                 b300q235,
             });
  // 26.02.01's MoE rows on the GPUs no value was set on (B200, B300, H100): the release that ran
  // the corrected B200 and H100 Qwen3 30B-A3B recipes and moved B200 and B300 GPT-OSS to EP 8. Its
  // GB300 and GB200 rows repeat 26.02's plans within 3 % and are not added.
  MoeRow b300q235b = b300q235;
  b300q235b.tokensPerGpu = 2644;
  addMoeRows(
      v, bridgeTable("26.02.01", kBridge260201Source),
      {
          {"B200", "b200", 8, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 16, 0, 1, 1}, 8, 2790, nullptr},
          {"B200", "b200", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 8, 13722, nullptr, kSmallMoeGap},
          {"B200", "b200", 8, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 26695, nullptr},
          {"B300", "b300", 8, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 16, 0, 1, 1}, 8, 3099, nullptr},
          {"B300", "b300", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 8, 15031, nullptr, kSmallMoeGap},
          {"B300", "b300", 8, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 29454, nullptr, kSmallMoeGap},
          b300q235b,
          {"H100", "h100-sxm", 8, &oss, 64, P::BF16, 1280, 1, 4096, {1, 4, 0, 1, 1}, 8, 5984, nullptr},
          {"H100", "h100-sxm", 8, &q30, 16, P::FP8, 1024, 1, 4096, {1, 2, 0, 1, 12}, 8, 9058, nullptr, kSmallMoeGap},
          h100Qwen235(8192, 1611),
      });
}

// The MoE rows of two later releases, all checks (rows 119 onward): 26.04.01, the last to run
// every GPU type (B200 and H100 included), and 26.06, whose software reaches further on the
// fine-grained models (fused grouped-MLP kernels and full-iteration CUDA graphs named in NVIDIA's
// MoE report and its June 2026 fusion blog; the table itself names no recipe option). Kimi K2 and
// the Nemotron 3 models of these tables have no preset here and are not added.
void addBridge2604And2606Rows(std::vector<ValidationCase>& v) {
  const auto& [dsv3, dsv3NoMtp, q235, q30, oss] = moeModels();
  using P = Precision;
  // The first DeepSeek-V3 row of these tables whose EP crosses 8-GPU nodes (EP 32 on B200).
  auto perNode = [](MoeRow r) {
    r.perNode = true;
    return r;
  };
  addMoeRows(
      v, bridgeTable("26.04.01", kBridge260401Source),
      {
          {"GB300", "gb300", 72, &dsv3, 256, P::FP8, 4096, 2, 4096, {1, 2, 0, 1, 8}, 32, 4992, nullptr},
          {"GB200", "gb200", 72, &dsv3, 256, P::FP8, 4096, 1, 4096, {1, 4, 0, 1, 4}, 64, 4256, nullptr},
          {"B300", "b300", 8, &dsv3, 256, P::FP8, 4096, 2, 4096, {1, 8, 0, 1, 1}, 8, 3456, nullptr},
          perNode({"B200",
                   "b200",
                   8,
                   &dsv3,
                   256,
                   P::FP8,
                   4096,
                   1,
                   4096,
                   {1, 8, 0, 1, 2},
                   32,
                   3328,
                   nullptr,
                   kB200CrossNodeExpertsGap}),
          {"GB300", "gb300", 72, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 19200, nullptr, kSmallMoeGap},
          {"GB200", "gb200", 72, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 16640, nullptr, kSmallMoeGap},
          {"B300", "b300", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 8, 15232, nullptr, kSmallMoeGap},
          {"B200", "b200", 8, &oss, 64, P::BF16, 1280, 4, 4096, {1, 1, 0, 1, 1}, 8, 13568, nullptr, kSmallMoeGap},
          {"H100", "h100-sxm", 8, &oss, 64, P::BF16, 1280, 1, 4096, {1, 4, 0, 1, 1}, 8, 5824, nullptr, kSmallMoeGap},
          {"GB300", "gb300", 72, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 31744, nullptr},
          {"GB200", "gb200", 72, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 26112, nullptr, kSmallMoeGap},
          {"B300", "b300", 8, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 30720, nullptr},
          {"B200", "b200", 8, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 27136, nullptr},
          {"H100", "h100-sxm", 8, &q30, 16, P::FP8, 1024, 1, 4096, {1, 1, 0, 1, 1}, 16, 8960, nullptr},
          {"GB300", "gb300", 72, &q235, 256, P::FP8, 8192, 2, 4096, {1, 4, 0, 1, 12}, 32, 6944, nullptr},
          {"GB200", "gb200", 72, &q235, 256, P::FP8, 8192, 1, 4096, {1, 8, 0, 1, 3}, 32, 5680, nullptr},
          {"B300", "b300", 8, &q235, 256, P::FP8, 8192, 2, 4096, {1, 8, 0, 1, 1}, 8, 5936, nullptr},
          {"B200",
           "b200",
           8,
           &q235,
           256,
           P::FP8,
           8192,
           1,
           4096,
           {1, 8, 0, 1, 1},
           8,
           3776,
           nullptr,
           kEightGpuExpertsGap},
          h100Qwen235(8192, 1712),
      });
  addMoeRows(
      v, bridgeTable("26.06", kBridge2606Source),
      {
          {"GB300",
           "gb300",
           72,
           &dsv3,
           256,
           P::FP8,
           4096,
           1,
           4096,
           {1, 2, 0, 1, 8},
           32,
           6338,
           nullptr,
           kLaterSoftwareGap},
          {"GB300",
           "gb300",
           72,
           &dsv3,
           256,
           P::FP8,
           15360,
           1,
           4096,
           {1, 2, 0, 1, 8},
           32,
           6422,
           nullptr,
           kLaterSoftwareGap},
          {"GB200",
           "gb200",
           72,
           &dsv3,
           256,
           P::FP8,
           4096,
           1,
           4096,
           {1, 4, 0, 1, 4},
           64,
           4969,
           nullptr,
           kLaterSoftwareGap},
          {"B300", "b300", 8, &dsv3, 256, P::FP8, 4096, 2, 4096, {1, 8, 0, 1, 1}, 8, 3541, nullptr},
          {"GB300", "gb300", 72, &oss, 64, P::FP8, 1280, 4, 4096, {1, 1, 0, 1, 1}, 16, 33166, nullptr},
          {"GB200", "gb200", 72, &oss, 64, P::FP8, 1280, 4, 4096, {1, 1, 0, 1, 1}, 64, 28947, nullptr},
          {"B300", "b300", 8, &oss, 64, P::FP8, 1280, 4, 4096, {1, 1, 0, 1, 1}, 8, 18534, nullptr, kB300GraphsGap},
          {"GB300", "gb300", 72, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 45275, nullptr, kLaterSoftwareGap},
          {"GB200", "gb200", 72, &q30, 8, P::FP8, 512, 4, 4096, {1, 1, 0, 1, 1}, 8, 40706, nullptr, kLaterSoftwareGap},
          {"B300", "b300", 8, &q30, 8, P::FP8, 512, 8, 4096, {1, 1, 0, 1, 1}, 8, 40769, nullptr, kLaterSoftwareGap},
          {"H100", "h100-sxm", 8, &q30, 16, P::FP8, 1024, 1, 4096, {1, 1, 0, 1, 1}, 16, 8826, nullptr},
          {"GB300",
           "gb300",
           72,
           &q235,
           256,
           P::FP8,
           8192,
           2,
           4096,
           {1, 4, 0, 1, 12},
           32,
           9015,
           nullptr,
           kLaterSoftwareGap},
          {"GB200", "gb200", 72, &q235, 256, P::FP8, 8192, 1, 4096, {1, 8, 0, 1, 3}, 32, 7376, nullptr},
      });
}

// NVIDIA's report on Megatron-Core MoE (arXiv 2603.07685), Table 11, with each row's plan from its
// Appendix B (Table 20) and the recipe options B.2 lists per system. Numbered after the
// Megatron-Bridge rows (110-118). All are checks: the values they run on were set on the
// Megatron-Bridge rows, and none is tuned here. The long-context row checks the attention and CP
// accounting on a MoE model at 128K tokens.
constexpr const char* kMcoreMoeReportSource =
    "NVIDIA, Scalable Training of Mixture-of-Experts Models with Megatron Core, technical report, arXiv 2603.07685 "
    "(March 2026), Table 11; plans from Appendix B Table 20 and recipe options from B.2 (Megatron-Core 0.16)";

void addMoeReportRows(std::vector<ValidationCase>& v) {
  const auto& [dsv3, dsv3NoMtp, q235, q30, oss] = moeModels();
  using P = Precision;
  MoeTable t{"Megatron-Core MoE report",
             kMcoreMoeReportSource,
             "routing force-balanced as the report states; dispatch dropless (the report names no capacity factor)",
             "FP8-BLK",
             "(the report's DeepSeek-V3 is the 685B model with MTP, its pipeline layouts place the MTP layer)",
             true};
  // B.2: the expert all-to-all overlapped (1F1B overlap) on DeepSeek-V3 GB300 and H100 and on
  // Qwen3 235B-A22B GB200 and H100.
  auto overlapped = [](MoeRow r) {
    r.epOverlap = true;
    return r;
  };
  // DeepSeek-V3 on H100: Table 20 gives PP4, Table 17 and the pipeline layout of §9.2.2
  // (32 virtual stages at VPP 4) give PP8; PP8 is taken.
  addMoeRows(
      v, t,
      {
          overlapped(
              {"GB300", "gb300", 72, &dsv3, 256, P::FP8, 8192, 1, 4096, {1, 4, 0, 1, 4}, 64, 4730, nullptr, kMxfp8Gap}),
          {"GB200", "gb200", 72, &dsv3, 256, P::FP8, 8192, 1, 4096, {1, 4, 0, 1, 4}, 64, 4020, nullptr},
          {"GB200", "gb200", 72, &dsv3, 256, P::BF16, 4096, 1, 4096, {1, 8, 0, 1, 4}, 32, 3298, nullptr},
          overlapped({"H100", "h100-sxm", 8, &dsv3, 1024, P::FP8, 8192, 1, 4096, {2, 8, 0, 1, 4}, 64, 1412, nullptr}),
          {"GB300", "gb300", 72, &q235, 256, P::FP8, 3072, 2, 4096, {1, 4, 0, 1, 6}, 64, 6583, nullptr},
          overlapped({"GB200", "gb200", 72, &q235, 256, P::FP8, 3072, 3, 4096, {1, 4, 0, 1, 6}, 64, 6212, nullptr}),
          overlapped({"GB200", "gb200", 72, &q235, 256, P::BF16, 8192, 1, 4096, {1, 4, 0, 1, 12}, 32, 5100, nullptr}),
          overlapped({"H100", "h100-sxm", 8, &q235, 256, P::BF16, 2048, 1, 4096, {2, 8, 0, 1, 4}, 32, 2132, nullptr}),
          {"GB300", "gb300", 72, &q235, 128, P::FP8, 1024, 1, 131072, {4, 4, 0, 4, 12}, 32, 1556, nullptr},
      });
  // The long-context row's EP 32 exceeds its dp·cp (8): only folded experts, laid over the 32
  // ranks of TP·CP·DP, allow it.
  v.back().assumptions += "; EP 32 over the 32 ranks of TP·CP·DP, which only folded experts allow (dp·cp is 8)";
}

Model mixtral(const char* name, int layers, int hidden, int ffn, int heads) {
  // Mistral AI 2024, Mixtral of Experts (arXiv 2401.04088) Table 1 and the models' config.json: 8
  // experts of the layer's FFN size, top-2, every layer MoE, 8 KV heads of 128, vocabulary 32,000.
  Model m = llama(name, layers, hidden, ffn, heads, 8);
  m.vocab = 32000;
  m.moe = {8, 2, ffn, 0, 0};
  return m;
}

// NeMo's own performance summary, the release before Megatron-Bridge took it over: Mixtral 8x7B
// and 8x22B in FP8 on DGX-B200 (NeMo 25.02) and DGX-GB200 (NeMo 25.04). Coarse-grained MoE (8
// experts of the full FFN size, top-2), unlike every other MoE row here; all four are checks.
constexpr const char* kMixtralLongGap =
    "the model is 27 % fast on both GPUs alike (its GB200/B200 ratio, 1.22, is the published one), so no GPU "
    "value explains it; its FLOPs per token (369 G, attention 37 % of them) are those of NVIDIA's published "
    "824 TFLOP/s at 2,232 tokens/s, and its step is 92 % computation. Spread over the 224 MoE layers and "
    "micro-batches each GPU runs per step (14 layers, 16 micro-batches), what the model misses is 6.9 ms on B200 "
    "and 5.7 ms on GB200 per layer and micro-batch: the per-layer cost the small-MoE rows show (2.8-4.6 ms on "
    "GB200, 6.4 ms on B200), in a recipe that runs without CUDA graphs. The 8x7B rows (64 such per step, CUDA "
    "graphs on) hold";

void addMixtralRows(std::vector<ValidationCase>& v) {
  static const Model m7 = mixtral("Mixtral 8x7B", 32, 4096, 14336, 32);
  static const Model m22 = mixtral("Mixtral 8x22B", 56, 6144, 16384, 48);
  using P = Precision;
  auto table = [](const char* label, const char* source, const char* fp8) {
    MoeTable t{label, source, "routing and token dropping not stated: modelled balanced and dropless"};
    t.blackwellFp8 = fp8;
    return t;
  };
  // The 8x22B rows print global batch 1 and micro-batch 64; their plan (DP 4 = 256 / (TP2 PP4 CP8),
  // 16 accumulation steps) and NeMo's B200 recipe give global batch 64 at micro-batch 1, taken here.
  const char* swapped =
      "; global batch 64 at micro-batch 1: the table prints 1 and 64, which its own DP 4 and 16 accumulation "
      "steps, and NeMo's B200 recipe (gbs 64, mbs 1), read the other way round";
  addMoeRows(
      v, table("NeMo 25.02", kNemo2502Source, "FP8"),
      {
          {"B200", "b200", 8, &m7, 64, P::FP8, 256, 2, 4096, {1, 1, 0, 1, 1}, 8, 15457, nullptr},
          {"B200", "b200", 8, &m22, 256, P::FP8, 64, 1, 65536, {2, 4, 0, 8, 14}, 8, 2232, nullptr, kMixtralLongGap},
      });
  v.back().assumptions += swapped;
  addMoeRows(
      v, table("NeMo 25.04", kNemo2504Source, "FP8-CS"),
      {
          {"GB200", "gb200", 72, &m7, 64, P::FP8, 256, 2, 4096, {1, 1, 0, 1, 1}, 8, 19275, nullptr},
          {"GB200", "gb200", 72, &m22, 256, P::FP8, 64, 1, 65536, {2, 4, 0, 8, 14}, 8, 2731, nullptr, kMixtralLongGap},
      });
  v.back().assumptions += swapped;
}

}  // namespace

std::vector<ValidationCase> validationCases() {
  std::vector<ValidationCase> v;
  v.push_back(megatron(megatronGpt("1.7B", 24, 2304, 24), {1, 1, 32}, 32, 512, 16, true, 137));
  v.push_back(megatron(megatronGpt("3.6B", 30, 3072, 32), {2, 1, 32}, 64, 512, 16, true, 138));
  v.push_back(megatron(megatronGpt("7.5B", 36, 4096, 32), {4, 1, 32}, 128, 512, 16, true, 142));
  v.push_back(megatron(megatronGpt("18.4B", 40, 6144, 48), {8, 1, 32}, 256, 1024, 8, true, 135));
  v.push_back(megatron(megatronGpt("39.1B", 48, 8192, 64), {8, 2, 32}, 512, 1536, 4, false, 138));
  v.push_back(megatron(megatronGpt("76.1B", 60, 10240, 80), {8, 4, 32, 1, 3}, 1024, 1792, 2, false, 140));
  v.push_back(megatron(megatronGpt("145.6B", 80, 12288, 96), {8, 8, 24, 1, 2}, 1536, 2304, 2, false, 148));
  v.push_back(megatron(megatronGpt("310.1B", 96, 16384, 128), {8, 16, 15, 1, 2}, 1920, 2160, 1, false, 155));
  v.push_back(megatron(megatronGpt("529.6B", 105, 20480, 128), {8, 35, 9, 1, 3}, 2520, 2520, 1, false, 163));
  v.push_back(megatron(megatronGpt("1008B", 128, 25600, 160), {8, 64, 6}, 3072, 3072, 1, false, 163));
  for (auto& c : v) c.calibrates = "a100-sxm-80gb gemm_peak_fraction";  // all ten rows at once

  // The paper's training-time estimates (§5.1), compared as compute days for the tokens.
  {
    ValidationCase c = megatron(megatronGpt("GPT-3 175B", 96, 12288, 96), {8, 8, 16, 1, 2}, 1024, 1536, 2, false, 34);
    c.name = "Megatron estimate: GPT-3 175B, 300 B tokens, 1,024 A100";
    c.source = "Narayanan et al. 2021 (arXiv 2104.04473) §5.1: 34 days at 140 TF/s per GPU";
    c.assumptions +=
        "; plan not in the paper: TP8 PP8 DP16, batch 1536, micro-batch 2, 2 virtual stages "
        "(as the 145.6B row); days = compute time, no failures";
    c.metric = ValidationMetric::TrainingDays;
    v.push_back(c);
  }
  {
    ValidationCase c = megatron(megatronGpt("1T", 128, 25600, 160), {8, 64, 6}, 3072, 3072, 1, false, 84);
    c.name = "Megatron estimate: 1T model, 450 B tokens, 3,072 A100";
    c.source = "Narayanan et al. 2021 (arXiv 2104.04473) §5.1: 84 days at 163 TF/s per GPU";
    c.assumptions += "; plan of the Table 1 1008B row; days = compute time, no failures";
    c.job.training.tokens = 450e9;
    c.metric = ValidationMetric::TrainingDays;
    v.push_back(c);
  }

  const Model gpt3 = megatronGpt("GPT-3 175B", 96, 12288, 96);
  const Model l70 = llama("Llama 3 70B", 80, 8192, 28672, 64, 8);
  const Model l405 = llama("Llama 3.1 405B", 126, 16384, 53248, 128, 8);
  const auto model = FlopConvention::Model;
  const auto causal = FlopConvention::ModelCausal;
  {
    ValidationCase c = nvidia("NeMo 24.07: GPT-3 175B, 512 H100 FP8, TP4 PP8 VP6", kNemoSource, "h100-sxm", 8, gpt3,
                              {4, 8, 16, 1, 6}, 2048, 2, model, 842,
                              "; selective recomputation (launcher config 175b_fp8_performance.yaml); "
                              "FLOPs: NeMo formula, full s² attention");
    c.job.parallelism.recompute = Recompute::Selective;
    c.calibrates = kH100Fp8;
    v.push_back(c);
  }
  {
    ValidationCase c = nvidia("NeMo 24.07: Llama 3 70B, 64 H100 FP8, TP4 PP4 CP2 VP5", kNemoSource, "h100-sxm", 8, l70,
                              {4, 4, 2, 2, 5}, 128, 1, model, 738, "; FLOPs: NeMo formula, full s² attention");
    c.calibrates = kH100Fp8;
    v.push_back(c);
  }
  const char* bridgeFlops = "; FLOPs: Megatron-Bridge formula, causal attention (s²/2)";
  auto calibrating = [](ValidationCase c, const char* key) {
    c.calibrates = key;
    return c;
  };
  v.push_back(calibrating(nvidia("Megatron-Bridge 25.11: Llama 3.1 405B, 256 GB200 FP8, TP4 PP16 VP4", kBridgeSource,
                                 "gb200", 72, l405, {4, 16, 4, 1, 4}, 1536, 1, causal, 2053, bridgeFlops),
                          "gb200 gemm_peak_fraction_fp8"));
  v.push_back(calibrating(nvidia("Megatron-Bridge 25.11: Llama 3.1 405B, 256 GB300 FP8, TP2 PP8 CP2 VP4", kBridgeSource,
                                 "gb300", 72, l405, {2, 8, 8, 2, 4}, 1536, 1, causal, 2522, bridgeFlops),
                          "gb300 gemm_peak_fraction_fp8"));
  // B200 runs on GB200's values (same silicon): a check.
  v.push_back(nvidia("Megatron-Bridge 25.11: Llama 3.1 405B, 128 B200 FP8, TP4 PP8 CP2 VP8", kBridgeSource, "b200", 8,
                     l405, {4, 8, 2, 2, 8}, 64, 1, causal, 1667, bridgeFlops));
  v.push_back(calibrating(nvidia("Megatron-Bridge 25.11: Llama 3.1 405B, 1,024 H100 FP8, TP8 PP8 CP2 VP8",
                                 kBridgeSource, "h100-sxm", 8, l405, {8, 8, 8, 2, 8}, 512, 1, causal, 737, bridgeFlops),
                          kH100Fp8));
  {
    ValidationCase c = nvidia("Megatron-Bridge 25.11: Llama 3 70B, 64 GB200 FP8, FSDP", kBridgeSource, "gb200", 72, l70,
                              {1, 1, 64}, 256, 2, causal, 1937,
                              "; Megatron-FSDP (parameters, gradients and optimizer sharded over 64 GPUs); the recipe "
                              "offloads 40 layers' activations to the Grace CPU, which is not modelled, so the memory "
                              "check does not apply");
    c.job.parallelism.fsdp = true;
    c.job.parallelism.distributedOptimizer = false;
    c.assumptions += std::string(bridgeFlops);
    c.calibrates = "gb200 gemm_peak_fraction_fp8";
    v.push_back(c);
  }
  v.push_back(calibrating(nvidia("Megatron-Bridge 25.11: Llama 3 70B, 64 H100 FP8, TP4 PP8 VP5", kBridgeSource,
                                 "h100-sxm", 8, l70, {4, 8, 2, 1, 5}, 128, 1, causal, 719, bridgeFlops),
                          kH100Fp8));
  // Beyond the reference file: Llama 3 405B pre-training on H100 in BF16 (arXiv 2407.21783,
  // table 4). The 8,192-GPU row sets the H100 BF16 GEMM fraction; the 16,384-GPU row checks how
  // the model scales data parallelism across pods (1:7 oversubscribed above 3,072 GPUs).
  for (const auto& [gpus, tflops] : {std::pair{8192, 430.0}, std::pair{16384, 400.0}}) {
    ValidationCase c = nvidia("", "Dubey et al. 2024 (Llama 3, arXiv 2407.21783) table 4", "h100-sxm", 8, l405,
                              {8, 16, gpus / 128, 1, 4}, 2048, 1, model, tflops, "");
    c.name = "Llama 3 405B, " + std::to_string(gpus) + " H100 BF16, TP8 PP16 DP" + std::to_string(gpus / 128);
    c.assumptions =
        "Meta's stack modelled as Megatron-Core: sequence parallelism with TP communication overlap, "
        "sharded optimizer state, overlapped gradient reduction, fused attention, no recomputation; "
        "BF16; interleaving depth not published: 4 virtual stages assumed; RoCE 400 Gb/s per GPU, "
        "1:7 above pods of 3,072 GPUs; FLOPs: Megatron formula, full s² attention; the H100 BF16 "
        "GEMM fraction is calibrated on the 8,192-GPU row, the 16,384-GPU row checks DP scaling";
    c.job.training.precision = Precision::BF16;
    c.cluster.podGpus = 3072;
    c.cluster.oversubscriptionAbovePod = 7;
    if (gpus == 8192) c.calibrates = "h100-sxm gemm_peak_fraction";
    v.push_back(c);
  }
  addMoeRows2511(v);
  addLongSequenceRows(v);
  {
    // The long-context stage of the same run (table 4): 128K tokens, context parallelism over 16
    // ranks. Meta's CP all-gathers keys and values rather than passing them round a ring; the
    // volume is the same and the model overlaps either with the attention.
    ValidationCase c = nvidia("Llama 3 405B, 16384 H100 BF16 at 128K, TP8 PP16 CP16 DP8",
                              "Dubey et al. 2024 (Llama 3, arXiv 2407.21783) table 4", "h100-sxm", 8, l405,
                              {8, 16, 8, 16, 4}, 128, 1, model, 380, "");
    c.job.model.seqLen = 131072;
    c.assumptions =
        "as the two 8K rows (Meta's stack modelled as Megatron-Core, 4 virtual stages assumed, RoCE 1:7 above "
        "pods of 3,072 GPUs, FLOPs: Megatron formula, full s² attention); 128 sequences of 131,072 tokens "
        "(16M tokens) per step. Meta does not state how it counts attention FLOPs: counting the causal half "
        "instead, the model's figure would be 0.71× as large (the ratio of the two counts at 128K); 16 "
        "micro-batches over 16 stages leave a pipeline bubble of 15/64 of the compute at the assumed 4 "
        "virtual stages";
    c.job.training.precision = Precision::BF16;
    c.cluster.podGpus = 3072;
    c.cluster.oversubscriptionAbovePod = 7;
    v.push_back(c);
  }
  addRecomputationRows(v);
  {
    // DeepSeek's own run (arXiv 2412.19437, table 1 and section 3): 2,664K H800 GPU-hours for
    // 14.8T tokens. Compared as GPU-hours, the quantity published: wall time × GPUs, so what the
    // run lost to failures and restarts is inside it, as it is inside the estimate's. A check of
    // the H100 values the H800 takes.
    Model m = presetModel("DeepSeek-V3 671B");
    ValidationCase c = nvidia("DeepSeek-V3 671B, 2048 H800 FP8, PP16 EP64 DP128 (DeepSeek's run)",
                              "DeepSeek-AI 2024, DeepSeek-V3 Technical Report (arXiv 2412.19437) table 1 and section 3",
                              "h800-sxm", 8, m, {1, 16, 128, 1, 1}, 15360, 1, FlopConvention::ModelCausal, 2664, "");
    c.job.training.tokens = 14.8e12;
    c.assumptions =
        "14.8T tokens in 2,664K GPU-hours of pre-training, compared with the estimate's GPU-hours (its "
        "checkpoints, failures and restarts included, on the reliability defaults of the catalog's H800); the "
        "global batch after its ramp (15,360 sequences of 4,096); "
        "micro-batch 1 (not published); ZeRO-1 data parallelism (distributed optimizer); DualPipe with the "
        "expert all-to-all overlapped and node-limited routing to 4 nodes, as the report describes; the even "
        "layer split (the report does not give its layout); FP8 with DeepSeek's block scaling at the H100's "
        "FP8 rate; the recomputation of every RMSNorm and MLA up-projection the report describes; multi-token "
        "prediction depth 1; the 20 of 132 SMs the all-to-all keeps throughout (§3.5.1), DualPipe's default; not "
        "modelled: FP8 GEMMs with block scaling and promotion to CUDA cores, the batch ramp over the first 469 B "
        "tokens; the modelled plan needs 77 GiB of 80 GB (74.5 GiB), which the run met with FP8 activations and "
        "BF16 optimizer moments";
    c.job.parallelism.ep = 64;
    c.job.parallelism.dualPipe = true;
    c.job.parallelism.epOverlap = true;
    // Section 3.2.3: "We recompute all RMSNorm operations and MLA up-projections during back-propagation".
    c.job.parallelism.recompute = Recompute::Selective;
    c.job.parallelism.recomputeModules = kRecomputeNorms | kRecomputeMlaUpProjection;
    c.metric = ValidationMetric::GpuHours;
    v.push_back(c);
  }
  addBridge2602Rows(v, l70, l405);
  addLaterBridgeRows(v);
  addMoeReportRows(v);
  addBridge2604And2606Rows(v);
  addMixtralRows(v);
  return v;
}

double predict(const ValidationCase& c, const catalog::Catalog& cat) {
  const catalog::Gpu* gpu = cat.gpu(c.cluster.gpu);
  if (!gpu) throw std::runtime_error("validation: GPU '" + c.cluster.gpu + "' is not in the catalog");
  const Estimate e = estimate(c.job, c.cluster, resolveGpu(*gpu, c.cluster));
  if (c.metric == ValidationMetric::TrainingDays) return e.trainingDays;
  if (c.metric == ValidationMetric::GpuHours) return e.gpuHours / 1e3;
  if (c.metric == ValidationMetric::SecondsPerIteration) return e.step.total;
  if (c.metric == ValidationMetric::TokensPerSecondPerGpu) return e.tokensPerSecond / e.gpusUsed;
  return e.tokensPerSecond * modelFlopsPerToken(c.job.model, c.convention) / e.gpusUsed / 1e12;
}

std::vector<ValidationResult> runValidation(const catalog::Catalog& cat) {
  std::vector<ValidationResult> out;
  for (auto& c : validationCases()) {
    ValidationResult r;
    r.predicted = predict(c, cat);
    r.memory = memoryPerGpu(c.job, resolveGpu(*cat.gpu(c.cluster.gpu), c.cluster));
    r.error = (r.predicted - c.published) / c.published;
    r.pass = std::fabs(r.error) <= c.tolerance;
    r.testCase = std::move(c);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {
bool sameShape(const Model& a, const Model& b) {
  return a.layers == b.layers && a.hidden == b.hidden && a.ffnHidden == b.ffnHidden && a.heads == b.heads &&
         a.kvHeads == b.kvHeads && a.vocab == b.vocab && a.moe.experts == b.moe.experts && a.moe.topK == b.moe.topK &&
         a.moe.expertFfnHidden == b.moe.expertFfnHidden;
}

// The gap's first clause ("small hidden size (2,048–2,880)"): what it is, without the evidence.
std::string gapHeadline(const std::string& gap) {
  return gap.substr(0, std::min(gap.find(':'), gap.find(". ")));
}
}  // namespace

std::vector<engine::Finding> publishedGapFindings(const Job& job, const std::string& gpu, const catalog::Catalog& cat) {
  const catalog::Gpu* g = cat.gpu(gpu);
  if (!g) return {};
  int rows = 0, gaps = 0;
  double lo = 0, hi = 0, tolerance = 0;
  std::vector<std::string> why;
  static const std::vector<ValidationCase> cases = validationCases();  // built once: every estimate asks
  for (const ValidationCase& c : cases) {
    if (c.cluster.gpu != gpu || c.job.training.precision != job.training.precision ||
        !sameShape(c.job.model, job.model))
      continue;
    ++rows;
    const double error = (predict(c, cat) - c.published) / c.published;
    if (c.gap.empty() || std::fabs(error) <= c.tolerance) continue;
    lo = gaps == 0 ? error : std::min(lo, error);
    hi = gaps == 0 ? error : std::max(hi, error);
    tolerance = c.tolerance;
    ++gaps;
    if (const std::string w = gapHeadline(c.gap); std::find(why.begin(), why.end(), w) == why.end()) why.push_back(w);
  }
  if (gaps == 0) return {};
  const auto pct = [](double x) { return std::to_string(static_cast<int>(std::lround(100 * std::fabs(x)))) + " %"; };
  // Smaller to larger distance from published, one direction or both.
  const auto between = [&](double a, double b) {
    if (std::fabs(a - b) < 0.005) return pct(a);
    const std::string first = pct(a);
    return first.substr(0, first.size() - 2) + "–" + pct(b);  // "40–60 %"
  };
  std::string direction;
  if (lo > 0)
    direction = "the model gives them " + between(lo, hi) +
                " more throughput than published: expect this estimate to be as optimistic";
  else if (hi < 0)
    direction = "the model gives them " + between(hi, lo) +
                " less throughput than published (later software): this estimate may be as pessimistic";
  else
    direction = "the model is from " + pct(lo) + " slower to " + pct(hi) + " faster than they ran";
  std::string reasons;
  for (const std::string& w : why) reasons += (reasons.empty() ? "" : "; ") + w;
  const std::string model = job.model.name.empty() ? std::string("this model") : job.model.name;
  std::string precision(toString(job.training.precision));
  for (char& ch : precision) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return {engine::makeFinding(engine::Severity::Warning, gpu, "training.published-gap",
                              "published runs of " + model + " in " + precision + " on " + gpu + ": " +
                                  (gaps < rows ? std::to_string(gaps) + " of " + base::counted(rows, "row")
                                   : rows == 1 ? std::string("the one row")
                                               : "all " + std::to_string(rows) + " rows") +
                                  " outside ±" + pct(tolerance) + ", and " + direction +
                                  " (known gaps in docs/validation.md: " + reasons + ")",
                              std::fabs(lo) > std::fabs(hi) ? lo : hi, tolerance)};
}

void addPublishedGapFindings(Estimate& e, const std::string& gpu, const catalog::Catalog& cat) {
  const auto gap = publishedGapFindings(e.job, gpu, cat);
  e.findings.insert(e.findings.end(), gap.begin(), gap.end());
}

ValidationTally tally(const std::vector<ValidationResult>& results) {
  ValidationTally t;
  for (const auto& r : results) {
    if (r.pass) {
      ++t.within;
    } else if (r.testCase.gap.empty()) {
      ++t.failed;
    } else {
      ++t.gaps;
    }
  }
  return t;
}

namespace {
// The GPU whose efficiency values a row of `id` runs on: B200 takes GB200's GEMM fractions and GB200
// B200's attention fraction (the same silicon); B300 takes every value of GB300.
std::string valuesOf(const std::string& id, bool attention) {
  if (id == "b300") return "gb300";
  if (attention) return id == "gb200" ? "b200" : id;
  return id == "b200" ? "gb200" : id;
}
}  // namespace

std::vector<std::pair<std::string, std::pair<std::string, std::string>>> calibrationTable(
    const std::vector<ValidationResult>& results) {
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> out;
  auto rowsOf = [&](const std::string& param, bool calibrating) {
    const std::string gpu = param.substr(0, param.find(' '));
    // The GEMM fraction's precision: _fp8, _fp4, or BF16 (FP16 rows run on it too).
    const Precision family = param.ends_with("_fp8")   ? Precision::FP8
                             : param.ends_with("_fp4") ? Precision::FP4
                                                       : Precision::BF16;
    const bool attention = param.find("attention_peak_fraction") != std::string::npos;
    // A GEMM fraction is checked by rows of its precision, the attention fraction by every row with
    // fused attention.
    std::string list;
    for (std::size_t i = 0; i < results.size(); ++i) {
      const ValidationCase& c = results[i].testCase;
      const Precision p = c.job.training.precision;
      const Precision rowFamily = isLowPrecision(p) ? p : Precision::BF16;
      const std::string& id = c.cluster.gpu;
      const std::string runsOn = valuesOf(id, attention);
      const bool uses = attention ? c.job.training.flashAttention : rowFamily == family;
      const bool match =
          calibrating ? c.calibrates == param : c.calibrates.empty() && c.gap.empty() && runsOn == gpu && uses;
      if (match) list += (list.empty() ? "" : ", ") + std::to_string(i + 1);
    }
    return list;
  };
  for (const auto& r : results) {
    const std::string& p = r.testCase.calibrates;
    if (p.empty() || std::any_of(out.begin(), out.end(), [&](const auto& e) { return e.first == p; })) continue;
    out.push_back({p, {rowsOf(p, true), rowsOf(p, false)}});
  }
  return out;
}

std::string validationMarkdown(const std::vector<ValidationResult>& results, const catalog::Catalog& cat) {
  std::ostringstream o;
  char buf[64];
  o << "# Training model validation\n\n"
    << "Generated by `gigaplan train --validation-report docs/validation.md` from the cases in\n"
    << "`core/training/validation.cpp`; do not edit by hand. Throughput is model TFLOP/s per GPU in each\n"
    << "source's own FLOP convention (noted per row); days are compute days for the tokens, without\n"
    << "failures; the mixture-of-experts rows compare tokens/s per GPU, which needs no FLOP convention, and\n"
    << "the 2022 recomputation rows seconds per iteration (there a positive error is a slower prediction).\n"
    << "Tolerances: ±10 % for Megatron-LM rows and estimates, ±15 % for NVIDIA rows.\n"
    << "Role: *calibrates* names the efficiency parameter the row was used to set (with the other rows\n"
    << "naming it); *check* rows run on values set elsewhere and test the model independently; a\n"
    << "*known gap* is a published row the model does not reproduce yet, listed below with what is known\n"
    << "of why — it sets no parameter and is not counted as a pass.\n\n"
    << "| # | case | metric | published | predicted | error | within | role | source |\n"
    << "|---|---|---|---|---|---|---|---|---|\n";
  auto role = [](const ValidationCase& c) {
    if (!c.gap.empty()) return std::string("known gap");
    return c.calibrates.empty() ? std::string("check") : "calibrates " + c.calibrates;
  };
  auto metricName = [](ValidationMetric metric) {
    return metric == ValidationMetric::TrainingDays            ? "days"
           : metric == ValidationMetric::SecondsPerIteration   ? "s per iteration"
           : metric == ValidationMetric::TokensPerSecondPerGpu ? "tokens/s per GPU"
           : metric == ValidationMetric::GpuHours              ? "thousand GPU-hours"
                                                               : "TFLOP/s per GPU";
  };
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const ValidationMetric metric = r.testCase.metric;
    o << "| " << i + 1 << " | " << r.testCase.name << " | " << metricName(metric) << " | ";
    // Seconds per iteration are published to the hundredth; the other metrics to the unit.
    const bool seconds = metric == ValidationMetric::SecondsPerIteration;
    std::snprintf(buf, sizeof buf, seconds ? "%.2f | %.2f | %+.1f %% | " : "%.0f | %.1f | %+.1f %% | ",
                  r.testCase.published, r.predicted, 100 * r.error);
    o << buf << (r.pass ? "yes" : "**no**");
    std::snprintf(buf, sizeof buf, " (±%.0f %%)", 100 * r.testCase.tolerance);
    o << buf << " | " << role(r.testCase) << " | " << r.testCase.source << " |\n";
  }
  const ValidationTally t = tally(results);
  o << "\n" << t.within << " of " << results.size() << " within tolerance";
  if (t.gaps > 0) o << "; " << t.gaps << " known gap" << (t.gaps == 1 ? "" : "s") << " (below)";
  if (t.failed > 0) o << "; " << t.failed << " outside tolerance";
  o << ".\n\n## Long sequences: attention and context parallelism\n\n"
    << "As the sequence grows, attention's share of the model FLOPs grows and context parallelism spreads\n"
    << "each sequence over more GPUs. The 1M-token row of each GPU sets its attention fraction; every\n"
    << "other row here checks it, the CP exchanges and the attention FLOPs at that length.\n\n"
    << "| # | case | tokens | CP | attention share of FLOPs | published | predicted | error | role |\n"
    << "|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const ValidationCase& c = results[i].testCase;
    if (c.job.model.seqLen <= 8192 && c.source != kLongSequenceSource) continue;
    const Model& m = c.job.model;
    const double attention = 3.0 * m.layers *
                             layerAttentionFlopsPerToken(m, c.convention == FlopConvention::ModelCausal) /
                             modelFlopsPerToken(m, c.convention);
    std::snprintf(buf, sizeof buf, " | %d | %.0f %% | ", c.job.parallelism.cp, 100 * attention);
    o << "| " << i + 1 << " | " << c.name << " | " << base::thousands(m.seqLen) << buf;
    std::snprintf(buf, sizeof buf, "%.0f | %.0f | %+.1f %% | ", c.published, results[i].predicted,
                  100 * results[i].error);
    o << buf << role(c) << " |\n";
  }
  o << "\n## Full against selective recomputation\n\n"
    << "Korthikanti et al. 2022 ran each model twice on the same GPUs: with full activation recomputation,\n"
    << "and with sequence parallelism and selective recomputation. The ratio of the two iteration times is\n"
    << "what full recomputation costs; both runs are checks of the A100 values set on the 2021 rows.\n\n"
    << "| model | full recompute, published | predicted | selective + SP, published | predicted | "
       "ratio published | ratio predicted |\n|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i + 1 < results.size(); ++i) {
    const ValidationResult& full = results[i];
    const ValidationResult& selective = results[i + 1];
    if (full.testCase.source != kRecomputationSource || full.testCase.job.parallelism.recompute != Recompute::Full)
      continue;
    std::snprintf(buf, sizeof buf, "%.2f s | %.2f s | ", full.testCase.published, full.predicted);
    o << "| " << full.testCase.job.model.name << " | " << buf;
    std::snprintf(buf, sizeof buf, "%.2f s | %.2f s | ", selective.testCase.published, selective.predicted);
    o << buf;
    std::snprintf(buf, sizeof buf, "%.2f | %.2f |\n", full.testCase.published / selective.testCase.published,
                  full.predicted / selective.predicted);
    o << buf;
  }
  o << "\n## Mixture of experts: independent checks on B200 and H100\n\n"
    << "Megatron-Bridge's MoE rows on B200 and H100, from its 25.11 summary and from the next two (NeMo\n"
    << "26.02 and 26.02.01). No parameter was set on them: B200 runs on GB200's values (same silicon), H100 on the\n"
    << "values its dense rows set. Each must land within ±15 %; the rows that do not are known gaps,\n"
    << "shown here with their error all the same.\n\n"
    << "| # | case | published | predicted | error | within |\n|---|---|---|---|---|---|\n";
  std::map<std::string, std::pair<int, int>> moeChecks;  // release → (within, rows)
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string& gpu = r.testCase.cluster.gpu;
    if (r.testCase.metric != ValidationMetric::TokensPerSecondPerGpu || (gpu != "b200" && gpu != "h100-sxm")) continue;
    std::snprintf(buf, sizeof buf, "%.0f | %.0f | %+.1f %% | ", r.testCase.published, r.predicted, 100 * r.error);
    o << "| " << i + 1 << " | " << r.testCase.name << " | " << buf
      << (r.pass                   ? "yes"
          : r.testCase.gap.empty() ? "**no**"
                                   : "**no** (known gap)")
      << " |\n";
    const std::string& name = r.testCase.name;
    auto& [within, rows] = moeChecks[name.substr(0, name.find(':'))];
    within += r.pass ? 1 : 0;
    ++rows;
  }
  o << "\n";
  for (const auto& [release, count] : moeChecks) {
    o << release << ": " << count.first << " of " << count.second << " within ±15 %.\n";
  }
  if (t.gaps > 0) {
    o << "\n## Known gaps\n\nPublished rows the model does not reproduce yet, and what is known of why.\n\n";
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      if (r.testCase.gap.empty()) continue;
      std::snprintf(buf, sizeof buf, "%+.1f %%", 100 * r.error);
      o << "- Row " << i + 1 << ", " << r.testCase.name << " (" << buf << "): " << r.testCase.gap << ".\n";
    }
  }
  o << "\n## Calibration and checks\n\n"
    << "Each calibrated efficiency parameter, the rows that set it and the independent rows that check it:\n"
    << "for a GEMM fraction, rows of the same GPU type and precision that did not take part in the\n"
    << "calibration (B200 rows run on GB200's values, B300 rows on GB300's); for the attention fraction,\n"
    << "every such row with fused attention (GB200 rows run on B200's value).\n\n"
    << "| parameter | calibrated on rows | checked by rows |\n|---|---|---|\n";
  for (const auto& [param, rows] : calibrationTable(results)) {
    o << "| " << param << " | " << rows.first << " | "
      << (rows.second.empty() ? "none (no independent row)" : rows.second) << " |\n";
  }
  o << "\n## Assumptions per case\n\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    o << i + 1 << ". " << results[i].testCase.name << ": " << results[i].testCase.assumptions << ".\n";
  }
  o << "\n## Memory per GPU\n\n"
    << "HBM the model gives each published plan on its busiest pipeline rank (weights, gradients,\n"
    << "optimizer state, activations, runtime buffers), against the GPU's capacity. These runs all\n"
    << "happened, so a plan over capacity marks where the memory model is conservative or the run used\n"
    << "something it does not model (activation offload to CPU memory, FP8 parameter storage, a\n"
    << "custom pipeline schedule). The activation terms agree with Megatron-LM's own estimator\n"
    << "(Korthikanti et al. 2022, table 2) and are written out per tensor in `core/training/memory.cpp`.\n\n"
    << "| # | case | weights | gradients | optimizer | activations | buffers | total GiB | HBM GiB | fits |\n"
    << "|---|---|---|---|---|---|---|---|---|---|\n";
  int over = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const MemoryBreakdown& m = results[i].memory;
    std::snprintf(buf, sizeof buf, "%.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | ", m.weights / units::kGiB,
                  m.gradients / units::kGiB, m.optimizer / units::kGiB, m.activations / units::kGiB,
                  m.buffers / units::kGiB, m.total / units::kGiB, m.capacity / units::kGiB);
    o << "| " << i + 1 << " | " << results[i].testCase.name << " | " << buf;
    if (m.fits) {
      o << "yes |\n";
    } else {
      std::snprintf(buf, sizeof buf, "**no** (+%.1f %%) |\n", 100 * (m.total / m.capacity - 1));
      o << buf;
      ++over;
    }
  }
  o << "\n" << results.size() - over << " of " << results.size() << " published plans fit in the model.\n";
  o << "\n## Efficiency parameters used\n\n"
    << "Per GPU type, from `resources/catalog/gpu_efficiency.yaml` (the origin of each value is stated\n"
    << "there). The same values serve every row of a GPU type; which rows set them is in the calibration\n"
    << "table above. B200 reuses GB200's GEMM fractions and GB200 B200's attention fraction.\n\n";
  std::vector<std::string> seen;
  for (const auto& r : results) {
    const std::string& id = r.testCase.cluster.gpu;
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    const catalog::Gpu* gpu = cat.gpu(id);
    if (!gpu) continue;
    o << "- **" << id << "**:";
    for (const auto& key : efficiencyKeys()) {
      auto it = gpu->efficiency.find(key);
      o << " " << key << " = " << (it == gpu->efficiency.end() ? std::string("default") : [&] {
        std::snprintf(buf, sizeof buf, "%g", it->second);
        return std::string(buf);
      }()) << (key == efficiencyKeys().back() ? "" : ",");
    }
    o << "\n";
  }
  return o.str();
}

}  // namespace gigaplan::training
