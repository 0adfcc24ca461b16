// Colouring by failure domain: on every bundled sample, two racks that stand next to each other
// (within 3 m: along a row or across an aisle) but fail with different elements never share a
// colour, and the palette draws each domain in the colour chosen for it.
#include <QtTest>

#include <cmath>

#include "app/gui/color_scalars.h"
#include "core/evaluate/evaluation.h"
#include "design_test_support.h"
#include "widgets/scene/scalar_palette.h"

using namespace gigaplan;
using widgets::scene::ColorBy;

class TestColorScalars : public QObject {
  Q_OBJECT
 private slots:
  void neighbouringDomainsDiffer_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"teaching-hall.yaml", "superpod-gb200-su.yaml", "llama3-cluster.yaml", "colossus1-like.yaml"})
      QTest::newRow(f) << f;
  }

  void neighbouringDomainsDiffer() {
    QFETCH(QString, file);
    const auto r = test::sample(file.toStdString());
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    const auto s = app::colorScalars(ColorBy::FailureDomain, *r, e);
    QCOMPARE(s.categoryColors.size(), s.categories.size());
    const widgets::scene::ScalarPalette palette(ColorBy::FailureDomain, s);
    const auto& racks = r->layout.racks;
    int pairs = 0;
    for (std::size_t a = 0; a < racks.size(); ++a) {
      for (std::size_t b = a + 1; b < racks.size(); ++b) {
        if (std::isnan(s.racks[a]) || std::isnan(s.racks[b]) || s.racks[a] == s.racks[b]) continue;
        const double d =
            std::hypot(racks[a].position.x - racks[b].position.x, racks[a].position.y - racks[b].position.y);
        if (d > 3.0) continue;
        ++pairs;
        QVERIFY2(palette.color(s.racks[a]) != palette.color(s.racks[b]),
                 qPrintable(QString("%1 and %2 (%3 m apart) share a colour")
                                .arg(QString::fromStdString(racks[a].id), QString::fromStdString(racks[b].id))
                                .arg(d)));
      }
    }
    qInfo("%d neighbouring pairs in different domains", pairs);
  }
};

QTEST_GUILESS_MAIN(TestColorScalars)
#include "test_color_scalars.moc"
