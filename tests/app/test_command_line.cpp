// The command line as scripts and CI use it: exit codes, messages on stderr, help and version.
#include <QtTest>

#include <QTemporaryDir>
#include <sstream>

#include "app/gui/app_commands.h"

using namespace gigaplan;

namespace {

struct Run {
  int code = -1;
  QString out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  const auto code = app::appCommandLine().run(args, out, err);
  r.code = code.value_or(-1);
  r.out = QString::fromStdString(out.str());
  r.err = QString::fromStdString(err.str());
  return r;
}

std::string sample(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

}  // namespace

class TestCommandLine : public QObject {
  Q_OBJECT
 private slots:
  void helpAndVersion() {
    const Run help = run({"--help"});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains("gigaplan validate FILE..."));
    const Run version = run({"--version"});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.startsWith("gigaplan " GIGAPLAN_VERSION));
  }

  void unknownOptionIsAUsageError() {
    const Run r = run({"--frobnicate"});
    QCOMPARE(r.code, 64);
    QVERIFY(r.err.contains("unknown option '--frobnicate'"));
  }

  void designFileMeansGui() {
    std::ostringstream out, err;
    const cli::CommandLine line = app::appCommandLine();
    QVERIFY(!line.run({sample("teaching-hall.yaml")}, out, err).has_value());
    QVERIFY(!line.run({"new-site.yaml"}, out, err).has_value());  // not there yet: the app says so
    QVERIFY(!line.run({}, out, err).has_value());
  }

  // gigaplan's table is gigaplan-cli's plus screenshot; each command answers --help with exit 0.
  void everyCommandHasHelp() {
    const cli::CommandLine line = app::appCommandLine();
    for (const char* name : {"validate", "summary", "evaluate", "train", "search", "report", "screenshot"})
      QVERIFY2(line.find(name), name);
    for (const auto& c : line.commands()) {
      const Run r = run({c.name, "--help"});
      QVERIFY2(r.code == 0, c.name.c_str());
      QVERIFY2(r.out.startsWith(QString::fromStdString("usage: gigaplan " + c.name)), qPrintable(r.out));
      QVERIFY(r.out.contains("   3  output not writable"));
    }
    QVERIFY(
        run({"report", "--help"}).out.contains("The 3D picture needs OpenGL"));  // the Qt report, not gigaplan-cli's
    QVERIFY(run({"--help"}).out.contains("gigaplan screenshot FILE -o OUT.png"));
  }

  // A mistyped command is an error naming the closest command, never the GUI opening a file.
  void typoIsAUsageError() {
    const Run r = run({"evalute", "f.yaml"});
    QCOMPARE(r.code, 64);
    QVERIFY2(r.err.contains("gigaplan: 'evalute' is not a command; did you mean 'evaluate'?"), qPrintable(r.err));
    QCOMPARE(run({"screenshto"}).code, 64);
    QVERIFY(run({"screenshto"}).err.contains("did you mean 'screenshot'?"));
  }

  void validateGoodSample() {
    const Run r = run({"validate", sample("teaching-hall.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("ok"), qPrintable(r.out + r.err));
  }

  void validateBadFileExits2WithLocatedError() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("format: 1\nsite:\n  name: x\n  size: [10 m, 10 m]\n  ambient: hot\n");
    f.close();
    const Run r = run({"validate", path.toStdString()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(path + ":5:12: site.ambient: found 'hot', expected a temperature"), qPrintable(r.err));
  }

  void validateExits1OnErrorFindings() {
    // Five GB200 NVL72 racks (5 × 132 kW) on one 546 kW busway: the engine reports an overload.
    QTemporaryDir dir;
    const QString path = dir.filePath("overloaded.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "format: 1\nsite: {name: o, size: [50 m, 50 m]}\n"
        "power:\n  - {id: grid, kind: grid, rating: 5 MW}\n"
        "  - {id: bw, kind: busway, model: busway-800a, fed_by: grid}\n"
        "halls:\n  - id: h\n    origin: [0 m, 0 m]\n    size: [20 m, 20 m]\n"
        "    rows:\n      - {id: r, origin: [2 m, 2 m], racks: 5, rack: gb200-nvl72, feed_a: bw}\n");
    f.close();
    const Run r = run({"validate", path.toStdString()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("power.overload"), qPrintable(r.err));
    // evaluate still reports (exit 0) and lists the finding.
    const Run e = run({"evaluate", path.toStdString(), "--json"});
    QCOMPARE(e.code, 0);
    QVERIFY(e.out.contains("\"code\": \"power.overload\""));
  }

  void validateWithoutFilesIsAUsageError() { QCOMPARE(run({"validate"}).code, 64); }

  void summaryPrintsCounts() {
    const Run r = run({"summary", sample("teaching-hall.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("racks: 9"), qPrintable(r.out));
  }
};

QTEST_APPLESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
