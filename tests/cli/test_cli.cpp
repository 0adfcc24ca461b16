// gigaplan-cli as scripts use it: every command's --help, a mistyped command, each exit code of the
// table, the report without Qt, and the executable's link (no Qt Widgets, no VTK — no Qt at all).
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/cli/command_line.h"
#include "core/base/nearest_name.h"

using namespace gigaplan;

namespace {

struct Run {
  int code = -1;
  QString out, err;
};

const cli::CommandLine& headless() {
  static const cli::CommandLine line("gigaplan-cli", cli::headlessCommands(), cli::CommandLine::NoGui);
  return line;
}

Run run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Run r;
  r.code = headless().run(args, out, err).value_or(-1);
  r.out = QString::fromStdString(out.str());
  r.err = QString::fromStdString(err.str());
  return r;
}

Run runProcess(const QString& exe, const QStringList& args) {
  QProcess p;
  p.start(exe, args);
  Run r;
  if (!p.waitForFinished(60000)) return r;
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

std::string sample(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  std::string file(const char* name, const std::string& text) {
    const std::string path = dir_.filePath(name).toStdString();
    std::ofstream(path) << text;
    return path;
  }

 private slots:
  void everyCommandHasHelp() {
    QVERIFY(headless().commands().size() >= 6);
    for (const auto& c : headless().commands()) {
      for (const char* flag : {"--help", "-h"}) {
        const Run r = run({c.name, flag});
        QVERIFY2(r.code == 0, c.name.c_str());
        QVERIFY2(r.out.startsWith("usage: gigaplan-cli " + QString::fromStdString(c.name)), qPrintable(r.out));
        QVERIFY2(r.out.contains("64  usage"), qPrintable(r.out));  // the exit-code table
        QVERIFY(r.err.isEmpty());
      }
      QCOMPARE(run({"help", c.name}).code, 0);
    }
    // --help anywhere after the command wins over its other arguments (even malformed ones).
    QCOMPARE(run({"report", "x.yaml", "-o", "x.txt", "--help"}).code, 0);
    const Run all = run({"--help"});
    QCOMPARE(all.code, 0);
    for (const auto& c : headless().commands())
      QVERIFY(all.out.contains(QString::fromStdString("gigaplan-cli " + c.name)));
    for (const char* code :
         {"   0  ok", "   1  findings", "   2  input not loadable", "   3  output not writable", "  64  usage"})
      QVERIFY2(all.out.contains(code), code);
    QVERIFY(!all.out.contains("gigaplan-cli screenshot"));  // needs OpenGL: only in gigaplan
  }

  void typoNamesTheClosestCommand() {
    const Run r = run({"evalute", "f.yaml"});
    QCOMPARE(r.code, 64);
    QVERIFY2(r.err.contains("'evalute' is not a command; did you mean 'evaluate'?"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(run({"valdiate", "f.yaml"}).err.contains("did you mean 'validate'?"));  // swapped letters
    QVERIFY(run({"sumary"}).err.contains("did you mean 'summary'?"));
    QVERIFY(run({"rep"}).err.contains("did you mean 'report'?"));  // start of a name
    const Run far = run({"frobnicate"});
    QCOMPARE(far.code, 64);
    QVERIFY2(far.err.contains("Commands: validate summary evaluate train search report"), qPrintable(far.err));
    QCOMPARE(run({"help", "evalute"}).code, 64);
    QCOMPARE(run({}).code, 64);  // no GUI to fall back to
    QCOMPARE(run({"--frobnicate"}).code, 64);
  }

  // A usage error says what is wrong on one line, then prints the command's usage, under the name
  // of the program that runs it; every command does so through the dispatcher.
  void usageErrorsNameTheProblem() {
    const QString hall = QString::fromStdString(sample("teaching-hall.yaml"));
    const Run bogus = run({"evaluate", hall.toStdString(), "--bogus"});
    QCOMPARE(bogus.code, 64);
    QVERIFY2(
        bogus.err.startsWith("gigaplan-cli evaluate: unknown option '--bogus'\nusage: gigaplan-cli evaluate FILE "),
        qPrintable(bogus.err));
    QVERIFY(bogus.out.isEmpty());
    const Run noFile = run({"evaluate"});
    QCOMPARE(noFile.code, 64);
    QVERIFY2(noFile.err.startsWith("gigaplan-cli evaluate: missing FILE\nusage: gigaplan-cli evaluate FILE "),
             qPrintable(noFile.err));
    const Run extra = run({"summary", hall.toStdString(), "other.yaml"});
    QCOMPARE(extra.code, 64);
    QVERIFY2(extra.err.startsWith("gigaplan-cli summary: unexpected 'other.yaml'\nusage: gigaplan-cli summary FILE"),
             qPrintable(extra.err));
    const Run badValue = run({"evaluate", hall.toStdString(), "--seed", "x"});
    QVERIFY2(
        badValue.err.startsWith("gigaplan-cli evaluate: --seed takes a whole number\nusage: gigaplan-cli evaluate"),
        qPrintable(badValue.err));
    for (const auto& c : headless().commands()) {
      const QString name = QString::fromStdString(c.name);
      const Run r = run({c.name, "--bogus"});
      QVERIFY2(r.code == 64, qPrintable(name));
      QVERIFY2(r.err.startsWith("gigaplan-cli " + name + ": unknown option '--bogus'\nusage: gigaplan-cli " + name),
               qPrintable(r.err));
      const Run none = run({c.name});
      QVERIFY2(none.code == 64, qPrintable(name));
      QVERIFY2(none.err.startsWith("gigaplan-cli " + name + ": missing ") &&
                   none.err.contains("\nusage: gigaplan-cli " + name),
               qPrintable(none.err));
    }
    const Run nothing = run({});
    QVERIFY2(nothing.err.startsWith("gigaplan-cli: missing COMMAND\n"), qPrintable(nothing.err));
  }

  // A folder or an unreadable path given as FILE says which, not a size or a bare "cannot open".
  void fileThatIsNotADesignSaysWhy() {
    const QString folder = dir_.path();
    const Run d = run({"evaluate", folder.toStdString()});
    QCOMPARE(d.code, 2);
    QCOMPARE(d.err, folder + ": found a directory, expected a design file\n");
    const Run missing = run({"validate", "/nonexistent/site.yaml"});
    QCOMPARE(missing.code, 2);
    QCOMPARE(missing.err,
             QString("/nonexistent/site.yaml: found a file that cannot be opened (No such file or directory), expected "
                     "a design file\n"));
  }

  // The rule behind "did you mean" here and in the design reader (core/base/nearest_name.h).
  void editDistanceCountsEdits() {
    QCOMPARE(base::editDistance("evalute", "evaluate"), std::size_t{1});   // one insertion
    QCOMPARE(base::editDistance("valdiate", "validate"), std::size_t{1});  // one swap of neighbours
    QCOMPARE(base::editDistance("kitten", "sitting"), std::size_t{3});     // k→s, e→i, +g
    QCOMPARE(base::editDistance("", "train"), std::size_t{5});
    QCOMPARE(base::nearestName("sea", {"year", "search"}), std::optional<std::string>("search"));  // begun
    QCOMPARE(base::nearestName("feed_c", {"feed_a", "feed_b"}), std::optional<std::string>());     // two as near
    QCOMPARE(base::nearestName("ratting", {"rotation", "rating"}), std::optional<std::string>("rating"));
    // A key of a megabyte is no typo: no suggestion, and no table of a megabyte by each name.
    QCOMPARE(base::nearestName(std::string(1 << 20, 'r'), {"rating"}), std::optional<std::string>());
  }

  // summary and evaluate give the sources the same capacity: the campus's four 240 MW grid
  // connections each feed a 240 MVA HV substation, 228 MW at its power factor of 0.95.
  void summaryCountsWhatTheSourcesDeliver() {
    const Run summary = run({"summary", sample("gigawatt-campus.yaml")});
    QCOMPARE(summary.code, 0);
    QVERIFY2(summary.out.contains("grid: 912 MW, on-site generation: 700 MW (what they deliver through the gear "
                                  "they feed)"),
             qPrintable(summary.out));
    const Run evaluate = run({"evaluate", sample("gigawatt-campus.yaml"), "--json"});
    const QJsonObject power = QJsonDocument::fromJson(evaluate.out.toUtf8()).object()["power"].toObject();
    QCOMPARE(power["grid_capacity_mw"].toDouble(), 912.0);
    QCOMPARE(power["generation_capacity_mw"].toDouble(), 700.0);
  }

  // One command per code of the table; each row would fail if the command returned another code.
  void everyExitCodeIsProduced() {
    QCOMPARE(run({"validate", sample("teaching-hall.yaml")}).code, 0);
    // Five GB200 NVL72 racks (5 × 132 kW) on one 546 kW busway: an overload finding of severity error.
    const std::string overloaded =
        file("overloaded.yaml",
             "format: 1\nsite: {name: o, size: [50 m, 50 m]}\npower:\n  - {id: grid, kind: grid, rating: 5 MW}\n"
             "  - {id: bw, kind: busway, model: busway-800a, fed_by: grid}\nhalls:\n  - id: h\n    origin: [0 m, 0 m]\n"
             "    size: [20 m, 20 m]\n    rows:\n      - {id: r, origin: [2 m, 2 m], racks: 5, rack: gb200-nvl72, "
             "feed_a: bw}\n");
    const Run findings = run({"validate", overloaded});
    QCOMPARE(findings.code, 1);
    QVERIFY(findings.err.contains("power.overload"));
    // A dense model of 12 · 120 layers · 28,672² ≈ 1.18e12 parameters holds 2.37 TB of bf16 weights
    // alone; eight 80 GB GPUs hold 640 GB in all, so no plan fits.
    const std::string cluster = file("c.yaml",
                                     "cluster:\n  gpu: a100-sxm-80gb\n  count: 8\n  scale_up: {size: 8}\n"
                                     "  scale_out: {bandwidth_per_gpu: 200 Gb/s, oversubscription: 1}\n  pue: 1.2\n");
    const std::string job =
        file("j.yaml",
             "model: {name: huge, layers: 120, hidden: 28672, heads: 224, seq_len: 2048, vocab: 51200}\n"
             "training: {tokens: 1e9, global_batch: 64, micro_batch: 1, precision: bf16}\n");
    const Run none = run({"search", "--cluster", cluster, "--job", job, "--top", "3"});
    QVERIFY2(none.code == 1, qPrintable(none.out + none.err));
    QVERIFY(none.out.contains("no plan fits"));
    QCOMPARE(run({"train", "--cluster", cluster, "--job", job}).code, 1);
    const Run missing = run({"summary", "/nonexistent/site.yaml"});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains("/nonexistent/site.yaml"));
    const Run unwritable = run({"report", sample("teaching-hall.yaml"), "-o", "/nonexistent/folder/r.json"});
    QCOMPARE(unwritable.code, 3);
    QVERIFY2(unwritable.err.contains("cannot write /nonexistent/folder/r.json"), qPrintable(unwritable.err));
    QCOMPARE(run({"evaluate"}).code, 64);
  }

  // A job whose explicit plan does not fit in GPU memory is a finding of severity error of the site:
  // the SuperPOD's Llama 3 70B without tensor parallelism or a sharded optimizer needs about 314 GiB
  // per GB200 of 173. validate and train exit 1 and name it; evaluate lists it with the rest.
  void aPlanThatDoesNotFitIsAnError() {
    std::ifstream in(sample("superpod-gb200-su.yaml"));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"    tp: 2\n    pp: 4\n", "    tp: 1\n    pp: 8\n"},
          {"    distributed_optimizer: true", "    distributed_optimizer: false"}}) {
      const auto at = text.find(from);
      QVERIFY(at != std::string::npos);
      text.replace(at, from.size(), to);
    }
    const std::string design = file("nofit.yaml", text);
    const Run validate = run({"validate", design});
    QCOMPARE(validate.code, 1);
    QVERIFY2(validate.out.contains("1 error"), qPrintable(validate.out));
    QVERIFY2(validate.err.contains("[training.does-not-fit]") && validate.err.contains("of 173.2 GiB"),
             qPrintable(validate.err));
    const Run train = run({"train", "--cluster", design});
    QCOMPARE(train.code, 1);
    QVERIFY(train.out.contains("error [training.does-not-fit]"));
    const Run evaluate = run({"evaluate", design});
    QCOMPARE(evaluate.code, 0);  // evaluate lists; validate fails
    QVERIFY2(evaluate.out.contains("1 error"), qPrintable(evaluate.out));
    // The sample as it is fits: no error. Its energy says whose it is: the job's GPUs, not the site.
    QCOMPARE(run({"validate", sample("superpod-gb200-su.yaml")}).code, 0);
    const Run fits = run({"train", "--cluster", sample("superpod-gb200-su.yaml")});
    QVERIFY2(fits.out.contains("MWh at the facility for the job's 576 GPUs") &&
                 fits.out.contains("not the rest of the site"),
             qPrintable(fits.out));
  }

  // A design's own job whose plan needs more GPUs than the design builds gets no estimate from
  // train either: the teaching hall with one GB200 rack fewer (216 GPUs) against a 256-GPU plan.
  void aPlanLargerThanTheSiteIsAnError() {
    std::ifstream in(sample("teaching-hall.yaml"));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "        racks: 4\n";
    const auto at = text.find(from);
    QVERIFY(at != std::string::npos);
    text.replace(at, from.size(), "        racks: 3\n");
    const std::string design = file("small.yaml", text);
    const Run train = run({"train", "--cluster", design});
    QCOMPARE(train.code, 1);
    QVERIFY2(train.err.contains("at most the cluster's 216 GPUs") && train.err.contains("[training.no-estimate]"),
             qPrintable(train.err));
    QVERIFY(!train.out.contains("days"));
    QCOMPARE(run({"validate", design}).code, 1);
  }

  // `year`: text, JSON (8,760 hourly values) and CSV (a header and 8,760 rows) of a sample through
  // a bundled typical year; the design's own site.weather resolved against its folder; a missing
  // weather file named at its key (exit 2); usage errors exit 64.
  void yearCommand() {
    const std::string chicago = GIGAPLAN_SOURCE_DIR "/resources/weather/chicago.epw";
    const Run text = run({"year", sample("teaching-hall.yaml"), "--weather", chicago});
    QVERIFY2(text.code == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains("8,760 hours, dry bulb -22.8 °C to 35.0 °C"), qPrintable(text.out));
    QVERIFY(text.out.contains("PUE:") && text.out.contains("worst hour"));
    // The job's days before the weather are its days with interruptions, as train gives them: not
    // "at full speed".
    const Run superpod = run({"year", sample("superpod-gb200-su.yaml"), "--weather", chicago});
    QVERIFY2(superpod.out.contains("the design's job takes 77.3 days without weather throttling (failures and "
                                   "restarts included); from 1 January, "),
             qPrintable(superpod.out));
    QVERIFY(!superpod.out.contains("full speed"));
    QVERIFY(run({"train", "--cluster", sample("superpod-gb200-su.yaml")}).out.contains("77.3 days with interruptions"));
    const Run json = run({"year", sample("teaching-hall.yaml"), "--weather", chicago, "--json"});
    QCOMPARE(json.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o["hours"].toInt(), 8760);
    QCOMPARE(o["hourly"].toObject()["pue"].toArray().size(), 8760);
    QCOMPARE(o["months"].toArray().size(), 12);
    QVERIFY(o["pue"].toDouble() > 1);
    const Run csv = run({"year", sample("teaching-hall.yaml"), "--weather", chicago, "--csv"});
    QCOMPARE(csv.code, 0);
    QCOMPARE(csv.out.count('\n'), 8761);
    QVERIFY(csv.out.startsWith("month,day,hour,dry_bulb_c,"));

    std::ifstream in(sample("teaching-hall.yaml"));
    std::string design((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string key = "  ambient: 35 degC\n";
    QVERIFY(design.find(key) != std::string::npos);
    std::string named = design;
    named.replace(named.find(key), key.size(), key + "  weather: " + chicago + "\n");
    const std::string namedFile = file("named.yaml", named);
    QCOMPARE(run({"year", namedFile}).code, 0);
    // A design that names its weather gets the year's section in its report.
    const std::string html = dir_.filePath("named.html").toStdString();
    QCOMPARE(run({"report", namedFile, "-o", html}).code, 0);
    std::ifstream page(html);
    const std::string content((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
    QVERIFY(content.find("A year of weather") != std::string::npos);
    QVERIFY(content.find("The worst hours by PUE") != std::string::npos);
    std::string missing = design;
    missing.replace(missing.find(key), key.size(), key + "  weather: nowhere.epw\n");
    const Run bad = run({"year", file("missing.yaml", missing)});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains("missing.yaml:25:12: site.weather: found 'nowhere.epw'"), qPrintable(bad.err));
    const Run none = run({"year", sample("teaching-hall.yaml")});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains("site.weather: found no weather file, expected site: weather: FILE"),
             qPrintable(none.err));
    QCOMPARE(run({"year"}).code, 64);
    QCOMPARE(run({"year", sample("teaching-hall.yaml"), "--weather"}).code, 64);
    QCOMPARE(run({"year", sample("teaching-hall.yaml"), "--json", "--csv"}).code, 64);
    QCOMPARE(run({"year", sample("teaching-hall.yaml"), "--frob"}).code, 64);
  }

  // `evaluate --uncertainty N`: the bands and tornado in text and as one more JSON member; the
  // spread per grade changes them; bad values exit 64.
  void evaluateUncertainty() {
    const Run text = run({"evaluate", sample("teaching-hall.yaml"), "--uncertainty", "50"});
    QVERIFY2(text.code == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains("How sure: 50 samples over") && text.out.contains("What moves facility power most"),
             qPrintable(text.out));
    const Run json = run({"evaluate", sample("teaching-hall.yaml"), "--uncertainty", "50", "--json"});
    QCOMPARE(json.code, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(o.contains("power"));  // the evaluation's own members stay
    const QJsonObject facility = o["uncertainty"].toObject()["facility_w"].toObject();
    QVERIFY(facility["p10"].toDouble() < facility["p90"].toDouble());
    const Run narrow = run(
        {"evaluate", sample("teaching-hall.yaml"), "--uncertainty", "50", "--json", "--spread", "V=0,S=0,E=0,U=0.01"});
    const QJsonObject tight =
        QJsonDocument::fromJson(narrow.out.toUtf8()).object()["uncertainty"].toObject()["facility_w"].toObject();
    QVERIFY(tight["p90"].toDouble() - tight["p10"].toDouble() <
            0.2 * (facility["p90"].toDouble() - facility["p10"].toDouble()));
    QCOMPARE(run({"evaluate", sample("teaching-hall.yaml"), "--uncertainty", "5"}).code, 64);
    QCOMPARE(run({"evaluate", sample("teaching-hall.yaml"), "--uncertainty"}).code, 64);
    QCOMPARE(run({"evaluate", sample("teaching-hall.yaml"), "--uncertainty", "50", "--spread", "X=0.1"}).code, 64);
    QCOMPARE(run({"evaluate", sample("teaching-hall.yaml"), "--spread", "U=0.1"}).code, 64);
  }

  // evaluate says, where it prints the optics power, that it is the switches' modules alone, and
  // that the GPU NICs' are among the transceivers with their power inside the racks' (IT), in the
  // report's words; the JSON's figures are the same.
  void evaluateSaysWhereTheNicOpticsAre() {
    const std::string su = sample("superpod-gb200-su.yaml");
    const Run text = run({"evaluate", su});
    QCOMPARE(text.code, 0);
    const QJsonObject fabric =
        QJsonDocument::fromJson(run({"evaluate", su, "--json"}).out.toUtf8()).object()["fabric"].toObject();
    const int nics = fabric["nic_transceivers"].toInt();
    QVERIFY(nics > 0);
    const auto m = QRegularExpression(
                       "\n  cables / transceivers +[0-9,]+ / [0-9,]+ \\(([0-9,]+) in the GPU NICs, their "
                       "([0-9.]+) kW inside the racks' rated power\\)\n")
                       .match(text.out);
    QVERIFY2(m.hasMatch(), qPrintable(text.out));
    QCOMPARE(m.captured(1).remove(',').toInt(), nics);
    QVERIFY(std::fabs(m.captured(2).toDouble() - fabric["nic_optics_power_mw"].toDouble() * 1e3) < 0.01);
    const auto optics = QRegularExpression("\n  optics at the switches +([0-9.]+) kW\n").match(text.out);
    QVERIFY2(optics.hasMatch(), qPrintable(text.out));
    QVERIFY(std::fabs(optics.captured(1).toDouble() - fabric["optics_power_mw"].toDouble() * 1e3) < 0.1);
    QVERIFY2(text.out.contains(QRegularExpression("\n  switch power +[0-9.]+ kW without optics\n")),
             qPrintable(text.out));
    // The report's Fabric section says it in the same words.
    const QString md = dir_.filePath("nic.md");
    QCOMPARE(run({"report", su, "-o", md.toStdString()}).code, 0);
    QFile f(md);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString report = QString::fromUtf8(f.readAll());
    const QString words = m.captured(0).mid(m.captured(0).indexOf('(') + 1).section(')', 0, 0);
    QVERIFY2(
        report.contains("Transceivers include " + words + "; optics power counts only the modules at the switches."),
        qPrintable(words));
  }

  // `phases`: each phase's columns reconcile — PUE is facility / (IT + network), as evaluate gives
  // it — in the text, the CSV and the JSON; the finished site's IT and network are evaluate's.
  void phasesReconcile() {
    const auto near = [](double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; };
    const Run text = run({"phases", sample("gigawatt-campus.yaml"), "--no-year"});
    QVERIFY2(text.out.contains("   IT MW  network MW  facility MW  sources MW    PUE  "), qPrintable(text.out));
    int rows = 0;
    for (const QString& line : text.out.split('\n')) {
      const QStringList w = line.split(' ', Qt::SkipEmptyParts);
      if (w.size() < 11 || !QRegularExpression("^\\d$").match(w[0]).hasMatch()) continue;
      ++rows;
      const auto value = [&](int i) { return QString(w[i]).remove(',').toDouble(); };
      // IT, network and facility to 0.1 MW, PUE to 0.001: within what the rounding leaves.
      const double it = value(6), network = value(7), facility = value(8), pue = value(10);
      const double rounding = pue * (0.05 / facility + 0.1 / (it + network)) + 0.0005;
      QVERIFY2(network > 0 && near(facility / (it + network), pue, rounding), qPrintable(line));
    }
    QCOMPARE(rows, 5);

    const Run csv = run({"phases", sample("gigawatt-campus.yaml"), "--no-year", "--csv"});
    const QStringList lines = csv.out.trimmed().split('\n');
    QVERIFY2(lines[0].startsWith("phase,date,name,gpus,peak_bf16_eflops,it_mw,network_mw,facility_mw,"),
             qPrintable(lines[0]));
    for (int i = 1; i < lines.size(); ++i) {
      // The fields after the name (quoted when it holds a comma): gpus, compute, IT, network, facility, sources, PUE.
      const auto m = QRegularExpression("^\\d+,[^,]+,(\"[^\"]*\"|[^,]*),(.*)$").match(lines[i]);
      QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
      const QStringList c = m.captured(2).split(',');
      QVERIFY2(near(c[4].toDouble() / (c[2].toDouble() + c[3].toDouble()), c[6].toDouble(), 1e-4),
               qPrintable(lines[i]));
    }
    QCOMPARE(lines.size(), 6);

    const QJsonObject o =
        QJsonDocument::fromJson(run({"phases", sample("gigawatt-campus.yaml"), "--no-year", "--json"}).out.toUtf8())
            .object();
    for (const auto p : o["phases"].toArray()) {
      const QJsonObject phase = p.toObject();
      QVERIFY(phase["network_w"].toDouble() > 0);
      QVERIFY(near(phase["facility_w"].toDouble() / (phase["it_w"].toDouble() + phase["network_w"].toDouble()),
                   phase["pue"].toDouble(), 1e-9));
    }
    const QJsonObject power =
        QJsonDocument::fromJson(run({"evaluate", sample("gigawatt-campus.yaml"), "--json"}).out.toUtf8())
            .object()["power"]
            .toObject();
    const QJsonObject last = o["phases"].toArray().last().toObject();
    QVERIFY(near(last["it_w"].toDouble(), power["it_mw"].toDouble() * 1e6, 1));
    QVERIFY(near(last["network_w"].toDouble(), power["network_mw"].toDouble() * 1e6, 1));
  }

  // `phases`: the gigawatt sample phase by phase (text, JSON with every phase's findings and the
  // job's finish date, CSV one row per phase); a phase with errors exits 1; a design without phases
  // says so; a phase naming nothing is a load error at its key (exit 2); usage errors exit 64.
  void phasesCommand() {
    const Run text = run({"phases", sample("gigawatt-campus.yaml")});
    QVERIFY2(text.code == 0, qPrintable(text.err + text.out));
    QVERIFY2(text.out.contains("5 phases, 2 Mar 2026 to 3 May 2027"), qPrintable(text.out));
    QVERIFY(text.out.contains("Hall A1 on turbines") && text.out.contains("finishes "));
    // The findings column is the site's checks; the job's, on the finished site the same three
    // warnings as evaluate gives (idle gb300, batch, goodput), are counted on the job's lines.
    QVERIFY2(text.out.contains("\n  Findings: the site's own checks at each phase; the training job's findings on each "
                               "phase's cluster are counted on the job's line for that phase below.\n"),
             qPrintable(text.out));
    QVERIFY2(text.out.contains("  5. 4.5 T tokens/day on 262,144 gb200 (dp 8,192); job findings: 3 warnings\n"),
             qPrintable(text.out));
    const QJsonObject evaluated =
        QJsonDocument::fromJson(run({"evaluate", sample("gigawatt-campus.yaml"), "--json"}).out.toUtf8()).object();
    const Run json = run({"phases", sample("gigawatt-campus.yaml"), "--json"});
    QCOMPARE(json.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray phases = o["phases"].toArray();
    QCOMPARE(phases.size(), 5);
    QCOMPARE(phases[0].toObject()["date"].toString(), QString("2026-03-02"));
    QCOMPARE(phases[4].toObject()["gpus"].toInteger(), 428544);
    QVERIFY(phases[0].toObject()["findings"].toArray().size() >= 1);
    int jobWarnings = 0;
    for (const auto f : phases[4].toObject()["training"].toObject()["findings"].toArray())
      jobWarnings += f.toObject()["severity"].toString() == "warning";
    QCOMPARE(jobWarnings, 3);
    int siteTrainingWarnings = 0;
    for (const auto f : evaluated["findings"].toArray())
      siteTrainingWarnings +=
          f.toObject()["severity"].toString() == "warning" && f.toObject()["code"].toString().startsWith("training.");
    QCOMPARE(siteTrainingWarnings, jobWarnings);
    QCOMPARE(o["job"].toObject()["start"].toString(), QString("2026-05-04"));
    QVERIFY(o["job"].toObject()["finish"].toString() > QString("2026-05-04"));
    const Run csv = run({"phases", sample("gigawatt-campus.yaml"), "--csv"});
    QCOMPARE(csv.code, 0);
    QCOMPARE(csv.out.count('\n'), 6);
    QVERIFY(csv.out.startsWith("phase,date,name,gpus,"));

    std::ifstream in(sample("teaching-hall.yaml"));
    const std::string design((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Run none = run({"phases", sample("teaching-hall.yaml")});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.contains("has no phases"));
    // The storage rack's air handler comes a phase later: an error in the first phase, exit 1.
    const Run early = run({"phases", file("early.yaml", design + "phases:\n  - {date: 2026-01-05}\n"
                                                                 "  - {date: 2026-04-01, online: [ahu-2]}\n")});
    QCOMPARE(early.code, 1);
    QVERIFY2(early.out.contains("ahu-2 comes online only in 'Phase 2' (1 Apr 2026)"), qPrintable(early.out));
    const Run bad = run({"phases", file("bad.yaml", design + "phases:\n  - {date: 2026-01-05, online: [zz]}\n")});
    QCOMPARE(bad.code, 2);
    const auto badLine = std::count(design.begin(), design.end(), '\n') + 2;  // the line after the sample's
    QVERIFY2(bad.err.contains(QString(":%1:33: phases[0].online[0]: found 'zz'").arg(badLine)), qPrintable(bad.err));
    QCOMPARE(run({"phases"}).code, 64);
    QCOMPARE(run({"phases", sample("teaching-hall.yaml"), "--json", "--csv"}).code, 64);
  }

  void reportWithoutQt() {
    for (const char* name : {"r.html", "r.md", "r.json", "r.csv"}) {
      const std::string out = dir_.filePath(name).toStdString();
      const Run r = run({"report", sample("teaching-hall.yaml"), "-o", out, "--date", "2026-01-02"});
      QVERIFY2(r.code == 0, qPrintable(r.err));
      std::ifstream in(out);
      std::stringstream text;
      text << in.rdbuf();
      QVERIFY2(text.str().size() > 500, name);
      if (QByteArray(name).endsWith(".html")) {
        QVERIFY(text.str().find("2026-01-02") != std::string::npos);
        QVERIFY(text.str().find("gigaplan-cli draws none") != std::string::npos);  // the picture's absence said
      }
    }
    QVERIFY(QFileInfo(dir_.filePath("r_images")).isDir());  // the Markdown drawings
    const Run pdf = run({"report", sample("teaching-hall.yaml"), "-o", dir_.filePath("r.pdf").toStdString()});
    QCOMPARE(pdf.code, 64);
    QVERIFY2(pdf.err.contains("use `gigaplan report"), qPrintable(pdf.err));
    QVERIFY(!QFileInfo::exists(dir_.filePath("r.pdf")));
  }

  // power-profile --json flags a dominant line that is only the slowest the record resolves, which
  // the text calls no dominant frequency: the Colossus-like site's hour (failures and restarts), not
  // the Llama 3 cluster's training steps.
  void powerProfileJsonFlagsTheSlowestLine() {
    for (const auto& [name, slowest] : {std::pair{"colossus1-like.yaml", true}, {"llama3-cluster.yaml", false}}) {
      const Run text = run({"power-profile", sample(name)});
      QVERIFY2(text.code == 0, qPrintable(text.err));
      QCOMPARE(text.out.contains("dominant frequency (3+ periods) none within the record: the slowest line"), slowest);
      const Run json = run({"power-profile", sample(name), "--json"});
      QCOMPARE(json.code, 0);
      const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
      for (const char* at : {"site", "grid"}) {
        const QJsonObject f = o[at].toObject();
        QVERIFY2(f["dominant_is_slowest_line"].isBool(), at);
        QCOMPARE(f["dominant_is_slowest_line"].toBool(), slowest);
        QVERIFY(f["dominant_frequency_hz"].toDouble() > 0);
      }
    }
  }

  // power-profile: the series as CSV (10 Hz: 600 rows for 60 s), the figures as JSON, the text with
  // a grid limit broken, and its usage errors.
  void powerProfile() {
    const std::string su = sample("superpod-gb200-su.yaml");
    const Run csv = run({"power-profile", su, "--seconds", "60", "--csv"});
    QVERIFY2(csv.code == 0, qPrintable(csv.err));
    const QStringList lines = csv.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 601);
    QVERIFY(lines[0].startsWith("time_s,activity,gpu_w,it_w,shelf_w,cooling_w,site_w,battery_w,generation_w,grid_w"));
    QVERIFY2(lines[1].startsWith("0.0,idle,"), qPrintable(lines[1]));  // the job starts after 6 s of idle
    QVERIFY2(lines[600].startsWith("59.9,training,"), qPrintable(lines[600]));
    const Run stopped = run({"power-profile", su, "--seconds", "60", "--stop", "40", "--csv"});
    QCOMPARE(stopped.code, 0);
    QVERIFY(stopped.out.split('\n', Qt::SkipEmptyParts)[401].startsWith("40.0,idle,"));
    const Run json = run({"power-profile", su, "--seconds", "60", "--json"});
    QCOMPARE(json.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o["series"].toObject()["site_w"].toArray().size(), 600);
    QVERIFY(o["site"].toObject()["swing_w"].toDouble() > 0);
    // One SU of 576 GB200 swings by hundreds of kW: a 100 kW largest step is broken.
    std::ifstream in(su);
    std::stringstream text;
    text << in.rdbuf();
    const std::string limited =
        file("limited.yaml", text.str() + "\npower_dynamics:\n  grid_largest_step: 100 kW\n  gpu_power_floor: 80 %\n");
    const Run t = run({"power-profile", limited, "--seconds", "120"});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    QVERIFY2(t.out.contains("error [dynamics.grid-step]"), qPrintable(t.out));
    QVERIFY(t.out.contains("GPU power floor 80 % costs"));
    QVERIFY(t.out.contains("smallest battery"));
    QVERIFY(t.out.contains("approximate:"));
    QVERIFY2(t.out.contains(", 0 failures, 0 restarts"), qPrintable(t.out));  // 576 GPUs: one a few days
    QVERIFY(!t.out.contains("power-shelf storage"));  // GB200's shelves store nothing we know of
    // The same SU of GB300 racks: 576 GPUs × 65 J in their power shelves take the fastest edges.
    std::string gb300 = text.str();
    for (std::size_t at; (at = gb300.find("gb200-nvl72")) != std::string::npos;) gb300.replace(at, 11, "gb300-nvl72");
    const Run shelves = run({"power-profile", file("gb300.yaml", gb300), "--seconds", "120"});
    QVERIFY2(shelves.code == 0, qPrintable(shelves.err));
    QVERIFY2(shelves.out.contains("power-shelf storage           10.4 Wh (65 J per GPU)"), qPrintable(shelves.out));
    QVERIFY(shelves.out.contains("approximate: power-shelf storage"));
    // A design without a job needs --job: the teaching hall with its job: section cut out.
    std::ifstream hallIn(sample("teaching-hall.yaml"));
    std::string hall, line;
    bool inJob = false;
    while (std::getline(hallIn, line)) {
      if (!line.empty() && line[0] != ' ' && line[0] != '#') inJob = line.rfind("job:", 0) == 0;
      if (!inJob) hall += line + "\n";
    }
    const Run noJob = run({"power-profile", file("no-job.yaml", hall)});
    QCOMPARE(noJob.code, 64);
    QVERIFY2(noJob.err.contains("has no job"), qPrintable(noJob.err));
    QCOMPARE(run({"power-profile", su, "--seconds", "0"}).code, 64);
    QCOMPARE(run({"power-profile", su, "--csv", "--json"}).code, 64);
    QCOMPARE(run({"power-profile", su, "--frobnicate"}).code, 64);
    QCOMPARE(run({"power-profile", "/nonexistent/site.yaml"}).code, 2);
  }

  // The executable itself: the same table, the right exit codes, and nothing of Qt or VTK linked.
  void executable() {
    const Run version = runProcess(GIGAPLAN_CLI_EXE, {"--version"});
    QCOMPARE(version.code, 0);
    QCOMPARE(version.out, QString("gigaplan-cli " GIGAPLAN_VERSION "\n"));
    const Run typo = runProcess(GIGAPLAN_CLI_EXE, {"evalute", "f.yaml"});
    QCOMPARE(typo.code, 64);
    QVERIFY(typo.err.contains("did you mean 'evaluate'?"));
    QCOMPARE(runProcess(GIGAPLAN_CLI_EXE, {"validate", QString::fromStdString(sample("teaching-hall.yaml"))}).code, 0);
    // Help and usage errors name the program as it was run (argv[0]), here through a link.
    const QString renamed = dir_.filePath("gp");
    QVERIFY(QFile::link(GIGAPLAN_CLI_EXE, renamed));
    const Run usage = runProcess(renamed, {"evaluate"});
    QCOMPARE(usage.code, 64);
    QVERIFY2(usage.err.startsWith("gp evaluate: missing FILE\nusage: gp evaluate FILE "), qPrintable(usage.err));
    QVERIFY(runProcess(renamed, {"evaluate", "--help"}).out.startsWith("usage: gp evaluate FILE "));

    const Run ldd = runProcess("ldd", {GIGAPLAN_CLI_EXE});
    QCOMPARE(ldd.code, 0);
    QVERIFY2(ldd.out.contains("libyaml-cpp"), qPrintable(ldd.out));  // the detector sees real libraries
    for (const char* forbidden : {"libQt6Widgets", "libQt6OpenGL", "libQt6Gui", "libQt6Core", "libvtk", "libGL"})
      QVERIFY2(!ldd.out.contains(forbidden), qPrintable(QString(forbidden) + " linked:\n" + ldd.out));
  }

#ifdef GIGAPLAN_GUI_EXE
  // `gigaplan` forwards to the same dispatcher: a typo is an error there too, not the GUI.
  void desktopExecutableForwards() {
    const Run typo = runProcess(GIGAPLAN_GUI_EXE, {"evalute", "f.yaml"});
    QCOMPARE(typo.code, 64);
    QVERIFY2(typo.err.contains("'evalute' is not a command; did you mean 'evaluate'?"), qPrintable(typo.err));
    const Run help = runProcess(GIGAPLAN_GUI_EXE, {"screenshot", "--help"});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.startsWith("usage: gigaplan screenshot"));
  }
#endif
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
