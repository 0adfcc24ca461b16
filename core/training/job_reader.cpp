// Job and cluster YAML reading/writing (see job_reader.h). Field errors come from io::YamlReader;
// the cross-field rules (heads vs hidden, batch vs data parallel, GPU count) are core/model's,
// located here at the key whose value breaks the rule.
#include "core/training/job_reader.h"

#include <algorithm>

#include "core/base/date.h"
#include "core/io/yaml_reader.h"
#include "core/model/plan_rules.h"
#include "core/units/units.h"

namespace gigaplan::training {
namespace {

using io::YamlReader;
using units::Dimension;

constexpr long long kMaxDim = 1'000'000'000;  // generous bound on any model dimension

std::string at(const std::string& path, const char* key) {
  return YamlReader::join(path, key);
}

class JobReader {
 public:
  JobReader(const YamlReader& r, const Cluster* cluster) : r_(r), cluster_(cluster) {}

  Job read(const YAML::Node& n, const std::string& p) {
    r_.checkKeys(n, p, {"model", "training", "parallelism"});
    Job job;
    readModel(r_.require(n, p, "model"), at(p, "model"), job.model);
    readTraining(r_.require(n, p, "training"), at(p, "training"), job.training);
    if (auto par = n["parallelism"]; par && !par.IsNull()) {
      readParallelism(par, at(p, "parallelism"), job);
    } else {
      job.parallelism.automatic = true;  // no plan given: search for one
    }
    checkRules(n, p, job);
    return job;
  }

 private:
  int positive(const YAML::Node& n, const std::string& p) { return static_cast<int>(r_.integer(n, p, 1, kMaxDim)); }

  template <class T>
  void optInt(const YAML::Node& m, const std::string& p, const char* key, T& out) {
    r_.optional(m, p, key, [&](auto& c, auto& cp) { out = positive(c, cp); });
  }
  void optBool(const YAML::Node& m, const std::string& p, const char* key, bool& out) {
    r_.optional(m, p, key, [&](auto& c, auto& cp) { out = r_.boolean(c, cp); });
  }

