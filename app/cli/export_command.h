// `gigaplan export FILE [--slurm-topology OUT [--block]] [--cables OUT.csv] [--bom OUT.csv]`: what
// other teams' tools read — Slurm topology.conf (core/report/slurm_topology.h), the cable schedule
// (core/report/cable_schedule.h) and the bill of materials with the catalog's sources
// (core/report/bom_csv.h). One evaluation, any number of outputs, each written atomically.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

/// The usage text (`gigaplan export --help`).
std::string exportUsage();

int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
