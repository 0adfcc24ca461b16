// report::compare: metrics side by side, differences and percentages derived by hand from the
// catalog, and findings that appear or disappear counted by (severity, code, object).
#include <QtTest>

#include <fstream>
#include <sstream>

#include "core/report/comparison.h"
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
