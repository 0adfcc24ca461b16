// The Monte Carlo over graded catalog figures (see uncertainty.h).
#include "core/report/uncertainty.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "core/base/json_writer.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/job_cluster.h"
#include "core/report/charts.h"
#include "core/report/report_format.h"
#include "core/report/training_plan.h"
#include "core/training/estimate.h"
#include "core/training/gpu_params.h"

namespace gigaplan::report {
namespace {

constexpr double kZ90 = 1.2815515655446004;  // the standard normal's 90th percentile
constexpr std::size_t kTornadoBars = 10;

enum class Field { RackPower, GpuThroughput, GearLosses, CoolingOwnPower, ChillerCop, Water };

// One graded figure of one catalog entry the design uses.
struct Input {
  Field field;
  std::string id;
  double sigma = 0;
  std::string label;
};

void scale(catalog::Catalog& c, const Input& in, double f) {
  switch (in.field) {
    case Field::RackPower: {
      catalog::RackType& r = c.racks.at(in.id);
      r.power *= f;
      r.peakPower *= f;
      break;
    }
    case Field::GpuThroughput: {
      catalog::Gpu& g = c.gpus.at(in.id);
      for (double* v : {&g.bf16, &g.fp8, &g.fp4, &g.fp16, &g.tf32}) *v *= f;
      break;
    }
    case Field::GearLosses: {
      catalog::PowerGear& g = c.powerGear.at(in.id);
      const auto lossScaled = [f](double efficiency) { return std::clamp(1 - (1 - efficiency) * f, 0.05, 1.0); };
      g.efficiency = lossScaled(g.efficiency);
      for (catalog::EfficiencyPoint& p : g.efficiencyCurve) p.efficiency = lossScaled(p.efficiency);
      break;
    }
    case Field::CoolingOwnPower:
      c.coolingGear.at(in.id).ownPower *= f;
      break;
    case Field::ChillerCop:
      c.coolingGear.at(in.id).cop *= f;
      break;
    case Field::Water:
      c.coolingGear.at(in.id).waterPerKwh *= f;
      break;
  }
}

double sigmaOf(const std::map<std::string, double>& spread, const catalog::Provenance& p) {
  const auto it = spread.find(p.grade);
  if (it != spread.end()) return it->second;
  const auto u = spread.find("U");
  return u == spread.end() ? 0.2 : u->second;
}

std::string gradeOf(const catalog::Provenance& p) {
  return p.grade.empty() ? "U" : p.grade;
}

// Every figure the design's layout depends on, in a stable order.
std::vector<Input> inputsOf(const design::Layout& l, const catalog::Catalog& c,
                            const std::map<std::string, double>& spread) {
  std::set<std::string> racks, gpus, power, cooling;
  for (const design::Rack& r : l.racks) {
    racks.insert(r.type);
    if (r.spec && !r.spec->gpu.empty()) gpus.insert(r.spec->gpu);
  }
  for (const design::PowerNode& n : l.power)
    if (!n.model.empty()) power.insert(n.model);
  for (const design::CoolingUnit& u : l.cooling)
    if (!u.model.empty()) cooling.insert(u.model);
  std::vector<Input> out;
  const auto add = [&](Field field, const std::string& id, const catalog::Provenance& p, const std::string& what) {
    const double sigma = sigmaOf(spread, p);
    if (!(sigma > 0)) return;
    out.push_back({field, id, sigma,
                   what + " (grade " + gradeOf(p) + ", ±" + fixed(sigma * 100, sigma * 100 < 1 ? 1 : 0) + " %)"});
  };
  for (const std::string& id : racks)
    if (const catalog::RackType* r = c.rack(id); r && r->power > 0)
      add(Field::RackPower, id, r->provenance, "rack " + id + ": power");
  for (const std::string& id : gpus)
    if (const catalog::Gpu* g = c.gpu(id); g && g->bf16 > 0)
      add(Field::GpuThroughput, id, g->provenance, "GPU " + id + ": dense throughput");
  for (const std::string& id : power)
    if (const catalog::PowerGear* g = c.power(id);
        g && (g->efficiency < 1 || std::any_of(g->efficiencyCurve.begin(), g->efficiencyCurve.end(),
                                               [](const catalog::EfficiencyPoint& p) { return p.efficiency < 1; })))
      add(Field::GearLosses, id, g->provenance, id + ": losses");
  for (const std::string& id : cooling) {
    const catalog::CoolingGear* g = c.cooling(id);
    if (!g) continue;
    if (g->ownPower > 0) add(Field::CoolingOwnPower, id, g->provenance, id + ": own draw");
    if (g->cop > 0) add(Field::ChillerCop, id, g->provenance, id + ": COP");
    if (g->waterPerKwh > 0) add(Field::Water, id, g->provenance, id + ": water per kWh");
  }
  return out;
}

struct Figures {
  double facility = 0, pue = 0, water = 0, days = 0, energy = 0;
};

class Runner {
 public:
  Runner(const design::ResolvedDesign& r, std::optional<training::Job> plan) : r_(r), plan_(std::move(plan)) {}

