// Memory model (see memory.h). Activation terms follow Korthikanti et al. 2022 ("Reducing
// Activation Recomputation in Large Transformer Models"), table 2: per layer s·b·h·(34 + 5as/h)
// bytes for GPT with dropout, of which 10 are replicated across tensor-parallel ranks unless
// sequence parallelism shards them; written here term by term so GQA, gated MLPs, MoE and FP8
// change the right terms.
#include "core/training/memory.h"

#include <algorithm>

#include "core/training/flops.h"
#include "core/training/plan_shape.h"

namespace gigaplan::training {
namespace {

struct ActivationTerms {
  double replicated = 0;     // bytes per token per hidden unit, kept whole on every TP rank without SP
  double sharded = 0;        // bytes per token per hidden unit, split over TP ranks
  double attentionCore = 0;  // softmax + dropout: 5·a·s/h bytes per token per hidden unit
};

ActivationTerms terms(const Job& job) {
  const Model& m = job.model;
  const double h = m.hidden;
  const bool lowPrecision = isLowPrecision(job.training.precision);
  const double linearIn = lowPrecision ? 1 : 2;  // FP8 linears keep their inputs in FP8
  const bool moe = m.moe.experts > 0;
  const double routed = moe ? m.moe.topK : 1;
  const double ffn = moe ? m.moe.expertFfnHidden : m.ffnHidden;
  const double shared = moe ? static_cast<double>(m.moe.sharedExperts) * m.moe.expertFfnHidden : 0;
  const double gate = m.activation == Activation::SwiGlu ? 2 : 1;
  // GPT-style models train with dropout (a 1-byte mask after attention and after the MLP);
  // Llama-style models do not.
  const double masks = m.activation == Activation::Gelu ? 2 : 0;
  // Attention tensors relative to the hidden size: Q and K for QKᵀ, V for AV, the out-projection
  // input (heads × value head dim). Multi-head attention with head dim h/heads: 1 each.
  const double q = queryWidth(m) / h, k = keyWidth(m) / h, v = valueWidth(m) / h;
  const double out = m.mla.kvLoraRank > 0 ? static_cast<double>(m.heads) * m.mla.vHeadDim / h : q;
  ActivationTerms t;
  // Two norm inputs (2 each), QKV and FC1 inputs, the dropout masks.
  t.replicated = 4 + linearIn + linearIn * routed + masks;
  // MLA: the query and key/value latents (and the shared RoPE key) feed the up-projections, which
  // every TP rank computes from the whole latent.
  if (m.mla.kvLoraRank > 0) t.replicated += linearIn * (m.mla.qLoraRank + m.mla.kvLoraRank + m.mla.qkRopeHeadDim) / h;
  // Q, K, V; out-projection input; activation input and FC2 input of the routed (or dense) and
  // shared experts.
  t.sharded = 2 * q + 2 * k + 2 * v + linearIn * out + (routed * ffn + shared) * (2 * gate + linearIn) / h;
  t.attentionCore = 5.0 * m.heads * m.seqLen / (h * job.parallelism.cp);
  // Selective recomputation drops what its modules rebuild in the backward pass: the norm outputs
  // (the QKV input, and a dense MLP's FC1 input; the routed copies are the dispatch's), the
  // queries, keys and values of the MLA up-projections, the routed experts' FC2 input.
  const Parallelism& par = job.parallelism;
  if (recomputes(par, kRecomputeNorms)) t.replicated -= linearIn * (moe ? 1 : 2);
  if (recomputes(par, kRecomputeMlaUpProjection) && m.mla.kvLoraRank > 0) t.sharded -= 2 * q + 2 * k + 2 * v;
  if (recomputes(par, kRecomputeMoeActivation) && moe) t.sharded -= routed * ffn * linearIn / h;
  return t;
}

}  // namespace

double layerActivationBytes(const Job& job) {
  const PlanShape s = shapeOf(job);
  const ActivationTerms t = terms(job);
  const bool sp = job.parallelism.sequenceParallel && s.tp > 1;
  const Recompute r = job.parallelism.recompute;
  const bool keepCore =
      !job.training.flashAttention && r != Recompute::Full && !recomputes(job.parallelism, kRecomputeCoreAttention);
  const double perToken = t.replicated / (sp ? s.tp : 1) + t.sharded / s.tp + (keepCore ? t.attentionCore / s.tp : 0);
  return s.tokens * job.model.hidden * perToken;
}

MemoryBreakdown memoryPerGpu(const Job& job, const GpuParams& gpu) {
  const PlanShape s = shapeOf(job);
  const Parallelism& par = job.parallelism;
  const Model& m = job.model;
  const bool lowPrecision = isLowPrecision(job.training.precision);
  const bool sharded = par.distributedOptimizer || par.fsdp;

  const double perLayer = layerActivationBytes(job);
  const bool sp = par.sequenceParallel && s.tp > 1;
  double stored = perLayer;  // what each layer keeps per in-flight micro-batch
  double working = 0;        // one layer's full activations while it is recomputed
  if (par.recompute == Recompute::Full) {
    stored = 2 * s.tokens * m.hidden / (sp ? s.tp : 1);
    Job none = job;
    none.parallelism.recompute = Recompute::None;
    working = layerActivationBytes(none);
  }
  // Micro-batches (of a stage's chunk) in flight on pipeline rank r at the peak of the schedule.
  // 1F1B: min(m, p - r). Interleaved with v chunks: the warm-up runs 2(p - r - 1) + (v - 1)p chunk
  // forwards before the first backward, so p·v + p - 1 - 2r chunks are held (Megatron-Core's
  // interleaved schedule; Narayanan et al. 2021 §2.2). Returns layer-micro-batches for `layers`.
  const auto held = [&](int rank, int layers) {
    if (s.pp == 1) return static_cast<double>(layers);
    if (par.dualPipe) return static_cast<double>(layers) * std::min(s.microBatches, s.pp + 1);  // PP + 1 (table 2)
    if (s.v == 1) return static_cast<double>(layers) * std::min(s.microBatches, s.pp - rank);
    const double chunks = std::min(static_cast<double>(s.microBatches) * s.v, s.pp * s.v + s.pp - 1.0 - 2.0 * rank);
    return static_cast<double>(layers) / s.v * chunks;
  };
  // The last stage also holds the logits of one micro-batch: BF16 values plus FP32 softmax.
  const double logits = s.tokens * m.vocab / s.tp * 6;

  // One pipeline rank: its parameters' state and its activations. Routed-expert weights shard
  // their optimizer state (and, with FSDP, themselves) over the expert data-parallel group
  // (dp·cp/ep ranks), the rest over dp·cp.
  const auto rankMemory = [&](StageParams stage, double layerMicroBatches, bool holdsLogits) {
    MemoryBreakdown mem;
    const double rest = stage.total - stage.experts;
    const double shardedParams = rest / s.shardGroup + stage.experts / s.expertShardGroup;
    const double params = par.fsdp ? shardedParams : stage.total;
    mem.weights = params * (lowPrecision ? 3 : 2);                 // BF16 weights (+ FP8/FP4 cached copy)
    if (par.fsdp) mem.weights += 2.0 * 2 * s.layerParams;          // current + prefetched layer, gathered
    mem.gradients = params * 2;                                    // BF16 gradient buffer
    mem.optimizer = 12 * (sharded ? shardedParams : stage.total);  // FP32 master, m, v
    mem.activations = layerMicroBatches * stored + working + (holdsLogits ? logits : 0);
    // Tensor-parallel communication buffers hold one gathered activation each way.
    mem.buffers = kRuntimeBuffers + (s.tp > 1 ? 2 * 2 * s.tokens * m.hidden : 0);
    mem.total = mem.weights + mem.gradients + mem.optimizer + mem.activations + mem.buffers;
    mem.capacity = gpu.hbm;
    mem.fits = mem.total <= mem.capacity;
    return mem;
  };
  // Multi-token prediction runs its layers and logits on the last stage.
  const int mtp = m.mtpDepth;
  if (s.pp == 1)
    return rankMemory(stageParameters(s, m.layers, s.firstStageDense, true, true), held(0, m.layers + mtp), true);
  // DualPipe: rank r holds stages r and pp − 1 − r, so the first rank holds both ends (embedding,
  // output layer, multi-token prediction, logits) and a middle rank two full stages.
  if (par.dualPipe) {
    const StageParams ends = stageParameters(s, s.firstStageLayers, s.firstStageDense, true, false) +
                             stageParameters(s, s.lastStageLayers, 0, true, true);
    MemoryBreakdown busiest = rankMemory(ends, held(0, s.firstStageLayers + s.lastStageLayers + mtp) / 2, true);
    if (s.pp > 2) {
      const StageParams full = stageParameters(s, s.stageLayers, 0, false, false);
      const MemoryBreakdown middle = rankMemory(full + full, held(1, s.stageLayers), false);
      if (middle.total > busiest.total) busiest = middle;
    }
    return busiest;
  }
  // The busiest rank is the first (embedding, most micro-batches in flight), the second (a full
  // stage when the first gave up a layer), or the last (output layer and logits).
  MemoryBreakdown busiest = rankMemory(stageParameters(s, s.firstStageLayers, s.firstStageDense, true, false),
                                       held(0, s.firstStageLayers), false);
  const auto consider = [&](const MemoryBreakdown& b) {
    if (b.total > busiest.total) busiest = b;
  };
  if (s.pp > 2) consider(rankMemory(stageParameters(s, s.stageLayers, 0, false, false), held(1, s.stageLayers), false));
  consider(
      rankMemory(stageParameters(s, s.lastStageLayers, 0, true, true), held(s.pp - 1, s.lastStageLayers + mtp), true));
  return busiest;
}

}  // namespace gigaplan::training
