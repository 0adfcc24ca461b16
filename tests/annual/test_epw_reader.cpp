// The EPW reader: the two bundled typical years read in full, every malformed input refused with
// its exact located message (file:line:column: field: found, expected), a leap year handled, and
// the psychrometric relations checked against ASHRAE's published saturation pressures.
#include <QtTest>

#include "core/annual/psychrometrics.h"
#include "core/io/epw_reader.h"
#include "epw_text.h"

using namespace gigaplan;

namespace {

std::string errorOf(const std::string& text) {
  try {
    io::readEpwText(text, "t.epw");
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "(no error)";
}

// 1-based column of field `index` (0-based) in an EPW row.
int columnOf(const std::string& row, int index) {
  std::size_t pos = 0;
  for (int i = 0; i < index; ++i) pos = row.find(',', pos) + 1;
  return static_cast<int>(pos) + 1;
}

// Replaces field `index` of a row.
std::string withField(std::string row, int index, const std::string& value) {
  const std::size_t start = static_cast<std::size_t>(columnOf(row, index) - 1);
  const std::size_t end = row.find(',', start);
  return row.replace(start, end - start, value);
}

std::string resource(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/resources/weather/") + name;
}

}  // namespace

class TestEpwReader : public QObject {
  Q_OBJECT

 private slots:
  void bundledYearsRead() {
    const io::WeatherYear chicago = io::readEpw(resource("chicago.epw"));
    QCOMPARE(chicago.hours.size(), std::size_t{8760});
    QCOMPARE(chicago.location, std::string("Chicago Ohare Intl Ap, IL, USA"));
    QCOMPARE(chicago.dataSource, std::string("TMY3"));
    QCOMPARE(chicago.latitude, 41.98);
    QCOMPARE(chicago.longitude, -87.92);
    QCOMPARE(chicago.timeZone, -6.0);
    QVERIFY(!chicago.leapDayDropped);
    // The first row of the file: 1986,1,1,1,0,…,-12.2,-16.1,73,99500
    QCOMPARE(chicago.hours.front().dryBulb, -12.2);
    QCOMPARE(chicago.hours.front().dewPoint, -16.1);
    QCOMPARE(chicago.hours.front().relativeHumidity, 73.0);
    QCOMPARE(chicago.hours.front().pressure, 99500.0);
    QCOMPARE(chicago.hours.back().month, 12);
    QCOMPARE(chicago.hours.back().day, 31);
    QCOMPARE(chicago.hours.back().hour, 24);
    const io::WeatherYear mannheim = io::readEpw(resource("mannheim.epw"));
    QCOMPARE(mannheim.hours.size(), std::size_t{8760});
    QCOMPARE(mannheim.location, std::string("Mannheim, BW, DEU"));
    QCOMPARE(mannheim.hours.front().dryBulb, 5.7);  // 2005,1,1,1,0,…,5.7,3.4,85,100220
  }

  void generatedYearReads() {
    const io::WeatherYear w = io::readEpwText(test::epwText(test::epwRows(20, 10, 101325)), "t.epw");
    QCOMPARE(w.hours.size(), std::size_t{8760});
    QCOMPARE(w.hours[8759].dryBulb, 20.0);
    // Windows line endings and a trailing blank line are accepted.
    std::string crlf;
    for (char c : test::epwText(test::epwRows(20, 10, 101325)))
      crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    QCOMPARE(io::readEpwText(crlf + "\r\n", "t.epw").hours.size(), std::size_t{8760});
  }

  void leapYearDropsTheLeapDay() {
    std::vector<std::string> rows = test::epwRows(20, 10, 101325, true);
    QCOMPARE(rows.size(), std::size_t{8784});
    rows[60 * 24] = test::epwRow(3, 1, 1, 31.5, 10, 101325);  // 1 March hour 1 (after 31 + 29 days)
    const io::WeatherYear w = io::readEpwText(test::epwText(rows), "t.epw");
    QCOMPARE(w.hours.size(), std::size_t{8760});
    QVERIFY(w.leapDayDropped);
    QCOMPARE(w.hours[59 * 24].month, 3);  // after 28 February (31 + 28 days) comes 1 March
    QCOMPARE(w.hours[59 * 24].dryBulb, 31.5);
    QCOMPARE(w.hours[59 * 24 - 1].day, 28);
    // A leap year one hour short is the wrong number of hours for a leap year.
    rows.pop_back();
    QCOMPARE(errorOf(test::epwText(rows)),
             std::string("t.epw:8792:1: found the end of the file after 8,783 hourly rows, expected 8,784 hourly rows "
                         "(a full year, leap year)"));
  }

