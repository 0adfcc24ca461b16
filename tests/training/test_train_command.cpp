// `gigaplan train` and `gigaplan search` as functions: exit codes, JSON keys, the readable table,
// load errors with their location, usage errors, progress on stderr and the validation report.
#include <QtTest>

#include <cstring>

#include <fstream>
#include <regex>
#include <sstream>

#include "app/cli/command_line.h"
#include "app/cli/train_command.h"
#include "core/training/search.h"
#include "training_fixtures.h"

using namespace gigaplan;

namespace {

const char* kCluster =
    "cluster:\n  gpu: a100-sxm-80gb\n  count: 64\n  scale_up: {size: 8}\n"
    "  scale_out: {bandwidth_per_gpu: 200 Gb/s, oversubscription: 1}\n  pue: 1.2\n";
const char* kJob =
    "model: {name: gpt-3.6b, layers: 30, hidden: 3072, heads: 32, seq_len: 2048, vocab: 51200}\n"
    "training: {tokens: 100e9, global_batch: 512, micro_batch: 4, precision: bf16}\n"
    "parallelism: {tp: 2, pp: 1, dp: 32, sequence_parallel: true, recompute: selective,\n"
    "              distributed_optimizer: true}\n";

struct Run {
  int code = -1;
  std::string out, err;
};

}  // namespace

