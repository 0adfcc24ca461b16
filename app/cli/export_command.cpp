// `gigaplan export` (see export_command.h).
#include "app/cli/export_command.h"

#include <memory>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/io/file_write.h"
#include "core/report/bom_csv.h"
#include "core/report/cable_schedule.h"
#include "core/report/report_format.h"
#include "core/report/slurm_topology.h"

namespace gigaplan::cli {

std::string exportUsage() {
  return "usage: gigaplan export FILE [--slurm-topology OUT [--block]] [--cables OUT.csv] [--bom OUT.csv]\n"
         "  Files for other teams' tools, from the design's evaluation (at least one output):\n"
         "  --slurm-topology OUT  Slurm topology.conf: tree form (leaf groups, pods, top tier) or, with\n"
         "                        --block, block form (one block per NVLink domain); nodes are named by the\n"
         "                        design's network.node_names pattern (default {rack}-n{k})\n"
         "  --cables OUT.csv      cable schedule: from, to, link, medium, count, length, transceivers\n"
         "  --bom OUT.csv         bill of materials with each catalog entry's grade, source and note\n"
         "  OUT may be - for standard output (one output at most); the summary then goes to standard error.\n"
         "  Exits 1 when the Slurm topology cannot be written (no fabric, node names that repeat).\n";
}

int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file, slurm, cables, bom;
  bool block = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size() || args[i + 1].empty()) return false;
      into = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--slurm-topology")
      ok = value(slurm);
    else if (a == "--cables")
      ok = value(cables);
    else if (a == "--bom")
      ok = value(bom);
    else if (a == "--block")
      block = true;
    else if (file.empty() && !isOption(a))
      file = a;
    else
      throw UsageError(unexpectedArgument(a));
    if (!ok) throw UsageError(a + " needs a file name");
  }
  if (file.empty()) throw UsageError("missing FILE");
  if (slurm.empty() && cables.empty() && bom.empty()) throw UsageError("name at least one output");
  if (block && slurm.empty()) throw UsageError("--block goes with --slurm-topology");
  if ((slurm == "-") + (cables == "-") + (bom == "-") > 1)
    throw UsageError("only one output can go to standard output (-)");

  const auto r = loadResolvedDesign(file, err);
  if (!r) return kLoadError;
  const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);

  // Everything is rendered before anything is written.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> lines;
  const auto shown = [](const std::string& path) { return path == "-" ? std::string("standard output") : path; };
  if (!slurm.empty()) {
    const report::SlurmTopology t =
        report::slurmTopology(*r, e, block ? report::SlurmForm::Block : report::SlurmForm::Tree);
    if (!t.error.empty()) {
      err << file << ": cannot write a Slurm topology: " << t.error << "\n";
      return kFindings;
    }
    files.emplace_back(slurm, t.text);
    lines.push_back(
        shown(slurm) + ": Slurm topology (" + (block ? "block" : "tree") + "), " + report::counted(t.nodes, "node") +
        (block ? ", " + report::counted(t.blocks, "block")
               : ", " + report::counted(t.leafSwitches + t.podSwitches + t.topSwitches, "switch", "switches")));
  }
  if (!cables.empty()) {
    files.emplace_back(cables, report::cableScheduleCsv(*r, e));
    lines.push_back(shown(cables) + ": cable schedule, " +
                    report::counted(static_cast<std::int64_t>(e.fabric.cableRuns.size()), "bundle") + ", " +
                    report::counted(e.fabric.totalCables, "cable"));
  }
  if (!bom.empty()) {
    files.emplace_back(bom, report::bomCsvWithSources(e.bom, *r->catalog));
    lines.push_back(shown(bom) + ": bill of materials, " +
                    report::counted(static_cast<std::int64_t>(e.bom.size()), "line"));
  }
  bool toStdout = false;
  for (const auto& [path, bytes] : files) {
    if (path == "-") continue;  // last, once every file is written
    std::string error;
    if (!io::writeFileAtomically(path, bytes, &error)) {
      err << "gigaplan export: " << error << "\n";
      return kWriteError;
    }
  }
  for (const auto& [path, bytes] : files)
    if (path == "-") {
      out << bytes;
      toStdout = true;
    }
  for (const auto& l : lines) (toStdout ? err : out) << l << "\n";
  return kOk;
}

}  // namespace gigaplan::cli
