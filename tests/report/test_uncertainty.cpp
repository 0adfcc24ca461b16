// The Monte Carlo over graded catalog figures: no spread gives the nominal design; the same seed
// gives the same bands on any number of threads; each tornado bar is the design evaluated with
// that one figure at its P10 or P90 (checked against the design with the figure overridden in its
// own catalog section); the bands are ordered and hold the nominal; the section and JSON carry them.
#include <QtTest>

#include <cmath>
#include <cstdio>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "core/report/report_extras.h"
#include "core/report/training_plan.h"
#include "core/report/uncertainty.h"
#include "core/units/units.h"
#include "tests/support/bundled.h"

using namespace gigaplan;

namespace {

using testsupport::baseCatalog;

std::shared_ptr<const design::ResolvedDesign> sample(const char* name) {
  return design::resolve(io::loadDesign(std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name, baseCatalog()),
                         baseCatalog());
}

bool close(double a, double b, double rel = 1e-9) {
  return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

}  // namespace

class TestUncertainty : public QObject {
  Q_OBJECT

 private slots:
  void noSpreadIsTheNominalDesign() {
    const auto r = sample("teaching-hall.yaml");
    report::UncertaintyOptions o;
    o.samples = 20;
    o.spread = {{"V", 0}, {"S", 0}, {"E", 0}, {"U", 0}};
    const report::Uncertainty u = report::propagateUncertainty(*r, o);
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    QCOMPARE(u.inputs, 0);
    QCOMPARE(u.facility.nominal, e.power.facility);
    QCOMPARE(u.facility.p10, e.power.facility);
    QCOMPARE(u.facility.p90, e.power.facility);
    QCOMPARE(u.pue.p50, e.power.pue);
    QVERIFY(u.byFacility.empty() && u.byDays.empty());
  }

  void sameSeedSameBandsOnAnyThreads() {
    const auto r = sample("teaching-hall.yaml");
    report::UncertaintyOptions o;
    o.samples = 60;
    o.threads = 1;
    const report::Uncertainty one = report::propagateUncertainty(*r, o);
    o.threads = 3;
    const report::Uncertainty three = report::propagateUncertainty(*r, o);
    QCOMPARE(one.facility.p10, three.facility.p10);
    QCOMPARE(one.facility.p90, three.facility.p90);
    QCOMPARE(one.days.p50, three.days.p50);
    o.seed = 2;
    const report::Uncertainty other = report::propagateUncertainty(*r, o);
    QVERIFY(other.facility.p10 != one.facility.p10);
  }

  void bandsAreOrderedAroundTheNominal() {
    const auto r = sample("teaching-hall.yaml");
    report::UncertaintyOptions o;
    o.samples = 400;
    const report::Uncertainty u = report::propagateUncertainty(*r, o);
    QVERIFY(u.inputs >= 5);
    QVERIFY(u.job);
    for (const report::Band* b : {&u.facility, &u.pue, &u.water, &u.days, &u.energy}) {
      QVERIFY(b->p10 <= b->p50 && b->p50 <= b->p90);
      QVERIFY(b->p10 < b->nominal && b->nominal < b->p90);
    }
    // The racks' power is graded U (±20 %) and is most of the load: the facility's P10–P90 is
    // about ±1.28 × 20 % of the IT share, far wider than a V-graded figure would make it.
    QVERIFY(u.facility.p90 / u.facility.nominal > 1.1 && u.facility.p10 / u.facility.nominal < 0.9);
  }

