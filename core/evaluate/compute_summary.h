// What the racks of a layout add up to as a computer: GPUs by type, dense peak FLOP/s per
// precision, HBM, scale-up (NVLink) domains and their bandwidth, storage.
//
//   engine::ComputeSummary c = engine::summarizeCompute(layout, catalog);
//   double pflops = c.peakBf16 / 1e15;
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"

namespace gigaplan::engine {

struct GpuTypeSummary {
  std::string gpu;  // catalog GPU id
  std::string name;
  std::int64_t count = 0;
  int racks = 0;
  int domainSize = 0;           // GPUs per scale-up domain (rack type's, else the GPU's)
  std::int64_t domains = 0;     // ceil(count / domainSize)
  double scaleUpBandwidth = 0;  // B/s per GPU per direction
  double nicRate = 0;           // B/s per GPU scale-out, the slowest of its racks (catalog::rackNicRate)
  double itPower = 0;           // W at design load of its racks (model::rackItPower: GPUs, hosts, in-rack gear)
};

struct ComputeSummary {
  std::int64_t gpus = 0;
  int racks = 0, computeRacks = 0, networkRacks = 0, storageRacks = 0;
  std::vector<GpuTypeSummary> byType;             // one per (GPU type, domain size), most GPUs first
  double peakBf16 = 0, peakFp8 = 0, peakFp4 = 0;  // dense FLOP/s (0 where a type lacks the precision)
  double hbm = 0;                                 // bytes
  double hbmBandwidth = 0;                        // B/s, sum over GPUs
  std::int64_t scaleUpDomains = 0;
  int scaleUpDomainSize = 0;          // of the most numerous GPU type
  double scaleUpBandwidthPerGpu = 0;  // B/s per direction, of the most numerous GPU type
  double scaleUpBandwidthTotal = 0;   // B/s per direction, summed over all GPUs
  double storageBandwidth = 0;        // B/s, storage racks
  double storageCapacity = 0;         // bytes, storage racks
};

ComputeSummary summarizeCompute(const design::Layout& layout, const catalog::Catalog& catalog);

/// The scale-up domains, one group per domain size and bandwidth, most GPUs first, each with its
/// bandwidth per GPU as `rate` writes it (B/s per direction → text): "16 × 72 GPUs at 7.2 Tb/s",
/// or on a site mixing them "4 × 72 GPUs at 7.2 Tb/s, 12 × 8 GPUs at 3.6 Tb/s". "none" without GPUs.
std::string scaleUpDomainsText(const ComputeSummary& c, const std::function<std::string(double)>& rate);

}  // namespace gigaplan::engine
