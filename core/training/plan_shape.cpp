// Plan sizes (see plan_shape.h).
#include "core/training/plan_shape.h"

#include <algorithm>

#include "core/training/flops.h"

namespace gigaplan::training {

PlanShape shapeOf(const Job& job) {
  const Model& m = job.model;
  const Parallelism& par = job.parallelism;
  PlanShape s;
  s.tp = par.tp;
  s.pp = par.pp;
  s.dp = par.dp;
  s.cp = par.cp;
  s.ep = par.ep;
  s.etp = expertTensorParallel(par);
  s.v = par.pp > 1 ? par.virtualStages : 1;
  s.tokens = static_cast<double>(job.training.microBatch) * m.seqLen / par.cp;
  s.microBatches = std::max(1, job.training.globalBatch / std::max(1, par.dp * job.training.microBatch));
  // Layers spread as evenly as the p·v chunks allow. The spare slots go to the ends: one to the
  // first stage, which also holds the embedding, when there are two or more, the rest to the last,
  // which computes the logits. This is Megatron's split with account_for_embedding_in_pipeline_split
  // and account_for_loss_in_pipeline_split (set in its Llama 3.1 405B recipe: 126 layers on pp 16
  // run 7 + 14 × 8 + 7), and Meta's for Llama 3 ("one Transformer layer less on the first and the
  // last stages", Dubey et al. 2024 §3.3.2).
  const int chunks = s.pp * s.v;
  const int perChunk = (m.layers + chunks - 1) / chunks;
  s.stageLayers = perChunk * s.v;
  const int slack = chunks * perChunk - m.layers;
  const int firstGivesUp = slack >= 2 ? 1 : 0;
  s.firstStageLayers = s.pp == 1 ? m.layers : s.stageLayers - firstGivesUp;
  s.lastStageLayers = s.pp == 1 ? m.layers : std::max(0, s.stageLayers - (slack - firstGivesUp));
  if (s.pp == 1) s.stageLayers = m.layers;
  // Expert weights shard over the experts' tensor parallelism (Megatron-Core's default is tp; 1
  // when folded) and over expert parallelism.
  const double expert = expertParameters(m);
  s.layerExpertParams = expert / (static_cast<double>(s.etp) * s.ep);
  const double perLayer = (layerParameters(m) - expert) / s.tp + s.layerExpertParams;
  s.denseLayerParams = denseLayerParameters(m) / s.tp;
  // A MoE model's dense layers come first; they are modelled on the first stage (DeepSeek-V3's 3
  // of 61 layers fit on any first stage of the published plans).
  s.firstStageDense = std::min(denseLayerCount(m) == m.layers ? 0 : m.moe.denseLayers, s.firstStageLayers);
  // Embedding on the first stage, output layer (or tied copy) on the last: each stage holds one.
  const double vocabRows = static_cast<double>(m.vocab) * m.hidden;
  const double embedding = s.pp == 1 ? embeddingParameters(m) : std::max(vocabRows, embeddingParameters(m) / 2);
  s.layerParams = perLayer;
  s.endParams = embedding / s.tp;
  s.mtpDepth = m.mtpDepth;
  s.mtpParams = (mtpParameterCount(m) - m.mtpDepth * expert) / s.tp + m.mtpDepth * s.layerExpertParams;
  s.stageParams = s.pp == 1 ? stageParameters(s, m.layers, s.firstStageDense, true, true).total
                            : s.stageLayers * perLayer + s.endParams;
  s.shardGroup = static_cast<double>(s.dp) * s.cp;
  s.expertShardGroup = std::max(1.0, static_cast<double>(expertParallelRanks(par)) / s.ep);
  return s;
}

StageParams stageParameters(const PlanShape& s, int layers, int dense, bool withEnd, bool withMtp) {
  StageParams p;
  const int moe = layers - dense + (withMtp ? s.mtpDepth : 0);
  p.experts = moe * s.layerExpertParams;
  p.total = (layers - dense) * s.layerParams + dense * s.denseLayerParams + (withEnd ? s.endParams : 0) +
            (withMtp ? s.mtpParams : 0);
  return p;
}

}  // namespace gigaplan::training
