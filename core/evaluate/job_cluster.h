// The cluster a design offers to a training job, as the training model sees it, read from the
// design's evaluation: the most numerous GPU type and its count, its scale-up domain and
// bandwidth, the fabric as built (injection bandwidth, leaf oversubscription, pod and leaf group
// size), the PUE, IT + network power per GPU, storage bandwidth and the largest failure domain.
// The report's training section, `gigaplan train --cluster DESIGN` and the Job panel all call this
// one function, so they agree.
//
//   const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
//   training::Cluster c = engine::clusterFromEvaluation(r->design, e);
#pragma once

#include "core/design/design.h"
#include "core/evaluate/evaluation.h"
#include "core/training/job.h"
#include "core/training/plan_findings.h"

namespace gigaplan::engine {

/// Bandwidths the fabric did not give (it was not built) stay 0: the training model then takes
/// them from the catalog. A design without GPUs gives a cluster with count 0.
training::Cluster clusterFromEvaluation(const design::Design& design, const Evaluation& eval);

/// The GPUs a design has beyond that cluster (other types, or the same type in another scale-up
/// domain size): the training model maps a job onto one GPU type, so these sit idle.
std::vector<training::IdleGpus> idleGpuTypes(const Evaluation& eval);

}  // namespace gigaplan::engine
