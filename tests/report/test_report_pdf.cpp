// The exported reports (app/report) for every sample, on the offscreen platform: every format is
// written; the PDF's page count and extracted text (poppler's pdfinfo / pdftotext) carry the
// headline numbers exactly as `gigaplan evaluate --json` gives them; drawings stay vector (no
// raster images without the 3D picture); long tables break across pages with their header
// repeated; and `gigaplan report` parses its arguments.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <sstream>

#include "app/gui/app_commands.h"
#include "app/report/export_report.h"
#include "app/report/pdf_writer.h"
#include "core/report/report_format.h"
#include "report_fixture.h"

using namespace gigaplan;
using report_fixture::evaluated;

namespace {

QString tool(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
  return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString& pdf) {
  const auto m = QRegularExpression("Pages:\\s+(\\d+)").match(tool("pdfinfo", {pdf}));
  return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pdfText(const QString& pdf, int first = 0, int last = 0) {
  QStringList args;
  if (first > 0) args << "-f" << QString::number(first) << "-l" << QString::number(last);
  return tool("pdftotext", args << pdf << "-");
}

int imageCount(const QString& pdf) {
  // `pdfimages -list` prints two header lines, then one line per image.
  return static_cast<int>(tool("pdfimages", {"-list", pdf}).trimmed().split('\n').size()) - 2;
}

// `gigaplan evaluate FILE --json`, run through the same command table as the executable.
QJsonObject evaluateJson(const QString& path) {
  std::ostringstream out, err;
  const auto code = app::appCommandLine().run({"evaluate", path.toStdString(), "--json"}, out, err);
  if (code != 0) return {};
  return QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
}

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

class TestReportPdf : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QVERIFY2(!QStandardPaths::findExecutable("pdftotext").isEmpty(), "poppler-utils (pdftotext) is needed");
    QVERIFY(dir_.isValid());
  }

  void pdfCarriesTheHeadlineNumbers_data() { report_fixture::addSampleRows(); }
  void pdfCarriesTheHeadlineNumbers() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const QString pdf = dir_.filePath(QFileInfo(path).completeBaseName() + ".pdf");
    QString error;
    app::ExportOptions o;
    o.picture = false;
    QVERIFY2(app::exportReport(*s.design, s.eval, pdf, o, &error), qPrintable(error));

