// `gigaplan power-profile` (see power_profile_command.h).
#include "app/cli/power_profile_command.h"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "app/cli/text_rows.h"
#include "core/base/json_writer.h"
#include "core/design/resolved_design.h"
#include "core/dynamics/power_profile.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/io/design_io.h"
#include "core/report/power_swings.h"
#include "core/report/report_format.h"
#include "core/report/training_plan.h"
#include "core/training/job_reader.h"
#include "core/units/rates.h"
#include "core/units/units.h"

namespace gigaplan::cli {
namespace {

// Values start in this column of the figures table.
constexpr std::size_t kProfileLabelWidth = 30;

using units::Dimension;

constexpr const char* kProfileUsage =
    "usage: gigaplan power-profile FILE [--seconds S] [--stop S] [--job FILE] [--csv|--json]\n"
    "  The site's power waveform while the design's training plan runs, sampled at 10 Hz for S seconds\n"
    "  (default 3600, at most 86400): peak, trough, swing, fastest ramp, dominant frequency and the share of\n"
    "  the swing in the design's band (power_dynamics.oscillation_band, 0.1-20 Hz unless set), at the sources\n"
    "  and at the grid meter after the batteries and generators; grid limits broken (power_dynamics), the GPU\n"
    "  power floor's cost and the smallest battery that keeps the grid within its limits.\n"
    "  --stop S stops the job S seconds in (the site drops to idle); by default it runs to the end.\n"
    "  --job FILE replaces the design's job (a design without one needs it); parallelism: auto takes the\n"
    "  best plan by days. --csv writes the sampled series, --json the figures and the series.\n"
    "  Exits 0 when computed (limits broken are reported, as evaluate does), 1 when no plan fits in memory.\n"
    "  The model is approximate: see the notes it prints and docs/power-dynamics.md.\n";

void printRows(std::ostream& out, const report::LabelledRows& rows) {
  for (const auto& [label, value] : rows) labelRow(out, kProfileLabelWidth, label, value);
}

void printText(std::ostream& out, const dynamics::PowerProfile& p, const training::Estimate& e,
               const design::PowerDynamicsSpec& spec, double seconds) {
  const std::size_t n = p.waveform.size();
  out << "power profile: " << report::counted(e.gpusUsed, "GPU") << " training, step "
      << report::fixed(p.step.period, 3) << " s, " << report::counted(std::llround(seconds), "second") << " at "
      << report::fixed(1 / p.waveform.dt, 0) << " Hz (" << report::counted(static_cast<std::int64_t>(n), "sample")
      << ")\n";
  printRows(out, report::profileRows(p, spec));
  out << "at the sources (before batteries and generators):\n";
  printRows(out, report::seriesRows(p, p.site));
  out << "at the grid meter (after batteries and generators):\n";
  printRows(out, report::seriesRows(p, p.grid.figures));
  if (const std::string band = report::bandNote(p.site, spec); !band.empty()) out << "  " << band << "\n";
  for (const auto& f : p.findings) out << engine::toString(f.severity) << " [" << f.code << "]: " << f.message << "\n";
  for (const auto& note : p.notes) out << "  approximate: " << note << "\n";
}

void printCsv(std::ostream& out, const dynamics::PowerProfile& p) {
  out << "time_s,activity,gpu_w,it_w,shelf_w,cooling_w,site_w,battery_w,generation_w,grid_w,state_of_charge\n";
  const dynamics::Waveform& w = p.waveform;
  const dynamics::Dispatch& d = p.dispatch;
  char line[320];
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double soc = d.stateOfCharge.empty() ? 0 : d.stateOfCharge[i];
    std::snprintf(line, sizeof line, "%.1f,%s,%.1f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.4f\n",
                  static_cast<double>(i) * w.dt, std::string(dynamics::toString(w.activity[i])).c_str(), w.gpuPower[i],
                  w.it[i], w.shelf[i], w.cooling[i], w.site[i], d.battery[i], d.generation[i], d.grid[i], soc);
    out << line;
  }
}

void figuresJson(report::JsonWriter& j, const dynamics::PowerProfile& p, const dynamics::SeriesFigures& f) {
  j.beginObject()
      .field("peak_w", f.peak)
      .field("trough_w", f.trough)
      .field("swing_w", f.swing)
      .field("mean_w", f.mean)
      .field("energy_j", f.energy)
      .field("fastest_ramp_w_per_s", f.fastestRamp)
      .field("fastest_ramp_at_s", f.fastestRampAt)
      .field("dominant_frequency_hz", f.dominantFrequency)
      .field("dominant_amplitude_w", f.dominantAmplitude)
      // The dominant line is only the slowest the record resolves: no frequency of the site's (the
      // text says "none within the record").
      .field("dominant_is_slowest_line", dynamics::slowestLineOnly(p, f.dominantFrequency))
      .field("band_share", f.bandShare)
      .field("band_frequency_hz", f.bandFrequency)
      .field("band_amplitude_w", f.bandAmplitude)
      .endObject();
}

void series(report::JsonWriter& j, std::string_view name, const std::vector<double>& v) {
  j.key(name).beginArray();
  for (double x : v) j.value(x, 6);
  j.endArray();
}

void printJson(std::ostream& out, const dynamics::PowerProfile& p) {
  report::JsonWriter j(false);
  j.beginObject().field("dt_s", p.waveform.dt).field("step_s", p.step.period);
  j.field("energy_per_step_j", p.siteEnergyPerStep).field("floor_cost_j_per_day", p.floorCostPerDay);
  j.key("site");
  figuresJson(j, p, p.site);
  j.key("grid");
  figuresJson(j, p, p.grid.figures);
  j.key("smallest_battery")
      .beginObject()
      .field("checked", p.smallestBattery.checked)
      .field("found", p.smallestBattery.found)
      .field("power_w", p.smallestBattery.power)
      .field("energy_j", p.smallestBattery.energy)
      .endObject();
  j.key("findings").beginArray();
  for (const auto& f : p.findings)
    j.beginObject()
        .field("code", f.code)
        .field("message", f.message)
        .field("value", f.value)
        .field("limit", f.limit)
        .endObject();
  j.endArray();
  j.key("notes").beginArray();
  for (const auto& n : p.notes) j.value(n);
  j.endArray();
  j.key("series").beginObject();
  series(j, "gpu_w", p.waveform.gpuPower);
  series(j, "shelf_w", p.waveform.shelf);
  series(j, "site_w", p.waveform.site);
  series(j, "battery_w", p.dispatch.battery);
  series(j, "generation_w", p.dispatch.generation);
  series(j, "grid_w", p.dispatch.grid);
  series(j, "state_of_charge", p.dispatch.stateOfCharge);
  j.endObject().endObject();
  out << j.str() << "\n";
}

}  // namespace

