// A training job (model, data, parallelism) and the cluster it runs on, as plain data.
// Read from a job file or a design's `job:` section (core/io), consumed by the training model.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace gigaplan::training {

enum class Precision { BF16, FP8, FP4, FP16 };  // FP16: what 2020–2022 A100 runs used (same 2 bytes as BF16)
enum class Recompute { None, Selective, Full };
// What selective recomputation repeats (Megatron-Core's recompute_modules), a bit set: the
// attention core (its softmax scores; flash attention recomputes them anyway), the two norms
// (their outputs, the inputs of QKV and of a dense MLP), the MLA up-projections (queries, keys and
// values rebuilt from the latents) and the routed experts' activation function (its output, the
// second expert GEMM's input).
enum RecomputeModule : unsigned {
  kRecomputeCoreAttention = 1u << 0,
  kRecomputeNorms = 1u << 1,
  kRecomputeMlaUpProjection = 1u << 2,
  kRecomputeMoeActivation = 1u << 3,
};
enum class Activation { Gelu, SwiGlu };  // MLP kind: 2 matrices (GPT) or 3, gated (Llama)
// How tensor-parallel exchanges meet the GEMMs: `none` blocks in both passes (Megatron-LM of
// 2021); `backward` overlaps the backward's with its GEMMs (Megatron's asynchronous all-reduce and
// all-gather, from late 2021) and blocks in the forward; `full` overlaps both passes (Transformer
// Engine's overlap of sequence-parallel all-gathers and reduce-scatters). `automatic` is `full`
// with sequence parallelism and `backward` without.
enum class TpOverlap { Automatic, None, Backward, Full };

/// Mixture of experts as frontier models build it (DeepSeek-V3, Qwen3, GPT-OSS): each MoE layer's
/// MLP is `experts` routed experts of which a token visits `topK`, plus `sharedExperts` every token
/// visits, all of `expertFfnHidden`; the first `denseLayers` layers keep a dense MLP of ffn_hidden.
struct MoE {
  int experts = 0;  // routed experts; 0 = dense model
  int topK = 0;
  int expertFfnHidden = 0;
  int sharedExperts = 0;  // always-active experts of expertFfnHidden each (DeepSeek-V3: 1)
  int denseLayers = 0;    // the first k layers are dense (DeepSeek-V3: 3)
  // Node-limited routing: a token's experts lie on at most this many scale-up domains (nodes),
  // and its dispatch crosses the scale-out network once per destination node, fanned out over
  // NVLink there (DeepSeek-V3: 4). 0 = unrestricted, every routed copy travels on its own.
  int nodeLimit = 0;
  friend bool operator==(const MoE&, const MoE&) = default;
};

/// Multi-head latent attention (DeepSeek-V2/V3): keys and values are projected down to a latent
/// of kvLoraRank (queries to qLoraRank, 0 = a full query projection) and back up per head; every
/// head's query and key carry qkNopeHeadDim + a decoupled RoPE part of qkRopeHeadDim, whose key
/// part is shared by all heads; values are vHeadDim per head. kvLoraRank 0 = ordinary (GQA) attention.
struct LatentAttention {
  int qLoraRank = 0, kvLoraRank = 0, qkNopeHeadDim = 0, qkRopeHeadDim = 0, vHeadDim = 0;
  friend bool operator==(const LatentAttention&, const LatentAttention&) = default;
};

struct Model {
  std::string name;
  int layers = 0, hidden = 0, ffnHidden = 0, heads = 0, kvHeads = 0, seqLen = 0, vocab = 0;
  int headDim = 0;  // per attention head; 0 = hidden / heads (Qwen3 and GPT-OSS set their own)
  Activation activation = Activation::Gelu;
  MoE moe;
  LatentAttention mla;
  int mtpDepth = 0;  // multi-token prediction modules after the main model (DeepSeek-V3: 1)
  // The output layer is the input embedding's matrix (key `tied_embeddings`); unset = as the
  // activation's family builds it: GPT (GELU) tied, Llama style (SwiGLU) separate (tiedEmbeddings()).
  std::optional<bool> tiedEmbeddings;
  friend bool operator==(const Model&, const Model&) = default;
};

struct TrainingSetup {
  double tokens = 0;    // tokens to train on
  int globalBatch = 0;  // sequences per step
  int microBatch = 1;
  Precision precision = Precision::BF16;
  bool flashAttention = true;  // fused attention kernel; false = unfused softmax (Megatron-LM 2021)
  // s from a failure to training again, besides reading the checkpoint back (detect, reschedule,
  // start, set up communicators; key `restart: 2 min`); 0 = kRestartFixed, assumed (grade U).
  double restart = 0;
  // When the run begins, in days since 1970-01-01 (key `start: 2026-05-01`): on a design with
  // phases the run starts then and takes each phase's rate; none = at the first phase.
  std::optional<int> start;
  friend bool operator==(const TrainingSetup&, const TrainingSetup&) = default;
};

