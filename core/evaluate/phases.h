// The site at each phase of its build-out (Design::phases): the layout as built then, evaluated
// like the whole design, with the phase's own findings.
//
//   for (const engine::PhaseResult& p : engine::evaluatePhases(r->design, r->layout, *r->catalog))
//     std::cout << p.label << ' ' << p.evaluation.compute.gpus << ' ' << p.evaluation.errors << '\n';
//
// Its findings: phase.fabric-replanned (fabricReplanned below) and one per object not in service
// that something in service depends on:
//   phase.not-in-service  racks, power nodes or cooling units in service lean on an object that
//                         comes online later or was retired: an error when one of them is left
//                         with no other feed, sink or cooling; a warning when all keep another
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::engine {

struct PhaseLayout {
  design::Layout layout;          // only what is in service; references to anything else dropped
  std::vector<Finding> findings;  // phase.not-in-service
};

/// The layout as built at `phase` (0-based). Halls are all kept (a hall's shell is not phased);
/// rows keep the racks in service and a row with none is left out.
PhaseLayout layoutAtPhase(const design::Design& design, const design::Layout& full, int phase);

struct PhaseResult {
  int phase = 0;
  std::string label;  // the phase's name, or "Phase N"
  int date = 0;       // days since 1970-01-01
  design::Layout layout;
  Evaluation evaluation;  // the phase's findings included
};

/// A phase's fabric against the phase before (phase.fabric-replanned, a warning): a build-out adds
/// switches and links, so a changed link rate, port breakout or tier count, or a tier with fewer
/// switches, means what was built before is re-cabled, not extended. None when it only grows.
std::optional<Finding> fabricReplanned(const PhaseResult& before, const PhaseResult& now);

/// Every phase in order, each with its fabricReplanned finding; empty when the design has none.
/// `full` is design's expanded layout.
std::vector<PhaseResult> evaluatePhases(const design::Design& design, const design::Layout& full,
                                        const catalog::Catalog& catalog);

/// One phase (what evaluatePhases does for each).
PhaseResult evaluatePhase(const design::Design& design, const design::Layout& full, const catalog::Catalog& catalog,
                          int phase);

}  // namespace gigaplan::engine
