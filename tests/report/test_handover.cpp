// What other teams' tools read: Slurm topology.conf (tree and block form) with every GPU node
// exactly once and the switch levels the fabric has, the node-name pattern, hostlists, the cable
// schedule (its totals are the fabric's) and the bill of materials with sources — on every sample.
#include <QtTest>

#include <map>
#include <set>
#include <sstream>

#include "core/report/bom_csv.h"
#include "core/report/cable_schedule.h"
#include "core/report/slurm_topology.h"
#include "report_fixture.h"

using namespace gigaplan;

namespace {

// Slurm hostlist expansion, written apart from report::hostlist so the test checks it:
// "a-[1-3,7],b" → a-1 a-2 a-3 a-7 b (one bracket, at the end, as our writer makes them).
std::vector<std::string> expand(const std::string& list) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < list.size()) {
    std::size_t open = list.find('[', i), comma = list.find(',', i);
    if (open == std::string::npos || (comma != std::string::npos && comma < open)) {
      const std::size_t end = comma == std::string::npos ? list.size() : comma;
      out.push_back(list.substr(i, end - i));
      i = end + 1;
      continue;
    }
    const std::string prefix = list.substr(i, open - i);
    const std::size_t close = list.find(']', open);
    std::stringstream ranges(list.substr(open + 1, close - open - 1));
    for (std::string r; std::getline(ranges, r, ',');) {
      const std::size_t dash = r.find('-');
      const std::string a = r.substr(0, dash), b = dash == std::string::npos ? a : r.substr(dash + 1);
      for (long long v = std::stoll(a); v <= std::stoll(b); ++v) {
        std::string digits = std::to_string(v);
        if (a.size() > 1 && a[0] == '0')
          digits = std::string(a.size() - std::min(a.size(), digits.size()), '0') + digits;
        out.push_back(prefix + digits);
      }
    }
    i = close + 2;  // past "]" and ","
  }
  return out;
}

// key=value fields of one topology.conf line.
std::map<std::string, std::string> fields(const std::string& line) {
  std::map<std::string, std::string> f;
  std::stringstream s(line);
  for (std::string word; s >> word;) {
    const std::size_t eq = word.find('=');
    if (eq != std::string::npos) f[word.substr(0, eq)] = word.substr(eq + 1);
  }
  return f;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string l; std::getline(s, l);)
    if (!l.empty() && l[0] != '#') out.push_back(l);
  return out;
}

// Compute nodes of a layout from the catalog: each rack's GPUs over its type's GPUs per node.
std::int64_t catalogNodes(const design::Layout& layout) {
  std::int64_t nodes = 0;
  for (const auto& r : layout.racks)
    if (r.spec && r.spec->gpus > 0 && r.spec->nodes > 0) nodes += r.spec->nodes;
  return nodes;
}

}  // namespace

class TestHandover : public QObject {
  Q_OBJECT

 private slots:
  void hostlists() {
    QCOMPARE(report::hostlist({"n1", "n2", "n3", "n7"}), std::string("n[1-3,7]"));
    QCOMPARE(report::hostlist({"gpu0009", "gpu0010", "gpu0011"}), std::string("gpu[0009-0011]"));
    QCOMPARE(report::hostlist({"n9", "n10"}), std::string("n[9-10]"));
    QCOMPARE(report::hostlist({"a-1-n1", "a-1-n2", "a-2-n1"}), std::string("a-1-n[1-2],a-2-n1"));
    QCOMPARE(report::hostlist({"login", "n5"}), std::string("login,n5"));
    QCOMPARE(expand("a-1-n[1-2,5],b,gpu[08-10]"),
             (std::vector<std::string>{"a-1-n1", "a-1-n2", "a-1-n5", "b", "gpu08", "gpu09", "gpu10"}));
  }

