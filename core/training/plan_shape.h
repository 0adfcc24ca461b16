// Derived sizes of a parallel plan that both the step-time and the memory model need: tokens per
// micro-batch, micro-batches per step, layers on the busiest pipeline stage, parameters per GPU.
#pragma once

#include "core/training/job.h"

namespace gigaplan::training {

struct PlanShape {
  int tp = 1, pp = 1, dp = 1, cp = 1, ep = 1, v = 1;
  int etp = 1;                   // tensor parallelism of the routed experts (tp, or 1 when folded)
  double tokens = 0;             // tokens per micro-batch on one GPU's sequence shard: b · s / cp
  int microBatches = 1;          // per step per pipeline: global batch / (dp · micro batch)
  int stageLayers = 0;           // layers on a full pipeline stage (v chunks of ceil(L / (p·v)))
  int firstStageLayers = 0;      // the first stage (embedding) gives up one slack layer when there are two
  int lastStageLayers = 0;       // the last stage gives up the other slack layers and carries the output layer
  double stageParams = 0;        // parameters of the busiest stage held by one GPU (before DP sharding)
  double layerParams = 0;        // parameters of one layer held by one GPU (a MoE layer for a MoE model)
  double layerExpertParams = 0;  // of which routed-expert weights (sharded over etp · ep)
  double denseLayerParams = 0;   // parameters of one dense-MLP layer held by one GPU
  int firstStageDense = 0;       // dense layers on the first stage (a MoE model's first k layers)
  double endParams = 0;          // embedding (first stage) or output layer (last stage) held by one GPU
  double mtpParams = 0;          // multi-token-prediction modules (on the last stage) held by one GPU
  int mtpDepth = 0;
  double shardGroup = 1;        // ranks that share optimizer state (dp · cp) when it is sharded
  double expertShardGroup = 1;  // ranks that hold the same experts (expert data parallel: tp·cp·dp / (etp·ep))
};

PlanShape shapeOf(const Job& job);

/// Parameters one GPU holds on a stage of `layers` layers of which `dense` have a dense MLP, with
/// the embedding or output layer (`withEnd`) and the multi-token-prediction modules (`withMtp`,
/// the last stage); and of those the routed-expert weights, which reduce and shard over the expert
/// data-parallel group.
struct StageParams {
  double total = 0, experts = 0;
  /// Two stages on one rank (DualPipe holds stage r and stage pp − 1 − r).
  friend StageParams operator+(StageParams a, StageParams b) { return {a.total + b.total, a.experts + b.experts}; }
};
StageParams stageParameters(const PlanShape& s, int layers, int dense, bool withEnd, bool withMtp);

}  // namespace gigaplan::training
