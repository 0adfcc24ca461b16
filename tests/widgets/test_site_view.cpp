// The site view on screen (run under xvfb-run): it draws the site, every colour mode changes the
// pixels of the objects it colours, a click where a rack projects selects it, drag orbits, the
// wheel zooms towards the cursor, presets frame the site, themes change the look, offscreen
// screenshots work, and the teaching hall matches a small baseline image.
#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/design_io.h"
#include "sample_sites.h"
#include "widgets/scene/plan_overlay.h"
#include "widgets/scene/scalar_palette.h"
#include "widgets/scene/site_scene.h"
#include "widgets/viewport/graphics_setup.h"
#include "widgets/viewport/site_screenshot.h"
#include "widgets/viewport/site_view.h"

using namespace gigaplan::widgets;
using namespace gigaplan::widgets::scene;
using gigaplan::testing::teachingHall;

Q_DECLARE_METATYPE(ColorBy)

namespace {

constexpr QSize kViewSize(640, 400);

/// Widget position where a world point projects.
QPoint project(SiteView& view, const std::array<double, 3>& world) {
  const auto d = worldToDisplay(view.renderer(), world);
  const double dpr = view.devicePixelRatioF();
  const int deviceHeight = static_cast<int>(std::lround(view.height() * dpr));
  return {static_cast<int>(std::lround(d[0] / dpr)), static_cast<int>(std::lround((deviceHeight - 1 - d[1]) / dpr))};
}

QPoint projectObject(SiteView& view, const std::string& id) {
  return project(view, *view.scene().pickPoint(*view.scene().find(id)));
}

/// A mouse move with no button pressed, as the window system sends while hovering.
void hover(SiteView& view, const QPoint& pos) {
  QMouseEvent move(QEvent::MouseMove, pos, view.mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(&view, &move);
}

/// Hue-like comparison that ignores how brightly a face is lit: distance between the colours'
/// chromaticities (r, g, b divided by their sum).
double chromaDistance(const QColor& pixel, const Rgb& expected) {
  const double ps = pixel.redF() + pixel.greenF() + pixel.blueF() + 1e-9;
  const double es = expected.r + expected.g + expected.b + 1e-9;
  return std::abs(pixel.redF() / ps - expected.r / es) + std::abs(pixel.greenF() / ps - expected.g / es) +
         std::abs(pixel.blueF() / ps - expected.b / es);
}

using Pt = std::array<double, 2>;

const gigaplan::catalog::Catalog& baseCatalog() {
  static const auto cat = gigaplan::catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}

std::shared_ptr<const gigaplan::design::ResolvedDesign> loadSample(const std::string& name, int tiers = -1) {
  auto design = gigaplan::io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/" + name, baseCatalog());
  if (tiers >= 0) design.network.tiers = tiers;
  return gigaplan::design::resolve(std::move(design), baseCatalog());
}

double pointToSegment(const Pt& p, const Pt& a, const Pt& b) {
  const double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0.0, 1.0) : 0;
  return std::hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

bool segmentsCross(const Pt& a, const Pt& b, const Pt& c, const Pt& d) {
  auto side = [](const Pt& p, const Pt& q, const Pt& r) {
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  };
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/// Clear distance between two convex quadrilaterals on screen (0 when they touch or cross).
double quadGap(const std::array<Pt, 4>& p, const std::array<Pt, 4>& q) {
  double gap = INFINITY;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      const Pt &a = p[i], &b = p[(i + 1) % 4], &c = q[j], &d = q[(j + 1) % 4];
      if (segmentsCross(a, b, c, d)) return 0;
      gap = std::min({gap, pointToSegment(a, c, d), pointToSegment(c, a, b)});
    }
  return gap;
}

int distinctColours(const QImage& img) {
  std::set<QRgb> colours;
  for (int y = 0; y < img.height(); y += 2)
    for (int x = 0; x < img.width(); x += 2) colours.insert(img.pixel(x, y) & 0xf0f0f0);
  return static_cast<int>(colours.size());
}

/// Hand-made values for one colour mode: racks get values by index, power and cooling too.
ColorScalars handMadeScalars(ColorBy mode) {
  ColorScalars s;
  const bool categorical = isCategorical(mode);
  for (int i = 0; i < 8; ++i) s.racks.push_back(categorical ? i % 2 + (i >= 4 ? 2 : 0) : 90e3 + 5e3 * i);
  // One colour scale for all layers: continuous values of comparable size.
  s.power = {categorical ? 1.0 : 130e3, categorical ? 2.0 : 80e3, categorical ? 0.0 : 100e3, categorical ? 3.0 : 110e3};
  s.cooling = {categorical ? 2.0 : 85e3, categorical ? 3.0 : 128e3};
  if (mode == ColorBy::FeedUtilisation)
    for (auto* layer : {&s.racks, &s.power, &s.cooling})
      for (double& v : *layer) v /= 120e3;
  s.unit = mode == ColorBy::FeedUtilisation ? "%" : "kW";
  s.unitScale = mode == ColorBy::FeedUtilisation ? 100 : 1e-3;
  return s;
}

}  // namespace

class TestSiteView : public QObject {
  Q_OBJECT