  void treeHasEveryNodeOnce_data() { report_fixture::addSampleRows(); }
  void treeHasEveryNodeOnce() {
    QFETCH(QString, path);
    const auto& s = report_fixture::evaluated(path.toStdString());
    const report::SlurmTopology t = report::slurmTopology(*s.design, s.eval, report::SlurmForm::Tree);
    QVERIFY2(t.error.empty(), t.error.c_str());
    std::multiset<std::string> nodes;
    std::set<std::string> leafNames, podNames, switchNames;
    std::vector<std::vector<std::string>> parents;
    for (const auto& line : lines(t.text)) {
      auto f = fields(line);
      QVERIFY2(f.count("SwitchName"), line.c_str());
      QVERIFY2(switchNames.insert(f["SwitchName"]).second, line.c_str());  // each switch named once
      if (f.count("Nodes")) {
        leafNames.insert(f["SwitchName"]);
        for (const auto& n : expand(f["Nodes"])) nodes.insert(n);
      } else {
        parents.push_back(expand(f["Switches"]));
        if (f["SwitchName"].rfind("pod", 0) == 0) podNames.insert(f["SwitchName"]);
      }
    }
    // Every node once: as many names as distinct names, as many as the catalog's racks hold.
    QCOMPARE(static_cast<std::int64_t>(nodes.size()), catalogNodes(s.design->layout));
    QCOMPARE(std::set<std::string>(nodes.begin(), nodes.end()).size(), nodes.size());
    QCOMPARE(t.nodes, static_cast<std::int64_t>(nodes.size()));
    // Leaf level: one Slurm switch per leaf group; pod level: one per pod when there are several.
    QCOMPARE(static_cast<int>(leafNames.size()), s.eval.fabric.leafGroups);
    QCOMPARE(static_cast<int>(podNames.size()), s.eval.fabric.pods > 1 ? s.eval.fabric.pods : 0);
    // Every child switch named by one parent, and every parent's children exist.
    std::multiset<std::string> children;
    for (const auto& p : parents) {
      for (const auto& c : p) {
        children.insert(c);
        QVERIFY2(switchNames.count(c), c.c_str());
      }
    }
    QCOMPARE(children.size(), switchNames.size() - (s.eval.fabric.tiers >= 2 ? 1 : 0));  // all but the top
    QCOMPARE(std::set<std::string>(children.begin(), children.end()).size(), children.size());
  }

  void blocksAreNvlinkDomains_data() { report_fixture::addSampleRows(); }
  void blocksAreNvlinkDomains() {
    QFETCH(QString, path);
    const auto& s = report_fixture::evaluated(path.toStdString());
    const report::SlurmTopology t = report::slurmTopology(*s.design, s.eval, report::SlurmForm::Block);
    QVERIFY2(t.error.empty(), t.error.c_str());
    std::set<std::string> nodes;
    std::int64_t blocks = 0, listed = 0;
    for (const auto& line : lines(t.text)) {
      auto f = fields(line);
      if (!f.count("BlockName")) continue;
      ++blocks;
      const auto names = expand(f["Nodes"]);
      listed += static_cast<std::int64_t>(names.size());
      nodes.insert(names.begin(), names.end());
    }
    QCOMPARE(listed, catalogNodes(s.design->layout));
    QCOMPARE(static_cast<std::int64_t>(nodes.size()), listed);
    // Blocks: per rack, its nodes over the nodes of one NVLink domain (scale_up_domain / GPUs per node).
    std::int64_t expected = 0;
    for (const auto& r : s.design->layout.racks) {
      if (!r.spec || r.spec->gpus <= 0 || r.spec->nodes <= 0) continue;
      const int domainNodes = std::max(1, r.spec->scaleUpDomain / (r.spec->gpus / r.spec->nodes));
      expected += (r.spec->nodes + domainNodes - 1) / domainNodes;
    }
    QCOMPARE(blocks, expected);
    QCOMPARE(t.blocks, blocks);
  }

  void gb200BlocksAreRacks() {
    // A DGX SuperPOD GB200 SU: 8 NVL72 racks; 72 GPUs in 18 trays of 4 (catalog gb200-nvl72, V),
    // NVLink domain 72: 8 blocks of 18 nodes, BlockSizes=18.
    const auto& s = report_fixture::evaluated(report_fixture::samplePath("superpod-gb200-su.yaml"));
    const report::SlurmTopology t = report::slurmTopology(*s.design, s.eval, report::SlurmForm::Block);
    QCOMPARE(t.blocks, std::int64_t{8});
    QCOMPARE(t.nodes, std::int64_t{144});
    QVERIFY2(t.text.find("BlockSizes=18\n") != std::string::npos, t.text.c_str());
  }

