// FLOP and parameter accounting for decoder-only transformers, in the conventions published
// throughput figures use (so a prediction can be compared in the source's own terms).
//
//   double perToken = modelFlopsPerToken(model, FlopConvention::Model);  // 6N + attention
//   double params   = parameterCount(model);                            // Megatron P formula
//
// Architecture family follows the MLP kind (approximation, labelled): gelu = GPT style (biases,
// LayerNorm, learned positions, output tied to the embedding); swiglu = Llama style (no biases,
// RMSNorm, rotary positions, separate output layer).
#pragma once

#include "core/training/job.h"

namespace gigaplan::training {

enum class FlopConvention {
  Model,              // 3 × forward, full s² attention: Megatron-LM, PaLM, NeMo ≤ 24.x ("model FLOPs")
  ModelCausal,        // same with the attention term halved for the causal mask (Megatron-Bridge 25.x)
  MegatronRecompute,  // Narayanan et al. 2021: 4 × layer forward (full recompute counted) + 3 × logits
};

/// Parameters of one transformer layer: attention + MLP (all experts for MoE) + norms/biases.
double layerParameters(const Model& m);
/// Of which in the experts (0 for a dense model); these shard over expert parallelism.
double expertParameters(const Model& m);
/// Embedding (+ learned positions) and, for untied models, the output layer.
double embeddingParameters(const Model& m);
/// Total parameters: layers × layerParameters + embeddingParameters.
double parameterCount(const Model& m);
/// Parameters a token actually passes through (MoE: top-k experts only).
double activeParameterCount(const Model& m);

/// Forward FLOPs per token of one layer's matrix multiplies (attention projections and MLP).
double layerLinearFlopsPerToken(const Model& m);
/// Forward FLOPs per token of one layer's attention core (QKᵀ and AV), full s² unless `causal`.
double layerAttentionFlopsPerToken(const Model& m, bool causal);
/// Forward FLOPs per token of the output (logit) layer.
double logitFlopsPerToken(const Model& m);

/// Training FLOPs per token in a convention (forward + backward, as that convention counts).
double modelFlopsPerToken(const Model& m, FlopConvention c);

}  // namespace gigaplan::training
