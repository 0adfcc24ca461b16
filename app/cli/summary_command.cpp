// `gigaplan summary`: counts from the expanded layout, nominal figures from the catalog.
#include "app/cli/summary_command.h"

#include <map>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/base/thousands.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/model/rack_power.h"
#include "core/power/power_analysis.h"
#include "core/power/power_graph.h"
#include "core/units/units.h"

namespace gigaplan::cli {

std::string summaryUsage() {
  return "usage: gigaplan summary FILE\n"
         "  Halls, rows, racks, GPUs, nominal rack IT load, grid, generation and batteries of a design.\n";
}

int runSummary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const auto& a : args) {
    if (isOption(a)) throw UsageError(unexpectedArgument(a));
  }
  if (args.empty()) throw UsageError("missing FILE");
  if (args.size() > 1) throw UsageError(unexpectedArgument(args[1]));
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  try {
    auto r = design::resolve(io::loadDesign(args[0], *base), *base);
    const auto& l = r->layout;
    std::map<std::string, long long> gpus;
    double rackPower = 0;
    for (const auto& rack : l.racks) {
      rackPower += model::rackItPower(rack).nominal;  // network racks: their switches, not counted here
      if (rack.spec->gpus > 0) gpus[rack.spec->gpu] += rack.spec->gpus;
    }
    // What the sources can deliver, as the evaluation counts it: each rating capped by the gear it feeds.
    const power::SourceCapacity sources =
        power::sourceCapacity(l, power::buildPowerGraph(l, r->design.site.powerFactor));
    const double grid = sources.grid, generation = sources.generation;
    double storage = 0;
    for (const auto& n : l.power)
      if (n.kind == design::PowerKind::Battery) storage += n.spec ? n.spec->energy * n.units : 0;
    out << r->design.site.name << "\n";
    if (!r->design.site.description.empty()) out << "  " << r->design.site.description << "\n";
    const auto n = [](std::size_t k) { return base::thousands(static_cast<std::int64_t>(k)); };
    out << "  halls: " << n(l.halls.size()) << ", rows: " << n(l.rows.size()) << ", racks: " << n(l.racks.size())
        << "\n";
    for (const auto& [gpu, count] : gpus) {
      const catalog::Gpu* g = r->catalog->gpu(gpu);
      out << "  GPUs: " << base::thousands(count) << " × " << (g ? g->name : gpu) << "\n";
    }
    out << "  rack IT load (nominal, catalog; network switches not included): "
        << units::format(rackPower, units::Dimension::Power) << "\n";
    const auto orNone = [](double v, units::Dimension d) { return v > 0 ? units::format(v, d) : std::string("none"); };
    out << "  grid: " << orNone(grid, units::Dimension::Power)
        << ", on-site generation: " << orNone(generation, units::Dimension::Power)
        << " (what they deliver through the gear they feed), batteries: " << orNone(storage, units::Dimension::Energy)
        << "\n";
    out << "  power nodes: " << n(l.power.size()) << ", cooling units: " << n(l.cooling.size()) << "\n";
    return kOk;
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
}

}  // namespace gigaplan::cli
