// The scale-out network fabric derived from where racks stand: topology synthesis (rail-optimized
// fat tree, plain fat tree, leaf-spine), switch placement, cable routing over the trays, medium
// choice by reach, optics and switch power, and the collective bandwidth each level of the fabric
// offers to the training model. Pure function of (Layout, NetworkPlan, Catalog); SI units.
//
//   fabric::FabricResult f = fabric::analyzeFabric(layout, design.network, catalog);
//   if (!f.problem.empty()) report(f.problem);              // e.g. unknown switch model
//   double bisection = f.bisectionBandwidth;                 // B/s, one direction
//   for (const auto& c : f.cables) bom.add(c.medium, c.bucket, c.count);
//   const auto& pod = f.collective(fabric::Level::Pod);      // training model input
//
// Modelling choices (documented where they are made, in the .cpp files):
// - Links are counted at the NIC rate. When a switch port is faster than the NIC (800G port,
//   400G NIC) each port is split (breakout) into floor(portRate / nicRate) logical ports, so an
//   SN5600 (64 × 800G) behaves as 128 × 400G. When the NIC is faster than a port, each GPU uses
//   ceil(nicRate / portRate) ports (planes); in a rail-optimized fabric each plane is a separate
//   fabric sized on its own share, as NVIDIA's twin-planar DGX B300 SuperPOD builds them.
// - On a site of several NICs the fastest sets the link rate; a slower NIC takes one link at its
//   own rate, a faster one planes (GpuLinks). GPU types with different numbers of links share one
//   fabric: each type's leaf groups have a leaf per NIC port of its nodes.
// - Uplinks per switch are at least ceil(downlinks used / oversubscription).
// - Every tier stripes evenly over the one above: each switch runs the same number of parallel
//   links to every switch of its parent set, as ECMP / adaptive routing needs. The parents of a
//   set are the fewest m from the port-count bound ceil(Σ uplinks / down ports) up for which every
//   child's uplinks round up to a multiple of m within its free ports (m × ceil(up / m)) and each
//   parent's down ports hold Σ ceil(up / m). So 32 leaves × 72 uplinks on 144-port switches take
//   18 spines, not 16 (NVIDIA's DGX B300 XDR SuperPOD at 4 SU), and a partly filled leaf is
//   cabled up to its stripe, as NVIDIA cables a short SU in full. Leaves of a pod form one set
//   (or sets of down-port many below a higher pod top); above, the i-th switch of every pod is
//   plane i, and planes are grouped g at a time, each group striping over its own parents (the
//   g that needs fewest switches, then fewest links). When no stripe fits the ports the bare bound
//   is used, noted, and the port check reports the shortfall.
// - Cables run over the trays (trayCableLength). A switch's uplinks spread evenly over its parents
//   and each bundle is measured to where its parent stands in the core room, so a spine's links to
//   the cores in its own rack and to those rows away take the media their lengths need.
// - Transceivers are counted by what is plugged: a switch cage (Switch.cages; twin-port OSFP:
//   two logical ports) holds one module for its links, so an 800G twin-port module serving two
//   400G links is one module. Each GPU NIC holds one module, also when its port splits into
//   planes (a ConnectX-8 at 2 × 400G carries a twin-port module for both). Power per link end is the
//   medium's per-end figure (halved when an 800G medium carries 400G links: equal power per bit).
//   NIC-end modules draw from the compute system (OSFP MSA: the module is powered by the host's
//   3.3 V supply), so they sit inside the rack's rated power: only switch-side optics are network
//   power (opticsPower); the NIC side is reported as nicOpticsPower and never charged again.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/layout.h"

