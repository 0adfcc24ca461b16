// The hourly grid carbon reader (core/io/carbon_reader.h): a year in g/kWh and in kg/kWh with
// comments and a timestamp column, a leap year's 29 February dropped, every malformed input refused
// with its exact located message, the design key read and written back, and the year model
// charging the grid each hour at that hour's intensity.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/annual/year.h"
#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"
#include "core/io/carbon_reader.h"
#include "core/io/design_io.h"

using namespace gigaplan;

namespace {

// A header and `hours` rows "h,value" with value = 300 + (h % 24) (g/kWh unless said).
std::string carbonText(int hours, const std::string& header = "hour,intensity (g/kWh)") {
  std::string t = "# test series\n" + header + "\n";
  for (int h = 0; h < hours; ++h) t += std::to_string(h + 1) + "," + std::to_string(300 + h % 24) + "\n";
  return t;
}

std::string errorOf(const std::string& text) {
  try {
    io::readCarbonCsvText(text, "c.csv");
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

class TestCarbonReader : public QObject {
  Q_OBJECT

 private slots:
  void yearReads() {
    const std::vector<double> g = io::readCarbonCsvText(carbonText(8760), "c.csv");
    QCOMPARE(g.size(), std::size_t{8760});
    QCOMPARE(g[0], 0.300);  // 300 g/kWh
    QCOMPARE(g[23], 0.323);
    std::string t = "time,zone,carbon (kg/kWh)\r\n2025-01-01T00:00,X, 0.25\r\n";
    for (int h = 1; h < 8760; ++h) t += "t,X,+0.5\r\n";
    const std::vector<double> kg = io::readCarbonCsvText(t + "\n\n", "c.csv");  // blank lines may end it
    QCOMPARE(kg.size(), std::size_t{8760});
    QCOMPARE(kg[0], 0.25);
    QCOMPARE(kg[8759], 0.5);
    // Excel's "CSV UTF-8" starts with a byte-order mark; blank lines may come before the header.
    const std::vector<double> bom =
        io::readCarbonCsvText("\xEF\xBB\xBF# from a spreadsheet\n\n" + carbonText(8760).substr(14), "c.csv");
    QCOMPARE(bom.size(), std::size_t{8760});
  }

  // 8,784 rows: hours 1,417–1,440 (29 February) are left out, so 1 March hour 1 (row 1,441) is
  // hour 1,417 of the year.
  void leapYearDropsTheLeapDay() {
    std::string t = "hour,g/kWh\n";
    for (int h = 1; h <= 8784; ++h) t += std::to_string(h) + "," + (h > 1416 && h <= 1440 ? "999" : "100") + "\n";
    const std::vector<double> g = io::readCarbonCsvText(t, "c.csv");
    QCOMPARE(g.size(), std::size_t{8760});
    for (double v : g) QCOMPARE(v, 0.1);
  }

  void malformedInputIsLocated_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const std::string year = carbonText(8760);
    auto replaced = [&](const std::string& from, const std::string& to) {
      std::string t = year;
      return QString::fromStdString(t.replace(t.find(from), from.size(), to));
    };
    QTest::newRow("empty") << QString()
                           << "c.csv:1:1: header: found the end of the file, expected a header line "
                              "whose last column names the unit, g/kWh or kg/kWh (e.g. 'hour,intensity "
                              "(g/kWh)')";
    QTest::newRow("no unit") << replaced("intensity (g/kWh)", "intensity")
                             << "c.csv:2:6: header: found 'intensity', expected a header line whose last column names "
                                "the unit, g/kWh or kg/kWh (e.g. 'hour,intensity (g/kWh)')";
    // Row 100 is line 102 (a comment and the header first): "100,303".
    QTest::newRow("not a number") << replaced("\n100,303\n", "\n100,high\n")
                                  << "c.csv:102:5: intensity: found 'high', expected a carbon intensity from 0 to "
                                     "2,000 g/kWh";
    QTest::newRow("empty value") << replaced("\n100,303\n", "\n100,\n")
                                 << "c.csv:102:5: intensity: found an empty field, expected a carbon intensity from 0 "
                                    "to 2,000 g/kWh";
    QTest::newRow("negative")
        << replaced("\n100,303\n", "\n100,-5\n")
        << "c.csv:102:5: intensity: found '-5', expected a carbon intensity from 0 to 2,000 g/kWh";
    QTest::newRow("too high") << replaced("\n100,303\n", "\n100,2500\n")
                              << "c.csv:102:5: intensity: found '2500', expected a carbon intensity from 0 to 2,000 "
                                 "g/kWh";
    QTest::newRow("truncated") << QString::fromStdString(carbonText(8000))
                               << "c.csv:8003:1: found the end of the file after 8,000 hourly rows, expected 8,760 "
                                  "hourly rows (or 8,784 for a leap year)";
    QTest::newRow("too many") << QString::fromStdString(carbonText(8785))
                              << "c.csv:8787:1: found more than 8,784 hourly rows, expected 8,760 hourly rows (or "
                                 "8,784 for a leap year)";
    QTest::newRow("blank line") << replaced("\n100,303\n", "\n\n100,303\n")
                                << "c.csv:102:1: found an empty line, expected an hourly row";
    QTest::newRow("binary") << QString::fromStdString("hour,g/kWh\n1,\x01\x02\n")
                            << "c.csv:2:3: intensity: found '?"
                               "?', expected a carbon intensity from 0 to 2,000 g/kWh";
  }

  void malformedInputIsLocated() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(QString::fromStdString(errorOf(text.toStdString())), message);
  }

  void unreadableAndHugeFiles() {
    try {
      io::readCarbonCsv("/nonexistent/c.csv");
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()), QString("/nonexistent/c.csv: found a file that cannot be opened (No such file or "
                                          "directory), expected an hourly carbon intensity file"));
    }
    QCOMPARE(errorOf(std::string(io::kMaxCarbonBytes + 1, 'x')),
             std::string("c.csv: found 4,194,305 bytes, expected an hourly carbon file of at most 4,194,304 bytes"));
  }

  // site.grid_carbon_hourly: read beside the design, written back, refused with grid_carbon, a
  // missing file located at the key; and the year charges the grid hour by hour: with the intensity
  // 300 + (hour of day) g/kWh and a constant draw, the year's carbon is the meter's kWh times the
  // mean, 311.5 g/kWh, and the grid's reported factor that mean.
  void designKeyAndTheYear() {
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    std::ofstream(folder + "/carbon.csv") << carbonText(8760);
    const std::string site =
        "format: 1\nsite:\n  name: s\n  size: [50 m, 50 m]\n  grid_carbon_hourly: carbon.csv\npower:\n"
        "  - {id: grid, kind: grid, rating: 5 MW}\n";
    std::ofstream(folder + "/site.yaml") << site;
    const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    design::Design d = io::loadDesign(folder + "/site.yaml", cat);
    QCOMPARE(d.site.gridCarbonHourly, std::string("carbon.csv"));
    QCOMPARE(io::readSiteGridCarbon(d).size(), std::size_t{8760});
    io::saveDesign(d, folder + "/copy.yaml");
    QCOMPARE(io::loadDesign(folder + "/copy.yaml", cat).site.gridCarbonHourly, std::string("carbon.csv"));
    // Saved into another folder, the path is re-expressed from there: the copy still finds the file.
    std::filesystem::create_directories(folder + "/elsewhere");
    io::saveDesign(d, folder + "/elsewhere/copy.yaml");
    const design::Design moved = io::loadDesign(folder + "/elsewhere/copy.yaml", cat);
    QCOMPARE(moved.site.gridCarbonHourly, std::string("../carbon.csv"));
    QCOMPARE(io::readSiteGridCarbon(moved).size(), std::size_t{8760});

    std::ofstream(folder + "/both.yaml") << std::string(site).insert(site.find("  grid_carbon_hourly"),
                                                                     "  grid_carbon: 0.3 kg/kWh\n");
    try {
      io::loadDesign(folder + "/both.yaml", cat);
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QVERIFY2(QString(e.what()).contains("both.yaml:6:23: site.grid_carbon_hourly: found both grid_carbon and "
                                          "grid_carbon_hourly"),
               e.what());
    }
    d.site.gridCarbonHourly = "gone.csv";
    try {
      io::readSiteGridCarbon(d);
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QVERIFY2(QString(e.what()).contains("site.yaml:5:23: site.grid_carbon_hourly: found 'gone.csv'"), e.what());
    }

    // The teaching hall, drawing from one grid, through a constant year.
    design::Design hall = io::loadDesign(GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml", cat);
    hall.site.gridCarbon = -1;
    hall.site.gridCarbonHourly = folder + "/carbon.csv";
    const auto r = design::resolve(hall, cat);
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    const io::WeatherYear weather = annual::constantYear(20, 10, 101325);
    const annual::YearResult y = annual::simulateSiteYear(r->design, r->layout, e, &weather);
    QVERIFY(y.carbonComplete);
    QCOMPARE(y.sources.size(), std::size_t{1});
    const double kwh = y.year.energy / 3.6e6;
    QVERIFY(kwh > 0);
    QVERIFY2(std::abs(y.year.carbon - 0.3115 * kwh) <= 1e-9 * y.year.carbon,
             qPrintable(QString("%1 vs %2").arg(y.year.carbon).arg(0.3115 * kwh)));
    QVERIFY(std::abs(y.sources.at(0).carbonFactor - 0.3115) < 1e-12);
  }
};

QTEST_GUILESS_MAIN(TestCarbonReader)
#include "test_carbon_reader.moc"
