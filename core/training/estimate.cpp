// Training estimate assembly (see estimate.h).
#include "core/training/estimate.h"

#include <cmath>

#include "core/base/thousands.h"
#include "core/training/flops.h"
#include "core/training/plan_findings.h"
#include "core/units/units.h"

namespace gigaplan::training {

double itPowerPerGpu(const Cluster& cluster, const GpuParams& gpu) {
  return cluster.itPowerPerGpu > 0 ? cluster.itPowerPerGpu : gpu.tdp * gpu.eff.itPowerPerTdp;
}

namespace {

// Wall-clock time and energy of a plan from its step time: one formula for the estimate and the
// search's ranking.
struct WallTime {
  Goodput reliability;
  double trainingDays = 0, effectiveDays = 0, gpuHours = 0, powerPerGpu = 0, pue = 1, itEnergyMwh = 0, energyMwh = 0;
};

WallTime wallTime(const Job& job, const Cluster& cluster, const GpuParams& gpu, double step, int gpus) {
  WallTime w;
  const double tokensPerStep = static_cast<double>(job.training.globalBatch) * job.model.seqLen;
  w.trainingDays = job.training.tokens / (tokensPerStep / step) / 86400;
  w.reliability = goodput(cluster, gpus, checkpointBytes(job), job.training.restart);
  w.effectiveDays = w.reliability.goodput > 0 ? w.trainingDays / w.reliability.goodput : INFINITY;
  w.gpuHours = gpus * w.effectiveDays * 24;
  w.powerPerGpu = itPowerPerGpu(cluster, gpu);
  w.pue = cluster.pue > 0 ? cluster.pue : 1;
  w.itEnergyMwh = gpus * w.powerPerGpu * w.effectiveDays * 86400 / 3.6e9;
  w.energyMwh = w.itEnergyMwh * w.pue;
  return w;
}

}  // namespace

PlanScore scorePlan(const Job& job, const Cluster& cluster, const GpuParams& gpu) {
  const StepBreakdown step = stepTime(job, gpu, cluster);
  const MemoryBreakdown mem = memoryPerGpu(job, gpu);
  const Parallelism& p = job.parallelism;
  const int gpus = p.tp * p.pp * p.dp * p.cp;
  const WallTime w = wallTime(job, cluster, gpu, step.total, gpus);
  return {step.total, step.total * gpus * w.powerPerGpu, w.effectiveDays, w.gpuHours, w.energyMwh, mem.total, mem.fits};
}

Estimate estimate(const Job& job, const Cluster& cluster, const GpuParams& gpu) {
  Estimate e;
  e.job = job;
  const Parallelism& p = job.parallelism;
  e.gpusUsed = p.tp * p.pp * p.dp * p.cp;
  e.step = stepTime(job, gpu, cluster);
  e.memory = memoryPerGpu(job, gpu);
  const double tokensPerStep = static_cast<double>(job.training.globalBatch) * job.model.seqLen;
  e.tokensPerSecond = tokensPerStep / e.step.total;
  const WallTime w = wallTime(job, cluster, gpu, e.step.total, e.gpusUsed);
  e.modelFlopsPerToken = modelFlopsPerToken(job.model, FlopConvention::Model);
  const double perGpu = e.tokensPerSecond * e.modelFlopsPerToken / e.gpusUsed;
  e.tflopsPerGpu = perGpu / 1e12;
  double peak = gpu.peak(job.training.precision);
  if (peak <= 0) {
    peak = gpu.bf16;
    e.notes.push_back(gpu.id + (job.training.precision == Precision::FP16 ? " lists no fp16 peak" : " has no ") +
                      (job.training.precision == Precision::FP16
                           ? std::string()
                           : std::string(toString(job.training.precision)) + " tensor cores") +
                      ": computed and reported against BF16");
  }
  e.mfu = perGpu / peak;
  e.hfu = e.step.hardwareFlops / e.step.total / e.gpusUsed / peak;
  e.trainingDays = w.trainingDays;
  e.reliability = w.reliability;
  e.effectiveTrainingDays = w.effectiveDays;
  e.gpuHours = w.gpuHours;
  e.powerPerGpu = w.powerPerGpu;
  e.pue = w.pue;
  e.itEnergyMwh = w.itEnergyMwh;
  e.energyMwh = w.energyMwh;

  if (cluster.pue <= 0) e.notes.emplace_back("no PUE given: energy is IT energy only");
  if (cluster.itPowerPerGpu <= 0) {
    e.notes.push_back("IT power per GPU assumed " + units::format(e.powerPerGpu, units::Dimension::Power) + " (TDP × " +
                      units::shortest(gpu.eff.itPowerPerTdp) + " for host and network)");
  }
  if (e.reliability.storageAssumed) {
    e.notes.push_back("storage bandwidth assumed " + units::formatByteRate(e.reliability.storageBandwidth) + " (" +
                      units::formatByteRate(kAssumedStoragePerGpu) + " per GPU) for checkpoints");
  }
  if (e.reliability.restartAssumed) {
    e.notes.push_back("restart after a failure assumed " + units::format(kRestartFixed, units::Dimension::Time) +
                      " plus the checkpoint read (training.restart sets it)");
  }
  std::string keys;
  const Precision precision = job.training.precision;
  const bool lowPrecisionUsed = isLowPrecision(precision) && gpu.peak(precision) > 0;
  for (const auto& k : gpu.defaulted) {
    // Keys not used by this job.
    if (k == "gemm_peak_fraction_fp8" && !(lowPrecisionUsed && precision == Precision::FP8)) continue;
    if (k == "gemm_peak_fraction_fp4" && !(lowPrecisionUsed && precision == Precision::FP4)) continue;
    keys += (keys.empty() ? "" : ", ") + k;
  }
  if (!keys.empty()) e.notes.push_back(gpu.id + ": generic efficiency defaults for " + keys);
  if (!e.memory.fits) {
    e.notes.push_back("does not fit: needs " + units::format(e.memory.total, units::Dimension::DataSize) + " of " +
                      units::format(e.memory.capacity, units::Dimension::DataSize) + " HBM per GPU");
  }
  if (e.gpusUsed < cluster.count) {
    e.notes.push_back(base::thousands(cluster.count - e.gpusUsed) + " of " + base::thousands(cluster.count) +
                      " GPUs idle (the plan needs tp·pp·dp·cp = " + base::thousands(e.gpusUsed) + ")");
  }
  e.findings = batchFindings(job, cluster, gpu, e.mfu);
  for (engine::Finding& f : goodputFindings(e.reliability)) e.findings.push_back(std::move(f));
  if (!e.memory.fits) e.findings.insert(e.findings.begin(), memoryFinding(e.memory));
  return e;
}

}  // namespace gigaplan::training
