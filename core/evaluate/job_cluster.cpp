// The cluster a design offers to a training job (see job_cluster.h).
#include "core/evaluate/job_cluster.h"

#include <algorithm>

namespace gigaplan::engine {

training::Cluster clusterFromEvaluation(const design::Design& design, const Evaluation& e) {
  training::Cluster c;
  if (e.compute.byType.empty()) return c;
  const GpuTypeSummary& t = e.compute.byType.front();  // most GPUs first
  c.gpu = t.gpu;
  c.count = static_cast<int>(t.count);
  c.scaleUpSize = t.domainSize > 0 ? t.domainSize : 8;
  c.scaleUpBandwidth = t.scaleUpBandwidth;
  if (e.fabric.problem.empty()) {  // else the fabric was not built: bandwidths fall back to the catalog (0)
    // The job's GPUs inject at their own rate on the fabric (a GB200's 400G beside GB300's 800G).
    c.scaleOutBandwidth = fabric::injectionOf(e.fabric, t.gpu);
    if (!e.fabric.tierStats.empty() && e.fabric.tierStats.front().oversubscription > 0) {
      c.oversubscription = e.fabric.tierStats.front().oversubscription;  // as built, not as asked
    }
    if (e.fabric.pods > 1) {
      c.podGpus = e.fabric.podGpus;
      c.oversubscriptionAbovePod = design.network.oversubscriptionAbovePod;
    }
    c.leafGpus = e.fabric.leafGroupGpus;
  }
  c.pue = e.power.pue;
  // IT power per GPU of the job's type: its racks' design load (GPUs and their hosts) over its GPUs,
  // plus the network's share per GPU of the site; not other types' racks or storage.
  if (t.count > 0 && e.compute.gpus > 0)
    c.itPowerPerGpu = t.itPower / static_cast<double>(t.count) + e.power.network / static_cast<double>(e.compute.gpus);
  c.storageBandwidth = design.site.storageBandwidth > 0 ? design.site.storageBandwidth : e.compute.storageBandwidth;
  c.largestFailureDomainGpus = static_cast<int>(e.reliability.largestGpus);
  return c;
}

std::vector<training::IdleGpus> idleGpuTypes(const Evaluation& e) {
  // clusterFromEvaluation takes the first (most numerous) type; every other one sits idle.
  std::vector<training::IdleGpus> idle;
  for (std::size_t i = 1; i < e.compute.byType.size(); ++i) {
    const GpuTypeSummary& t = e.compute.byType[i];
    idle.push_back({t.gpu, static_cast<long long>(t.count), t.domainSize});
  }
  return idle;
}

}  // namespace gigaplan::engine
