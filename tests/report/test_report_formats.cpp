// The core report formats for every sample: HTML (self-contained, nothing remote), Markdown (with
// its image files), JSON (valid against docs/report.schema.json) and CSV (a table with a header
// row); and a design whose names contain markup shows them as text.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

#include "core/report/bom_csv.h"
#include "core/report/html_writer.h"
#include "core/report/markdown_writer.h"
#include "core/report/report_builder.h"
#include "core/report/report_format.h"
#include "core/report/report_json.h"
#include "report_fixture.h"

using namespace gigaplan;
using report_fixture::evaluated;

namespace {

// A validator for the subset of JSON Schema docs/report.schema.json uses: type (a name or a list
// of names), required, properties, items. Returns the first violation, or an empty string.
QString validate(const QJsonValue& v, const QJsonObject& schema, const QString& where) {
  if (schema.contains("type")) {
    QStringList types;
    if (schema["type"].isArray()) {
      for (const auto& t : schema["type"].toArray()) types << t.toString();
    } else {
      types << schema["type"].toString();
    }
    auto is = [&v](const QString& t) {
      if (t == "object") return v.isObject();
      if (t == "array") return v.isArray();
      if (t == "string") return v.isString();
      if (t == "boolean") return v.isBool();
      if (t == "null") return v.isNull();
      if (t == "number") return v.isDouble();
      if (t == "integer") return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
      return false;
    };
    if (std::none_of(types.begin(), types.end(), is)) return where + ": expected " + types.join(" or ");
  }
  if (v.isObject()) {
    const QJsonObject o = v.toObject();
    for (const auto& key : schema["required"].toArray()) {
      if (!o.contains(key.toString())) return where + ": missing required key '" + key.toString() + "'";
    }
    const QJsonObject props = schema["properties"].toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
      if (!o.contains(it.key())) continue;
      const QString e = validate(o[it.key()], it.value().toObject(), where + "." + it.key());
      if (!e.isEmpty()) return e;
    }
  }
  if (v.isArray() && schema.contains("items")) {
    const QJsonArray a = v.toArray();
    for (int i = 0; i < a.size(); ++i) {
      const QString e = validate(a[i], schema["items"].toObject(), where + "[" + QString::number(i) + "]");
      if (!e.isEmpty()) return e;
    }
  }
  return {};
}

// Every keyword in the schema is one the validator above checks (or an annotation).
QString unsupportedKeyword(const QJsonObject& schema) {
  static const QStringList known = {"$schema", "title", "description", "type", "required", "properties", "items"};
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    if (!known.contains(it.key())) return it.key();
  }
  for (const auto& p : schema["properties"].toObject()) {
    const QString k = unsupportedKeyword(p.toObject());
    if (!k.isEmpty()) return k;
  }
  return schema.contains("items") ? unsupportedKeyword(schema["items"].toObject()) : QString();
}

QJsonObject schema() {
  QFile f(GIGAPLAN_SOURCE_DIR "/docs/report.schema.json");
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

// RFC 4180: fields separated by commas, records by CRLF; quoted fields may hold commas, quotes
// (doubled) and line breaks. Returns nothing when the text is malformed.
std::optional<std::vector<std::vector<std::string>>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, wasQuoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      if (!field.empty() || wasQuoted) return std::nullopt;
      quoted = wasQuoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear(), wasQuoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field), field.clear(), wasQuoted = false;
      rows.emplace_back();
      ++i;
    } else if (c == '\r' || c == '\n') {
      return std::nullopt;  // a bare line break outside quotes
    } else {
      if (wasQuoted) return std::nullopt;
      field += c;
    }
  }
  if (quoted) return std::nullopt;
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

report::ReportDocument documentFor(const report_fixture::Evaluated& s) {
  report::ReportInputs in{*s.design, s.eval, s.training};
  in.generatedOn = "2026-01-01";
  return report::buildReport(in);
}

}  // namespace

