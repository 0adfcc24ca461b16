// Design file → training cluster (see design_cluster.h).
#include "app/cli/design_cluster.h"

#include <fstream>
#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/io/design_io.h"

namespace gigaplan::cli {

bool isDesignFile(const std::string& path) {
  std::ifstream in(io::splitDesignRef(path).file);  // "site.yaml#gb300": a variant of a design
  std::string line;
  // A design states its format on a top-level line; cluster files start with `cluster:`.
  for (int n = 0; n < 200 && std::getline(in, line); ++n) {
    if (line.rfind("format:", 0) == 0) return true;
    if (line.rfind("cluster:", 0) == 0) return false;
  }
  return false;
}

DesignCluster clusterOfDesign(const std::string& path, const catalog::Catalog& base) {
  auto resolved = design::resolve(io::loadDesign(path, base), base);
  const engine::Evaluation eval = engine::evaluate(resolved->design, resolved->layout, *resolved->catalog);
  DesignCluster out;
  out.cluster = engine::clusterFromEvaluation(resolved->design, eval);
  out.idle = engine::idleGpuTypes(eval);
  out.job = resolved->design.job;
  return out;
}

}  // namespace gigaplan::cli
