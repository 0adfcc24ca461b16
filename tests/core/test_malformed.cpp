// The malformed-input table: each row breaks a valid design one way and names the exact message
// and location the planner must see. Loading must fail cleanly (a LoadError, never a crash).
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/catalog/catalog_loader.h"
#include "core/io/design_io.h"
#include "core/training/job_reader.h"

using namespace gigaplan;

namespace {

// A small valid design; each test row replaces one piece of it.
const char* kBase = R"(format: 1
site: {name: T, size: [50 m, 50 m]}
power:
  - {id: grid, kind: grid, rating: 5 MW}
  - {id: tx, kind: transformer, model: unit-substation-3mva, fed_by: grid}
  - {id: bw, kind: busway, model: busway-800a, fed_by: tx}
cooling:
  - {id: cdu, kind: cdu, model: cdu-vertiv-2300, rejects_to: dc}
  - {id: dc, kind: dry-cooler, model: dry-cooler-adiabatic}
halls:
  - id: h
    origin: [0 m, 0 m]
    size: [20 m, 20 m]
    rows:
      - {id: r, origin: [2 m, 2 m], racks: 2, rack: gb200-nvl72, feed_a: bw, cdu: cdu}
)";

const catalog::Catalog& testCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}

// The error loading kBase gives with `replace` replaced by `with`; empty when it loads.
QString errorWith(const QString& replace, const QString& with) {
  std::string text = kBase;
  text.replace(text.find(replace.toStdString()), static_cast<std::size_t>(replace.size()), with.toStdString());
  try {
    io::loadDesignText(text, "bad.yaml", testCatalog());
  } catch (const io::LoadError& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

std::string billionLaughs() {
  std::string s = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char prev = static_cast<char>(c - 1);
    s += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) s += std::string(i ? ", " : "") + "*" + prev;
    s += "]\n";
  }
  return s;
}

}  // namespace

class TestMalformed : public QObject {
  Q_OBJECT
 private slots:
  void baseIsValid() {
    const auto d = io::loadDesignText(kBase, "base.yaml", testCatalog());
    QCOMPARE(d.halls.size(), std::size_t{1});
  }

