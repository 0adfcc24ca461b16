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
  s.v = par.pp > 1 ? par.virtualStages : 1;
  s.tokens = static_cast<double>(job.training.microBatch) * m.seqLen / par.cp;
  s.microBatches = std::max(1, job.training.globalBatch / std::max(1, par.dp * job.training.microBatch));
  // Layers spread as evenly as the p·v chunks allow; the spare slots go to the last stage, which
  // also computes the logits (Megatron's account-for-loss split does the same).
  const int chunks = s.pp * s.v;
  const int perChunk = (m.layers + chunks - 1) / chunks;
  s.stageLayers = perChunk * s.v;
  const int slack = chunks * perChunk - m.layers;
  s.lastStageLayers = s.pp == 1 ? m.layers : std::max(0, s.stageLayers - slack);
  if (s.pp == 1) s.stageLayers = m.layers;
  const double expert = expertParameters(m);
  const double perLayer = (layerParameters(m) - expert) / s.tp + expert / (static_cast<double>(s.tp) * s.ep);
  // Embedding on the first stage, output layer (or tied copy) on the last: each stage holds one.
  const double vocabRows = static_cast<double>(m.vocab) * m.hidden;
  const double embedding = s.pp == 1 ? embeddingParameters(m) : std::max(vocabRows, embeddingParameters(m) / 2);
  s.stageParams = s.stageLayers * perLayer + embedding / s.tp;
  s.shardGroup = static_cast<double>(s.dp) * s.cp;
  return s;
}

}  // namespace gigaplan::training