class TestTrainCommand : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  std::string file(const char* name, const std::string& text) {
    const std::string path = dir_.filePath(name).toStdString();
    std::ofstream(path) << text;
    return path;
  }

  using Command = int (*)(const std::vector<std::string>&, std::ostream&, std::ostream&, const catalog::Catalog&);

  // Through the dispatcher, which prints usage errors, with the repository's catalog.
  static Run call(const std::string& name, const std::vector<std::string>& args) {
    const auto withCatalog = [](Command command) {
      return [command](const std::vector<std::string>& a, std::ostream& out, std::ostream& err) {
        return command(a, out, err, training::test::repositoryCatalog());
      };
    };
    static const cli::CommandLine line("gigaplan",
                                       {{"train", "", cli::trainUsage(), withCatalog(cli::runTrainCommand)},
                                        {"search", "", cli::searchUsage(), withCatalog(cli::runSearchCommand)}},
                                       cli::CommandLine::NoGui);
    std::vector<std::string> all{name};
    all.insert(all.end(), args.begin(), args.end());
    std::ostringstream out, err;
    Run r;
    r.code = line.run(all, out, err).value_or(-1);
    r.out = out.str();
    r.err = err.str();
    return r;
  }
  static Run train(const std::vector<std::string>& args) { return call("train", args); }
  static Run search(const std::vector<std::string>& args) { return call("search", args); }

 private slots:
  void trainPrintsJsonWithEveryKey() {
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", file("j.yaml", kJob), "--json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.empty());
    for (const char* key :
         {"step_time_s", "tokens_per_s", "tflops_per_gpu", "mfu", "hfu", "memory_gib_per_gpu", "fits_memory",
          "training_days", "effective_training_days", "goodput", "interruptions_per_day", "checkpoint_interval_min",
          "gpu_hours", "energy_mwh", "breakdown"}) {
      QVERIFY2(r.out.find(std::string("\"") + key + "\"") != std::string::npos, key);
    }
    QVERIFY(r.out.find("\"pue\": 1.2") != std::string::npos);
    QVERIFY(r.out.front() == '{');
  }

  void trainPrintsATable() {
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", file("j.yaml", kJob)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.find("gpt-3.6b on 64 × a100-sxm-80gb (bf16)") != std::string::npos);
    QVERIFY(r.out.find("step breakdown:") != std::string::npos);
    QVERIFY(r.out.find("MFU") != std::string::npos);
    QVERIFY(r.out.find("TP 2 \u00b7 PP 1 \u00b7 DP 32") != std::string::npos);
  }

  void aPlanOnPartOfTheClusterLeavesGpusIdle() {
    std::string job = kJob;
    job.replace(job.find("dp: 32"), 6, "dp: 16");  // 2·1·16 = 32 of the cluster's 64 GPUs
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", file("half.yaml", job)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find("32 of 64 GPUs idle") != std::string::npos, r.out.c_str());
  }

  void aDesignFileServesAsTheJob() {
    // The job: section of a design, read through --job (the design's other keys are ignored here).
    const std::string design = std::string(GIGAPLAN_SOURCE_DIR) + "/samples/superpod-gb200-su.yaml";
    const Run r = train({"--cluster", design, "--job", design});
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY(r.out.find("step breakdown:") != std::string::npos);
    std::string job = kJob;
    job.replace(job.find("global_batch: 512"), 17, "global_batch: 51");
    const std::string path = file("wrapped.yaml", "job:\n  " + std::regex_replace(job, std::regex("\n(.)"), "\n  $1"));
    const Run bad = train({"--cluster", file("c.yaml", kCluster), "--job", path});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.find("job.training.global_batch") != std::string::npos, bad.err.c_str());
  }

  void trainSearchesWhenParallelismIsAuto() {
    std::string job = kJob;
    job = job.substr(0, job.find("parallelism")) + "parallelism: auto\n";
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", file("auto.yaml", job)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.find("parallelism: auto") != std::string::npos);
    QVERIFY(r.err.find("searching plans") != std::string::npos);
  }

  void loadErrorsExitTwoWithLocation() {
    std::string job = kJob;
    job.replace(job.find("dp: 32"), 6, "dp: 64");  // 2·1·64 = 128 GPUs, the cluster has 64
    const std::string path = file("bad.yaml", job);
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", path});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.find(path + ":3:14: parallelism: found tp·pp·dp·cp = 128 GPUs, expected at most the cluster's 64 "
                               "GPUs") != std::string::npos,
             r.err.c_str());
    const Run missing = search({"--cluster", "/nonexistent.yaml", "--job", path});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.find("/nonexistent.yaml") != std::string::npos);
  }

  // The problem on the first line, the usage (with --rank's) after it.
  void usageErrorsExit64_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("problem");
    QTest::newRow("nothing") << QStringList{} << "missing --cluster FILE";
    QTest::newRow("unknown") << QStringList{"--cluster", "c.yaml", "--job", "j.yaml", "--fast"}
                             << "unknown option '--fast'";
    QTest::newRow("dangling") << QStringList{"--cluster"} << "--cluster needs a value";
    QTest::newRow("top in train") << QStringList{"--cluster", "c.yaml", "--job", "j.yaml", "--top", "3"}
                                  << "unknown option '--top'";
    QTest::newRow("a word") << QStringList{"c.yaml"} << "unexpected 'c.yaml'";
  }
  void usageErrorsExit64() {
    QFETCH(QStringList, args);
    QFETCH(QString, problem);
    std::vector<std::string> a;
    for (const auto& s : args) a.push_back(s.toStdString());
    const Run r = train(a);
    QCOMPARE(r.code, 64);
    QVERIFY2(r.err.find("gigaplan train: " + problem.toStdString() + "\nusage: gigaplan train") == 0, r.err.c_str());
    QVERIFY(r.err.find("--rank days") != std::string::npos);
    QCOMPARE(search({"--cluster", "c.yaml", "--job", "j.yaml", "--top", "zero"}).code, 64);
  }

  void clusterFileWithoutJobIsAUsageError() {
    const std::string cluster = file("c.yaml", kCluster);
    const Run r = train({"--cluster", cluster});
    QCOMPARE(r.code, 64);
    QVERIFY2(r.err.find("gigaplan train: " + cluster + " has no job: give one with --job FILE\nusage: ") == 0,
             r.err.c_str());
  }

  void designAsClusterUsesItsOwnJob() {
    // The SuperPOD sample carries a Llama 3 70B job on its 576 GB200.
    const Run r = train({"--cluster", GIGAPLAN_SOURCE_DIR "/samples/superpod-gb200-su.yaml", "--json"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find("\"gpus_used\": 576") != std::string::npos || r.out.find("576") != std::string::npos,
             r.out.c_str());
    QVERIFY(r.out.find("\"mfu\"") != std::string::npos);
  }

  void designWithAnExplicitJobFile() {
    // The teaching hall without its job section (everything from "\njob:" on): `train` needs --job.
    std::ifstream in(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml");
    std::stringstream text;
    text << in.rdbuf();
    const std::string sample = text.str();
    QVERIFY(sample.find("\njob:") != std::string::npos);
    const std::string jobless = file("hall.yaml", sample.substr(0, sample.find("\njob:") + 1));
    const Run r = train({"--cluster", jobless});
    QCOMPARE(r.code, 64);
    QVERIFY(r.err.find("has no job") != std::string::npos);
    // The sample itself carries one (every sample does).
    QCOMPARE(train({"--cluster", GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml"}).code, 0);
  }

  void printsTotalAndActiveParameters() {
    // DeepSeek-V3's published shape (tests/training/test_training_moe.cpp derives the counts): 671.0 B,
    // 36.6 B active, 11.6 B in the multi-token-prediction module. On a 256-GPU GB200 cluster.
    const std::string job =
        "model: {name: dsv3, layers: 61, hidden: 7168, ffn_hidden: 18432, heads: 128, seq_len: 4096, vocab: 129280,\n"
        "        activation: swiglu, mtp_depth: 1,\n"
        "        moe: {experts: 256, top_k: 8, expert_ffn_hidden: 2048, shared_experts: 1, dense_layers: 3},\n"
        "        mla: {q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64,\n"
        "              v_head_dim: 128}}\n"
        "training: {tokens: 14.8e12, global_batch: 4096, precision: fp8}\n"
        "parallelism: {pp: 8, dp: 32, ep: 32, distributed_optimizer: true}\n";
    const Run r = train({"--cluster", file("c.yaml", "cluster: {gpu: gb200, count: 256, scale_up: {size: 72}}\n"),
                         "--job", file("j.yaml", job)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find("671.0 B (36.6 B active per token, + 11.6 B multi-token prediction)") != std::string::npos,
             r.out.c_str());
    QVERIFY(r.out.find("EP 32") != std::string::npos);
  }

  void hfuIsAtLeastMfu() {
    const Run r = train({"--cluster", file("c.yaml", kCluster), "--job", file("j.yaml", kJob), "--json"});
    const auto num = [&](const char* key) {
      const auto at = r.out.find(std::string("\"") + key + "\": ");
      return at == std::string::npos ? -1.0 : std::stod(r.out.substr(at + std::strlen(key) + 4));
    };
    QVERIFY(num("mfu") > 0);
    QVERIFY2(num("hfu") >= num("mfu"), r.out.c_str());
  }

  void searchListsTheBestPlans() {
    const Run r = search({"--cluster", file("c.yaml", kCluster), "--job", file("j.yaml", kJob), "--top", "3"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find("fit in memory; best 3 by days to train with failures, then energy:") != std::string::npos,
             r.out.c_str());
    QVERIFY(r.out.find("\n  1    ") != std::string::npos);  // rank, then the figures
    QVERIFY(r.out.find("\n  3    ") != std::string::npos);
    QVERIFY(r.out.find("\n  4    ") == std::string::npos);
    QVERIFY(r.out.find("\n      TP ") != std::string::npos);  // each plan below its figures
    QVERIFY(r.err.find("searching plans:") != std::string::npos);
    const Run json =
        search({"--cluster", file("c.yaml", kCluster), "--job", file("j.yaml", kJob), "--top", "2", "--json"});
    QCOMPARE(json.code, 0);
    QVERIFY(json.out.find("\"plans\": [") != std::string::npos);
    QVERIFY(json.out.find("\"step_time_s\"") != std::string::npos);
  }

  void searchRanksAsAsked() {
    const std::string c = file("c.yaml", kCluster), j = file("j.yaml", kJob);
    const Run energy = search({"--cluster", c, "--job", j, "--top", "2", "--rank", "energy"});
    QCOMPARE(energy.code, 0);
    QVERIFY(energy.out.find("best 2 by facility energy, then days:") != std::string::npos);
    const Run step = search({"--cluster", c, "--job", j, "--top", "2", "--rank", "step", "--json"});
    QVERIFY(step.out.find("\"ranked_by\": \"step\"") != std::string::npos);
    QVERIFY(step.out.find("\"cost\"") == std::string::npos);
    const Run cost = search({"--cluster", c, "--job", j, "--top", "2", "--rank", "cost", "--gpu-hour-price", "2.5",
                             "--energy-price", "90", "--json"});
    QCOMPARE(cost.code, 0);
    QVERIFY(cost.out.find("\"ranked_by\": \"cost\"") != std::string::npos);
    QVERIFY(cost.out.find("\"cost\": ") != std::string::npos);
    const Run table = search({"--cluster", c, "--job", j, "--top", "2", "--rank", "cost", "--energy-price", "90"});
    QVERIFY(table.out.find("MWh           cost\n") != std::string::npos);
    // Cost has no default prices: the catalog holds none.
    const Run noPrice = search({"--cluster", c, "--job", j, "--rank", "cost"});
    QCOMPARE(noPrice.code, 64);
    QVERIFY2(noPrice.err.find("gigaplan search: --rank cost needs --gpu-hour-price and/or --energy-price (the "
                              "catalog holds no prices)\n") == 0,
             noPrice.err.c_str());
    const Run badRank = search({"--cluster", c, "--job", j, "--rank", "fastest"});
    QCOMPARE(badRank.code, 64);
    QVERIFY(badRank.err.find("--rank needs days, energy, step or cost, found 'fastest'") != std::string::npos);
    const Run badPrice = search({"--cluster", c, "--job", j, "--rank", "cost", "--energy-price", "-3"});
    QCOMPARE(badPrice.code, 64);
    QVERIFY(badPrice.err.find("--energy-price needs a price of zero or more, found '-3'") != std::string::npos);
  }

  // The help says how ties go, as the search breaks them: figures within 0.1 % count as equal, the
  // measure after "then" decides, then less memory per GPU.
  void helpSaysHowTiesGo() {
    for (const char* command : {"search", "train"}) {
      const Run help = call(command, {"--help"});
      QCOMPARE(help.code, 0);
      QVERIFY2(help.out.find("ties: figures within 0.1 % of each other count as equal: the measure after \"then\" "
                             "decides, and after it the plan with less memory per GPU") != std::string::npos,
               help.out.c_str());
      QVERIFY(help.out.find(std::string(training::kRankTies)) != std::string::npos);
    }
    QCOMPARE(training::kRankTolerance, 1e-3);  // the 0.1 % the text says
  }

  void idleGpuTypesAreWarnedInTextAndJson() {
    // The teaching hall has 288 GB200 (4 NVL72 racks) and 96 H100 (3 DGX H100 racks of 32; the
    // row's fourth rack is a network rack): the job runs on the GB200s, the H100s sit idle.
    const std::string hall = GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml";
    const Run r = train({"--cluster", hall, "--job", file("j.yaml", kJob)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find("warning [training.idle-gpu-type]: 96 h100-sxm GPUs sit idle: the training model maps a job "
                        "onto one GPU type, and this job runs on the site's 288 gb200") != std::string::npos,
             r.out.c_str());
    const Run json = train({"--cluster", hall, "--job", file("j.yaml", kJob), "--json"});
    QVERIFY(json.out.find("\"code\": \"training.idle-gpu-type\"") != std::string::npos);
    QVERIFY(json.out.find("\"object\": \"h100-sxm\"") != std::string::npos);
  }

  void writesTheValidationReport() {
    const std::string path = dir_.filePath("validation.md").toStdString();
    const Run r = train({"--validation-report", path});
    QCOMPARE(r.code, 0);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    QVERIFY(text.str().find("Megatron Table 1: 529.6B") != std::string::npos);
    QVERIFY(r.out.find("within tolerance") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestTrainCommand)
#include "test_train_command.moc"