std::string powerProfileUsage() {
  return kProfileUsage;
}

int runPowerProfile(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file, jobFile;
  double seconds = 3600, stop = 0;
  bool csv = false, json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--csv") {
      csv = true;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--seconds" || a == "--job" || a == "--stop") {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      const std::string v = args[++i];
      if (a == "--job") {
        jobFile = v;
        continue;
      }
      const auto r = units::parseNumber(v);
      if (!r || !(r.value >= 1) || r.value > 86400)
        throw UsageError(a + " needs a number from 1 to 86400, found '" + v + "'");
      (a == "--stop" ? stop : seconds) = r.value;
    } else if (file.empty() && !isOption(a)) {
      file = a;
    } else {
      throw UsageError(unexpectedArgument(a));
    }
  }
  if (file.empty()) throw UsageError("missing FILE");
  if (csv && json) throw UsageError("--csv and --json exclude each other");
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;
  std::shared_ptr<const design::ResolvedDesign> r;
  engine::Evaluation eval;
  try {
    r = design::resolve(io::loadDesign(file, *base), *base);
    eval = engine::evaluate(r->design, r->layout, *r->catalog);
    if (!jobFile.empty()) {  // the file's job on the design's cluster, planned as the report plans it
      const training::Cluster cluster = engine::clusterFromEvaluation(r->design, eval);
      auto withJob = std::make_shared<design::ResolvedDesign>(*r);
      withJob->design.job = training::loadJobFile(jobFile, &cluster);
      r = std::move(withJob);
    } else if (!r->design.job) {
      throw UsageError(file + " has no job: give one with --job FILE");
    }
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return kLoadError;
  }
  const report::TrainingPlan plan = report::planTraining(*r, eval);
  const catalog::Gpu* gpu = plan.cluster.gpu.empty() ? nullptr : r->catalog->gpu(plan.cluster.gpu);
  if (plan.cluster.count <= 0 || !gpu) {
    err << "gigaplan power-profile: " << file << " has no GPUs to train on\n";
    return kFindings;
  }
  if (!plan.ok) {
    err << "gigaplan power-profile: " << plan.problem << "\n";
    return kFindings;
  }
  const training::Estimate& e = plan.estimate;
  const dynamics::PowerProfile p = dynamics::powerProfile(r->layout, eval.power, e, *gpu, r->design.powerDynamics,
                                                          {.seconds = seconds, .jobStop = stop});
  if (csv)
    printCsv(out, p);
  else if (json)
    printJson(out, p);
  else
    printText(out, p, e, r->design.powerDynamics, seconds);
  return kOk;
}

}  // namespace gigaplan::cli
