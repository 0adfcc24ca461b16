// Job and cluster files: reading the issue's shapes, writing and reading back, and every kind of
// bad input named with file:line:column, key path, what was found and what was expected.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/io/diagnostic.h"
#include "core/training/job_reader.h"
#include "training_fixtures.h"

using namespace gigaplan;
using namespace gigaplan::training;

namespace {

const char* kIssueJob = R"(model: {name: gpt3-175b, layers: 96, hidden: 12288, ffn_hidden: 49152, heads: 96,
        kv_heads: 96, seq_len: 2048, vocab: 51200}
training: {tokens: 300e9, global_batch: 1536, micro_batch: 1, precision: bf16}
parallelism: {tp: 8, pp: 8, dp: 24, cp: 1, ep: 1, virtual_stages: 1,
              sequence_parallel: false, recompute: full, distributed_optimizer: false}
)";

Job readText(const std::string& text, const Cluster* cluster = nullptr) {
  return readJob(YAML::Load(text), "job.yaml", "", cluster);
}

std::string writeText(const Job& job) {
  YAML::Emitter e;
  writeJob(e, job);
  return e.c_str();
}

std::string tempFile(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("gigaplan_training_io_" + name);
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

class TestTrainingIo : public QObject {
  Q_OBJECT

 private slots:
  void readsTheIssueExample() {
    const Job j = readText(kIssueJob);
    QCOMPARE(j.model.name, std::string("gpt3-175b"));
    QCOMPARE(j.model.layers, 96);
    QCOMPARE(j.model.ffnHidden, 49152);
    QCOMPARE(j.training.tokens, 300e9);
    QCOMPARE(j.training.globalBatch, 1536);
    QCOMPARE(j.parallelism.tp, 8);
    QCOMPARE(j.parallelism.dp, 24);
    QVERIFY(j.parallelism.recompute == Recompute::Full);
    QVERIFY(!j.parallelism.automatic);
    QVERIFY(j.training.flashAttention);  // default
  }

  void defaultsFillOptionalKeys() {
    const Job j = readText(
        "model: {layers: 2, hidden: 64, heads: 4, seq_len: 128, vocab: 1000}\n"
        "training: {tokens: 1e6, global_batch: 8}\n");
    QCOMPARE(j.model.ffnHidden, 256);
    QCOMPARE(j.model.kvHeads, 4);
    QCOMPARE(j.training.microBatch, 1);
    QVERIFY(j.parallelism.automatic);  // no parallelism section: search
  }

  void roundTrips_data() {
    QTest::addColumn<QString>("yaml");
    QTest::newRow("issue") << QString(kIssueJob);
    QTest::newRow("auto") << QString(
        "model: {layers: 2, hidden: 64, heads: 4, seq_len: 128, vocab: 1000}\n"
        "training: {tokens: 1e6, global_batch: 8, precision: fp8}\nparallelism: auto\n");
    QTest::newRow("moe-swiglu") << QString(
        "model: {name: moe, layers: 4, hidden: 256, ffn_hidden: 704, heads: 8, kv_heads: 2, seq_len: 4096,\n"
        "        vocab: 32000, activation: swiglu, moe: {experts: 8, top_k: 2, expert_ffn_hidden: 512}}\n"
        "training: {tokens: 1.5e12, global_batch: 64, micro_batch: 2, precision: fp8, flash_attention: false,\n"
        "           restart: 90 s}\n"
        "parallelism: {tp: 2, pp: 2, dp: 4, cp: 2, ep: 4, virtual_stages: 2, sequence_parallel: true,\n"
        "              recompute: selective, distributed_optimizer: true, fsdp: true, overlap_grad_reduce: false,\n"
        "              tp_comm_overlap: backward}\n");
    // DeepSeek-V3's shape: MLA, shared expert, first 3 layers dense, multi-token prediction; FP16.
    QTest::newRow("frontier-moe") << QString(
        "model: {name: dsv3, layers: 61, hidden: 7168, ffn_hidden: 18432, heads: 128, seq_len: 4096, vocab: 129280,\n"
        "        activation: swiglu, mtp_depth: 1,\n"
        "        moe: {experts: 256, top_k: 8, expert_ffn_hidden: 2048, shared_experts: 1, dense_layers: 3},\n"
        "        mla: {q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64,\n"
        "              v_head_dim: 128}}\n"
        "training: {tokens: 14.8e12, global_batch: 15360, precision: fp16}\n"
        "parallelism: {pp: 16, dp: 128, ep: 64}\n");
    // DeepSeek-V3's recomputation (norms and MLA up-projections) and the expert activation.
    QTest::newRow("recompute modules") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128},\n"
        "        mla: {kv_lora_rank: 64, q_lora_rank: 96, qk_nope_head_dim: 32, qk_rope_head_dim: 16, v_head_dim: "
        "32}}\n"
        "training: {tokens: 1e9, global_batch: 64}\n"
        "parallelism: {dp: 16, ep: 16, recompute: selective, recompute_modules: [layernorm, mla_up_proj, moe_act]}\n");
    // Node-limited routing and the overlapped expert all-to-all (DeepSeek-V3's own run).
    QTest::newRow("node-limit-ep-overlap") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128, node_limit: 4}}\n"
        "training: {tokens: 1e9, global_batch: 64}\n"
        "parallelism: {pp: 2, virtual_stages: 2, dp: 32, ep: 16, ep_comm_overlap: true}\n");
    QTest::newRow("dualpipe") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128}}\n"
        "training: {tokens: 1e9, global_batch: 128}\n"
        "parallelism: {pp: 4, dp: 16, ep: 16, ep_comm_overlap: true, dualpipe: true}\n");
    QTest::newRow("comm sms") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128}}\n"
        "training: {tokens: 1e9, global_batch: 128}\n"
        "parallelism: {pp: 4, dp: 16, ep: 16, ep_comm_overlap: true, dualpipe: true, comm_sms: 0}\n");
    QTest::newRow("per-node dispatch") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128}}\n"
        "training: {tokens: 1e9, global_batch: 128}\n"
        "parallelism: {dp: 16, ep: 16, ep_dispatch: per-node}\n");
    // Folded experts: EP 16 over TP 4 · DP 4 (dp alone could not hold it).
    QTest::newRow("folded experts") << QString(
        "model: {layers: 8, hidden: 256, heads: 8, seq_len: 1024, vocab: 1000, activation: swiglu,\n"
        "        moe: {experts: 64, top_k: 8, expert_ffn_hidden: 128}}\n"
        "training: {tokens: 1e9, global_batch: 128}\n"
        "parallelism: {tp: 4, dp: 4, ep: 16, sequence_parallel: true, expert_tp: 1}\n");
    // Llama 3.2 1B: a Llama-style model whose output layer is its embedding; and a GPT untied.
    QTest::newRow("tied embeddings") << QString(
        "model: {layers: 16, hidden: 2048, ffn_hidden: 8192, heads: 32, kv_heads: 8, seq_len: 8192, vocab: 128256,\n"
        "        activation: swiglu, tied_embeddings: true}\n"
        "training: {tokens: 9e12, global_batch: 512}\n");
    QTest::newRow("untied gpt") << QString(
        "model: {layers: 2, hidden: 64, heads: 4, seq_len: 128, vocab: 1000, tied_embeddings: false}\n"
        "training: {tokens: 1e6, global_batch: 8}\n");
    QTest::newRow("head-dim") << QString(
        "model: {layers: 94, hidden: 4096, heads: 64, kv_heads: 4, head_dim: 128, seq_len: 4096, vocab: 151936,\n"
        "        activation: swiglu, moe: {experts: 128, top_k: 8, expert_ffn_hidden: 1536}}\n"
        "training: {tokens: 36e12, global_batch: 8192, precision: bf16}\n");
  }
  void roundTrips() {
    QFETCH(QString, yaml);
    const Job first = readText(yaml.toStdString());
    const Job second = readText(writeText(first));
    QVERIFY(first == second);
  }

  void badJobsAreLocated_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<QString>("expected");
    const QString model = "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128, vocab: 1000}\n";
    const QString training = "training: {tokens: 1e6, global_batch: 8}\n";
    QTest::newRow("unknown key") << model + training + "parallelism: {tp: 1, depth: 3}\n"
                                 << 3 << 22 << "parallelism.depth"
                                 << "one of: tp, pp";
    QTest::newRow("wrong type") << "model: {layers: many, hidden: 64, heads: 4, seq_len: 128, vocab: 1000}\n" + training
                                << 1 << 17 << "model.layers"
                                << "a whole number";
    QTest::newRow("not positive") << "model: {layers: 0, hidden: 64, heads: 4, seq_len: 128, vocab: 1000}\n" + training
                                  << 1 << 17 << "model.layers"
                                  << "from 1 to";
    QTest::newRow("hidden vs heads") << "model: {layers: 4, hidden: 66, heads: 4, seq_len: 128, vocab: 1000}\n" +
                                            training
                                     << 1 << 28 << "model.hidden"
                                     << "a multiple of heads (4)";
    QTest::newRow("tp vs heads") << model + training + "parallelism: {tp: 3}\n"
                                 << 3 << 19 << "parallelism.tp"
                                 << "a divisor of heads (4)";
    QTest::newRow("batch vs dp") << model + training + "parallelism: {dp: 3}\n"
                                 << 2 << 39 << "training.global_batch"
                                 << "a multiple of dp × micro_batch (3)";
    QTest::newRow("bad plan word") << model + training + "parallelism: manual\n"
                                   << 3 << 14 << "parallelism"
                                   << "'auto' or a mapping";
    QTest::newRow("recompute") << model + training + "parallelism: {recompute: partial}\n"
                               << 3 << 26 << "parallelism.recompute"
                               << "one of: none, selective, full";
    QTest::newRow("recompute module word")
        << model + training + "parallelism: {recompute: selective, recompute_modules: [layernorm, mlp]}\n"
        << 3 << 68 << "parallelism.recompute_modules[1]"
        << "one of: core_attn, layernorm, mla_up_proj, moe_act";
    QTest::newRow("recompute modules without selective")
        << model + training + "parallelism: {recompute: full, recompute_modules: [layernorm]}\n"
        << 3 << 51 << "parallelism.recompute_modules"
        << "recompute: selective";
    QTest::newRow("recompute modules empty")
        << model + training + "parallelism: {recompute: selective, recompute_modules: []}\n"
        << 3 << 56 << "parallelism.recompute_modules"
        << "one or more of";
    QTest::newRow("recompute modules the model lacks")
        << model + training + "parallelism: {recompute: selective, recompute_modules: [mla_up_proj]}\n"
        << 3 << 56 << "parallelism.recompute_modules"
        << "mla_up_proj needs model.mla";
    QTest::newRow("tp overlap word") << model + training + "parallelism: {tp: 2, tp_comm_overlap: some}\n"
                                     << 3 << 39 << "parallelism.tp_comm_overlap"
                                     << "one of: auto, none, backward, full";
    // Overlapping the forward splits sequence-parallel collectives; plain all-reduces have no split.
    QTest::newRow("full overlap needs SP") << model + training + "parallelism: {tp: 2, tp_comm_overlap: full}\n"
                                           << 3 << 39 << "parallelism.tp_comm_overlap"
                                           << "sequence_parallel: true";
    QTest::newRow("precision") << model + "training: {tokens: 1e6, global_batch: 8, precision: fp32}\n"
                               << 2 << 53 << "training.precision"
                               << "one of: bf16, fp8, fp4, fp16";
    QTest::newRow("dense-layers")
        << "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128, vocab: 100, moe: {experts: 8, "
           "top_k: 2, dense_layers: 4}}\n" +
               training
        << 1 << 110 << "model.moe.dense_layers"
        << "a whole number from 0 to layers - 1 (3)";
    QTest::newRow("mla")
        << "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128, vocab: 100, mla: {kv_lora_rank: 32}}\n" + training
        << 1 << 73 << "model.mla.qk_nope_head_dim"
        << "qk_nope_head_dim";
    QTest::newRow("missing") << "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128}\n" + training << 1 << 8
                             << "model.vocab"
                             << "a value for 'vocab'";
    const QString moe =
        "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128, vocab: 1000, moe: {experts: 8, "
        "top_k: 2}}\n";
    QTest::newRow("node limit") << "model: {layers: 4, hidden: 64, heads: 4, seq_len: 128, vocab: 1000, moe: "
                                   "{experts: 8, top_k: 2, node_limit: -1}}\n" +
                                       training
                                << 1 << 109 << "model.moe.node_limit"
                                << "a whole number from 0";
    QTest::newRow("ep overlap word") << moe + training + "parallelism: {dp: 2, ep: 2, ep_comm_overlap: often}\n"
                                     << 3 << 46 << "parallelism.ep_comm_overlap"
                                     << "true or false";
    QTest::newRow("ep dispatch word") << moe + training + "parallelism: {dp: 2, ep: 2, ep_dispatch: deepep}\n"
                                      << 3 << 42 << "parallelism.ep_dispatch"
                                      << "one of: all-to-all, per-node";
    QTest::newRow("per-node dispatch without ep") << moe + training + "parallelism: {ep_dispatch: per-node}\n"
                                                  << 3 << 28 << "parallelism.ep_dispatch"
                                                  << "ep > 1";
    QTest::newRow("expert tp neither 1 nor tp")
        << moe + training + "parallelism: {tp: 4, dp: 2, sequence_parallel: true, expert_tp: 2}\n"
        << 3 << 65 << "parallelism.expert_tp"
        << "1 or tp (4)";
    QTest::newRow("folded experts without sp") << moe + training + "parallelism: {tp: 2, dp: 2, expert_tp: 1}\n"
                                               << 3 << 40 << "parallelism.expert_tp"
                                               << "sequence_parallel: true";
    // EP 4 with dp 2: only folding, over tp·cp·dp = 4 ranks, holds it.
    QTest::newRow("ep beyond dp without folding")
        << moe + training + "parallelism: {tp: 2, dp: 2, ep: 4, sequence_parallel: true}\n"
        << 3 << 33 << "parallelism.ep"
        << "a divisor of dp·cp (2)";
    QTest::newRow("ep beyond a folded stage")
        << moe + training + "parallelism: {tp: 2, dp: 1, ep: 4, sequence_parallel: true, expert_tp: 1}\n"
        << 3 << 33 << "parallelism.ep"
        << "a divisor of tp·cp·dp (2) with expert_tp 1";
    QTest::newRow("ep overlap without ep") << moe + training + "parallelism: {ep_comm_overlap: true}\n"
                                           << 3 << 32 << "parallelism.ep_comm_overlap"
                                           << "ep > 1";
    // Megatron-Core pairs micro-batches only without a pipeline or with an interleaved one.
    QTest::newRow("ep overlap needs interleaving")
        << moe + training + "parallelism: {pp: 2, dp: 2, ep: 2, ep_comm_overlap: true}\n"
        << 3 << 53 << "parallelism.ep_comm_overlap"
        << "virtual_stages > 1 or dualpipe: true";
    // DualPipe: an even pipeline, its own two chunks, and micro-batches enough to fill both ends.
    QTest::newRow("dualpipe odd pp") << model + training + "parallelism: {pp: 3, dualpipe: true}\n"
                                     << 3 << 32 << "parallelism.dualpipe"
                                     << "an even pp of 2 or more";
    QTest::newRow("dualpipe interleaved")
        << model + training + "parallelism: {pp: 2, virtual_stages: 2, dualpipe: true}\n"
        << 3 << 51 << "parallelism.dualpipe"
        << "virtual_stages 1";
    QTest::newRow("dualpipe few micro-batches")
        << model + "training: {tokens: 1e6, global_batch: 2}\nparallelism: {pp: 4, dualpipe: true}\n"
        << 3 << 32 << "parallelism.dualpipe"
        << "at least 2·pp (8)";
    // Megatron-Core splits the MLP's hidden size over TP and each context shard over TP with
    // sequence parallelism, exactly.
    QTest::newRow("ffn not split by tp")
        << "model: {layers: 4, hidden: 64, ffn_hidden: 250, heads: 4, seq_len: 128, vocab: 1000}\n" + training +
               "parallelism: {tp: 4, dp: 2}\n"
        << 3 << 19 << "parallelism.tp"
        << "a divisor of ffn_hidden (250)";
    QTest::newRow("sequence shard not split by tp")
        << "model: {layers: 4, hidden: 64, heads: 4, seq_len: 132, vocab: 1000}\n" + training +
               "parallelism: {tp: 4, cp: 2, sequence_parallel: true}\n"
        << 3 << 48 << "parallelism.sequence_parallel"
        << "tp (4) dividing seq_len / cp";
    // SMs for the all-to-all: a whole number, at most half an A100's, and only beside an overlap.
    QTest::newRow("comm sms without overlap") << moe + training + "parallelism: {dp: 2, ep: 2, comm_sms: 20}\n"
                                              << 3 << 39 << "parallelism.comm_sms"
                                              << "ep_comm_overlap: true";
    QTest::newRow("comm sms beyond half an A100")
        << moe + training + "parallelism: {dp: 2, ep: 2, ep_comm_overlap: true, comm_sms: 60}\n"
        << 3 << 62 << "parallelism.comm_sms"
        << "54";
    QTest::newRow("restart without a unit") << model + "training: {tokens: 1e6, global_batch: 8, restart: 5}\n"
                                            << 2 << 51 << "training.restart"
                                            << "a unit is required";
    QTest::newRow("restart below a second") << model + "training: {tokens: 1e6, global_batch: 8, restart: 10 ms}\n"
                                            << 2 << 51 << "training.restart"
                                            << "1 s";
    QTest::newRow("interleave without pipeline") << model + training + "parallelism: {virtual_stages: 2}\n"
                                                 << 3 << 31 << "parallelism.virtual_stages"
                                                 << "1 when pp is 1";
  }
  void badJobsAreLocated() {
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, keyPath);
    QFETCH(QString, expected);
    try {
      readText(yaml.toStdString());
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      const io::Diagnostic& d = e.diagnostic();
      QCOMPARE(d.file, std::string("job.yaml"));
      QCOMPARE(d.line, line);
      QCOMPARE(d.column, column);
      QCOMPARE(QString::fromStdString(d.keyPath), keyPath);
      QVERIFY2(QString::fromStdString(d.expected).contains(expected), e.what());
      QVERIFY(!d.found.empty());
    }
  }

  void planMustUseTheClusterExactly() {
    Cluster c = test::a100Cluster(1024);
    QCOMPARE(readText(kIssueJob, &(c = test::a100Cluster(1536))).parallelism.dp, 24);  // 8·8·24 = 1536
    c = test::a100Cluster(1024);
    try {
      readText(kIssueJob, &c);
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(e.diagnostic().keyPath, std::string("parallelism"));
      QCOMPARE(e.diagnostic().line, 4);  // the parallelism mapping
      QCOMPARE(e.diagnostic().column, 14);
      QVERIFY(e.diagnostic().found.find("1536") != std::string::npos);
      QVERIFY(e.diagnostic().expected.find("1024") != std::string::npos);
    }
  }

  void jobFileWithOrWithoutJobKey() {
    const Job top = loadJobFile(tempFile("top.yaml", kIssueJob));
    std::string wrapped = "job:\n";
    for (std::size_t i = 0, s = 0; i <= std::string(kIssueJob).size(); ++i) {
      if (i == std::string(kIssueJob).size() || kIssueJob[i] == '\n') {
        if (i > s) wrapped += "  " + std::string(kIssueJob + s, kIssueJob + i) + "\n";
        s = i + 1;
      }
    }
    QVERIFY(loadJobFile(tempFile("wrapped.yaml", wrapped)) == top);
    try {
      loadJobFile("/nonexistent/job.yaml");
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(e.diagnostic().line, 0);
    }
  }

  void readsClusterFiles() {
    const auto& cat = test::repositoryCatalog();
    const Cluster c =
        loadClusterFile(tempFile("cluster.yaml",
                                 "cluster:\n  gpu: a100-sxm-80gb\n  count: 64\n  scale_up: {size: 8}\n"
                                 "  scale_out: {bandwidth_per_gpu: 200 Gb/s, oversubscription: 2, pod_gpus: 32,\n"
                                 "              oversubscription_above_pod: 7, latency: 5 us}\n"
                                 "  pue: 1.2\n  it_power_per_gpu: 650 W\n  storage_bandwidth: 100 GB/s\n"),
                        cat);
    QCOMPARE(c.gpu, std::string("a100-sxm-80gb"));
    QCOMPARE(c.count, 64);
    QCOMPARE(c.scaleOutBandwidth, 25e9);
    QCOMPARE(c.oversubscription, 2.0);
    QCOMPARE(c.podGpus, 32);
    QCOMPARE(c.scaleOutLatency, 5e-6);
    QCOMPARE(c.pue, 1.2);
    QCOMPARE(c.itPowerPerGpu, 650.0);
    QCOMPARE(c.storageBandwidth, 100e9);
    QCOMPARE(c.scaleUpBandwidth, 0.0);  // from the catalog at evaluation time

    YAML::Emitter e;
    writeCluster(e, c);
    const Cluster back = readCluster(YAML::Load(e.c_str()), "back.yaml", "cluster", cat);
    QCOMPARE(back.scaleOutBandwidth, c.scaleOutBandwidth);
    QCOMPARE(back.oversubscriptionAbovePod, 7.0);
    QCOMPARE(back.storageBandwidth, c.storageBandwidth);
  }

  void badClustersAreLocated_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown gpu") << "cluster:\n  gpu: a900\n  count: 8\n"
                                 << 2 << "cluster.gpu"
                                 << "a GPU id from the catalog";
    QTest::newRow("rate without unit")
        << "cluster:\n  gpu: h100-sxm\n  count: 8\n  scale_out: {bandwidth_per_gpu: 400}\n"
        << 4 << "cluster.scale_out.bandwidth_per_gpu"
        << "a unit is required";
    QTest::newRow("zero count") << "cluster:\n  gpu: h100-sxm\n  count: 0\n"
                                << 3 << "cluster.count"
                                << "from 1 to";
    QTest::newRow("unknown key") << "cluster:\n  gpu: h100-sxm\n  count: 8\n  racks: 3\n"
                                 << 4 << "cluster.racks"
                                 << "one of: gpu, count";
    QTest::newRow("not a cluster") << "format: 1\n"
                                   << 1 << ""
                                   << "a cluster file";
  }
  void badClustersAreLocated() {
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(QString, keyPath);
    QFETCH(QString, expected);
    try {
      loadClusterFile(tempFile("bad_cluster.yaml", yaml.toStdString()), test::repositoryCatalog());
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(e.diagnostic().line, line);
      QCOMPARE(QString::fromStdString(e.diagnostic().keyPath), keyPath);
      QVERIFY2(QString::fromStdString(e.diagnostic().expected).contains(expected), e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestTrainingIo)
#include "test_training_io.moc"
