// The year model on hand-checkable cases: a constant year at the design conditions is the instant
// evaluation bit for bit; a hotter year never has a lower PUE; a dry cooler above its design
// limit throttles exactly the heat it cannot reject; the ambient curves at hand-worked points;
// carbon and cost from the design's keys; a design's weather file resolved and its errors located.
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>

#include "core/annual/psychrometrics.h"
#include "core/annual/year.h"
#include "core/catalog/catalog_loader.h"
#include "core/cooling/ambient.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/io/epw_reader.h"
#include "core/report/report_format.h"
#include "core/report/year_report.h"
#include "epw_text.h"
#include "tests/support/bundled.h"

using namespace gigaplan;

namespace {

using testsupport::baseCatalog;

std::string sample(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

struct Site {
  std::shared_ptr<const design::ResolvedDesign> r;
  engine::Evaluation e;
  explicit Site(design::Design d) : r(design::resolve(std::move(d), baseCatalog())) {
    e = engine::evaluate(r->design, r->layout, *r->catalog);
  }
  annual::YearResult year(const io::WeatherYear& w) const { return annual::simulateYear(r->design, r->layout, e, w); }
};

design::Design load(const char* name) {
  return io::loadDesign(sample(name), baseCatalog());
}

// Every hour of a weather year shifted by `dt` (dry bulb and dew point alike: hotter and more humid).
io::WeatherYear shifted(io::WeatherYear w, double dt) {
  for (io::WeatherHour& h : w.hours) {
    h.dryBulb += dt;
    h.dewPoint += dt;
  }
  return w;
}

// One of the catalog's adiabatic dry coolers: 1,000 kW, approach 8 K.
design::CoolingUnit bundledDryCooler() {
  design::CoolingUnit dc;
  dc.kind = design::CoolingKind::DryCooler;
  dc.spec = baseCatalog().cooling("dry-cooler-adiabatic");
  dc.capacity = 1e6;
  return dc;
}

}  // namespace

class TestYear : public QObject {
  Q_OBJECT