  // The site with `factors[i]` applied to input i.
  Figures run(const std::vector<Input>& inputs, const std::vector<double>& factors) const {
    auto cat = std::make_shared<catalog::Catalog>(*r_.catalog);
    for (std::size_t i = 0; i < inputs.size(); ++i)
      if (factors[i] != 1) scale(*cat, inputs[i], factors[i]);
    const design::Layout layout = design::rebind(r_.layout, cat);
    const engine::Evaluation e = engine::evaluate(r_.design, layout, *cat);
    Figures f{e.power.facility, e.power.pue, e.cooling.water, 0, 0};
    if (plan_) {
      const training::Cluster cluster = engine::clusterFromEvaluation(r_.design, e);
      if (const catalog::Gpu* gpu = cluster.gpu.empty() ? nullptr : cat->gpu(cluster.gpu)) {
        const training::Estimate est = training::estimate(*plan_, cluster, training::resolveGpu(*gpu, cluster));
        f.days = est.effectiveTrainingDays;
        f.energy = est.energyMwh;
      }
    }
    return f;
  }

 private:
  const design::ResolvedDesign& r_;
  std::optional<training::Job> plan_;
};

// "V ±2 %, S ±5 %, E ±10 %, U ±20 %": the grades from the best sourced down.
std::string spreadText(const std::map<std::string, double>& spread) {
  std::string out;
  for (const char* grade : {"V", "S", "E", "U"}) {
    const auto it = spread.find(grade);
    if (it == spread.end()) continue;
    out += (out.empty() ? "" : ", ") + std::string(grade) + " ±" +
           fixed(it->second * 100, it->second * 100 < 1 ? 1 : 0) + " %";
  }
  return out;
}

Band band(std::vector<double> v, double nominal) {
  Band b;
  b.nominal = nominal;
  if (v.empty()) return b;
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) {
    const double x = q * static_cast<double>(v.size() - 1);
    const auto i = static_cast<std::size_t>(std::floor(x));
    const double t = x - static_cast<double>(i);
    return i + 1 < v.size() ? v[i] * (1 - t) + v[i + 1] * t : v[i];
  };
  b.p10 = at(0.1);
  b.p50 = at(0.5);
  b.p90 = at(0.9);
  return b;
}

}  // namespace

Uncertainty propagateUncertainty(const design::ResolvedDesign& r, const UncertaintyOptions& o) {
  Uncertainty u;
  u.spread = o.spread;
  const engine::Evaluation nominalEval = engine::evaluate(r.design, r.layout, *r.catalog);
  const TrainingPlan plan = planTraining(r, nominalEval);
  std::optional<training::Job> job;
  if (plan.ok && plan.estimate.effectiveTrainingDays > 0) job = plan.estimate.job;
  u.job = job.has_value();
  const std::vector<Input> inputs = inputsOf(r.layout, *r.catalog, o.spread);
  u.inputs = static_cast<int>(inputs.size());
  const Runner runner(r, job);
  const Figures nominal = runner.run(inputs, std::vector<double>(inputs.size(), 1.0));

  // The samples, each from its own generator (seed, index): the same draws on any number of threads.
  const int n = std::max(0, o.samples);
  std::vector<Figures> results(static_cast<std::size_t>(n));
  std::atomic<int> next{0};
  const auto work = [&] {
    for (int s = next++; s < n; s = next++) {
      std::mt19937_64 rng(static_cast<std::uint64_t>(o.seed) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(s));
      std::normal_distribution<double> z(0, 1);
      std::vector<double> factors(inputs.size());
      for (std::size_t i = 0; i < inputs.size(); ++i)
        factors[i] = std::max(0.05, 1 + inputs[i].sigma * std::clamp(z(rng), -3.0, 3.0));
      results[static_cast<std::size_t>(s)] = runner.run(inputs, factors);
    }
  };
  const int threads =
      std::clamp(o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  u.samples = n;

  std::vector<double> facility, pue, water, days, energy;
  for (const Figures& f : results) {
    facility.push_back(f.facility);
    pue.push_back(f.pue);
    water.push_back(f.water);
    days.push_back(f.days);
    energy.push_back(f.energy);
  }
  u.facility = band(facility, nominal.facility);
  u.pue = band(pue, nominal.pue);
  u.water = band(water, nominal.water);
  if (u.job) {
    u.days = band(days, nominal.days);
    u.energy = band(energy, nominal.energy);
  }

  // The tornado: each input alone at its P10 and P90.
  std::vector<TornadoBar> bars;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<double> factors(inputs.size(), 1.0);
    factors[i] = 1 - kZ90 * inputs[i].sigma;
    const Figures low = runner.run(inputs, factors);
    factors[i] = 1 + kZ90 * inputs[i].sigma;
    const Figures high = runner.run(inputs, factors);
    bars.push_back({inputs[i].label, low.days, high.days, low.facility, high.facility});
  }
  const auto ranked = [&](auto swing) {
    std::vector<TornadoBar> sorted = bars;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const TornadoBar& a, const TornadoBar& b) { return swing(a) > swing(b); });
    std::erase_if(sorted, [&](const TornadoBar& b) { return !(swing(b) > 0); });
    if (sorted.size() > kTornadoBars) sorted.resize(kTornadoBars);
    return sorted;
  };
  u.byFacility = ranked([](const TornadoBar& b) { return std::abs(b.facilityHigh - b.facilityLow); });
  if (u.job) u.byDays = ranked([](const TornadoBar& b) { return std::abs(b.daysHigh - b.daysLow); });
  u.notes.push_back(
      "Each sample scales every catalog figure the design uses by a factor drawn from a normal distribution of its "
      "grade's spread (a draw beyond ±3σ counts as ±3σ); ratings and capacities stay as designed.");
  if (u.job)
    u.notes.push_back("Training days and energy are the nominal design's plan (" +
                      std::string(plan.searched ? "the search's best" : "the job's own") +
                      ") estimated on each sample's site; the plan is not searched again per sample.");
  else
    u.notes.push_back(plan.present ? "No training bands: " + plan.problem
                                   : "No training bands: the design has no job.");
  return u;
}

