// The power chain as a tree for the single-line diagram: every node under its first `fed_by`
// parent (other parents are listed as "also fed by"), with load, rating and utilisation. Large
// chains are collapsed: siblings whose subtrees are identical in structure (kind, model, rating,
// units, redundancy, racks fed, and the same children recursively) become one row "× N" whose
// figures are the worst (largest) over the group, so a gigawatt campus stays a readable page.
//
//   PowerTree t = report::buildPowerTree(layout, eval);        // collapses above 60 nodes
//   for (const PowerTreeRow& r : t.rows) print(r.depth, r.label, r.perParent, r.load, r.utilisation);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/design/layout.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

struct PowerTreeRow {
  int depth = 0;
  int parentRow = -1;        // index into PowerTree::rows, -1 for roots
  std::vector<int> members;  // layout.power indices this row stands for (all of them, site-wide)
  int perParent = 1;         // members per member of the parent row: the "× N"
  std::string label;         // "ups-a", or "bw-1-a … bw-4-b" for a group
  design::PowerKind kind = design::PowerKind::Transformer;
  std::string model;
  double rating = 0;             // W as written (VA for substations and transformers)
  bool apparentRating = false;   // rating is MVA-type (capacity = rating × power factor)
  double ratingPowerFactor = 0;  // power::ratingPowerFactor of the first member (current-limited gear)
  int units = 1;
  // Worst over members:
  double load = 0;                     // W delivered at design load
  double peakLoad = 0;                 // W delivered at peak
  double utilisation = 0;              // peak / capacity
  double failoverUtilisation = 0;      // worst with any one checked node failed
  std::int64_t failureGpus = 0;        // GPUs that stop when this node fails
  double totalLoad = 0;                // W, sum over members at design load
  int racksFed = 0;                    // racks fed directly (A or B), per member
  std::vector<std::string> alsoFedBy;  // other parents of the first member
  bool onCycle = false;                // not reachable from a source without a loop
};

struct PowerTree {
  std::vector<PowerTreeRow> rows;  // depth-first, parents before children
  int nodes = 0;                   // power nodes in the layout
  bool collapsed = false;
};

struct PowerTreeOptions {
  int expandAllUpTo = 60;  // chains with at most this many nodes are shown node by node
};

PowerTree buildPowerTree(const design::Layout& layout, const engine::Evaluation& eval,
                         const PowerTreeOptions& options = {});

}  // namespace gigaplan::report