  void rejects_data() {
    QTest::addColumn<QString>("replace");  // text in kBase to replace ("" = replace whole file)
    QTest::addColumn<QString>("with");
    QTest::addColumn<QString>("location");  // "line:column"
    QTest::addColumn<QString>("message");   // must appear in the error text

    QTest::newRow("unknown top-level key") << "cooling:"
                                           << "coolin:"
                                           << "7:1"
                                           << "coolin: found unknown key 'coolin', expected one of: format, site";
    QTest::newRow("missing format") << "format: 1\n"
                                    << ""
                                    << "1:1"
                                    << "format: found no 'format'";
    QTest::newRow("future format") << "format: 1"
                                   << "format: 7"
                                   << "1:9"
                                   << "format: found 7, expected format 1";
    QTest::newRow("site without name") << "{name: T, "
                                       << "{"
                                       << "2:7"
                                       << "site.name: found no 'name'";
    QTest::newRow("missing unit")
        << "rating: 5 MW"
        << "rating: 5"
        << "4:36"
        << "power[0].rating: found '5', expected a power such as 132 kW or 1.2 GW (a unit is required)";
    QTest::newRow("wrong unit") << "rating: 5 MW"
                                << "rating: 5 m"
                                << "4:36"
                                << "(unknown unit 'm')";
    QTest::newRow("not a number") << "rating: 5 MW"
                                  << "rating: lots"
                                  << "4:36"
                                  << "found 'lots', expected a power";
    QTest::newRow("nan") << "rating: 5 MW"
                         << "rating: nan MW"
                         << "4:36"
                         << "found 'nan MW'";
    QTest::newRow("negative racks") << "racks: 2"
                                    << "racks: -2"
                                    << "15:44"
                                    << "halls[0].rows[0].racks: found '-2', expected a whole number from 1 to 1000";
    QTest::newRow("fractional racks") << "racks: 2"
                                      << "racks: 2.5"
                                      << "15:44"
                                      << "expected a whole number";
    QTest::newRow("absurd racks per row") << "racks: 2"
                                          << "racks: 100000"
                                          << "15:44"
                                          << "from 1 to 1000";
    QTest::newRow("absurd power") << "rating: 5 MW"
                                  << "rating: 5e15 W"
                                  << "4:36"
                                  << "between";
    QTest::newRow("unknown rack type") << "rack: gb200-nvl72"
                                       << "rack: gb900"
                                       << "15:53"
                                       << "halls[0].rows[0].rack: found 'gb900', expected a rack type from the catalog";
    QTest::newRow("unknown model")
        << "model: busway-800a"
        << "model: busway-9000a"
        << "6:35"
        << "power[2].model: found 'busway-9000a', expected the id of power gear in the catalog";
    QTest::newRow("model of the wrong kind") << "model: busway-800a"
                                             << "model: ups-1500kw"
                                             << "6:35"
                                             << "found 'ups-1500kw', a ups, expected power gear of kind busway";
    QTest::newRow("wrong type for list")
        << "rows:\n      - {id: r, origin: [2 m, 2 m], racks: 2, rack: gb200-nvl72, feed_a: bw, cdu: cdu}"
        << "rows: many"
        << "14:11"
        << "halls[0].rows: found 'many', expected a list";
    QTest::newRow("duplicate key") << "{name: T, "
                                   << "{name: T, name: U, "
                                   << "2:17"
                                   << "site.name: found key 'name' twice";
    QTest::newRow("duplicate id") << "  - {id: dc, kind"
                                  << "  - {id: cdu, kind"
                                  << "9:10"
                                  << "cooling[1].id: found 'cdu', which is also made at line 8";
    QTest::newRow("template without {i} makes duplicates") << "{id: tx, kind: transformer"
                                                           << "{id: tx, count: 2, kind: transformer"
                                                           << "5:10"
                                                           << "ids unique across the design (use {h}, {i}";
    QTest::newRow("unknown feed")
        << "feed_a: bw,"
        << "feed_a: bw-9,"
        << "15:74"
        << "halls[0].rows[0].feed_a: found 'bw-9' (for rack r-1), expected the id of a power node";
    QTest::newRow("feed straight from the grid") << "feed_a: bw,"
                                                 << "feed_a: grid,"
                                                 << "15:74"
                                                 << "found 'grid', a grid (for rack r-1), expected a distribution node";
    QTest::newRow("feed B equals feed A") << "feed_a: bw,"
                                          << "feed_a: bw, feed_b: bw,"
                                          << "15:86"
                                          << "feed_b: found 'bw', the same as feed_a";
    QTest::newRow("cdu is not a cdu")
        << "cdu: cdu}"
        << "cdu: dc}"
        << "15:83"
        << "halls[0].rows[0].cdu: found 'dc', a dry-cooler (for rack r-1), expected a CDU";
    QTest::newRow("power cycle") << "fed_by: grid}"
                                 << "fed_by: bw}"
                                 << "6:56"
                                 << "power[2].fed_by: found a cycle in the power graph: tx → bw → tx";
    QTest::newRow("failure share above 100 %")
        << "{name: T, size: [50 m, 50 m]}"
        << "{name: T, size: [50 m, 50 m], max_failure_share: 150 %}"
        << "2:56"
        << "site.max_failure_share: found '150 %', expected a number between 0.001 and 1";
    QTest::newRow("cooling fed twice by one node")
        << "{id: dc, kind: dry-cooler, model: dry-cooler-adiabatic}"
        << "{id: dc, kind: dry-cooler, model: dry-cooler-adiabatic, fed_by: [tx, tx]}"
        << "9:69"
        << "fed_by: found 'tx' twice (for cooling unit dc), expected distinct feeds";
    QTest::newRow("efficiency curve with one point")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  power_gear:\n    busway-800a: {efficiency_curve: '50 %: 97 %'}\n"
        << "4:37"
        << "catalog.power_gear.busway-800a.efficiency_curve: found '50 %: 97 %' (1 point), expected at least two "
           "points";
    QTest::newRow("efficiency curve not rising")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  power_gear:\n    busway-800a: {efficiency_curve: '50 %: 97 %, 25 %: 96 %'}\n"
        << "4:37"
        << "found '25 %: 96 %' after a load as high";
    QTest::newRow("efficiency above 100 %")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  power_gear:\n    busway-800a: {efficiency_curve: '50 %: 97 %, 100 %: 101 %'}\n"
        << "4:37"
        << "found an efficiency of '101 %', expected an efficiency from 50 % to 100 %";
    QTest::newRow("grid without rating") << "{id: grid, kind: grid, rating: 5 MW}"
                                         << "{id: grid, kind: grid}"
                                         << "4:5"
                                         << "power[0].rating: found no rating, expected the grid connection's capacity";
    QTest::newRow("bad id pattern") << "{id: r,"
                                    << "{id: 'r{j}',"
                                    << "15:14"
                                    << "halls[0].rows[0].id: found 'r{j}', expected '{j}' uses an unknown variable";
    QTest::newRow("{k} outside a row") << "{id: bw,"
                                       << "{id: 'bw{k}',"
                                       << "6:10"
                                       << "is not defined here";
    QTest::newRow("absurd template") << "racks: 2"
                                     << "count: 100000, racks: 1000"
                                     << "15:44"
                                     << "expected at most 2000000 objects in a design (limit maxExpandedObjects)";
    QTest::newRow("count too large") << "{id: tx, kind"
                                     << "{id: 'tx{i}', count: 1000000, kind"
                                     << "5:26"
                                     << "count: found '1000000', expected a whole number from 1 to 100000";
    QTest::newRow("override of a missing id")
        << "format: 1\n"
        << "format: 1\noverrides:\n  r-9: {position: [1 m, 1 m]}\n"
        << "3:8"
        << "overrides.r-9: found 'r-9', expected the id of a rack, row, power node or cooling unit";
    QTest::newRow("override with an unknown rack type") << "format: 1\n"
                                                        << "format: 1\noverrides:\n  r-1: {type: dgx-z}\n"
                                                        << "3:15"
                                                        << "overrides.r-1.type: found 'dgx-z', expected a rack type";
    QTest::newRow("position is not a pair") << "origin: [2 m, 2 m]"
                                            << "origin: [2 m]"
                                            << "15:25"
                                            << "origin: found a list, expected a pair [x, y]";
    QTest::newRow("unknown catalog field") << "format: 1\n"
                                           << "format: 1\ncatalog:\n  racks:\n    gb200-nvl72: {wattage: 1 kW}\n"
                                           << "4:19"
                                           << "catalog.racks.gb200-nvl72.wattage: found unknown key 'wattage'";
    QTest::newRow("new catalog entry without source")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  racks:\n    my-rack: {name: Mine, kind: compute, power: 50 kW}\n"
        << "4:14"
        << "catalog.racks.my-rack.source: found no 'source' for new entry 'my-rack'";
    QTest::newRow("bad catalog override unit") << "format: 1\n"
                                               << "format: 1\ncatalog:\n  racks:\n    gb200-nvl72: {power: 120}\n"
                                               << "4:26"
                                               << "catalog.racks.gb200-nvl72.power: found '120', expected a power";
    QTest::newRow("catalog peak below power")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  racks:\n    gb200-nvl72: {peak_power: 100 kW}\n"
        << "4:31"
        << "catalog.racks.gb200-nvl72.peak_power: found 100 kW, below power 132 kW, expected a peak_power of at least "
           "power";
    QTest::newRow("catalog power raised above the peak")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  racks:\n    gb300-nvl72: {power: 160 kW}\n"
        << "4:18"
        << "catalog.racks.gb300-nvl72.peak_power: found 155 kW, below power 160 kW";
    QTest::newRow("new chiller without condenser")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  cooling_gear:\n    my-chiller: {name: C, kind: chiller, capacity: 1 MW, cop: 5, "
           "source: S, grade: U}\n"
        << "4:17"
        << "catalog.cooling_gear.my-chiller.condenser: found no 'condenser' for a chiller, expected condenser: air";
    QTest::newRow("condenser on a CDU")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  cooling_gear:\n    cdu-vertiv-2300: {condenser: water}\n"
        << "4:34"
        << "catalog.cooling_gear.cdu-vertiv-2300.condenser: found a condenser on a cdu, expected condenser only on "
           "chillers";
    QTest::newRow("dry switchover on a tower")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  cooling_gear:\n    cooling-tower: {dry_switchover: 20 degC}\n"
        << "4:37"
        << "catalog.cooling_gear.cooling-tower.dry_switchover: found dry_switchover on a cooling-tower, expected "
           "dry_switchover only on dry coolers with adiabatic assist";
    QTest::newRow("rating power factor on a UPS")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  power_gear:\n    ups-1500kw: {rating_power_factor: 0.9}\n"
        << "4:39"
        << "catalog.power_gear.ups-1500kw.rating_power_factor: found rating_power_factor on a ups, expected "
           "rating_power_factor only on busways, switchboards and PDUs";
    QTest::newRow("unknown core air handler")
        << "format: 1\n"
        << "format: 1\nnetwork: {core_air_handler: ahu-9}\n"
        << "2:29"
        << "network.core_air_handler: found 'ahu-9' (for the core room), expected the id of an air handler";
    QTest::newRow("core air handler is a CDU")
        << "format: 1\n"
        << "format: 1\nnetwork: {core_air_handler: cdu}\n"
        << "2:29"
        << "network.core_air_handler: found 'cdu', a cdu (for the core room), expected an air handler";
    QTest::newRow("unknown core feed")
        << "format: 1\n"
        << "format: 1\nnetwork: {core_feeds: [ups-9]}\n"
        << "2:23"
        << "network.core_feeds: found 'ups-9' (for the core room), expected the id of a power node in this design";
    QTest::newRow("core feed is a source")
        << "format: 1\n"
        << "format: 1\nnetwork: {core_feeds: [grid]}\n"
        << "2:23"
        << "network.core_feeds: found 'grid', a grid (for the core room), expected a distribution node";
    QTest::newRow("three core feeds")
        << "format: 1\n"
        << "format: 1\nnetwork: {core_feeds: [a, b, c]}\n"
        << "2:23"
        << "network.core_feeds: found 3 ids, expected one or two power node ids (A and B)";
    QTest::newRow("one core feed twice") << "format: 1\n"
                                         << "format: 1\nnetwork: {core_feeds: [a, a]}\n"
                                         << "2:23"
                                         << "network.core_feeds: found 'a' twice, expected two different feeds";
    QTest::newRow("invalid yaml") << "{name: T, size: [50 m, 50 m]}"
                                  << "{name: T, size: [50 m, 50 m}"
                                  << "2:34"
                                  << "found invalid YAML";
    QTest::newRow("tab indentation") << "  - id: h"
                                     << "\t- id: h"
                                     << ""
                                     << "found invalid YAML";
    QTest::newRow("empty file") << ""
                                << ""
                                << ""
                                << "found an empty file";
    QTest::newRow("deep nesting") << "" << QString("x: ") + QString("[").repeated(40) + QString("]").repeated(40)
                                  << "1:"
                                  << "levels of nesting (limit maxNesting)";
    QTest::newRow("alias bomb") << "" << QString::fromStdString(billionLaughs()) << ""
                                << "(limit maxNodes; is this an alias bomb?)";
    QTest::newRow("a list where a mapping belongs") << ""
                                                    << "- a\n- b\n"
                                                    << "1:1"
                                                    << "found a list, expected a mapping";
    QTest::newRow("NUL byte") << "format: 1" << QString("format: 1") + QChar(0) << "1:1"
                              << "found a NUL byte";
  }

  void rejects() {
    QFETCH(QString, replace);
    QFETCH(QString, with);
    QFETCH(QString, location);
    QFETCH(QString, message);
    std::string text = kBase;
    if (replace.isEmpty()) {
      text = with.toStdString();
    } else {
      const auto at = text.find(replace.toStdString());
      QVERIFY2(at != std::string::npos, "test row's replace text is not in the base design");
      text.replace(at, static_cast<std::size_t>(replace.toStdString().size()), with.toStdString());
    }
    // scripts/sanitize seeds the fuzzer with every row of this table.
    if (const QByteArray dump = qgetenv("GIGAPLAN_DUMP_CORPUS"); !dump.isEmpty()) {
      QFile out(QString::fromUtf8(dump) + "/malformed-" + QString(QTest::currentDataTag()).replace(' ', '-') + ".yaml");
      if (out.open(QIODevice::WriteOnly)) out.write(text.data(), static_cast<qint64>(text.size()));
    }
    try {
      io::loadDesignText(text, "bad.yaml", testCatalog());
      QFAIL("loading succeeded but should have failed");
    } catch (const io::LoadError& e) {
      const QString what = QString::fromUtf8(e.what());
      QVERIFY2(what.startsWith("bad.yaml:" + location), qPrintable("location: " + what));
      QVERIFY2(what.contains(message), qPrintable("message: " + what));
    }
  }

  // A catalog file is held to the same cross-field rules as a design's overrides.
  void catalogFileRefusesPeakBelowPower() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("racks.yaml").toStdString();
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "racks:\n  - {id: r, name: R, kind: compute, gpu: b200, power: 120 kW, peak_power: 100 kW, source: S, grade: "
        "U}\n");
    f.close();
    catalog::Catalog cat;
    try {
      catalog::loadFile(path, cat);
      QFAIL("loading succeeded but should have failed");
    } catch (const io::LoadError& e) {
      const QString what = QString::fromUtf8(e.what());
      QVERIFY2(what.startsWith(QString::fromStdString(path) +
                               ":2:75: racks[0].peak_power: found 100 kW, below power 120 kW"),
               qPrintable(what));
    }
  }

  void fileTooLarge() {
    io::Limits small;
    small.maxFileBytes = 100;
    try {
      io::loadDesignText(kBase, "big.yaml", testCatalog(), small);
      QFAIL("should have failed");
    } catch (const io::LoadError& e) {
      QVERIFY2(QString(e.what()).contains("expected a file of at most 100 bytes (limit maxFileBytes)"), e.what());
    }
  }

  // A file that cannot be read says why, in the system's words; a folder says it is one (it once
  // read as "found 9223372036854775807 bytes"). The design, catalog, job and cluster readers alike.
  void unreadableFileSaysWhy_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << "/nonexistent/design.yaml"
                             << "/nonexistent/design.yaml: found a file that cannot be opened (No such file or "
                                "directory), expected a design file";
    QTest::newRow("below a file") << GIGAPLAN_SOURCE_DIR "/samples/teaching-hall.yaml/x.yaml"
                                  << GIGAPLAN_SOURCE_DIR
        "/samples/teaching-hall.yaml/x.yaml: found a file that cannot be opened (Not a directory), expected a design "
        "file";
    QTest::newRow("directory") << GIGAPLAN_SOURCE_DIR "/samples"
                               << GIGAPLAN_SOURCE_DIR "/samples: found a directory, expected a design file";
  }
  void unreadableFileSaysWhy() {
    QFETCH(QString, path);
    QFETCH(QString, message);
    try {
      io::loadDesign(path.toStdString(), testCatalog());
      QFAIL("should have failed");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()), message);
    }
  }

  void otherReadersNameADirectory() {
    const std::string folder = GIGAPLAN_SOURCE_DIR "/samples";
    const auto message = [&](auto load) {
      try {
        load();
      } catch (const io::LoadError& e) {
        return QString(e.what());
      }
      return QString("no error");
    };
    QCOMPARE(message([&] { training::loadJobFile(folder); }),
             QString::fromStdString(folder + ": found a directory, expected a job file"));
    QCOMPARE(message([&] { training::loadClusterFile(folder, testCatalog()); }),
             QString::fromStdString(folder + ": found a directory, expected a cluster file"));
    catalog::Catalog cat;
    QCOMPARE(message([&] { catalog::loadFile(folder, cat); }),
             QString::fromStdString(folder + ": found a directory, expected a catalog file"));
  }

  // Permissions: only where they hold (root reads any file).
  void unreadableFileNamesPermission() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("locked.yaml").toStdString();
    std::ofstream(path) << kBase;
    std::filesystem::permissions(path, std::filesystem::perms::none);
    if (std::ifstream(path)) QSKIP("this user reads files without permission (root)");
    try {
      io::loadDesign(path, testCatalog());
      QFAIL("should have failed");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString(e.what()), QString::fromStdString(path + ": found a file that cannot be opened (Permission "
                                                                "denied), expected a design file"));
    }
  }

  // An unknown key names the allowed keys and, when exactly one is a small typo away, that one.
  void unknownKeySuggestsTheNearest_data() {
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("with");
    QTest::addColumn<QString>("message");  // the whole message after "bad.yaml:"
    QTest::newRow("power node") << "rating: 5 MW"
                                << "ratting: 5 MW"
                                << "4:28: power[0].ratting: found unknown key 'ratting', expected one of: id, count, "
                                   "only_in, kind, model, fed_by, units, rating, redundancy, position, step, "
                                   "rotation; did you mean 'rating'?";
    QTest::newRow("swapped letters") << "rejects_to:"
                                     << "rjeects_to:"
                                     << "8:50: cooling[0].rjeects_to: found unknown key 'rjeects_to', expected one "
                                        "of: ";
    QTest::newRow("two as near") << "feed_a: bw"
                                 << "feed_c: bw"
                                 << "15:66: halls[0].rows[0].feed_c: found unknown key 'feed_c', expected one of: ";
    QTest::newRow("far from any") << "rating: 5 MW"
                                  << "wattage: 5 MW"
                                  << "4:28: power[0].wattage: found unknown key 'wattage', expected one of: ";
    QTest::newRow("catalog override") << "format: 1\n"
                                      << "format: 1\ncatalog:\n  racks:\n    gb200-nvl72: {powr: 1 kW}\n"
                                      << "4:19: catalog.racks.gb200-nvl72.powr: found unknown key 'powr', expected "
                                         "one of: ";
  }
  void unknownKeySuggestsTheNearest() {
    QFETCH(QString, replace);
    QFETCH(QString, with);
    QFETCH(QString, message);
    const QString what = errorWith(replace, with);
    QVERIFY2(!what.isEmpty(), "loading succeeded but should have failed");
    QVERIFY2(what.startsWith("bad.yaml:" + message), qPrintable(what));
    const QString tag = QTest::currentDataTag();
    const bool suggests = tag == "power node" || tag == "swapped letters" || tag == "catalog override";
    QVERIFY2(what.contains("; did you mean '") == suggests, qPrintable(what));
    if (tag == "swapped letters") QVERIFY2(what.endsWith("; did you mean 'rejects_to'?"), qPrintable(what));
    if (tag == "catalog override") QVERIFY2(what.endsWith("; did you mean 'power'?"), qPrintable(what));
  }

  // An unknown value of a fixed set (a kind, a topology, a catalog entry's kind) names the allowed
  // values and, as for a key, the one it most likely meant when exactly one is near.
  void unknownValueSuggestsTheNearest_data() {
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("with");
    QTest::addColumn<QString>("message");  // the whole message after "bad.yaml:"
    QTest::newRow("power node kind")
        << "kind: busway"
        << "kind: switchbord"
        << "6:20: power[2].kind: found 'switchbord', expected one of: grid, substation, generator, battery, "
           "transformer, switchboard, ups, busway, pdu; did you mean 'switchboard'?";
    QTest::newRow("cooling kind") << "kind: dry-cooler"
                                  << "kind: dry-coler"
                                  << "9:20: cooling[1].kind: found 'dry-coler', expected one of: ";
    QTest::newRow("far from any") << "kind: grid"
                                  << "kind: nuclear"
                                  << "4:22: power[0].kind: found 'nuclear', expected one of: grid, substation, ";
    QTest::newRow("catalog override")
        << "format: 1\n"
        << "format: 1\ncatalog:\n  racks:\n    gb200-nvl72: {kind: compte}\n"
        << "4:25: catalog.racks.gb200-nvl72.kind: found 'compte', expected one of: compute, network, storage; did "
           "you mean 'compute'?";
  }
  void unknownValueSuggestsTheNearest() {
    QFETCH(QString, replace);
    QFETCH(QString, with);
    QFETCH(QString, message);
    const QString what = errorWith(replace, with);
    QVERIFY2(!what.isEmpty(), "loading succeeded but should have failed");
    QVERIFY2(what.startsWith("bad.yaml:" + message), qPrintable(what));
    const QString tag = QTest::currentDataTag();
    QVERIFY2(what.contains("; did you mean '") == (tag != "far from any"), qPrintable(what));
    if (tag == "cooling kind") QVERIFY2(what.endsWith("; did you mean 'dry-cooler'?"), qPrintable(what));
  }
};

QTEST_APPLESS_MAIN(TestMalformed)
#include "test_malformed.moc"