  std::unique_ptr<SiteView> makeView() {
    auto view = std::make_unique<SiteView>();
    view->setAnimationDuration(0);
    view->resize(kViewSize);
    view->setTheme(lightTheme());
    const auto site = teachingHall();
    view->setSite(site.layout, site.catalog);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get())) return nullptr;
    return view;
  }

 private slots:
  void drawsTheSite() {
    auto view = makeView();
    QVERIFY(view);
    const QImage img = view->grabFramebuffer();
    QCOMPARE(img.size(), kViewSize * view->devicePixelRatio());
    QVERIFY2(distinctColours(img) > 40, "the view looks blank");
    const QColor rack = img.pixelColor(projectObject(*view, "h1-row1-2") * view->devicePixelRatio());
    QVERIFY2(chromaDistance(rack, typeColor(RackShape::RackScale)) < 0.12, qPrintable(rack.name()));
    const QColor chiller = img.pixelColor(projectObject(*view, "chiller-1") * view->devicePixelRatio());
    QVERIFY2(chromaDistance(chiller, typeColor(gigaplan::design::CoolingKind::Chiller)) < 0.12,
             qPrintable(chiller.name()));
  }

  void colourModeRecoloursObjects_data() {
    QTest::addColumn<ColorBy>("mode");
    for (ColorBy m : kAllColorBy)
      if (m != ColorBy::Type) QTest::newRow(std::string(toKey(m)).c_str()) << m;
  }
  void colourModeRecoloursObjects() {
    QFETCH(ColorBy, mode);
    auto view = makeView();
    QVERIFY(view);
    const double dpr = view->devicePixelRatio();
    const QImage byType = view->grabFramebuffer();
    const ColorScalars s = handMadeScalars(mode);
    view->setColorBy(mode, s);
    const QImage byValue = view->grabFramebuffer();
    const ScalarPalette palette(mode, s);
    // Each probed object shows its value's colour, and differs from colour-by-type.
    for (const char* id : {"h1-row1-1", "h1-row2-4", "ups-1", "cdu-1"}) {
      const auto ref = *view->scene().find(id);
      const std::vector<double>& values = ref.kind == ObjectKind::Rack    ? s.racks
                                          : ref.kind == ObjectKind::Power ? s.power
                                                                          : s.cooling;
      const Rgb expected = *palette.color(values[static_cast<std::size_t>(ref.index)]);
      const QPoint p = projectObject(*view, id) * dpr;
      const QColor now = byValue.pixelColor(p), before = byType.pixelColor(p);
      QVERIFY2(chromaDistance(now, expected) < 0.12 ||
                   (std::abs(expected.r - expected.g) < 0.1 && std::abs(expected.g - expected.b) < 0.1),
               qPrintable(QString("%1: pixel %2, expected %3")
                              .arg(id, now.name(), QColor::fromRgbF(expected.r, expected.g, expected.b).name())));
      const int change = std::abs(now.red() - before.red()) + std::abs(now.green() - before.green()) +
                         std::abs(now.blue() - before.blue());
      const Rgb typeRgb = ref.kind == ObjectKind::Rack    ? typeColor(RackShape::RackScale)
                          : ref.kind == ObjectKind::Power ? typeColor(gigaplan::design::PowerKind::Ups)
                                                          : typeColor(gigaplan::design::CoolingKind::Cdu);
      if (chromaDistance(QColor::fromRgbF(expected.r, expected.g, expected.b), typeRgb) > 0.1)
        QVERIFY2(change > 30, qPrintable(QString("%1 did not change colour").arg(id)));
    }
    // Racks with different values get different colours.
    const QColor a = byValue.pixelColor(projectObject(*view, "h1-row1-1") * dpr);
    const QColor b = byValue.pixelColor(projectObject(*view, "h1-row2-4") * dpr);
    QVERIFY(std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 30);
  }

  void clickSelectsTheRackUnderTheCursor() {
    auto view = makeView();
    QVERIFY(view);
    QSignalSpy spy(view.get(), &SiteView::selectionChanged);
    const QPoint p = projectObject(*view, "h1-row2-3");
    const QColor before = view->grabFramebuffer().pixelColor(p * view->devicePixelRatio());
    QTest::mouseClick(view.get(), Qt::LeftButton, {}, p);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toStringList(), QStringList{"h1-row2-3"});
    QCOMPARE(view->selection(), QStringList{"h1-row2-3"});
    const QColor after = view->grabFramebuffer().pixelColor(p * view->devicePixelRatio());
    QVERIFY2(chromaDistance(after, lightTheme().selection) < chromaDistance(before, lightTheme().selection),
             qPrintable(after.name() + " vs " + before.name()));
    // Shift adds, ctrl toggles, a click on empty ground clears.
    QTest::mouseClick(view.get(), Qt::LeftButton, Qt::ShiftModifier, projectObject(*view, "cdu-1"));
    QCOMPARE(view->selection(), (QStringList{"cdu-1", "h1-row2-3"}));
    QTest::mouseClick(view.get(), Qt::LeftButton, Qt::ControlModifier, p);
    QCOMPARE(view->selection(), QStringList{"cdu-1"});
    QTest::mouseClick(view.get(), Qt::LeftButton, {}, QPoint(3, kViewSize.height() - 3));
    QCOMPARE(view->selection(), QStringList{});
    QCOMPARE(spy.count(), 3);
  }

  void hoverShowsWhatIsUnderTheCursor() {
    auto view = makeView();
    QVERIFY(view);
    QSignalSpy spy(view.get(), &SiteView::hoverChanged);
    hover(*view, projectObject(*view, "ups-1"));
    QCOMPARE(view->hoveredId(), QString("ups-1"));
    QCOMPARE(spy.count(), 1);
    QVERIFY(view->lastPickSeconds() < 0.05);
    hover(*view, projectObject(*view, "ups-1") + QPoint(1, 0));  // same object: no new signal
    QCOMPARE(spy.count(), 1);
    hover(*view, QPoint(3, kViewSize.height() - 3));
    QCOMPARE(view->hoveredId(), QString());
    QCOMPARE(spy.count(), 2);
  }

  void setSelectionByIdAndFitSelection() {
    auto view = makeView();
    QVERIFY(view);
    QSignalSpy spy(view.get(), &SiteView::selectionChanged);
    view->setSelection({"h1-row1"});
    QCOMPARE(view->selection().size(), 4);
    QCOMPARE(spy.count(), 1);
    view->setSelection({"h1-row1"});  // unchanged: no signal
    QCOMPARE(spy.count(), 1);
    const double before = view->cameraPose().distance;
    const int spanBefore = (projectObject(*view, "h1-row1-4") - projectObject(*view, "h1-row1-1")).manhattanLength();
    view->fitSelection();
    QVERIFY(view->cameraPose().distance < before);
    const QPoint first = projectObject(*view, "h1-row1-1"), last = projectObject(*view, "h1-row1-4");
    QVERIFY(view->rect().contains(first) && view->rect().contains(last));
    QVERIFY2((last - first).manhattanLength() > 2 * spanBefore, "the selection is not framed closely");
  }

  void rebuildingKeepsTheSelectionById() {
    auto view = makeView();
    QVERIFY(view);
    view->setSelection({"h1-row1-2", "cdu-1"});
    QSignalSpy spy(view.get(), &SiteView::selectionChanged);
    const CameraPose pose = view->cameraPose();
    auto site = teachingHall();
    site.layout.racks[1].position.x += 0.3;  // an edit moved the rack
    view->setSite(site.layout, site.catalog, false);
    QCOMPARE(view->selection(), (QStringList{"cdu-1", "h1-row1-2"}));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(view->cameraPose().distance, pose.distance);  // not re-framed
    site.layout.cooling.pop_back();                        // cdu-1 is gone
    site.layout.coolingIndex.erase("cdu-1");
    for (auto& r : site.layout.racks) r.cdu = gigaplan::design::kNone;
    view->setSite(site.layout, site.catalog, false);
    QCOMPARE(view->selection(), QStringList{"h1-row1-2"});
    QCOMPARE(spy.count(), 1);
  }

  void dragOrbitsAroundTheVertical() {
    auto view = makeView();
    QVERIFY(view);
    const CameraPose before = view->cameraPose();
    const QPoint c(kViewSize.width() / 2, kViewSize.height() / 2);
    QTest::mousePress(view.get(), Qt::LeftButton, {}, c);
    for (int i = 1; i <= 10; ++i) QTest::mouseMove(view.get(), c + QPoint(10 * i, 0));
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, c + QPoint(100, 0));
    const CameraPose after = view->cameraPose();
    QVERIFY(std::abs(after.azimuth - before.azimuth) > 10);
    QVERIFY(std::abs(after.elevation - before.elevation) < 1);
    QVERIFY(view->selection().isEmpty());  // a drag is not a click
    // Dragging far up or down never rolls over the top or under the ground.
    QTest::mousePress(view.get(), Qt::LeftButton, {}, c);
    for (int i = 1; i <= 10; ++i) QTest::mouseMove(view.get(), c + QPoint(0, 40 * i));
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, c + QPoint(0, 400));
    QVERIFY(view->cameraPose().elevation >= kMinElevation - 1e-9);
    QVERIFY(view->cameraPose().elevation <= 90);
    double up[3];
    view->renderer()->GetActiveCamera()->GetViewUp(up);
    QVERIFY(up[2] >= 0);
  }

  void gearIsCoarseOnlyWhileTheCameraMoves() {
    auto view = makeView();
    QVERIFY(view);
    QCOMPARE(view->scene().detail(), SiteScene::Detail::Full);
    const QImage resting = view->grabFramebuffer();
    const QPoint c(kViewSize.width() / 2, kViewSize.height() / 2);
    QTest::mousePress(view.get(), Qt::LeftButton, {}, c);
    QTest::mouseMove(view.get(), c + QPoint(1, 0));
    QTest::mouseMove(view.get(), c + QPoint(2, 0));
    QCOMPARE(view->scene().detail(), SiteScene::Detail::Moving);
    // The coarse chiller is drawn in the chiller's colour, and the frame differs from the full one
    // (fans and fins are gone) though the camera has barely turned.
    const QImage moving = view->grabFramebuffer();
    const QColor chiller = moving.pixelColor(projectObject(*view, "chiller-1") * view->devicePixelRatio());
    QVERIFY2(chromaDistance(chiller, typeColor(gigaplan::design::CoolingKind::Chiller)) < 0.12,
             qPrintable(chiller.name()));
    QVERIFY(moving != resting);
    // Busway bars are left out while moving: where one was, something else shows.
    const QPoint bar = projectObject(*view, "busway-a") * view->devicePixelRatio();
    QVERIFY2(moving.pixel(bar) != resting.pixel(bar), qPrintable(moving.pixelColor(bar).name()));
    // Holding the button without moving keeps the coarse frame; releasing brings full detail back
    // once the camera rests.
    QTest::qWait(300);
    QCOMPARE(view->scene().detail(), SiteScene::Detail::Moving);
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, c + QPoint(2, 0));
    QTRY_COMPARE_WITH_TIMEOUT(view->scene().detail(), SiteScene::Detail::Full, 2000);
    // The bar is back, in the busway's colour (its shading may differ: the camera turned 2 px).
    const auto busway = typeColor(gigaplan::design::PowerKind::Busway);
    QVERIFY2(chromaDistance(resting.pixelColor(bar), busway) < 0.12, qPrintable(resting.pixelColor(bar).name()));
    QTRY_VERIFY_WITH_TIMEOUT(chromaDistance(view->grabFramebuffer().pixelColor(bar), busway) < 0.12, 2000);
    // A wheel step is a short move of its own.
    QWheelEvent notch(c, view->mapToGlobal(c), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.get(), &notch);
    QCOMPARE(view->scene().detail(), SiteScene::Detail::Moving);
    QTRY_COMPARE_WITH_TIMEOUT(view->scene().detail(), SiteScene::Detail::Full, 2000);
  }

  void wheelZoomsTowardsTheCursor() {
    auto view = makeView();
    QVERIFY(view);
    const QPoint cursor(kViewSize.width() / 3, kViewSize.height() / 2);
    const Ray ray = displayRay(view->renderer(), cursor.x() * view->devicePixelRatioF(),
                               (kViewSize.height() - 1 - cursor.y()) * view->devicePixelRatioF());
    const auto ground = hitPlane(ray, 0.0);
    QVERIFY(ground);
    const double before = view->cameraPose().distance;
    QWheelEvent half(cursor, view->mapToGlobal(cursor), QPoint(), QPoint(0, 60), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.get(), &half);
    QCOMPARE(view->cameraPose().distance, before);  // half a notch is accumulated, not applied
    QApplication::sendEvent(view.get(), &half);
    QVERIFY(view->cameraPose().distance < before / 1.1);
    const QPoint still = project(*view, *ground);
    QVERIFY2((still - cursor).manhattanLength() <= 2, "the point under the cursor moved");
  }

  void presetsFrameTheSite() {
    auto view = makeView();
    QVERIFY(view);
    view->showPlan();
    QCOMPARE(view->cameraPose().elevation, 90.0);
    const auto site = teachingHall();
    for (const auto& r : site.layout.racks) QVERIFY(view->rect().contains(projectObject(*view, r.id)));
    const QPoint west = projectObject(*view, "tx-1"), east = projectObject(*view, "chiller-1");
    QVERIFY(west.x() < east.x());  // north up, east right
    QVERIFY(view->rect().contains(west) && view->rect().contains(east));
    view->showIsometric();
    QCOMPARE(view->cameraPose().elevation, kIsoElevation);
    view->fitAll();
    QVERIFY(view->rect().contains(projectObject(*view, "tx-1")));
  }

  // The site, its hall names included, stands clear of the legend (its swatches and the names
  // left of them), and stays so when the view is resized before the planner moves the camera.
  void framingClearsTheLegendAndFollowsAResize() {
    auto view = makeView();
    QVERIFY(view);
    auto rightmost = [&] {
      const auto b = view->scene().bounds();
      int x = -1;
      for (int i = 0; i < 8; ++i)
        x = std::max(x, project(*view, {b[(i & 1) ? 1 : 0], b[(i & 2) ? 3 : 2], b[(i & 4) ? 5 : 4]}).x());
      return x;
    };
    // The legend's left edge, names included: the leftmost pixel that changes when it is hidden
    // (hiding it does not move the camera).
    auto legendLeft = [&] {
      const QImage with = view->grabFramebuffer().scaled(view->size());
      view->scene().setLegendVisible(false);
      const QImage without = view->grabFramebuffer().scaled(view->size());
      view->scene().setLegendVisible(true);
      int left = with.width();
      for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < left; ++x)
          if (with.pixel(x, y) != without.pixel(x, y)) left = x;
      return left;
    };
    for (const QSize size : {kViewSize, QSize(kViewSize.width() * 3 / 2, kViewSize.height()),
                             QSize(kViewSize.width() * 3 / 4, kViewSize.height())}) {
      view->resize(size);
      QTRY_COMPARE(view->renderer()->GetSize()[0],
                   static_cast<int>(std::lround(size.width() * view->devicePixelRatioF())));
      const int site = rightmost(), legend = legendLeft();
      QVERIFY2(site < legend && legend < size.width(),
               qPrintable(QString("at %1 px: site to x = %2, legend from %3").arg(size.width()).arg(site).arg(legend)));
    }
    // The hall's name lies inside the framed extent.
    const auto site = teachingHall();
    const auto& hall = site.layout.halls.front();
    QVERIFY(view->scene().bounds()[2] < hall.origin.y - 1.2);
    // Once the planner has turned the camera, a resize leaves it where it is.
    const QPoint c(view->width() / 2, view->height() / 2);
    QTest::mousePress(view.get(), Qt::LeftButton, {}, c);
    QTest::mouseMove(view.get(), c + QPoint(30, 0));
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, c + QPoint(30, 0));
    const CameraPose turned = view->cameraPose();
    view->resize(kViewSize);
    QTRY_COMPARE(view->width(), kViewSize.width());
    QCOMPARE(view->cameraPose().distance, turned.distance);
    QCOMPARE(view->cameraPose().azimuth, turned.azimuth);
  }

  // The north arrow and its "N" keep clear of the view's edges whichever way north points: in
  // the plan, the isometric view (where it points up and to the left, and its letter once sat at
  // the very edge) and with the camera turned all round, at a laptop's size and a small one.
  void northArrowStaysInsideTheView() {
    auto view = makeView();
    QVERIFY(view);
    const double dpr = view->devicePixelRatioF();
    for (const QSize size : {QSize(1366, 768), kViewSize}) {
      view->resize(size);
      QTRY_COMPARE(view->renderer()->GetSize()[0], static_cast<int>(std::lround(size.width() * dpr)));
      const int* px = view->renderer()->GetSize();
      const double clear = 12 * dpr;  // the overlay keeps 18 px; the letter's box is measured loosely
      for (const double elevation : {kIsoElevation, 60.0, kPlanElevation})
        for (double azimuth = -180; azimuth < 180; azimuth += 15) {
          CameraPose pose = view->cameraPose();
          pose.azimuth = azimuth;
          pose.elevation = elevation;
          view->setCameraPose(pose);
          view->grabFramebuffer();  // a frame: the overlay is laid out as it starts
          const auto& overlay = view->scene().overlay();
          QVERIFY(overlay.northShown());
          const auto b = overlay.northBounds();
          QVERIFY2(b[0] >= clear && b[1] <= px[0] - clear && b[2] >= clear && b[3] <= px[1] - clear,
                   qPrintable(QString("%1x%2, azimuth %3, elevation %4: arrow over x %5..%6, y %7..%8")
                                  .arg(px[0])
                                  .arg(px[1])
                                  .arg(azimuth)
                                  .arg(elevation)
                                  .arg(b[0])
                                  .arg(b[1])
                                  .arg(b[2])
                                  .arg(b[3])));
          // The arrow's 34 px, the gap to its letter and the letter itself (it was measured).
          QVERIFY(std::hypot(b[1] - b[0], b[3] - b[2]) > 45 * dpr);
        }
    }
    view->showIsometric();
    view->grabFramebuffer();
    const auto b = view->scene().overlay().northBounds();
    QVERIFY(b[1] < view->renderer()->GetSize()[0] / 4);  // still in the top-left corner
    QVERIFY(b[2] > view->renderer()->GetSize()[1] / 2);
  }

  // Halls standing side by side have their names on one line. Seen from the isometric view the
  // far end of that line is foreshortened, and the campus's "GB300 hall 1" and "GB300 hall 2"
  // ran into each other: neighbouring names keep a clear gap of at least two of their letter
  // heights on screen, at a laptop's size and in a small window.
  void hallNamesSideBySideKeepApart() {
    const auto campus = loadSample("gigawatt-campus.yaml");
    SiteView view;
    view.setAnimationDuration(0);
    view.resize(kViewSize);
    view.setTheme(lightTheme());
    view.scene().setSiteSize(campus->design.site.size.x, campus->design.site.size.y);
    view.setSite(campus->layout, *campus->catalog);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto& halls = campus->layout.halls;
    const auto& boxes = view.scene().hallNameBoxes();
    QCOMPARE(boxes.size(), halls.size());
    // Neighbours: halls on one line (same south wall), next to each other west to east.
    std::vector<std::size_t> order(halls.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return halls[a].origin.x < halls[b].origin.x; });
    const double dpr = view.devicePixelRatioF();
    for (const QSize size : {QSize(1366, 768), QSize(800, 500)}) {
      view.resize(size);
      QTRY_COMPARE(view.renderer()->GetSize()[0], static_cast<int>(std::lround(size.width() * dpr)));
      view.showIsometric();
      view.grabFramebuffer();
      auto onScreen = [&](const LabelBox& box) {
        std::array<Pt, 4> q;
        for (std::size_t k = 0; k < 4; ++k)
          q[k] = worldToDisplay(view.renderer(), {box.corners[k][0], box.corners[k][1], 0});
        return q;
      };
      auto letterPixels = [&](const LabelBox& box) {
        const auto& c = box.corners;
        const double ux = c[3][0] - c[0][0], uy = c[3][1] - c[0][1], u = std::hypot(ux, uy);
        const double mx = (c[0][0] + c[1][0]) / 2, my = (c[0][1] + c[1][1]) / 2;
        const Pt a = worldToDisplay(view.renderer(), {mx, my, 0});
        const Pt b =
            worldToDisplay(view.renderer(), {mx + ux / u * box.letterHeight, my + uy / u * box.letterHeight, 0});
        return std::hypot(b[0] - a[0], b[1] - a[1]);
      };
      int pairs = 0;
      for (std::size_t k = 0; k + 1 < order.size(); ++k) {
        const std::size_t i = order[k], j = order[k + 1];
        if (halls[i].origin.y != halls[j].origin.y) continue;
        ++pairs;
        const double gap = quadGap(onScreen(boxes[i]), onScreen(boxes[j]));
        const double letter = (letterPixels(boxes[i]) + letterPixels(boxes[j])) / 2;
        QVERIFY2(gap >= 2 * letter, qPrintable(QString("%1x%2: %3 and %4 are %5 px apart, letters %6 px tall")
                                                   .arg(size.width())
                                                   .arg(size.height())
                                                   .arg(QString::fromStdString(halls[i].name))
                                                   .arg(QString::fromStdString(halls[j].name))
                                                   .arg(gap)
                                                   .arg(letter)));
      }
      QCOMPARE(pairs, 7);  // eight halls in a row
    }
  }

  // The core room the evaluation places stands where the engine put it on the campus, framed in
  // the view; a design whose fabric has no tier above its leaves has none to draw.
  void showsTheEvaluatedCoreRoom() {
    const auto campus = loadSample("gigawatt-campus.yaml");
    const auto eval = gigaplan::engine::evaluate(campus->design, campus->layout, *campus->catalog);
    QVERIFY(eval.fabric.coreRoomRacks > 0);
    auto view = makeView();
    QVERIFY(view);
    view->scene().setCoreRoom(coreRoomOf(eval.fabric));
    view->setSite(campus->layout, *campus->catalog);
    const auto b = view->scene().coreRoomBounds();
    QVERIFY(b);
    QCOMPARE((*b)[0], eval.fabric.coreRoomMin.x);
    QCOMPARE((*b)[1], eval.fabric.coreRoomMax.x);
    QCOMPARE((*b)[2], eval.fabric.coreRoomMin.y);
    QCOMPARE((*b)[3], eval.fabric.coreRoomMax.y);
    view->showPlan();
    view->grabFramebuffer();
    // Its name reads from above, in the view.
    const auto name = view->scene().coreRoomNameBox();
    QVERIFY(name);
    for (const auto& c : name->corners) QVERIFY(view->rect().contains(project(*view, {c[0], c[1], (*b)[5]})));

    const auto flat = loadSample("teaching-hall.yaml", 1);
    const auto flatEval = gigaplan::engine::evaluate(flat->design, flat->layout, *flat->catalog);
    QCOMPARE(flatEval.fabric.tiers, 1);
    view->scene().setCoreRoom(coreRoomOf(flatEval.fabric));
    view->setSite(flat->layout, *flat->catalog);
    QVERIFY(!view->scene().coreRoomBounds());
    QVERIFY(!view->scene().coreRoomNameBox());
  }

  void presetsAnimateSmoothlyWhenShown() {
    auto view = makeView();
    QVERIFY(view);
    view->setAnimationDuration(150);
    const CameraPose start = view->cameraPose();
    view->showPlan();
    QCOMPARE(view->cameraPose().elevation, start.elevation);  // nothing jumps
    std::vector<double> elevations;
    QTRY_VERIFY_WITH_TIMEOUT((elevations.push_back(view->cameraPose().elevation), view->cameraPose().elevation == 90.0),
                             3000);
    // It passed through intermediate elevations on the way.
    QVERIFY(
        std::any_of(elevations.begin(), elevations.end(), [&](double e) { return e > start.elevation + 1 && e < 89; }));
  }

  void vtkKeyShortcutsAreOff() {
    auto view = makeView();
    QVERIFY(view);
    const QImage before = view->grabFramebuffer();
    QTest::keyClick(view.get(), Qt::Key_W);  // VTK's default style: switch everything to wireframe
    QTest::keyClick(view.get(), Qt::Key_R);  // … and reset the camera
    const QImage after = view->grabFramebuffer();
    QCOMPARE(after, before);
  }

  void themesChangeTheBackground() {
    auto view = makeView();
    QVERIFY(view);
    const QColor light = view->grabFramebuffer().pixelColor(2, 2);
    view->setTheme(darkTheme());
    const QColor dark = view->grabFramebuffer().pixelColor(2, 2);
    QVERIFY(light.lightness() > 200);
    QVERIFY(dark.lightness() < 80);
  }

  void screenshotRendersWithoutAWindow() {
    const auto site = teachingHall();
    ScreenshotOptions o;
    o.size = QSize(400, 250);
    o.view = SiteView::View::Plan;
    const QImage plan = renderSiteImage(site.layout, site.catalog, o);
    QCOMPARE(plan.size(), o.size);
    QVERIFY(distinctColours(plan) > 30);
    o.view = SiteView::View::Isometric;
    o.theme = darkTheme();
    o.colorBy = ColorBy::PowerDraw;
    o.scalars = handMadeScalars(ColorBy::PowerDraw);
    const QImage iso = renderSiteImage(site.layout, site.catalog, o);
    QCOMPARE(iso.size(), o.size);
    QVERIFY(iso != plan);
    QVERIFY(iso.pixelColor(1, 1).lightness() < 80);
    QVERIFY(QApplication::topLevelWidgets().isEmpty() ||
            std::none_of(QApplication::topLevelWidgets().begin(), QApplication::topLevelWidgets().end(),
                         [](QWidget* w) { return w->isVisible(); }));
  }

  void teachingHallMatchesBaseline() {
    const auto site = teachingHall();
    ScreenshotOptions o;
    o.size = QSize(480, 300);
    const QImage actual = renderSiteImage(site.layout, site.catalog, o);
    const QString baselinePath = QString(GIGAPLAN_TEST_DATA_DIR) + "/baselines/teaching_hall_iso.png";
    const QString outDir = QString(GIGAPLAN_BINARY_DIR) + "/test-output";
    QDir().mkpath(outDir);
    if (qEnvironmentVariableIsSet("GIGAPLAN_UPDATE_BASELINES")) {
      QDir().mkpath(QFileInfo(baselinePath).path());
      QVERIFY(actual.save(baselinePath));
    }
    const QImage expected = QImage(baselinePath).convertToFormat(QImage::Format_RGB32);
    const QString actualPath = outDir + "/teaching_hall_iso.actual.png";
    if (expected.isNull() || expected.size() != actual.size()) {
      actual.save(actualPath);
      QFAIL(qPrintable("no baseline of the right size at " + baselinePath + "; actual image written to " + actualPath +
                       " (set GIGAPLAN_UPDATE_BASELINES=1 to accept it)"));
    }
    // Tolerance for driver and font differences: few pixels may differ much, none on average.
    int bad = 0;
    double total = 0;
    for (int y = 0; y < actual.height(); ++y)
      for (int x = 0; x < actual.width(); ++x) {
        const QColor a = actual.pixelColor(x, y), e = expected.pixelColor(x, y);
        const int d =
            std::max({std::abs(a.red() - e.red()), std::abs(a.green() - e.green()), std::abs(a.blue() - e.blue())});
        total += d;
        bad += d > 48;
      }
    const double mean = total / (actual.width() * actual.height());
    const double badShare = static_cast<double>(bad) / (actual.width() * actual.height());
    if (mean > 3.0 || badShare > 0.01) {
      actual.save(actualPath);
      QFAIL(qPrintable(QString("differs from the baseline: mean %1, %2 % of pixels off; actual written to %3")
                           .arg(mean)
                           .arg(badShare * 100)
                           .arg(actualPath)));
    }
  }
};

int main(int argc, char** argv) {
  prepareGraphics();
  QApplication app(argc, argv);
  TestSiteView t;
  return QTest::qExec(&t, argc, argv);
}

#include "test_site_view.moc"
