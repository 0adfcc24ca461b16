// The cable schedule as CSV (RFC 4180, CRLF), one row per routed bundle of identical cables
// (fabric::CableRun), for the people who pull the cables:
//   from,to,link,medium,medium_name,count,length_m,total_length_m,transceivers,grade
// from: the compute rack (GPU links) or the switch (uplinks); to: the leaf switches of the rack's
// leaf group ("leaf-g3-r1..r8": one cable per rail leaf in turn) or the tier above
// ("spine tier": the bundle is spread evenly over the switches of that tier that the lower switch
// stripes to). length_m is per cable, routed over the trays with slack; transceivers are the
// modules the bundle plugs (both ends; a twin-port cage module counted once). Totals equal the
// fabric's: Σ count = totalCables (less any overlong cable), Σ transceivers = transceivers.
//
//   std::ofstream("cables.csv", std::ios::binary) << report::cableScheduleCsv(*resolved, eval);
#pragma once

#include <string>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::report {

std::string cableScheduleCsv(const design::ResolvedDesign& design, const engine::Evaluation& eval);

}  // namespace gigaplan::report
