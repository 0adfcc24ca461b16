// Derived sizes of a parallel plan that both the step-time and the memory model need: tokens per
// micro-batch, micro-batches per step, layers on the busiest pipeline stage, parameters per GPU.
#pragma once

#include "core/training/job.h"

namespace gigaplan::training {

struct PlanShape {
  int tp = 1, pp = 1, dp = 1, cp = 1, ep = 1, v = 1;
  double tokens = 0;         // tokens per micro-batch on one GPU's sequence shard: b · s / cp
  int microBatches = 1;      // per step per pipeline: global batch / (dp · micro batch)
  int stageLayers = 0;       // layers on a full pipeline stage (v chunks of ceil(L / (p·v)))
  int firstStageLayers = 0;  // the first stage (embedding) gives up one slack layer when there are two
  int lastStageLayers = 0;   // the last stage gives up the other slack layers and carries the output layer
  double stageParams = 0;    // parameters of the busiest stage held by one GPU (before DP sharding)
  double layerParams = 0;    // parameters of one layer held by one GPU
  double endParams = 0;      // embedding (first stage) or output layer (last stage) held by one GPU
  double shardGroup = 1;     // ranks that share optimizer state (dp · cp) when it is sharded
};

PlanShape shapeOf(const Job& job);

}  // namespace gigaplan::training
