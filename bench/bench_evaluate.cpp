// evaluate() on a synthetic gigawatt site built by hand from the bundled catalog, and on 1/8,
// 1/4 and 1/2 of it to show the cost is linear. The full site: 8 halls × 81 rows × 9 GB200 NVL72
// racks = 5,832 racks (419,904 GPUs, ~770 MW IT). Each row: three busway pairs (3 racks each,
// A/B), one UPS pair, one CDU and one air handler (both rejecting to the hall's chillers). Each
// transformer feeds the UPS of one side of two rows; a hall's A side hangs off its own
// substation, its B side off the next hall's, so no substation stops a whole hall. Chillers
// (COP 5.5) reject to cooling towers, both N+1 with 15 % margin for network heat, fed by the
// hall's mechanical transformers. Fabric: rail-optimized on Quantum-X800 Q3400 at 400 Gb/s per GPU,
// spines and cores in a network building beside the halls.
// The gigawatt sample (samples/gigawatt-campus.yaml) is benchmarked too when it is present.
#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"

namespace {

using namespace gigaplan;
using design::CoolingKind;
using design::PowerKind;

constexpr int kRowsPerHall = 81, kRacksPerRow = 9, kRacksPerBusway = 3, kRowsPerColumn = 41;

struct SyntheticSite {
  catalog::Catalog catalog;
  design::Design design;
  design::Layout layout;
};

class Builder {
 public:
  explicit Builder(SyntheticSite& s) : s_(s) {}

  int power(const std::string& id, PowerKind kind, const std::string& model, std::vector<int> fedBy, int hall,
            double rating = 0) {
    design::PowerNode n;
    n.id = id;
    n.kind = kind;
    n.model = model;
    n.spec = model.empty() ? nullptr : s_.catalog.power(model);
    n.fedBy = std::move(fedBy);
    n.rating = rating > 0 ? rating : n.spec->rating;
    n.hall = hall;
    return add(s_.layout.power, s_.layout.powerIndex, std::move(n));
  }
  int cooling(const std::string& id, CoolingKind kind, const std::string& model, std::vector<int> rejectsTo, int fedBy,
              int hall) {
    design::CoolingUnit u;
    u.id = id;
    u.kind = kind;
    u.model = model;
    u.spec = s_.catalog.cooling(model);
    u.rejectsTo = std::move(rejectsTo);
    if (fedBy != design::kNone) u.fedBy = {fedBy};
    u.capacity = u.spec->capacity;
    u.hall = hall;
    return add(s_.layout.cooling, s_.layout.coolingIndex, std::move(u));
  }

  template <class T>
  static int add(std::vector<T>& v, std::unordered_map<std::string, int>& index, T&& item) {
    index[item.id] = static_cast<int>(v.size());
    v.push_back(std::move(item));
    return static_cast<int>(v.size()) - 1;
  }

