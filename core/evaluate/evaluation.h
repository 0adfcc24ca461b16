// The one entry point of the engine: evaluate a design's expanded layout against the catalog.
// Runs, in order: compute summary, fabric (core/fabric), network loads, cooling and power flow
// settled together at design and at peak load (the chain's losses heat the halls, the cooling
// gear's draw loads the chain: passes until the losses stop changing), the power analysis with
// the failover check, failure domains, layout checks, bill of materials — and collects every
// finding (errors first). Its own finding:
//   cooling.heat-runaway   cooling draw and chain losses feed each other without settling (error)
// Pure: no I/O, no globals; the result is immutable and cheap to share:
//
//   design::Layout layout = design::expand(design, catalog);
//   auto eval = std::make_shared<const engine::Evaluation>(engine::evaluate(design, layout, catalog));
//   std::cout << eval->power.pue << ' ' << eval->reliability.largestGpus << '\n';
//
// Per-object vectors for the 3D view are indexed like layout.racks / layout.power /
// layout.cooling; where a sub-result already holds one it is not copied (see the comments).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/finding.h"
#include "core/catalog/catalog.h"
#include "core/cooling/cooling_analysis.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/evaluate/bill_of_materials.h"
#include "core/evaluate/compute_summary.h"
#include "core/fabric/fabric.h"
#include "core/power/power_analysis.h"
#include "core/reliability/failure_domains.h"

namespace gigaplan::engine {

struct Evaluation {
  ComputeSummary compute;
  fabric::FabricResult fabric;     // per switch: fabric.switches; per rack: fabric.rackPod, rackRailGroup
  power::PowerResult power;        // per node: power.nominal.out / in, power.peak.out, power.utilisation,
                                   //           power.failover.worstUtilisation
  cooling::CoolingResult cooling;  // per unit: cooling.unitHeat, unitPower, unitUtilisation, unitWater, unitLoop
  reliability::FailureDomains reliability;  // per node / unit: powerGpus, coolingGpus; per rack: rackDomain
  std::vector<BomLine> bom;
  std::vector<Finding> findings;  // errors, then warnings, then infos; analysis order within each
  int errors = 0, warnings = 0, infos = 0;

  // Per rack, indexed like layout.racks:
  std::vector<double> rackPower;                    // W at design load (IT, or network gear for network racks)
  std::vector<double> rackPeakPower;                // W at peak
  std::vector<double> rackFeedUtilisation;          // highest peak utilisation of its feed A / feed B node (0 unfed)
  std::vector<double> rackCoolingUtilisation;       // utilisation of its CDU (its air handler when it has no CDU)
  std::vector<std::int64_t> rackFailureDomainGpus;  // GPUs of reliability.rackDomain[r] (0 when none)

  bool hasErrors() const { return errors > 0; }
};

/// `catalog` is the effective catalog (design overrides applied) that `layout` points into.
Evaluation evaluate(const design::Design& design, const design::Layout& layout, const catalog::Catalog& catalog);

/// Adds findings from outside the analyses (a phase's, core/evaluate/phases.h), keeping the order
/// (errors, warnings, infos) and the counts.
void addFindings(Evaluation& evaluation, std::vector<Finding> more);

}  // namespace gigaplan::engine