  void readModel(const YAML::Node& n, const std::string& p, Model& m) {
    r_.checkKeys(n, p,
                 {"name", "layers", "hidden", "ffn_hidden", "heads", "kv_heads", "head_dim", "seq_len", "vocab",
                  "activation", "tied_embeddings", "moe", "mla", "mtp_depth"});
    r_.optional(n, p, "name", [&](auto& c, auto& cp) { m.name = r_.string(c, cp); });
    m.layers = positive(r_.require(n, p, "layers"), at(p, "layers"));
    m.hidden = positive(r_.require(n, p, "hidden"), at(p, "hidden"));
    m.heads = positive(r_.require(n, p, "heads"), at(p, "heads"));
    m.seqLen = positive(r_.require(n, p, "seq_len"), at(p, "seq_len"));
    m.vocab = positive(r_.require(n, p, "vocab"), at(p, "vocab"));
    m.ffnHidden = 4 * m.hidden;
    m.kvHeads = m.heads;
    optInt(n, p, "ffn_hidden", m.ffnHidden);
    optInt(n, p, "kv_heads", m.kvHeads);
    optInt(n, p, "head_dim", m.headDim);
    r_.optional(n, p, "mtp_depth",
                [&](auto& c, auto& cp) { m.mtpDepth = static_cast<int>(r_.integer(c, cp, 0, 1'000)); });
    if (auto mla = n["mla"]; mla && !mla.IsNull()) {
      const std::string ap = at(p, "mla");
      r_.checkKeys(mla, ap, {"q_lora_rank", "kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim"});
      LatentAttention& a = m.mla;
      a.kvLoraRank = positive(r_.require(mla, ap, "kv_lora_rank"), at(ap, "kv_lora_rank"));
      a.qkNopeHeadDim = positive(r_.require(mla, ap, "qk_nope_head_dim"), at(ap, "qk_nope_head_dim"));
      a.qkRopeHeadDim = positive(r_.require(mla, ap, "qk_rope_head_dim"), at(ap, "qk_rope_head_dim"));
      a.vHeadDim = positive(r_.require(mla, ap, "v_head_dim"), at(ap, "v_head_dim"));
      optInt(mla, ap, "q_lora_rank", a.qLoraRank);
    }
    r_.optional(n, p, "activation", [&](auto& c, auto& cp) {
      m.activation = static_cast<Activation>(r_.choice(c, cp, {"gelu", "swiglu"}));
    });
    r_.optional(n, p, "tied_embeddings", [&](auto& c, auto& cp) { m.tiedEmbeddings = r_.boolean(c, cp); });
    if (auto moe = n["moe"]; moe && !moe.IsNull()) {
      const std::string mp = at(p, "moe");
      r_.checkKeys(moe, mp, {"experts", "top_k", "expert_ffn_hidden", "shared_experts", "dense_layers", "node_limit"});
      m.moe.experts = static_cast<int>(r_.integer(r_.require(moe, mp, "experts"), at(mp, "experts"), 2, 1'000'000));
      m.moe.topK = static_cast<int>(r_.integer(r_.require(moe, mp, "top_k"), at(mp, "top_k"), 1, 1'000'000));
      m.moe.expertFfnHidden = m.ffnHidden;
      optInt(moe, mp, "expert_ffn_hidden", m.moe.expertFfnHidden);
      r_.optional(moe, mp, "shared_experts",
                  [&](auto& c, auto& cp) { m.moe.sharedExperts = static_cast<int>(r_.integer(c, cp, 0, 1'000'000)); });
      r_.optional(moe, mp, "dense_layers",
                  [&](auto& c, auto& cp) { m.moe.denseLayers = static_cast<int>(r_.integer(c, cp, 0, kMaxDim)); });
      r_.optional(moe, mp, "node_limit",
                  [&](auto& c, auto& cp) { m.moe.nodeLimit = static_cast<int>(r_.integer(c, cp, 0, 1'000'000)); });
    }
  }

  void readTraining(const YAML::Node& n, const std::string& p, TrainingSetup& t) {
    r_.checkKeys(n, p, {"tokens", "global_batch", "micro_batch", "precision", "flash_attention", "start", "restart"});
    t.tokens = r_.number(r_.require(n, p, "tokens"), at(p, "tokens"), 1, 1e18);
    t.globalBatch = positive(r_.require(n, p, "global_batch"), at(p, "global_batch"));
    optInt(n, p, "micro_batch", t.microBatch);
    r_.optional(n, p, "precision", [&](auto& c, auto& cp) {
      t.precision = static_cast<Precision>(r_.choice(c, cp, {"bf16", "fp8", "fp4", "fp16"}));
    });
    optBool(n, p, "flash_attention", t.flashAttention);
    r_.optional(n, p, "restart",
                [&](auto& c, auto& cp) { t.restart = r_.quantity(c, cp, units::Dimension::Time, 1, 86400); });
    r_.optional(n, p, "start", [&](auto& c, auto& cp) {
      const std::string text = r_.string(c, cp);
      t.start = base::parseDate(text);
      if (!t.start)
        r_.fail(c, cp, "'" + text + "'",
                "a date YYYY-MM-DD between " + std::to_string(base::kFirstYear) + " and " +
                    std::to_string(base::kLastYear));
    });
  }

  void readParallelism(const YAML::Node& n, const std::string& p, Job& job) {
    Parallelism& par = job.parallelism;
    if (n.IsScalar()) {
      if (n.Scalar() != "auto") r_.fail(n, p, YamlReader::describe(n), "'auto' or a mapping {tp, pp, dp, ...}");
      par.automatic = true;
      return;
    }
    r_.checkKeys(n, p,
                 {"tp", "pp", "dp", "cp", "ep", "virtual_stages", "sequence_parallel", "recompute", "recompute_modules",
                  "distributed_optimizer", "fsdp", "overlap_grad_reduce", "tp_comm_overlap", "ep_comm_overlap",
                  "ep_dispatch", "expert_tp", "dualpipe", "comm_sms"});
    optInt(n, p, "tp", par.tp);
    optInt(n, p, "pp", par.pp);
    optInt(n, p, "dp", par.dp);
    optInt(n, p, "cp", par.cp);
    optInt(n, p, "ep", par.ep);
    optInt(n, p, "virtual_stages", par.virtualStages);
    optBool(n, p, "sequence_parallel", par.sequenceParallel);
    r_.optional(n, p, "recompute", [&](auto& c, auto& cp) {
      par.recompute = static_cast<Recompute>(r_.choice(c, cp, {"none", "selective", "full"}));
    });
    r_.optional(n, p, "recompute_modules", [&](auto& c, auto& cp) {
      if (par.recompute != Recompute::Selective)
        r_.fail(c, cp, "a module list with recompute " + std::string(toString(par.recompute)),
                "recompute: selective (the modules are what it repeats)");
      r_.requireSequence(c, cp);
      if (c.size() == 0) r_.fail(c, cp, "an empty list", "one or more of core_attn, layernorm, mla_up_proj, moe_act");
      par.recomputeModules = 0;
      for (std::size_t i = 0; i < c.size(); ++i) {
        const int k = r_.choice(c[i], YamlReader::index(cp, i), {"core_attn", "layernorm", "mla_up_proj", "moe_act"});
        par.recomputeModules |= kRecomputeModuleNames[static_cast<std::size_t>(k)].bit;
      }
    });
    optBool(n, p, "distributed_optimizer", par.distributedOptimizer);
    optBool(n, p, "fsdp", par.fsdp);
    optBool(n, p, "overlap_grad_reduce", par.overlapGradReduce);
    r_.optional(n, p, "tp_comm_overlap", [&](auto& c, auto& cp) {
      par.tpOverlap = static_cast<TpOverlap>(r_.choice(c, cp, {"auto", "none", "backward", "full"}));
    });
    optBool(n, p, "ep_comm_overlap", par.epOverlap);
    optInt(n, p, "expert_tp", par.expertTp);
    r_.optional(n, p, "ep_dispatch", [&](auto& c, auto& cp) {
      par.epPerNode = r_.choice(c, cp, {"all-to-all", "per-node"}) == 1;
    });
    optBool(n, p, "dualpipe", par.dualPipe);
    r_.optional(n, p, "comm_sms",
                [&](auto& c, auto& cp) { par.commSms = static_cast<int>(r_.integer(c, cp, 0, kMaxCommSms)); });
  }

  // The rules between fields live in core/model/plan_rules; a broken one is reported at the
  // key it names (or, when that key was not written, at the nearest map that was).
  void checkRules(const YAML::Node& n, const std::string& p, const Job& job) {
    const auto v = model::firstJobViolation(job, p, cluster_);
    if (!v) return;
    std::string rest = v->keyPath.substr(std::min(v->keyPath.size(), p.empty() ? 0 : p.size() + 1));
    YAML::Node at = n;
    while (!rest.empty()) {
      const auto dot = rest.find('.');
      const std::string key = rest.substr(0, dot);
      rest = dot == std::string::npos ? "" : rest.substr(dot + 1);
      const YAML::Node child = at.IsMap() ? at[key] : YAML::Node();
      if (!child.IsDefined() || child.IsNull()) break;
      at = child;
    }
    r_.fail(at, v->keyPath, v->found, v->expected);
  }

  const YamlReader& r_;
  const Cluster* cluster_;
};

void writeModel(YAML::Emitter& e, const Model& m) {
  e << YAML::Key << "model" << YAML::Value << YAML::BeginMap;
  if (!m.name.empty()) e << YAML::Key << "name" << YAML::Value << m.name;
  e << YAML::Key << "layers" << YAML::Value << m.layers << YAML::Key << "hidden" << YAML::Value << m.hidden;
  e << YAML::Key << "ffn_hidden" << YAML::Value << m.ffnHidden << YAML::Key << "heads" << YAML::Value << m.heads;
  e << YAML::Key << "kv_heads" << YAML::Value << m.kvHeads << YAML::Key << "seq_len" << YAML::Value << m.seqLen;
  e << YAML::Key << "vocab" << YAML::Value << m.vocab;
  if (m.headDim > 0) e << YAML::Key << "head_dim" << YAML::Value << m.headDim;
  if (m.activation != Activation::Gelu)
    e << YAML::Key << "activation" << YAML::Value << std::string(toString(m.activation));
  if (m.tiedEmbeddings) e << YAML::Key << "tied_embeddings" << YAML::Value << *m.tiedEmbeddings;
  if (m.moe.experts > 0) {
    e << YAML::Key << "moe" << YAML::Value << YAML::Flow << YAML::BeginMap;
    e << YAML::Key << "experts" << YAML::Value << m.moe.experts << YAML::Key << "top_k" << YAML::Value << m.moe.topK;
    e << YAML::Key << "expert_ffn_hidden" << YAML::Value << m.moe.expertFfnHidden;
    if (m.moe.sharedExperts > 0) e << YAML::Key << "shared_experts" << YAML::Value << m.moe.sharedExperts;
    if (m.moe.denseLayers > 0) e << YAML::Key << "dense_layers" << YAML::Value << m.moe.denseLayers;
    if (m.moe.nodeLimit > 0) e << YAML::Key << "node_limit" << YAML::Value << m.moe.nodeLimit;
    e << YAML::EndMap;
  }
  if (m.mla.kvLoraRank > 0) {
    const LatentAttention& a = m.mla;
    e << YAML::Key << "mla" << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (a.qLoraRank > 0) e << YAML::Key << "q_lora_rank" << YAML::Value << a.qLoraRank;
    e << YAML::Key << "kv_lora_rank" << YAML::Value << a.kvLoraRank << YAML::Key << "qk_nope_head_dim" << YAML::Value
      << a.qkNopeHeadDim << YAML::Key << "qk_rope_head_dim" << YAML::Value << a.qkRopeHeadDim << YAML::Key
      << "v_head_dim" << YAML::Value << a.vHeadDim << YAML::EndMap;
  }
  if (m.mtpDepth > 0) e << YAML::Key << "mtp_depth" << YAML::Value << m.mtpDepth;
  e << YAML::EndMap;
}

void writeTraining(YAML::Emitter& e, const TrainingSetup& t) {
  e << YAML::Key << "training" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "tokens" << YAML::Value << units::shortest(t.tokens);
  e << YAML::Key << "global_batch" << YAML::Value << t.globalBatch;
  e << YAML::Key << "micro_batch" << YAML::Value << t.microBatch;
  e << YAML::Key << "precision" << YAML::Value << std::string(toString(t.precision));
  if (!t.flashAttention) e << YAML::Key << "flash_attention" << YAML::Value << false;
  if (t.restart > 0)
    e << YAML::Key << "restart" << YAML::Value << units::formatExact(t.restart, units::Dimension::Time);
  if (t.start) e << YAML::Key << "start" << YAML::Value << base::isoDate(*t.start);
  e << YAML::EndMap;
}

void writeParallelism(YAML::Emitter& e, const Parallelism& par) {
  e << YAML::Key << "parallelism" << YAML::Value;
  if (par.automatic) {
    e << "auto";
    return;
  }
  e << YAML::BeginMap;
  using Entry = std::pair<const char*, int>;
  for (auto [key, v] : std::initializer_list<Entry>{{"tp", par.tp},
                                                    {"pp", par.pp},
                                                    {"dp", par.dp},
                                                    {"cp", par.cp},
                                                    {"ep", par.ep},
                                                    {"virtual_stages", par.virtualStages}}) {
    e << YAML::Key << key << YAML::Value << v;
  }
  e << YAML::Key << "sequence_parallel" << YAML::Value << par.sequenceParallel;
  e << YAML::Key << "recompute" << YAML::Value << std::string(toString(par.recompute));
  if (par.recompute == Recompute::Selective && par.recomputeModules != kRecomputeCoreAttention) {
    e << YAML::Key << "recompute_modules" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& m : kRecomputeModuleNames)
      if ((par.recomputeModules & m.bit) != 0) e << m.key;
    e << YAML::EndSeq;
  }
  e << YAML::Key << "distributed_optimizer" << YAML::Value << par.distributedOptimizer;
  if (par.fsdp) e << YAML::Key << "fsdp" << YAML::Value << true;
  if (!par.overlapGradReduce) e << YAML::Key << "overlap_grad_reduce" << YAML::Value << false;
  if (par.tpOverlap != TpOverlap::Automatic)
    e << YAML::Key << "tp_comm_overlap" << YAML::Value << std::string(toString(par.tpOverlap));
  if (par.epOverlap) e << YAML::Key << "ep_comm_overlap" << YAML::Value << true;
  if (par.epPerNode) e << YAML::Key << "ep_dispatch" << YAML::Value << "per-node";
  if (par.expertTp != 0) e << YAML::Key << "expert_tp" << YAML::Value << par.expertTp;
  if (par.dualPipe) e << YAML::Key << "dualpipe" << YAML::Value << true;
  if (par.commSms != kAutomaticCommSms) e << YAML::Key << "comm_sms" << YAML::Value << par.commSms;
  e << YAML::EndMap;
}

}  // namespace

std::string_view toString(Activation a) {
  return a == Activation::SwiGlu ? "swiglu" : "gelu";
}

Job readJob(const YAML::Node& node, const std::string& file, const std::string& keyPath, const Cluster* cluster) {
  const YamlReader r{file};
  return JobReader(r, cluster).read(node, keyPath);
}

Job loadJobFile(const std::string& path, const Cluster* cluster) {
  const YamlReader r{path};
  const YAML::Node root = r.parseFile(path, "a job file");
  if (!root.IsMap()) r.fail(root, "", YamlReader::describe(root), "a job: model, training and parallelism");
  // A job file, or a design whose `job:` section is the job (its other keys are the design's).
  if (root["job"]) return JobReader(r, cluster).read(root["job"], "job");
  return JobReader(r, cluster).read(root, "");
}

Cluster readCluster(const YAML::Node& n, const std::string& file, const std::string& p, const catalog::Catalog& cat) {
  const YamlReader r{file};
  r.checkKeys(
      n, p,
      {"gpu", "count", "scale_up", "scale_out", "pue", "it_power_per_gpu", "storage_bandwidth", "failure_domain_gpus"});
  Cluster c;
  const YAML::Node gpu = r.require(n, p, "gpu");
  c.gpu = r.id(gpu, at(p, "gpu"));
  if (!cat.gpu(c.gpu)) r.fail(gpu, at(p, "gpu"), YamlReader::describe(gpu), "a GPU id from the catalog");
  c.count = static_cast<int>(r.integer(r.require(n, p, "count"), at(p, "count"), 1, 100'000'000));
  c.scaleUpSize = cat.gpu(c.gpu)->scaleUpDomain;
  if (auto up = n["scale_up"]; up && !up.IsNull()) {
    const std::string sp = at(p, "scale_up");
    r.checkKeys(up, sp, {"size", "bandwidth", "latency"});
    r.optional(up, sp, "size",
               [&](auto& v, auto& vp) { c.scaleUpSize = static_cast<int>(r.integer(v, vp, 1, 1'000'000)); });
    r.optional(up, sp, "bandwidth",
               [&](auto& v, auto& vp) { c.scaleUpBandwidth = r.quantity(v, vp, Dimension::DataRate, 1e6, 1e15); });
    r.optional(up, sp, "latency",
               [&](auto& v, auto& vp) { c.scaleUpLatency = r.quantity(v, vp, Dimension::Time, 1e-9, 1e-2); });
  }
  if (auto out = n["scale_out"]; out && !out.IsNull()) {
    const std::string op = at(p, "scale_out");
    r.checkKeys(
        out, op,
        {"bandwidth_per_gpu", "oversubscription", "leaf_gpus", "pod_gpus", "oversubscription_above_pod", "latency"});
    r.optional(out, op, "bandwidth_per_gpu",
               [&](auto& v, auto& vp) { c.scaleOutBandwidth = r.quantity(v, vp, Dimension::DataRate, 1e6, 1e14); });
    r.optional(out, op, "oversubscription", [&](auto& v, auto& vp) { c.oversubscription = r.number(v, vp, 1, 100); });
    r.optional(out, op, "leaf_gpus",
               [&](auto& v, auto& vp) { c.leafGpus = static_cast<int>(r.integer(v, vp, 1, 100'000'000)); });
    r.optional(out, op, "pod_gpus",
               [&](auto& v, auto& vp) { c.podGpus = static_cast<int>(r.integer(v, vp, 1, 100'000'000)); });
    r.optional(out, op, "oversubscription_above_pod",
               [&](auto& v, auto& vp) { c.oversubscriptionAbovePod = r.number(v, vp, 1, 100); });
    r.optional(out, op, "latency",
               [&](auto& v, auto& vp) { c.scaleOutLatency = r.quantity(v, vp, Dimension::Time, 1e-9, 1e-2); });
  }
  r.optional(n, p, "pue", [&](auto& v, auto& vp) { c.pue = r.number(v, vp, 1, 5); });
  r.optional(n, p, "it_power_per_gpu",
             [&](auto& v, auto& vp) { c.itPowerPerGpu = r.quantity(v, vp, Dimension::Power, 1, 1e5); });
  r.optional(n, p, "storage_bandwidth",
             [&](auto& v, auto& vp) { c.storageBandwidth = r.quantity(v, vp, Dimension::DataRate, 1e6, 1e16); });
  r.optional(n, p, "failure_domain_gpus", [&](auto& v, auto& vp) {
    c.largestFailureDomainGpus = static_cast<int>(r.integer(v, vp, 1, 100'000'000));
  });
  return c;
}

Cluster loadClusterFile(const std::string& path, const catalog::Catalog& cat) {
  const YamlReader r{path};
  const YAML::Node root = r.parseFile(path, "a cluster file");
  if (!root.IsMap() || !root["cluster"]) {
    r.fail(root, "", YamlReader::describe(root), "a cluster file with 'cluster:' at the top");
  }
  r.checkKeys(root, "", {"cluster"});
  return readCluster(root["cluster"], path, "cluster", cat);
}

void writeJob(YAML::Emitter& out, const Job& job) {
  out << YAML::BeginMap;
  writeModel(out, job.model);
  writeTraining(out, job.training);
  writeParallelism(out, job.parallelism);
  out << YAML::EndMap;
}

void writeCluster(YAML::Emitter& e, const Cluster& c) {
  auto q = [&](const char* key, double v, Dimension dim) {
    if (v > 0) e << YAML::Key << key << YAML::Value << units::formatExact(v, dim);
  };
  e << YAML::BeginMap;
  e << YAML::Key << "gpu" << YAML::Value << c.gpu << YAML::Key << "count" << YAML::Value << c.count;
  e << YAML::Key << "scale_up" << YAML::Value << YAML::BeginMap << YAML::Key << "size" << YAML::Value << c.scaleUpSize;
  q("bandwidth", c.scaleUpBandwidth, Dimension::DataRate);
  q("latency", c.scaleUpLatency, Dimension::Time);
  e << YAML::EndMap;
  e << YAML::Key << "scale_out" << YAML::Value << YAML::BeginMap;
  q("bandwidth_per_gpu", c.scaleOutBandwidth, Dimension::DataRate);
  e << YAML::Key << "oversubscription" << YAML::Value << units::shortest(c.oversubscription);
  if (c.leafGpus > 0) e << YAML::Key << "leaf_gpus" << YAML::Value << c.leafGpus;
  if (c.podGpus > 0) e << YAML::Key << "pod_gpus" << YAML::Value << c.podGpus;
  e << YAML::Key << "oversubscription_above_pod" << YAML::Value << units::shortest(c.oversubscriptionAbovePod);
  q("latency", c.scaleOutLatency, Dimension::Time);
  e << YAML::EndMap;
  if (c.pue > 0) e << YAML::Key << "pue" << YAML::Value << units::shortest(c.pue);
  q("it_power_per_gpu", c.itPowerPerGpu, Dimension::Power);
  q("storage_bandwidth", c.storageBandwidth, Dimension::DataRate);
  if (c.largestFailureDomainGpus > 0)
    e << YAML::Key << "failure_domain_gpus" << YAML::Value << c.largestFailureDomainGpus;
  e << YAML::EndMap;
}

}  // namespace gigaplan::training
