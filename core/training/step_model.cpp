// Step-time model (see step_model.h). Everything is computed for one layer and one micro-batch on
// one GPU, then assembled over the busiest pipeline stage, the micro-batches of a step and the
// pipeline schedule. Byte counts of the memory-bound kernels are stated where they are used.
#include "core/training/step_model.h"

#include <algorithm>
#include <array>

#include "core/training/collectives.h"
#include "core/training/flops.h"
#include "core/training/kernels.h"
#include "core/training/plan_shape.h"

namespace gigaplan::training {
namespace {

constexpr double kActivationBytes = 2;  // BF16 activations and gradients on the wire

// Communication overlapped with `window` of compute: the part that does not fit is exposed, and
// the part that fits still costs `cost` of its time (SMs and HBM it takes from the kernels).
double overlapped(double comm, double window, double cost) {
  return std::max(0.0, comm - window) + cost * std::min(comm, window);
}

struct LayerCost {              // one layer, one micro-batch, one GPU, seconds
  double fwd = 0, bwd = 0;      // kernels: GEMMs, attention, element-wise
  double recompute = 0;         // extra forward work done during backward
  double tpFwd = 0, tpBwd = 0;  // exposed communication per pass
  double cpFwd = 0, cpBwd = 0;
  double epFwd = 0, epBwd = 0;
  double recomputeComm = 0;
};

struct OutputCost {  // logits and loss on the last stage
  double fwd = 0, bwd = 0;
};

class StepModel {
 public:
  StepModel(const Job& job, const GpuParams& gpu, const Cluster& cluster)
      : job_(job), m_(job.model), par_(job.parallelism), g_(gpu), c_(cluster), s_(shapeOf(job)) {
    const Precision p = job.training.precision;
    linearPeak_ = gpu.peak(p) > 0 ? gpu.peak(p) : gpu.bf16;
    const bool low = isLowPrecision(p) && gpu.peak(p) > 0;
    linearFraction_ = !low                  ? gpu.eff.gemmFraction
                      : p == Precision::FP4 ? gpu.eff.gemmFractionFp4
                                            : gpu.eff.gemmFractionLowPrecision;
    // NVFP4: 4 bits per element plus an FP8 scale per 16; FP8: 1 byte.
    linearBytes_ = !low ? 2 : p == Precision::FP4 ? 0.5 + 1.0 / 16 : 1;
    lowPrecision_ = low;
    sp_ = par_.sequenceParallel && s_.tp > 1;
  }

