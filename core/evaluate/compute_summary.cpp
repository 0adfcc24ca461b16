// summarizeCompute: one pass over the racks, then one per GPU type.
#include "core/evaluate/compute_summary.h"

#include <algorithm>
#include <map>

#include "core/base/thousands.h"
#include "core/model/rack_power.h"

namespace gigaplan::engine {

ComputeSummary summarizeCompute(const design::Layout& layout, const catalog::Catalog& catalog) {
  ComputeSummary c;
  c.racks = static_cast<int>(layout.racks.size());
  // Keyed by (GPU id, domain size): two rack types of one GPU may form domains of different sizes.
  std::map<std::pair<std::string, int>, GpuTypeSummary> groups;
  const catalog::RackType* lastSpec = nullptr;
  GpuTypeSummary* last = nullptr;
  for (const design::Rack& rack : layout.racks) {
    const catalog::RackType* spec = rack.spec;
    if (!spec) continue;
    switch (spec->kind) {
      case catalog::RackKind::Compute:
        ++c.computeRacks;
        break;
      case catalog::RackKind::Network:
        ++c.networkRacks;
        break;
      case catalog::RackKind::Storage:
        ++c.storageRacks;
        c.storageBandwidth += spec->storageBandwidth;
        c.storageCapacity += spec->storageCapacity;
        break;
    }
    if (spec->gpus <= 0 || spec->gpu.empty()) continue;
    if (spec != lastSpec) {  // racks of a row share a type: skip the map lookup
      const catalog::Gpu* gpu = catalog.gpu(spec->gpu);
      const int size = spec->scaleUpDomain > 0 ? spec->scaleUpDomain : (gpu ? gpu->scaleUpDomain : 1);
      last = &groups[{spec->gpu, std::max(size, 1)}];
      last->gpu = spec->gpu;
      last->name = gpu ? gpu->name : spec->gpu;
      last->domainSize = std::max(size, 1);
      last->scaleUpBandwidth = gpu ? gpu->scaleUpBandwidth : 0;
      const double nic = catalog::rackNicRate(*spec, gpu);
      if (nic > 0) last->nicRate = last->nicRate > 0 ? std::min(last->nicRate, nic) : nic;
      lastSpec = spec;
    }
    last->count += spec->gpus;
    last->itPower += model::rackItPower(rack).nominal;
    ++last->racks;
  }
  std::map<std::string, std::int64_t> perGpu;
  for (auto& [key, g] : groups) {
    g.domains = (g.count + g.domainSize - 1) / g.domainSize;
    c.gpus += g.count;
    c.scaleUpDomains += g.domains;
    c.scaleUpBandwidthTotal += g.scaleUpBandwidth * static_cast<double>(g.count);
    perGpu[g.gpu] += g.count;
    c.byType.push_back(g);
  }
  for (const auto& [id, count] : perGpu) {
    const catalog::Gpu* gpu = catalog.gpu(id);
    if (!gpu) continue;
    const double n = static_cast<double>(count);
    c.peakBf16 += gpu->bf16 * n;
    c.peakFp8 += gpu->fp8 * n;
    c.peakFp4 += gpu->fp4 * n;
    c.hbm += gpu->hbm * n;
    c.hbmBandwidth += gpu->hbmBandwidth * n;
  }
  std::stable_sort(c.byType.begin(), c.byType.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  if (!c.byType.empty()) {
    c.scaleUpDomainSize = c.byType.front().domainSize;
    c.scaleUpBandwidthPerGpu = c.byType.front().scaleUpBandwidth;
  }
  return c;
}

std::string scaleUpDomainsText(const ComputeSummary& c, const std::function<std::string(double)>& rate) {
  struct Group {
    int size;
    double bandwidth;
    std::int64_t domains, gpus;
  };
  std::vector<Group> groups;  // byType is most GPUs first; types sharing a size and rate merge
  for (const GpuTypeSummary& t : c.byType) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const Group& x) { return x.size == t.domainSize && x.bandwidth == t.scaleUpBandwidth; });
    if (g == groups.end()) {
      groups.push_back({t.domainSize, t.scaleUpBandwidth, t.domains, t.count});
    } else {
      g->domains += t.domains;
      g->gpus += t.count;
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.gpus > b.gpus; });
  std::string out;
  for (const Group& g : groups) {
    if (!out.empty()) out += ", ";
    out += base::thousands(g.domains) + " × " + base::counted(g.size, "GPU") + " at " + rate(g.bandwidth);
  }
  return out.empty() ? "none" : out;
}

}  // namespace gigaplan::engine
