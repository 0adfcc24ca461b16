// Checks the shipped equipment catalog (resources/catalog/*.yaml) as data, independently of the
// catalog loader: every entry names its source (original public documents, never a file of
// ours) and grade, ids are unique, U/E entries explain
// themselves in a note, and every value parses as the kind of quantity its field holds. The
// field tables below mirror the schema the loader reads (see core/catalog/catalog.h); a key not
// in them is reported, so a typo in the data cannot silently fall back to a loader default.
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/catalog/catalog_loader.h"
#include "core/units/units.h"

namespace {

namespace units = gigaplan::units;
using units::Dimension;

// What one YAML key holds.
struct Field {
  enum class Type { Text, Integer, Number, Quantity, Choice, NumberList };
  Type type = Type::Text;
  Dimension dim = Dimension::Dimensionless;  // Quantity: the unit family it must parse as
  double lo = 0, hi = 0;                     // Number: inclusive range
  std::vector<std::string> choices;          // Choice: allowed values
};

Field text() {
  return {};
}
Field integer() {
  Field f;
  f.type = Field::Type::Integer;
  return f;
}
Field quantity(Dimension dim) {
  Field f;
  f.type = Field::Type::Quantity;
  f.dim = dim;
  return f;
}
Field number(double lo, double hi) {
  Field f;
  f.type = Field::Type::Number;
  f.lo = lo;
  f.hi = hi;
  return f;
}
// A flow list of plain numbers (a chiller's eir_curve).
Field numberList() {
  Field f;
  f.type = Field::Type::NumberList;
  return f;
}
Field choice(std::vector<std::string> values) {
  Field f;
  f.type = Field::Type::Choice;
  f.choices = std::move(values);
  return f;
}

struct FileSchema {
  std::string file;                      // name under resources/catalog
  std::string list;                      // top-level key holding the entries
  std::map<std::string, Field> fields;   // every allowed key except the common ones below
  std::vector<std::string> requiredIds;  // entries other parts of GigaPlan rely on
};

// Keys every entry may carry; id, name, source and grade are also required.
const std::vector<std::string> kRequired = {"id", "name", "source", "grade"};
const std::set<std::string> kGrades = {"V", "S", "E", "U", "P"};

std::map<std::string, Field> footprint() {
  return {{"width", quantity(Dimension::Length)},
          {"depth", quantity(Dimension::Length)},
          {"height", quantity(Dimension::Length)}};
}

std::map<std::string, Field> withFootprint(std::map<std::string, Field> fields) {
  fields.merge(footprint());
  return fields;
}

const std::vector<FileSchema>& schemas() {
  static const std::vector<FileSchema> all = {
      {"gpus.yaml",
       "gpus",
       {{"vendor", text()},
        {"bf16", quantity(Dimension::Compute)},
        {"fp8", quantity(Dimension::Compute)},
        {"fp4", quantity(Dimension::Compute)},
        {"fp16", quantity(Dimension::Compute)},
        {"tf32", quantity(Dimension::Compute)},
        {"hbm", quantity(Dimension::DataSize)},
        {"hbm_bandwidth", quantity(Dimension::DataRate)},
        {"tdp", quantity(Dimension::Power)},
        {"scale_up_bandwidth", quantity(Dimension::DataRate)},
        {"scale_up_domain", integer()},
        {"nic", quantity(Dimension::DataRate)},
        {"idle_power", quantity(Dimension::Power)},
        {"comm_power", quantity(Dimension::Power)}},
       {"a100-sxm-80gb", "h100-sxm", "h200-sxm", "h800-sxm", "b200", "gb200", "gb300", "b300", "mi300x", "mi355x"}},
      {"racks.yaml",
       "racks",
       withFootprint({{"kind", choice({"compute", "network", "storage"})},
                      {"gpu", text()},
                      {"gpus", integer()},
                      {"nodes", integer()},
                      {"scale_up_domain", integer()},
                      {"power", quantity(Dimension::Power)},
                      {"peak_power", quantity(Dimension::Power)},
                      {"liquid_fraction", number(0, 1)},
                      {"nic", quantity(Dimension::DataRate)},
                      {"mass", quantity(Dimension::Mass)},
                      {"switch_slots", integer()},
                      {"storage_bandwidth", quantity(Dimension::DataRate)},
                      {"storage_capacity", quantity(Dimension::DataSize)},
                      {"shelf_storage", quantity(Dimension::Energy)}}),
       {"dgx-h100-rack", "dgx-b200-rack", "dgx-b300-rack", "hgx-h100-liquid-64", "hgx-h100-16", "gb200-nvl72",
        "gb300-nvl72", "mi300x-rack", "network-rack", "storage-rack"}},
      {"switches.yaml",
       "switches",
       {{"ports", integer()},
        {"port_rate", quantity(Dimension::DataRate)},
        {"power", quantity(Dimension::Power)},
        {"rack_units", integer()},
        {"cages", integer()},
        {"fabric", choice({"infiniband", "ethernet"})}},
       {"qm9700", "q3400", "sn5600"}},
      {"media.yaml",
       "media",
       {{"kind", choice({"passive-copper", "active-copper", "aoc", "multimode", "single-mode"})},
        {"rate", quantity(Dimension::DataRate)},
        {"max_reach", quantity(Dimension::Length)},
        {"transceiver_power", quantity(Dimension::Power)},
        {"transceivers_per_link", integer()}},
       {"dac-400g", "acc-800g", "aoc-400g", "mm-400g", "sm-400g-dr4", "sm-400g-fr4", "sm-800g-dr4", "sm-800g-fr4"}},
      {"power.yaml",
       "power_gear",
       withFootprint({{"kind", choice({"substation", "transformer", "switchboard", "ups", "busway", "pdu", "generator",
                                       "battery"})},
                      {"rating", quantity(Dimension::Power)},
                      {"rating_power_factor", number(0.5, 1)},
                      {"efficiency", number(0.5, 1)},
                      {"energy", quantity(Dimension::Energy)},
                      {"voltage_in", quantity(Dimension::Voltage)},
                      {"voltage_out", quantity(Dimension::Voltage)},
                      {"co2_per_kwh", number(0, 3)},
                      {"response_time", quantity(Dimension::Time)},
                      {"round_trip_efficiency", number(0.5, 1)},
                      {"ramp_rate", text()},  // "7 MW/min" (core/units/rates.h; the loader checks it)
                      {"min_load", number(0, 1)},
                      {"efficiency_curve", text()}}),  // "25 %: 99.6 %, …" (the loader checks it)
       {"hv-substation-240mva", "unit-substation-3mva", "switchboard-4000a", "ups-1500kw", "busway-800a",
        "rack-pdu-60a", "megapack-2xl-2h", "megapack-2xl-4h", "gas-turbine-titan350", "gas-turbine-smt130",
        "genset-3mw"}},
      {"cooling.yaml",
       "cooling_gear",
       withFootprint({{"kind", choice({"cdu", "chiller", "dry-cooler", "cooling-tower", "air-handler"})},
                      {"capacity", quantity(Dimension::Power)},
                      {"own_power", quantity(Dimension::Power)},
                      {"cop", number(0.5, 20)},
                      {"approach", quantity(Dimension::Temperature)},
                      {"water_per_kwh", number(0, 20)},
                      {"dry_switchover", quantity(Dimension::Temperature)},
                      {"pad_effectiveness", number(0.3, 1)},
                      {"max_ambient", quantity(Dimension::Temperature)},
                      {"condenser", choice({"air", "water"})},
                      {"chilled_water", quantity(Dimension::Temperature)},
                      {"eir_curve", numberList()}}),
       {"cdu-vertiv-2300", "in-rack-cdu-250", "chiller-water-cooled", "chiller-air-cooled", "dry-cooler-adiabatic",
        "cooling-tower", "air-handler"}},
  };
  return all;
}

const FileSchema& schemaFor(const std::string& file) {
  for (const auto& s : schemas()) {
    if (s.file == file) return s;
  }
  throw std::invalid_argument("no schema for " + file);
}

std::filesystem::path catalogDir() {
  return std::filesystem::path(GIGAPLAN_DEFAULT_RESOURCE_DIR) / "catalog";
}

YAML::Node loadCatalogFile(const std::string& file) {
  return YAML::LoadFile((catalogDir() / file).string());
}

std::string scalarOf(const YAML::Node& node) {
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

bool parseCount(const std::string& s, long& value) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty() && value >= 0;
}

// Appends to `problems` when `node` does not hold what `field` says.
void checkValue(const YAML::Node& node, const Field& field, const std::string& where,
                std::vector<std::string>& problems) {
  const std::string s = scalarOf(node);
  auto fail = [&](const std::string& expected) {
    problems.push_back(where + ": found '" + s + "', expected " + expected);
  };
  if (field.type == Field::Type::NumberList) {
    if (!node.IsSequence() || node.size() == 0) problems.push_back(where + ": expected a list of numbers");
    for (std::size_t i = 0; node.IsSequence() && i < node.size(); ++i)
      if (!node[i].IsScalar() || !units::parseNumber(node[i].Scalar()))
        problems.push_back(where + "[" + std::to_string(i) + "]: expected a plain number");
    return;
  }
  if (!node.IsScalar() || s.empty()) {
    problems.push_back(where + ": expected a non-empty scalar");
    return;
  }
  switch (field.type) {
    case Field::Type::Text:
      return;
    case Field::Type::Integer: {
      long v = 0;
      if (!parseCount(s, v)) fail("a whole number >= 0 without a unit");
      return;
    }
    case Field::Type::Number: {
      const auto r = units::parseNumber(s);
      if (!r || r.value < field.lo || r.value > field.hi) {
        fail("a plain number in [" + units::format(field.lo, Dimension::Dimensionless) + ", " +
             units::format(field.hi, Dimension::Dimensionless) + "]");
      }
      return;
    }
    case Field::Type::Quantity: {
      const auto r = units::parse(s, field.dim);
      if (!r) {
        problems.push_back(where + ": found '" + s + "', " + r.error);
      } else if (r.value < 0 && field.dim != Dimension::Temperature) {
        fail("a value >= 0");
      }
      return;
    }
    case Field::Type::NumberList:
      return;  // checked above
    case Field::Type::Choice: {
      for (const auto& c : field.choices) {
        if (c == s) return;
      }
      std::string all;
      for (const auto& c : field.choices) all += (all.empty() ? "" : "|") + c;
      fail("one of " + all);
      return;
    }
  }
}

// Every problem in one parsed catalog file, as "file:id: key: what is wrong"; empty when clean.
std::vector<std::string> checkDocument(const YAML::Node& root, const FileSchema& schema) {
  std::vector<std::string> problems;
  const YAML::Node list = root.IsMap() ? root[schema.list] : YAML::Node();
  if (!list || !list.IsSequence() || list.size() == 0) {
    return {schema.file + ": '" + schema.list + "' is missing or has no entries"};
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node entry = list[i];
    std::string where = schema.file + ":[" + std::to_string(i) + "]";
    if (!entry.IsMap()) {
      problems.push_back(where + ": entry is not a map");
      continue;
    }
    const std::string id = scalarOf(entry["id"]);
    if (!id.empty()) {
      where = schema.file + ":" + id;
      if (!ids.insert(id).second) problems.push_back(where + ": duplicate id");
    }
    for (const auto& key : kRequired) {
      if (scalarOf(entry[key]).empty()) problems.push_back(where + ": " + key + ": missing or empty");
    }
    const std::string grade = scalarOf(entry["grade"]);
    if (!grade.empty() && !kGrades.count(grade)) {
      problems.push_back(where + ": grade: found '" + grade + "', expected one of V S E U P");
    }
    // U entries say they are defaults to override; E entries show their arithmetic.
    if ((grade == "U" || grade == "E") && scalarOf(entry["note"]).empty()) {
      problems.push_back(where + ": note: grade " + grade + " needs a note");
    }
    for (const auto& kv : entry) {
      const std::string key = kv.first.as<std::string>();
      if (key == "note" || std::find(kRequired.begin(), kRequired.end(), key) != kRequired.end()) {
        if (!kv.second.IsScalar()) problems.push_back(where + ": " + key + ": expected text");
        continue;
      }
      const auto field = schema.fields.find(key);
      if (field == schema.fields.end()) {
        problems.push_back(where + ": " + key + ": unknown key");
      } else {
        checkValue(kv.second, field->second, where + ": " + key, problems);
      }
    }
  }
  return problems;
}

// gpu_efficiency.yaml (training-model calibration, keys owned by core/training) has its own
// shape: gpu_efficiency: {<gpu id>: {source: ..., note: ..., grade: ..., <key>: <number>}}.
const char* kEfficiencyFile = "gpu_efficiency.yaml";

std::vector<std::string> checkEfficiency(const YAML::Node& root, const std::set<std::string>& gpuIds) {
  const std::string file = kEfficiencyFile;
  const YAML::Node table = root.IsMap() ? root["gpu_efficiency"] : YAML::Node();
  if (!table || !table.IsMap()) return {file + ": 'gpu_efficiency' is missing or not a map"};
  std::vector<std::string> problems;
  for (const auto& kv : table) {
    const std::string gpu = scalarOf(kv.first);
    const std::string where = file + ":" + gpu;
    if (!gpuIds.count(gpu)) problems.push_back(where + ": not a GPU id in gpus.yaml");
    if (!kv.second.IsMap()) {
      problems.push_back(where + ": expected a map of parameters");
      continue;
    }
    if (scalarOf(kv.second["source"]).empty()) problems.push_back(where + ": source: missing or empty");
    const std::string grade = scalarOf(kv.second["grade"]);
    if (kv.second["grade"] && !kGrades.count(grade)) {
      problems.push_back(where + ": grade: found '" + grade + "', expected one of V S E U P");
    }
    for (const auto& p : kv.second) {
      const std::string key = scalarOf(p.first);
      if (key == "source" || key == "note" || key == "grade") continue;
      if (!units::parseNumber(scalarOf(p.second))) {
        problems.push_back(where + ": " + key + ": found '" + scalarOf(p.second) + "', expected a plain number");
      }
    }
  }
  return problems;
}

// Provenance: a source names the original public documents, never a file of ours, a path or an
// internal note. Each document (several are separated by "; ") reads "Publisher, title, URL or
// document number, date": it has a comma (publisher, then title), an https:// URL or a document
// number (arXiv 2407.21783, "document 990-5452", "doc. PB-11133-001"), and a year. A figure no
// public document was found for is graded U, its source starts "none found" and its note says
// "planning default".
std::vector<std::string> checkSource(const std::string& where, const std::string& source, const std::string& grade,
                                     const std::string& note) {
  std::vector<std::string> problems;
  auto fail = [&](const std::string& what) {
    problems.push_back(where + ": source: " + what + " in '" + source + "'");
  };
  if (source.rfind("none found", 0) == 0) {
    if (grade != "U") fail("'none found' needs grade U");
    if (note.find("planning default") == std::string::npos) fail("'none found' needs a note saying 'planning default'");
    return problems;
  }
  // Paths and internal notes, looked for outside URLs (a URL's own slashes are fine).
  static const std::regex url(R"(https?://\S+)");
  const std::string outsideUrls = std::regex_replace(source, url, "URL");
  static const std::regex local(
      R"((\.md\b|hardware\.md|training-runs|/work|shared/|reference/|~/|\./|(^|\s)/\w|\bGigaPlan\b))",
      std::regex::icase);
  std::smatch m;
  if (std::regex_search(outsideUrls, m, local)) fail("names a local file or an internal note ('" + m.str() + "')");
  static const std::regex locator(
      R"((https://\S+\.\S+|\barXiv[: ]\d{4}\.\d{4,5}|\b(document|doc\.|publication|part number|standard)\s+[^,;]*\d))",
      std::regex::icase);
  static const std::regex year(R"(\b(19|20)\d\d\b)");
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find("; ", start);
    if (end == std::string::npos) end = source.size();
    const std::string doc = source.substr(start, end - start);
    if (doc.find(", ") == std::string::npos) fail("a document without 'publisher, title' ('" + doc + "')");
    if (!std::regex_search(doc, locator)) fail("a document without a URL or document number ('" + doc + "')");
    if (!std::regex_search(doc, year)) fail("a document without a date ('" + doc + "')");
    start = end + 2;
  }
  return problems;
}