  StepBreakdown run() const {
    const bool moeModel = m_.moe.experts > 0;
    const LayerCost layer = layerCost(moeModel);
    const LayerCost dense = moeModel ? layerCost(false) : layer;
    const OutputCost out = outputCost();
    // Multi-token prediction on the last stage: per depth one more layer, the 2h → h projection
    // of the embedding and hidden state, and another output layer.
    const LinearTimes mtpProj = linear(s_.tokens, 2.0 * m_.hidden, static_cast<double>(m_.hidden) / s_.tp);
    const OutputCost mtp{s_.mtpDepth * (out.fwd + mtpProj.forward), s_.mtpDepth * (out.bwd + mtpProj.backward)};

    // The stages that can be busiest: the first (a MoE model's dense layers), a full middle one,
    // the last (fewer layers, the logits and multi-token prediction); pp = 1 is one stage of all.
    // Under DualPipe a rank runs half the micro-batches through each of its two stages: the end
    // ranks average the first and the last stage, and hold the parameters of both, as every rank.
    struct Stage {
      double layers = 0, dense = 0;  // per micro-batch, multi-token prediction layers included
      double output = 0;             // share of micro-batches that run the output layer here
      StageParams params;            // held by the rank
    };
    std::array<Stage, 3> stages{};  // no allocation: the search scores millions of plans
    std::size_t count = 0;
    const int mtpLayers = s_.mtpDepth;
    if (s_.pp == 1) {
      stages[count++] = {static_cast<double>(m_.layers + mtpLayers), static_cast<double>(s_.firstStageDense), 1,
                         stageParameters(s_, m_.layers, s_.firstStageDense, true, true)};
    } else {
      const StageParams first = stageParameters(s_, s_.firstStageLayers, s_.firstStageDense, true, false);
      const StageParams middle = stageParameters(s_, s_.stageLayers, 0, false, false);
      const StageParams last = stageParameters(s_, s_.lastStageLayers, 0, true, true);
      if (par_.dualPipe) {
        stages[count++] = {(s_.firstStageLayers + s_.lastStageLayers + mtpLayers) / 2.0, s_.firstStageDense / 2.0, 0.5,
                           first + last};
        if (s_.pp > 2) stages[count++] = {static_cast<double>(s_.stageLayers), 0, 0, middle + middle};
      } else {
        stages[count++] = {static_cast<double>(s_.firstStageLayers), static_cast<double>(s_.firstStageDense), 0, first};
        if (s_.pp > 2) stages[count++] = {static_cast<double>(s_.stageLayers), 0, 0, middle};
        stages[count++] = {static_cast<double>(s_.lastStageLayers + mtpLayers), 0, 1, last};
      }
    }
    auto fwdOf = [&](const LayerCost& c) { return c.fwd + c.tpFwd + c.cpFwd + c.epFwd; };
    auto bwdOf = [&](const LayerCost& c) {
      return c.bwd + c.tpBwd + c.cpBwd + c.epBwd + c.recompute + c.recomputeComm;
    };
    auto stageFwdOf = [&](const Stage& st) {
      return (st.layers - st.dense) * fwdOf(layer) + st.dense * fwdOf(dense) + st.output * (out.fwd + mtp.fwd);
    };
    auto stageBwdOf = [&](const Stage& st) {
      return (st.layers - st.dense) * bwdOf(layer) + st.dense * bwdOf(dense) + st.output * (out.bwd + mtp.bwd);
    };
    std::size_t bi = 0;
    for (std::size_t i = 1; i < count; ++i) {
      if (stageFwdOf(stages[i]) + stageBwdOf(stages[i]) > stageFwdOf(stages[bi]) + stageBwdOf(stages[bi])) bi = i;
    }
    const Stage busiest = stages[bi];
    const double stageFwd = stageFwdOf(busiest);
    const double stageBwd = stageBwdOf(busiest);
    const double mb = s_.microBatches;
    const double n = busiest.layers - busiest.dense, d = busiest.dense;
    auto sum = [&](auto field) { return mb * (n * field(layer) + d * field(dense)); };

    StepBreakdown b;
    b.forward = sum([](const LayerCost& c) { return c.fwd; }) + mb * busiest.output * (out.fwd + mtp.fwd);
    b.backward = sum([](const LayerCost& c) { return c.bwd; }) + mb * busiest.output * (out.bwd + mtp.bwd);
    b.recompute = sum([](const LayerCost& c) { return c.recompute; });
    b.tensorParallel = sum([](const LayerCost& c) { return c.tpFwd + c.tpBwd + c.recomputeComm; });
    b.contextParallel = sum([](const LayerCost& c) { return c.cpFwd + c.cpBwd; });
    b.expertParallel = sum([](const LayerCost& c) { return c.epFwd + c.epBwd; });
    if (s_.pp > 1) {
      // DualPipe: (pp/2 − 1)(F&B + B − 3W), a forward and a backward chunk together taking F + B and
      // the weight-gradient part W half of the backward (its GEMMs are half of the backward's).
      b.pipelineBubble =
          par_.dualPipe ? (s_.pp / 2.0 - 1) * (stageFwd + stageBwd / 2) : (s_.pp - 1.0) / s_.v * (stageFwd + stageBwd);
      b.pipelineP2p = pipelineTransfers(stageFwd + stageBwd);
    }
    b.dataParallel = dataParallel(stageFwd, stageBwd, busiest.params);
    b.optimizer = optimizer(busiest.params);
    b.total = b.forward + b.backward + b.recompute + b.tensorParallel + b.contextParallel + b.expertParallel +
              b.pipelineBubble + b.pipelineP2p + b.dataParallel + b.optimizer;
    b.hardwareFlops = hardwareFlops();
    return b;
  }