  void nodeNamePattern() {
    std::string text =
        "format: 1\nsite: {name: p, size: [40 m, 20 m]}\n"
        "power:\n  - {id: grid, kind: grid, rating: 5 MW, position: [1 m, 1 m]}\n"
        "  - {id: bw, kind: busway, model: busway-800a, fed_by: grid, position: [3 m, 3 m]}\n"
        "halls:\n  - id: h\n    origin: [2 m, 2 m]\n    size: [30 m, 10 m]\n"
        "    rows:\n      - {id: a, origin: [2 m, 2 m], racks: 2, rack: gb200-nvl72, feed_a: bw}\n"
        "network: {topology: rail-optimized, switch: qm9700, node_names: 'gpu{i:03}'}\n";
    auto d = report_fixture::resolve(io::loadDesignText(text, "p.yaml", report_fixture::base()));
    QCOMPARE(d->design.network.nodeNames, std::string("gpu{i:03}"));
    const engine::Evaluation e = engine::evaluate(d->design, d->layout, *d->catalog);
    const report::SlurmTopology t = report::slurmTopology(*d, e, report::SlurmForm::Block);
    // Two NVL72 racks of 18 nodes, numbered across the site: gpu001..018, gpu019..036.
    QVERIFY2(
        t.text.find("BlockName=block1 Nodes=gpu[001-018]\nBlockName=block2 Nodes=gpu[019-036]\n") != std::string::npos,
        t.text.c_str());
    // It round-trips through the writer.
    QCOMPARE(io::loadDesignText(io::designToYaml(d->design), "again.yaml", report_fixture::base()).network.nodeNames,
             std::string("gpu{i:03}"));
    // A pattern that cannot tell nodes apart is a located load error.
    const auto at = text.find("gpu{i:03}");
    text.replace(at, 9, "gpu{h}");
    try {
      io::loadDesignText(text, "p.yaml", report_fixture::base());
      QFAIL("loaded a pattern that names every node of a hall alike");
    } catch (const io::LoadError& err) {
      const std::string what = err.what();
      QVERIFY2(what.rfind("p.yaml:12:", 0) == 0, what.c_str());
      QVERIFY2(what.find("network.node_names: found 'gpu{h}', expected a pattern that tells every node apart") !=
                   std::string::npos,
               what.c_str());
    }
  }

  void cableScheduleAddsUpToTheFabric_data() { report_fixture::addSampleRows(); }
  void cableScheduleAddsUpToTheFabric() {
    QFETCH(QString, path);
    const auto& s = report_fixture::evaluated(path.toStdString());
    const std::string csv = report::cableScheduleCsv(*s.design, s.eval);
    std::stringstream in(csv);
    std::string line;
    std::getline(in, line);
    QCOMPARE(line, std::string("from,to,link,medium,medium_name,count,length_m,total_length_m,transceivers,grade\r"));
    std::int64_t cables = 0, modules = 0, rows = 0;
    double length = 0;
    while (std::getline(in, line)) {
      // The last four fields hold no comma: count,length_m,total_length_m,transceivers,grade.
      std::vector<std::string> tail;
      std::string rest = line.substr(0, line.size() - 1);  // drop the CR
      for (int k = 0; k < 5; ++k) {
        const std::size_t c = rest.rfind(',');
        tail.push_back(rest.substr(c + 1));
        rest = rest.substr(0, c);
      }
      modules += std::stoll(tail[1]);
      length += std::stod(tail[2]);
      cables += std::stoll(tail[4]);
      ++rows;
    }
    std::int64_t overlong = 0;
    for (const auto& o : s.eval.fabric.overlongCables) overlong += o.count;
    QCOMPARE(rows, static_cast<std::int64_t>(s.eval.fabric.cableRuns.size()));
    QCOMPARE(cables, s.eval.fabric.totalCables - overlong);
    QCOMPARE(modules, s.eval.fabric.transceivers);
    QVERIFY(std::abs(length - s.eval.fabric.totalCableLength) <= 0.05 * static_cast<double>(rows) + 1e-6 ||
            overlong > 0);  // each row's total rounded to 0.1 m
  }

  void bomNamesItsSources() {
    const auto& s = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const std::string csv = report::bomCsvWithSources(s.eval.bom, *s.design->catalog);
    QVERIFY(csv.rfind("category,item,name,detail,count,total_length_m,grade,source,note\r\n", 0) == 0);
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
    QCOMPARE(rows, s.eval.bom.size() + 1);
    // The GB200 NVL72 line carries the catalog entry's source (NVIDIA's product page).
    QVERIFY(csv.find("https://www.nvidia.com/en-us/data-center/gb200-nvl72/") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestHandover)
#include "test_handover.moc"
