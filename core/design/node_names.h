// Host names of compute nodes, for what a cluster team feeds its scheduler (Slurm topology.conf).
// A design names them with the network's `node_names` pattern: the id patterns' syntax
// (core/design/pattern.h) with {rack} for the rack's id, {k} the node's number in its rack, {i}
// its number on the site (both from 1, in layout order) and {h} its hall's number:
//
//   nodeName("{rack}-n{k}", {"h1-a-03", 1, 12, 2})  // "h1-a-03-n2"   (the default)
//   nodeName("gpu{i:05}", {"h1-a-03", 1, 12, 2})    // "gpu00012"
//
// A pattern must tell every node apart ({i}, or {rack} with {k}) and give host-name characters
// only (letters, digits, '-', '_', '.').
#pragma once

#include <string>
#include <string_view>

#include "core/design/pattern.h"

namespace gigaplan::design {

inline constexpr std::string_view kDefaultNodeNames = "{rack}-n{k}";

struct NodeNameVars {
  std::string_view rack;  // rack id
  int hall = 1;           // 1-based
  int node = 0;           // 1-based on the site
  int slot = 0;           // 1-based in its rack
};

/// The node's name, or an error saying what is wrong with `pattern` ("" means the default).
PatternResult nodeName(std::string_view pattern, const NodeNameVars& vars);

/// Empty when `pattern` is usable for every node; else what it lacks, as the reader reports it.
std::string nodeNamePatternProblem(std::string_view pattern);

}  // namespace gigaplan::design