namespace gigaplan::fabric {

/// Cable length buckets for the bill of materials: ≤3 m, ≤5 m, ≤10 m, ≤30 m, ≤50 m, ≤100 m,
/// ≤500 m, ≤2 km, longer.
inline constexpr int kLengthBuckets = 9;
inline constexpr std::array<double, kLengthBuckets - 1> kBucketLimits = {3, 5, 10, 30, 50, 100, 500, 2000};
int lengthBucket(double length);           // 0 .. kLengthBuckets-1
std::string_view bucketLabel(int bucket);  // "<=3 m", ..., "<=2 km", ">2 km"

/// One GPU type's links into the fabric. The fastest NIC on the site (or the network plan's `nic`)
/// sets the link rate; each type takes ceil(its NIC rate / link rate) links, at least one, so a
/// slower NIC beside a faster one takes one link and runs it at its own rate (a ConnectX-7 at
/// 400 Gb/s on an 800 Gb/s XDR port: the port's 200 Gb/s lanes do not split for it).
struct GpuLinks {
  std::string gpu;        // catalog GPU id
  std::int64_t gpus = 0;  // on the fabric
  double nicRate = 0;     // B/s, the NIC's rate (the plan's `nic` when it sets one)
  int links = 1;          // logical links per GPU
  double injection = 0;   // B/s per GPU: min(nicRate, links × linkRate)
};

/// One tier of switches, 1 = leaf. Ports are logical ports at the link rate (see breakout above).
struct Tier {
  int tier = 1;
  std::string name;  // "leaf", "spine", "core", "tier4", ...
  std::int64_t switches = 0;
  std::int64_t portsUsed = 0;   // linksDown + linksUp
  std::int64_t portsFree = 0;   // switches × radix − portsUsed
  std::int64_t linksDown = 0;   // links to the tier below (tier 1: to GPU NICs)
  std::int64_t linksUp = 0;     // links to the tier above (0 at the top)
  double oversubscription = 1;  // linksDown / linksUp (1 at the top tier)
};

/// Cables of one medium in one length bucket.
struct CableGroup {
  std::string medium;  // catalog media id
  catalog::MediumKind kind = catalog::MediumKind::PassiveCopper;
  int bucket = 0;  // lengthBucket()
  std::int64_t count = 0;
  double totalLength = 0;            // m
  double linkRate = 0;               // B/s the links run at (the fastest, if they differ)
  std::int64_t transceivers = 0;     // modules plugged, both ends (twin-port switch cages count once)
  std::int64_t nicTransceivers = 0;  // of which in GPU NICs (their power is in the rack's rating)
  std::int64_t switchEnds = 0;       // link ends at switches (a twin-port module holds two)
  double opticsPower = 0;            // W, switch-side ends only: network power
  double nicOpticsPower = 0;         // W, NIC-side ends: already inside the compute racks' power
};

/// Where one switch stands. Its id is switchId(placement): "leaf-g12-r3", "spine-7", "core-2".
struct SwitchPlacement {
  int tier = 1;               // 1 = leaf
  int index = 0;              // within its tier, 0-based
  int group = design::kNone;  // leaves: leaf group (rail group / SU); above: pod or kNone
  int rail = design::kNone;   // leaves of a rail-optimized fabric: rail number, 0-based
  design::Vec2 position;      // m, site coordinates
  int hall = design::kNone;   // index into Layout::halls, kNone outside every hall
  int rack = design::kNone;   // network rack it sits in (network-row placement), else kNone
  // Layout::power indices feeding it when known: the adjacent rack's feeds A and B. Data-centre
  // switches carry two supplies (1+1), so a switch beside a row takes both of the row's feeds, as
  // its racks do; feedB is kNone when the rack has one feed. A switch in a network rack (`rack`)
  // draws through that rack's feeds instead.
  int feed = design::kNone;
  int feedB = design::kNone;
  double power = 0;  // W, Switch.power (without optics)
};
std::string switchId(const SwitchPlacement& s);
std::string tierName(int tier);  // 1 "leaf", 2 "spine", 3 "core", 4 "tier4", ...

/// A routed cable (or a bundle of identical ones) longer than every medium that carries its rate.
/// longestReach == 0 means no catalog medium carries the link rate at all.
struct OverlongCable {
  int rack = design::kNone;        // compute rack at the lower end (GPU to leaf links)
  int fromSwitch = design::kNone;  // index into FabricResult::switches at the lower end (uplinks)
  int tier = 1;                    // tier of the upper end (1 = cable to a leaf)
  double length = 0;               // m, routed, with slack
  double longestReach = 0;         // m, best the catalog offers at this rate
  std::int64_t count = 0;          // identical cables in this bundle
};

/// Not enough ports (or rack slots) to build the fabric as planned.
struct PortShortfall {
  enum class Kind { SwitchPorts, RackSlots };
  Kind kind = Kind::SwitchPorts;
  int tier = 1;                // tier whose switches run out
  int rack = design::kNone;    // RackSlots: the network rack that is full
  std::int64_t needed = 0;     // ports per switch (or slots per rack) the plan requires
  std::int64_t available = 0;  // ports per switch (or slots) there are
  std::string message;         // planner-readable, e.g. "spine needs 128 ports to reach every leaf, has 64"
};

/// One bundle of identical cables as routed: the rows of a cable schedule. The lower end is a
/// compute rack (GPU links: to every leaf of `group`, one rail each) or a switch (uplinks: spread
/// evenly over the tier above it, within its pod up to the pod's top). Cables no medium reaches
/// are in overlongCables, not here.
struct CableRun {
  int rack = design::kNone;        // compute rack at the lower end (GPU links), else kNone
  int fromSwitch = design::kNone;  // index into switches at the lower end (uplinks), else kNone
  int group = design::kNone;       // GPU links: the leaf group they reach
  int toTier = 1;                  // tier of the upper end
  std::string medium;              // catalog media id
  std::int64_t count = 0;          // cables in the bundle
  double length = 0;               // m per cable, routed, with slack
  std::int64_t transceivers = 0;   // modules plugged on both ends (as CableGroup counts them)
  // Uplinks: the switches at the upper end, consecutive in `switches` from toSwitch (the bundle's
  // cables spread evenly over them, all at `length`); kNone and 0 for GPU links.
  int toSwitch = design::kNone;
  int toSwitches = 0;
};

/// Nodes of one rack wired to one leaf group: racks in layout order, a rack split between two
/// groups gives two spans. In a plain fat tree (one port per slot) a node whose ports straddle two
/// leaves belongs to the leaf of its first port. Scheduler exports (Slurm topology) read these.
struct NodeSpan {
  int rack = 0;       // index into Layout::racks
  int group = 0;      // leaf group (FabricResult::leafGroups)
  int firstNode = 0;  // 0-based within the rack
  int nodes = 0;
  int nodeGpus = 1;  // GPUs per node of this rack type
};

/// Levels at which the training model places parallel groups.
enum class Level { ScaleUp = 0, Leaf = 1, Pod = 2, Site = 3 };
inline constexpr int kLevels = 4;
std::string_view toString(Level);

/// What a group of GPUs at one level gets from a collective (NCCL-style bus bandwidth per GPU).
struct CollectiveBandwidth {
  Level level = Level::ScaleUp;
  int groupGpus = 0;            // largest group that stays inside this level
  double allReduce = 0;         // B/s bus bandwidth per GPU
  double reduceScatter = 0;     // B/s
  double allGather = 0;         // B/s
  double allReduceLatency = 0;  // s, fixed cost of one collective of this group size
  double reduceScatterLatency = 0;
  double allGatherLatency = 0;
  int switchHops = 0;  // worst-case switches crossed between two GPUs of the group
};

struct FabricResult {
  std::string problem;             // non-empty when the fabric could not be synthesised (then counts are 0)
  std::vector<std::string> notes;  // assumptions applied (fallbacks), planner-readable