 private:
  SyntheticSite& s_;
};

// Units of a kind needed for `load` with one spare (N+1).
int nPlusOne(double load, double capacity) {
  return static_cast<int>(std::ceil(load / capacity)) + 1;
}

std::unique_ptr<SyntheticSite> makeSite(int halls) {
  auto s = std::make_unique<SyntheticSite>();
  s->catalog = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  s->design.network.switchModel = "q3400";
  // Spine and core switches in a network building west of the halls (no hall cooling for them).
  s->design.network.spinePosition = {-60, 80};
  s->design.network.spinePositionSet = true;
  s->design.site.ambient = 30;
  Builder b(*s);
  design::Layout& L = s->layout;
  const catalog::RackType* nvl72 = s->catalog.rack("gb200-nvl72");

  const int grid = b.power("grid", PowerKind::Grid, "", {}, design::kNone, 1.2e9 * halls / 8.0);
  std::vector<int> subs;
  for (int h = 0; h < halls; ++h)
    subs.push_back(
        b.power("sub" + std::to_string(h + 1), PowerKind::Substation, "hv-substation-240mva", {grid}, design::kNone));

  for (int h = 0; h < halls; ++h) {
    const std::string hp = "h" + std::to_string(h + 1);
    design::Hall hall;
    hall.id = hp;
    hall.origin = {h * 160.0, 0};
    hall.size = {150, kRowsPerColumn * 3.6 + 10};
    L.hallIndex[hp] = static_cast<int>(L.halls.size());
    L.halls.push_back(hall);
    const int subA = subs[h], subB = subs[(h + 1) % halls];

    // Cooling plant of the hall: chillers for liquid + air heat, towers for heat + compressor work.
    const double heat = kRowsPerHall * kRacksPerRow * nvl72->power * 1.15;
    const catalog::CoolingGear* chiller = s->catalog.cooling("chiller-water-cooled");
    const int chillers = nPlusOne(heat, chiller->capacity);
    const int towers = nPlusOne(heat * (1 + 1 / chiller->cop), s->catalog.cooling("cooling-tower")->capacity);
    const int mech = nPlusOne(heat / chiller->cop * 1.2, 2.5e6);
    std::vector<int> mechTx, towerIds, chillerIds;
    for (int m = 0; m < mech; ++m)
      mechTx.push_back(b.power(hp + "-mech" + std::to_string(m + 1), PowerKind::Transformer, "unit-substation-3mva",
                               {m % 2 ? subB : subA}, h));
    for (int t = 0; t < towers; ++t)
      towerIds.push_back(b.cooling(hp + "-tower" + std::to_string(t + 1), CoolingKind::CoolingTower, "cooling-tower",
                                   {}, mechTx[t % mech], h));
    for (int c = 0; c < chillers; ++c)
      chillerIds.push_back(b.cooling(hp + "-chiller" + std::to_string(c + 1), CoolingKind::Chiller,
                                     "chiller-water-cooled", towerIds, mechTx[c % mech], h));

    std::array<int, 2> tx{}, ups{};
    for (int r = 0; r < kRowsPerHall; ++r) {
      const std::string rp = hp + "-row" + std::to_string(r + 1);
      // Every second row opens a new transformer pair; every row a new UPS pair.
      if (r % 2 == 0)
        for (int side = 0; side < 2; ++side)
          tx[side] = b.power(rp + (side ? "-txB" : "-txA"), PowerKind::Transformer, "unit-substation-3mva",
                             {side ? subB : subA}, h);
      for (int side = 0; side < 2; ++side)
        ups[side] = b.power(rp + (side ? "-upsB" : "-upsA"), PowerKind::Ups, "ups-1500kw", {tx[side]}, h);
      const int cdu = b.cooling(rp + "-cdu", CoolingKind::Cdu, "cdu-vertiv-2300", chillerIds, ups[0], h);
      const int ahu = b.cooling(rp + "-ahu", CoolingKind::AirHandler, "air-handler", chillerIds, ups[1], h);

      design::Row row;
      row.id = rp;
      row.hall = static_cast<int>(L.halls.size()) - 1;
      row.firstRack = static_cast<int>(L.racks.size());
      row.rackCount = kRacksPerRow;
      const double x0 = hall.origin.x + 5 + (r / kRowsPerColumn) * 12.0, y = 5 + (r % kRowsPerColumn) * 3.6;
      row.start = {x0, y};
      row.end = {x0 + 0.6 * (kRacksPerRow - 1), y};
      const int rowIndex = static_cast<int>(L.rows.size());
      L.rowIndex[rp] = rowIndex;
      L.rows.push_back(row);
      int busA = design::kNone, busB = design::kNone;
      for (int k = 0; k < kRacksPerRow; ++k) {
        if (k % kRacksPerBusway == 0) {
          const std::string n = std::to_string(k / kRacksPerBusway + 1);
          busA = b.power(rp + "-bwA" + n, PowerKind::Busway, "busway-800a", {ups[0]}, h);
          busB = b.power(rp + "-bwB" + n, PowerKind::Busway, "busway-800a", {ups[1]}, h);
        }
        design::Rack rack;
        rack.id = rp + "-" + std::to_string(k + 1);
        rack.type = "gb200-nvl72";
        rack.spec = nvl72;
        rack.hall = row.hall;
        rack.row = rowIndex;
        rack.slot = k + 1;
        rack.position = {x0 + 0.6 * k, y};
        rack.feedA = busA;
        rack.feedB = busB;
        rack.cdu = cdu;
        rack.airHandler = ahu;
        Builder::add(L.racks, L.rackIndex, std::move(rack));
      }
    }
  }
  return s;
}

void BM_EvaluateSynthetic(benchmark::State& state) {
  const auto site = makeSite(static_cast<int>(state.range(0)));
  engine::Evaluation e;
  for (auto _ : state) {
    e = engine::evaluate(site->design, site->layout, site->catalog);
    benchmark::DoNotOptimize(e);
  }
  state.counters["racks"] = static_cast<double>(site->layout.racks.size());
  state.counters["gpus"] = static_cast<double>(e.compute.gpus);
  state.counters["power_nodes"] = static_cast<double>(site->layout.power.size());
  state.counters["cooling_units"] = static_cast<double>(site->layout.cooling.size());
  state.counters["facility_MW"] = e.power.facility / 1e6;
  state.counters["pue"] = e.power.pue;
  state.counters["findings"] = static_cast<double>(e.findings.size());
  state.counters["errors"] = e.errors;
  state.SetComplexityN(static_cast<std::int64_t>(site->layout.racks.size()));
}

// The same without the fabric's share: what the engine's own analyses cost.
void BM_EvaluateSyntheticNoFabric(benchmark::State& state) {
  auto site = makeSite(static_cast<int>(state.range(0)));
  site->design.network.switchModel.clear();  // the fabric stops at "no switch model"
  for (auto _ : state) benchmark::DoNotOptimize(engine::evaluate(site->design, site->layout, site->catalog));
  state.counters["racks"] = static_cast<double>(site->layout.racks.size());
  state.SetComplexityN(static_cast<std::int64_t>(site->layout.racks.size()));
}

void BM_EvaluateGigawattSample(benchmark::State& state) {
  const std::string path = GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("samples/gigawatt-campus.yaml not present");
    return;
  }
  const catalog::Catalog base = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  const auto r = design::resolve(io::loadDesign(path, base), base);
  engine::Evaluation e;
  for (auto _ : state) {
    e = engine::evaluate(r->design, r->layout, *r->catalog);
    benchmark::DoNotOptimize(e);
  }
  state.counters["racks"] = static_cast<double>(r->layout.racks.size());
  state.counters["gpus"] = static_cast<double>(e.compute.gpus);
  state.counters["findings"] = static_cast<double>(e.findings.size());
}

}  // namespace

// Halls: 1, 2, 4, 8 = 1/8, 1/4, 1/2 and all of the site.
BENCHMARK(BM_EvaluateSynthetic)
    ->Arg(1)
    ->Arg(2)
    ->Arg(4)
    ->Arg(8)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK(BM_EvaluateSyntheticNoFabric)
    ->Arg(1)
    ->Arg(2)
    ->Arg(4)
    ->Arg(8)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK(BM_EvaluateGigawattSample)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