namespace {

// Decimals that give every one of `values` (× scale) at least three significant figures (1.27 MW,
// not 1.3; 3.62 m³/day, not 4), and never fewer than `least`: the bands and the tornado's bars, in
// the text and the report's table alike.
int threeFigureDecimals(const std::vector<double>& values, double scale, int least) {
  int decimals = least;
  for (double v : values) {
    const double a = std::fabs(v * scale);
    if (!(a > 0) || !std::isfinite(a)) continue;
    decimals = std::max(decimals, 2 - static_cast<int>(std::floor(std::log10(a))));
  }
  return std::min(decimals, 6);
}

int bandDecimals(const Band& b, double scale, int least) {
  return threeFigureDecimals({b.nominal, b.p10, b.p50, b.p90}, scale, least);
}

// The fewest decimals of each figure's rows, bands and bars alike: facility power to 0.1 MW,
// training days to 0.1 day (a small site's take more, for three significant figures).
constexpr int kFacilityDecimals = 1, kDaysDecimals = 1;

}  // namespace

std::string uncertaintyText(const Uncertainty& u) {
  std::ostringstream o;
  o << "\nHow sure: " << counted(u.samples, "sample") << " over " << counted(u.inputs, "graded catalog figure")
    << " (spread per grade: " << spreadText(u.spread) << ")\n";
  o << "                      nominal        P10        P50        P90\n";
  const auto row = [&](const char* label, const Band& b, double scale, int least, const char* unit) {
    const int decimals = bandDecimals(b, scale, least);
    char line[160];
    std::snprintf(line, sizeof line, "  %-18s %10s %10s %10s %10s  %s\n", label,
                  fixed(b.nominal * scale, decimals).c_str(), fixed(b.p10 * scale, decimals).c_str(),
                  fixed(b.p50 * scale, decimals).c_str(), fixed(b.p90 * scale, decimals).c_str(), unit);
    o << line;
  };
  row("facility power", u.facility, 1e-6, kFacilityDecimals, "MW");
  row("PUE", u.pue, 1, 3, "");
  row("water", u.water, 1e-3, 0, "m³/day");
  if (u.job) {
    row("training days", u.days, 1, kDaysDecimals, "days");
    row("run energy", u.energy, 1, 0, "MWh");
  }
  // Each list in one number of decimals, three significant figures as the bands have them.
  const auto tornado = [&](const char* title, const std::vector<TornadoBar>& bars, bool days) {
    if (bars.empty()) return;
    o << "\n" << title << " (each input alone at its P10 → P90):\n";
    std::vector<double> values;
    for (const TornadoBar& b : bars) {
      if (days)
        values.insert(values.end(), {b.daysLow, b.daysHigh});
      else
        values.insert(values.end(), {b.facilityLow, b.facilityHigh});
    }
    const double scale = days ? 1 : 1e-6;
    const int decimals = threeFigureDecimals(values, scale, days ? kDaysDecimals : kFacilityDecimals);
    std::size_t width = 0;  // the lows and the highs right-aligned, each in a column
    for (double v : values) width = std::max(width, fixed(v * scale, decimals).size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const std::string low = fixed(values[2 * i] * scale, decimals), high = fixed(values[2 * i + 1] * scale, decimals);
      o << "  " << std::string(width - low.size(), ' ') << low << " → " << std::string(width - high.size(), ' ') << high
        << (days ? " days" : " MW") << "   " << bars[i].input << "\n";
    }
  };
  tornado("What moves training days most", u.byDays, true);
  tornado("What moves facility power most", u.byFacility, false);
  for (const std::string& n : u.notes) o << "  note: " << n << "\n";
  return o.str();
}

