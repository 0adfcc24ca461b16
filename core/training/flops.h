// FLOP and parameter accounting for decoder-only transformers, in the conventions published
// throughput figures use (so a prediction can be compared in the source's own terms).
//
//   double perToken = modelFlopsPerToken(model, FlopConvention::Model);  // 6N + attention
//   double params   = parameterCount(model);                            // Megatron P formula
//   double active   = activeParameterCount(model);                      // DeepSeek-V3: 37 B of 671 B
//
// Architecture family follows the MLP kind (approximation, labelled): gelu = GPT style (biases,
// LayerNorm, learned positions, output tied to the embedding); swiglu = Llama style (no biases,
// RMSNorm, rotary positions, separate output layer). Attention is grouped-query (GQA, head_dim
// per head) or multi-head latent (MLA, DeepSeek); the MLP dense or mixture-of-experts (routed and
// shared experts, the first k layers dense); multi-token-prediction modules follow the model.
// Not counted (each well under 0.1 % of a frontier model): norm weights inside MLA and QK-norm,
// biases of Llama-style models (GPT-OSS has some), the router's bias, attention sinks.
#pragma once

#include "core/training/job.h"

namespace gigaplan::training {

enum class FlopConvention {
  Model,              // 3 × forward, full s² attention: Megatron-LM, PaLM, NeMo ≤ 24.x ("model FLOPs")
  ModelCausal,        // same with the attention term halved for the causal mask (Megatron-Bridge 25.x)
  MegatronRecompute,  // Narayanan et al. 2021: 4 × layer forward (full recompute counted) + 3 × logits
};

/// Per-token widths of the attention tensors: queries (and keys) at the query/key head dim, values
/// at the value head dim, all heads. GQA: keys and values have kv_heads heads; MLA: every head has
/// its own key (nope + rope) and value after the up-projection.
double queryWidth(const Model& m);
double keyWidth(const Model& m);
double valueWidth(const Model& m);
/// Head dimension of queries and keys (GQA: head_dim or hidden/heads; MLA: nope + rope).
double queryHeadDim(const Model& m);

/// Weights of one layer's attention (projections; MLA's down- and up-projections).
double attentionParameters(const Model& m);
/// Weights of MLA's up-projections (query latent → queries, key/value latent → keys and values),
/// what recomputing them repeats: 2 FLOPs per weight per token; 0 without latent attention.
double mlaUpProjectionParameters(const Model& m);
/// Layers with a mixture-of-experts MLP (0 for a dense model) and with a dense MLP.
int moeLayerCount(const Model& m);
int denseLayerCount(const Model& m);
/// Parameters of one transformer layer: a MoE layer (all experts, shared ones, router) for a MoE
/// model, the dense layer otherwise; + norms/biases.
double layerParameters(const Model& m);
/// Parameters of one dense-MLP layer (a MoE model's first k layers).
double denseLayerParameters(const Model& m);
/// Of a MoE layer, the routed experts' weights (0 for a dense model); these shard over expert
/// parallelism. Shared experts and the router stay with the rest of the layer.
double expertParameters(const Model& m);
/// Whether the output layer is the input embedding's matrix: Model::tiedEmbeddings when the model
/// says, else as its family builds it (GPT style tied, Llama style separate).
bool tiedEmbeddings(const Model& m);
/// Embedding (+ learned positions) and, for untied models, the output layer.
double embeddingParameters(const Model& m);
/// Total parameters of the main model: its layers + embeddingParameters (as published: DeepSeek-V3's
/// 671 B leaves out its multi-token-prediction module).
double parameterCount(const Model& m);
/// Multi-token-prediction modules: per depth one MoE layer, the 2h → h projection and two norms
/// (embedding and output layer are shared with the main model).
double mtpParameterCount(const Model& m);
/// Parameters a token's computation passes through: attention, dense MLPs, the top-k routed and
/// the shared experts, the router, the output layer; not the input embedding, which is a table
/// lookup (the convention of DeepSeek-V3's 37 B and GPT-OSS's 5.1 B active).
double activeParameterCount(const Model& m);

/// Forward FLOPs per token of one (MoE, for a MoE model) layer's matrix multiplies.
double layerLinearFlopsPerToken(const Model& m);
/// Forward FLOPs per token of one dense-MLP layer's matrix multiplies.
double denseLayerLinearFlopsPerToken(const Model& m);
/// Forward FLOPs per token of one layer's attention core (QKᵀ and AV), full s² unless `causal`.
double layerAttentionFlopsPerToken(const Model& m, bool causal);
/// Forward FLOPs per token of the output (logit) layer.
double logitFlopsPerToken(const Model& m);
/// Forward FLOPs per token of all main layers' linears (dense and MoE layers).
double linearFlopsPerToken(const Model& m);
/// Forward FLOPs per token of the multi-token-prediction modules (layer, projection, logits).
double mtpFlopsPerToken(const Model& m, bool causal);

/// Training FLOPs per token in a convention (forward + backward, as that convention counts).
double modelFlopsPerToken(const Model& m, FlopConvention c);

}  // namespace gigaplan::training
