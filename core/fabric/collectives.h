// Bus bandwidth and latency of all-reduce / reduce-scatter / all-gather for a group of GPUs at
// each level of the fabric (scale-up domain, leaf group, pod, site), for the training model.
//
// Model (approximate, labelled): ring algorithms, whose NCCL "bus bandwidth" equals the slowest
// per-GPU link the ring crosses — NVLink inside the scale-up domain, the NIC rate divided by the
// oversubscription of every tier the group's traffic climbs through above it. In-network reduction
// (SHARP, NVLS) is not modelled. Latency = steps × per-step cost, steps = the fewer of ring
// (2(n−1) for all-reduce, n−1 for the others) and tree/recursive halving (2⌈log2 n⌉, ⌈log2 n⌉).
#pragma once

#include <array>
#include <cstdint>

#include "core/fabric/fabric.h"

namespace gigaplan::fabric::detail {

// Per-step costs. No public document gives them, so all are grade U (defaults of the
// right order: InfiniBand NDR / Spectrum-4 port-to-port ~0.1–0.2 µs, NCCL per-step overhead a few
// µs over the network and ~1 µs over NVLink).
inline constexpr double kSwitchHopLatency = 150e-9;  // s per switch crossed (U)
inline constexpr double kNetworkStepLatency = 3e-6;  // s per collective step over NICs (U)
inline constexpr double kNvlinkStepLatency = 1e-6;   // s per step inside the scale-up domain (U)

struct CollectiveInputs {
  int scaleUpGpus = 1;
  double scaleUpBandwidth = 0;  // B/s per GPU per direction
  std::int64_t leafGroupGpus = 0;
  std::int64_t podGpus = 0;
  std::int64_t siteGpus = 0;
  double injection = 0;             // B/s per GPU
  double podOversubscription = 1;   // product over the tiers climbed inside a pod
  double siteOversubscription = 1;  // product over every tier below the top
  int podTiers = 1, tiers = 1;
};

std::array<CollectiveBandwidth, kLevels> collectiveBandwidths(const CollectiveInputs& in);

}  // namespace gigaplan::fabric::detail
