// The training model's physics, piece by piece: FLOP and parameter formulas, shape-dependent GEMM
// efficiency, collectives per network level, memory per recompute mode, pipeline bubble and
// overlaps, goodput, energy and the JSON result. Uses a hand-built A100 so recalibrating the
// catalog does not move these expectations.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "core/training/collectives.h"
#include "core/training/estimate.h"
#include "core/training/estimate_json.h"
#include "core/training/flops.h"
#include "core/training/kernels.h"
#include "core/training/memory.h"
#include "core/training/plan_findings.h"
#include "core/training/plan_shape.h"
#include "core/training/step_model.h"
#include "training_fixtures.h"

using namespace gigaplan::training;
using namespace gigaplan::training::test;

namespace {

bool near(double a, double b, double rel) {
  return std::fabs(a - b) <= rel * std::fabs(b);
}

}  // namespace

class TestTrainingModel : public QObject {
  Q_OBJECT

 private slots:
  void parameterCountsMatchPublishedSizes_data() {
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("heads");
    QTest::addColumn<double>("billions");
    // Narayanan et al. 2021 Table 1 sizes come from P = 12lh²(1 + 13/12h + (V+s)/12lh).
    QTest::newRow("1.7B") << 24 << 2304 << 24 << 1.7;
    QTest::newRow("145.6B") << 80 << 12288 << 96 << 145.6;
    QTest::newRow("529.6B") << 105 << 20480 << 128 << 529.6;
    QTest::newRow("1008B") << 128 << 25600 << 160 << 1008.0;
  }
  void parameterCountsMatchPublishedSizes() {
    QFETCH(int, layers);
    QFETCH(int, hidden);
    QFETCH(int, heads);
    QFETCH(double, billions);
    QVERIFY(near(parameterCount(gpt(layers, hidden, heads)) / 1e9, billions, 0.03));
  }

  void llamaParameters() {
    QVERIFY(near(parameterCount(llama(80, 8192, 28672, 64, 8)) / 1e9, 70.6, 0.01));  // Llama 3 70B
  }

