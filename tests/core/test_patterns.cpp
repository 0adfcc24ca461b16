// Id patterns of templates: variables, groups, cycles, padding and every malformed form.
#include <QtTest>

#include "core/design/pattern.h"

using namespace gigaplan::design;

class TestPatterns : public QObject {
  Q_OBJECT
 private slots:
  void expands_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("k");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "grid" << 0 << 0 << 0 << "grid";
    QTest::newRow("index") << "tx-{i}" << 0 << 7 << 0 << "tx-7";
    QTest::newRow("hall and row") << "h{h}-r{i}" << 2 << 3 << 0 << "h2-r3";
    QTest::newRow("group of four, first") << "cdu-{i/4}" << 0 << 4 << 0 << "cdu-1";
    QTest::newRow("group of four, next") << "cdu-{i/4}" << 0 << 5 << 0 << "cdu-2";
    QTest::newRow("cycle") << "ups-{i%2}" << 0 << 3 << 0 << "ups-1";
    QTest::newRow("cycle second") << "ups-{i%2}" << 0 << 4 << 0 << "ups-2";
    QTest::newRow("padding") << "r{i:03}" << 0 << 7 << 0 << "r007";
    QTest::newRow("group padded") << "bw{k/8:02}" << 0 << 1 << 9 << "bw02";
  }
  void expands() {
    QFETCH(QString, pattern);
    QFETCH(int, h);
    QFETCH(int, i);
    QFETCH(int, k);
    QFETCH(QString, expected);
    const auto r = expandPattern(pattern.toStdString(), {h, i, k});
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(QString::fromStdString(r.text), expected);
  }

  void rejects_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("unclosed") << "tx-{i"
                              << "without its '}'";
    QTest::newRow("stray close") << "tx-i}"
                                 << "without its '{'";
    QTest::newRow("unknown variable") << "tx-{j}"
                                      << "unknown variable";
    QTest::newRow("k outside a row") << "tx-{k}"
                                     << "not defined here";
    QTest::newRow("zero group") << "tx-{i/0}"
                                << "should read";
    QTest::newRow("bad operator") << "tx-{i*2}"
                                  << "should read";
    QTest::newRow("bad width") << "tx-{i:3}"
                               << "a width like";
    QTest::newRow("empty") << "tx-{}"
                           << "a variable inside";
  }
  void rejects() {
    QFETCH(QString, pattern);
    QFETCH(QString, errorPart);
    const auto r = expandPattern(pattern.toStdString(), {0, 1, 0});
    QVERIFY(!r.error.empty());
    QVERIFY2(QString::fromStdString(r.error).contains(errorPart), r.error.c_str());
  }
};

QTEST_APPLESS_MAIN(TestPatterns)
#include "test_patterns.moc"
