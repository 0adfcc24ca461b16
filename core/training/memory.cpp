// Memory model (see memory.h). Activation terms follow Korthikanti et al. 2022 ("Reducing
// Activation Recomputation in Large Transformer Models"), table 2: per layer s·b·h·(34 + 5as/h)
// bytes for GPT with dropout, of which 10 are replicated across tensor-parallel ranks unless
// sequence parallelism shards them; written here term by term so GQA, gated MLPs, MoE and FP8
// change the right terms.
#include "core/training/memory.h"

#include <algorithm>

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
  const bool lowPrecision = job.training.precision != Precision::BF16;
  const double linearIn = lowPrecision ? 1 : 2;  // FP8 linears keep their inputs in FP8
  const double kv = static_cast<double>(m.kvHeads) / m.heads;
  const bool moe = m.moe.experts > 0;
  const double routed = moe ? m.moe.topK : 1;
  const double ffn = moe ? m.moe.expertFfnHidden : m.ffnHidden;
  const double gate = m.activation == Activation::SwiGlu ? 2 : 1;
  // GPT-style models train with dropout (a 1-byte mask after attention and after the MLP);
  // Llama-style models do not.
  const double masks = m.activation == Activation::Gelu ? 2 : 0;
  ActivationTerms t;
  // Two norm inputs (2 each), QKV and FC1 inputs, the dropout masks.
  t.replicated = 4 + linearIn + linearIn * routed + masks;
  // Q and K for QKᵀ, V for AV, out-projection input; activation input; FC2 input.
  t.sharded = 2 + 2 * kv + 2 * kv + linearIn + routed * (2 * gate * ffn / h + linearIn * ffn / h);
  t.attentionCore = 5.0 * m.heads * m.seqLen / (h * job.parallelism.cp);
  return t;
}

}  // namespace

double layerActivationBytes(const Job& job) {
  const PlanShape s = shapeOf(job);
  const ActivationTerms t = terms(job);
  const bool sp = job.parallelism.sequenceParallel && s.tp > 1;
  const bool keepCore = !job.training.flashAttention && job.parallelism.recompute == Recompute::None;
  const double perToken = t.replicated / (sp ? s.tp : 1) + t.sharded / s.tp + (keepCore ? t.attentionCore / s.tp : 0);
  return s.tokens * job.model.hidden * perToken;
}

MemoryBreakdown memoryPerGpu(const Job& job, const GpuParams& gpu) {
  const PlanShape s = shapeOf(job);
  const Parallelism& par = job.parallelism;
  const Model& m = job.model;
  MemoryBreakdown mem;
  const bool lowPrecision = job.training.precision != Precision::BF16;
  const double params = par.fsdp ? s.stageParams / s.shardGroup : s.stageParams;
  mem.weights = params * (lowPrecision ? 3 : 2);  // BF16 weights (+ FP8/FP4 cached copy)
  if (par.fsdp) {
    // Two layers gathered at a time (current + prefetched), unsharded.
    mem.weights += 2.0 * 2 * s.stageParams / std::max(1, s.stageLayers);
  }
  mem.gradients = params * 2;  // BF16 gradient buffer
  const bool sharded = par.distributedOptimizer || par.fsdp;
  mem.optimizer = 12 * (sharded ? s.stageParams / s.shardGroup : s.stageParams);  // FP32 master, m, v

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
  // 1F1B: the first stage holds min(m, p) micro-batches of its layers; interleaving adds
  // (p-1)/(p·v) of them (Narayanan et al. 2021, §2.2; Korthikanti et al. §4.2).
  double inFlight = s.pp == 1 ? 1 : std::min(s.microBatches, s.pp);
  if (s.pp > 1 && s.v > 1) inFlight *= 1 + (s.pp - 1.0) / (s.pp * s.v);
  const double first = s.stageLayers * stored * inFlight + working;
  // The last stage holds one micro-batch but also the logits: BF16 values plus FP32 softmax.
  const double logits = s.tokens * m.vocab / s.tp * 6;
  const double last = s.lastStageLayers * stored + working + logits;
  mem.activations = s.pp == 1 ? first + logits : std::max(first, last);
  // Tensor-parallel communication buffers hold one gathered activation each way.
  mem.buffers = kRuntimeBuffers + (s.tp > 1 ? 2 * 2 * s.tokens * m.hidden : 0);
  mem.total = mem.weights + mem.gradients + mem.optimizer + mem.activations + mem.buffers;
  mem.capacity = gpu.hbm;
  mem.fits = mem.total <= mem.capacity;
  return mem;
}

}  // namespace gigaplan::training