  // Llama 3.2 1B ties its output layer to the embedding (config.json: tie_word_embeddings true):
  // 1,235,814,400 parameters as its safetensors hold them, the 262,668,288-entry table once. Untied,
  // the same shape counts the table twice; GPT style ties by default and `false` unties it.
  void tiedEmbeddings() {
    Model m = llama(16, 2048, 8192, 32, 8);
    QVERIFY(!gigaplan::training::tiedEmbeddings(m));
    const double untied = parameterCount(m);
    m.tiedEmbeddings = true;
    QCOMPARE(parameterCount(m) + 2048.0, 1'235'814'400.0);  // + the final RMSNorm, not counted here
    QCOMPARE(untied - parameterCount(m), 128256.0 * 2048);
    // Every parameter of a tied model multiplies (the table as the output layer): active = total
    // less nothing looked up only; the FLOPs are the same either way.
    QCOMPARE(activeParameterCount(m), parameterCount(m));
    Model separate = m;
    separate.tiedEmbeddings = false;
    QCOMPARE(modelFlopsPerToken(m, FlopConvention::Model), modelFlopsPerToken(separate, FlopConvention::Model));
    Model g = gpt(2, 64, 4);
    QVERIFY(gigaplan::training::tiedEmbeddings(g));
    const double tiedGpt = parameterCount(g);
    g.tiedEmbeddings = false;
    QCOMPARE(parameterCount(g) - tiedGpt, 64.0 * g.vocab);
  }

  void flopConventions() {
    const Model m = gpt(96, 12288, 96);
    const double l = m.layers, h = m.hidden, s = m.seqLen, v = m.vocab;
    // Megatron's 96·B·s·l·h²(1 + s/6h + V/16lh) per sequence, with recomputation counted.
    QVERIFY(near(modelFlopsPerToken(m, FlopConvention::MegatronRecompute),
                 96 * l * h * h * (1 + s / (6 * h) + v / (16 * l * h)), 1e-12));
    QVERIFY(near(modelFlopsPerToken(m, FlopConvention::Model), 72 * l * h * h * (1 + s / (6 * h) + v / (12 * l * h)),
                 1e-12));
    QVERIFY(modelFlopsPerToken(m, FlopConvention::ModelCausal) < modelFlopsPerToken(m, FlopConvention::Model));
    // 6N + 12·l·h·s (PaLM) to within the embedding terms.
    QVERIFY(near(modelFlopsPerToken(m, FlopConvention::Model), 6 * parameterCount(m) + 12 * l * h * s, 0.01));
  }

  void moeCountsActiveExperts() {
    Model m = gpt(4, 1024, 16);
    m.moe = {8, 2, 4096};
    QVERIFY(parameterCount(m) > 3 * activeParameterCount(m) / 2);
    Model dense = gpt(4, 1024, 16);
    // top-2 of 8 experts as large as the dense MLP: twice the dense MLP FLOPs (plus the router).
    QVERIFY(layerLinearFlopsPerToken(m) > layerLinearFlopsPerToken(dense));
    QVERIFY(layerLinearFlopsPerToken(m) < 2 * layerLinearFlopsPerToken(dense));
  }

  void gemmEfficiencyDependsOnShape() {
    const GpuParams g = a100();
    const double big = gemmShapeEfficiency(g, 8192, 8192, 8192);
    QVERIFY(big > 0.9 && big <= 1.0);
    QVERIFY(gemmShapeEfficiency(g, 8192, 8192, 512) < big);        // short reduction: tile overheads
    QVERIFY(gemmShapeEfficiency(g, 256, 256, 8192) < 0.1);         // 2 tiles on 108 SMs
    QVERIFY(gemmShapeEfficiency(g, 128 * 108, 256, 8192) > 0.9);   // exactly one full wave
    QVERIFY(gemmShapeEfficiency(g, 128 * 109, 256, 8192) < 0.55);  // one tile into a second wave
    // A thin GEMM (short K, narrow N) reaches a small share of the FLOP rate of a square one and
    // is never faster than streaming its operands through HBM.
    const double thinFlops = 2.0 * 65536 * 64 * 64, squareFlops = 2.0 * 8192 * 8192 * 8192;
    const double thin = gemmTime(g, 65536, 64, 64, g.bf16, g.eff.gemmFraction, 2);
    const double square = gemmTime(g, 8192, 8192, 8192, g.bf16, g.eff.gemmFraction, 2);
    QVERIFY(thinFlops / thin < 0.2 * squareFlops / square);
    QVERIFY(thin >= memoryTime(g, (65536.0 * 64 + 64 * 64) * 2 + 2 * 65536.0 * 64));
    QVERIFY(near(squareFlops / square, 312e12 * 0.76 * 8192 / (8192 + 256), 0.01));
  }

  void collectivesUseTheLevelTheGroupSpans() {
    const GpuParams g = a100();
    Cluster c = a100Cluster(1024);
    const Link inNode = groupLink(g, c, 8, 1);
    const Link acrossNodes = groupLink(g, c, 8, 8);
    QVERIFY(!inNode.crossesDomains);
    QVERIFY(acrossNodes.crossesDomains);
    QVERIFY(near(inNode.busBandwidth, 300e9 * 0.78, 1e-12));
    QVERIFY(near(acrossNodes.busBandwidth, 25e9 * 0.9, 1e-12));                 // one NIC per member
    QVERIFY(near(groupLink(g, c, 32, 1).busBandwidth, 8 * 25e9 * 0.9, 1e-12));  // 8 NICs per node in the ring
    const double bytes = 1e9;
    QVERIFY(allReduceTime(acrossNodes, 8, bytes) > 5 * allReduceTime(inNode, 8, bytes));
    QVERIFY(near(allReduceTime(inNode, 8, bytes), 2.0 * 7 / 8 * bytes / inNode.busBandwidth + 2 * 3 * 3e-6, 1e-9));
    QCOMPARE(allReduceTime(inNode, 1, bytes), 0.0);
    // Above the pod, oversubscription divides the NIC bandwidth.
    c.podGpus = 256;
    c.oversubscriptionAbovePod = 7;
    QVERIFY(near(groupLink(g, c, 64, 8).scaleOut, 25e9 * 0.9 / 7, 1e-12));
    QVERIFY(near(groupLink(g, c, 16, 8).scaleOut, 25e9 * 0.9, 1e-12));
  }

  void memoryFollowsRecomputeAndSharding() {
    const GpuParams g = a100();
    Job j = gptJob(96, 12288, 96, 8, 8, 16, 1536);
    j.training.flashAttention = false;
    j.parallelism.recompute = Recompute::None;
    const double none = memoryPerGpu(j, g).activations;
    j.parallelism.recompute = Recompute::Selective;
    const double selective = memoryPerGpu(j, g).activations;
    j.parallelism.recompute = Recompute::Full;
    const MemoryBreakdown full = memoryPerGpu(j, g);
    QVERIFY(none > selective && selective > full.activations);
    // Korthikanti et al.: per layer sbh(10 + 24/t + 5as/(ht)) without SP or recompute.
    Job k = j;
    k.parallelism.recompute = Recompute::None;
    const double s = 2048, b = 1, h = 12288, t = 8, a = 96;
    QVERIFY(near(layerActivationBytes(k), s * b * h * (10 + 24 / t + 5 * a * s / (h * t)), 1e-12));
    k.parallelism.sequenceParallel = true;
    QVERIFY(near(layerActivationBytes(k), s * b * h * (34 / t + 5 * a * s / (h * t)), 1e-12));
    // Weights, gradients, Adam: 2 + 2 + 12 bytes per parameter; sharding divides the 12 by DP.
    QVERIFY(near(full.optimizer, 6 * full.weights, 1e-12));
    j.parallelism.distributedOptimizer = true;
    QVERIFY(near(memoryPerGpu(j, g).optimizer, full.optimizer / 16, 1e-12));
    QVERIFY(full.fits);
    const Job huge = gptJob(96, 12288, 96, 1, 1, 1024, 1024);
    QVERIFY(!memoryPerGpu(huge, g).fits);  // 175B on one GPU
  }

  void pipelineEndsGiveUpSlackLayers() {
    // 126 layers on pp 16 × v 4 = 64 chunks of 2: two slots spare, one taken from each end stage
    // (Megatron's account-for-embedding/loss split; Llama 3's 7 + 14 × 8 + 7).
    Job j = gptJob(126, 16384, 128, 8, 16, 8, 128);
    j.parallelism.virtualStages = 4;
    PlanShape s = shapeOf(j);
    QCOMPARE(s.stageLayers, 8);
    QCOMPARE(s.firstStageLayers, 7);
    QCOMPARE(s.lastStageLayers, 7);
    // One spare slot: the last stage gives it up, the first keeps a full stage.
    j = gptJob(31, 4096, 32, 1, 4, 8, 64);
    s = shapeOf(j);
    QCOMPARE(s.stageLayers, 8);
    QCOMPARE(s.firstStageLayers, 8);
    QCOMPARE(s.lastStageLayers, 7);
  }

  void activationsInFlightFollowTheSchedule() {
    const GpuParams g = a100();
    // 32 layers on pp 4, 8 micro-batches: 1F1B holds min(m, p) = 4 on the first rank, so 32
    // layer-micro-batches; the last rank 8 of them plus the logits.
    Job j = gptJob(32, 4096, 32, 1, 4, 8, 64);
    j.parallelism.recompute = Recompute::Selective;
    const double perLayer = layerActivationBytes(j);
    QVERIFY(near(memoryPerGpu(j, g).activations, 32 * perLayer, 1e-12));
    // Interleaved, v = 2: the first rank holds p·v + p - 1 = 11 chunks of 4 layers = 44.
    j.parallelism.virtualStages = 2;
    QVERIFY(near(memoryPerGpu(j, g).activations, 44 * perLayer, 1e-12));
    // With as many micro-batches as stages the warm-up stops at m·v = 8 chunks: 32.
    j.training.globalBatch = 32;
    QVERIFY(near(memoryPerGpu(j, g).activations, 32 * perLayer, 1e-12));
    // The busiest rank is the second when the first gave up a layer: 126 layers, pp 16 × v 4,
    // 64 micro-batches: rank 0 holds 7/4 × 79 chunks' layers, rank 1 8/4 × 77 = 154.
    Job l = gptJob(126, 16384, 128, 8, 16, 8, 512);
    l.parallelism.virtualStages = 4;
    l.parallelism.sequenceParallel = true;
    const double lp = layerActivationBytes(l);
    QVERIFY(near(memoryPerGpu(l, g).activations, 154 * lp, 1e-12));
  }

  void pipelineBubbleIsInterleavedFormula() {
    const GpuParams g = a100();
    const Cluster c = a100Cluster(1536);
    Job j = gptJob(80, 12288, 96, 8, 8, 24, 2304);
    j.parallelism.recompute = Recompute::Full;
    const int m = 2304 / 24;
    for (int v : {1, 2, 5}) {
      j.parallelism.virtualStages = v;
      const StepBreakdown b = stepTime(j, g, c);
      const double perMicroBatch = (b.forward + b.backward + b.recompute + b.tensorParallel) / m;
      QVERIFY(near(b.pipelineBubble / (m * perMicroBatch), (8 - 1.0) / (v * m), 1e-9));
    }
    j.parallelism.virtualStages = 1;
    const double plain = stepTime(j, g, c).pipelineBubble;
    j.parallelism.virtualStages = 5;
    QVERIFY(stepTime(j, g, c).pipelineBubble < plain / 4);
  }

  void overlapsAndRecomputeChangeTheRightTerms() {
    const GpuParams g = a100();
    const Cluster c = a100Cluster(256);
    Job j = gptJob(40, 6144, 48, 8, 1, 32, 1024, 8);
    j.parallelism.recompute = Recompute::None;
    const StepBreakdown base = stepTime(j, g, c);
    QCOMPARE(base.recompute, 0.0);
    QVERIFY(base.tensorParallel > 0);
    j.parallelism.sequenceParallel = true;  // TP collectives overlapped with the GEMMs
    QVERIFY(stepTime(j, g, c).tensorParallel < base.tensorParallel);
    j.parallelism.sequenceParallel = false;
    j.parallelism.recompute = Recompute::Full;
    const StepBreakdown full = stepTime(j, g, c);
    QVERIFY(near(full.recompute, full.forward - 0, 0.1));  // the layers' forward again (not the logits)
    QVERIFY(full.total > base.total);
    j.parallelism.overlapGradReduce = false;
    QVERIFY(stepTime(j, g, c).dataParallel > full.dataParallel);
    // Tensor-parallel exchanges: blocking in both passes (2021) costs the most; hiding the
    // backward's under its GEMMs (the default without SP) saves the backward's; full overlap
    // (sequence parallel) saves more. Full recomputation repeats the forward's blocking exchange.
    j.parallelism.recompute = Recompute::None;
    j.parallelism.tpOverlap = TpOverlap::None;
    const StepBreakdown blocking = stepTime(j, g, c);
    j.parallelism.tpOverlap = TpOverlap::Backward;
    const StepBreakdown backward = stepTime(j, g, c);
    QVERIFY(near(backward.tensorParallel, base.tensorParallel, 1e-12));  // auto without SP = backward
    QVERIFY(backward.tensorParallel < 0.7 * blocking.tensorParallel);
    QVERIFY(backward.tensorParallel > 0.5 * blocking.tensorParallel);  // the forward's half still waits
    j.parallelism.sequenceParallel = true;
    j.parallelism.tpOverlap = TpOverlap::Full;
    QVERIFY(stepTime(j, g, c).tensorParallel < backward.tensorParallel);
    j.parallelism.sequenceParallel = false;
    j.parallelism.tpOverlap = TpOverlap::Automatic;
    // Context parallelism: the ring exchange appears only with cp > 1.
    Job cp = gptJob(40, 6144, 48, 8, 1, 16, 1024, 1);
    cp.parallelism.cp = 2;
    QVERIFY(stepTime(cp, g, c).contextParallel > 0);
  }

  void goodputCalibratedOnLlama3() {
    Cluster c;
    c.count = 16384;
    c.scaleUpSize = 8;
    const Goodput g = goodput(c, 16384, 14 * 405e9);
    QVERIFY(near(g.interruptionsPerDay, 419.0 / 54, 1e-9));
    QVERIFY(near(g.mtbf / 3600, 3.09, 0.01));  // "one unexpected interruption every ~3.1 h"
    QVERIFY(g.storageAssumed);
    QVERIFY(near(g.checkpointWrite, 14 * 405e9 / (0.25e9 * 16384), 1e-12));
    QVERIFY(near(g.checkpointInterval, std::sqrt(2 * g.checkpointWrite * g.mtbf), 0.05));  // Young
    QVERIFY(g.goodput > 0.9 && g.goodput < 0.97);  // Llama 3: effective training time > 90 %
    QVERIFY(goodput(c, 1024, 14 * 405e9).goodput > g.goodput);
    c.storageBandwidth = 10e12;
    QVERIFY(goodput(c, 16384, 14 * 405e9).goodput > g.goodput);

    // The restart: 10 min assumed (and said so), or the job's own. Daly: goodput is
    // τ / (M·e^{R/M}·(e^{(τ+δ)/M} − 1)); only R moves, so a 1 min restart multiplies it by
    // e^{(10 min − 1 min)/M}, the checkpoint read on top of both.
    QVERIFY(g.restartAssumed);
    QVERIFY(near(g.restart, kRestartFixed + g.checkpointWrite, 1e-9));
    c.storageBandwidth = 0;
    const Goodput fast = goodput(c, 16384, 14 * 405e9, 60);
    QVERIFY(!fast.restartAssumed);
    QVERIFY(near(fast.restart, 60 + fast.checkpointWrite, 1e-9));
    QVERIFY(near(fast.goodput / g.goodput, std::exp((kRestartFixed - 60) / g.mtbf), 1e-9));

    // Llama 3's 16,384 GPUs train > 90 % of the time: no finding. A job of 262,144 interrupted every
    // ~11 min with 10 min restarts trains about a third of it: a warning naming the assumption.
    auto codes = [](const std::vector<gigaplan::engine::Finding>& fs) {
      std::vector<std::string> out;
      for (const auto& f : fs) out.push_back(f.code);
      return out;
    };
    QVERIFY(g.storageAssumed == (codes(goodputFindings(g)) == std::vector<std::string>{"training.storage-assumed"}));
    QVERIFY(!fast.storageAssumed || codes(goodputFindings(fast)).front() == "training.storage-assumed");
    Cluster campus;
    campus.count = 262144;
    campus.scaleUpSize = 72;
    // No storage stated: a note that the assumed storage is in none of the site's figures.
    const auto unstated = goodputFindings(goodput(campus, 262144, 14 * 7.3e12));
    QCOMPARE(unstated.front().code, std::string("training.storage-assumed"));
    QVERIFY(unstated.front().severity == gigaplan::engine::Severity::Info);
    QVERIFY2(unstated.front().message.find("assumes 65.5 TB/s (250 MB/s per GPU") != std::string::npos,
             unstated.front().message.c_str());
    campus.storageBandwidth = 262144 * kAssumedStoragePerGpu;
    const Goodput big = goodput(campus, 262144, 14 * 7.3e12);
    QVERIFY(big.goodput < 0.5);
    const auto low = goodputFindings(big);
    QCOMPARE(low.size(), std::size_t{1});
    QCOMPARE(low[0].code, std::string("training.low-goodput"));
    QVERIFY(low[0].severity == gigaplan::engine::Severity::Warning);
    QVERIFY2(low[0].message.find("interruptions a day (one every") != std::string::npos &&
                 low[0].message.find("10 min restart (assumed; set training.restart") != std::string::npos,
             low[0].message.c_str());
    QCOMPARE(low[0].value, big.goodput);
    // An interruption every ~11 min against a restart of over 10 min: the count alone would add up
    // to most of the day, so the warning says restarts are cut short and repeated.
    QVERIFY(big.mtbf < 3 * big.restart);
    QVERIFY2(low[0].message.find("many cut a restart short") != std::string::npos, low[0].message.c_str());
    Cluster rare = campus;
    rare.count = 8192;
    const Goodput smaller = goodput(rare, 8192, 14 * 7.3e12, 1800);
    QVERIFY(smaller.mtbf > 3 * smaller.restart);
    for (const auto& f : goodputFindings(smaller))
      QVERIFY2(f.message.find("cut a restart short") == std::string::npos, f.message.c_str());
    // Stated restarts of 30 s bring it above 80 %: the warning goes.
    QVERIFY(goodputFindings(goodput(campus, 262144, 14 * 7.3e12, 30)).empty());
  }

  // A batch too small for the plan. TP8 PP8 DP24 on 1,536 A100 with a 192-sequence batch has
  // m = 192 / 24 = 8 micro-batches per pipeline; the 1F1B bubble is (p − 1)/m = 7/8 of the compute,
  // so per sequence the step costs (m + 7)/m of the large-batch time: the plan reaches m/(m + 7) =
  // 8/15 = 53 % of its large-batch MFU, under the 80 % rule. From the bubble alone the sensible
  // batch needs m/(m + 7) ≥ 0.8, m ≥ 28 (672 sequences); the per-step gradient reduction and
  // optimizer also amortise, so the model's answer is at least that, a whole number of
  // DP × micro-batch rounds, the smallest that reaches 80 %. With 2,304 sequences (m = 96,
  // 96/103 = 93 %) there is no finding.
  void batchTooSmallIsAWarningNamingTheBatch() {
    const GpuParams g = a100();
    const Cluster c = a100Cluster(1536);
    auto plan = [](int batch) {
      Job j = gptJob(80, 12288, 96, 8, 8, 24, batch);
      j.parallelism.recompute = Recompute::Full;
      return j;
    };
    const Estimate small = estimate(plan(192), c, g);
    const BatchAdvice a = batchAdvice(plan(192), c, g, small.mfu);
    QVERIFY(near(a.share, 8.0 / 15, 0.1));
    QVERIFY(a.sensibleBatch >= 28 * 24);
    QCOMPARE(a.sensibleBatch % 24, 0);
    QVERIFY(batchAdvice(plan(a.sensibleBatch), c, g, 0).share >= kSensibleBatchShare);
    QVERIFY(batchAdvice(plan(a.sensibleBatch - 24), c, g, 0).share < kSensibleBatchShare);
    const auto found = std::find_if(small.findings.begin(), small.findings.end(),
                                    [](const auto& f) { return f.code == "training.batch-too-small"; });
    QVERIFY(found != small.findings.end());
    QVERIFY(found->severity == gigaplan::engine::Severity::Warning);
    QVERIFY(near(found->value, small.mfu, 1e-12));
    QVERIFY(near(found->limit, kSensibleBatchShare * a.largeBatchMfu, 1e-12));
    const std::string batch = std::to_string(a.sensibleBatch);
    const std::string withComma =
        batch.size() > 3 ? batch.substr(0, batch.size() - 3) + "," + batch.substr(batch.size() - 3) : batch;
    QVERIFY2(found->message.find("global batch of " + withComma + " sequences") != std::string::npos,
             found->message.c_str());
    QVERIFY2(found->message.find("the global batch of 192 sequences is too small") != std::string::npos,
             found->message.c_str());
    const Estimate large = estimate(plan(2304), c, g);
    QVERIFY(std::none_of(large.findings.begin(), large.findings.end(),
                         [](const auto& f) { return f.code == "training.batch-too-small"; }));
    QVERIFY(batchAdvice(plan(2304), c, g, large.mfu).share > 0.9);
  }

  // The training model maps a job onto one GPU type: a site's other GPUs sit idle, and the
  // estimate says so with one warning per idle type (and per other domain size of the same type).
  void idleGpuTypesAreWarnings() {
    const GpuParams g = a100();
    const Cluster c = a100Cluster(1536);
    const Job j = gptJob(80, 12288, 96, 8, 8, 24, 2304);
    Estimate e = estimate(j, c, g);
    QVERIFY(std::none_of(e.findings.begin(), e.findings.end(),
                         [](const auto& f) { return f.code == "training.idle-gpu-type"; }));
    addIdleGpuFindings(e, {{"h100-sxm", 27648, 8}, {"a100-sxm-80gb", 1, 4}}, c);
    std::vector<gigaplan::engine::Finding> idle;
    for (const auto& f : e.findings) {
      if (f.code == "training.idle-gpu-type") idle.push_back(f);
    }
    QCOMPARE(idle.size(), std::size_t(2));
    QCOMPARE(idle[0].object, std::string("h100-sxm"));
    QCOMPARE(idle[0].value, 27648.0);
    QVERIFY(idle[0].severity == gigaplan::engine::Severity::Warning);
    QCOMPARE(idle[0].message,
             std::string("27,648 h100-sxm GPUs sit idle: the training model maps a job onto one GPU "
                         "type, and this job runs on the site's 1,536 a100-sxm-80gb (the most numerous)"));
    QCOMPARE(idle[1].message,
             std::string("1 a100-sxm-80gb GPU in scale-up domains of 4 sits idle: the training model "
                         "maps a job onto one GPU type and one scale-up domain size, and this job runs "
                         "on the site's 1,536 a100-sxm-80gb (the most numerous)"));
    QVERIFY(estimateJson(e).find("\"code\": \"training.idle-gpu-type\"") != std::string::npos);
  }

  // FP4 runs at its own fraction of the FP4 peak (gemm_peak_fraction_fp4), not FP8's; a GPU
  // without the key takes the generic default, and only an FP4 estimate says so.
  void fp4HasItsOwnGemmFraction() {
    gigaplan::catalog::Gpu gpu = a100CatalogGpu();  // given FP8 and FP4 peaks it lacks
    gpu.fp8 = 624e12;
    gpu.fp4 = 1248e12;
    const Cluster c = a100Cluster(1536);
    Job j = gptJob(80, 12288, 96, 8, 8, 24, 2304, 2);
    auto run = [&](Precision p, double fp4Fraction) {
      if (fp4Fraction > 0) gpu.efficiency["gemm_peak_fraction_fp4"] = fp4Fraction;
      j.training.precision = p;
      return estimate(j, c, resolveGpu(gpu, c));
    };
    auto mentionsFp4Default = [](const Estimate& e) {
      return std::any_of(e.notes.begin(), e.notes.end(),
                         [](const std::string& n) { return n.find("gemm_peak_fraction_fp4") != std::string::npos; });
    };
    const Estimate fp8 = run(Precision::FP8, 0);
    const Estimate fp4Default = run(Precision::FP4, 0);
    QVERIFY(!mentionsFp4Default(fp8));
    QVERIFY(mentionsFp4Default(fp4Default));
    // Half FP8's fraction of twice the peak: the GEMMs take as long as in FP8 (only the 4-bit
    // operands' memory traffic differs).
    const Estimate fp4Half = run(Precision::FP4, 0.35);
    QVERIFY(!mentionsFp4Default(fp4Half));
    QVERIFY2(near(fp4Half.step.forward, fp8.step.forward, 0.02),
             qPrintable(QString("%1 vs %2").arg(fp4Half.step.forward).arg(fp8.step.forward)));
    QVERIFY(fp4Default.step.forward < 0.8 * fp8.step.forward);
  }

  void estimateAddsUpDaysEnergyAndJson() {
    const GpuParams g = a100();
    Cluster c = a100Cluster(1536);
    c.pue = 1.25;
    Job j = gptJob(80, 12288, 96, 8, 8, 24, 2304, 2);
    j.parallelism.virtualStages = 2;
    j.parallelism.recompute = Recompute::Full;
    const Estimate e = estimate(j, c, g);
    QVERIFY(near(e.tokensPerSecond, 2304.0 * 2048 / e.step.total, 1e-12));
    QVERIFY(near(e.trainingDays, 300e9 / e.tokensPerSecond / 86400, 1e-12));
    QVERIFY(e.effectiveTrainingDays > e.trainingDays);
    QVERIFY(near(e.powerPerGpu, 400 * 1.6, 1e-12));
    QVERIFY(near(e.energyMwh, 1536 * 640 * e.effectiveTrainingDays * 86400 * 1.25 / 3.6e9, 1e-9));
    QVERIFY(near(e.gpuHours, 1536 * e.effectiveTrainingDays * 24, 1e-12));
    QVERIFY(near(e.mfu, e.tflopsPerGpu * 1e12 / 312e12, 1e-12));
    QVERIFY(e.hfu > e.mfu);  // recomputation is executed but not counted as model FLOPs
    QVERIFY(e.mfu > 0.3 && e.mfu < 0.6);
    const std::string json = estimateJson(e);
    for (const char* key :
         {"step_time_s", "tokens_per_s", "tflops_per_gpu", "mfu", "hfu", "memory_gib_per_gpu", "fits_memory",
          "training_days", "effective_training_days", "goodput", "interruptions_per_day", "checkpoint_interval_min",
          "gpu_hours", "energy_mwh", "breakdown", "pipeline_bubble_s", "data_parallel_s"}) {
      QVERIFY2(json.find(std::string("\"") + key + "\": ") != std::string::npos, key);
    }
    QVERIFY(json.find("\"fits_memory\": true") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestTrainingModel)
#include "test_training_model.moc"