/// `comm_sms` left out: the plan decides (effectiveCommSms).
inline constexpr int kAutomaticCommSms = -1;
/// The most SMs a plan may set aside for communication: half of the smallest GPU the catalog
/// models (an A100's 108).
inline constexpr int kMaxCommSms = 54;
/// What DeepSeek's DualPipe sets aside: "we allocate 20 out of the 132 SMs available in the H800
/// GPU" for the all-to-all (DeepSeek-V3 technical report, arXiv 2412.19437, §3.5.1; §3.2.2: 20
/// SMs suffice to fill InfiniBand and NVLink).
inline constexpr int kDualPipeCommSms = 20;

struct Parallelism {
  bool automatic = false;  // `parallelism: auto` — search for the best plan
  int tp = 1, pp = 1, dp = 1, cp = 1, ep = 1, virtualStages = 1;
  bool sequenceParallel = false;
  Recompute recompute = Recompute::None;
  // With selective recomputation, what it repeats (key `recompute_modules`): RecomputeModule bits.
  unsigned recomputeModules = kRecomputeCoreAttention;
  bool distributedOptimizer = false;
  bool fsdp = false;              // weights, gradients and optimizer sharded over DP (ZeRO-3)
  bool overlapGradReduce = true;  // DP gradient reduction overlapped with the last backward
  TpOverlap tpOverlap = TpOverlap::Automatic;
  // Expert all-to-all of one micro-batch under the computation of another, in the steady state of
  // the 1F1B schedule (Megatron-Core's moe_a2a_overlap; DeepSeek's DualPipe does the same).
  bool epOverlap = false;
  // Expert dispatch sent once per destination NVLink domain and fanned out over NVLink there
  // (DeepEP, HybridEP; key `ep_dispatch: per-node`), instead of every routed copy crossing the
  // scale-out network (NCCL all-to-all, Megatron's `alltoall` dispatcher). Matters when EP spans
  // domains; node-limited routing always dispatches per node.
  bool epPerNode = false;
  // Tensor parallelism of the routed experts (key `expert_tp`): 0 = the plan's tp, Megatron-Core's
  // default, which splits each expert over the TP ranks and spaces the EP ranks tp apart; 1 =
  // parallel folding (Megatron-Core MoE report §3.3): whole experts, the EP ranks consecutive, and
  // EP drawn from all tp·cp·dp ranks of a stage rather than from dp·cp.
  int expertTp = 0;
  // DeepSeek's DualPipe schedule (DeepSeek-V3 report §3.2.1): micro-batches enter the pipeline from
  // both ends, each rank holds two stages (stage r and stage pp − 1 − r: parameters twice), and
  // every forward chunk runs beside a backward chunk, its pipeline transfers (and, with epOverlap,
  // its expert all-to-all) hidden under the other's computation. Bubble (pp/2 − 1)(F&B + B − 3W).
  bool dualPipe = false;
  // Streaming multiprocessors the expert all-to-all kernels keep for the whole step (key
  // `comm_sms`), so the computation runs on the others; kAutomaticCommSms = what the plan implies
  // (effectiveCommSms).
  int commSms = kAutomaticCommSms;
  friend bool operator==(const Parallelism&, const Parallelism&) = default;
};

struct Job {
  Model model;
  TrainingSetup training;
  Parallelism parallelism;
  friend bool operator==(const Job&, const Job&) = default;
};

/// The cluster as the training model sees it. From a bare cluster file, or derived from a design's
/// Evaluation (GPU type and count, scale-up domain, fabric bandwidths, PUE, failure domains).
struct Cluster {
  std::string gpu;  // catalog GPU id
  int count = 0;
  int scaleUpSize = 8;           // GPUs per NVLink domain
  double scaleUpBandwidth = 0;   // B/s per GPU per direction; 0 = from the catalog
  double scaleOutBandwidth = 0;  // B/s per GPU (NIC); 0 = from the catalog
  double oversubscription = 1;   // above the leaf
  int podGpus = 0;               // GPUs at full bisection (0 = all)
  double oversubscriptionAbovePod = 1;
  int leafGpus = 0;                  // GPUs below one leaf group; 0 = one scale-up domain
  double scaleUpLatency = 0;         // s per collective step; 0 = from the GPU's efficiency table
  double scaleOutLatency = 0;        // s per collective step; 0 = from the GPU's efficiency table
  double pue = 0;                    // 0 = unknown (energy reported as IT only)
  double itPowerPerGpu = 0;          // W per GPU incl. its share of host/network; 0 = GPU TDP-based
  double storageBandwidth = 0;       // B/s for checkpoints; 0 = assumed default (reported as such)
  int largestFailureDomainGpus = 0;  // from the reliability analysis; 0 = one node
};

/// FP8 and FP4: linears take 1-byte (or smaller) inputs and keep a low-precision weight copy.
inline bool isLowPrecision(Precision p) {
  return p == Precision::FP8 || p == Precision::FP4;
}

std::string_view toString(Precision);
std::string_view toString(Recompute);
std::string_view toString(Activation);
std::string_view toString(TpOverlap);