// checkSource on every entry of a catalog document.
std::vector<std::string> checkSources(const YAML::Node& root, const FileSchema& schema) {
  std::vector<std::string> problems;
  const YAML::Node list = root.IsMap() ? root[schema.list] : YAML::Node();
  if (!list || !list.IsSequence()) return problems;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node e = list[i];
    const auto p = checkSource(schema.file + ":" + scalarOf(e["id"]), scalarOf(e["source"]), scalarOf(e["grade"]),
                               scalarOf(e["note"]));
    problems.insert(problems.end(), p.begin(), p.end());
  }
  return problems;
}

// Comment lines of a catalog file must not point at our own files either.
std::vector<std::string> checkHeaderComments(const std::string& file) {
  std::vector<std::string> problems;
  std::ifstream in(catalogDir() / file);
  std::string line;
  static const std::regex local(R"((/work|hardware\.md|training-runs\.md|shared/|reference/))");
  for (int n = 1; std::getline(in, line); ++n) {
    const auto hash = line.find('#');
    if (hash != std::string::npos && std::regex_search(line.substr(hash), local)) {
      problems.push_back(file + ":" + std::to_string(n) + ": comment names a local file: " + line);
    }
  }
  return problems;
}

// The entries of one shipped file, by id.
std::map<std::string, YAML::Node> entriesById(const std::string& file) {
  std::map<std::string, YAML::Node> out;
  const auto& schema = schemaFor(file);
  const YAML::Node list = loadCatalogFile(file)[schema.list];
  for (std::size_t i = 0; i < list.size(); ++i) out[scalarOf(list[i]["id"])] = list[i];
  return out;
}