 private:
  // One layer: a MoE layer (`moeLayer`) or a dense-MLP one.
  LayerCost layerCost(bool moeLayer) const {
    LayerCost c;
    const double h = m_.hidden, t = s_.tp, tokens = s_.tokens;
    const double d = queryHeadDim(m_);
    const bool moe = moeLayer && m_.moe.experts > 0;
    const double gate = m_.activation == Activation::SwiGlu ? 2 : 1;

    // Linear layers: attention projections, MLP in and out. With MoE each GPU holds E/ep experts
    // and, balanced, receives the top-k copies of as many tokens as it sends: each expert's GEMM
    // has tokens·k·ep/E rows (small experts lose efficiency). Shared experts run on every token.
    // The router is a small BF16 GEMM.
    double linFwd = 0, linBwd = 0;
    auto add = [&](LinearTimes lt, double times = 1) {
      linFwd += times * lt.forward;
      linBwd += times * lt.backward;
    };
    const LatentAttention& a = m_.mla;
    double upProjectionFwd = 0;  // MLA's up-projections, forward: what recomputing them repeats
    if (a.kvLoraRank > 0) {
      // MLA: the down-projections to the latents are computed whole on every TP rank; the
      // up-projections and the output projection split over heads.
      const LinearTimes kvUp =
          linear(tokens, a.kvLoraRank, static_cast<double>(m_.heads) * (a.qkNopeHeadDim + a.vHeadDim) / t);
      upProjectionFwd = kvUp.forward;
      if (a.qLoraRank > 0) {
        const LinearTimes qUp = linear(tokens, a.qLoraRank, queryWidth(m_) / t);
        add(linear(tokens, h, a.qLoraRank));
        add(qUp);
        upProjectionFwd += qUp.forward;
      } else {
        add(linear(tokens, h, queryWidth(m_) / t));
      }
      add(linear(tokens, h, static_cast<double>(a.kvLoraRank) + a.qkRopeHeadDim));
      add(kvUp);
      add(linear(tokens, valueWidth(m_) / t, h));
    } else {
      add(linear(tokens, h, (queryWidth(m_) + keyWidth(m_) + valueWidth(m_)) / t));
      add(linear(tokens, queryWidth(m_) / t, h));
    }
    // Routed experts split over etp ranks see the tokens of etp sequence shards: tp's with the
    // default expert TP (all of them), one shard's when folded (whole experts, tokens/tp rows).
    const double ffnTokens = moe ? tokens * m_.moe.topK : tokens;
    const double ffn = moe ? m_.moe.expertFfnHidden : m_.ffnHidden;
    const double et = moe ? s_.etp : t;
    const double expertsHere = moe ? static_cast<double>(m_.moe.experts) / s_.ep : 1;
    const double expertRows = ffnTokens * et / t / expertsHere;
    add(linear(expertRows, h, gate * ffn / et), expertsHere);
    add(linear(expertRows, ffn / et, h), expertsHere);
    const double shared = moe ? static_cast<double>(m_.moe.sharedExperts) * m_.moe.expertFfnHidden : 0;
    if (shared > 0) {
      add(linear(tokens, h, gate * shared / t));
      add(linear(tokens, shared / t, h));
    }
    if (moe) add(linearTimes(g_, tokens, h, m_.moe.experts, g_.bf16, g_.eff.gemmFraction, 2));

    // Attention core.
    double attnFwd = 0, attnBwd = 0, attnRecompute = 0;
    if (job_.training.flashAttention) {
      // Causal: half of QKᵀ and AV is skipped. Backward recomputes QKᵀ inside the kernel: 2.5×.
      const double flops = tokens * layerAttentionFlopsPerToken(m_, true) / t;
      attnFwd = fusedAttentionTime(g_, flops, d);
      attnBwd = 2.5 * attnFwd;
    } else {
      // Unfused (Megatron-LM 2021): batched GEMMs materialise the full s×s scores; a fused
      // scale-mask-softmax and attention dropout stream them through HBM: forward reads and writes
      // 2 B each for softmax, 2+2+1 (mask) for dropout = 9 B per score; backward 11 B.
      const double rows = job_.training.microBatch * (m_.heads / t) * (m_.seqLen / static_cast<double>(s_.cp));
      const double qk = gemmTime(g_, rows, m_.seqLen, d, g_.bf16, g_.eff.gemmFraction, 2);
      const double av = gemmTime(g_, rows, d, m_.seqLen, g_.bf16, g_.eff.gemmFraction, 2);
      const double scores = rows * m_.seqLen;
      attnFwd = qk + av + memoryTime(g_, 9 * scores);
      attnBwd = 2 * (qk + av) + memoryTime(g_, 11 * scores);
      attnRecompute = attnFwd;
    }

    // Element-wise kernels. Norms: read + write 2 B each (×2 norms = 8 B per hidden unit);
    // residual add: read 2 + 2, write 2, plus a 1 B dropout mask for GPT-style models (×2 = 14 or
    // 12 B). Activation: read and write its input (GELU 4 B, SwiGLU 6 B per FFN unit). Norms and
    // residuals run on 1/tp of the tokens with SP.
    const double normTokens = sp_ ? tokens / t : tokens;
    const double residual = gate == 2 ? 12 : 14;
    const double ffnUnits = ffnTokens * ffn + tokens * shared;  // activation inputs per layer
    double bytes = normTokens * h * (8 + residual) + (gate == 2 ? 6 : 4) * ffnUnits / t;
    if (lowPrecision_) {
      // FP8 casts of every linear input with current scaling: read for amax, read, write 1 B. The
      // routed experts quantize what they receive, the k dispatched copies of each token (the
      // dispatch moves BF16 tokens), as their second GEMMs' inputs are counted per copy too.
      const double fc1Rows = moe ? expertRows * expertsHere + (shared > 0 ? normTokens : 0) : normTokens;
      bytes += 5 * ((normTokens + fc1Rows) * h + tokens * h / t + ffnUnits / t);
    }
    if (moe) {
      // Routing and token permutation: the router's FP32 scores are read and written by softmax
      // and top-k (~4 passes × 4 B per expert); permutation reads each token (2 B per hidden unit)
      // and writes its k copies in expert order, unpermutation reads the k copies and writes the
      // weighted sum back: 2·(1 + k)·2 B per hidden unit per token.
      bytes += tokens * (16.0 * m_.moe.experts + 4.0 * (1 + m_.moe.topK) * h);
    }
    const double ewFwd = memoryTime(g_, bytes);
    c.fwd = linFwd + attnFwd + ewFwd;
    c.bwd = linBwd + attnBwd + 2 * ewFwd;  // gradients read activations and write gradients

    const double cost = g_.eff.overlapCost;
    if (s_.tp > 1) {
      // Per pass: two all-gathers and two reduce-scatters with sequence parallelism, two
      // all-reduces without. Overlapped, they run under the GEMMs of their pass (in the backward
      // the data-gradient GEMM hides the all-gather, the weight-gradient GEMM the reduction);
      // blocking, the GEMMs wait for them.
      // Folded experts take their tokens from the sequence shard as it is: a MoE layer without
      // shared experts then exchanges around its attention only.
      const Link link = groupLink(g_, c_, s_.tp, 1);
      const double bytesTp = tokens * h * kActivationBytes;
      const double blocks = moe && expertsFolded(par_) && m_.moe.sharedExperts == 0 ? 1 : 2;
      const double comm = sp_ ? blocks * (allGatherTime(link, s_.tp, bytesTp) + reduceScatterTime(link, s_.tp, bytesTp))
                              : blocks * allReduceTime(link, s_.tp, bytesTp);
      const TpOverlap overlap = effectiveTpOverlap(par_);
      c.tpFwd = overlap == TpOverlap::Full ? overlapped(comm, linFwd, cost) : comm;
      c.tpBwd = overlap == TpOverlap::None ? comm : overlapped(comm, linBwd, cost);
    }
    if (s_.cp > 1) {
      // Ring attention: cp-1 steps passing this rank's keys and values; backward also returns
      // their gradients. Overlapped with the attention blocks being computed.
      const Link link = groupLink(g_, c_, s_.cp, s_.tp);
      const double kv = tokens * (keyWidth(m_) + valueWidth(m_)) / t * kActivationBytes;
      const double ring = (s_.cp - 1) * p2pTime(link, kv);
      c.cpFwd = overlapped(ring, attnFwd, cost);
      c.cpBwd = overlapped(2 * ring, attnBwd, cost);
    }
    if (moe && s_.ep > 1) {
      // Dispatch and combine all-to-all per pass over the ranks of the expert-parallel group
      // (consecutive after expert TP: inside the NVLink domain when etp·ep fits in it, through the NICs
      // otherwise; a per-node dispatch crosses the NICs once per destination node).
      const Link link = groupLink(g_, c_, s_.ep, s_.etp);
      const Dispatch route{m_.moe.topK, m_.moe.experts, m_.moe.nodeLimit, par_.epPerNode};
      const double a2a = dispatchTime(link, s_.ep, tokens * h / t * kActivationBytes, route);
      c.epFwd = c.epBwd = 2 * a2a;
      if (par_.epOverlap) {
        // In the steady state this micro-batch's exchanges run under another's forward and
        // backward of the layer; warm-up forwards and cool-down backwards have no partner.
        // On SMs of their own (comm_sms) they take nothing more from the computation beside them.
        const double paired = pairedFraction();
        const double both = c.epFwd + c.epBwd;
        const double epCost = effectiveCommSms(par_) > 0 ? 0 : cost;
        c.epFwd = c.epBwd = 0.5 * ((1 - paired) * both + paired * overlapped(both, c.fwd + c.bwd, epCost));
      }
    }
    switch (par_.recompute) {
      case Recompute::Full:
        c.recompute = c.fwd;
        c.recomputeComm = c.tpFwd + c.cpFwd + c.epFwd;
        break;
      case Recompute::Selective: {
        // The modules named: the attention core (fused attention recomputes it anyway), the two
        // norms (read 2 B, write 2 B each per hidden unit), the MLA up-projections' forward GEMMs,
        // the routed experts' activation (read and write as in the forward).
        if (recomputes(par_, kRecomputeCoreAttention)) c.recompute += attnRecompute;
        if (recomputes(par_, kRecomputeNorms)) c.recompute += memoryTime(g_, normTokens * h * 8);
        if (recomputes(par_, kRecomputeMlaUpProjection)) c.recompute += upProjectionFwd;
        if (recomputes(par_, kRecomputeMoeActivation) && moe)
          c.recompute += memoryTime(g_, (gate == 2 ? 6 : 4) * ffnTokens * ffn / t);
        break;
      }
      case Recompute::None:
        break;
    }
    return c;
  }