  design::Topology topology = design::Topology::RailOptimizedFatTree;
  std::string switchModel;         // catalog switch id
  std::int64_t gpus = 0;           // GPUs on the fabric
  std::int64_t endpoints = 0;      // NIC ports on the fabric (Σ gpus × links of their GpuLinks)
  int rails = 1;                   // leaves per leaf group, the most of any (rail-optimized: NIC ports per node)
  int planes = 1;                  // switch ports per GPU when the fastest NIC is faster than a port
  int breakout = 1;                // logical ports per physical switch port
  int radix = 0;                   // logical ports per switch
  double linkRate = 0;             // B/s per logical link
  double injectionBandwidth = 0;   // B/s per GPU into the fabric, of the most numerous rack type's GPU
  std::vector<GpuLinks> gpuLinks;  // each GPU type's links, most GPUs first

  int tiers = 0;
  std::vector<Tier> tierStats;  // tierStats[0] = leaf
  std::int64_t totalSwitches = 0;
  double bisectionBandwidth = 0;  // B/s, one direction, worst half/half cut
  // What bounds it: the tier (1 = leaf) whose uplinks are the narrowest, or 0 when the GPUs
  // inject less than those links carry.
  int bisectionTier = 0;
  int maxHops = 0;  // switches crossed on the longest GPU-to-GPU path
  int pods = 0;
  int podGpus = 0;        // GPUs in the largest pod
  int leafGroups = 0;     // rail groups (scalable units) / leaves of a plain fat tree
  int leafGroupGpus = 0;  // GPUs one leaf group serves when full

