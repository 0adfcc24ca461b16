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
/// How a MoE layer's tokens are routed and sent to their experts.
struct Dispatch {
  int copies = 1;        // experts per token (top-k)
  int experts = 0;       // routed experts, spread evenly over the group's ranks (0 = not known)
  int nodeLimit = 0;     // node-limited routing: a token's experts lie in at most this many domains
  bool perNode = false;  // sent once per destination domain, fanned out over NVLink there
};

/// Domains a token's `copies` experts fall in when they are drawn without repeats from `experts`
/// spread evenly over `domains` (balanced routing): domains · (1 − C(E − E/D, k) / C(E, k)).
double domainsReached(int experts, int copies, double domains);

/// Expert dispatch (or combine) of `tokenBytes` worth of tokens per rank over an `n`-rank group.
/// A plain all-to-all (NCCL, Megatron's `alltoall` dispatcher) sends every routed copy, so a
/// token crosses the scale-out network once per copy bound for another domain. A per-node
/// dispatch (DeepEP, HybridEP; node-limited routing implies one, as in DeepSeek-V3) sends it once
/// per remote domain its experts lie in and fans the copies out over NVLink there.
double dispatchTime(const Link& l, int n, double tokenBytes, const Dispatch& d);
/// One point-to-point transfer.
double p2pTime(const Link& l, double bytes);

}  // namespace gigaplan::training
