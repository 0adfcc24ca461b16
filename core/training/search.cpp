// Parallel plan search (see search.h). Candidates are enumerated once as compact plans; worker
// threads take them in chunks from an atomic cursor, score each (step time + memory, no
// allocation) and keep their own best few; the calling thread reports progress and merges.
#include "core/training/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

#include "core/model/plan_rules.h"
#include "core/training/estimate.h"
#include "core/training/job_edits.h"

namespace gigaplan::training {
namespace {

struct Candidate {
  Parallelism par;  // recompute none; each plan is tried up the recompute ladder
  int microBatch = 1;
};

// One step up the recompute ladder: what a plan recomputes.
struct RecomputeMode {
  Recompute recompute;
  unsigned modules;
};

// Recomputation from none to full: between them selective recomputation of what saves memory
// cheaply (the norms, the MLA up-projections, the expert activation: memory-bound passes and small
// GEMMs), with the attention core when attention is not fused. With fused attention the attention
// core alone is what the kernel's backward does anyway (the same time and memory as none), so it
// is not tried; without it, it is offered alone as well. Each step costs more time than the one
// before it and holds less memory, so of one plan only the first step that fits can rank best.
std::vector<RecomputeMode> recomputeLadder(const Job& base) {
  const unsigned cheap = recomputeModulesOf(base.model) & ~static_cast<unsigned>(kRecomputeCoreAttention);
  std::vector<RecomputeMode> ladder{{Recompute::None, kRecomputeCoreAttention}};
  if (base.training.flashAttention) {
    ladder.push_back({Recompute::Selective, cheap});
  } else {
    ladder.push_back({Recompute::Selective, kRecomputeCoreAttention});
    ladder.push_back({Recompute::Selective, kRecomputeCoreAttention | cheap});
  }
  ladder.push_back({Recompute::Full, kRecomputeCoreAttention});
  return ladder;
}

void climb(Parallelism& p, const RecomputeMode& mode) {
  p.recompute = mode.recompute;
  p.recomputeModules = mode.modules;
}

std::vector<int> divisors(int n) {
  std::vector<int> d;
  for (int i = 1; i <= n; ++i) {
    if (n % i == 0) d.push_back(i);
  }
  return d;
}

std::vector<int> powersOfTwo(int max) {
  std::vector<int> p;
  for (int v = 1; v <= max; v *= 2) p.push_back(v);
  return p;
}

std::vector<Candidate> candidates(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                                  const SearchOptions& o) {
  const Model& m = base.model;
  const int gb = base.training.globalBatch;
  std::vector<int> tps;
  for (int t = 1; t <= std::min(gpu.scaleUpSize, m.heads); ++t) {
    if (m.heads % t == 0 && m.kvHeads % t == 0) tps.push_back(t);
  }
  std::vector<int> cps;
  for (int c : powersOfTwo(o.maxContextParallel)) {
    if (c == 1 || (m.seqLen % c == 0 && m.seqLen / c >= o.minTokensPerContextRank)) cps.push_back(c);
  }
  const std::vector<int> eps = m.moe.experts > 0 ? divisors(m.moe.experts) : std::vector<int>{1};
  const std::vector<int> pps = divisors(m.layers);
  std::vector<int> mbs;
  for (int b : powersOfTwo(o.maxMicroBatch)) {
    if (gb % b == 0) mbs.push_back(b);
  }

  std::vector<Candidate> out;
  Job probe = base;
  for (int mb : mbs) {
    const std::vector<int> dps = divisors(gb / mb);  // data-parallel sizes that split the batch
    for (int t : tps) {
      for (int c : cps) {
        for (int p : pps) {
          const long long modelParallel = static_cast<long long>(t) * c * p;
          if (modelParallel > cluster.count) continue;
          const int maxDp = static_cast<int>(cluster.count / modelParallel);
          for (int e : eps) {
            // Folded experts (expert TP 1) are offered to expert-parallel plans with TP > 1 and
            // sequence parallelism: EP then draws on all tp·cp·dp ranks of a stage.
            const bool foldOption = t > 1 && e > 1;
            for (int fold = 0; fold < (foldOption ? 2 : 1); ++fold) {
              // DP takes the rest of the cluster: the largest size that splits the batch (and holds
              // whole expert-parallel groups).
              Parallelism unit;  // one data-parallel replica's share of the ranks EP draws on
              unit.tp = t;
              unit.cp = c;
              unit.expertTp = fold ? 1 : 0;
              const long long ranksPerDp = expertParallelRanks(unit);
              const auto fit = std::find_if(dps.rbegin(), dps.rend(),
                                            [&](int d) { return d <= maxDp && (d * ranksPerDp) % e == 0; });
              if (fit == dps.rend()) continue;
              const int dp = *fit;
              const int microBatches = gb / mb / dp;
              for (int v : p == 1 ? std::vector<int>{1} : divisors(m.layers / p)) {
                if (v > 1 && microBatches % p != 0) continue;  // interleaving needs whole rounds
                // DualPipe is offered where its point lies, hiding a MoE plan's all-to-all (the rules
                // decide whether the micro-batches fill it).
                const bool dualPipeOption = e > 1 && dualPipeShape(p, v);
                for (int dual = 0; dual < (dualPipeOption ? 2 : 1); ++dual) {
                  for (bool sp : t > 1 ? std::vector<bool>{false, true} : std::vector<bool>{false}) {
                    if (fold && !sp) continue;
                    const bool sharded = dp * c > 1;
                    for (int shard = 0; shard < (sharded ? (p == 1 ? 3 : 2) : 1); ++shard) {
                      Candidate cand;
                      Parallelism& par = cand.par;
                      par.tp = t;
                      par.pp = p;
                      par.dp = dp;
                      par.cp = c;
                      par.ep = e;
                      par.expertTp = fold ? 1 : 0;
                      par.virtualStages = v;
                      par.dualPipe = dual == 1;
                      par.sequenceParallel = sp;
                      par.distributedOptimizer = shard == 1;
                      par.fsdp = shard == 2;
                      // A per-node dispatch (DeepEP, HybridEP) for every EP plan: in the model it
                      // never costs time.
                      par.epPerNode = e > 1;
                      cand.microBatch = mb;
                      // Overlapping the expert all-to-all costs step time only when its kernels
                      // keep SMs for the whole step (the job's comm_sms, DualPipe's default):
                      // then the plan is offered both ways, else every plan that allows it takes it.
                      par.commSms = base.parallelism.commSms;
                      par.epOverlap = expertOverlapAllowed(par);
                      const bool bothWays = par.epOverlap && effectiveCommSms(par) > 0;
                      for (int overlap = bothWays ? 0 : 1; overlap < 2; ++overlap) {
                        par.commSms = base.parallelism.commSms;
                        par.epOverlap = overlap == 1 && expertOverlapAllowed(par);
                        probe.parallelism = par;
                        settleExpertOptions(probe);  // no SMs set aside for an exchange not overlapped
                        par = probe.parallelism;
                        // Built to keep the plan rules; checked with the file's own rules so the
                        // search never offers a plan the design would refuse to load. No rule
                        // depends on the recompute ladder (its modules are the model's own).
                        probe.training.microBatch = mb;
                        if (!model::planViolations(probe, "", &cluster).empty()) continue;
                        out.push_back(cand);
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return out;
}

// Values within kRankTolerance of each other fall in the same bucket and count as equal (kRankTies).
long long bucket(double v) {
  if (!(v > 0)) return std::numeric_limits<long long>::min();
  if (!std::isfinite(v)) return std::numeric_limits<long long>::max();
  return static_cast<long long>(std::floor(std::log(v) / std::log1p(kRankTolerance)));
}

// The ranking: the chosen measure, its tie-break, then less memory and enumeration order.
struct Better {
  RankBy rank = RankBy::Days;
  bool operator()(const RankedPlan& a, const RankedPlan& b) const {
    auto first = [&](const RankedPlan& p) {
      switch (rank) {
        case RankBy::Energy:
          return p.energyMwh;
        case RankBy::Step:
          return p.stepTime;
        case RankBy::Cost:
          return p.cost;
        case RankBy::Days:
          break;
      }
      return p.days;
    };
    auto second = [&](const RankedPlan& p) {
      return rank == RankBy::Energy || rank == RankBy::Cost ? p.days : p.energyMwh;
    };
    const long long fa = bucket(first(a)), fb = bucket(first(b));
    if (fa != fb) return fa < fb;
    const long long sa = bucket(second(a)), sb = bucket(second(b));
    if (sa != sb) return sa < sb;
    if (a.memoryPerGpu != b.memoryPerGpu) return a.memoryPerGpu < b.memoryPerGpu;
    return a.index < b.index;
  }
};

// Keeps the best `top` plans; the worst kept is at front() of a max-heap ordered by `better`.
void keep(std::vector<RankedPlan>& heap, std::size_t top, RankedPlan&& plan, const Better& better) {
  if (top == 0) return;
  if (heap.size() < top) {
    heap.push_back(std::move(plan));
    std::push_heap(heap.begin(), heap.end(), better);
  } else if (better(plan, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), better);
    heap.back() = std::move(plan);
    std::push_heap(heap.begin(), heap.end(), better);
  }
}

}  // namespace

double planCost(const Cluster& cluster, double wallDays, double facilityMwh, const Prices& prices) {
  return static_cast<double>(cluster.count) * wallDays * 24 * prices.perGpuHour + facilityMwh * prices.perMwh;
}

std::string_view toString(RankBy r) {
  switch (r) {
    case RankBy::Energy:
      return "energy";
    case RankBy::Step:
      return "step";
    case RankBy::Cost:
      return "cost";
    case RankBy::Days:
      break;
  }
  return "days";
}

std::optional<RankBy> parseRankBy(std::string_view s) {
  for (RankBy r : {RankBy::Days, RankBy::Energy, RankBy::Step, RankBy::Cost}) {
    if (s == toString(r)) return r;
  }
  return std::nullopt;
}

std::vector<Job> enumeratePlans(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                                const SearchOptions& options) {
  std::vector<Job> jobs;
  const std::vector<RecomputeMode> ladder = recomputeLadder(base);
  for (const auto& c : candidates(base, cluster, gpu, options)) {
    for (const RecomputeMode& mode : ladder) {
      Job j = base;
      j.parallelism = c.par;
      climb(j.parallelism, mode);
      j.training.microBatch = c.microBatch;
      jobs.push_back(std::move(j));
    }
  }
  return jobs;
}

SearchResult searchPlans(const Job& base, const Cluster& cluster, const GpuParams& gpu, const SearchOptions& o) {
  SearchResult result;
  result.rank = o.rank;
  const Better better{o.rank};
  const std::vector<Candidate> all = candidates(base, cluster, gpu, o);
  const std::vector<RecomputeMode> ladder = recomputeLadder(base);
  const std::size_t rungs = ladder.size();
  result.candidates = all.size() * rungs;
  const unsigned threads = std::max(1u, std::min<unsigned>(o.threads ? o.threads : std::thread::hardware_concurrency(),
                                                           static_cast<unsigned>(all.size() / 64 + 1)));
  constexpr std::size_t kChunk = 64;
  std::atomic<std::size_t> cursor{0}, done{0}, fitting{0};
  std::atomic<unsigned> running{threads};
  std::mutex mutex;
  std::condition_variable finished;
  std::vector<std::vector<RankedPlan>> heaps(threads);

  auto work = [&](unsigned id) {
    Job job = base;
    job.parallelism.overlapGradReduce = true;
    std::size_t fits = 0;
    for (;;) {
      if (o.cancel && o.cancel->load(std::memory_order_relaxed)) break;
      const std::size_t begin = cursor.fetch_add(kChunk);
      if (begin >= all.size()) break;
      const std::size_t end = std::min(all.size(), begin + kChunk);
      for (std::size_t i = begin; i < end; ++i) {
        job.parallelism = all[i].par;
        job.training.microBatch = all[i].microBatch;
        bool ranked = false;  // the plan's first rung that fits; the rungs above it fit too, slower
        for (std::size_t r = 0; r < rungs; ++r) {
          climb(job.parallelism, ladder[r]);
          const PlanScore s = scorePlan(job, cluster, gpu);
          if (!s.fits) continue;
          ++fits;
          if (ranked) continue;
          ranked = true;
          const Parallelism& p = job.parallelism;
          RankedPlan plan{Job{},
                          s.stepTime,
                          s.energyPerStep,
                          s.memory,
                          s.days,
                          s.energyMwh,
                          planCost(cluster, s.days, s.energyMwh, o.prices),
                          p.tp * p.pp * p.dp * p.cp,
                          i * rungs + r};
          if (heaps[id].size() < o.top || better(plan, heaps[id].front())) {
            plan.job = job;
            keep(heaps[id], o.top, std::move(plan), better);
          }
        }
      }
      done.fetch_add((end - begin) * rungs);
    }
    fitting.fetch_add(fits);
    if (running.fetch_sub(1) == 1) {
      std::lock_guard lock(mutex);
      finished.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(work, i);
  {
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return running.load() == 0; })) {
      if (o.progress) o.progress(std::min(done.load(), result.candidates), result.candidates);
    }
  }
  for (auto& t : pool) t.join();

  result.evaluated = std::min(done.load(), result.candidates);
  if (o.progress) o.progress(result.evaluated, result.candidates);  // always a final report
  result.fitting = fitting.load();
  result.cancelled = o.cancel && o.cancel->load() && result.evaluated < result.candidates;
  for (auto& heap : heaps) {
    for (auto& plan : heap) result.best.push_back(std::move(plan));
  }
  std::sort(result.best.begin(), result.best.end(), better);
  if (result.best.size() > o.top) result.best.resize(o.top);
  return result;
}

}  // namespace gigaplan::training
