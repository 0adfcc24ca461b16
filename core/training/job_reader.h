// Training jobs and bare cluster files in YAML: reading (every error located as
// file:line:column: key.path: found X, expected Y) and writing (so a design's job round-trips).
//
//   Job job = training::loadJobFile("gpt3.yaml");                 // throws io::LoadError
//   Cluster c = training::loadClusterFile("selene.yaml", catalog);  // gpu id checked against it
//   Job checked = training::loadJobFile("gpt3.yaml", &c);         // also tp·pp·dp·cp <= c.count
//
// Job shape (a job file holds it at the top level or under `job:`):
//   model: {name, layers, hidden, ffn_hidden, heads, kv_heads, head_dim, seq_len, vocab, activation, tied_embeddings,
//           mtp_depth, moe: {experts, top_k, expert_ffn_hidden, shared_experts, dense_layers, node_limit},
//           mla: {q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim}}
//   training: {tokens, global_batch, micro_batch, precision (bf16 | fp8 | fp4 | fp16), flash_attention}
//   parallelism: auto | {tp, pp, dp, cp, ep, virtual_stages, sequence_parallel, recompute,
//                        distributed_optimizer, fsdp, overlap_grad_reduce, tp_comm_overlap,
//                        ep_comm_overlap, ep_dispatch (all-to-all | per-node), expert_tp (1 | tp),
//                        dualpipe, comm_sms (0 to 54)}
// Cluster shape:
//   cluster: {gpu, count, scale_up: {size, bandwidth, latency},
//             scale_out: {bandwidth_per_gpu, oversubscription, leaf_gpus, pod_gpus,
//                         oversubscription_above_pod, latency},
//             pue, it_power_per_gpu, storage_bandwidth, failure_domain_gpus}
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "core/catalog/catalog.h"
#include "core/training/job.h"

namespace gigaplan::training {

/// Reads a job from `node` (the mapping holding model/training/parallelism). `keyPath` prefixes
/// every key in errors ("job" for a design's section, "" for a job file). When `cluster` is given
/// an explicit plan may use at most its GPU count. Throws io::LoadError.
Job readJob(const YAML::Node& node, const std::string& file, const std::string& keyPath,
            const Cluster* cluster = nullptr);

/// Reads a job file (top-level keys), or the `job:` section of a job or design file. Throws
/// io::LoadError.
Job loadJobFile(const std::string& path, const Cluster* cluster = nullptr);

/// Reads the mapping under `cluster:`; the GPU id must be in `cat`. Throws io::LoadError.
Cluster readCluster(const YAML::Node& node, const std::string& file, const std::string& keyPath,
                    const catalog::Catalog& cat);

/// Reads a bare cluster file (`cluster:` at the top). Throws io::LoadError.
Cluster loadClusterFile(const std::string& path, const catalog::Catalog& cat);

/// Writes `job` as the mapping readJob reads back to an equal Job.
void writeJob(YAML::Emitter& out, const Job& job);

/// Writes `cluster` as the mapping readCluster reads back (zero fields are left out).
void writeCluster(YAML::Emitter& out, const Cluster& cluster);

}  // namespace gigaplan::training