 private slots:
  // capacity(now) = capacity × (1 + (design − now) / approach): the catalog's adiabatic dry cooler
  // (1,000 kW, approach 8 K) at 37 °C with a 35 °C design is 1,000 × (1 − 2/8) = 750 kW; at 43 °C
  // (design + approach) nothing; a tower (5,000 kW, approach 4 K to the wet bulb) at 26 °C wet bulb
  // with a 24 °C design is 5,000 × (1 − 2/4) = 2,500 kW.
  void ambientCurvesAtHandWorkedPoints() {
    const catalog::Catalog& cat = baseCatalog();
    design::CoolingUnit dc = bundledDryCooler();
    const cooling::Ambient design{35, 24};
    QCOMPARE(cooling::capacityAt(dc, {design, design}), 1e6);
    // Its pads (effectiveness 0.8) give the coil 35 − 0.8 × 11 = 26.2 °C air at the design point.
    // At 37 / 24 °C: 37 − 0.8 × 13 = 26.6 °C, 1 + (26.2 − 26.6) / 8 = 0.95 of the rating; at 43 / 24:
    // 27.8 °C, 0.8; at 50 / 24: 29.2 °C, 0.625. Hot dry air is what pads cool best: at 38.6 °C and a
    // 19.1 °C wet bulb, 23.0 °C, 1.4. At 27 / 24 °C (humid) the pads reach 24.6 °C, 1.2 of it, more
    // than dry from its 25 °C switchover, 1 + (25 − 27) / 8 = 0.75.
    const auto near = [&](const cooling::Ambient& now, double expected) {
      return std::abs(cooling::capacityAt(dc, {design, now}) - expected) < 1e-6;
    };
    QVERIFY(near({37, 24}, 950e3));
    QVERIFY(near({43, 24}, 800e3));
    QVERIFY(near({50, 24}, 625e3));
    QVERIFY(near({38.6, 19.1}, 1.4e6));
    QVERIFY(near({27, 24}, 1.2e6));
    // Dry and cold: the dry relation gives more. At 5 °C: 1 + (25 − 5) / 8 = 3.5; the pads' air
    // (5 − 0.8 × 1 = 4.2 °C at a 4 °C wet bulb) would give 1 + 22 / 8 = 3.75: the more of the two.
    QVERIFY(near({5, 4}, 3.75e6));
    QVERIFY(near({5, -10}, 1e6 * (1 + (26.2 - (5 - 0.8 * 15)) / 8)));
    // Without a pad effectiveness the dry bulb derates it, wet or dry: 1 + (35 − T) / 8.
    catalog::CoolingGear plain = *dc.spec;
    plain.padEffectiveness = 0;
    design::CoolingUnit bare = dc;
    bare.spec = &plain;
    QCOMPARE(cooling::capacityAt(bare, {design, {37, 24}}), 750e3);
    QCOMPARE(cooling::capacityAt(bare, {design, {43, 24}}), 0.0);
    QCOMPARE(cooling::capacityAt(bare, {design, {27, 24}}), 2e6);
    design::CoolingUnit tower;
    tower.kind = design::CoolingKind::CoolingTower;
    tower.spec = cat.cooling("cooling-tower");
    tower.capacity = 5e6;
    QCOMPARE(cooling::capacityAt(tower, {design, {35, 26}}), 2.5e6);
    // A water-cooled chiller on that tower sees wet bulb + 4 K: 28 °C at design, 30 °C at 26 °C
    // wet bulb. With the DOE-2 centrifugal EIR curve at 6.67 °C chilled water,
    //   EIR(6.67, 28) = 0.933678591 − 0.058199196·6.67 + 0.00449937·6.67² + 0.002429466·28
    //                   + 0.000485893·28² − 0.001214733·6.67·28 = 0.96776…
    //   EIR(6.67, 30) = … + 0.002429466·30 + 0.000485893·30² − 0.001214733·6.67·30 = 1.01278…
    // so COP = 5.5 × 0.96776 / 1.01278 = 5.2555.
    design::Layout layout;
    layout.cooling.push_back(tower);
    design::CoolingUnit chiller;
    chiller.kind = design::CoolingKind::Chiller;
    chiller.spec = cat.cooling("chiller-water-cooled");
    chiller.rejectsTo = {0};
    layout.cooling.push_back(chiller);
    QCOMPARE(cooling::condenserTemperature(layout, chiller, design), 28.0);
    QCOMPARE(cooling::copAt(layout, chiller, {design, design}), 5.5);
    const auto eir = [](double x, double y) {
      return 0.933678591 - 0.058199196 * x + 0.00449937 * x * x + 0.002429466 * y + 0.000485893 * y * y -
             0.001214733 * x * y;
    };
    const double expected = 5.5 * eir(6.67, 28) / eir(6.67, 30);
    QVERIFY(std::abs(expected - 5.2555) < 1e-4);
    QVERIFY(std::abs(cooling::copAt(layout, chiller, {design, {35, 26}}) - expected) < 1e-12);
    // Free cooling once the tower water (wet bulb + 4) reaches the 6.67 °C chilled water.
    QVERIFY(cooling::economising(layout, chiller, {5, 2.67}));
    QVERIFY(!cooling::economising(layout, chiller, {5, 2.68}));
  }

  // A year of constant air at the design point (dry bulb = site.ambient, wet bulb = site.wet_bulb)
  // is the instant evaluation: every hour's draw, cooling and PUE equal to the last bit, water per
  // hour 1/24 of the day's, the year 8,760 such hours.
  void constantDesignYearIsTheInstantEvaluation() {
    for (const char* name : {"gigawatt-campus.yaml", "teaching-hall.yaml", "colossus1-like.yaml"}) {
      design::Design d = load(name);
      const io::WeatherYear w = io::readEpwText(test::epwText(test::epwRows(d.site.ambient, 19.5, 101325)), "c.epw");
      d.site.wetBulb = annual::wetBulb(d.site.ambient, 19.5, 101325);  // the same doubles the year computes
      const Site s(d);
      const annual::YearResult y = s.year(w);
      QCOMPARE(y.hours.size(), std::size_t{8760});
      for (const annual::HourFigures& h : y.hours) {
        QCOMPARE(h.facility, s.e.power.facility);
        QCOMPARE(h.pue, s.e.power.pue);
        QCOMPARE(h.cooling, s.e.power.cooling);
        QCOMPARE(h.it, s.e.power.it);
        QCOMPARE(h.throttledIt, 0.0);
        QVERIFY(std::abs(h.water * 24 - s.e.cooling.water) <= 1e-9 * std::max(1.0, s.e.cooling.water));
      }
      QVERIFY(std::abs(y.year.energy - s.e.power.facility * 3600 * 8760) <= 1e-12 * y.year.energy);
      QVERIFY(std::abs(y.year.pue() - s.e.power.pue) < 1e-12);
      QCOMPARE(y.year.throttledHours, 0);
      QCOMPARE(y.lostFraction, 0.0);
    }
  }