double quantityOf(const YAML::Node& entry, const char* key, Dimension dim) {
  return units::parse(scalarOf(entry[key]), dim).value;
}

}  // namespace

class TestCatalogData : public QObject {
  Q_OBJECT

 private slots:
  void everyFileHasASchema() {
    std::set<std::string> onDisk;
    for (const auto& f : std::filesystem::directory_iterator(catalogDir())) {
      if (f.path().extension() == ".yaml") onDisk.insert(f.path().filename().string());
    }
    for (const auto& name : onDisk) {
      const bool known = name == kEfficiencyFile || std::any_of(schemas().begin(), schemas().end(),
                                                                [&](const FileSchema& s) { return s.file == name; });
      QVERIFY2(known, ("no schema in this test for catalog file " + name).c_str());
    }
    for (const auto& s : schemas()) {
      QVERIFY2(onDisk.count(s.file), ("catalog file missing: " + s.file).c_str());
    }
  }

  void fileIsValid_data() {
    QTest::addColumn<QString>("file");
    for (const auto& s : schemas()) QTest::newRow(s.file.c_str()) << QString::fromStdString(s.file);
  }

  void fileIsValid() {
    QFETCH(QString, file);
    YAML::Node root;
    try {
      root = loadCatalogFile(file.toStdString());
    } catch (const YAML::Exception& e) {
      QFAIL(e.what());
    }
    const auto problems = checkDocument(root, schemaFor(file.toStdString()));
    QVERIFY2(problems.empty(), joined(problems).c_str());
  }

