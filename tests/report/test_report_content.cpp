// Report content in core: number formats, escaping, the display list's SVG, power paths, the
// collapsed power tree and its diagram, the site plan, the cluster a design offers to its job, the
// catalog entries used, and the assembled report.
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <map>
#include <set>

#include "core/evaluate/job_cluster.h"
#include "core/model/footprint.h"
#include "core/report/catalog_usage.h"
#include "core/report/charts.h"
#include "core/report/escape.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/phases_report.h"
#include "core/report/power_paths.h"
#include "core/report/power_swings.h"
#include "core/report/power_tree.h"
#include "core/report/rack_colors.h"
#include "core/report/report_builder.h"
#include "core/report/report_extras.h"
#include "core/report/report_format.h"
#include "core/report/report_json.h"
#include "core/report/single_line_diagram.h"
#include "core/report/site_plan.h"
#include "core/report/svg_writer.h"
#include "report_fixture.h"
#include "tests/support/hour_record.h"

using namespace gigaplan;
using report_fixture::evaluated;
using report_fixture::samplePath;

namespace {

std::vector<std::string> texts(const report::Drawing& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) {
    if (const auto* t = std::get_if<report::TextItem>(&item)) out.push_back(t->text);
    if (const auto* s = std::get_if<report::SpansItem>(&item)) {
      for (const auto& span : s->spans) out.push_back(span.text);
    }
  }
  return out;
}

int powerIndex(const design::Layout& l, const std::string& id) {
  return l.powerIndex.at(id);
}

}  // namespace

