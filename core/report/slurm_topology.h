// Slurm topology.conf from the synthesised fabric, for the cluster team's scheduler.
//
// Tree form (TopologyPlugin=topology/tree): one line per switch with its nodes or child switches.
// Slurm wants a tree, and the fabric is a striped fat tree (every leaf of a pod reaches every
// spine of its pod), so each level of the tree is the set of switches that serve the same nodes:
//   - a leaf group: in a rail-optimized fabric the group's rail leaves (leaf-g3-r1 … r8 all reach
//     every node of the group: one Slurm switch "leaf-g3"); in a plain fat tree the one leaf;
//   - a pod (when the fabric has several): the pod's spines over its leaf groups ("spine-pod2");
//   - the top tier over everything below it ("spine" in a two-tier fabric, "core" above pods).
// So the Slurm switches at the leaf level are FabricResult::leafGroups, at the pod level pods.
//
// Block form (TopologyPlugin=topology/block): one block per NVLink (scale-up) domain: a GB200
// NVL72 rack's 18 nodes are one block; `BlockSizes` is the smallest block's node count.
//
// Nodes are named by the design's `network.node_names` pattern (core/design/node_names.h) and
// written as Slurm hostlists ("h1-a-03-n[1-18]").
//
//   report::SlurmTopology t = report::slurmTopology(*resolved, eval, report::SlurmForm::Tree);
//   if (t.error.empty()) std::ofstream("topology.conf") << t.text;
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

enum class SlurmForm { Tree, Block };

struct SlurmTopology {
  std::string text;   // the file; empty when error is set
  std::string error;  // why there is none: no fabric, a node name given twice
  std::int64_t nodes = 0;
  std::int64_t leafSwitches = 0, podSwitches = 0, topSwitches = 0;  // tree form
  std::int64_t blocks = 0;                                          // block form
};

SlurmTopology slurmTopology(const design::ResolvedDesign& design, const engine::Evaluation& eval, SlurmForm form);

/// Slurm hostlist of `names` in their order: runs of names that differ only in a trailing number
/// that counts up by one fold into "prefix[a-b]" (zero-padded numbers only with equal width);
/// runs with the same prefix share one bracket: {n1, n2, n3, n7} → "n[1-3,7]".
std::string hostlist(const std::vector<std::string>& names);

}  // namespace gigaplan::report
