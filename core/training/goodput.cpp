// Reliability and checkpointing model (see goodput.h).
#include "core/training/goodput.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/thousands.h"
#include "core/training/flops.h"
#include "core/units/units.h"

namespace gigaplan::training {
namespace {

// Llama 3 snapshot: 54 days, 16,384 GPUs in 2,048 hosts (arXiv 2407.21783, table 5).
constexpr double kDays = 54, kGpus = 16384, kHosts = 2048;

FailureCause perGpu(const char* name, double count) {
  return {name, false, count / (kDays * kGpus)};
}
FailureCause perHost(const char* name, double count) {
  return {name, true, count / (kDays * kHosts)};
}

}  // namespace

const std::vector<FailureCause>& failureCauses() {
  static const std::vector<FailureCause> causes{
      perGpu("faulty GPU", 148),
      perGpu("GPU HBM3 memory", 72),
      perGpu("software bug", 54),
      perGpu("network switch or cable", 35),
      perHost("host maintenance", 32),
      perGpu("GPU SRAM memory", 19),
      perGpu("GPU system processor", 17),
      perGpu("NIC", 7),
      perGpu("NCCL watchdog timeout", 7),
      perGpu("silent data corruption", 6),
      perGpu("GPU thermal interface and sensor", 6),
      perHost("SSD", 3),
      perHost("power supply", 3),
      perGpu("other causes", 10),  // 419 unexpected minus the named causes
  };
  return causes;
}

int gpusPerHost(const Cluster& c) {
  return c.scaleUpSize > 8 ? 4 : std::max(1, c.scaleUpSize);
}

double checkpointBytes(const Job& job) {
  return 14 * (parameterCount(job.model) + mtpParameterCount(job.model));  // MTP modules are checkpointed too
}

Goodput goodput(const Cluster& c, int gpus, double bytes, double restartFixed) {
  Goodput g;
  const double hosts = std::ceil(static_cast<double>(gpus) / gpusPerHost(c));
  for (const auto& cause : failureCauses())
    g.interruptionsPerDay += cause.ratePerUnitDay * (cause.perHost ? hosts : gpus);
  g.mtbf = g.interruptionsPerDay > 0 ? 86400 / g.interruptionsPerDay : INFINITY;
  g.checkpointBytes = bytes;
  g.storageAssumed = c.storageBandwidth <= 0;
  g.storageBandwidth = g.storageAssumed ? kAssumedStoragePerGpu * gpus : c.storageBandwidth;
  g.checkpointWrite = bytes / g.storageBandwidth;
  g.restartAssumed = !(restartFixed > 0);
  g.restart = (g.restartAssumed ? kRestartFixed : restartFixed) + g.checkpointWrite;  // read back at the same rate
  const double delta = g.checkpointWrite, m = g.mtbf;
  // Daly 2006, higher-order optimum: τ = sqrt(2δM)·(1 + sqrt(δ/2M)/3 + δ/(18M)) − δ for δ < 2M.
  if (delta < 2 * m) {
    g.checkpointInterval = std::sqrt(2 * delta * m) * (1 + std::sqrt(delta / (2 * m)) / 3 + delta / (18 * m)) - delta;
  } else {
    g.checkpointInterval = m;
  }
  // Daly's expected wall time per unit of work for exponential failures:
  // T_wall / T = M·e^{R/M}·(e^{(τ+δ)/M} − 1) / τ.
  const double tau = std::max(g.checkpointInterval, 1.0);
  const double wallPerWork = m * std::exp(g.restart / m) * std::expm1((tau + delta) / m) / tau;
  g.goodput = std::isfinite(wallPerWork) && wallPerWork > 0 ? std::min(1.0, 1 / wallPerWork) : 0;
  return g;
}

std::string interruptionRateText(const Goodput& g, std::string_view perDay) {
  char count[32];
  std::snprintf(count, sizeof count, g.interruptionsPerDay < 10 ? "%.2f" : "%.0f", g.interruptionsPerDay);
  std::string text = base::groupThousands(count) + std::string(perDay);
  if (std::isfinite(g.mtbf) && g.mtbf > 0) text += " (one every " + units::format(g.mtbf, units::Dimension::Time) + ")";
  return text;
}

}  // namespace gigaplan::training
