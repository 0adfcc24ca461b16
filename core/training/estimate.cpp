// Training estimate assembly (see estimate.h).
#include "core/training/estimate.h"

#include <cmath>

#include "core/training/flops.h"
#include "core/units/units.h"

namespace gigaplan::training {

double itPowerPerGpu(const Cluster& cluster, const GpuParams& gpu) {
  return cluster.itPowerPerGpu > 0 ? cluster.itPowerPerGpu : gpu.tdp * gpu.eff.itPowerPerTdp;
}

PlanScore scorePlan(const Job& job, const Cluster& cluster, const GpuParams& gpu) {
  const StepBreakdown step = stepTime(job, gpu, cluster);
  const MemoryBreakdown mem = memoryPerGpu(job, gpu);
  const Parallelism& p = job.parallelism;
  const double gpus = static_cast<double>(p.tp) * p.pp * p.dp * p.cp;
  return {step.total, step.total * gpus * itPowerPerGpu(cluster, gpu), mem.total, mem.fits};
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
  e.modelFlopsPerToken = modelFlopsPerToken(job.model, FlopConvention::Model);
  const double perGpu = e.tokensPerSecond * e.modelFlopsPerToken / e.gpusUsed;
  e.tflopsPerGpu = perGpu / 1e12;
  double peak = gpu.peak(job.training.precision);
  if (peak <= 0) {
    peak = gpu.bf16;
    e.notes.push_back(gpu.id + " has no " + std::string(toString(job.training.precision)) +
                      " tensor cores: computed and reported against BF16");
  }
  e.mfu = perGpu / peak;
  e.hfu = e.step.hardwareFlops / e.step.total / e.gpusUsed / peak;
  e.trainingDays = job.training.tokens / e.tokensPerSecond / 86400;
  e.reliability = goodput(cluster, e.gpusUsed, checkpointBytes(job));
  e.effectiveTrainingDays = e.reliability.goodput > 0 ? e.trainingDays / e.reliability.goodput : INFINITY;
  e.gpuHours = e.gpusUsed * e.effectiveTrainingDays * 24;
  e.powerPerGpu = itPowerPerGpu(cluster, gpu);
  e.pue = cluster.pue > 0 ? cluster.pue : 1;
  e.itEnergyMwh = e.gpusUsed * e.powerPerGpu * e.effectiveTrainingDays * 86400 / 3.6e9;
  e.energyMwh = e.itEnergyMwh * e.pue;

  if (cluster.pue <= 0) e.notes.emplace_back("no PUE given: energy is IT energy only");
  if (cluster.itPowerPerGpu <= 0) {
    e.notes.push_back("IT power per GPU assumed " + units::format(e.powerPerGpu, units::Dimension::Power) + " (TDP × " +
                      units::shortest(gpu.eff.itPowerPerTdp) + " for host and network)");
  }
  if (e.reliability.storageAssumed) {
    e.notes.push_back("storage bandwidth assumed " +
                      units::format(e.reliability.storageBandwidth, units::Dimension::DataRate) +
                      " (0.25 GB/s per GPU) for checkpoints");
  }
  std::string keys;
  const bool lowPrecisionUsed = job.training.precision != Precision::BF16 && gpu.peak(job.training.precision) > 0;
  for (const auto& k : gpu.defaulted) {
    if (k == "gemm_peak_fraction_fp8" && !lowPrecisionUsed) continue;  // not used by this job
    keys += (keys.empty() ? "" : ", ") + k;
  }
  if (!keys.empty()) e.notes.push_back(gpu.id + ": generic efficiency defaults for " + keys);
  if (!e.memory.fits) {
    e.notes.push_back("does not fit: needs " + units::format(e.memory.total, units::Dimension::DataSize) + " of " +
                      units::format(e.memory.capacity, units::Dimension::DataSize) + " HBM per GPU");
  }
  if (e.gpusUsed < cluster.count) {
    e.notes.push_back(std::to_string(cluster.count - e.gpusUsed) + " of " + std::to_string(cluster.count) +
                      " GPUs idle (the plan needs tp·pp·dp·cp = " + std::to_string(e.gpusUsed) + ")");
  }
  return e;
}

}  // namespace gigaplan::training
