// The rules a training job must keep, on in-memory values: the one home of the checks the job
// reader, the Job panel, the report's training section and the plan search all apply.
//
// Model:        every dimension ≥ 1; hidden a multiple of heads (unless head_dim or MLA sets the
//               head size); kv_heads a divisor of heads; MoE: at least 2 experts, 1 ≤ top_k ≤
//               experts, shared_experts ≥ 0, 0 ≤ dense_layers < layers; MLA: every head dim ≥ 1;
//               0 ≤ mtp_depth ≤ 1000.
// Training:     tokens > 0, global_batch ≥ 1, micro_batch ≥ 1.
// Auto:         `parallelism: auto` carries no sizes or options (the file holds none).
// Plan (Megatron-LM's constraints; skipped while parallelism is `auto`): every size ≥ 1;
//               tp divides heads and kv_heads; pp ≤ layers; virtual_stages 1 without a pipeline
//               and pp·virtual_stages ≤ layers; cp divides seq_len; ep divides the experts and
//               dp·cp (1 for a dense model); global_batch a multiple of dp × micro_batch; with a
//               cluster, tp·pp·dp·cp at most its GPUs.
//
// Each violation names the key path under `path` ("job" in a design file, "" in a job file).
//
//   model::Violations v = model::jobViolations(*design.job, "job");
//   if (!v.empty()) refuse(v.front().toString());  // job.parallelism.tp: found '16', expected …
#pragma once

#include "core/model/violation.h"
#include "core/training/job.h"

namespace gigaplan::model {

/// Model and training checks, then the plan's (unless automatic). First broken rule first.
Violations jobViolations(const training::Job& job, const std::string& path = "job",
                         const training::Cluster* cluster = nullptr);
/// The first of jobViolations, if any.
std::optional<Violation> firstJobViolation(const training::Job& job, const std::string& path = "job",
                                           const training::Cluster* cluster = nullptr);

/// Only the model's rules (key paths under `path`.model).
Violations modelViolations(const training::Model& model, const std::string& path = "job");
/// Only the plan's rules, given a model that keeps its own (key paths under `path`.parallelism and
/// `path`.training.global_batch). The plan search filters its candidates with this.
Violations planViolations(const training::Job& job, const std::string& path = "job",
                          const training::Cluster* cluster = nullptr);
/// The GPUs a plan occupies: tp·pp·dp·cp.
long long planGpus(const training::Parallelism& p);
/// The job's plan on a cluster that may be smaller than it asks: the same tp, pp, cp, ep and
/// global batch with the largest data-parallel size (at most the plan's) that keeps every plan
/// rule on `cluster` — fewer replicas, more gradient accumulation, as a run grows onto a site
/// coming online. nullopt for `auto` or when not even one replica fits.
std::optional<training::Job> withDataParallelFor(const training::Job& job, const training::Cluster& cluster);

}  // namespace gigaplan::model
