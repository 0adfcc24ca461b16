// Unit parsing and printing: every dimension, valid and invalid input, exact round trips.
#include <QtTest>

#include "core/units/units.h"

using namespace gigaplan::units;
Q_DECLARE_METATYPE(gigaplan::units::Dimension)

class TestUnits : public QObject {
  Q_OBJECT
 private slots:
  void parsesValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Dimension>("dim");
    QTest::addColumn<double>("si");
    QTest::newRow("kW") << "132 kW" << Dimension::Power << 132e3;
    QTest::newRow("GW no space") << "1.2GW" << Dimension::Power << 1.2e9;
    QTest::newRow("MVA as W") << "240 MVA" << Dimension::Power << 240e6;
    QTest::newRow("Gb/s to bytes") << "800 Gb/s" << Dimension::DataRate << 100e9;
    QTest::newRow("GB/s") << "900 GB/s" << Dimension::DataRate << 900e9;
    QTest::newRow("metres") << "3.6 m" << Dimension::Length << 3.6;
    QTest::newRow("mm") << "600 mm" << Dimension::Length << 0.6;
    QTest::newRow("feet") << "10 ft" << Dimension::Length << 3.048;
    QTest::newRow("degC") << "45 degC" << Dimension::Temperature << 45.0;
    QTest::newRow("kelvin") << "318.15 K" << Dimension::Temperature << 45.0;
    QTest::newRow("negative temp") << "-10 degC" << Dimension::Temperature << -10.0;
    QTest::newRow("kWh") << "3854 kWh" << Dimension::Energy << 3854 * 3.6e6;
    QTest::newRow("GB") << "80 GB" << Dimension::DataSize << 80e9;
    QTest::newRow("GiB") << "1 GiB" << Dimension::DataSize << 1073741824.0;
    QTest::newRow("TFLOP/s") << "989 TFLOP/s" << Dimension::Compute << 989e12;
    QTest::newRow("minutes") << "5 min" << Dimension::Time << 300.0;
    QTest::newRow("percent") << "50 %" << Dimension::Dimensionless << 0.5;
    QTest::newRow("plain number") << "0.87" << Dimension::Dimensionless << 0.87;
    QTest::newRow("exponent") << "1.5e3 kW" << Dimension::Power << 1.5e6;
    QTest::newRow("leading plus") << "+3 m" << Dimension::Length << 3.0;
    QTest::newRow("kV") << "34.5 kV" << Dimension::Voltage << 34500.0;
    QTest::newRow("tonnes") << "1.36 t" << Dimension::Mass << 1360.0;
    // What format() writes reads back: m³, m², °C, µs.
    QTest::newRow("m³") << "172 m³" << Dimension::Volume << 1.72e5;
    QTest::newRow("m²") << "12 m²" << Dimension::Area << 12.0;
    QTest::newRow("°C") << "35 °C" << Dimension::Temperature << 35.0;
    QTest::newRow("µs") << "5 µs" << Dimension::Time << 5e-6;
  }
  void parsesValid() {
    QFETCH(QString, text);
    QFETCH(Dimension, dim);
    QFETCH(double, si);
    const auto r = parse(text.toStdString(), dim);
    QVERIFY2(r, r.error.c_str());
    QCOMPARE(r.value, si);
  }

  void rejectsInvalid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Dimension>("dim");
    QTest::addColumn<QString>("expectedPart");
    QTest::newRow("missing unit") << "132" << Dimension::Power << "a unit is required";
    QTest::newRow("wrong dimension") << "132 m" << Dimension::Power << "unknown unit 'm'";
    QTest::newRow("trailing garbage") << "132 kW!" << Dimension::Power << "unknown unit 'kW!'";
    QTest::newRow("no number") << "kW" << Dimension::Power << "a power such as";
    QTest::newRow("empty") << "" << Dimension::Length << "a length such as";
    QTest::newRow("nan") << "nan W" << Dimension::Power << "a power";
    QTest::newRow("inf") << "inf m" << Dimension::Length << "a length";
    QTest::newRow("case matters") << "132 KW" << Dimension::Power << "unknown unit 'KW'";
    QTest::newRow("bits need /s") << "800 Gb" << Dimension::DataRate << "unknown unit 'Gb'";
    QTest::newRow("two numbers") << "1 2 m" << Dimension::Length << "unknown unit '2 m'";
    // Found by fuzz_units: a finite number of days that is more seconds than a double holds.
    QTest::newRow("overflows in SI") << "20e304 day" << Dimension::Time << "a value too large";
    QTest::newRow("overflows in SI, energy") << "1e306 MWh" << Dimension::Energy << "a value too large";
  }
  void rejectsInvalid() {
    QFETCH(QString, text);
    QFETCH(Dimension, dim);
    QFETCH(QString, expectedPart);
    const auto r = parse(text.toStdString(), dim);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error).contains(expectedPart), r.error.c_str());
  }

  void formatsReadably() {
    QCOMPARE(QString::fromStdString(format(1.2e9, Dimension::Power)), QString("1.2 GW"));
    QCOMPARE(QString::fromStdString(format(132e3, Dimension::Power)), QString("132 kW"));
    QCOMPARE(QString::fromStdString(format(100e9, Dimension::DataRate)), QString("800 Gb/s"));
    QCOMPARE(QString::fromStdString(format(3.6, Dimension::Length)), QString("3.6 m"));
    QCOMPARE(QString::fromStdString(format(989e12, Dimension::Compute)), QString("989 TFLOP/s"));
    // Beyond the largest prefix: whole numbers, never exponents.
    QCOMPARE(QString::fromStdString(format(1.07e21, Dimension::Compute)), QString("1,070 EFLOP/s"));
    QCOMPARE(QString::fromStdString(format(1.72e7, Dimension::Volume)), QString("17,200 m³"));
    QCOMPARE(QString::fromStdString(format(35, Dimension::Temperature)), QString("35 °C"));
    QCOMPARE(QString::fromStdString(format(12, Dimension::Area)), QString("12 m²"));
    QCOMPARE(QString::fromStdString(format(5e-6, Dimension::Time)), QString("5 µs"));
    // The design writer keeps to ASCII symbols.
    QCOMPARE(QString::fromStdString(formatExact(1.72e7, Dimension::Volume)), QString("17200 m3"));
  }

  // The unit format() prints in, for figures read side by side (gigaplan compare's rows).
  void scaleIsTheUnitFormatPicks() {
    const auto is = [](Scale s, double factor, std::string_view symbol) {
      return s.factor == factor && s.symbol == symbol;
    };
    QVERIFY(is(scaleOf(3.5e4, Dimension::Power), 1e3, "kW"));
    QVERIFY(is(scaleOf(-3.5e4, Dimension::Power), 1e3, "kW"));  // a difference takes its size
    QVERIFY(is(scaleOf(1.2e9, Dimension::Power), 1e9, "GW"));
    QVERIFY(is(scaleOf(0, Dimension::Power), 1, "W"));
    QVERIFY(is(scaleOf(4.32e18, Dimension::Compute), 1e18, "EFLOP/s"));
    QVERIFY(is(scaleOf(100e9, Dimension::DataRate), 1e9 / 8, "Gb/s"));  // bytes per second, in bits
    QVERIFY(is(scaleOf(7320, Dimension::Time), 3600, "h"));
    for (const auto& [v, d] : std::vector<std::pair<double, Dimension>>{{3.5e4, Dimension::Power},
                                                                        {999.96, Dimension::Power},
                                                                        {1.07e21, Dimension::Compute},
                                                                        {100e9, Dimension::DataRate},
                                                                        {5e-6, Dimension::Time},
                                                                        {1.72e7, Dimension::Volume}}) {
      const Scale s = scaleOf(v, d);
      const std::string text = format(v, d);
      QVERIFY2(text.size() > s.symbol.size() && text.ends_with(" " + std::string(s.symbol)), text.c_str());
    }
  }

  void exactFormatRoundTrips_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<Dimension>("dim");
    QTest::newRow("power") << 132e3 << Dimension::Power;
    QTest::newRow("odd power") << 123456.789 << Dimension::Power;
    QTest::newRow("length 0.1") << 0.1 << Dimension::Length;
    QTest::newRow("length third") << 1.0 / 3 << Dimension::Length;
    QTest::newRow("rate") << 50e9 << Dimension::DataRate;
    QTest::newRow("temperature") << 24.5 << Dimension::Temperature;
    QTest::newRow("energy") << 3854 * 3.6e6 << Dimension::Energy;
    QTest::newRow("tiny") << 1e-7 << Dimension::Length;
    QTest::newRow("negative") << -12.25 << Dimension::Length;
  }
  void exactFormatRoundTrips() {
    QFETCH(double, value);
    QFETCH(Dimension, dim);
    const std::string text = formatExact(value, dim);
    const auto back = parse(text, dim);
    QVERIFY2(back, (text + ": " + back.error).c_str());
    QCOMPARE(back.value, value);
  }

  void exactFormatPrefersShortUnits() {
    QCOMPARE(QString::fromStdString(formatExact(132e3, Dimension::Power)), QString("132 kW"));
    QCOMPARE(QString::fromStdString(formatExact(3.6, Dimension::Length)), QString("3.6 m"));
    // Of texts as short, the one nearest the base unit: a planner writes metres, not centimetres.
    QCOMPARE(QString::fromStdString(formatExact(33.45, Dimension::Length)), QString("33.45 m"));
    QCOMPARE(QString::fromStdString(formatExact(0.6, Dimension::Length)), QString("0.6 m"));
    QCOMPARE(QString::fromStdString(formatExact(0.012, Dimension::Length)), QString("12 mm"));
  }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "test_units.moc"
