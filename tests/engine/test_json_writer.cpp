// JsonWriter (core/report): nesting, commas, escaping, numbers, empty containers — checked by
// reading the text back with Qt's JSON parser.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <limits>

#include "core/base/json_writer.h"

using gigaplan::report::JsonWriter;

namespace {

QJsonDocument parse(const std::string& text) {
  QJsonParseError error;
  QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
  if (error.error != QJsonParseError::NoError) qWarning() << error.errorString() << text.c_str();
  return d;
}

}  // namespace

class TestJsonWriter : public QObject {
  Q_OBJECT
 private slots:
  void nestedDocument() {
    for (bool indent : {true, false}) {
      JsonWriter j(indent);
      j.beginObject().field("gpus", 576).field("name", "GB200 \"NVL72\"\n\tline\\2\x01");
      j.key("power").beginObject().field("pue", 1.21).field("ok", true).key("none").null().endObject();
      j.key("list").beginArray().value(1).value(2.5).beginObject().endObject().beginArray().endArray().endArray();
      j.key("empty").beginObject().endObject();
      j.endObject();
      const QJsonObject o = parse(j.str()).object();
      QCOMPARE(o["gpus"].toInt(), 576);
      QCOMPARE(o["name"].toString(), QString("GB200 \"NVL72\"\n\tline\\2\x01"));
      QCOMPARE(o["power"]["pue"].toDouble(), 1.21);
      QCOMPARE(o["power"]["ok"].toBool(), true);
      QVERIFY(o["power"]["none"].isNull());
      QCOMPARE(o["list"].toArray().size(), qsizetype(4));
      QCOMPARE(o["list"][1].toDouble(), 2.5);
      QVERIFY(o["empty"].toObject().isEmpty());
      QCOMPARE(j.str().find('\n') != std::string::npos, indent);
    }
  }

  void numbers_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("text");
    QTest::newRow("shortest round trip") << 0.1 + 0.2 << 0 << "0.30000000000000004";
    QTest::newRow("9 significant digits") << 0.1 + 0.2 << 9 << "0.3";
    QTest::newRow("large: shortest form") << 1.2e9 << 0 << "1.2e+09";
    QTest::newRow("nan is null") << std::numeric_limits<double>::quiet_NaN() << 0 << "null";
    QTest::newRow("inf is null") << std::numeric_limits<double>::infinity() << 9 << "null";
  }
  void numbers() {
    QFETCH(double, value);
    QFETCH(int, digits);
    QFETCH(QString, text);
    JsonWriter j(false);
    j.beginArray();
    if (digits > 0)
      j.value(value, digits);
    else
      j.value(value);
    j.endArray();
    QCOMPARE(QString::fromStdString(j.str()), "[" + text + "]");
  }

  void integersAreExact() {
    JsonWriter j(false);
    j.beginArray().value(std::int64_t{9007199254740993}).endArray();
    QCOMPARE(j.str(), std::string("[9007199254740993]"));
  }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_json_writer.moc"
