// SiteScene keeps what it reads: the select tool and the tooltips read rack and gear specs through
// scene.layout() long after build() returned, so the scene's layout must point into a catalog the
// scene itself keeps alive. Before, it copied the layout with its pointers into the caller's
// catalog: once the caller's design went (a new file opened, an edit resolved), every read was a
// use after free (ASan: heap-use-after-free in SelectTool::idsInRect).
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <QTest>
#include <memory>

#include "core/design/resolved_design.h"
#include "sample_sites.h"
#include "widgets/scene/site_scene.h"

using namespace gigaplan;
using widgets::scene::SiteScene;

class TestSceneLifetime : public QObject {
  Q_OBJECT
 private slots:
  void sceneOutlivesTheLayoutAndCatalogItWasBuiltFrom() {
    vtkNew<vtkRenderer> renderer;
    SiteScene scene(renderer);
    double height = 0;
    {
      auto site = std::make_unique<testing::SampleSite>(testing::teachingHall());
      QVERIFY(!site->layout.catalog);  // a hand-built layout borrows its catalog
      height = site->catalog.rack(site->layout.racks.front().type)->height;
      scene.build(site->layout, site->catalog);
    }  // the caller's catalog and layout are gone; the scene must not point into them
    const design::Layout& L = scene.layout();
    QVERIFY(L.catalog);
    QVERIFY(!L.racks.empty());
    for (const design::Rack& r : L.racks) QCOMPARE(r.spec, L.catalog->rack(r.type));
    for (const design::PowerNode& n : L.power)
      if (!n.model.empty()) QCOMPARE(n.spec, L.catalog->power(n.model));
    for (const design::CoolingUnit& u : L.cooling) QCOMPARE(u.spec, L.catalog->cooling(u.model));
    // What the select tool reads (a rack's height, to find its middle on screen).
    QCOMPARE(L.racks.front().spec->height, height);
    QVERIFY(scene.describe(*scene.find(L.racks.front().id)).find(L.racks.front().id) != std::string::npos);
  }

  void sceneSharesAResolvedDesignsCatalog() {
    // A layout that owns its catalog (design::resolve) is shared, not copied: the scene holds the
    // same catalog, and it lives on after the resolved design is released.
    testing::SampleSite site = testing::teachingHall();
    auto owned = std::make_shared<const catalog::Catalog>(site.catalog);
    design::Layout layout = design::rebind(site.layout, owned);
    vtkNew<vtkRenderer> renderer;
    SiteScene scene(renderer);
    scene.build(layout, *owned);
    QCOMPARE(scene.layout().catalog, owned);
    const std::weak_ptr<const catalog::Catalog> watch = owned;
    owned.reset();
    layout = {};
    QVERIFY(!watch.expired());  // the scene keeps it
    QCOMPARE(scene.layout().racks.front().spec, scene.layout().catalog->rack(scene.layout().racks.front().type));
  }
};

QTEST_GUILESS_MAIN(TestSceneLifetime)
#include "test_scene_lifetime.moc"
