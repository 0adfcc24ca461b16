// Every bundled sample evaluates without throwing, and its energy balance holds exactly:
// IT + network + cooling + losses = what the sources give (nominal and peak), with nothing stranded;
// and its heat balance: everything drawn from the sources leaves the site as heat to ambient
// (racks, switches, the chain's losses and the cooling gear's own draw), none without a path;
// and a single failure stops more than the design's allowed share of GPUs only where the header says so.
#include <QtTest>

#include <algorithm>
#include <filesystem>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/evaluate/evaluation_json.h"
#include "core/io/design_io.h"

using namespace gigaplan;

class TestEngineSamples : public QObject {
  Q_OBJECT
 private slots:
  void sample_data() {
    QTest::addColumn<QString>("path");
    for (const auto& entry : std::filesystem::directory_iterator(GIGAPLAN_SOURCE_DIR "/samples"))
      if (entry.path().extension() == ".yaml")
        QTest::newRow(entry.path().filename().string().c_str()) << QString::fromStdString(entry.path().string());
  }
  void sample() {
    QFETCH(QString, path);
    static const catalog::Catalog base = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    std::shared_ptr<const design::ResolvedDesign> r;
    try {
      r = design::resolve(io::loadDesign(path.toStdString(), base), base);
    } catch (const io::LoadError& e) {
      QFAIL(e.what());
    }
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    QVERIFY(e.compute.gpus > 0);
    for (const power::PowerFlow* f : {&e.power.nominal, &e.power.peak}) {
      const double lhs = f->it + f->network + f->cooling + f->losses;
      QVERIFY2(
          std::fabs(lhs - f->sourceDraw) <= 1e-9 * f->sourceDraw,
          qPrintable(QString("%1 W in loads vs %2 W from sources").arg(lhs, 0, 'f', 3).arg(f->sourceDraw, 0, 'f', 3)));
      QCOMPARE(f->stranded, 0.0);
    }
    QVERIFY(e.power.pue > 1.0 && e.power.pue < 2.0);
    QVERIFY(e.cooling.heat > 0);
    const cooling::CoolingResult& c = e.cooling;
    const double generated = e.power.facility;  // W drawn from the sources, all of it heat in the end
    QVERIFY2(std::fabs(generated - c.rejected) <= 1e-9 * generated,
             qPrintable(QString("%1 W generated vs %2 W rejected to ambient")
                            .arg(generated, 0, 'f', 3)
                            .arg(c.rejected, 0, 'f', 3)));
    QVERIFY2(std::fabs(c.heat + c.lossHeat + c.power - generated) <= 1e-9 * generated,
             qPrintable(QString("%1 W of heat placed vs %2 W generated")
                            .arg(c.heat + c.lossHeat + c.power, 0, 'f', 3)
                            .arg(generated, 0, 'f', 3)));
    QVERIFY(std::fabs(c.lossHeat - e.power.losses) <= 1e-9 * generated);
    QCOMPARE(c.unassignedHeat, 0.0);
    for (const engine::Finding& f : e.findings)
      QVERIFY2(f.code != "cooling.not-cooled" && f.code != "cooling.no-heat-sink" && f.code != "cooling.heat-runaway",
               qPrintable(QString::fromStdString(f.object + ": " + f.message)));
    QVERIFY(!engine::evaluationToJson(e, r->layout).empty());
    // A sample where one failure stops more than its allowed share of the GPUs says so in its
    // header: the risk is deliberate and stated, not an accident of the layout.
    const bool large = std::any_of(e.findings.begin(), e.findings.end(), [](const engine::Finding& f) {
      return f.code == "reliability.large-failure-domain";
    });
    if (large)
      QVERIFY2(r->design.headerComment.find("reliability.large-failure-domain") != std::string::npos,
               "a single failure stops more than site.max_failure_share of the GPUs and the header does not state it");
  }
};

QTEST_GUILESS_MAIN(TestEngineSamples)
#include "test_engine_samples.moc"