  void aTornadoBarIsThatFigureAlone() {
    // The teaching hall's GB200 rack power at its P90 (1 + 1.2816 σ): the tornado's high outcome is
    // the design evaluated with that rack power written in its own catalog section.
    const auto r = sample("teaching-hall.yaml");
    report::UncertaintyOptions o;
    o.samples = 10;
    const report::Uncertainty u = report::propagateUncertainty(*r, o);
    const report::TornadoBar* bar = nullptr;
    for (const report::TornadoBar& b : u.byFacility)
      if (b.input.rfind("rack gb200-nvl72: power", 0) == 0) bar = &b;
    QVERIFY(bar);
    const catalog::RackType& rack = *r->catalog->rack("gb200-nvl72");
    const double sigma = u.spread.at(rack.provenance.grade.empty() ? "U" : rack.provenance.grade);
    design::Design d = r->design;
    const double factor = 1 + 1.2815515655446004 * sigma;
    d.catalogOverrides["racks"]["gb200-nvl72"]["power"] =
        units::formatExact(rack.power * factor, units::Dimension::Power);
    d.catalogOverrides["racks"]["gb200-nvl72"]["peak_power"] =
        units::formatExact(rack.peakPower * factor, units::Dimension::Power);
    const auto high = design::resolve(d, baseCatalog());
    const engine::Evaluation e = engine::evaluate(high->design, high->layout, *high->catalog);
    QVERIFY2(close(bar->facilityHigh, e.power.facility, 1e-6),
             qPrintable(QString("%1 vs %2").arg(bar->facilityHigh).arg(e.power.facility)));
    QVERIFY(bar->facilityHigh > u.facility.nominal && bar->facilityLow < u.facility.nominal);
    // Sorted by swing, largest first.
    for (std::size_t i = 1; i < u.byFacility.size(); ++i)
      QVERIFY(std::abs(u.byFacility[i].facilityHigh - u.byFacility[i].facilityLow) <=
              std::abs(u.byFacility[i - 1].facilityHigh - u.byFacility[i - 1].facilityLow));
  }

  // The bands print at least three significant figures, in the text and in the report's table:
  // the superpod's 1.27 MW and 3.6 m³/day read "1.268" and "3.60", not "1.3" and "4".
  void bandsKeepThreeSignificantFigures() {
    report::Uncertainty u;
    u.samples = 200;
    u.facility = {1.2677e6, 0.955e6, 1.266e6, 1.549e6};
    u.pue = {1.133, 1.115, 1.132, 1.155};
    u.water = {3602, 2240, 3570, 4650};
    u.job = true;
    u.days = {77.3, 69.2, 77.5, 87.9};
    u.energy = {2354, 1705, 2319, 3004};
    // Each row as the text prints it: the label, then nominal, P10, P50 and P90 in columns of 10.
    const auto has = [&](const char* label, std::vector<const char*> cells) {
      char line[160];
      std::snprintf(line, sizeof line, "  %-18s %10s %10s %10s %10s  %s\n", label, cells[0], cells[1], cells[2],
                    cells[3], cells[4]);
      const std::string text = report::uncertaintyText(u);
      if (text.find(line) != std::string::npos) return true;
      qWarning("no line '%s' in:\n%s", line, text.c_str());
      return false;
    };
    QVERIFY(has("facility power", {"1.268", "0.955", "1.266", "1.549", "MW"}));
    QVERIFY(has("water", {"3.60", "2.24", "3.57", "4.65", "m³/day"}));
    QVERIFY(has("training days", {"77.3", "69.2", "77.5", "87.9", "days"}));
    QVERIFY(has("run energy", {"2,354", "1,705", "2,319", "3,004", "MWh"}));
    const report::Section s = report::uncertaintySection(u);
    const auto* t = std::get_if<report::Table>(&s.blocks.at(1));
    QVERIFY(t);
    QCOMPARE(t->rows.at(0),
             (std::vector<std::string>{"Facility power", "1.268 MW", "0.955 MW", "1.266 MW", "1.549 MW"}));
    QCOMPARE(t->rows.at(2),
             (std::vector<std::string>{"Water", "3.60 m³/day", "2.24 m³/day", "3.57 m³/day", "4.65 m³/day"}));
    // A large site keeps its figures' own decimals: 1,028.3 MW, 13,542 m³/day.
    u.facility = {1.0283e9, 1.0e9, 1.03e9, 1.06e9};
    u.water = {13.542e6, 12e6, 13.5e6, 15e6};
    QVERIFY(has("facility power", {"1,028.3", "1,000.0", "1,030.0", "1,060.0", "MW"}));
    QVERIFY(has("water", {"13,542", "12,000", "13,500", "15,000", "m³/day"}));
  }

