// A design file seen as a training cluster: load it, evaluate it, and take the cluster its
// evaluation offers (GPU type and count, scale-up domain, fabric bandwidth, PUE, failure domains)
// together with the design's own job, if it has one. Lets `gigaplan train/search --cluster`
// take a design.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/training/job.h"
#include "core/training/plan_findings.h"

namespace gigaplan::cli {

struct DesignCluster {
  training::Cluster cluster;
  std::vector<training::IdleGpus> idle;  // the design's GPUs the training model leaves idle
  std::optional<training::Job> job;
};

/// True when the YAML file at `path` is a design (its top level has `format:`), not a cluster file.
bool isDesignFile(const std::string& path);

/// Throws io::LoadError when the design cannot be loaded.
DesignCluster clusterOfDesign(const std::string& path, const catalog::Catalog& base);

}  // namespace gigaplan::cli