  // Share of a GPU's forward and backward chunks that the 1F1B steady state pairs with one of the
  // other kind: the first stage runs pp − 1 warm-up forwards alone (2(pp − 1) + (v − 1)·pp
  // interleaved) and as many backwards at the end; DualPipe pp on a middle rank (the forwards
  // before its main phase of paired chunks, in DeepSeek's reference schedule); without pipelining,
  // the first forward and the last backward.
  double pairedFraction() const {
    const double chunks = static_cast<double>(s_.microBatches) * s_.v;
    const double alone = s_.pp == 1      ? 1
                         : par_.dualPipe ? static_cast<double>(s_.pp)
                         : s_.v == 1     ? s_.pp - 1.0
                                         : 2.0 * (s_.pp - 1) + (s_.v - 1.0) * s_.pp;
    return 1 - std::min(chunks, alone) / chunks;
  }

  LinearTimes linear(double tokens, double in, double out) const {
    return linearTimes(g_, tokens, in, out, linearPeak_, linearFraction_, linearBytes_);
  }

  OutputCost outputCost() const {
    // Output layer in BF16 (kept out of FP8 by Transformer Engine recipes), then vocab-parallel
    // cross-entropy in FP32: forward reads logits and writes FP32 intermediates (~10 B per logit),
    // backward reads and writes the gradient (~6 B).
    const double vocab = static_cast<double>(m_.vocab) / s_.tp;
    const LinearTimes lt = linearTimes(g_, s_.tokens, m_.hidden, vocab, g_.bf16, g_.eff.gemmFraction, 2);
    const double logits = s_.tokens * vocab;
    return {lt.forward + memoryTime(g_, 10 * logits), lt.backward + memoryTime(g_, 6 * logits)};
  }