  // The tornado's bars keep three significant figures as the bands do (0.967 MW, not 0.97), each
  // list in one number of decimals, never fewer than its band's row (0.1 MW, 0.1 day: 87.2 days,
  // not 87.18), the lows and the highs right-aligned.
  void tornadoBarsKeepThreeSignificantFigures() {
    report::Uncertainty u;
    u.samples = 200;
    u.facility = {1.2677e6, 0.955e6, 1.266e6, 1.549e6};
    u.job = true;
    u.days = {77.3, 69.2, 77.5, 87.9};
    u.byDays = {{"GPU x: dense throughput", 87.18, 69.74, 0, 0}};
    u.byFacility = {{"rack x: power", 0, 0, 0.967e6, 1.5712e6}, {"ups x: losses", 0, 0, 1.2612e6, 1.2758e6}};
    const auto has = [&](const std::string& line) {
      const std::string text = report::uncertaintyText(u);
      if (text.find(line) != std::string::npos) return true;
      qWarning("no line '%s' in:\n%s", line.c_str(), text.c_str());
      return false;
    };
    QVERIFY(has("\n  87.2 → 69.7 days   GPU x: dense throughput\n"));
    QVERIFY(has("\n  0.967 → 1.571 MW   rack x: power\n"));
    QVERIFY(has("\n  1.261 → 1.276 MW   ups x: losses\n"));
    // A large site keeps its figures' own decimals: 1,201.3 MW.
    u.byFacility = {{"rack x: power", 0, 0, 855.3e6, 1201.33e6}, {"chiller x: COP", 0, 0, 1043.41e6, 1019.31e6}};
    QVERIFY(has("\n    855.3 → 1,201.3 MW   rack x: power\n"));
    QVERIFY(has("\n  1,043.4 → 1,019.3 MW   chiller x: COP\n"));
  }

  void sectionAndJson() {
    const auto r = sample("teaching-hall.yaml");
    report::UncertaintyOptions o;
    o.samples = 30;
    const report::Uncertainty u = report::propagateUncertainty(*r, o);
    const report::Section s = report::uncertaintySection(u);
    QCOMPARE(s.id, std::string("uncertainty"));
    int figures = 0, tables = 0;
    for (const report::Block& b : s.blocks) {
      figures += std::holds_alternative<report::Figure>(b);
      tables += std::holds_alternative<report::Table>(b);
    }
    QCOMPARE(tables, 1);
    QCOMPARE(figures, 2);  // training days and facility power
    const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(report::uncertaintyJson(u))).object();
    QCOMPARE(j["samples"].toInt(), 30);
    QVERIFY(j["facility_w"].toObject()["p10"].toDouble() <= j["facility_w"].toObject()["p90"].toDouble());
    QVERIFY(!j["tornado_facility"].toArray().isEmpty());
    QVERIFY(report::uncertaintyText(u).find("V ±2 %, S ±5 %, E ±10 %, U ±20 %") != std::string::npos);
    // In a report when asked for: right after the training section.
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    const report::TrainingPlan plan = report::planTraining(*r, e);
    report::ReportInputs in{*r, e, plan};
    const report::ReportExtras x = report::reportExtras(*r, e, plan, 20);
    report::attach(in, x);
    const report::ReportDocument doc = report::buildReport(in);
    const auto at = std::find_if(doc.sections.begin(), doc.sections.end(),
                                 [](const report::Section& sec) { return sec.id == "uncertainty"; });
    QVERIFY(at != doc.sections.end() && (at - 1)->id == "training");
    QVERIFY(!report::reportExtras(*r, e, plan).uncertainty);
  }
};

QTEST_APPLESS_MAIN(TestUncertainty)
#include "test_uncertainty.moc"
