// Training job rules (see plan_rules.h).
#include "core/model/plan_rules.h"

#include <algorithm>

namespace gigaplan::model {
namespace {

constexpr long long kMaxDim = 1'000'000'000;  // generous bound on any model dimension

std::string n(long long v) {
  return std::to_string(v);
}

class Checker {
 public:
  explicit Checker(Violations& out) : out_(out) {}
  void fail(const std::string& path, const std::string& key, long long found, const std::string& expected) {
    out_.push_back({join(path, key), quoted(found), expected});
  }
  // The reader's bound on every model dimension and plan size.
  void atLeastOne(const std::string& path, const std::string& key, long long v) {
    if (v < 1 || v > kMaxDim) fail(path, key, v, "a whole number from 1 to " + std::to_string(kMaxDim));
  }

 private:
  Violations& out_;
};

void checkModel(const training::Model& m, const std::string& p, Violations& out) {
  Checker c(out);
  c.atLeastOne(p, "layers", m.layers);
  c.atLeastOne(p, "hidden", m.hidden);
  c.atLeastOne(p, "ffn_hidden", m.ffnHidden);
  c.atLeastOne(p, "heads", m.heads);
  c.atLeastOne(p, "kv_heads", m.kvHeads);
  c.atLeastOne(p, "seq_len", m.seqLen);
  c.atLeastOne(p, "vocab", m.vocab);
  if (!out.empty()) return;  // the ratios below need positive sizes
  // Without head_dim (or MLA's own head dims) a head is hidden / heads wide.
  if (m.headDim == 0 && m.mla.kvLoraRank == 0 && m.hidden % m.heads != 0)
    c.fail(p, "hidden", m.hidden, "a multiple of heads (" + n(m.heads) + "), or head_dim set");
  if (m.headDim < 0 || m.headDim > kMaxDim) c.fail(p, "head_dim", m.headDim, "a whole number from 1 to 1000000000");
  if (m.mtpDepth < 0 || m.mtpDepth > 1000) c.fail(p, "mtp_depth", m.mtpDepth, "a whole number from 0 to 1000");
  if (m.mla.kvLoraRank > 0) {
    const std::string ap = join(p, "mla");
    if (m.mla.qLoraRank < 0 || m.mla.qLoraRank > kMaxDim)
      c.fail(ap, "q_lora_rank", m.mla.qLoraRank, "a whole number from 0 to 1000000000");
    c.atLeastOne(ap, "qk_nope_head_dim", m.mla.qkNopeHeadDim);
    c.atLeastOne(ap, "qk_rope_head_dim", m.mla.qkRopeHeadDim);
    c.atLeastOne(ap, "v_head_dim", m.mla.vHeadDim);
  } else if (m.mla.kvLoraRank < 0 || !(m.mla == training::LatentAttention{})) {
    c.fail(join(p, "mla"), "kv_lora_rank", m.mla.kvLoraRank, "a whole number from 1 to 1000000000");
  }
  if (m.kvHeads > m.heads || m.heads % m.kvHeads != 0)
    c.fail(p, "kv_heads", m.kvHeads, "a divisor of heads (" + n(m.heads) + ")");
  if (m.moe.experts == 0) {
    // A dense model: a file has no moe section, so nothing of one may be set.
    if (m.moe.topK != 0)
      c.fail(join(p, "moe"), "top_k", m.moe.topK, "0 for a dense model (experts 0)");
    else if (m.moe.sharedExperts != 0)
      c.fail(join(p, "moe"), "shared_experts", m.moe.sharedExperts, "0 for a dense model (experts 0)");
    else if (m.moe.denseLayers != 0)
      c.fail(join(p, "moe"), "dense_layers", m.moe.denseLayers, "0 for a dense model (experts 0)");
    else if (m.moe.expertFfnHidden != 0)
      c.fail(join(p, "moe"), "expert_ffn_hidden", m.moe.expertFfnHidden, "0 for a dense model (experts 0)");
  } else {
    const std::string mp = join(p, "moe");
    if (m.moe.experts < 2 || m.moe.experts > 1'000'000)
      c.fail(mp, "experts", m.moe.experts, "a whole number from 2 to 1000000");
    else if (m.moe.topK < 1 || m.moe.topK > m.moe.experts)
      c.fail(mp, "top_k", m.moe.topK, "a whole number from 1 to " + n(m.moe.experts));
    else if (m.moe.expertFfnHidden < 1)
      c.fail(mp, "expert_ffn_hidden", m.moe.expertFfnHidden, "a whole number from 1 to 1000000000");
    else if (m.moe.sharedExperts < 0 || m.moe.sharedExperts > 1'000'000)
      c.fail(mp, "shared_experts", m.moe.sharedExperts, "a whole number from 0 to 1000000");
    else if (m.moe.denseLayers < 0 || m.moe.denseLayers >= m.layers)
      c.fail(mp, "dense_layers", m.moe.denseLayers, "a whole number from 0 to layers - 1 (" + n(m.layers - 1) + ")");
  }
}

void checkTraining(const training::TrainingSetup& t, const std::string& p, Violations& out) {
  Checker c(out);
  if (!(t.tokens >= 1 && t.tokens <= 1e18))
    out.push_back({join(p, "tokens"), quoted(std::to_string(t.tokens)), "a number between 1 and 1e+18"});
  c.atLeastOne(p, "global_batch", t.globalBatch);
  c.atLeastOne(p, "micro_batch", t.microBatch);
}

}  // namespace

long long planGpus(const training::Parallelism& p) {
  return static_cast<long long>(p.tp) * p.pp * p.dp * p.cp;
}

std::optional<training::Job> withDataParallelFor(const training::Job& job, const training::Cluster& cluster) {
  if (job.parallelism.automatic) return std::nullopt;
  const long long perReplica = planGpus(job.parallelism) / std::max(1, job.parallelism.dp);
  if (perReplica <= 0) return std::nullopt;
  training::Job out = job;
  for (long long dp = std::min<long long>(job.parallelism.dp, cluster.count / perReplica); dp >= 1; --dp) {
    out.parallelism.dp = static_cast<int>(dp);
    if (planViolations(out, "job", &cluster).empty()) return out;
  }
  return std::nullopt;
}

Violations modelViolations(const training::Model& model, const std::string& path) {
  Violations out;
  checkModel(model, join(path, "model"), out);
  return out;
}

Violations planViolations(const training::Job& job, const std::string& path, const training::Cluster* cluster) {
  Violations out;
  Checker c(out);
  const training::Model& m = job.model;
  const training::Parallelism& par = job.parallelism;
  const std::string p = join(path, "parallelism");
  c.atLeastOne(p, "tp", par.tp);
  c.atLeastOne(p, "pp", par.pp);
  c.atLeastOne(p, "dp", par.dp);
  c.atLeastOne(p, "cp", par.cp);
  c.atLeastOne(p, "ep", par.ep);
  c.atLeastOne(p, "virtual_stages", par.virtualStages);
  if (!out.empty()) return out;
  if (m.heads % par.tp != 0 || m.kvHeads % par.tp != 0)
    c.fail(p, "tp", par.tp, "a divisor of heads (" + n(m.heads) + ") and kv_heads (" + n(m.kvHeads) + ")");
  if (par.pp > m.layers) c.fail(p, "pp", par.pp, "at most the number of layers (" + n(m.layers) + ")");
  if (par.virtualStages > 1 && par.pp == 1)
    c.fail(p, "virtual_stages", par.virtualStages, "1 when pp is 1 (interleaving needs a pipeline)");
  else if (static_cast<long long>(par.pp) * par.virtualStages > m.layers)
    c.fail(p, "virtual_stages", par.virtualStages, "at most layers / pp (" + n(m.layers / par.pp) + ")");
  if (m.seqLen % par.cp != 0) c.fail(p, "cp", par.cp, "a divisor of seq_len (" + n(m.seqLen) + ")");
  // Tensor parallelism splits the MLP's hidden size (the dense layers', and each expert's over its
  // own TP), and sequence parallelism each context shard of the sequence: Megatron-Core divides
  // them exactly and refuses a remainder.
  if (m.ffnHidden > 0 && m.ffnHidden % par.tp != 0 && !(m.moe.experts > 0 && m.moe.denseLayers == 0))
    c.fail(p, "tp", par.tp, "a divisor of ffn_hidden (" + n(m.ffnHidden) + ")");
  else if (m.moe.experts > 0 && m.moe.expertFfnHidden % training::expertTensorParallel(par) != 0)
    c.fail(p, "tp", par.tp,
           "a divisor of expert_ffn_hidden (" + n(m.moe.expertFfnHidden) + "), or expert_tp: 1 (whole experts)");
  if (par.sequenceParallel && par.tp > 1 && m.seqLen % par.cp == 0 && (m.seqLen / par.cp) % par.tp != 0)
    out.push_back({join(p, "sequence_parallel"), "true with seq_len / cp = " + n(m.seqLen / par.cp),
                   "false, or tp (" + n(par.tp) + ") dividing seq_len / cp"});
  // Overlapping the forward's exchanges splits the sequence-parallel all-gathers and reduce-scatters
  // into the GEMMs; the all-reduces of plain tensor parallelism have no such split.
  if (par.tpOverlap == training::TpOverlap::Full && par.tp > 1 && !par.sequenceParallel)
    out.push_back({join(p, "tp_comm_overlap"), "'full' without sequence_parallel",
                   "'none', 'backward' or 'auto', or sequence_parallel: true"});
  // DualPipe feeds micro-batches from both ends: two halves of the pipeline, its own two chunks per
  // rank, and an even number of micro-batches, at least two per rank (DeepSeek-V3 report §3.2.1;
  // DeepSeek's reference implementation, github.com/deepseek-ai/DualPipe, asserts both).
  const long long perStep = static_cast<long long>(par.dp) * job.training.microBatch;  // sequences a step
  if (par.dualPipe) {
    const long long micro = perStep > 0 ? job.training.globalBatch / perStep : 0;
    if (par.pp < 2 || par.pp % 2 != 0)
      out.push_back({join(p, "dualpipe"), "true with pp " + n(par.pp), "false, or an even pp of 2 or more"});
    else if (par.virtualStages > 1)
      out.push_back({join(p, "dualpipe"), "true with virtual_stages " + n(par.virtualStages),
                     "false, or virtual_stages 1 (DualPipe has its own two chunks per rank)"});
    else if (micro % 2 != 0 || micro < 2LL * par.pp)
      out.push_back({join(p, "dualpipe"), "true with " + n(micro) + " micro-batches per step",
                     "false, or an even number of micro-batches, at least 2·pp (" + n(2LL * par.pp) + ")"});
  }
  if (par.epOverlap && !training::expertOverlapAllowed(par)) {
    if (par.ep == 1)
      out.push_back({join(p, "ep_comm_overlap"), "true with ep 1", "false, or ep > 1 (there is no all-to-all)"});
    else
      out.push_back({join(p, "ep_comm_overlap"), "true with pp " + n(par.pp) + " and virtual_stages 1",
                     "false, or virtual_stages > 1 or dualpipe: true (the overlap pairs micro-batches in an "
                     "interleaved or a DualPipe schedule)"});
  }
  const auto lacks = [has = training::recomputeModulesOf(m)](training::RecomputeModule module) {
    return (has & module) == 0;
  };
  if (training::recomputes(par, training::kRecomputeMlaUpProjection) && lacks(training::kRecomputeMlaUpProjection))
    out.push_back({join(p, "recompute_modules"), "mla_up_proj for a model without latent attention",
                   "modules the model has (mla_up_proj needs model.mla)"});
  if (training::recomputes(par, training::kRecomputeMoeActivation) && lacks(training::kRecomputeMoeActivation))
    out.push_back({join(p, "recompute_modules"), "moe_act for a dense model",
                   "modules the model has (moe_act needs a moe section)"});
  // SMs set aside for the all-to-all serve an exchange that runs under the computation.
  if (par.commSms > 0 && !par.epOverlap)
    out.push_back({join(p, "comm_sms"), n(par.commSms) + " without ep_comm_overlap",
                   "0, or ep_comm_overlap: true (the SMs run the all-to-all beside the computation)"});
  if (par.epPerNode && par.ep <= 1)
    out.push_back({join(p, "ep_dispatch"), "per-node with ep 1", "all-to-all, or ep > 1 (there is no dispatch)"});
  if (par.ep > 1) {
    if (m.moe.experts == 0)
      c.fail(p, "ep", par.ep, "1 for a dense model (no moe section)");
    else if (m.moe.experts % par.ep != 0)
      c.fail(p, "ep", par.ep, "a divisor of moe.experts (" + n(m.moe.experts) + ")");
    else if (const long long ranks = training::expertParallelRanks(par); ranks % par.ep != 0)
      c.fail(p, "ep", par.ep,
             training::expertsFolded(par) ? "a divisor of tp·cp·dp (" + n(ranks) + ") with expert_tp 1"
                                          : "a divisor of dp·cp (" + n(ranks) + ")");
  }
  // The experts' tensor parallelism: the plan's tp (Megatron-Core's default) or 1 (parallel
  // folding), which takes its tokens from the sequence-parallel shard.
  if (par.expertTp != 0) {
    if (par.expertTp != 1 && par.expertTp != par.tp)
      c.fail(p, "expert_tp", par.expertTp, "1 or tp (" + n(par.tp) + ")");
    else if (training::expertsFolded(par) && m.moe.experts == 0)
      c.fail(p, "expert_tp", par.expertTp, "left out for a dense model (no moe section)");
    else if (training::expertsFolded(par) && !par.sequenceParallel)
      out.push_back({join(p, "expert_tp"), "1 with tp " + n(par.tp) + " and no sequence parallelism",
                     "sequence_parallel: true (folded experts take the sequence shard's tokens), or expert_tp "
                     "left out"});
  }
  if (perStep > 0 && job.training.globalBatch % perStep != 0)
    c.fail(join(path, "training"), "global_batch", job.training.globalBatch,
           "a multiple of dp × micro_batch (" + n(perStep) + ")");
  // Fewer is a plan that leaves GPUs idle (as Meta ran Llama 3 on 16K of a 24K cluster); the
  // estimate notes how many.
  if (cluster && planGpus(par) > cluster->count)
    out.push_back(
        {p, "tp·pp·dp·cp = " + n(planGpus(par)) + " GPUs", "at most the cluster's " + n(cluster->count) + " GPUs"});
  return out;
}

Violations jobViolations(const training::Job& job, const std::string& path, const training::Cluster* cluster) {
  Violations out = modelViolations(job.model, path);
  checkTraining(job.training, join(path, "training"), out);
  if (!out.empty()) return out;
  if (job.parallelism.automatic) {
    // A file's `parallelism: auto` holds nothing else: sizes and options set beside it would be
    // lost on saving.
    training::Parallelism alone;
    alone.automatic = true;
    if (!(job.parallelism == alone))
      out.push_back(
          {join(path, "parallelism"), "'auto' with sizes or options set", "'auto' alone, or an explicit plan"});
    return out;
  }
  return planViolations(job, path, cluster);
}

std::optional<Violation> firstJobViolation(const training::Job& job, const std::string& path,
                                           const training::Cluster* cluster) {
  Violations v = jobViolations(job, path, cluster);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace gigaplan::model