    const int pages = pageCount(pdf);
    QVERIFY2(pages >= 6 && pages <= 80, qPrintable(QString::number(pages)));
    const QString text = pdfText(pdf);
    const QJsonObject json = evaluateJson(path);
    QVERIFY(!json.isEmpty());
    const QJsonObject power = json["power"].toObject();
    const QStringList expected = {
        q(report::count(json["gpus"].toInteger())), q(report::megawatts(power["it_mw"].toDouble() * 1e6)),
        q(report::megawatts(power["facility_mw"].toDouble() * 1e6)), q(report::pue(power["pue"].toDouble()))};
    for (const QString& figure : expected)
      QVERIFY2(text.contains(figure), qPrintable(figure + " missing from the PDF text"));
    QVERIFY(text.contains(QString("page 1 of %1").arg(pages)));
    QVERIFY2(!text.contains(QChar(0xFB01)) && !text.contains(QChar(0xFB02)), "ligatures break searching the text");
    QVERIFY(text.contains(QString("page %1 of %1").arg(pages)));
    for (const char* heading :
         {"Contents", "Site plan", "Power single-line diagram", "Bill of materials", "Assumptions and sources"}) {
      QVERIFY2(text.contains(heading), heading);
    }
    QCOMPARE(imageCount(pdf), 0);  // without the 3D picture, every drawing and chart is vector
    QCOMPARE(text.contains("Power swings"), s.training.ok);  // the job's draw, when it has a plan
  }

  // A design that names its weather file: the app's PDF has the year of weather (the command
  // line's HTML had it alone); one that names a missing file fails with the file's name.
  void pdfHasTheYearOfWeather() {
    const auto& s = evaluated(report_fixture::samplePath("superpod-gb200-su.yaml"));
    design::Design d = s.design->design;
    d.site.weather = GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw";
    const auto r = report_fixture::resolve(d);
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    const QString pdf = dir_.filePath("weather.pdf");
    app::ExportOptions o;
    o.picture = false;
    QString error;
    QVERIFY2(app::exportReport(*r, e, pdf, o, &error), qPrintable(error));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains("A year of weather"));
    QVERIFY(text.contains("Power swings"));
    d.site.weather = "/nonexistent/weather.epw";
    const auto missing = report_fixture::resolve(d);
    QVERIFY(!app::exportReport(*missing, e, dir_.filePath("missing.pdf"), o, &error));
    QVERIFY2(error.contains("weather.epw"), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir_.filePath("missing.pdf")));
  }

  void everyFormatForEverySample_data() { report_fixture::addSampleRows(); }
  void everyFormatForEverySample() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const QString stem = dir_.filePath("all-" + QFileInfo(path).completeBaseName());
    for (const char* ext : {".pdf", ".html", ".md", ".json", ".csv"}) {
      QString error;
      QVERIFY2(app::exportReport(*s.design, s.eval, stem + ext, &error), qPrintable(error));
      QVERIFY2(QFileInfo(stem + ext).size() > 500, ext);
    }
    const QDir images(stem + "_images");
    QVERIFY(images.exists());
    QVERIFY(images.entryList({"*.svg"}).size() >= 3);
    QVERIFY(images.exists("site-plan.svg"));
    // The offscreen platform cannot draw 3D: the report says so instead of failing.
    QFile html(stem + ".html");
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(html.readAll()).contains("No 3D picture"));
  }

  void findingsAreListed() {
    // The teaching hall on a 100 kW grid connection: the sources fall short and nodes overload.
    design::Design d = io::loadDesign(report_fixture::samplePath("teaching-hall.yaml"), report_fixture::base());
    d.power.front().rating = 100e3;
    const auto r = report_fixture::resolve(std::move(d));
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    QVERIFY(e.errors > 0);
    const QString pdf = dir_.filePath("findings.pdf");
    QString error;
    app::ExportOptions o;
    o.picture = false;
    QVERIFY2(app::exportReport(*r, e, pdf, o, &error), qPrintable(error));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(q(report::count(e.errors) + " errors")));
    for (const auto& f : e.findings) QVERIFY2(text.contains(q(f.code)), f.code.c_str());
    QVERIFY(text.contains("power.source-short"));
  }

  void longTablesBreakWithTheirHeaderRepeated() {
    report::ReportDocument doc;
    doc.title = "Table test";
    report::Table t;
    t.caption = "Many rows";
    t.columns = {{"name", report::Align::Left, 2}, {"value", report::Align::Right}};
    for (int i = 1; i <= 150; ++i) t.rows.push_back({"row " + std::to_string(i), std::to_string(i * 7)});
    doc.sections.push_back({"t", "Tables", {t}});
    const QString pdf = dir_.filePath("table.pdf");
    QString error;
    QVERIFY2(app::writePdf(doc, pdf, &error), qPrintable(error));
    const int pages = pageCount(pdf);
    QVERIFY(pages >= 4);  // title page + at least three pages of rows
    for (int page = 3; page <= pages; ++page) {
      const QString text = pdfText(pdf, page, page);
      QVERIFY2(text.contains("Many rows (continued)"), qPrintable(QString("page %1").arg(page)));
      QVERIFY(text.contains("name") && text.contains("value"));
    }
    const QString all = pdfText(pdf);
    for (int i : {1, 75, 150})
      QVERIFY(all.contains(QString("row %1\n").arg(i)) || all.contains(QString("row %1 ").arg(i)));
    QVERIFY(all.contains("page 2 of") && all.contains("Tables"));  // running header and footer
  }

  // A row taller than a page's rest goes on over the break (header repeated) rather than leaving
  // the page empty; a short row moves whole; an identifier in a narrow column is never cut inside
  // itself, at a hyphen or anywhere.
  void tallRowsGoOnOverThePageAndIdentifiersStayWhole() {
    report::ReportDocument doc;
    doc.title = "Row test";
    report::Table t;
    t.caption = "Tall rows";
    t.columns = {{"id", report::Align::Left}, {"text", report::Align::Left, 6}};
    std::string tall;
    for (int i = 1; i <= 600; ++i) tall += "line" + std::to_string(i) + " of a long note that wraps. ";
    t.rows.push_back({"switchboard-4000a", "short"});
    t.rows.push_back({"hv-substation-240mva", tall});
    t.rows.push_back({"after-the-tall-row", "short"});
    doc.sections.push_back({"t", "Tables", {t}});
    const QString pdf = dir_.filePath("tall.pdf");
    QString error;
    QVERIFY2(app::writePdf(doc, pdf, &error), qPrintable(error));
    // The tall row starts on the table's first page, under the first row.
    const QString first = pdfText(pdf, 2, 2);
    QVERIFY2(first.contains("line1 of") && first.contains("switchboard-4000a"), qPrintable(first));
    QVERIFY(first.contains("hv-substation-240mva"));
    const QString all = pdfText(pdf);
    QVERIFY(all.contains("Tall rows (continued)"));
    QVERIFY(all.contains("line600 of") && all.contains("after-the-tall-row"));
    for (int page = 2; page < pageCount(pdf); ++page) {  // every page but the last is filled
      const QString text = pdfText(pdf, page, page);
      QVERIFY2(text.count("of a long note") >= 20, qPrintable(QString("page %1").arg(page)));
    }
  }

  void reportCommand() {
    const cli::CommandLine line = app::appCommandLine();
    std::ostringstream out, err;
    const std::string teaching = report_fixture::samplePath("teaching-hall.yaml");
    const std::string pdf = dir_.filePath("cli.pdf").toStdString();
    QCOMPARE(line.run({"report", teaching, "-o", pdf, "--no-3d", "--date", "2026-01-01"}, out, err).value_or(-1), 0);
    QVERIFY(QFileInfo(q(pdf)).size() > 1000);
    QVERIFY(pdfText(q(pdf)).contains("2026-01-01"));
    QCOMPARE(line.run({"report", teaching, "-o", dir_.filePath("x.txt").toStdString()}, out, err).value_or(-1), 64);
    QCOMPARE(line.run({"report", teaching}, out, err).value_or(-1), 64);
    QCOMPARE(line.run({"report", "/nonexistent.yaml", "-o", pdf}, out, err).value_or(-1), 2);
    QVERIFY(q(line.usage()).contains("gigaplan report FILE"));
  }

 private:
  QTemporaryDir dir_;
};

QTEST_MAIN(TestReportPdf)
#include "test_report_pdf.moc"