  std::vector<CableGroup> cables;  // by (medium, bucket), non-empty groups only
  std::int64_t totalCables = 0;    // including any that no medium carries
  double totalCableLength = 0;     // m
  std::int64_t transceivers = 0;   // modules plugged (see CableGroup)
  std::int64_t nicTransceivers = 0;
  double opticsPower = 0;     // W, switch-side modules: network power
  double nicOpticsPower = 0;  // W, NIC-side modules, included in the compute racks' power
  int linksPerModule = 1;     // links one switch-side module carries (twin-port OSFP cage: 2)
  double switchPower = 0;     // W, Σ Switch.power

  std::vector<SwitchPlacement> switches;  // every switch, tier by tier
  std::vector<int> rackPod;               // sized layout.racks; kNone for racks without GPUs
  std::vector<int> rackRailGroup;         // sized layout.racks; leaf group of the rack's first node
  std::vector<NodeSpan> nodeSpans;        // every compute node's leaf group, in layout order

  std::vector<CableRun> cableRuns;  // every routed bundle, in the order they were laid
  std::vector<OverlongCable> overlongCables;
  std::vector<PortShortfall> portShortfalls;
  // The core room's footprint (its switch racks' rows, around the plan's spine_position) when the
  // fabric has switches above the leaves; min == max when it has none.
  design::Vec2 coreRoomMin, coreRoomMax;
  std::int64_t coreRoomSwitches = 0;
  std::int64_t coreRoomRacks = 0;  // the switch racks they fill (16 RU of switches each)

  std::array<CollectiveBandwidth, kLevels> collectives{};
  const CollectiveBandwidth& collective(Level l) const { return collectives[static_cast<int>(l)]; }
};

/// What a GPU injects into the fabric, as texts print it: "800 Gb/s", or on a site of several NICs
/// each type's, most GPUs first: "400 Gb/s (gb200), 800 Gb/s (gb300)". `rate` formats B/s.
std::string injectionText(const FabricResult& f, const std::function<std::string(double)>& rate);

/// What bounds the bisection, as texts print it after the figure: "bounded by what the GPUs
/// inject", or "bounded by the leaf tier's uplinks, 7:1 oversubscribed".
std::string bisectionBoundText(const FabricResult& f);

/// The transceivers in the GPU NICs, counted among the fabric's transceivers but not in its optics
/// power (the racks' rated power holds theirs), as evaluate and the report say it: "1,536 in the GPU
/// NICs, their 23 kW inside the racks' rated power". Empty when there are none.
std::string nicModulesText(const FabricResult& f);

/// The injection per GPU of one catalog GPU type on this fabric (B/s); injectionBandwidth when the
/// type is not on it.
double injectionOf(const FabricResult& f, const std::string& gpu);

/// Synthesises the fabric for the racks of `layout` following `plan`. Never throws; a missing
/// switch model or an empty layout is reported in FabricResult::problem. Linear in racks + switches.
FabricResult analyzeFabric(const design::Layout& layout, const design::NetworkPlan& plan,
                           const catalog::Catalog& catalog);

}  // namespace gigaplan::fabric
