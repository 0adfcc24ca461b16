// Validation against published runs (shared/reference/training-runs.md and the Llama 3 paper):
// one data row per published figure, with its source, checked within its tolerance (±10 % for
// Megatron-LM Table 1 and the paper's day estimates, ±15 % for the NVIDIA FP8 rows), using the
// repository catalog and its gpu_efficiency.yaml. The cases themselves live in
// core/training/validation.cpp so `gigaplan train --validation-report` prints the same rows.
#include <QtTest>

#include <cmath>

#include "core/training/validation.h"
#include "training_fixtures.h"

using namespace gigaplan::training;

Q_DECLARE_METATYPE(ValidationCase)

class TestTrainingValidation : public QObject {
  Q_OBJECT

 private slots:
  void publishedRows_data() {
    QTest::addColumn<ValidationCase>("testCase");
    QTest::addColumn<QString>("source");  // shown when a row fails
    for (const auto& c : validationCases()) {
      QTest::newRow(c.name.c_str()) << c << QString::fromStdString(c.source + " — " + c.assumptions);
    }
  }
  void publishedRows() {
    QFETCH(ValidationCase, testCase);
    QFETCH(QString, source);
    const double predicted = predict(testCase, test::repositoryCatalog());
    const double error = (predicted - testCase.published) / testCase.published;
    const QString why = QString("predicted %1, published %2 (%3 %), tolerance %4 %; source: %5")
                            .arg(predicted, 0, 'f', 1)
                            .arg(testCase.published)
                            .arg(100 * error, 0, 'f', 1)
                            .arg(100 * testCase.tolerance)
                            .arg(source);
    QVERIFY2(std::fabs(error) <= testCase.tolerance, qPrintable(why));
  }

  void coversTheReferenceFile() {
    int megatron = 0, estimates = 0, fp8 = 0;
    for (const auto& c : validationCases()) {
      QVERIFY(!c.source.empty());
      if (c.name.rfind("Megatron Table 1", 0) == 0) ++megatron;
      if (c.metric == ValidationMetric::TrainingDays) ++estimates;
      if (c.job.training.precision == Precision::FP8) {
        ++fp8;
        QCOMPARE(c.tolerance, 0.15);
      }
    }
    QCOMPARE(megatron, 10);  // every Table 1 row
    QCOMPARE(estimates, 2);  // 34 and 84 days
    QCOMPARE(fp8, 8);        // every NVIDIA FP8 row
  }

  void reportListsEveryRowWithItsSource() {
    const auto& cat = test::repositoryCatalog();
    const auto results = runValidation(cat);
    const std::string md = validationMarkdown(results, cat);
    for (const auto& r : results) {
      QVERIFY2(md.find(r.testCase.name) != std::string::npos, r.testCase.name.c_str());
      QVERIFY(md.find(r.testCase.source) != std::string::npos);
    }
    QVERIFY(md.find("| # | case | metric | published | predicted | error | within | source |") != std::string::npos);
    QVERIFY(md.find("gemm_peak_fraction = 0.76") != std::string::npos);  // parameters used, per GPU type
  }
};

QTEST_APPLESS_MAIN(TestTrainingValidation)
#include "test_training_validation.moc"
