// What an edit of one model field brings along, so that the Job panel, the edit tests and any
// other editor settle a job the same way.
//
//   j.model.moe.experts = 0;  settleExperts(j);      // a dense model: no MoE figures, EP 1
//   j.model.mla.kvLoraRank = 512;  settleLatentAttention(j);  // MLA with head dims to start from
#pragma once

#include "core/training/job.h"

namespace gigaplan::training {

/// After the number of routed experts changes: 0 clears the MoE section and expert parallelism
/// (a dense model has no experts to spread, nor an expert activation to recompute); a model made MoE starts at top-1
/// with the dense FFN size per expert (what the reader assumes when expert_ffn_hidden is left out).
void settleExperts(Job& job);

/// After TP, EP, PP, the virtual stages, sequence parallelism or DualPipe change: an expert
/// all-to-all overlap the plan no longer allows (expertOverlapAllowed), a per-node dispatch at EP 1,
/// folded experts without a TP to fold or a sequence shard to take tokens from, or SMs set aside for
/// an all-to-all no longer overlapped, is dropped rather than the edit refused.
void settleExpertOptions(Job& job);

/// A recompute module the model no longer has (the MLA up-projections of a model made GQA, the
/// expert activation of a model made dense) leaves the selective set; an empty set is the default,
/// the attention core.
void dropRecomputeModule(Parallelism& p, RecomputeModule module);

/// After the key/value latent rank changes: 0 is GQA again (every MLA figure cleared, and the MLA
/// up-projections from the recompute modules); a model
/// made MLA starts with the query/key and value heads of the GQA head it replaces and a decoupled
/// RoPE part half that size (DeepSeek-V3's 128 and 64), no query compression.
void settleLatentAttention(Job& job);

}  // namespace gigaplan::training