  // Hotter and more humid by 3 K every hour: no hour's PUE lower, nor the year's. (Water may fall:
  // heat a throttled hour does not make is not evaporated.)
  void hotterYearNeverLowersPue() {
    const Site s(load("gigawatt-campus.yaml"));
    const io::WeatherYear chicago = io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw");
    const annual::YearResult base = s.year(chicago), hot = s.year(shifted(chicago, 3));
    for (std::size_t i = 0; i < base.hours.size(); ++i)
      QVERIFY2(hot.hours[i].pue >= base.hours[i].pue - 1e-12, qPrintable(QString::number(i)));
    QVERIFY(hot.year.pue() > base.year.pue());
    QVERIFY(hot.year.coolingEnergy > base.year.coolingEnergy);
    QVERIFY(hot.year.economiserHours <= base.year.economiserHours);
    QVERIFY(hot.year.lostGpuHours >= base.year.lostGpuHours);
    // Cold hours are cheaper than the design point: Chicago's year beats the 35 °C instant PUE.
    QVERIFY(base.year.pue() < s.e.power.pue);
    QVERIFY(base.year.economiserHours > 0);
  }

  // The teaching hall's CDU rejects to two adiabatic dry coolers (1,000 kW each, approach 8 K,
  // design 35 °C) — nothing else in its path depends on the air. Pick the dry bulb T at which each
  // dry cooler can take 80 % of the heat reaching it at design: 1,000 kW × (1 + (35 − T)/8) =
  // 0.8 × heat, T = 35 + 8 × (1 − 0.8 × heat / 1,000 kW). Every hour at T must throttle exactly
  // heat − 0.8 × heat per dry cooler: the heat it cannot reject. The IT shed for it is the racks'
  // whole IT whose liquid share brings that heat: a GB200 rack sends 87 % of its IT to the CDU, and
  // the CDU pumps draw 47.8 kW per 2,300 kW of heat, so each watt of IT brings 0.87 × (1 +
  // 47.8/2300) W to the dry coolers and IT = heat / (0.87 × (1 + 47.8/2300)).
  // The units' pads are taken as doing nothing here (pad_effectiveness 0), so the dry bulb alone
  // sets their capacity, whatever the wet bulb.
  void dryCoolerAboveItsLimitThrottlesExactlyTheHeat() {
    design::Design d = load("teaching-hall.yaml");
    d.catalogOverrides["cooling_gear"]["dry-cooler-adiabatic"]["pad_effectiveness"] = "0";
    const Site s(d);
    const design::Layout& layout = s.r->layout;
    double heat = 0, capacity = 0;
    int coolers = 0;
    for (std::size_t i = 0; i < layout.cooling.size(); ++i)
      if (layout.cooling[i].kind == design::CoolingKind::DryCooler) {
        heat += s.e.cooling.unitHeat[i];
        capacity += layout.cooling[i].capacity;
        ++coolers;
      }
    QCOMPARE(coolers, 2);
    QCOMPARE(capacity, 2e6);
    QVERIFY(heat > 0 && heat < capacity);
    const double t = 35 + 8 * (1 - 0.8 * heat / capacity);
    // The year computes in whole 0.1 K from the file; use the exact T through the in-memory year.
    io::WeatherYear w = annual::constantYear(t, -10, 101325);
    const annual::YearResult y = s.year(w);
    const double expected = 0.2 * heat;
    for (const annual::HourFigures& h : {y.hours.front(), y.hours[4000], y.hours.back()}) {
      QVERIFY2(std::abs(h.throttledHeat - expected) <= 1e-9 * expected,
               qPrintable(QString("%1 vs %2").arg(h.throttledHeat).arg(expected)));
      QVERIFY2(std::abs(h.throttledIt - expected / (0.87 * (1 + 47.8 / 2300))) <= 1e-6 * expected,
               qPrintable(QString::number(h.throttledIt)));
      QCOMPARE(h.unrejectedHeat, 0.0);  // the racks behind bring more than it must lose
      QVERIFY(h.it < s.e.power.it);
    }
    QCOMPARE(y.year.throttledHours, 8760);
    QVERIFY(y.lostFraction > 0);
    const std::vector<report::Figure> figures = report::yearFigures(y);
    QVERIFY(std::any_of(figures.begin(), figures.end(), [](const auto& f) { return f.id == "year-throttled"; }));
    // At the design dry bulb nothing is throttled.
    const annual::YearResult atDesign = s.year(annual::constantYear(35, -10, 101325));
    QCOMPARE(atDesign.year.throttledHours, 0);
    // A job of 100 full-speed hours takes 100 / (share of IT running) hours through that year.
    const double running = y.hours.front().it / (y.hours.front().it + y.hours.front().throttledIt);
    QVERIFY(std::abs(annual::jobWallHours(y, 100) - 100 / running) < 1e-6);
    // Its run costs every hour's figures over those wall hours, the last in part: with every hour
    // alike, the hour's energy, water and lost GPU-hours times 100 / running; ceil of it touched.
    const annual::PeriodFigures run = annual::jobFigures(y, 100);
    const double wall = 100 / running;
    const annual::HourFigures& h = y.hours.front();
    QCOMPARE(run.hours, static_cast<int>(std::ceil(wall)));
    QVERIFY(std::abs(run.energy - h.facility * 3600 * wall) <= 1e-9 * run.energy);
    QVERIFY(std::abs(run.water() - h.water * wall) <= 1e-9 * std::max(1.0, run.water()));
    const double lostPerHour = h.throttledIt / (h.it + h.throttledIt) * static_cast<double>(y.gpus);
    QVERIFY(std::abs(run.lostGpuHours - lostPerHour * wall) <= 1e-9 * run.lostGpuHours);
    QCOMPARE(annual::jobFigures(atDesign, 0).hours, 0);
    QCOMPARE(annual::jobWallHours(atDesign, 100), 100.0);
  }

