// The hand-over commands of gigaplan-cli: `compare` (two designs side by side) and `export`
// (Slurm topology, cable schedule, bill of materials with sources): their output, their usage
// errors (64) and load errors (2).
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>
#include <sstream>

#include "app/cli/command_line.h"

using namespace gigaplan;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

Run run(const std::vector<std::string>& args) {
  static const cli::CommandLine line("gigaplan-cli", cli::headlessCommands(), cli::CommandLine::NoGui);
  std::ostringstream out, err;
  Run r;
  r.code = line.run(args, out, err).value_or(-1);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string sample(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

class TestExports : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

 private slots:
  void compareTwoSamples() {
    // Teaching hall: 4 GB200 NVL72 × 72 GPUs + 3 DGX H100 racks × 32 (the fourth is a network rack)
    // = 384; SuperPOD GB200 SU: 8 NVL72 × 72 = 576. B − A = 192 = +50.0 % of A. The hall's three
    // large-failure-domain warnings (cdu-1, ahu-1, ahu-2) are gone in the SU.
    const Run r = run({"compare", sample("teaching-hall.yaml"), sample("superpod-gb200-su.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(has(r.out, "GPUs") && has(r.out, "576") && has(r.out, "+192") && has(r.out, "+50.0 %"), r.out.c_str());
    QVERIFY2(has(r.out, "Findings that disappear in B: 3"), r.out.c_str());
    const Run j = run({"compare", sample("teaching-hall.yaml"), sample("superpod-gb200-su.yaml"), "--json"});
    QCOMPARE(j.code, 0);
    QVERIFY(has(j.out, "\"key\": \"gpus\"") && has(j.out, "\"b\": 576"));
    const Run md = run({"compare", sample("teaching-hall.yaml"), sample("teaching-hall.yaml"), "--md", "--changed"});
    QCOMPARE(md.code, 0);
    QVERIFY2(has(md.out, "# Comparison") && has(md.out, "3 findings in both"), md.out.c_str());
    QVERIFY2(!has(md.out, "| GPUs |"), md.out.c_str());  // --changed: nothing differs
  }

  void compareErrors() {
    QCOMPARE(run({"compare", sample("teaching-hall.yaml")}).code, 64);
    QCOMPARE(run({"compare", sample("teaching-hall.yaml"), sample("teaching-hall.yaml"), "--bogus"}).code, 64);
    QCOMPARE(run({"compare", sample("teaching-hall.yaml"), sample("teaching-hall.yaml"), "--json", "--md"}).code, 64);
    const Run missing = run({"compare", sample("teaching-hall.yaml"), path("missing.yaml")});
    QCOMPARE(missing.code, 2);
    QVERIFY2(has(missing.err, "missing.yaml"), missing.err.c_str());
  }
};

QTEST_APPLESS_MAIN(TestExports)
#include "test_exports.moc"
