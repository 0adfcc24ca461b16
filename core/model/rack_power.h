// What a rack draws, as one rule for the engine, the properties panel and `gigaplan summary`.
//
// A compute or storage rack draws its rack type's catalog figure (design load `power`; peak
// `peak_power`, else `power`). A network rack's own catalog figure is only its fallback: the
// engine places the fabric's switches into network racks and the rack then draws its switches
// (engine::placeNetworkLoads, in Evaluation::rackPower). So a network rack's power is known only
// after an evaluation; before one, rackItPower gives 0 for it and says so (`fromSwitches`).
//
//   model::RackPower p = model::rackItPower(rack);          // catalog: IT racks
//   double w = model::rackPower(layout, r, &evaluation.rackPower, &evaluation.rackPeakPower).nominal;
#pragma once

#include <vector>

#include "core/design/layout.h"

namespace gigaplan::model {

struct RackPower {
  double nominal = 0;         // W at design load
  double peak = 0;            // W at the rack type's peak
  bool fromSwitches = false;  // a network rack: its load is its switches' (the engine's figure)
  RackPower& operator+=(const RackPower& o) {
    nominal += o.nominal, peak += o.peak, fromSwitches = fromSwitches || o.fromSwitches;
    return *this;
  }
};

/// The catalog's IT load of a rack: its type's power and peak; 0 for network racks and racks of
/// an unknown type.
RackPower rackItPower(const design::Rack& rack);

/// The rack's power as the engine counts it when `nominal` / `peak` are an evaluation's per-rack
/// figures (Evaluation::rackPower, rackPeakPower: IT plus switches in network racks); the catalog
/// IT figure when they are null or too short (no evaluation yet).
RackPower rackPower(const design::Layout& layout, int rack, const std::vector<double>* nominal = nullptr,
                    const std::vector<double>* peak = nullptr);

/// rackPower summed over `racks` (Layout::racks indices).
RackPower sumRackPower(const design::Layout& layout, const std::vector<int>& racks,
                       const std::vector<double>* nominal = nullptr, const std::vector<double>* peak = nullptr);

}  // namespace gigaplan::model