  // A hot, humid hour on the campus: the core room's towers carry switch heat, which no throttling at
  // the GPUs removes, and a GB200 hall's air towers more than its racks' 13 % air share can shed.
  // Both are unrejected heat (the plant does not hold), never dropped; the IT shed stops at what
  // stands behind each unit, and a note says so.
  void heatNoThrottlingRemovesIsReported() {
    const Site s(load("gigawatt-campus.yaml"));
    const annual::YearResult y = s.year(annual::constantYear(33, 25.5, 101325));
    const annual::HourFigures& h = y.hours.front();
    QVERIFY(h.wetBulb > 26);
    QVERIFY2(h.unrejectedHeat > 0, qPrintable(QString::number(h.unrejectedHeat)));
    QVERIFY(h.throttledHeat >= h.unrejectedHeat);
    QVERIFY(h.throttledIt > 0 && h.throttledIt <= s.e.power.it);
    // The plant run again without the shed racks' heat: their CDUs', air handlers' and chillers'
    // draw goes with them (an hour's PUE is over the IT still running, not the design plant's draw).
    QVERIFY2(h.cooling < s.e.power.cooling, qPrintable(QString("%1 vs %2").arg(h.cooling).arg(s.e.power.cooling)));
    // At this wet bulb the halls' dry coolers' pads reach 33 − 0.8 × 7.5 = 27 °C, above the 26.2 °C
    // of their rating: 90 % of it, so racks are shed there too while the core room runs whole.
    QVERIFY2(h.pue < 1.5, qPrintable(QString::number(h.pue)));
    QCOMPARE(y.year.unrejectedHours, 8760);
    QCOMPARE(y.year.worstUnrejected, h.unrejectedHeat);
    QVERIFY(std::any_of(y.notes.begin(), y.notes.end(), [](const std::string& n) {
      return n.rfind("In 8,760 hours up to ", 0) == 0 && n.find("cannot be rejected") != std::string::npos;
    }));
    // The core room's heat alone exceeds what its towers keep at that wet bulb: all of its shortfall
    // is among the unrejected heat.
    const design::Layout& l = s.r->layout;
    double coreHeat = 0, coreCapacity = 0;
    for (std::size_t i = 0; i < l.cooling.size(); ++i)
      if (l.cooling[i].id == "core-towers") coreHeat = s.e.cooling.unitHeat[i], coreCapacity = l.cooling[i].capacity;
    const double derate = 1 + (24 - h.wetBulb) / 4;  // the towers' approach (catalog) at this wet bulb
    QVERIFY(coreHeat > 0 && derate < 1);
    QVERIFY2(h.unrejectedHeat >= coreHeat - coreCapacity * std::max(0.0, derate) - 1,
             qPrintable(QString("%1 vs %2").arg(h.unrejectedHeat).arg(coreHeat - coreCapacity * derate)));
    const std::string csv = report::yearCsv(y);
    QVERIFY(csv.find("throttled_it_mw,unrejected_heat_mw,") != std::string::npos);
  }

