// report::compare: metrics side by side, differences and percentages derived by hand from the
// catalog, and findings that appear or disappear counted by (severity, code, object).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/report/comparison.h"
#include "core/report/report_format.h"
#include "report_fixture.h"

using namespace gigaplan;
using report_fixture::Evaluated;

namespace {

const report::ComparedMetric& metric(const report::Comparison& c, const std::string& key) {
  for (const auto& m : c.metrics)
    if (m.key == key) return m;
  static const report::ComparedMetric none;
  QTest::qFail(("no metric " + key).c_str(), __FILE__, __LINE__);
  return none;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The teaching hall with its GB200 row cut from 4 racks to 2 and its grid from 5 MW to 0.4 MW.
Evaluated smallerHall() {
  std::string text = readFile(report_fixture::samplePath("teaching-hall.yaml"));
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    QVERIFY2(at != std::string::npos, from.c_str());
    text.replace(at, from.size(), to);
  };
  replace("racks: 4\n        rack: gb200-nvl72", "racks: 2\n        rack: gb200-nvl72");
  replace("rating: 5 MW", "rating: 0.4 MW");
  Evaluated e;
  e.design = report_fixture::resolve(io::loadDesignText(text, "smaller.yaml", report_fixture::base()));
  e.eval = engine::evaluate(e.design->design, e.design->layout, *e.design->catalog);
  e.training = report::planTraining(*e.design, e.eval);
  return e;
}

}  // namespace

class TestComparison : public QObject {
  Q_OBJECT