class TestReportFormats : public QObject {
  Q_OBJECT
 private slots:
  void html_data() { report_fixture::addSampleRows(); }
  void html() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const QString html = QString::fromStdString(report::toHtml(documentFor(s)));
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for (const char* remote :
         {"src=\"http", "href=\"http", "src=\"//", "url(", "<script", "<link", "@import", "<iframe"}) {
      QVERIFY2(!html.contains(remote, Qt::CaseInsensitive), remote);
    }
    QVERIFY(html.contains("data:image/svg+xml;base64,"));
    QVERIFY(html.contains(QString::fromStdString(report::count(s.eval.compute.gpus))));
    QVERIFY(html.contains(QString::fromStdString(report::pue(s.eval.power.pue))));
    QCOMPARE(html.count("<section id="), 11);
  }

  void markdown_data() { report_fixture::addSampleRows(); }
  void markdown() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const report::MarkdownReport md = report::toMarkdown(documentFor(s), "site_images");
    QVERIFY(md.text.starts_with("# "));
    QVERIFY(md.files.size() >= 3);  // site plan, power breakdown, single-line diagram, …
    for (const auto& f : md.files) {
      QVERIFY2(f.path.starts_with("site_images/"), f.path.c_str());
      QVERIFY2(md.text.find("](" + f.path + ")") != std::string::npos, f.path.c_str());
      if (f.path.ends_with(".svg")) {
        QXmlStreamReader xml(QByteArray::fromStdString(f.bytes));
        while (!xml.atEnd()) xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(f.path.c_str() + QString(": ") + xml.errorString()));
      }
    }
    QVERIFY(md.text.find("| ---") != std::string::npos);  // tables
  }

  void schemaUsesOnlyCheckedKeywords() {
    const QJsonObject s = schema();
    QVERIFY(!s.isEmpty());
    QCOMPARE(unsupportedKeyword(s), QString());
  }

  void schemaValidatorCatchesBrokenReports() {
    const auto& s = evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const QJsonObject good =
        QJsonDocument::fromJson(QByteArray::fromStdString(report::reportJson(*s.design, s.eval, s.training))).object();
    QCOMPARE(validate(good, schema(), "$"), QString());
    QJsonObject missing = good;
    missing.remove("sources");
    QVERIFY(validate(missing, schema(), "$").contains("missing required key 'sources'"));
    QJsonObject wrongType = good;
    QJsonObject eval = wrongType["evaluation"].toObject();
    eval["gpus"] = "384";
    wrongType["evaluation"] = eval;
    QVERIFY(validate(wrongType, schema(), "$").startsWith("$.evaluation.gpus: expected integer"));
    QJsonObject badItem = good;
    QJsonArray sources = badItem["sources"].toArray();
    QJsonObject first = sources[0].toObject();
    first["count"] = 1.5;  // not a whole number
    sources[0] = first;
    badItem["sources"] = sources;
    QVERIFY(validate(badItem, schema(), "$").startsWith("$.sources[0].count"));
  }

  void json_data() { report_fixture::addSampleRows(); }
  void json() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromStdString(report::reportJson(*s.design, s.eval, s.training)), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QString violation = validate(doc.object(), schema(), "$");
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    const QJsonObject o = doc.object();
    QCOMPARE(o["report"]["schema"].toString(), QString(report::kReportSchema));
    QCOMPARE(o["evaluation"]["gpus"].toInteger(), s.eval.compute.gpus);
    QCOMPARE(o["evaluation"]["objects"]["racks"].toArray().size(),
             static_cast<qsizetype>(s.design->layout.racks.size()));
    QCOMPARE(o["training"]["present"].toBool(), s.design->design.job.has_value());
    QCOMPARE(o["training"]["ok"].toBool(), s.training.ok);
    QVERIFY(!o["sources"].toArray().isEmpty());
  }

  void csv_data() { report_fixture::addSampleRows(); }
  void csv() {
    QFETCH(QString, path);
    const auto& s = evaluated(path.toStdString());
    const auto rows = parseCsv(report::bomCsv(s.eval.bom, *s.design->catalog));
    QVERIFY(rows.has_value());
    QCOMPARE(rows->front(),
             (std::vector<std::string>{"category", "item", "name", "detail", "count", "total_length_m", "grade"}));
    QCOMPARE(rows->size(), s.eval.bom.size() + 1);
    for (std::size_t r = 1; r < rows->size(); ++r) {
      QCOMPARE((*rows)[r].size(), std::size_t(7));
      QVERIFY(std::all_of((*rows)[r][4].begin(), (*rows)[r][4].end(), ::isdigit));
    }
  }

  void csvQuotesAwkwardNames() {
    const std::vector<engine::BomLine> bom = {{"rack", "odd", "Rack, 42U \"big\"\nsecond line", "", 3, 0}};
    const auto rows = parseCsv(report::bomCsv(bom, report_fixture::base()));
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), std::size_t(2));
    QCOMPARE((*rows)[1][2], std::string("Rack, 42U \"big\"\nsecond line"));
  }

  void namesWithMarkupShowAsText() {
    design::Design d = io::loadDesign(report_fixture::samplePath("teaching-hall.yaml"), report_fixture::base());
    const std::string script = "<script>alert(1)</script>";
    const std::string img = "<img src=x onerror=alert(2)>";
    d.site.name = script;
    d.site.description = "Tom & Jerry's \"hall\" [x](javascript:alert(3))";
    d.halls.front().name = img;
    const auto r = report_fixture::resolve(std::move(d));
    const engine::Evaluation e = engine::evaluate(r->design, r->layout, *r->catalog);
    const report::TrainingPlan t = report::planTraining(*r, e);
    report::ReportInputs in{*r, e, t};
    const report::ReportDocument doc = report::buildReport(in);

    const std::string html = report::toHtml(doc);
    QVERIFY(html.find(script) == std::string::npos);
    QVERIFY(html.find("<img src=x") == std::string::npos);
    QVERIFY(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    QVERIFY(html.find("Tom &amp; Jerry&#39;s &quot;hall&quot;") != std::string::npos);

    const report::MarkdownReport md = report::toMarkdown(doc, "x_images");
    QVERIFY(md.text.find("<script") == std::string::npos);
    QVERIFY(md.text.find("<img") == std::string::npos);
    QVERIFY(md.text.find("[x](javascript") == std::string::npos);
    QVERIFY(md.text.find("\\[x\\](javascript") != std::string::npos);  // brackets escaped: no link
    QVERIFY(md.text.find("&lt;script&gt;") != std::string::npos);
    for (const auto& f : md.files) {  // the site plan's legend names the hall: escaped in the SVG
      QVERIFY2(f.bytes.find("<img src=x") == std::string::npos, f.path.c_str());
    }
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(report::reportJson(*r, e, t))).object();
    QCOMPARE(json["design"]["name"].toString().toStdString(), script);  // JSON keeps the name exactly
  }
};

QTEST_GUILESS_MAIN(TestReportFormats)
#include "test_report_formats.moc"