  // Every shipped source names public documents; no comment points at a file of ours.
  void sourcesNamePublicDocuments_data() { fileIsValid_data(); }
  void sourcesNamePublicDocuments() {
    QFETCH(QString, file);
    auto problems = checkSources(loadCatalogFile(file.toStdString()), schemaFor(file.toStdString()));
    const auto comments = checkHeaderComments(file.toStdString());
    problems.insert(problems.end(), comments.begin(), comments.end());
    QVERIFY2(problems.empty(), joined(problems).c_str());
  }

  void efficiencySourcesNamePublicDocuments() {
    if (!std::filesystem::exists(catalogDir() / kEfficiencyFile)) QSKIP("no gpu_efficiency.yaml in the catalog");
    std::vector<std::string> problems = checkHeaderComments(kEfficiencyFile);
    for (const auto& kv : loadCatalogFile(kEfficiencyFile)["gpu_efficiency"]) {
      const auto p = checkSource(std::string(kEfficiencyFile) + ":" + scalarOf(kv.first), scalarOf(kv.second["source"]),
                                 scalarOf(kv.second["grade"]), scalarOf(kv.second["note"]));
      problems.insert(problems.end(), p.begin(), p.end());
    }
    QVERIFY2(problems.empty(), joined(problems).c_str());
  }