std::string uncertaintyJson(const Uncertainty& u) {
  JsonWriter j;
  j.beginObject().field("samples", u.samples).field("inputs", u.inputs);
  j.key("spread").beginObject();
  for (const auto& [grade, sigma] : u.spread) j.field(grade, sigma);
  j.endObject();
  const auto band = [&](const char* name, const Band& b) {
    j.key(name).beginObject().field("nominal", b.nominal).field("p10", b.p10).field("p50", b.p50).field("p90", b.p90);
    j.endObject();
  };
  band("facility_w", u.facility);
  band("pue", u.pue);
  band("water_l_per_day", u.water);
  if (u.job) {
    band("training_days", u.days);
    band("energy_mwh", u.energy);
  }
  const auto tornado = [&](const char* name, const std::vector<TornadoBar>& bars) {
    j.key(name).beginArray();
    for (const TornadoBar& b : bars) {
      j.beginObject().field("input", b.input).field("days_low", b.daysLow).field("days_high", b.daysHigh);
      j.field("facility_low_w", b.facilityLow).field("facility_high_w", b.facilityHigh).endObject();
    }
    j.endArray();
  };
  tornado("tornado_days", u.byDays);
  tornado("tornado_facility", u.byFacility);
  j.key("notes").beginArray();
  for (const std::string& n : u.notes) j.value(n);
  j.endArray().endObject();
  return j.str();
}

Section uncertaintySection(const Uncertainty& u) {
  Section s{"uncertainty", "How sure are these numbers", {}};
  const std::string spreads = spreadText(u.spread);
  s.blocks.push_back(Paragraph{"A Monte Carlo of " + counted(u.samples, "sample") + " over the " +
                                   counted(u.inputs, "graded catalog figure") +
                                   " this design uses, each varied by its grade's spread (" + spreads +
                                   "). P10 and P90 bound the middle 80 % of the outcomes.",
                               Tone::Note});
  Table t;
  t.caption = "Ranges";
  t.columns = {{"Figure", Align::Left, 2},
               {"Nominal", Align::Right, 1},
               {"P10", Align::Right, 1},
               {"P50", Align::Right, 1},
               {"P90", Align::Right, 1}};
  const auto row = [&](const std::string& label, const Band& b, double scale, int least, const std::string& unit) {
    const int decimals = bandDecimals(b, scale, least);
    const auto v = [&](double x) { return fixed(x * scale, decimals) + unit; };
    t.rows.push_back({label, v(b.nominal), v(b.p10), v(b.p50), v(b.p90)});
  };
  row("Facility power", u.facility, 1e-6, kFacilityDecimals, " MW");
  row("PUE", u.pue, 1, 3, "");
  row("Water", u.water, 1e-3, 0, " m³/day");
  if (u.job) {
    row("Training days", u.days, 1, kDaysDecimals, "");
    row("Training energy", u.energy, 1, 0, " MWh");
  }
  s.blocks.push_back(std::move(t));
  const auto tornado = [&](const std::string& id, const std::string& caption, const std::vector<TornadoBar>& bars,
                           bool days, double nominal) {
    if (bars.empty()) return;
    std::vector<TornadoInput> in;
    in.reserve(bars.size());
    for (const TornadoBar& b : bars)
      in.push_back({b.input, days ? b.daysLow : b.facilityLow, days ? b.daysHigh : b.facilityHigh});
    Figure f{id, caption, {}};
    f.parts.push_back(tornadoChart(in, nominal, days ? "days" : "MW", days ? 1 : 1e-6));
    s.blocks.push_back(std::move(f));
  };
  tornado("tornado-days", "What moves training days most: each input alone at its P10 (light) and P90 (dark)", u.byDays,
          true, u.days.nominal);
  tornado("tornado-facility", "What moves facility power most: each input alone at its P10 (light) and P90 (dark)",
          u.byFacility, false, u.facility.nominal);
  for (const std::string& n : u.notes) s.blocks.push_back(Paragraph{n, Tone::Note});
  return s;
}

}  // namespace gigaplan::report