  // Activations crossing stage boundaries: each micro-batch crosses v boundaries forward and v
  // backward on this GPU; fill and drain add one hop per stage each way. Each GPU sends 1/tp of
  // the activation (scatter/gather, or sequence parallel); without SP the receiver all-gathers it
  // over the TP group again. Megatron-LM 2021 waited for every transfer; Megatron-Core overlaps
  // the interleaved schedule's transfers with the other chunks' compute (overlap_p2p_comm), and
  // DualPipe those of one chunk with the computation of the chunk beside it.
  double pipelineTransfers(double stageMicroBatch) const {
    const Link link = groupLink(g_, c_, 2, s_.tp * s_.cp * s_.dp);
    const double bytes = s_.tokens * m_.hidden * kActivationBytes;
    double hop = p2pTime(link, bytes / s_.tp);
    if (!sp_ && s_.tp > 1) hop += allGatherTime(groupLink(g_, c_, s_.tp, 1), s_.tp, bytes);
    const double perMicroBatch = 2 * s_.v * hop;
    const double fillDrain = 2 * (s_.pp - 1.0) * hop;
    const double steady = (sp_ && s_.v > 1) || par_.dualPipe
                              ? overlapped(perMicroBatch, stageMicroBatch, g_.eff.overlapCost)
                              : perMicroBatch;
    return s_.microBatches * steady + fillDrain;
  }