  // The source checker itself, on sources that must pass and sources that must not.
  void sourceCheckerCatchesMistakes_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("grade");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("expected");  // substring of the reported problem; empty = clean
    const QString good = "NVIDIA, H100 Tensor Core GPU datasheet, https://www.nvidia.com/en-us/data-center/h100/, 2023";
    QTest::newRow("vendor page") << good << "V"
                                 << ""
                                 << "";
    QTest::newRow("two documents") << good + "; Meta, The Llama 3 Herd of Models, arXiv 2407.21783, July 2024"
                                   << "P"
                                   << ""
                                   << "";
    QTest::newRow("document number")
        << "Schneider Electric, Galaxy VX technical specifications, document 990-5452, 2017"
        << "V"
        << ""
        << "";
    QTest::newRow("planning default") << "none found"
                                      << "U"
                                      << "U: planning default to override"
                                      << "";
    QTest::newRow("internal note") << "hardware.md power chain (UPS up to 1.5 MW; V)"
                                   << "V"
                                   << ""
                                   << "names a local file";
    QTest::newRow("machine path") << "NVIDIA, notes, /work/shared/reference/hardware.md, 2024"
                                  << "V"
                                  << ""
                                  << "names a local file";
    QTest::newRow("relative path") << "NVIDIA, notes, see shared/reference/x, 2024"
                                   << "V"
                                   << ""
                                   << "names a local file";
    QTest::newRow("our own default") << "GigaPlan planning default"
                                     << "U"
                                     << "planning default"
                                     << "names a local file";
    QTest::newRow("no publisher") << "nvidia.com H100 product page https://www.nvidia.com/h100 2023"
                                  << "V"
                                  << ""
                                  << "without 'publisher, title'";
    QTest::newRow("no URL or number") << "NVIDIA, H100 product page, 2023"
                                      << "V"
                                      << ""
                                      << "without a URL or document number";
    QTest::newRow("no date") << "NVIDIA, H100 product page, https://www.nvidia.com/en-us/data-center/h100/"
                             << "V"
                             << ""
                             << "without a date";
    QTest::newRow("second document bare") << good + "; ServeTheHome on Colossus"
                                          << "S"
                                          << ""
                                          << "without a URL or document number";
    QTest::newRow("none found but graded V") << "none found"
                                             << "V"
                                             << "planning default"
                                             << "needs grade U";
    QTest::newRow("none found, no note") << "none found"
                                         << "U"
                                         << ""
                                         << "needs a note";
  }

  void sourceCheckerCatchesMistakes() {
    QFETCH(QString, source);
    QFETCH(QString, grade);
    QFETCH(QString, note);
    QFETCH(QString, expected);
    const auto problems = checkSource("t", source.toStdString(), grade.toStdString(), note.toStdString());
    if (expected.isEmpty()) {
      QVERIFY2(problems.empty(), joined(problems).c_str());
      return;
    }
    const bool found = std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
      return p.find(expected.toStdString()) != std::string::npos;
    });
    QVERIFY2(found,
             ("expected a problem containing '" + expected.toStdString() + "', got:" + joined(problems)).c_str());
  }

  void efficiencyFileIsValid() {
    if (!std::filesystem::exists(catalogDir() / kEfficiencyFile)) QSKIP("no gpu_efficiency.yaml in the catalog");
    std::set<std::string> gpuIds;
    for (const auto& [id, entry] : entriesById("gpus.yaml")) gpuIds.insert(id);
    const auto problems = checkEfficiency(loadCatalogFile(kEfficiencyFile), gpuIds);
    QVERIFY2(problems.empty(), joined(problems).c_str());
  }

  void efficiencyCheckerCatchesMistakes() {
    const std::set<std::string> gpus = {"h100-sxm"};
    QVERIFY(checkEfficiency(YAML::Load("gpu_efficiency: {h100-sxm: {source: s, mfu: 0.4}}"), gpus).empty());
    const auto unknownGpu = checkEfficiency(YAML::Load("gpu_efficiency: {h999: {source: s}}"), gpus);
    QVERIFY(!unknownGpu.empty() && unknownGpu[0].find("not a GPU id") != std::string::npos);
    const auto noSource = checkEfficiency(YAML::Load("gpu_efficiency: {h100-sxm: {mfu: 0.4}}"), gpus);
    QVERIFY(!noSource.empty() && noSource[0].find("source: missing") != std::string::npos);
    const auto withUnit = checkEfficiency(YAML::Load("gpu_efficiency: {h100-sxm: {source: s, mfu: 4 W}}"), gpus);
    QVERIFY(!withUnit.empty() && withUnit[0].find("mfu: found '4 W'") != std::string::npos);
  }

  void requiredIdsPresent_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    for (const auto& s : schemas()) {
      for (const auto& id : s.requiredIds) {
        QTest::newRow((s.file + ":" + id).c_str()) << QString::fromStdString(s.file) << QString::fromStdString(id);
      }
    }
  }

  void requiredIdsPresent() {
    QFETCH(QString, file);
    QFETCH(QString, id);
    QVERIFY(entriesById(file.toStdString()).count(id.toStdString()) == 1);
  }

  // Compute racks name a GPU from gpus.yaml, hold whole scale-up domains and peak >= nominal.
  void computeRacksAreConsistent() {
    const auto gpus = entriesById("gpus.yaml");
    int computeRacks = 0;
    for (const auto& [id, rack] : entriesById("racks.yaml")) {
      if (scalarOf(rack["kind"]) != "compute") continue;
      ++computeRacks;
      const std::string where = "racks.yaml:" + id;
      QVERIFY2(gpus.count(scalarOf(rack["gpu"])), (where + ": gpu not in gpus.yaml").c_str());
      const int n = rack["gpus"].as<int>(0);
      const int domain = rack["scale_up_domain"].as<int>(0);
      QVERIFY2(n > 0 && domain > 0 && n % domain == 0, (where + ": gpus not whole scale-up domains").c_str());
      const double power = quantityOf(rack, "power", Dimension::Power);
      const double peak = quantityOf(rack, "peak_power", Dimension::Power);
      QVERIFY2(power > 0 && peak >= power, (where + ": needs power > 0 and peak_power >= power").c_str());
    }
    QVERIFY(computeRacks >= 7);  // the seven required compute rack types
  }

  // Gear with a published efficiency curve states, as its rated efficiency, the curve's value at
  // rated load: the two figures a planner reads for one unit do not disagree.
  void efficiencyCurvesAgreeWithRatedEfficiency() {
    const gigaplan::catalog::Catalog c = gigaplan::catalog::loadDirectory(catalogDir().string());
    int curves = 0;
    for (const auto& [id, gear] : c.powerGear) {
      if (gear.efficiencyCurve.size() < 2) continue;
      ++curves;
      QVERIFY2(std::abs(gear.efficiencyAt(1.0) - gear.efficiency) < 5e-4,
               qPrintable(QString("%1: efficiency %2 against %3 at rated load on its curve")
                              .arg(QString::fromStdString(id))
                              .arg(gear.efficiency)
                              .arg(gear.efficiencyAt(1.0))));
    }
    QVERIFY(curves >= 2);  // the unit substations
  }

  // Below its first point (25 %) the unit substation's curve gives back the losses it was built
  // from, the EU Tier 2 limits its note states: P0 = 1,887 W no-load, Pk = 21,962 W at rated
  // current, P0 + x²·Pk at load x of 3 MVA. Held flat at 99.567 %, 12.6 % load lost 1.64 kW,
  // less than the no-load loss alone.
  void transformerKeepsItsNoLoadLossAtLightLoad() {
    const gigaplan::catalog::Catalog c = gigaplan::catalog::loadDirectory(catalogDir().string());
    const auto& tx = c.powerGear.at("unit-substation-3mva");
    for (const double x : {0.02, 0.126, 0.2}) {
      const double loss = x * 3e6 * (1 / tx.efficiencyAt(x) - 1), expected = 1887 + x * x * 21962;
      QVERIFY2(std::abs(loss / expected - 1) < 0.01,
               qPrintable(QString("at %1: %2 W, expected %3 W").arg(x).arg(loss).arg(expected)));
      QVERIFY(loss > 1887);
    }
  }

  // Spot checks that the headline figures survived into the data with the right units.
  void headlineFigures() {
    const auto gpus = entriesById("gpus.yaml");
    QCOMPARE(quantityOf(gpus.at("h100-sxm"), "bf16", Dimension::Compute), 989e12);
    QCOMPARE(quantityOf(gpus.at("gb300"), "nic", Dimension::DataRate), 100e9);  // 800 Gb/s
    const auto racks = entriesById("racks.yaml");
    QCOMPARE(quantityOf(racks.at("gb200-nvl72"), "power", Dimension::Power), 132e3);
    QCOMPARE(racks.at("gb200-nvl72")["liquid_fraction"].as<double>(), 0.87);
    const auto power = entriesById("power.yaml");
    QCOMPARE(quantityOf(power.at("megapack-2xl-2h"), "energy", Dimension::Energy), 3854 * 3.6e6);
    const auto cooling = entriesById("cooling.yaml");
    QCOMPARE(quantityOf(cooling.at("cdu-vertiv-2300"), "own_power", Dimension::Power), 47.8e3);
  }

  // The checker itself: each broken document must be reported, naming the offending key.
  void checkerCatchesMistakes_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("expected");  // substring of a reported problem; empty = clean
    const char* ok = "{id: x, name: X, source: s, grade: V, tdp: '700 W', scale_up_domain: 8}";
    QTest::newRow("clean") << "gpus.yaml" << QString("gpus: [%1]").arg(ok) << "";
    QTest::newRow("no list") << "gpus.yaml"
                             << "gpus: []"
                             << "no entries";
    QTest::newRow("missing grade") << "gpus.yaml"
                                   << "gpus: [{id: x, name: X, source: s}]"
                                   << "x: grade: missing";
    QTest::newRow("empty source") << "gpus.yaml"
                                  << "gpus: [{id: x, name: X, source: '', grade: V}]"
                                  << "x: source: missing";
    QTest::newRow("bad grade") << "gpus.yaml"
                               << "gpus: [{id: x, name: X, source: s, grade: X}]"
                               << "grade: found 'X'";
    QTest::newRow("duplicate id") << "gpus.yaml" << QString("gpus: [%1, %1]").arg(ok) << "x: duplicate id";
    QTest::newRow("U without note") << "gpus.yaml"
                                    << "gpus: [{id: x, name: X, source: s, grade: U}]"
                                    << "note: grade U needs a note";
    QTest::newRow("E without note") << "gpus.yaml"
                                    << "gpus: [{id: x, name: X, source: s, grade: E}]"
                                    << "note: grade E needs a note";
    QTest::newRow("unit of the wrong dimension") << "gpus.yaml"
                                                 << "gpus: [{id: x, name: X, source: s, grade: V, tdp: '700 GB'}]"
                                                 << "tdp: found '700 GB'";
    QTest::newRow("bare number for a quantity") << "gpus.yaml"
                                                << "gpus: [{id: x, name: X, source: s, grade: V, hbm: 80}]"
                                                << "hbm: found '80'";
    QTest::newRow("unknown key") << "gpus.yaml"
                                 << "gpus: [{id: x, name: X, source: s, grade: V, tdpp: '1 W'}]"
                                 << "tdpp: unknown key";
    QTest::newRow("integer with a unit") << "gpus.yaml"
                                         << "gpus: [{id: x, name: X, source: s, grade: V, scale_up_domain: 8 GPUs}]"
                                         << "scale_up_domain: found '8 GPUs'";
    QTest::newRow("fraction out of range") << "racks.yaml"
                                           << "racks: [{id: r, name: R, source: s, grade: V, liquid_fraction: 1.5}]"
                                           << "liquid_fraction: found '1.5'";
    QTest::newRow("unknown kind") << "racks.yaml"
                                  << "racks: [{id: r, name: R, source: s, grade: V, kind: hybrid}]"
                                  << "kind: found 'hybrid'";
    QTest::newRow("number with a unit") << "cooling.yaml"
                                        << "cooling_gear: [{id: c, name: C, source: s, grade: V, cop: 5 kW}]"
                                        << "cop: found '5 kW'";
    QTest::newRow("approach parses as temperature")
        << "cooling.yaml"
        << "cooling_gear: [{id: c, name: C, source: s, grade: V, approach: 4 kW}]"
        << "approach: found '4 kW'";
  }

  void checkerCatchesMistakes() {
    QFETCH(QString, file);
    QFETCH(QString, yaml);
    QFETCH(QString, expected);
    const auto problems = checkDocument(YAML::Load(yaml.toStdString()), schemaFor(file.toStdString()));
    if (expected.isEmpty()) {
      QVERIFY2(problems.empty(), joined(problems).c_str());
      return;
    }
    const bool found = std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
      return p.find(expected.toStdString()) != std::string::npos;
    });
    QVERIFY2(found,
             ("expected a problem containing '" + expected.toStdString() + "', got:" + joined(problems)).c_str());
  }
};

QTEST_GUILESS_MAIN(TestCatalogData)
#include "test_catalog_data.moc"