/// The recompute modules by their file names (Megatron-Core's), with their bits and the names the
/// views show: {"core_attn", kRecomputeCoreAttention, "attention core"}, ...
struct RecomputeModuleName {
  const char* key;
  RecomputeModule bit;
  const char* label;
};
inline constexpr std::array<RecomputeModuleName, 4> kRecomputeModuleNames{{
    {"core_attn", kRecomputeCoreAttention, "attention core"},
    {"layernorm", kRecomputeNorms, "norms"},
    {"mla_up_proj", kRecomputeMlaUpProjection, "MLA up-projections"},
    {"moe_act", kRecomputeMoeActivation, "expert activation"},
}};

/// Whether a plan recomputes `module` in the backward pass (selective recomputation naming it).
inline bool recomputes(const Parallelism& p, RecomputeModule module) {
  return p.recompute == Recompute::Selective && (p.recomputeModules & module) != 0;
}

/// The recompute modules a model has: the attention core and the norms always, the MLA
/// up-projections with latent attention, the expert activation with experts.
inline unsigned recomputeModulesOf(const Model& m) {
  unsigned modules = kRecomputeCoreAttention | kRecomputeNorms;
  if (m.mla.kvLoraRank > 0) modules |= kRecomputeMlaUpProjection;
  if (m.moe.experts > 0) modules |= kRecomputeMoeActivation;
  return modules;
}

/// The labels of `modules`, in kRecomputeModuleNames order: "norms, MLA up-projections".
std::string recomputeModulesText(unsigned modules);

/// "none", "full", "selective" (the attention core alone, the default) or "selective (norms,
/// MLA up-projections)".
std::string recomputeText(const Parallelism&);

/// A plan's sizes and schedule, for the views too narrow for planText (Metrics panel, the Job
/// panel's heading): "TP 8 · PP 16 · DP 16 · CP 1 · EP 8, 2 virtual stages, EP all-to-all overlapped".
std::string planShapeText(const Job&);

/// A plan as every view describes it (report, command line, Job panel): planShapeText, then
/// "micro-batch 1, recompute none, sequence parallel, distributed optimizer" and the TP overlap.
std::string planText(const Job&);

/// The routed experts' tensor parallelism: 1 when folded, else the plan's TP.
inline int expertTensorParallel(const Parallelism& p) {
  return p.expertTp > 0 ? p.expertTp : p.tp;
}

/// Whether the routed experts are folded: whole experts on each GPU under a TP of 2 or more.
inline bool expertsFolded(const Parallelism& p) {
  return p.expertTp == 1 && p.tp > 1;
}

/// The ranks of a pipeline stage that expert parallelism draws on: dp·cp, or all tp·cp·dp when the
/// experts are folded. EP divides it; the ranks holding the same experts number it / ep.
inline long long expertParallelRanks(const Parallelism& p) {
  return (expertsFolded(p) ? static_cast<long long>(p.tp) : 1LL) * p.cp * p.dp;
}

/// Whether a job can fold its experts: it has experts, a TP to fold and a sequence-parallel shard
/// for them to take their tokens from.
inline bool expertFoldingAllowed(const Job& j) {
  return j.model.moe.experts > 0 && j.parallelism.tp > 1 && j.parallelism.sequenceParallel;
}

/// Whether a plan can overlap its expert all-to-all: there is one (ep > 1), and Megatron-Core pairs
/// micro-batches only without a pipeline or in the interleaved schedule (DualPipe always pairs).
inline bool expertOverlapAllowed(const Parallelism& p) {
  return p.ep > 1 && (p.pp == 1 || p.virtualStages > 1 || p.dualPipe);
}

/// The pipeline DualPipe needs (besides enough micro-batches, which the plan rules check): an even
/// number of stages, two or more, and no virtual stages of its own (it has two chunks per rank).
inline bool dualPipeShape(int pp, int virtualStages) {
  return pp >= 2 && pp % 2 == 0 && virtualStages == 1;
}

/// The SMs a plan's expert all-to-all keeps for the whole step. Left out: DeepSeek's 20 under
/// DualPipe with the all-to-all overlapped — there a forward and a backward chunk always run side
/// by side, one computing while the other communicates (report §3.2.1), so the communication
/// kernels hold their SMs throughout; otherwise none, the kernels taking SMs only while they run
/// (Megatron-Core's EP overlap), which comm_overlap_cost charges.
inline int effectiveCommSms(const Parallelism& p) {
  if (!p.epOverlap || p.ep <= 1) return 0;
  if (p.commSms != kAutomaticCommSms) return p.commSms;
  return p.dualPipe ? kDualPipeCommSms : 0;
}

/// The overlap a plan runs with: `automatic` resolved by sequence parallelism.
inline TpOverlap effectiveTpOverlap(const Parallelism& p) {
  if (p.tpOverlap != TpOverlap::Automatic) return p.tpOverlap;
  return p.sequenceParallel ? TpOverlap::Full : TpOverlap::Backward;
}

}  // namespace gigaplan::training