  void malformedInputIsLocated_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const std::vector<std::string> rows = test::epwRows(20, 10, 101325);
    const std::string row = rows[99];  // line 108 of the file (8 header lines)
    auto with = [&](std::size_t index, const std::string& replacement) {
      std::vector<std::string> r = rows;
      r[index] = replacement;
      return QString::fromStdString(test::epwText(r));
    };
    auto at = [&](int field) { return QString::number(columnOf(row, field)); };

    std::vector<std::string> truncated(rows.begin(), rows.begin() + 8000);
    QTest::newRow("truncated") << QString::fromStdString(test::epwText(truncated))
                               << "t.epw:8009:1: found the end of the file after 8,000 hourly rows, expected 8,760 "
                                  "hourly rows (a full year)";
    QTest::newRow("cut mid-header") << QString("LOCATION,A,B,C,D,1,1,1,1,1\nDESIGN CONDITIONS,0\n")
                                    << "t.epw:3:1: TYPICAL/EXTREME PERIODS: found the end of the file, expected the "
                                       "TYPICAL/EXTREME PERIODS header (line 3 of the 8 EPW header lines)";
    QTest::newRow("empty file") << QString()
                                << "t.epw:1:1: LOCATION: found the end of the file, expected the LOCATION header "
                                   "(line 1 of the 8 EPW header lines)";
    QTest::newRow("non-numeric dry bulb")
        << with(99, withField(row, 6, "warm"))
        << "t.epw:108:" + at(6) +
               ": dry_bulb: found 'warm', expected a number from -70 to 70 °C (99.9 is the missing-data code)";
    QTest::newRow("missing-data dry bulb")
        << with(99, withField(row, 6, "99.9"))
        << "t.epw:108:" + at(6) +
               ": dry_bulb: found '99.9', expected a number from -70 to 70 °C (99.9 is the missing-data code)";
    QTest::newRow("empty dew point")
        << with(99, withField(row, 7, ""))
        << "t.epw:108:" + at(7) +
               ": dew_point: found an empty field, expected a number from -70 to 70 °C (99.9 is the missing-data "
               "code)";
    QTest::newRow("humidity out of range")
        << with(99, withField(row, 8, "150"))
        << "t.epw:108:" + at(8) +
               ": relative_humidity: found '150', expected a number from 0 to 110 % (999 is the missing-data code)";
    QTest::newRow("pressure out of range")
        << with(99, withField(row, 9, "999999"))
        << "t.epw:108:" + at(9) +
               ": station_pressure: found '999999', expected a number from 31000 to 120000 Pa (999999 is the "
               "missing-data code)";
    QTest::newRow("hour out of order") << with(99, withField(row, 3, "6"))
                                       << "t.epw:108:" + at(3) +
                                              ": hour: found 1/5 hour 6, expected 1/5 hour 4 (rows follow the "
                                              "calendar hour by hour)";
    QTest::newRow("hour not whole") << with(99, withField(row, 3, "4.5"))
                                    << "t.epw:108:" + at(3) +
                                           ": hour: found '4.5', expected a whole number from 1 to 24";
    QTest::newRow("month out of range") << with(99, withField(row, 1, "13"))
                                        << "t.epw:108:" + at(1) + ": month: found '13', expected a number from 1 to 12";
    QTest::newRow("too few fields") << with(99, "2001,1,5,4,60,A7,20.0\n")
                                    << "t.epw:108:22: found 7 fields, expected at least 10 comma-separated fields "
                                       "(year, month, day, hour, minute, data source, dry bulb, dew point, relative "
                                       "humidity, station pressure)";
    std::vector<std::string> extra = rows;
    extra.push_back(rows.back());
    QTest::newRow("an hour too many") << QString::fromStdString(test::epwText(extra))
                                      << "t.epw:8769:1: found a row after 31 December hour 24, expected the end of the "
                                         "file (8,760 hourly rows)";
    std::vector<std::string> gap = rows;
    gap.insert(gap.begin() + 50, "\n");
    QTest::newRow("blank line") << QString::fromStdString(test::epwText(gap))
                                << "t.epw:59:1: found an empty line, expected an hourly row";
    std::string header = test::epwText(rows);
    QTest::newRow("wrong header")
        << QString::fromStdString(std::string(header).replace(header.find("TYPICAL/EXTREME"), 15, "TYPICAL-EXTREME"))
        << "t.epw:3:1: TYPICAL/EXTREME PERIODS: found 'TYPICAL-EXTREME PERIODS', expected the "
           "TYPICAL/EXTREME PERIODS header (line 3 of the 8 EPW header lines)";
    QTest::newRow("latitude")
        << QString::fromStdString(std::string(header).replace(header.find("45.00"), 5, "95.00"))
        << "t.epw:1:39: LOCATION.latitude: found '95.00', expected a number from -90 to +90 degrees";
    QTest::newRow("sub-hourly") << QString::fromStdString(std::string(header).replace(header.find("DATA PERIODS,1,1"),
                                                                                      16, "DATA PERIODS,1,4"))
                                << "t.epw:8:16: DATA PERIODS.records_per_hour: found 4, expected 1 (hourly data; "
                                   "sub-hourly files are not read)";
    QTest::newRow("start day") << QString::fromStdString(
                                      std::string(header).replace(header.find("Sunday"), 6, "Funday"))
                               << "t.epw:8:23: DATA PERIODS.start_day_of_week: found 'Funday', expected a day of the "
                                  "week (Sunday, Monday, … Saturday)";
  }