  // Gradient reduction (and parameter gathering when sharded). Routed-expert gradients reduce over
  // their own data-parallel group: the tp·cp·dp/(etp·ep) ranks holding the same experts, spaced
  // etp·ep apart.
  double dataParallel(double stageFwd, double stageBwd, const StageParams& params) const {
    const int n = s_.dp * s_.cp;
    const int nExpert = static_cast<int>(s_.expertShardGroup);  // folded, more than n when ep < tp
    if (n <= 1 && nExpert <= 1) return 0;
    const double cost = g_.eff.overlapCost;
    const Link link = groupLink(g_, c_, n, s_.tp);
    const Link expertLink = groupLink(g_, c_, std::max(1, nExpert), s_.etp * s_.ep);
    const double bytes = (params.total - params.experts) * kActivationBytes;  // BF16 gradients / parameters
    const double expertBytes = params.experts * kActivationBytes;
    auto gather = [&] { return allGatherTime(link, n, bytes) + allGatherTime(expertLink, nExpert, expertBytes); };
    auto scatter = [&] {
      return reduceScatterTime(link, n, bytes) + reduceScatterTime(expertLink, nExpert, expertBytes);
    };
    if (par_.fsdp) {
      // Gather parameters for forward and again for backward, reduce-scatter gradients, every
      // micro-batch, prefetched under that micro-batch's compute.
      const double comm = 2 * gather() + scatter();
      return s_.microBatches * overlapped(comm, stageFwd + stageBwd, cost);
    }
    // Gradients of a chunk are final after its last backward: the window is the last
    // micro-batch's backward plus the pipeline drain, (p-1)/v of it. Updated parameters are
    // gathered under the next step's warm-up forwards (min(m, p) micro-batches).
    auto exposed = [&](double comm, double window) {
      return par_.overlapGradReduce ? overlapped(comm, window, cost) : comm;
    };
    const double drain = stageBwd * (1 + (s_.pp - 1.0) / s_.v);
    const double warmup = stageFwd * std::min(s_.microBatches, s_.pp);
    if (par_.distributedOptimizer) return exposed(scatter(), drain) + exposed(gather(), warmup);
    return exposed(allReduceTime(link, n, bytes) + allReduceTime(expertLink, nExpert, expertBytes), drain);
  }

