// Failure domains: for every power node and cooling unit, the racks and GPUs that stop when it
// alone fails. A rack stops when its power is cut (both feeds for an A/B rack, its one feed
// otherwise), when its CDU stops (if it sends heat to liquid), when its air handler stops (if
// it sends heat to air), or when a leaf switch its GPUs link to stops: a GPU off the fabric stops
// a training job as surely as one without power. A leaf in a network rack stops as that rack
// does; one beside a row when every feed it has is cut (fabric::SwitchPlacement: the adjacent
// rack's feeds, on the switch's two supplies). Switches above the leaves have parallel peers, so
// losing one costs bandwidth, not GPUs; they are not counted, nor is a switch's own failure. A cooling unit stops when
// its feeding power node is cut or when every unit it rejects to stops (a CDU rejecting to two chillers survives one
// chiller failing). A cooling unit with several feeds (A/B, like a rack) stops only when all of them are cut. Banks
// fail one unit at a time: a node or cooling unit of `units` ≥ 2 whose other units carry its load (power: peak load,
// PowerGraph::spared; cooling: its heat, as the cooling N+1 check) stops nothing when one unit fails; without that
// spare its remaining units trip and it stops whole.
//
// How: each element carries the set of elements whose single failure stops it — power nodes from
// power::SupplyDominators, cooling units = itself ∪ its feed's set ∪ (∩ of its sinks' sets). A
// rack's set is (A-feed set ∩ B-feed set) ∪ CDU set ∪ air-handler set ∪ its leaf groups' sets;
// every element in it counts the rack once. Cost: racks × chain depth. Limits: "stops" is immediate loss; batteries are
// not treated as an alternate path (they bridge minutes), capacity of the survivors is the failover check's business
// (power/redundancy.h, cooling N+1), and an N+1-caught power node (see PowerGraph::catcher) has an empty domain.
//
//   reliability::FailureDomains fd = reliability::analyzeFailureDomains(layout, graph, dominators, topology);
//   std::cout << fd.largestGpus << " GPUs behind " << fd.largestId;
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/cooling/heat_order.h"
#include "core/design/layout.h"
#include "core/fabric/fabric.h"
#include "core/power/power_graph.h"
#include "core/power/supply_paths.h"

namespace gigaplan::reliability {

/// A power node or a cooling unit.
struct Element {
  enum class Kind { None, Power, Cooling };
  Kind kind = Kind::None;
  int index = design::kNone;  // into Layout::power or Layout::cooling
  friend bool operator==(const Element&, const Element&) = default;
};

struct FailureDomains {
  std::vector<std::int64_t> powerGpus;    // per power node: GPUs that stop when it fails
  std::vector<int> powerRacks;            // per power node: racks that stop
  std::vector<std::int64_t> coolingGpus;  // per cooling unit
  std::vector<int> coolingRacks;
  // Per rack: the element with the largest domain among those that stop it, grid connections,
  // generators and batteries excepted (kind None when nothing but a source stops it).
  std::vector<Element> rackDomain;
  // The largest single failure domain, sources excepted: losing the utility is a ride-through
  // question, not an equipment failure. Ties go to the first power node, then the first cooling unit.
  Element largest;
  std::string largestId;
  std::int64_t largestGpus = 0;
  int largestRacks = 0;
  std::int64_t siteGpus = 0;  // GPUs of every rack, fed or not: the share's denominator
};

/// coolingHeat: W reaching each cooling unit (CoolingResult::unitHeat), to tell spared banks;
/// fabric: where the leaf switches stand and which racks link to them (no switches: racks alone).
FailureDomains analyzeFailureDomains(const design::Layout& layout, const power::PowerGraph& graph,
                                     const power::SupplyDominators& dominators,
                                     const cooling::CoolingTopology& topology, const std::vector<double>& coolingHeat,
                                     const fabric::FabricResult& fabric);

/// Why a site has no failure domain: only a source's failure (grid, generators, batteries) stops racks.
inline constexpr const char* kNoFailureDomain =
    "no single power or cooling element stops a rack; the sources and a switch's own failure are not counted";

/// The largest domain as a planner reads it: "1,536 GPUs behind ups-a-1", or "none (no single power
/// or cooling element stops a rack; …)".
std::string largestDomainText(const FailureDomains& domains);

/// reliability.large-failure-domain (warning), one per power node or cooling unit whose single
/// failure stops more than `maxShare` of the site's GPUs (Design::site.maxFailureShare, 10 % by
/// default): a site where one element stops a whole hall says so.
std::vector<engine::Finding> checkFailureShare(const design::Layout& layout, const FailureDomains& domains,
                                               double maxShare);

}  // namespace gigaplan::reliability
