// FLOP and parameter formulas (see flops.h). One multiply-add counts as 2 FLOPs; backward costs
// twice the forward (activation and weight gradients), as every published convention assumes.
#include "core/training/flops.h"

namespace gigaplan::training {
namespace {

bool gptStyle(const Model& m) {
  return m.activation == Activation::Gelu;
}
bool latent(const Model& m) {
  return m.mla.kvLoraRank > 0;
}
double mlpMatrices(const Model& m) {
  return m.activation == Activation::SwiGlu ? 3.0 : 2.0;
}
double gqaHeadDim(const Model& m) {
  return m.headDim > 0 ? m.headDim : static_cast<double>(m.hidden) / m.heads;
}
double expertWeights(const Model& m) {  // one expert's MLP
  return mlpMatrices(m) * m.hidden * static_cast<double>(m.moe.expertFfnHidden);
}
double denseMlpWeights(const Model& m) {
  return mlpMatrices(m) * m.hidden * static_cast<double>(m.ffnHidden);
}
double routerWeights(const Model& m) {
  return static_cast<double>(m.hidden) * m.moe.experts;
}
// Weights every token of a MoE layer passes through in its MLP: top-k routed + shared + router.
double activeMoeMlpWeights(const Model& m) {
  return (m.moe.topK + m.moe.sharedExperts) * expertWeights(m) + routerWeights(m);
}
// Norms and biases of one layer. GPT: two LayerNorms (weight + bias) and biases on qkv, out, fc1,
// fc2 = 13h in Megatron's formula; Llama: two RMSNorm weights.
double smallWeights(const Model& m, double ffn) {
  const double h = m.hidden;
  return gptStyle(m) ? 4 * h + (queryWidth(m) + keyWidth(m) + valueWidth(m)) + h + ffn + h : 2 * h;
}
// Learned positions (GPT style), looked up and never multiplied.
double positionParameters(const Model& m) {
  return gptStyle(m) ? static_cast<double>(m.seqLen) * m.hidden : 0.0;
}
// Input embedding (and learned positions) that a token only looks up; a tied table doubles as the
// output layer, which multiplies.
double lookupParameters(const Model& m) {
  return positionParameters(m) + (tiedEmbeddings(m) ? 0.0 : static_cast<double>(m.vocab) * m.hidden);
}

}  // namespace

double queryHeadDim(const Model& m) {
  return latent(m) ? static_cast<double>(m.mla.qkNopeHeadDim) + m.mla.qkRopeHeadDim : gqaHeadDim(m);
}
double queryWidth(const Model& m) {
  return m.heads * queryHeadDim(m);
}
double keyWidth(const Model& m) {
  return latent(m) ? queryWidth(m) : m.kvHeads * gqaHeadDim(m);
}
double valueWidth(const Model& m) {
  return latent(m) ? static_cast<double>(m.heads) * m.mla.vHeadDim : m.kvHeads * gqaHeadDim(m);
}

double attentionParameters(const Model& m) {
  const double h = m.hidden;
  const double out = (latent(m) ? valueWidth(m) : queryWidth(m)) * h;
  if (!latent(m)) return h * (queryWidth(m) + keyWidth(m) + valueWidth(m)) + out;
  const LatentAttention& a = m.mla;
  // Queries: h → q_lora → heads·(nope + rope), or h → heads·(nope + rope) without a query latent.
  const double q =
      a.qLoraRank > 0 ? h * a.qLoraRank + static_cast<double>(a.qLoraRank) * queryWidth(m) : h * queryWidth(m);
  // Keys and values: h → kv_lora + the shared rope key, then kv_lora → heads·(nope + v).
  const double kv = h * (a.kvLoraRank + a.qkRopeHeadDim) +
                    static_cast<double>(a.kvLoraRank) * m.heads * (a.qkNopeHeadDim + a.vHeadDim);
  return q + kv + out;
}

double mlaUpProjectionParameters(const Model& m) {
  if (!latent(m)) return 0;
  const LatentAttention& a = m.mla;
  return static_cast<double>(a.qLoraRank) * queryWidth(m) +
         static_cast<double>(a.kvLoraRank) * m.heads * (a.qkNopeHeadDim + a.vHeadDim);
}

int moeLayerCount(const Model& m) {
  return m.moe.experts > 0 ? m.layers - m.moe.denseLayers : 0;
}
int denseLayerCount(const Model& m) {
  return m.layers - moeLayerCount(m);
}

double expertParameters(const Model& m) {
  if (m.moe.experts == 0) return 0;
  return m.moe.experts * expertWeights(m);
}

double denseLayerParameters(const Model& m) {
  return attentionParameters(m) + denseMlpWeights(m) + smallWeights(m, m.ffnHidden);
}

double layerParameters(const Model& m) {
  if (m.moe.experts == 0) return denseLayerParameters(m);
  return attentionParameters(m) + expertParameters(m) + m.moe.sharedExperts * expertWeights(m) + routerWeights(m) +
         smallWeights(m, m.moe.expertFfnHidden);
}

bool tiedEmbeddings(const Model& m) {
  return m.tiedEmbeddings.value_or(gptStyle(m));
}

double embeddingParameters(const Model& m) {
  const double vh = static_cast<double>(m.vocab) * m.hidden;
  return (tiedEmbeddings(m) ? vh : 2 * vh) + positionParameters(m);
}

double parameterCount(const Model& m) {
  return moeLayerCount(m) * layerParameters(m) + denseLayerCount(m) * denseLayerParameters(m) + embeddingParameters(m);
}

double mtpParameterCount(const Model& m) {
  const double h = m.hidden;
  return m.mtpDepth * (layerParameters(m) + 2 * h * h + 2 * h);
}

double activeParameterCount(const Model& m) {
  double moeLayer = 0;
  if (m.moe.experts > 0) moeLayer = layerParameters(m) - expertParameters(m) + m.moe.topK * expertWeights(m);
  return moeLayerCount(m) * moeLayer + denseLayerCount(m) * denseLayerParameters(m) + embeddingParameters(m) -
         lookupParameters(m);
}

double denseLayerLinearFlopsPerToken(const Model& m) {
  return 2.0 * (attentionParameters(m) + denseMlpWeights(m));
}

double layerLinearFlopsPerToken(const Model& m) {
  if (m.moe.experts == 0) return denseLayerLinearFlopsPerToken(m);
  return 2.0 * (attentionParameters(m) + activeMoeMlpWeights(m));
}

double layerAttentionFlopsPerToken(const Model& m, bool causal) {
  // QKᵀ: 2·s·(query/key width); AV: 2·s·(value width), over all heads, per query token. For
  // multi-head attention with head dim h/heads this is 4·s·h.
  const double full =
      2.0 * m.seqLen * (queryWidth(m) + static_cast<double>(m.heads) * (latent(m) ? m.mla.vHeadDim : gqaHeadDim(m)));
  return causal ? full / 2 : full;
}

double logitFlopsPerToken(const Model& m) {
  return 2.0 * m.hidden * static_cast<double>(m.vocab);
}

double linearFlopsPerToken(const Model& m) {
  return moeLayerCount(m) * layerLinearFlopsPerToken(m) + denseLayerCount(m) * denseLayerLinearFlopsPerToken(m);
}

double mtpFlopsPerToken(const Model& m, bool causal) {
  const double h = m.hidden;
  return m.mtpDepth * (layerLinearFlopsPerToken(m) + layerAttentionFlopsPerToken(m, causal) + 2.0 * 2 * h * h +
                       logitFlopsPerToken(m));
}

double modelFlopsPerToken(const Model& m, FlopConvention c) {
  const bool causal = c == FlopConvention::ModelCausal;
  const double layers = linearFlopsPerToken(m) + m.layers * layerAttentionFlopsPerToken(m, causal);
  const double passes = c == FlopConvention::MegatronRecompute ? 4.0 : 3.0;
  return layers * passes + 3.0 * logitFlopsPerToken(m) + 3.0 * mtpFlopsPerToken(m, causal);
}

}  // namespace gigaplan::training
