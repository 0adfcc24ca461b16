// Goodput at scale: expected interruptions from per-component failure rates calibrated on the
// Llama 3 run (419 unexpected interruptions in 54 days on 16,384 H100, arXiv 2407.21783 §3.3.4),
// checkpoint size and write time, the optimal checkpoint interval (Young/Daly) and the restart
// cost, giving the share of wall time that advances training.
//
//   Goodput g = goodput(cluster, gpusUsed, checkpointBytes(job));
//   double wallDays = computeDays / g.goodput;
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/training/job.h"

namespace gigaplan::training {

/// One cause of unexpected interruptions and its rate per unit per day.
struct FailureCause {
  std::string name;
  bool perHost = false;  // scales with hosts (servers / compute trays); otherwise with GPUs
  double ratePerUnitDay = 0;
};

/// Llama 3's 54-day breakdown turned into rates: GPU, HBM, SRAM, GPU system processor, silent data
/// corruption, thermal, NIC, network switch/cable, software, NCCL watchdog and other causes per
/// GPU; host maintenance, SSD and PSU per host (2,048 hosts of 8 GPUs).
const std::vector<FailureCause>& failureCauses();

/// Storage write bandwidth assumed when the cluster gives none (grade U): 0.25 GB/s per GPU, from
/// Llama 3's storage (2 TB/s sustained, 7 TB/s peak for 16,384 GPUs = 0.12-0.43 GB/s per GPU).
inline constexpr double kAssumedStoragePerGpu = 0.25e9;
/// Fixed part of a restart when the job states none (training.restart; grade U): rescheduling,
/// process start, NCCL set-up; the checkpoint read comes on top.
inline constexpr double kRestartFixed = 10 * 60;

struct Goodput {
  double interruptionsPerDay = 0;
  double mtbf = 0;  // s between interruptions for the whole job
  double checkpointBytes = 0;
  double storageBandwidth = 0;  // B/s used
  bool storageAssumed = false;
  double checkpointWrite = 0;     // s
  double checkpointInterval = 0;  // s of work between checkpoints (Daly)
  double restart = 0;             // s lost per restart besides the rework (fixed part + checkpoint read)
  bool restartAssumed = false;    // the fixed part is kRestartFixed, the job stating none
  double goodput = 1;             // useful share of wall time
};

/// GPUs per host for host-level failure causes: 8 for HGX-style servers, 4 per compute tray in
/// NVL72-class racks (scale-up domains above 8). Approximation when the design is not known.
int gpusPerHost(const Cluster& c);

/// Checkpoint: BF16 weights plus FP32 master weights and Adam moments, 14 B per parameter.
double checkpointBytes(const Job& job);

/// `restartFixed`: the job's training.restart, or 0 for kRestartFixed (then restartAssumed).
Goodput goodput(const Cluster& c, int gpus, double checkpointBytes, double restartFixed = 0);

/// The interruption rate as the finding and the reports state it: the count (two decimals below
/// ten), `perDay` (" per day", " interruptions a day"), then the mean gap: "135 per day (one every
/// 10.6 min)".
std::string interruptionRateText(const Goodput& g, std::string_view perDay);

}  // namespace gigaplan::training