class TestReportContent : public QObject {
  Q_OBJECT
 private slots:
  void numbers_data() {
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const std::string& a, const char* e) {
      QTest::newRow(name) << QString::fromStdString(a) << e;
    };
    row("count 0", report::count(0), "0");
    row("count 999", report::count(999), "999");
    row("count 589824", report::count(589824), "589,824");
    row("count -1234", report::count(-1234), "-1,234");
    row("counted 1 hall", report::counted(1, "hall"), "1 hall");
    row("counted 0 racks", report::counted(0, "rack"), "0 racks");
    row("counted 1536 racks", report::counted(1536, "rack"), "1,536 racks");
    row("counted 2 busways", report::counted(2, "busway", "busways"), "2 busways");
    row("counted 3 switches", report::counted(3, "switch", "switches"), "3 switches");
    row("MW small", report::megawatts(713e3), "713 kW");
    row("approx large", report::approximately(145046987), "145,000,000");
    row("approx water", report::approximately(13639.9), "13,600");
    row("approx rate", report::approximately(135.41), "135");
    row("approx small", report::approximately(7.46), "7.5");
    row("km long", report::length(181567.6e3), "181,568 km");
    row("kW tens", report::megawatts(47.5e3), "47.5 kW");
    row("kW rounds up to MW", report::megawatts(999.96e3), "1.00 MW");
    row("MW zero", report::megawatts(0), "0 W");  // as units::format prints a zero power
    row("MW zero like kW", report::megawatts(0, 21.1e3), "0 W");
    row("MW zero like MW", report::megawatts(0, 5e6), units::format(0, units::Dimension::Power).c_str());
    row("sources", report::sourcesText(5e6, 0), "grid 5.00 MW, generation none");
    row("sources both", report::sourcesText(912e6, 700e6), "grid 912 MW, generation 700 MW");
    row("sources no grid", report::sourcesText(0, 40e6), "grid none, generation 40.0 MW");
    row("MW one", report::megawatts(1.105e6), "1.10 MW");  // printf rounding of the binary value
    row("MW tens", report::megawatts(12.34e6), "12.3 MW");
    row("MW gigawatt", report::megawatts(1.1e9), "1,100 MW");
    row("PUE", report::pue(1.2134), "1.213");
    row("PUE none", report::pue(0), "n/a");
    row("percent", report::percent(0.873), "87.3 %");
    row("fixed no minus zero", report::fixed(-0.04, 1), "0.0");
    row("fixed grouped", report::fixed(12345.678, 1), "12,345.7");
    row("length km", report::length(12500), "12.5 km");
    row("byte rate EB/s", units::formatByteRate(3.428e18), "3.43 EB/s");
    row("byte rate TB/s", units::formatByteRate(8e12), "8.00 TB/s");
    row("byte rate hundreds", units::formatByteRate(450e9), "450 GB/s");
  }
  void numbers() {
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
  }

  void escaping() {
    QCOMPARE(report::escapeXml("<a href='x'>&\"</a>"), std::string("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"));
    const std::string md = report::escapeMarkdown("*bold* [link](http://x) <b>|row\nnext");
    QVERIFY(md.find('<') == std::string::npos);
    QVERIFY(md.find('\n') == std::string::npos);
    QVERIFY(md.find("\\|") != std::string::npos);
    QVERIFY(md.find("\\[link\\](http") != std::string::npos);
    QCOMPARE(report::escapeMarkdown("# 1. not a heading"), std::string("\\# 1. not a heading"));
    QCOMPARE(report::escapeMarkdown("12. not a list"), std::string("12\\. not a list"));
    QCOMPARE(report::escapeMarkdown("12."), std::string("12\\."));
    QCOMPARE(report::escapeMarkdown("1.193"), std::string("1.193"));  // a number, not a list marker
    QCOMPARE(report::megawatts(21.1e3, 21.1e3), std::string("21.1 kW"));
    QCOMPARE(report::megawatts(0.2e6, 5e6), std::string("0.20 MW"));
    QCOMPARE(report::escapeMarkdown("- x-y"), std::string("\\- x-y"));
    QCOMPARE(report::csvField("plain"), std::string("plain"));
    QCOMPARE(report::csvField("a,b"), std::string("\"a,b\""));
    QCOMPARE(report::csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    QCOMPARE(report::csvField("two\nlines"), std::string("\"two\nlines\""));
  }

  void base64_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    // RFC 4648 §10 test vectors.
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("f") << "f"
                       << "Zg==";
    QTest::newRow("fo") << "fo"
                        << "Zm8=";
    QTest::newRow("foo") << "foo"
                         << "Zm9v";
    QTest::newRow("foob") << "foob"
                          << "Zm9vYg==";
    QTest::newRow("fooba") << "fooba"
                           << "Zm9vYmE=";
    QTest::newRow("foobar") << "foobar"
                            << "Zm9vYmFy";
  }
  void base64() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(QString::fromStdString(report::base64(in.toStdString())), out);
  }

  void axesAndScaleBars() {
    QCOMPARE(report::niceTicks(7.3), (std::vector<double>{0, 2, 4, 6, 8}));
    QCOMPARE(report::niceLength(23), 20.0);
    QCOMPARE(report::niceLength(80), 100.0);
    const std::string e =
        report::elide("abcdefghijklmnop", 8, report::textWidth("abcd", 8) + report::textWidth("\u2026", 8));
    QCOMPARE(e, std::string("abcd\u2026"));
  }

  void lineChartKeepsEveryPeak() {
    QCOMPARE(report::niceRange(602, 1250, 4), (std::vector<double>{600, 800, 1000, 1200, 1400}));
    QCOMPARE(report::niceRange(5, 5, 4).front() < 5, true);  // a flat line gets a band around it
    // 36,000 samples at 1 MW with one sample at 3 MW and one at 0.5 MW: far more samples than the
    // plot has columns, yet both extremes are drawn.
    std::vector<double> mw(36000, 1e6);
    mw[12345] = 3e6;
    mw[30001] = 0.5e6;
    report::LineChartOptions o;
    o.count = mw.size();
    o.dx = 0.1;
    const report::Drawing d = report::lineChart({{"site", &mw, report::paletteColor(0)}}, o);
    const report::PolygonItem* line = nullptr;
    for (const auto& item : d.items())
      if (const auto* p = std::get_if<report::PolygonItem>(&item)) line = p;
    QVERIFY(line && !line->closed);
    QVERIFY(line->points.size() < 2000);  // two points per column at most
    const auto [lowest, highest] =
        std::minmax_element(line->points.begin(), line->points.end(),
                            [](const report::Point& a, const report::Point& b) { return a.y < b.y; });
    // y grows downwards: the 3 MW sample is the topmost point, the 0.5 MW one the lowest; the
    // axis runs 0 to 3 MW in 1 MW steps over the plot's height.
    QVERIFY(highest->y - lowest->y > 0.8 * (d.height() - 34));
    QVERIFY(std::abs(lowest->x - (40 + (509 - 40) * 12345.0 / 35999)) < 1);
    // Time labels on a clock: an hour in 10-minute steps.
    std::vector<std::string> labels;
    for (const auto& item : d.items())
      if (const auto* t = std::get_if<report::TextItem>(&item)) labels.push_back(t->text);
    for (const char* want : {"0:00", "10:00", "50:00", "1:00:00", "3 MW", "site"})
      QVERIFY2(std::find(labels.begin(), labels.end(), want) != labels.end(), want);
  }

  // A year whose value is the hour of the day (0 … 23): the scale runs 0 to 23 in nine steps,
  // floor(v / 23 · 9), so each day's column is nine runs of one colour (hours 0–2, 3–5, 6–7, …)
  // and the map is 365 × 9 cells, the legend's nine swatches and the frame: 3,295 rectangles. The
  // top-left cell is the lowest step's colour, the bottom-right the highest's; the legend prints
  // the range. Twelve monthly values 1 … 12 MWh: December's column is twelve times January's.
  void heatMapAndMonthlyColumns() {
    std::vector<double> hourly(8760);
    for (std::size_t i = 0; i < hourly.size(); ++i) hourly[i] = static_cast<double>(i % 24);
    const report::Drawing map = report::heatMap(hourly, {.label = "hour", .unit = "h", .scale = 1, .decimals = 0});
    std::vector<const report::RectItem*> rects;
    std::vector<std::string> labels;
    for (const auto& item : map.items()) {
      if (const auto* r = std::get_if<report::RectItem>(&item)) rects.push_back(r);
      if (const auto* t = std::get_if<report::TextItem>(&item)) labels.push_back(t->text);
    }
    QCOMPARE(rects.size(), std::size_t{365 * 9 + 9 + 1});
    QVERIFY(rects.front()->style.fill == report::heatColor(0));
    QCOMPARE(rects.front()->r.h, 3 * 5.0);  // hours 0–2, 5 pt each
    QVERIFY(rects[365 * 9 - 1]->style.fill == report::heatColor(1));
    for (const char* want : {"0 h", "23 h", "00:00", "12:00", "J", "D", "hour"})
      QVERIFY2(std::find(labels.begin(), labels.end(), want) != labels.end(), want);

    report::MonthlyPanel energy{"Energy", {}, "MWh", 1 / 3.6e9, report::paletteColor(0)};
    for (std::size_t m = 0; m < 12; ++m) energy.values[m] = static_cast<double>(m + 1) * 3.6e9;
    const report::Drawing columns = report::monthlyColumns({energy, energy, energy});
    std::vector<double> heights;
    for (const auto& item : columns.items())
      if (const auto* r = std::get_if<report::RectItem>(&item)) heights.push_back(r->r.h);
    QCOMPARE(heights.size(), std::size_t{36});
    QVERIFY(std::abs(heights[11] - 12 * heights[0]) < 1e-9);
  }

  // The power swings section: the figures at the sources and at the grid meter, the rows the
  // command line prints, the charts; and the report has it whenever the design's job is planned.
  void powerSwingsSection() {
    const auto& s = evaluated(report_fixture::samplePath("superpod-gb200-su.yaml"));
    QVERIFY(s.training.ok);
    const report::ReportExtras x = report::reportExtras(*s.design, s.eval, s.training);
    QVERIFY(x.swings);
    QVERIFY(!x.year);  // the sample names no weather
    report::ReportInputs in{*s.design, s.eval, s.training};
    report::attach(in, x);
    const report::ReportDocument doc = report::buildReport(in);
    const auto sec = std::find_if(doc.sections.begin(), doc.sections.end(),
                                  [](const report::Section& c) { return c.id == "power-swings"; });
    QVERIFY(sec != doc.sections.end());
    QCOMPARE(std::prev(sec)->id, std::string("cooling"));
    int figures = 0;
    const report::Table* table = nullptr;
    for (const auto& b : sec->blocks) {
      figures += std::holds_alternative<report::Figure>(b);
      if (const auto* t = std::get_if<report::Table>(&b)) table = t;
    }
    QCOMPARE(figures, 2);  // no battery on the sample: no state of charge
    QVERIFY(table);
    QCOMPARE(table->rows.size(), std::size_t(5));
    QCOMPARE(table->columns[2].header, std::string("at the grid meter"));
    QCOMPARE(table->rows[0][1], report::seriesRows(*x.swings, x.swings->site)[0].second);
    QVERIFY(x.swings->site.swing > 100e3);  // 576 GPUs swing by hundreds of kW
  }

  // A dominant line at the slowest the record resolves (3 periods in it) is no oscillation: the
  // rows say so instead of giving it as a frequency; a line the steps make keeps its frequency.
  void slowestLineIsNotADominantFrequency() {
    const dynamics::PowerProfile p = testsupport::hourRecord(1.85);
    dynamics::SeriesFigures f;
    f.dominantFrequency = 3 / 3600.0;
    f.dominantAmplitude = 55.9e6;
    const std::string slow = report::dominantText(p, f);
    QVERIFY2(slow.rfind("none within the record: the slowest line a 1 h record resolves dominates (every 20 min, "
                        "55.9 MW amplitude)",
                        0) == 0,
             slow.c_str());
    QVERIFY2(slow.find("Hz") == std::string::npos, slow.c_str());
    QCOMPARE(report::seriesRows(p, f)[3].second, slow);
    f.dominantFrequency = 1 / 1.85;
    f.dominantAmplitude = 5e6;
    QCOMPARE(report::dominantText(p, f), std::string("0.541 Hz (5 MW amplitude) — the training steps"));
    f.dominantFrequency = 0;
    QCOMPARE(report::dominantText(p, f), std::string("none"));
  }

  void svgIsWellFormedAndEscaped() {
    report::Drawing d(100, 50);
    d.rect({1, 2, 30, 20}, report::Style::outlined(report::kWhite, report::kInk));
    d.line({0, 0}, {100, 50}, report::Style{report::kBad, report::kTransparent, 1, true});
    d.text({5, 40}, "<b>&\"x\"", {.size = 9, .anchor = report::Anchor::Middle});
    const std::string svg = report::toSvg(d);
    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    int rects = 0, lines = 0;
    QString text;
    while (!xml.atEnd()) {
      if (xml.readNext() != QXmlStreamReader::StartElement) continue;
      if (xml.name() == QLatin1String("rect")) ++rects;
      if (xml.name() == QLatin1String("line")) {
        ++lines;
        QVERIFY(xml.attributes().hasAttribute("stroke-dasharray"));
      }
      if (xml.name() == QLatin1String("text")) {
        QCOMPARE(xml.attributes().value("text-anchor").toString(), QString("middle"));
        text = xml.readElementText();
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(rects, 1);
    QCOMPARE(lines, 1);
    QCOMPARE(text, QString("<b>&\"x\""));
  }

  void powerPathsFollowFirstFeed() {
    const auto& s = evaluated(samplePath("teaching-hall.yaml"));
    const design::Layout& l = s.design->layout;
    const report::PowerPaths p = report::powerPaths(l);
    QCOMPARE(p.names, (std::vector<std::string>{"tx-1", "tx-2"}));
    QCOMPARE(p.nodePath[powerIndex(l, "grid")], design::kNone);
    QCOMPARE(p.nodePath[powerIndex(l, "ups-a")], 0);
    QCOMPARE(p.nodePath[powerIndex(l, "ups-b")], 1);
    QCOMPARE(p.nodePath[powerIndex(l, "bw-1-b")], 1);
  }

  void powerTreeCoversEveryNode_data() { report_fixture::addSampleRows(); }
  void powerTreeCoversEveryNode() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const design::Layout& l = s.design->layout;
    const report::PowerTree t = report::buildPowerTree(l, s.eval);
    QCOMPARE(t.nodes, static_cast<int>(l.power.size()));
    std::vector<int> seen(l.power.size(), 0);
    for (const auto& r : t.rows) {
      for (int m : r.members) ++seen[m];
      if (r.parentRow >= 0) {
        const auto& parent = t.rows[r.parentRow];
        QCOMPARE(r.depth, parent.depth + 1);
        QCOMPARE(r.members.size(), static_cast<std::size_t>(r.perParent) * parent.members.size());
      }
      for (int m : r.members) {
        QVERIFY(r.utilisation >= s.eval.power.utilisation[m]);  // a group shows its worst member
        QVERIFY(r.load >= s.eval.power.nominal.out[m]);
      }
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    if (t.collapsed) {
      QVERIFY(l.power.size() > 60);
      QVERIFY2(t.rows.size() <= 80, qPrintable(QString("%1 rows for %2 nodes").arg(t.rows.size()).arg(l.power.size())));
    } else {
      QCOMPARE(t.rows.size(), l.power.size());
    }
    // The diagram: parts within the height limit, every row's label drawn.
    report::DiagramOptions o;
    o.maxPartHeight = 400;
    const auto parts = report::singleLineDiagram(l, t, o);
    std::set<std::string> drawn;
    for (const auto& part : parts) {
      QVERIFY(part.height() <= o.maxPartHeight);
      for (const auto& text : texts(part)) drawn.insert(text);
    }
    for (const auto& r : t.rows) QVERIFY2(drawn.count(r.label) == 1, r.label.c_str());
  }

  void collapsedGroupsSayHowMany() {
    const auto& s = evaluated(samplePath("teaching-hall.yaml"));
    const report::PowerTree t = report::buildPowerTree(s.design->layout, s.eval, {.expandAllUpTo = 0});
    QVERIFY(t.collapsed);
    // tx-1 and tx-2 carry identical chains: one row "× 2"; under the UPS pair, busways 1 and 2
    // (two racks each) collapse, busways 3 (four racks) and 4 (one rack) differ from them.
    QCOMPARE(t.rows.size(), std::size_t(6));
    QCOMPARE(t.rows[1].label, std::string("tx-1 \u2026 tx-2"));
    QCOMPARE(t.rows[1].perParent, 2);
    QCOMPARE(t.rows[2].members.size(), std::size_t(2));
    QCOMPARE(t.rows[2].perParent, 1);
    QCOMPARE(t.rows[3].members.size(), std::size_t(4));
    QCOMPARE(t.rows[3].perParent, 2);
    QCOMPARE(t.rows[3].racksFed, 2);
  }

  void sitePlanHasScaleBarNorthArrowAndLegend_data() { report_fixture::addSampleRows(); }
  void sitePlanHasScaleBarNorthArrowAndLegend() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const report::Drawing d = report::sitePlan(s.design->design.site, s.design->layout);
    QCOMPARE(d.width(), 515.0);
    QVERIFY(d.height() > 100 && d.height() < 800);
    const auto t = texts(d);
    QVERIFY(std::count(t.begin(), t.end(), "N") == 1);
    QVERIFY(std::count(t.begin(), t.end(), "0") >= 1);
    QVERIFY(
        std::any_of(t.begin(), t.end(), [](const std::string& x) { return x.ends_with(" m") || x.ends_with(" km"); }));
    QVERIFY(std::any_of(t.begin(), t.end(), [](const std::string& x) { return x == "transformer"; }));
    for (const auto& item : d.items()) {  // everything inside the drawing's width
      if (const auto* r = std::get_if<report::RectItem>(&item))
        QVERIFY(r->r.x >= -1 && r->r.x + r->r.w <= d.width() + 1);
    }
    // Site-level ids sit on white plates (feed lines under them do not strike them through), and
    // no two plates touch: "core-chillers" and "core-towers" never read as one.
    std::vector<report::Rect> plates;
    std::set<std::string> ids;
    for (std::size_t i = 1; i < d.items().size(); ++i) {
      const auto* r = std::get_if<report::RectItem>(&d.items()[i - 1]);
      const auto* text = std::get_if<report::TextItem>(&d.items()[i]);
      if (!r || !text || r->style.fill.r != 255 || r->style.fill.a == 255 || r->style.stroke.a != 0) continue;
      plates.push_back(r->r);
      ids.insert(text->text);
    }
    const design::Layout& l = s.design->layout;
    std::size_t siteLevel = 0;
    for (const auto& n : l.power) siteLevel += n.hall == design::kNone;
    for (const auto& u : l.cooling) siteLevel += u.hall == design::kNone;
    if (siteLevel <= 24) QCOMPARE(plates.size(), siteLevel);
    for (const auto& n : l.power)
      if (n.hall == design::kNone && siteLevel <= 24) QVERIFY2(ids.count(n.id), n.id.c_str());
    for (std::size_t a = 0; a < plates.size(); ++a)
      for (std::size_t b = a + 1; b < plates.size(); ++b) {
        const report::Rect &p = plates[a], &q = plates[b];
        const bool apart = p.x + p.w + 2 <= q.x || q.x + q.w + 2 <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        QVERIFY2(apart, qPrintable(QString("plates %1 and %2").arg(a).arg(b)));
      }
  }

  // Network and storage racks are drawn in their legend swatch's colour (the 3D view's, too:
  // tests/widgets/test_site_scene), one polygon each; compute racks in their hall's.
  void sitePlanRacksWearTheirLegendColours() {
    const auto& s = evaluated(samplePath("teaching-hall.yaml"));
    const design::Layout& l = s.design->layout;
    const report::Drawing d = report::sitePlan(s.design->design.site, l);
    const auto legend = report::sitePlanLegend(l);
    auto filled = [&](report::Color c) {
      return std::count_if(d.items().begin(), d.items().end(), [&](const report::Item& item) {
        const auto* p = std::get_if<report::PolygonItem>(&item);
        return p && p->style.fill == c && p->style.stroke.transparent();
      });
    };
    std::map<model::RackClass, std::ptrdiff_t> racks;  // network and storage racks by class
    for (const auto& r : l.racks) {
      const model::RackClass c = model::rackClassOf(r.spec);
      if (c == model::RackClass::Network || c == model::RackClass::Storage) ++racks[c];
    }
    QCOMPARE(racks.size(), std::size_t(2));  // the sample has a network and a storage rack
    for (const auto& [c, n] : racks) {
      const std::string label = std::string(model::rackClassName(c)) + " rack";
      const auto e = std::find_if(legend.begin(), legend.end(), [&](const auto& x) { return x.label == label; });
      QVERIFY2(e != legend.end(), label.c_str());
      QCOMPARE(e->color, report::rackColor(c));
      QCOMPARE(filled(e->color), n);
    }
  }

  // Gear too small to draw to scale gets a symbol bigger than itself; racks are drawn over such
  // symbols, so a rack under a busway's marker (the campus's network rows) still shows its colour.
  void sitePlanDrawsRacksOverGearSymbols() {
    catalog::RackType net;
    net.id = "net";
    net.kind = catalog::RackKind::Network;
    design::Layout l;
    l.halls.push_back({});
    l.halls[0].id = "h1";
    l.halls[0].size = {40, 20};
    design::Rack rack;
    rack.id = "n-1";
    rack.spec = &net;
    rack.hall = 0;
    rack.position = {20, 10};
    l.racks.push_back(rack);
    design::PowerNode busway;  // no catalog footprint: drawn as a marker at its position
    busway.id = "bw-1";
    busway.kind = design::PowerKind::Busway;
    busway.hall = 0;
    busway.position = {20, 10};
    l.power.push_back(busway);
    design::SiteInfo site;
    site.size = {40, 20};
    const report::Drawing d = report::sitePlan(site, l);
    const report::Color netColour = report::rackColor(model::RackClass::Network);
    std::size_t at = d.items().size();
    report::Point c;
    for (std::size_t i = 0; i < d.items().size(); ++i) {
      const auto* p = std::get_if<report::PolygonItem>(&d.items()[i]);
      if (!p || p->style.fill != netColour) continue;
      at = i;
      for (const auto& q : p->points) c.x += q.x / 4, c.y += q.y / 4;
    }
    QVERIFY(at < d.items().size());
    // Nothing opaque drawn after the rack covers its centre.
    for (std::size_t i = at + 1; i < d.items().size(); ++i) {
      const auto* r = std::get_if<report::RectItem>(&d.items()[i]);
      if (!r || r->style.fill.a != 255) continue;
      const bool covers = c.x >= r->r.x && c.x <= r->r.x + r->r.w && c.y >= r->r.y && c.y <= r->r.y + r->r.h;
      QVERIFY2(!covers, qPrintable(QString("item %1 covers the rack drawn as item %2").arg(i).arg(at)));
    }
  }

  // A unit mounted in a rack (an in-rack CDU, model::mountingRacks) gets no symbol of its own: the
  // rack over it is what a top view shows. The Colossus-like sample's 1,536 in-rack CDUs would
  // otherwise each stand a marker several racks wide over their row.
  void sitePlanLeavesInRackUnitsToTheirRacks() {
    const auto& s = evaluated(samplePath("colossus1-like.yaml"));
    const design::Layout& l = s.design->layout;
    const auto mounts = model::mountingRacks(l);
    const auto mounted = std::count_if(mounts.begin(), mounts.end(), [](int r) { return r != design::kNone; });
    QCOMPARE(mounted, std::ptrdiff_t(1536));
    const auto legend = report::sitePlanLegend(l);
    const auto cooling =
        std::find_if(legend.begin(), legend.end(), [](const auto& e) { return e.label == "cooling unit"; });
    QVERIFY(cooling != legend.end());
    const report::Drawing d = report::sitePlan(s.design->design.site, l);
    std::ptrdiff_t symbols = 0;  // outlined in the legend's colour; the legend's swatch has a 0.8 pt outline
    for (const auto& item : d.items()) {
      if (const auto* r = std::get_if<report::RectItem>(&item))
        symbols += r->style.stroke == cooling->color && r->style.width < 0.7;
      if (const auto* p = std::get_if<report::PolygonItem>(&item))
        symbols += p->style.stroke == cooling->color && p->style.width < 0.7;
    }
    QCOMPARE(symbols, static_cast<std::ptrdiff_t>(l.cooling.size()) - mounted);
  }

  // Halls and power paths have a palette each. They shared one, offset by three, so on the campus
  // (eight halls, four paths) power path sub-4 and its gear wore GB300 hall 1's colour. Now no path
  // colour equals a hall colour in the campus's legend or drawing, and over whole cycles of both
  // palettes each pair is at least ΔE*ab 20 apart (CIELAB, D65) — a difference seen at a glance.
  void powerPathColoursStandApartFromHallColours() {
    const auto& s = evaluated(samplePath("gigawatt-campus.yaml"));
    const design::Layout& l = s.design->layout;
    QCOMPARE(l.halls.size(), std::size_t(8));
    std::set<std::string> halls, paths;
    for (const auto& e : report::sitePlanLegend(l)) {
      if (e.label.starts_with("power path "))
        paths.insert(e.color.hex());
      else if (e.shape == report::LegendEntry::Shape::Square && e.label.find("hall") != std::string::npos)
        halls.insert(e.color.hex());
    }
    QCOMPARE(halls.size(), std::size_t(8));
    QCOMPARE(paths.size(), std::size_t(4));
    for (const auto& p : paths) QVERIFY2(!halls.count(p), p.c_str());
    // In the drawing: every power gear symbol (filled, outlined in white) and feed line.
    const report::Drawing d = report::sitePlan(s.design->design.site, l);
    std::size_t gear = 0;
    for (const auto& item : d.items()) {
      report::Color c = report::kTransparent;
      if (const auto* r = std::get_if<report::RectItem>(&item); r && r->style.stroke == report::kWhite)
        c = r->style.fill;
      if (const auto* p = std::get_if<report::PolygonItem>(&item); p && p->style.stroke == report::kWhite)
        c = p->style.fill;
      if (const auto* e = std::get_if<report::CircleItem>(&item); e && e->style.stroke == report::kWhite)
        c = e->style.fill;
      if (const auto* line = std::get_if<report::LineItem>(&item)) c = line->style.stroke;
      if (c.transparent()) continue;
      ++gear;
      c.a = 255;
      QVERIFY2(!halls.count(c.hex()), c.hex().c_str());
    }
    QVERIFY(gear > 1000);

    auto lab = [](report::Color c) {
      auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
      const double r = linear(c.r / 255.0), g = linear(c.g / 255.0), b = linear(c.b / 255.0);
      const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
                   z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
      auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
      return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    };
    for (int h = 0; h < 10; ++h)
      for (int p = 0; p < 8; ++p) {
        const auto a = lab(report::hallColor(h)), b = lab(report::powerPathColor(p));
        const double delta = std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        QVERIFY2(delta >= 20, qPrintable(QString("hall %1, path %2: %3").arg(h).arg(p).arg(delta)));
      }
  }

  // The legend lists what the design holds and nothing else: a rack class, a kind of power gear
  // or cooling units appear in it exactly when the layout has them (no "storage rack" on a site
  // without one).
  void sitePlanLegendListsWhatTheDesignHolds_data() { report_fixture::addSampleRows(); }
  void sitePlanLegendListsWhatTheDesignHolds() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const design::Layout& l = s.design->layout;
    const auto legend = report::sitePlanLegend(l);
    auto listed = [&](const std::string& label) {
      return std::any_of(legend.begin(), legend.end(), [&](const auto& e) { return e.label == label; });
    };
    // "switchboard / UPS / busway": each name between the slashes.
    auto mentioned = [&](const std::string& name) {
      return std::any_of(legend.begin(), legend.end(), [&](const auto& e) {
        const std::string padded = " / " + e.label + " / ";
        return padded.find(" / " + name + " / ") != std::string::npos;
      });
    };
    for (const model::RackClass c : {model::RackClass::Network, model::RackClass::Storage}) {
      const bool holds = std::any_of(l.racks.begin(), l.racks.end(),
                                     [&](const design::Rack& r) { return model::rackClassOf(r.spec) == c; });
      const std::string label = std::string(model::rackClassName(c)) + " rack";
      QVERIFY2(listed(label) == holds, label.c_str());
    }
    QCOMPARE(listed("cooling unit"), !l.cooling.empty());
    const std::pair<design::PowerKind, const char*> kinds[] = {{design::PowerKind::Grid, "grid"},
                                                               {design::PowerKind::Substation, "substation"},
                                                               {design::PowerKind::Generator, "generation"},
                                                               {design::PowerKind::Battery, "battery"},
                                                               {design::PowerKind::Transformer, "transformer"},
                                                               {design::PowerKind::Switchboard, "switchboard"},
                                                               {design::PowerKind::Ups, "UPS"},
                                                               {design::PowerKind::Busway, "busway"},
                                                               {design::PowerKind::Pdu, "PDU"}};
    for (const auto& [kind, name] : kinds) {
      const bool holds = std::any_of(l.power.begin(), l.power.end(),
                                     [kind = kind](const design::PowerNode& n) { return n.kind == kind; });
      QVERIFY2(mentioned(name) == holds, name);
    }
  }

  // Hall names in the 2D plan never run into each other, even if the face set is up to 10 % wider
  // than textWidth() measures (the 3D view's names: tests/widgets/test_site_view).
  void sitePlanHallNamesStayApart_data() { report_fixture::addSampleRows(); }
  void sitePlanHallNamesStayApart() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const design::Layout& l = s.design->layout;
    std::set<std::string> names;
    for (const auto& h : l.halls) names.insert(h.name.empty() ? h.id : h.name);
    const report::Drawing d = report::sitePlan(s.design->design.site, l);
    std::vector<report::Rect> boxes;
    for (const auto& item : d.items()) {
      const auto* t = std::get_if<report::TextItem>(&item);
      if (!t || !t->style.bold || !names.count(t->text)) continue;
      const double w = 1.1 * report::textWidth(t->text, t->style.size, true);
      boxes.push_back({t->at.x, t->at.y - t->style.size, w, t->style.size * 1.2});
    }
    QVERIFY(!boxes.empty());
    for (std::size_t a = 0; a < boxes.size(); ++a)
      for (std::size_t b = a + 1; b < boxes.size(); ++b) {
        const report::Rect &p = boxes[a], &q = boxes[b];
        QVERIFY2(p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y,
                 qPrintable(QString("hall names %1 and %2 overlap").arg(a).arg(b)));
      }
  }

  // The fabric's core room (its spine and core switch racks) is drawn as a named footprint of the
  // engine's extent, with a legend entry, on the campus; a design whose leaves are its only tier
  // has none, and neither does a plan drawn without the fabric.
  void sitePlanDrawsTheCoreRoom() {
    const auto& campus = evaluated(samplePath("gigawatt-campus.yaml"));
    const fabric::FabricResult& f = campus.eval.fabric;
    QVERIFY(f.coreRoomRacks > 0);
    const auto& site = campus.design->design.site;
    const report::Drawing d = report::sitePlan(site, campus.design->layout, {}, &f);
    const auto t = texts(d);
    QCOMPARE(std::count(t.begin(), t.end(), "core room"), std::ptrdiff_t(1));
    const report::Color ink = report::rackColor(model::RackClass::Network);
    std::vector<report::Rect> rooms;
    for (const auto& item : d.items())
      if (const auto* r = std::get_if<report::RectItem>(&item); r && r->style.stroke == ink && r->r.w > 10)
        rooms.push_back(r->r);
    QCOMPARE(rooms.size(), std::size_t(1));  // the footprint (the legend's swatch is 8 pt)
    // To scale: its sides in the proportion of the engine's extent, its width against the site's.
    const double w = f.coreRoomMax.x - f.coreRoomMin.x, h = f.coreRoomMax.y - f.coreRoomMin.y;
    QVERIFY(std::abs(rooms[0].w / rooms[0].h - w / h) < 0.05 * w / h);
    const auto legend = report::sitePlanLegend(campus.design->layout, &f);
    QVERIFY(std::any_of(legend.begin(), legend.end(), [&](const auto& e) {
      return e.label == "core room: " + report::count(f.coreRoomRacks) + " spine/core switch racks";
    }));
    const auto without = texts(report::sitePlan(site, campus.design->layout));
    QCOMPARE(std::count(without.begin(), without.end(), "core room"), std::ptrdiff_t(0));

    // The teaching hall with its fabric of one tier: leaves only, no core room.
    design::Design flat = io::loadDesign(samplePath("teaching-hall.yaml"), report_fixture::base());
    flat.network.tiers = 1;
    const auto resolved = report_fixture::resolve(std::move(flat));
    const engine::Evaluation e = engine::evaluate(resolved->design, resolved->layout, *resolved->catalog);
    QCOMPARE(e.fabric.tiers, 1);
    QCOMPARE(e.fabric.coreRoomRacks, std::int64_t(0));
    const auto none = texts(report::sitePlan(resolved->design.site, resolved->layout, {}, &e.fabric));
    QCOMPARE(std::count(none.begin(), none.end(), "core room"), std::ptrdiff_t(0));
    for (const auto& entry : report::sitePlanLegend(resolved->layout, &e.fabric))
      QVERIFY2(entry.label.find("core room") == std::string::npos, entry.label.c_str());
  }

  // The core room's name covers no gear symbol, no rack and no site-level id: on the campus it stood
  // along the room's top edge over the core chillers' and towers' symbols, on the teaching hall under
  // the room over a row of racks and its busways' markers, on the Colossus-like site under the
  // core air handler's id.
  void sitePlanCoreRoomNameCoversNoSymbol_data() { report_fixture::addSampleRows(); }
  void sitePlanCoreRoomNameCoversNoSymbol() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const fabric::FabricResult& f = s.eval.fabric;
    if (f.coreRoomRacks == 0) QSKIP("no core room");
    const report::Drawing d = report::sitePlan(s.design->design.site, s.design->layout, {}, &f);
    const report::Color ink = report::rackColor(model::RackClass::Network);
    std::set<std::string> hallInk;
    for (std::size_t h = 0; h < s.design->layout.halls.size(); ++h)
      hallInk.insert(report::hallColor(static_cast<int>(h)).hex());
    report::Rect name;
    for (const auto& item : d.items())
      if (const auto* t = std::get_if<report::TextItem>(&item); t && t->text == "core room") {
        QCOMPARE(t->style.anchor, report::Anchor::Middle);
        const double w = report::textWidth(t->text, t->style.size, true);
        name = {t->at.x - w / 2, t->at.y - 0.8 * t->style.size, w, t->style.size};
      }
    QVERIFY(name.w > 0);
    auto meets = [&](report::Rect b) {
      return name.x < b.x + b.w && b.x < name.x + name.w && name.y < b.y + b.h && b.y < name.y + name.h;
    };
    auto bounds = [](const std::vector<report::Point>& pts) {
      report::Rect b{pts[0].x, pts[0].y, 0, 0};
      for (const auto& p : pts) {
        const double x1 = std::max(b.x + b.w, p.x), y1 = std::max(b.y + b.h, p.y);
        b.x = std::min(b.x, p.x), b.y = std::min(b.y, p.y), b.w = x1 - b.x, b.h = y1 - b.y;
      }
      return b;
    };
    // Every shape is a gear symbol, a rack or the white plate under a site-level id but the site
    // (dashed), the halls (outlined in their colour) and the room itself (outlined in the network ink).
    int covered = 0;
    for (const auto& item : d.items()) {
      if (const auto* r = std::get_if<report::RectItem>(&item)) {
        const report::Style& st = r->style;
        if (!st.dashed && !hallInk.count(st.stroke.hex()) && st.stroke != ink) covered += meets(r->r);
      }
      if (const auto* p = std::get_if<report::PolygonItem>(&item)) covered += meets(bounds(p->points));
      if (const auto* c = std::get_if<report::CircleItem>(&item))
        covered += meets({c->c.x - c->radius, c->c.y - c->radius, 2 * c->radius, 2 * c->radius});
    }
    QCOMPARE(covered, 0);
  }

  void clusterFromTheDesign() {
    const auto& s = evaluated(samplePath("superpod-gb200-su.yaml"));
    const training::Cluster c = engine::clusterFromEvaluation(s.design->design, s.eval);
    QCOMPARE(c.count, 576);
    QCOMPARE(c.scaleUpSize, 72);
    QCOMPARE(c.pue, s.eval.power.pue);
    QCOMPARE(c.largestFailureDomainGpus, static_cast<int>(s.eval.reliability.largestGpus));
    QCOMPARE(c.scaleOutBandwidth, s.eval.fabric.injectionBandwidth);
    QVERIFY(c.itPowerPerGpu > 1000 && c.itPowerPerGpu < 3000);  // 132 kW / 72 GPUs + network share
    // On a site of two GPU types the job's GPUs draw their own racks' power, not the site's
    // average: the teaching hall's GB200 racks (132 kW for 72) beside its H100 racks (1.275 kW a
    // GPU) and a storage rack; the network is shared over every GPU.
    {
      const auto& mixed = evaluated(samplePath("teaching-hall.yaml"));
      const training::Cluster m = engine::clusterFromEvaluation(mixed.design->design, mixed.eval);
      QCOMPARE(m.gpu, std::string("gb200"));
      const double network = mixed.eval.power.network / static_cast<double>(mixed.eval.compute.gpus);
      QVERIFY(qFuzzyCompare(m.itPowerPerGpu, 132e3 / 72 + network));
      QVERIFY(m.itPowerPerGpu > (mixed.eval.power.it + mixed.eval.power.network) / mixed.eval.compute.gpus);
    }
    QVERIFY(s.training.present);
    QVERIFY2(s.training.ok, s.training.problem.c_str());
    QCOMPARE(s.training.estimate.gpusUsed, 576);
    QVERIFY(s.training.estimate.effectiveTrainingDays > s.training.estimate.trainingDays);
    // A design without a job has no training section (every sample carries one: take it away).
    design::Design jobless = io::loadDesign(samplePath("teaching-hall.yaml"), report_fixture::base());
    QVERIFY(jobless.job.has_value());
    jobless.job.reset();
    const auto r = report_fixture::resolve(std::move(jobless));
    QVERIFY(!report::planTraining(*r, engine::evaluate(r->design, r->layout, *r->catalog)).present);
  }

  // The core room's switch racks, which no row holds, are counted where racks are: in the report's
  // summary and compute figures and in the bill of materials. The Llama 3 cluster's 284 spine and
  // core switches of 2 RU fill 16 RU racks 8 at a time: 36 racks.
  void coreRoomRacksAreCounted() {
    const auto& s = evaluated(samplePath("llama3-cluster.yaml"));
    const fabric::FabricResult& f = s.eval.fabric;
    QCOMPARE(f.coreRoomSwitches, std::int64_t{284});
    const int units = s.design->catalog->switchModel(f.switchModel)->rackUnits;
    QCOMPARE(units, 2);
    QCOMPARE(f.coreRoomRacks, (f.coreRoomSwitches + 16 / units - 1) / (16 / units));
    QCOMPARE(f.coreRoomRacks, std::int64_t{36});
    std::int64_t bom = 0;
    for (const auto& l : s.eval.bom)
      if (l.category == "rack" && l.item == "network-rack") {
        bom += l.count;
        QVERIFY2(l.detail.find("36 of them in the core room") != std::string::npos, l.detail.c_str());
      }
    QCOMPARE(bom, std::int64_t{36});  // the cluster's rows hold no network rack
    const report::ReportDocument doc = report::buildReport(report::ReportInputs{*s.design, s.eval, s.training});
    QCOMPARE(doc.sections[0].id, std::string("summary"));
    const std::string& text = std::get<report::Paragraph>(doc.sections[0].blocks[0]).text;
    QVERIFY2(text.find("GPUs in 1,536 racks (1,536 compute, 0 network, 0 storage) and 36 switch racks in the core "
                       "room across") != std::string::npos,
             text.c_str());
    // The fabric section gives the room's floor and heat per square metre, from its extent.
    const double w = f.coreRoomMax.x - f.coreRoomMin.x, d = f.coreRoomMax.y - f.coreRoomMin.y;
    QCOMPARE(w * d, 57.6);  // 12 m × 4.8 m, as the room lays out 36 racks
    std::string room;
    for (const auto& sec : doc.sections)
      if (sec.id == "fabric")
        for (const auto& b : sec.blocks)
          if (const auto* kv = std::get_if<report::KeyValues>(&b))
            for (const auto& [key, value] : kv->entries)
              if (key == "Core room") room = value;
    QVERIFY2(
        room.find("852 kW with their optics, in 36 racks on 12 m × 4.8 m (57.6 m², 14.8 kW/m²); ") != std::string::npos,
        room.c_str());
  }

  void catalogEntriesUsed() {
    const auto& s = evaluated(samplePath("teaching-hall.yaml"));
    std::map<std::string, std::int64_t> racks;
    for (const auto& u : report::catalogUsed(*s.design, s.eval)) {
      QVERIFY2(!u.provenance.source.empty(), u.id.c_str());
      QVERIFY2(std::string("VSEU").find(u.provenance.grade) != std::string::npos && u.provenance.grade.size() == 1,
               u.id.c_str());
      if (u.section == "racks") racks[u.id] = u.count;
    }
    QCOMPARE(racks["gb200-nvl72"], 4);
    QCOMPARE(racks["dgx-h100-rack"], 3);  // the fourth is overridden into a network rack
    QCOMPARE(racks["network-rack"], 1);
    QCOMPARE(racks["storage-rack"], 1);
  }

  void findingsBeyondTheLimitAreCounted() {
    design::Design d = io::loadDesign(samplePath("teaching-hall.yaml"), report_fixture::base());
    d.power.front().rating = 100e3;  // a 100 kW grid: several findings
    const auto r = report_fixture::resolve(std::move(d));
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    QVERIFY(e.findings.size() >= 2);
    const report::TrainingPlan t = report::planTraining(*r, e);
    report::ReportInputs in(*r, e, t);
    in.maxFindingRows = 1;
    const report::ReportDocument doc = report::buildReport(in);
    const auto& findings = doc.sections[8];
    QCOMPARE(findings.id, std::string("findings"));
    const auto& every = std::get<report::Table>(findings.blocks.back());
    QCOMPARE(every.rows.size(), std::size_t(1));
    QCOMPARE(every.rowTones.front(), report::Tone::Error);  // errors come first
    QCOMPARE(every.footnote, "Showing 1 of " + report::count(static_cast<std::int64_t>(e.findings.size())) +
                                 "; the JSON report lists every one.");
  }

  // A report of unsaved edits never names the file on disk as its source.
  void saysWhenTheEditsAreUnsaved() {
    const auto& s = evaluated(samplePath("teaching-hall.yaml"));
    const std::string file = s.design->design.sourceFile;
    QVERIFY(!file.empty());
    report::ReportInputs in{*s.design, s.eval, s.training};
    QCOMPARE(report::buildReport(in).source, "design file " + file);
    in.unsavedEdits = true;
    const report::ReportDocument doc = report::buildReport(in);
    QCOMPARE(doc.source, "unsaved edits to " + file);
    QVERIFY(std::any_of(doc.titleNotes.begin(), doc.titleNotes.end(),
                        [](const std::string& n) { return n.find("edits not yet saved") != std::string::npos; }));
    QVERIFY(report::toHtml(doc).find("unsaved edits to ") != std::string::npos);
    QVERIFY(report::toHtml(doc).find("design file ") == std::string::npos);
    QVERIFY(report::reportJson(*s.design, s.eval, s.training, true).find("\"unsaved_edits\": true") !=
            std::string::npos);
    QVERIFY(report::reportJson(*s.design, s.eval, s.training).find("\"unsaved_edits\": false") != std::string::npos);
  }

  void reportHasEverySection_data() { report_fixture::addSampleRows(); }
  void reportHasEverySection() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    report::ReportInputs in{*s.design, s.eval, s.training};
    const report::ReportDocument doc = report::buildReport(in);
    std::vector<std::string> ids;
    for (const auto& sec : doc.sections) {
      ids.push_back(sec.id);
      QVERIFY2(!sec.blocks.empty(), sec.id.c_str());
    }
    QCOMPARE(ids, (std::vector<std::string>{"summary", "site", "compute", "fabric", "power", "cooling",
                                            "failure-domains", "training", "findings", "bom", "sources"}));
    // With the extras, the power swings follow the cooling whenever the job has a plan.
    const report::ReportExtras x = report::reportExtras(*s.design, s.eval, s.training);
    QCOMPARE(bool(x.swings), s.training.ok);
    report::attach(in, x);
    const report::ReportDocument full = report::buildReport(in);
    QCOMPARE(full.sections.size(), doc.sections.size() + (x.swings ? 1 : 0) + (x.year ? 1 : 0) + (x.phases ? 1 : 0));
    QCOMPARE(bool(x.phases), !s.design->design.phases.empty());
    if (x.phases) {  // the phases follow the power swings, before the year
      const auto at = std::find_if(full.sections.begin(), full.sections.end(),
                                   [](const report::Section& sec) { return sec.id == "phases"; });
      QVERIFY(at != full.sections.end() && at != full.sections.begin());
      QVERIFY((at - 1)->id == (x.swings ? "power-swings" : "cooling"));
      // Note, table, chart, job lead-in and figures (and the year), then a table per phase with
      // findings of its own: the campus's first phase warns that sub-1 comes online only later.
      std::vector<const report::Table*> own;
      for (const auto& b : at->blocks)
        if (const auto* t = std::get_if<report::Table>(&b); t && t->caption.find(" in phase ") != std::string::npos)
          own.push_back(t);
      QCOMPARE(at->blocks.size(), std::size_t(x.year ? 6 : 5) + own.size());
      // The phases table says its findings are the site's checks and where the job's are counted.
      const auto* table = std::get_if<report::Table>(&at->blocks.at(1));
      QVERIFY(table);
      QCOMPARE(table->footnote, report::phaseFindingsNote(*x.phases));
      QCOMPARE(table->footnote.empty(), !s.design->design.job);
      // Its IT and network columns are evaluate's, the two PUE divides facility by.
      QCOMPARE(table->columns.at(5).header, std::string("IT MW"));
      QCOMPARE(table->columns.at(6).header, std::string("Network MW"));
      QCOMPARE(table->columns.at(7).header, std::string("Facility MW"));
      for (std::size_t p = 0; p < x.phases->phases.size(); ++p) {
        const engine::Evaluation& e = x.phases->phases[p].evaluation;
        QCOMPARE(table->rows.at(p).at(6), report::fixed(e.power.network / 1e6, 1));
        QVERIFY(std::fabs(e.power.facility / (e.power.it + e.power.network) - e.power.pue) < 1e-12);
      }
      if (s.design->design.site.name == "Gigawatt campus") {
        // The finished site's job warns as evaluate does (idle gb300, batch, goodput); its line
        // for the last phase counts them.
        QVERIFY2(table->footnote.find("the training job's findings on each phase's cluster are counted on the job's "
                                      "line for that phase below") != std::string::npos,
                 table->footnote.c_str());
        const auto& job = x.phases->training.back();
        const auto jobWarnings = std::count_if(job.findings.begin(), job.findings.end(), [](const engine::Finding& f) {
          return f.severity == engine::Severity::Warning;
        });
        QCOMPARE(jobWarnings, std::ptrdiff_t(3));
        const auto* kv = std::get_if<report::KeyValues>(&at->blocks.at(4));
        QVERIFY(kv);
        QVERIFY2(kv->entries.at(5).value.find("; job findings: 3 warnings") != std::string::npos,
                 kv->entries.at(5).value.c_str());
        QVERIFY(!own.empty());
        QVERIFY2(own.front()->caption.rfind("Warnings in phase 1 ", 0) == 0, own.front()->caption.c_str());
        QVERIFY(own.front()->rows.front()[1].find("sub-1 comes online only in") != std::string::npos);
      }
    }
    // Temperatures in °C wherever printed (the samples' own text too); a zero power one way ("0 W",
    // or "none" for a source the site lacks); the cables table says its transceivers count the
    // NICs' modules that its optics power leaves out.
    const std::string md = report::toMarkdown(full, "img").text;
    QVERIFY2(md.find("degC") == std::string::npos, path.toStdString().c_str());
    for (const char* zero : {" 0 MW", " 0 kW", " 0.0 MW", " 0.00 MW"})
      QVERIFY2(md.find(zero) == std::string::npos, (path.toStdString() + ": " + zero).c_str());
    const auto fabric = std::find_if(doc.sections.begin(), doc.sections.end(),
                                     [](const report::Section& sec) { return sec.id == "fabric"; });
    QVERIFY(fabric != doc.sections.end());
    for (const auto& b : fabric->blocks) {
      const auto* t = std::get_if<report::Table>(&b);
      if (!t || t->caption != "Cables by medium and routed length") continue;
      const std::string nic =
          "Transceivers include " + report::count(s.eval.fabric.nicTransceivers) + " in the GPU NICs, their ";
      QCOMPARE(t->footnote.find(nic) != std::string::npos, s.eval.fabric.nicTransceivers > 0);
      if (s.eval.fabric.nicTransceivers > 0)
        QVERIFY2(t->footnote.find("; optics power counts only the modules at the switches.") != std::string::npos,
                 t->footnote.c_str());
    }
    QCOMPARE(doc.headlines[0].value, report::count(s.eval.compute.gpus));
    QCOMPARE(doc.headlines[1].value, report::megawatts(s.eval.power.it));
    QCOMPARE(doc.headlines[2].value, report::megawatts(s.eval.power.facility));
    QCOMPARE(doc.headlines[3].value, report::pue(s.eval.power.pue));
    QCOMPARE(doc.headlines.size(), std::size_t(s.training.ok ? 8 : 7));
  }
};

QTEST_GUILESS_MAIN(TestReportContent)
#include "test_report_content.moc"
