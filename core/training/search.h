// Parallelism search: every valid plan for a model on a cluster (TP inside a scale-up domain and
// dividing the heads, PP dividing the layers, virtual stages, CP, EP dividing the experts, DP for
// the rest, micro-batch, recompute mode — none, full, and between them selective recomputation of
// the norms, MLA up-projections and expert activation (with the attention core, and the attention
// core alone, without fused attention) — sequence parallelism, optimizer sharding), evaluated on
// all cores; plans that do not fit in HBM are dropped; the rest ranked by what the planner asks
// (RankBy): by default the wall-clock days to train, interruptions and restarts included, then
// energy. Plans that use fewer GPUs suffer fewer failures, so the fastest step is not always the
// fastest training.
//
//   std::atomic<bool> stop{false};
//   SearchOptions o;  o.top = 5;  o.cancel = &stop;  o.rank = RankBy::Energy;
//   o.progress = [](std::size_t done, std::size_t total) { ... };   // called on this thread
//   SearchResult r = searchPlans(job, cluster, gpu, o);
//   if (!r.best.empty()) Estimate e = estimate(r.best[0].job, cluster, gpu);
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/training/gpu_params.h"
#include "core/training/job.h"

namespace gigaplan::training {

/// Figures the ranking compares closer than this (relative) count as equal and go to the tie-break.
inline constexpr double kRankTolerance = 1e-3;
/// The ties as `train --help`, `search --help` and the app's rank choice say them (the README and
/// the user guide too, in their words): the tolerance above, then the measure after "then", then memory.
inline constexpr std::string_view kRankTies =
    "figures within 0.1 % of each other count as equal: the measure after \"then\" decides, and after it the plan "
    "with less memory per GPU (so a plan listed lower can show a slightly better figure)";

/// What the search puts first. Values within kRankTolerance of each other count as equal and go to
/// the tie-break.
enum class RankBy {
  Days,    // wall-clock days to train (compute ÷ goodput: failures, checkpoints, restarts); then energy
  Energy,  // facility energy over those days (IT × PUE); then days
  Step,    // step time alone (ignores failures); then energy
  Cost,    // planCost(): the site's GPU-hours × price + the job's facility MWh × tariff; then days
};
std::string_view toString(RankBy);
/// "days", "energy", "step", "cost"; nullopt for anything else.
std::optional<RankBy> parseRankBy(std::string_view);

/// Prices for RankBy::Cost, in one currency of the planner's choice. The catalog holds no prices
/// (they vary by contract and year), so there are no defaults: cost ranking needs at least one.
struct Prices {
  double perGpuHour = 0;  // one GPU-hour of the site (rent, or amortised ownership), energy excluded
  double perMwh = 0;      // energy tariff per MWh of facility energy
  bool given() const { return perGpuHour > 0 || perMwh > 0; }
};

/// What training costs at `prices`: every GPU of the cluster (cluster.count, the idle ones too: a
/// site is paid for whether a plan uses it or not) for the wall-clock time, plus the job's facility
/// energy (idle GPUs' own draw is not modelled). With only a GPU-hour price this ranks like days,
/// with only a tariff like energy; both prices blend the two.
double planCost(const Cluster& cluster, double wallDays, double facilityMwh, const Prices& prices);

struct SearchOptions {
  std::size_t top = 10;                // plans kept
  unsigned threads = 0;                // 0 = std::thread::hardware_concurrency()
  int maxMicroBatch = 16;              // micro-batches tried: powers of two up to this
  int maxContextParallel = 16;         // context-parallel sizes tried: powers of two up to this
  int minTokensPerContextRank = 1024;  // keep at least this many tokens of a sequence per CP rank
  std::function<void(std::size_t done, std::size_t total)> progress;  // on the calling thread
  const std::atomic<bool>* cancel = nullptr;
  RankBy rank = RankBy::Days;
  Prices prices;  // used by RankBy::Cost (cost is 0 without prices: then the tie-break decides)
};

struct RankedPlan {
  Job job;                   // the base job with this plan (parallelism.automatic = false)
  double stepTime = 0;       // s
  double energyPerStep = 0;  // J of IT energy
  double memoryPerGpu = 0;   // bytes
  double days = 0;           // wall-clock days to train, interruptions included (Estimate::effectiveTrainingDays)
  double energyMwh = 0;      // facility energy over those days (Estimate::energyMwh)
  double cost = 0;           // planCost() at SearchOptions::prices; 0 without prices
  int gpusUsed = 0;
  std::size_t index = 0;  // enumeration order, the last tie-break (results do not depend on threads)
};

struct SearchResult {
  std::vector<RankedPlan> best;  // best first by SearchOptions::rank, then its tie-break, less memory, enumeration
  RankBy rank = RankBy::Days;
  std::size_t candidates = 0;  // valid plans enumerated
  std::size_t evaluated = 0;
  std::size_t fitting = 0;  // of those evaluated, plans that fit in HBM
  bool cancelled = false;
};

/// Every valid plan for `base`'s model and batch on `cluster` (job.parallelism is ignored).
std::vector<Job> enumeratePlans(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                                const SearchOptions& options = {});

SearchResult searchPlans(const Job& base, const Cluster& cluster, const GpuParams& gpu,
                         const SearchOptions& options = {});

}  // namespace gigaplan::training