  // Carbon = meter kWh × share × factor; cost = MWh × price. The teaching hall draws from one grid.
  void carbonAndCostFromTheDesign() {
    design::Design d = load("teaching-hall.yaml");
    d.site.gridCarbon = 0.4;
    d.site.energyPrice = 80;
    const Site s(d);
    const annual::YearResult y = s.year(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/mannheim.epw"));
    QVERIFY(y.carbonComplete);
    QVERIFY(y.hasPrice);
    const double kwh = y.year.energy / 3.6e6;
    QVERIFY(std::abs(y.year.carbon - 0.4 * kwh) <= 1e-9 * y.year.carbon);
    QVERIFY(std::abs(y.year.cost - 80 * kwh / 1000) <= 1e-9 * y.year.cost);
    double monthly = 0;
    for (const annual::PeriodFigures& m : y.months) monthly += m.energy;
    QVERIFY(std::abs(monthly - y.year.energy) <= 1e-9 * y.year.energy);
  }

  // Colossus's turbines (160 MW, minimum load 50 %) would carry 160/388 of the ~159 MW site, about
  // 66 MW; they run at their 80 MW minimum every hour, and the grid takes the rest — the rule the
  // power profile follows. Their carbon is that energy at the catalog's factor.
  void generatorsRunAtTheirMinimumLoad() {
    const Site s(load("colossus1-like.yaml"));
    const annual::YearResult y = s.year(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw"));
    const auto turbines = std::find_if(y.sources.begin(), y.sources.end(),
                                       [](const annual::SourceEnergy& x) { return x.id == "turbines"; });
    QVERIFY(turbines != y.sources.end());
    const double hours = static_cast<double>(y.year.hours);
    QVERIFY2(std::abs(turbines->energy - 80e6 * hours * 3600) <= 1e-9 * turbines->energy,
             qPrintable(QString::number(turbines->energy / 3.6e9 / hours)));
    double sum = 0;
    for (const annual::SourceEnergy& x : y.sources) sum += x.energy;
    QVERIFY(std::abs(sum - y.year.energy) <= 1e-9 * y.year.energy);
    QVERIFY(std::abs(turbines->carbon - turbines->energy / 3.6e6 * turbines->carbonFactor) <= 1e-6 * turbines->carbon);
    QVERIFY(std::any_of(y.notes.begin(), y.notes.end(),
                        [](const std::string& n) { return n.find("turbines 80 MW") != std::string::npos; }));
    QVERIFY(std::abs(s.e.power.generationCarried - 80e6) < 1);
  }

  // An adiabatic dry cooler wets its pads only when it cannot carry its heat dry: capacity ×
  // (1 + (switchover − dry bulb) / approach). The bundled unit: 1,000 kW, approach 8 K, switchover
  // 25 °C. At 29 °C it carries 500 kW dry, so 400 kW stays dry and 600 kW sprays; at 20 °C it is
  // dry at full load; without a switchover it sprays at any load and temperature.
  void adiabaticAssistOnlyWhenDryIsNotEnough() {
    design::CoolingUnit dc = bundledDryCooler();
    QCOMPARE(dc.spec->drySwitchover, 25.0);
    const cooling::Ambient warm{29, 20}, cool{20, 15};
    QVERIFY(!cooling::usesWater(dc, 400e3, warm));
    QVERIFY(cooling::usesWater(dc, 600e3, warm));
    QVERIFY(!cooling::usesWater(dc, 1e6, cool));
    QVERIFY(!cooling::usesWater(dc, 1.2e6, cool));  // 1,000 × (1 + 5/8) = 1,625 kW dry at 20 °C
    catalog::CoolingGear always = *dc.spec;
    always.drySwitchover = 0;
    dc.spec = &always;
    QVERIFY(cooling::usesWater(dc, 1e3, cool));
    // Colossus in Chicago: its dry coolers spray in a few hot hours, not all 8,760.
    const Site s(load("colossus1-like.yaml"));
    const annual::YearResult y = s.year(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw"));
    int spraying = 0;
    for (const annual::HourFigures& h : y.hours) spraying += h.water - h.towerWater > 0;
    QVERIFY2(spraying > 0 && spraying < 1000, qPrintable(QString::number(spraying)));
    QVERIFY(y.year.adiabaticWater < 0.2 * 125.5e6);  // every hour would be 125,529 m³
  }

  // Time-of-use: the first period covering an hour prices it; ranges wrap; a gap is named.
  void tariffPeriodsPriceTheHours() {
    using design::TariffPeriod;
    const std::vector<TariffPeriod> tou = {
        {120, 6, 9, 14, 20, TariffPeriod::Days::Weekdays},  // summer weekday afternoons
        {30, 11, 2, 22, 6, TariffPeriod::Days::All},        // winter nights, wrapping both ways
        {60, 1, 12, 0, 24, TariffPeriod::Days::All},        // the rest
    };
    QCOMPARE(design::tariffPrice(tou, 7, 15, false), 120.0);
    QCOMPARE(design::tariffPrice(tou, 7, 15, true), 60.0);
    QCOMPARE(design::tariffPrice(tou, 7, 20, false), 60.0);  // to is exclusive
    QCOMPARE(design::tariffPrice(tou, 12, 23, true), 30.0);
    QCOMPARE(design::tariffPrice(tou, 1, 3, false), 30.0);
    QCOMPARE(design::tariffPrice(tou, 3, 3, false), 60.0);
    QCOMPARE(design::tariffGap(tou), std::string());
    const std::vector<TariffPeriod> partial(tou.begin(), tou.begin() + 2);
    QCOMPARE(design::tariffPrice(partial, 3, 3, false), -1.0);
    QCOMPARE(design::tariffGap(partial), std::string("January, 06:00 on weekdays"));
  }

  // A constant year with a two-rate tariff: weekday daytime (08:00–20:00) at 100, the rest at 40.
  // 365 days from a Monday hold 261 weekdays: 3,132 peak hours and 5,628 others at the same draw,
  // so the year costs MW × (3,132 × 100 + 5,628 × 40). From a Sunday (the EPW says so): 260
  // weekdays, 3,120 peak hours.
  void timeOfUseCost() {
    design::Design d = load("teaching-hall.yaml");
    d.site.energyTariff = {{100, 1, 12, 8, 20, design::TariffPeriod::Days::Weekdays}, {40, 1, 12, 0, 24, {}}};
    const Site s(d);
    io::WeatherYear w = annual::constantYear(20, 5, 101325);
    QCOMPARE(w.firstWeekday, -1);
    annual::YearResult y = s.year(w);
    QVERIFY(y.hasPrice);
    const double mw = y.hours.front().facility / 1e6;
    QVERIFY(std::abs(y.year.cost - mw * (3132 * 100 + 5628 * 40)) <= 1e-9 * y.year.cost);
    QVERIFY(std::any_of(y.notes.begin(), y.notes.end(),
                        [](const std::string& n) { return n.find("weeks start on a Monday") != std::string::npos; }));
    w.firstWeekday = 6;  // Sunday
    y = s.year(w);
    QVERIFY(std::abs(y.year.cost - mw * (3120 * 100 + 5640 * 40)) <= 1e-9 * y.year.cost);
    // A leap year read without its 29 February: 2024 began on a Monday, and March 2024 (from a
    // Friday) has 10 weekend days — priced at 100 only then, the year costs MW × 10 × 24 × 100.
    d.site.energyTariff = {{100, 3, 3, 0, 24, design::TariffPeriod::Days::Weekends}, {0, 1, 12, 0, 24, {}}};
    const Site leap(d);
    w.firstWeekday = 0;
    w.leapDayDropped = true;
    y = leap.year(w);
    QVERIFY2(std::abs(y.year.cost - mw * 10 * 24 * 100) <= 1e-9 * y.year.cost,
             qPrintable(QString::number(y.year.cost / (mw * 24 * 100))));
    QCOMPARE(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw").firstWeekday, 6);
    QCOMPARE(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/mannheim.epw").firstWeekday, 0);
  }

  // site.energy_tariff: read and written back; every bad period located at its key.
  void energyTariffKey() {
    const std::string head = "format: 1\nsite:\n  name: s\n  size: [50 m, 50 m]\n";
    const std::string tail = "power:\n  - {id: grid, kind: grid, rating: 5 MW}\n";
    const std::string good = head +
                             "  energy_tariff:\n    - {price: 95, months: [6, 9], hours: [14, 20], days: weekdays}\n"
                             "    - {price: 55}\n" +
                             tail;
    const design::Design d = io::loadDesignText(good, "t.yaml", baseCatalog());
    QCOMPARE(d.site.energyTariff.size(), std::size_t{2});
    QCOMPARE(d.site.energyTariff[0].toHour, 20);
    QCOMPARE(d.site.energyTariff[0].days, design::TariffPeriod::Days::Weekdays);
    const design::Design again = io::loadDesignText(io::designToYaml(d), "again.yaml", baseCatalog());
    QVERIFY(again.site.energyTariff == d.site.energyTariff);
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"  energy_tariff:\n    - {price: 95, hours: [14, 20]}\n",
         "t.yaml:6:5: site.energy_tariff: found a tariff that leaves hours without a price (the first: January, "
         "00:00 on weekdays)"},
        {"  energy_price: 50\n  energy_tariff:\n    - {price: 55}\n",
         "t.yaml:7:5: site.energy_tariff: found both energy_price and energy_tariff"},
        {"  energy_tariff:\n    - {price: 55, hours: [5, 5]}\n",
         "t.yaml:6:26: site.energy_tariff[0].hours: found [5, 5], expected from 0–23 and to 1–24"},
        {"  energy_tariff:\n    - {price: 55, months: [0, 5]}\n", "t.yaml:6:28: site.energy_tariff[0].months[0]"},
        {"  energy_tariff:\n    - {price: 55, days: sundays}\n", "t.yaml:6:25: site.energy_tariff[0].days"},
        {"  energy_tariff:\n    - {cost: 55}\n", "site.energy_tariff[0].cost"},
    };
    for (const auto& [text, expect] : bad) {
      try {
        io::loadDesignText(head + text + tail, "t.yaml", baseCatalog());
        QFAIL(("no error for " + text).c_str());
      } catch (const io::LoadError& e) {
        QVERIFY2(std::string(e.what()).find(expect) != std::string::npos, e.what());
      }
    }
  }

  // The report section: twelve months summing to the year, the ten worst hours by PUE, worst first.
  void reportSection() {
    const Site s(load("teaching-hall.yaml"));
    const annual::YearResult y = s.year(io::readEpw(GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw"));
    const report::Section section = report::yearSection(y, {"teaching-hall.yaml", 30.0});
    QCOMPARE(section.id, std::string("year"));
    std::vector<const report::Table*> tables;
    for (const report::Block& b : section.blocks)
      if (const auto* t = std::get_if<report::Table>(&b)) tables.push_back(t);
    QCOMPARE(tables.size(), std::size_t{2});
    QCOMPARE(tables[0]->rows.size(), std::size_t{12});
    QCOMPARE(tables[0]->rows[6][0], std::string("Jul"));
    QCOMPARE(tables[1]->rows.size(), std::size_t{10});
    // Its charts: the PUE heat map and the months; the teaching hall never throttles in Chicago,
    // so no throttling map, and without a grid carbon intensity no carbon panel.
    std::vector<std::string> figures;
    for (const report::Block& b : section.blocks)
      if (const auto* f = std::get_if<report::Figure>(&b)) figures.push_back(f->id);
    QCOMPARE(y.year.throttledHours, 0);
    QCOMPARE(figures, (std::vector<std::string>{"year-pue", "year-months"}));
    const annual::HourFigures& worst = y.hours[static_cast<std::size_t>(y.worstHour)];
    QCOMPARE(tables[1]->rows[0][3], report::pue(worst.pue));
    for (std::size_t i = 1; i < tables[1]->rows.size(); ++i)
      QVERIFY(std::stod(tables[1]->rows[i][3]) <= std::stod(tables[1]->rows[i - 1][3]));
  }

  // site.weather: read, resolved against the design's folder, written back; a missing file is an
  // error at the key's line and column; a bad grid_carbon is located like any key.
  void siteWeatherKey() {
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    std::filesystem::create_directories(folder + "/w");
    std::ofstream(folder + "/w/flat.epw") << test::epwText(test::epwRows(20, 10, 101325));
    const std::string text =
        "format: 1\nsite:\n  name: s\n  size: [50 m, 50 m]\n  weather: w/flat.epw\n  grid_carbon: 350 g/kWh\n"
        "  energy_price: 75\npower:\n  - {id: grid, kind: grid, rating: 5 MW}\n";
    std::ofstream(folder + "/site.yaml") << text;
    const design::Design d = io::loadDesign(folder + "/site.yaml", baseCatalog());
    QCOMPARE(d.site.weather, std::string("w/flat.epw"));
    QCOMPARE(d.site.gridCarbon, 0.35);
    QCOMPARE(d.site.energyPrice, 75.0);
    QCOMPARE(io::siteWeatherPath(d), folder + "/w/flat.epw");
    QCOMPARE(io::readSiteWeather(d).hours.size(), std::size_t{8760});
    const design::Design again = io::loadDesignText(io::designToYaml(d), "again.yaml", baseCatalog());
    QCOMPARE(again.site.weather, d.site.weather);
    QCOMPARE(again.site.gridCarbon, d.site.gridCarbon);
    QCOMPARE(again.site.energyPrice, d.site.energyPrice);

    std::string missing = text;
    missing.replace(missing.find("w/flat.epw"), 10, "nope.epw");
    std::ofstream(folder + "/missing.yaml") << missing;
    try {
      io::readSiteWeather(io::loadDesign(folder + "/missing.yaml", baseCatalog()));
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()),
               QString::fromStdString(folder + "/missing.yaml:5:12: site.weather: found 'nope.epw' (" + folder +
                                      "/nope.epw: No such file or directory), expected an EPW "
                                      "weather file, its path relative to the design file"));
    }
    std::string bad = text;
    bad.replace(bad.find("350 g/kWh"), 9, "350 furlongs");
    try {
      io::loadDesignText(bad, "bad.yaml", baseCatalog());
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()), QString("bad.yaml:6:16: site.grid_carbon: found '350 furlongs', expected a carbon "
                                          "intensity such as '0.35 kg/kWh' or '350 g/kWh' (0 to 2 kg/kWh)"));
    }
  }
};

QTEST_GUILESS_MAIN(TestYear)
#include "test_year.moc"