  void malformedInputIsLocated() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(QString::fromStdString(errorOf(text.toStdString())), message);
  }

  void unreadableFilesAreNamed() {
    try {
      io::readEpw("/nonexistent/x.epw");
      QFAIL("no error");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()),
               QString("/nonexistent/x.epw: found a file that cannot be opened (No such file or directory), expected "
                       "an EPW weather file"));
    }
    const std::string huge(io::kMaxEpwBytes + 1, 'x');
    QCOMPARE(errorOf(huge), std::string("t.epw: found 8,388,609 bytes, expected an EPW file of at most 8,388,608 bytes "
                                        "(a year of hourly weather is about 1.6 MB)"));
  }

  // ASHRAE Handbook—Fundamentals (2017) ch. 1, Table 3: saturation pressure of water 2.3392 kPa at
  // 20 °C, 0.6112 kPa at 0 °C, 101.42 kPa at 100 °C; over ice 0.10326 kPa at −20 °C.
  void saturationPressureMatchesAshrae() {
    QVERIFY(std::abs(annual::saturationPressure(20) - 2339.2) < 1.5);
    QVERIFY(std::abs(annual::saturationPressure(100) - 101418) < 60);
    QVERIFY(std::abs(annual::saturationPressure(-20) - 103.26) < 0.05);
    QVERIFY(std::abs(annual::saturationPressure(0) - 611.2) < 0.5);
  }

  // The wet bulb undoes the psychrometric equation it solves: the air whose wet bulb is 20 °C at
  // 40 °C dry bulb has humidity ratio W (eq. 33); its dew point t_d has pws(t_d) = p·W / (0.621945 + W);
  // from (40 °C, t_d) wetBulb() must come back to 20 °C. Saturated air's wet bulb is its dry bulb.
  void wetBulbInvertsThePsychrometricEquation() {
    const double p = 101325, t = 40, ts = 20;
    const double ws = annual::humidityRatio(annual::saturationPressure(ts), p);
    const double w = ((2501 - 2.326 * ts) * ws - 1.006 * (t - ts)) / (2501 + 1.86 * t - 4.186 * ts);
    const double pw = p * w / (0.621945 + w);
    double lo = -40, hi = 40;  // dew point by bisection on the saturation pressure
    for (int i = 0; i < 100; ++i) (annual::saturationPressure((lo + hi) / 2) > pw ? hi : lo) = (lo + hi) / 2;
    QVERIFY(std::abs(annual::wetBulb(t, lo, p) - ts) < 1e-6);
    QCOMPARE(annual::wetBulb(25, 25, p), 25.0);
    // Below freezing (eq. 35): wet bulb between dew point and dry bulb.
    const double cold = annual::wetBulb(-5, -10, p);
    QVERIFY(cold > -10 && cold < -5);
  }
};

QTEST_GUILESS_MAIN(TestEpwReader)
#include "test_epw_reader.moc"