 private slots:
  void aDesignAgainstItselfChangesNothing() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const report::Comparison c =
        report::compare({"a.yaml", *a.design, a.eval, &a.training}, {"b.yaml", *a.design, a.eval, &a.training});
    QCOMPARE(c.changedMetrics(), std::size_t{0});
    QVERIFY(c.appeared.empty());
    QVERIFY(c.disappeared.empty());
    // The site's findings with its job's, as validate counts them: the evaluation's and the plan's.
    QCOMPARE(c.kept, report::withTrainingFindings(a.eval, a.training).findings.size());
    QVERIFY(c.kept > a.eval.findings.size());
    QVERIFY(c.metrics.size() >= 30);  // every headline: compute, fabric, power, cooling, reliability, findings
    for (const auto& m : c.metrics) {
      QVERIFY2(m.inA && m.inB, m.key.c_str());
      QCOMPARE(m.difference(), 0.0);
    }
    const std::string text = report::comparisonText(c, true);
    QVERIFY2(text.find("equal, not shown") != std::string::npos, text.c_str());
  }

  // The job's findings count on both sides, as validate counts them, whether the evaluation given
  // carries them (the report's) or not (a loaded design's): the smaller hall's 144 GB200 cannot run
  // the 256-GPU plan, an error that appears in B.
  void trainingFindingsAreCompared() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const Evaluated b = smallerHall();
    const engine::Evaluation withJob = report::withTrainingFindings(a.eval, a.training);
    for (const engine::Evaluation* e : {&a.eval, &withJob}) {
      const report::Comparison c = report::compare({"teaching-hall.yaml", *a.design, *e, &a.training},
                                                   {"smaller.yaml", *b.design, b.eval, &b.training});
      QCOMPARE(metric(c, "errors").b, static_cast<double>(b.eval.errors + 1));
      QCOMPARE(metric(c, "warnings").a, static_cast<double>(withJob.warnings));
      QVERIFY(std::any_of(c.appeared.begin(), c.appeared.end(),
                          [](const engine::Finding& f) { return f.code == "training.no-estimate"; }));
    }
  }

  void removedRacksShowAsDifferences() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const Evaluated b = smallerHall();
    const report::Comparison c = report::compare({"teaching-hall.yaml", *a.design, a.eval, &a.training},
                                                 {"smaller.yaml", *b.design, b.eval, &b.training});
    // Two GB200 NVL72 racks of 72 GPUs each (catalog racks.yaml: gb200-nvl72, gpus 72) leave:
    // 144 GPUs and 2 racks fewer, 2 of the 4 NVLink domains of the GB200 row.
    const auto& gpus = metric(c, "gpus");
    QCOMPARE(gpus.difference(), -144.0);
    QCOMPARE(*gpus.change(), -144.0 / gpus.a);
    QCOMPARE(metric(c, "racks").difference(), -2.0);
    QCOMPARE(metric(c, "source_capacity_mw").a, 5.0);
    QCOMPARE(metric(c, "source_capacity_mw").b, 0.4);
    QCOMPARE(*metric(c, "source_capacity_mw").change(), (0.4 - 5) / 5);
    QVERIFY(metric(c, "it_mw").difference() < 0);
    // Two GB200 racks' FP4 go with them; the plant outdoors stays as it was.
    QCOMPARE(metric(c, "peak_fp4_pflops").a, a.eval.compute.peakFp4 / 1e15);
    QCOMPARE(metric(c, "peak_fp4_pflops").b, b.eval.compute.peakFp4 / 1e15);
    QVERIFY(metric(c, "peak_fp4_pflops").difference() < 0);
    QCOMPARE(metric(c, "rejection_capacity_mw").a, a.eval.cooling.rejectionCapacity / 1e6);
    QVERIFY(metric(c, "rejection_capacity_mw").a > 0);
    // B's peak draw is above its 0.4 MW grid: the source-short error appears, and was not in A.
    QVERIFY(metric(c, "peak_facility_mw").b > 0.4);
    bool sourceShort = false;
    for (const auto& f : c.appeared) sourceShort = sourceShort || f.code == "power.source-short";
    QVERIFY2(sourceShort, report::comparisonText(c).c_str());
    QCOMPARE(metric(c, "errors").a, 0.0);
    QCOMPARE(c.kept + c.disappeared.size(), report::withTrainingFindings(a.eval, a.training).findings.size());
    QCOMPARE(c.kept + c.appeared.size(), report::withTrainingFindings(b.eval, b.training).findings.size());

    const std::string text = report::comparisonText(c);
    QVERIFY2(text.find("\u2212144") != std::string::npos, text.c_str());     // the GPU difference, signed
    QVERIFY2(text.find("\u221292.0 %") != std::string::npos, text.c_str());  // the grid
    const std::string md = report::comparisonMarkdown(c);
    QVERIFY(md.find("| GPUs |") != std::string::npos);
    const std::string json = report::comparisonJson(c);
    QVERIFY(json.find("\"key\": \"gpus\"") != std::string::npos);
    QVERIFY(json.find("\"difference\": -144") != std::string::npos);
  }

  // Power stops at MW, as the report's headline figures do: the campus's facility power reads
  // "1,025 MW", and its difference from a 159 MW site "−867 MW", not "1.03 GW" and "−0.87 GW".
  void gigawattPowerReadsInMegawatts() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("gigawatt-campus.yaml"));
    const report::LoadedDesign b =
        report::loadForComparison(report_fixture::samplePath("colossus1-like.yaml"), report_fixture::base());
    const report::Comparison c = report::compare({"gigawatt-campus.yaml", *a.design, a.eval, &a.training}, b.side());
    const auto& facility = metric(c, "facility_mw");
    QVERIFY(facility.a > 1000);
    QCOMPARE(facility.shownUnit, std::string("MW"));
    QCOMPARE(facility.valueText(false), report::count(static_cast<std::int64_t>(std::lround(facility.a))) + " MW");
    QCOMPARE(metric(c, "source_capacity_mw").shownUnit, std::string("MW"));
    // The H100 site has no FP4 figure ("–", null in the JSON), not "0 EFLOP/s".
    const auto& fp4 = metric(c, "peak_fp4_pflops");
    QVERIFY(fp4.inA && !fp4.inB);
    QCOMPARE(fp4.valueText(true), std::string("\u2013"));
    QVERIFY(report::comparisonText(c).find(" 0 EFLOP/s") == std::string::npos);
  }

  // A row reads in one unit for A, B and the difference, the one its larger side reads best in
  // (units::scaleOf): the teaching hall's switches draw tens of kW, not "0.035 MW", and its FP4
  // beside the GB300 variant's reaches EFLOP/s, not "4,320 PFLOP/s". A row that is zero on both
  // sides keeps its key's unit. The JSON keeps every key's own unit.
  void rowsTakeTheUnitOfTheirLargerSide() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const report::LoadedDesign b =
        report::loadForComparison(report_fixture::samplePath("teaching-hall.yaml") + "#gb300", report_fixture::base());
    const report::Comparison c = report::compare({"teaching-hall.yaml", *a.design, a.eval, &a.training}, b.side());

    const auto& switches = metric(c, "switch_power_mw");
    QCOMPARE(switches.unit, std::string("MW"));  // a and b, as the JSON has them
    QCOMPARE(switches.a, a.eval.fabric.switchPower / 1e6);
    QVERIFY(switches.a > 0.01 && switches.a < 0.1 && switches.b > 0.01 && switches.b < 0.1);  // tens of kW
    QCOMPARE(switches.shownUnit, std::string("kW"));
    QCOMPARE(switches.valueText(false), report::fixed(a.eval.fabric.switchPower / 1e3, 1) + " kW");
    QCOMPARE(switches.valueText(true), report::fixed(b.eval.fabric.switchPower / 1e3, 1) + " kW");
    QCOMPARE(switches.differenceText(),
             "+" + report::fixed((b.eval.fabric.switchPower - a.eval.fabric.switchPower) / 1e3, 1) + " kW");

    const auto& fp4 = metric(c, "peak_fp4_pflops");
    QVERIFY(a.eval.compute.peakFp4 > 1e18 && b.eval.compute.peakFp4 > a.eval.compute.peakFp4);
    QCOMPARE(fp4.shownUnit, std::string("EFLOP/s"));
    QCOMPARE(fp4.valueText(false), report::fixed(a.eval.compute.peakFp4 / 1e18, 2) + " EFLOP/s");
    QCOMPARE(fp4.differenceText(),
             "+" + report::fixed((b.eval.compute.peakFp4 - a.eval.compute.peakFp4) / 1e18, 2) + " EFLOP/s");
    // Below an EFLOP/s on both sides, BF16 stays in PFLOP/s.
    QVERIFY(a.eval.compute.peakBf16 < 1e18 && b.eval.compute.peakBf16 < 1e18);
    QCOMPARE(metric(c, "peak_bf16_pflops").shownUnit, std::string("PFLOP/s"));
    // No batteries on either side: "0 min", not a unit picked for nothing.
    QCOMPARE(metric(c, "ride_through_min").valueText(false), std::string("0 min"));

    // Every quantity's larger side reads from 1 in its row's unit (no "0.035 MW"), and below 1,000
    // but in the largest unit there is (no "4,320 PFLOP/s"); the text and the Markdown print that.
    for (const auto& m : c.metrics) {
      const double larger = std::max(std::fabs(m.a), std::fabs(m.b)) * m.shownScale;
      if (m.unit.empty() || m.unit == "%" || !(larger > 0)) continue;
      QVERIFY2(larger >= 0.9995, (m.key + ": " + m.valueText(false) + " / " + m.valueText(true)).c_str());
      QVERIFY2(larger < 1000 || m.shownUnit == "km", (m.key + ": " + m.valueText(false)).c_str());
    }
    for (const std::string& out : {report::comparisonText(c), report::comparisonMarkdown(c)}) {
      for (const auto* m : {&switches, &fp4}) {
        QVERIFY2(out.find(m->valueText(false)) != std::string::npos, out.c_str());
        QVERIFY2(out.find(m->differenceText()) != std::string::npos, out.c_str());
      }
    }
    // The JSON keeps the key's unit and its values in it.
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(report::comparisonJson(c))).object();
    for (const auto m : json["metrics"].toArray()) {
      const QJsonObject o = m.toObject();
      if (o["key"] == "switch_power_mw") {
        QCOMPARE(o["unit"].toString(), QString("MW"));
        QCOMPARE(o["a"].toDouble(), switches.a);
      }
      if (o["key"] == "peak_fp4_pflops") QCOMPARE(o["unit"].toString(), QString("PFLOP/s"));
    }
  }

  void findingsMatchBySeverityCodeAndObject() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    engine::Evaluation ea = a.eval, eb = a.eval;
    using engine::Severity;
    ea.findings = {engine::makeFinding(Severity::Warning, "x", "c.one", "first"),
                   engine::makeFinding(Severity::Warning, "x", "c.one", "second"),
                   engine::makeFinding(Severity::Error, "y", "c.two", "gone")};
    eb.findings = {engine::makeFinding(Severity::Warning, "x", "c.one", "first, with a figure that moved"),
                   engine::makeFinding(Severity::Info, "z", "c.three", "new")};
    const report::Comparison c = report::compare({"a", *a.design, ea, nullptr}, {"b", *a.design, eb, nullptr});
    QCOMPARE(c.kept, std::size_t{1});  // one of the two c.one warnings on x is in both
    QCOMPARE(c.appeared.size(), std::size_t{1});
    QCOMPARE(c.appeared[0].code, std::string("c.three"));
    QCOMPARE(c.disappeared.size(), std::size_t{2});
    QCOMPARE(c.disappeared[0].message, std::string("second"));
    QCOMPARE(c.disappeared[1].code, std::string("c.two"));
  }

  void trainingOnOneSideOnly() {
    const Evaluated& a = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const Evaluated& b = report_fixture::evaluated(report_fixture::samplePath("llama3-cluster.yaml"));
    QVERIFY(b.training.ok);
    const report::Comparison c =
        report::compare({"a", *a.design, a.eval, nullptr}, {"b", *b.design, b.eval, &b.training});
    const auto& days = metric(c, "training_days");
    QVERIFY(!days.inA && days.inB);
    QVERIFY(!days.change());
    QCOMPARE(days.b, b.training.estimate.effectiveTrainingDays);
    QVERIFY(report::comparisonJson(c).find("\"a\": null") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestComparison)
#include "test_comparison.moc"