  double optimizer(const StageParams& params) const {
    // Adam, memory-bound: read the BF16 gradient (2 B), read and write FP32 master weights, m and
    // v (24 B), write BF16 weights (2 B), plus the gradient-norm pass (2 B) = 30 B per parameter.
    const bool sharded = par_.distributedOptimizer || par_.fsdp;
    const double rest = params.total - params.experts;
    const double held = sharded ? rest / s_.shardGroup + params.experts / s_.expertShardGroup : params.total;
    return memoryTime(g_, 30 * held);
  }

  // FLOPs the hardware executes per step, counted in the same convention as the model FLOPs
  // (attention in full) plus what recomputation repeats, so that HFU ≥ MFU always holds.
  // Selective recomputation repeats the attention core (flash attention recomputes it in its
  // backward pass too) and the MLA up-projections when it names them; norms and activations add
  // no FLOPs counted here.
  double hardwareFlops() const {
    const double tokens = static_cast<double>(job_.training.globalBatch) * m_.seqLen;
    const double attention = layerAttentionFlopsPerToken(m_, false);
    const double layers = linearFlopsPerToken(m_) + m_.layers * attention;
    double perToken = 3 * layers + 3 * logitFlopsPerToken(m_) + 3 * mtpFlopsPerToken(m_, false);
    if (par_.recompute == Recompute::Full) perToken += layers;
    if (recomputes(par_, kRecomputeCoreAttention)) perToken += m_.layers * attention;
    if (recomputes(par_, kRecomputeMlaUpProjection)) perToken += m_.layers * 2 * mlaUpProjectionParameters(m_);
    return perToken * tokens;
  }

  const Job& job_;
  const Model& m_;
  const Parallelism& par_;
  const GpuParams& g_;
  const Cluster& c_;
  PlanShape s_;
  double linearPeak_ = 0, linearFraction_ = 0, linearBytes_ = 2;
  bool lowPrecision_ = false, sp_ = false;
};

// The GPU the computation sees when `sms` of its SMs run communication for the whole step: the
// peaks in proportion, and fewer SMs for a GEMM's waves of tiles.
GpuParams computeSide(const GpuParams& gpu, int sms) {
  GpuParams g = gpu;
  const int left = std::max(1, g.eff.smCount - sms);
  const double share = static_cast<double>(left) / g.eff.smCount;
  g.bf16 *= share;
  g.fp8 *= share;
  g.fp4 *= share;
  g.fp16 *= share;
  g.eff.smCount = left;
  return g;
}

}  // namespace

StepBreakdown stepTime(const Job& job, const GpuParams& gpu, const Cluster& cluster) {
  const int commSms = effectiveCommSms(job.parallelism);
  if (commSms > 0) return StepModel(job, computeSide(gpu, commSms), cluster).run();
  return StepModel(job, gpu, cluster).run();
}

std::array<StepPart, 10> stepParts(const StepBreakdown& b) {
  return {{{"forward", b.forward},
           {"backward", b.backward},
           {"recompute", b.recompute},
           {"tensor parallel", b.tensorParallel},
           {"context parallel", b.contextParallel},
           {"expert parallel", b.expertParallel},
           {"pipeline bubble", b.pipelineBubble},
           {"pipeline p2p", b.pipelineP2p},
           {"data parallel", b.dataParallel},
           {"optimizer", b.optimizer}}};
}

}  // namespace gigaplan::training
