// Collective communication time for a group of GPUs, from the bandwidth and latency of the
// network level the group spans: inside one scale-up (NVLink) domain, or across domains through
// the scale-out NICs (with oversubscription above the leaf and above the pod).
//
// Ranks follow Megatron's order (TP fastest, then CP, EP, DP, PP), so a group is `size` ranks
// spaced `stride` apart: TP = (tp, 1), CP = (cp, tp), DP = (dp·cp, tp), PP neighbours = stride tp·cp·dp.
//
//   Link l = groupLink(gpu, cluster, 8, 1);        // 8 GPUs of one NVLink domain
//   double t = allReduceTime(l, 8, 200e6);         // s for 200 MB
#pragma once

#include "core/training/gpu_params.h"

namespace gigaplan::training {

struct Link {
  double busBandwidth = 0;  // B/s per GPU that ring collectives reach (NCCL "bus bandwidth")
  double scaleUp = 0;       // B/s per GPU inside the domain (after bus efficiency)
  double scaleOut = 0;      // B/s per GPU through its NIC (after efficiency and oversubscription)
  double latency = 0;       // s per algorithm step
  int ranksPerDomain = 1;   // members of the group that share one scale-up domain
  bool crossesDomains = false;
};

/// The level a group of `size` ranks spaced `stride` apart runs on.
Link groupLink(const GpuParams& g, const Cluster& c, int size, int stride);

/// Ring / tree collectives on `bytes` (the full buffer each rank holds before or after).
double allReduceTime(const Link& l, int n, double bytes);
double allGatherTime(const Link& l, int n, double bytes);
double reduceScatterTime(const Link& l, int n, double bytes);
/// All-to-all where each rank holds `bytes` and keeps 1/n of it.
double allToAllTime(const Link& l, int n, double bytes);
/// Expert dispatch (or combine): each rank sends `copies` routed copies of `tokenBytes` worth of
/// tokens over an `n`-rank all-to-all. With `nodeLimit` > 0 (node-limited routing) a token reaches
/// at most that many domains and crosses the scale-out network once per remote domain, then fans
/// out over NVLink; otherwise it is a plain all-to-all of every copy.
double dispatchTime(const Link& l, int n, double tokenBytes, int copies, int nodeLimit);
/// One point-to-point transfer.
double p2pTime(const Link& l, double bytes);

}  // namespace gigaplan::training
