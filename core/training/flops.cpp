// FLOP and parameter formulas (see flops.h). One multiply-add counts as 2 FLOPs; backward costs
// twice the forward (activation and weight gradients), as every published convention assumes.
#include "core/training/flops.h"

namespace gigaplan::training {
namespace {

bool gptStyle(const Model& m) {
  return m.activation == Activation::Gelu;
}
double mlpMatrices(const Model& m) {
  return m.activation == Activation::SwiGlu ? 3.0 : 2.0;
}
double headDim(const Model& m) {
  return static_cast<double>(m.hidden) / m.heads;
}

// Query + key/value + output projection weights (GQA shrinks key/value to kvHeads).
double attentionWeights(const Model& m) {
  const double h = m.hidden;
  return h * (h + 2.0 * m.kvHeads * headDim(m)) + h * h;
}

double denseMlpWeights(const Model& m) {
  return mlpMatrices(m) * m.hidden * static_cast<double>(m.ffnHidden);
}

}  // namespace

double expertParameters(const Model& m) {
  if (m.moe.experts == 0) return 0;
  return m.moe.experts * mlpMatrices(m) * m.hidden * static_cast<double>(m.moe.expertFfnHidden);
}

double layerParameters(const Model& m) {
  const double h = m.hidden;
  // GPT: two LayerNorms (weight + bias) and biases on qkv (3h), out (h), fc1 (4h), fc2 (h) = 13h
  // in Megatron's formula; Llama: two RMSNorm weights.
  const double small = gptStyle(m) ? 4 * h + (h + 2.0 * m.kvHeads * headDim(m)) + h + m.ffnHidden + h : 2 * h;
  const double mlp = m.moe.experts > 0 ? expertParameters(m) + h * m.moe.experts : denseMlpWeights(m);
  return attentionWeights(m) + mlp + small;
}

double embeddingParameters(const Model& m) {
  const double vh = static_cast<double>(m.vocab) * m.hidden;
  return gptStyle(m) ? vh + static_cast<double>(m.seqLen) * m.hidden : 2 * vh;
}

double parameterCount(const Model& m) {
  return m.layers * layerParameters(m) + embeddingParameters(m);
}

double activeParameterCount(const Model& m) {
  if (m.moe.experts == 0) return parameterCount(m);
  const double inactive = expertParameters(m) * (1.0 - static_cast<double>(m.moe.topK) / m.moe.experts);
  return parameterCount(m) - m.layers * inactive;
}

double layerLinearFlopsPerToken(const Model& m) {
  const double mlp = m.moe.experts > 0
                         ? m.moe.topK * mlpMatrices(m) * m.hidden * static_cast<double>(m.moe.expertFfnHidden) +
                               static_cast<double>(m.hidden) * m.moe.experts
                         : denseMlpWeights(m);
  return 2.0 * (attentionWeights(m) + mlp);
}

double layerAttentionFlopsPerToken(const Model& m, bool causal) {
  // QKᵀ and AV: 2 × (2 · s · d) per head per query token = 4·s·h.
  const double full = 4.0 * m.seqLen * static_cast<double>(m.hidden);
  return causal ? full / 2 : full;
}

double logitFlopsPerToken(const Model& m) {
  return 2.0 * m.hidden * static_cast<double>(m.vocab);
}

double modelFlopsPerToken(const Model& m, FlopConvention c) {
  const bool causal = c == FlopConvention::ModelCausal;
  const double layer = layerLinearFlopsPerToken(m) + layerAttentionFlopsPerToken(m, causal);
  const double passes = c == FlopConvention::MegatronRecompute ? 4.0 : 3.0;
  return m.layers * layer * passes + 3.0 * logitFlopsPerToken(m);
}

}  // namespace gigaplan::training
