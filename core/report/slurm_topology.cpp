// Slurm topology.conf from the fabric (see slurm_topology.h).
#include "core/report/slurm_topology.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include "core/design/node_names.h"
#include "core/report/report_format.h"

namespace gigaplan::report {
namespace {

struct Numbered {
  std::string prefix, digits;  // digits empty when the name ends in no number
};

Numbered split(const std::string& name) {
  std::size_t at = name.size();
  while (at > 0 && name[at - 1] >= '0' && name[at - 1] <= '9') --at;
  if (name.size() - at > 9) at = name.size() - 9;  // keep the number within long long comfortably
  return {name.substr(0, at), name.substr(at)};
}

bool padded(const std::string& digits) {
  return digits.size() > 1 && digits[0] == '0';
}

// Node names in fabric order: the nodes of each NodeSpan, named from the pattern.
struct NamedNode {
  std::string name;
  int group = 0, rack = 0, slot = 0;  // slot 0-based in its rack
  int nodeGpus = 1;
};

std::vector<NamedNode> nameNodes(const design::ResolvedDesign& d, const engine::Evaluation& e, std::string* error) {
  std::vector<NamedNode> nodes;
  std::unordered_set<std::string> seen;
  const std::string& pattern = d.design.network.nodeNames;
  int siteNode = 0;
  for (const fabric::NodeSpan& s : e.fabric.nodeSpans) {
    const design::Rack& rack = d.layout.racks[static_cast<std::size_t>(s.rack)];
    for (int n = s.firstNode; n < s.firstNode + s.nodes; ++n) {
      const design::PatternResult r = design::nodeName(pattern, {rack.id, rack.hall + 1, ++siteNode, n + 1});
      if (!r.error.empty()) {
        *error = "network.node_names: " + r.error;
        return {};
      }
      if (!seen.insert(r.text).second) {
        *error = "network.node_names '" + (pattern.empty() ? std::string(design::kDefaultNodeNames) : pattern) +
                 "' names two nodes '" + r.text + "'; use {i}, or {rack} with {k}";
        return {};
      }
      nodes.push_back({r.text, s.group, s.rack, n, s.nodeGpus});
    }
  }
  return nodes;
}

std::string header(const design::ResolvedDesign& d, const engine::Evaluation& e, const char* plugin,
                   const std::string& what) {
  std::ostringstream o;
  o << "# Slurm topology.conf for " << (d.design.site.name.empty() ? "an untitled site" : d.design.site.name)
    << ", written by GigaPlan " GIGAPLAN_VERSION " from the synthesised fabric.\n";
  o << "# slurm.conf: TopologyPlugin=" << plugin << "\n";
  o << "# " << what << "\n";
  o << "# " << counted(e.fabric.gpus, "GPU") << "; "
    << counted(e.fabric.totalSwitches, "physical switch", "physical switches") << " in "
    << counted(e.fabric.tiers, "tier") << ".\n";
  return o.str();
}

}  // namespace

std::string hostlist(const std::vector<std::string>& names) {
  std::string out;
  std::size_t i = 0;
  while (i < names.size()) {
    const Numbered first = split(names[i]);
    if (first.digits.empty()) {
      out += (out.empty() ? "" : ",") + names[i++];
      continue;
    }
    // Ranges of this prefix, as long as the names keep it.
    std::vector<std::string> ranges;
    std::size_t j = i;
    while (j < names.size()) {
      const Numbered start = split(names[j]);
      if (start.digits.empty() || start.prefix != first.prefix) break;
      const long long a = std::stoll(start.digits);
      std::string last = start.digits;
      long long b = a;
      std::size_t k = j + 1;
      for (; k < names.size(); ++k) {
        const Numbered next = split(names[k]);
        if (next.prefix != first.prefix || next.digits.empty() || std::stoll(next.digits) != b + 1) break;
        if ((padded(start.digits) || padded(next.digits)) && next.digits.size() != start.digits.size()) break;
        ++b;
        last = next.digits;
      }
      ranges.push_back(a == b ? start.digits : start.digits + "-" + last);
      j = k;
    }
    out += (out.empty() ? "" : ",") + first.prefix;
    if (ranges.size() == 1 && ranges[0].find('-') == std::string::npos) {
      out += ranges[0];
    } else {
      out += "[";
      for (std::size_t r = 0; r < ranges.size(); ++r) out += (r ? "," : "") + ranges[r];
      out += "]";
    }
    i = j;
  }
  return out;
}

SlurmTopology slurmTopology(const design::ResolvedDesign& d, const engine::Evaluation& e, SlurmForm form) {
  SlurmTopology t;
  const fabric::FabricResult& f = e.fabric;
  if (!f.problem.empty() || f.nodeSpans.empty()) {
    t.error = "no fabric to describe: " + (f.problem.empty() ? std::string("no compute nodes") : f.problem);
    return t;
  }
  const std::vector<NamedNode> nodes = nameNodes(d, e, &t.error);
  if (!t.error.empty()) return t;
  t.nodes = static_cast<std::int64_t>(nodes.size());
  std::ostringstream o;

  if (form == SlurmForm::Block) {
    // Nodes of one NVLink domain: the rack type's domain over its GPUs per node, at least one.
    o << header(d, e, "topology/block", "One block per NVLink (scale-up) domain; BlockSizes is the smallest block.");
    std::vector<std::vector<std::string>> blocks;
    int lastRack = -1, inBlock = 0, domainNodes = 1;
    for (const NamedNode& n : nodes) {
      if (n.rack != lastRack) {
        const design::Rack& rack = d.layout.racks[static_cast<std::size_t>(n.rack)];
        const catalog::Gpu* gpu = rack.spec ? d.catalog->gpu(rack.spec->gpu) : nullptr;
        const int domainGpus =
            rack.spec && rack.spec->scaleUpDomain > 0 ? rack.spec->scaleUpDomain : (gpu ? gpu->scaleUpDomain : 1);
        domainNodes = std::max(1, domainGpus / std::max(1, n.nodeGpus));
        lastRack = n.rack;
        inBlock = domainNodes;  // a domain never spans racks
      }
      if (inBlock == domainNodes) blocks.emplace_back(), inBlock = 0;
      blocks.back().push_back(n.name);
      ++inBlock;
    }
    std::size_t smallest = blocks.front().size();
    for (const auto& b : blocks) smallest = std::min(smallest, b.size());
    for (std::size_t b = 0; b < blocks.size(); ++b)
      o << "BlockName=block" << (b + 1) << " Nodes=" << hostlist(blocks[b]) << "\n";
    o << "BlockSizes=" << smallest << "\n";
    t.blocks = static_cast<std::int64_t>(blocks.size());
    t.text = o.str();
    return t;
  }

  // Tree form. Leaf group names: the fabric's leaf id in a plain fat tree, the group in a rail-
  // optimized one (its rail leaves act as one towards the nodes).
  const bool railOpt = f.topology == design::Topology::RailOptimizedFatTree;
  std::vector<std::string> groupName(static_cast<std::size_t>(f.leafGroups));
  std::vector<int> groupPod(static_cast<std::size_t>(f.leafGroups), 0);
  for (const fabric::SwitchPlacement& s : f.switches) {
    if (s.tier != 1 || s.group < 0 || s.group >= f.leafGroups) continue;
    auto& name = groupName[static_cast<std::size_t>(s.group)];
    if (name.empty()) name = railOpt ? "leaf-g" + std::to_string(s.group + 1) : fabric::switchId(s);
  }
  for (std::size_t g = 0; g < groupName.size(); ++g)
    if (groupName[g].empty()) groupName[g] = "leaf-g" + std::to_string(g + 1);
  for (const fabric::NodeSpan& s : f.nodeSpans)
    groupPod[static_cast<std::size_t>(s.group)] = std::max(0, f.rackPod[static_cast<std::size_t>(s.rack)]);

  o << header(d, e, "topology/tree",
              std::string("Leaf level: one switch per leaf group") +
                  (railOpt ? " (its rail leaves reach every node of the group)" : "") +
                  (f.pods > 1 ? "; then one per pod (the pod's spines); then the top tier." : "; then the top tier."));
  std::vector<std::vector<std::string>> groupNodes(groupName.size());
  for (const NamedNode& n : nodes) groupNodes[static_cast<std::size_t>(n.group)].push_back(n.name);
  for (std::size_t g = 0; g < groupName.size(); ++g) {
    if (groupNodes[g].empty()) continue;
    o << "SwitchName=" << groupName[g] << " Nodes=" << hostlist(groupNodes[g]) << "\n";
    ++t.leafSwitches;
  }
  if (f.tiers >= 2) {
    std::vector<std::string> top;
    if (f.pods > 1) {
      std::vector<std::vector<std::string>> podGroups(static_cast<std::size_t>(f.pods));
      for (std::size_t g = 0; g < groupName.size(); ++g)
        if (!groupNodes[g].empty()) podGroups[static_cast<std::size_t>(groupPod[g])].push_back(groupName[g]);
      for (std::size_t p = 0; p < podGroups.size(); ++p) {
        if (podGroups[p].empty()) continue;
        const std::string name = "pod" + std::to_string(p + 1);
        o << "SwitchName=" << name << " Switches=" << hostlist(podGroups[p]) << "\n";
        top.push_back(name);
        ++t.podSwitches;
      }
    } else {
      for (std::size_t g = 0; g < groupName.size(); ++g)
        if (!groupNodes[g].empty()) top.push_back(groupName[g]);
    }
    o << "SwitchName=" << fabric::tierName(f.tiers) << " Switches=" << hostlist(top) << "\n";
    ++t.topSwitches;
  }
  t.text = o.str();
  return t;
}

}  // namespace gigaplan::report
