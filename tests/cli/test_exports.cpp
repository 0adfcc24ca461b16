// The hand-over commands of gigaplan-cli: `compare` (two designs side by side) and `export`
// (Slurm topology, cable schedule, bill of materials with sources): their output, their usage
// errors (64) and load errors (2).
#include <QtTest>

#include <QTemporaryDir>
#include <filesystem>
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
    // large-failure-domain warnings (cdu-1, ahu-1, ahu-2) and its job's two (idle H100s, GPT-OSS's
    // published gap) are gone in the SU.
    const Run r = run({"compare", sample("teaching-hall.yaml"), sample("superpod-gb200-su.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(has(r.out, "GPUs") && has(r.out, "576") && has(r.out, "+192") && has(r.out, "+50.0 %"), r.out.c_str());
    // The Training rows compare two different jobs, and say which.
    QVERIFY2(has(r.out,
                 "Jobs: A trains GPT-OSS 120B on 256 \u00d7 gb200 (bf16); B trains Llama 3 70B on 576 \u00d7 "
                 "gb200 (fp8)"),
             r.out.c_str());
    QVERIFY2(has(r.out, "Findings that disappear in B: 5") && has(r.out, "[training.idle-gpu-type]"), r.out.c_str());
    const Run j = run({"compare", sample("teaching-hall.yaml"), sample("superpod-gb200-su.yaml"), "--json"});
    QCOMPARE(j.code, 0);
    QVERIFY(has(j.out, "\"key\": \"gpus\"") && has(j.out, "\"b\": 576"));
    QVERIFY2(has(j.out, "\"job\": \"Llama 3 70B on 576 \u00d7 gb200 (fp8)\""), j.out.c_str());
    const Run md = run({"compare", sample("teaching-hall.yaml"), sample("teaching-hall.yaml"), "--md", "--changed"});
    QCOMPARE(md.code, 0);
    QVERIFY2(has(md.out, "# Comparison") && has(md.out, "6 findings in both"), md.out.c_str());
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

  void compareVariants() {
    // The teaching hall's variant gb300 turns row a's four GB200 NVL72 into GB300 NVL72: the objects
    // that differ are those four racks.
    const std::string hall = sample("teaching-hall.yaml");
    const Run r = run({"compare", hall, hall + "#gb300", "--changed"});
    QCOMPARE(r.code, 0);
    QVERIFY2(has(r.out, "B: " + hall + "#gb300"), r.out.c_str());
    QVERIFY2(has(r.out, "Objects that differ in B: 4 racks changed"), r.out.c_str());
    QVERIFY2(has(r.out, "~ rack a-1: type gb200-nvl72 \u2192 gb300-nvl72"), r.out.c_str());
    const Run j = run({"compare", hall, hall + "#gb300", "--json"});
    QVERIFY2(has(j.out, "\"objects\": [") && has(j.out, "\"change\": \"changed\""), j.out.c_str());
    const Run unknown = run({"compare", hall, hall + "#gb400"});
    QCOMPARE(unknown.code, 2);
    QVERIFY2(has(unknown.err, "no variant 'gb400'") && has(unknown.err, "one of: gb300"), unknown.err.c_str());

    // validate checks the variant as well, one line each.
    const Run v = run({"validate", hall});
    QCOMPARE(v.code, 0);
    QVERIFY2(has(v.out, hall + ": ok") && has(v.out, hall + "#gb300: ok"), v.out.c_str());
    // A broken variant fails validate (exit 2), not the base design.
    {
      std::ifstream in(hall);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      text += "  no-row-b:\n    halls:\n      - id: hall-1\n        rows:\n          - {id: b, removed: true}\n";
      std::ofstream(path("broken.yaml")) << text;
    }
    const Run broken = run({"validate", path("broken.yaml")});
    QCOMPARE(broken.code, 2);
    QVERIFY2(has(broken.out, "broken.yaml: ok") && has(broken.out, "broken.yaml#gb300: ok"), broken.out.c_str());
    QVERIFY2(has(broken.err, "overrides.b-4 (variant no-row-b): found 'b-4'"), broken.err.c_str());

    // The job on a variant's cluster.
    const Run train = run({"train", "--cluster", hall + "#gb300"});
    QVERIFY2(train.code == 0 || train.code == 1, train.err.c_str());
    QVERIFY2(!has(train.err, "cannot open"), train.err.c_str());
  }

  void reportComparesWithOthers() {
    const std::string hall = sample("teaching-hall.yaml");
    const Run r = run({"report", hall, "-o", path("compared.md"), "--compare", hall + "#gb300", "--compare",
                       sample("superpod-gb200-su.yaml")});
    QCOMPARE(r.code, 0);
    std::ifstream in(path("compared.md"));
    const std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    QVERIFY2(has(md, "Compared with other designs"), md.c_str());
    QVERIFY2(has(md, "This design against " + hall +
                         "#gb300: 26 headline figures differ; objects that differ: 4 racks "
                         "changed."),
             md.c_str());
    QVERIFY2(has(md, "This design against " + sample("superpod-gb200-su.yaml")), md.c_str());
    // Objects that differ alike share a row: the four racks, the first three named.
    QVERIFY2(has(md, "| 4 racks | changed | type gb200-nvl72 \u2192 gb300-nvl72 | a-1, a-2, a-3, \u2026 |"),
             md.c_str());
    // JSON and CSV have no sections: refused with the command that gives the comparison as JSON.
    const Run json = run({"report", hall, "-o", path("compared.json"), "--compare", hall + "#gb300"});
    QCOMPARE(json.code, 64);
    QVERIFY2(has(json.err, "gigaplan compare A B --json"), json.err.c_str());
    const Run missing = run({"report", hall, "-o", path("c.md"), "--compare", path("missing.yaml")});
    QCOMPARE(missing.code, 2);
  }

  void campusBomGivesEachNicModulesOfItsRate() {
    // The campus's 331,776 GB200s (400 Gb/s ConnectX-7, 100G lanes) on 800 Gb/s XDR ports take
    // 400G modules; only the 96,768 GB300s' ConnectX-8 ends take the 200G-lane 800G DR4 part.
    const Run r = run({"export", sample("gigawatt-campus.yaml"), "--bom", "-"});
    QCOMPARE(r.code, 0);
    std::istringstream in(r.out);
    std::int64_t nic400 = 0, nic800 = 0;
    for (std::string l; std::getline(in, l);) {
      if (l.rfind("transceiver,", 0) != 0 || !has(l, "NIC end")) continue;
      // category,item,name,detail,count: the count follows the quoted detail.
      const std::size_t detailEnd = l.find("NIC end\",") + std::string("NIC end\",").size();
      const std::int64_t count = std::stoll(l.substr(detailEnd, l.find(',', detailEnd) - detailEnd));
      const bool xdr = has(l, "transceiver,sm-800g-");
      (xdr ? nic800 : nic400) += count;
      if (!xdr) QVERIFY2(!has(l, "200G lanes"), l.c_str());
    }
    QCOMPARE(nic800, std::int64_t{96768});
    QCOMPARE(nic400, std::int64_t{331776});
    QVERIFY2(has(r.out, "Twin-port module for 2 × 400 Gb/s links, as 400G"), r.out.c_str());
    QVERIFY2(has(r.out, "Twin-port module for 2 × 800 Gb/s links, as 800G DR4"), r.out.c_str());
  }

  void exportWritesEveryOutput() {
    const std::string topo = path("topology.conf"), cables = path("cables.csv"), bom = path("bom.csv");
    const Run r =
        run({"export", sample("superpod-gb200-su.yaml"), "--slurm-topology", topo, "--cables", cables, "--bom", bom});
    QCOMPARE(r.code, 0);
    // 8 NVL72 racks × 18 compute trays = 144 nodes (the switch levels are checked against the
    // fabric in test_handover; here the files and the summary lines).
    QVERIFY2(has(r.out, "Slurm topology (tree), 144 nodes"), r.out.c_str());
    QVERIFY2(has(r.out, "cable schedule") && has(r.out, "bill of materials"), r.out.c_str());
    std::ifstream t(topo), c(cables), b(bom);
    std::stringstream ts, cs, bs;
    ts << t.rdbuf(), cs << c.rdbuf(), bs << b.rdbuf();
    QVERIFY2(has(ts.str(), "SwitchName=") && has(ts.str(), "TopologyPlugin=topology/tree"), ts.str().c_str());
    QVERIFY(cs.str().rfind("from,to,link,medium", 0) == 0);
    QVERIFY(bs.str().rfind("category,item,name,detail,count,total_length_m,grade,source,note", 0) == 0);
    const Run block = run({"export", sample("superpod-gb200-su.yaml"), "--slurm-topology", topo, "--block"});
    QCOMPARE(block.code, 0);
    QVERIFY2(has(block.out, "Slurm topology (block), 144 nodes, 8 blocks"), block.out.c_str());

    // "-" is standard output: the CSV alone there, the summary on standard error, no file "-".
    const Run piped = run({"export", sample("superpod-gb200-su.yaml"), "--bom", "-", "--cables", cables});
    QCOMPARE(piped.code, 0);
    QVERIFY2(piped.out.rfind("category,item,name,detail,count", 0) == 0, piped.out.c_str());
    QVERIFY2(has(piped.err, "standard output: bill of materials") && has(piped.err, "cable schedule"),
             piped.err.c_str());
    QVERIFY(!std::filesystem::exists("-"));

    // A link is written through: the file it points to gets the export, the link stays a link.
    const std::string real = path("real-bom.csv"), link = path("bom-link.csv");
    std::ofstream(real) << "old\n";
    std::filesystem::create_symlink("real-bom.csv", link);  // relative, as planners make them
    QCOMPARE(run({"export", sample("superpod-gb200-su.yaml"), "--bom", link}).code, 0);
    QVERIFY(std::filesystem::is_symlink(link));
    std::ifstream r2(real);
    std::stringstream rs;
    rs << r2.rdbuf();
    QVERIFY2(rs.str().rfind("category,item", 0) == 0, rs.str().c_str());
  }

  void exportErrors() {
    QCOMPARE(run({"export", sample("teaching-hall.yaml")}).code, 64);  // no output named
    QCOMPARE(run({"export", sample("teaching-hall.yaml"), "--cables"}).code, 64);
    QCOMPARE(run({"export", sample("teaching-hall.yaml"), "--block", "--cables", path("c.csv")}).code, 64);
    QCOMPARE(run({"export", sample("teaching-hall.yaml"), "--gltf", path("x.gltf")}).code, 64);
    QCOMPARE(run({"export", sample("teaching-hall.yaml"), "--bom", "-", "--cables", "-"}).code, 64);
    QCOMPARE(run({"export", path("missing.yaml"), "--bom", path("b.csv")}).code, 2);
    const Run unwritable = run({"export", sample("teaching-hall.yaml"), "--bom", path("no/such/dir/b.csv")});
    QCOMPARE(unwritable.code, 3);
    QVERIFY2(has(unwritable.err, "no/such/dir/b.csv"), unwritable.err.c_str());
  }
};

QTEST_APPLESS_MAIN(TestExports)
#include "test_exports.moc"
