// Core's layers include and link only downward (base → model → io → analyses → engine → report,
// defined in core/CMakeLists.txt). CMake writes a manifest (core_layers.txt in the build dir): the
// layer order, every core/ file with its layer, every layer's link libraries. This test fails on
// an include of a higher layer's header, a quoted include that does not name its header from the
// repository root (it could reach any layer unseen), an include of a core/ header in no layer, a
// core/ file in no layer, and a layer that links a layer at or above itself.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Manifest {
  std::vector<std::string> layers;                // lowest first
  std::map<std::string, int> layerOfFile;         // "core/units/units.h" → index into layers
  std::map<int, std::vector<std::string>> links;  // layer → its link libraries
  int rank(const std::string& layer) const {
    for (std::size_t i = 0; i < layers.size(); ++i) {
      if (layers[i] == layer) return static_cast<int>(i);
    }
    return -1;
  }
};

// "layers base model …" / "file base core/units/units.h" / "links model gigaplan_base …"
Manifest parseManifest(std::istream& in) {
  Manifest m;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind, word;
    words >> kind;
    if (kind == "layers") {
      while (words >> word) m.layers.push_back(word);
    } else if (kind == "file") {
      std::string layer, path;
      words >> layer >> path;
      m.layerOfFile[path] = m.rank(layer);
    } else if (kind == "links") {
      std::string layer;
      words >> layer;
      auto& list = m.links[m.rank(layer)];
      while (words >> word) list.push_back(word);
    }
  }
  return m;
}

// A plain string, not a raw one: moc's tokenizer stumbles over quotes inside raw strings.
const std::regex& quotedInclude() {
  static const std::regex re("^\\s*#\\s*include\\s*\"([^\"]+)\"");
  return re;
}

/// One message per include in `text` (the contents of manifest file `file`) that breaks the rule.
std::vector<std::string> badIncludes(const Manifest& m, const std::string& file, std::istream& text) {
  std::vector<std::string> bad;
  const int own = m.layerOfFile.at(file);
  std::string line;
  std::smatch match;
  for (int n = 1; std::getline(text, line); ++n) {
    if (!std::regex_search(line, match, quotedInclude())) continue;
    const std::string header = match[1];
    const std::string where = file + ":" + std::to_string(n) + ": ";
    auto it = m.layerOfFile.find(header);
    if (header.rfind("core/", 0) != 0) {
      bad.push_back(where + "\"" + header + "\" does not name the header from the repository root (core/…)");
    } else if (it == m.layerOfFile.end()) {
      bad.push_back(where + header + " is in no layer");
    } else if (it->second > own) {
      bad.push_back(where + m.layers[own] + " includes " + header + " of " + m.layers[it->second] + ", a higher layer");
    }
  }
  return bad;
}

/// One message per layer library linked by a layer at or below it.
std::vector<std::string> badLinks(const Manifest& m) {
  std::vector<std::string> bad;
  for (const auto& [layer, libraries] : m.links) {
    for (const std::string& library : libraries) {
      if (library.rfind("gigaplan_", 0) != 0) continue;
      const int other = m.rank(library.substr(9));
      if (other >= layer) bad.push_back("gigaplan_" + m.layers[layer] + " links " + library + ", not a lower layer");
    }
  }
  return bad;
}

QString joined(const std::vector<std::string>& lines) {
  QStringList out;
  for (const auto& l : lines) out << QString::fromStdString(l);
  return out.join('\n');
}

}  // namespace

class TestCoreLayers : public QObject {
  Q_OBJECT
 private slots:
  void coreIncludesAndLinksOnlyDownward() {
    const std::string manifestPath = GIGAPLAN_BINARY_DIR "/core_layers.txt";
    std::ifstream in(manifestPath);
    QVERIFY2(in, qPrintable(QString::fromStdString(manifestPath + " not found: configure with CMake first")));
    const Manifest m = parseManifest(in);
    QVERIFY2(m.layers.size() >= 5, "the manifest names fewer than five layers");
    QVERIFY2(m.layerOfFile.size() > 100, "the manifest lists too few core/ files");

    std::vector<std::string> bad = badLinks(m);
    for (const auto& [file, layer] : m.layerOfFile) {
      QVERIFY2(layer >= 0, qPrintable(QString::fromStdString(file + " is given a layer the manifest does not list")));
      std::ifstream text(std::string(GIGAPLAN_SOURCE_DIR) + "/" + file);
      if (!text) {
        bad.push_back(file + " is in the manifest but not on disk: re-run CMake");
        continue;
      }
      for (auto& b : badIncludes(m, file, text)) bad.push_back(std::move(b));
    }
    // A file added after CMake last ran is in no layer yet (CMake refuses files in no layer's folder).
    for (const auto& e : std::filesystem::recursive_directory_iterator(GIGAPLAN_SOURCE_DIR "/core")) {
      const auto ext = e.path().extension();
      if (ext != ".h" && ext != ".cpp") continue;
      const std::string rel = std::filesystem::relative(e.path(), GIGAPLAN_SOURCE_DIR).generic_string();
      if (!m.layerOfFile.count(rel)) bad.push_back(rel + " is in no layer: re-run CMake, or add its folder to a layer");
    }
    QVERIFY2(bad.empty(), qPrintable(joined(bad)));
  }

  void detectorCatchesUpwardIncludesAndLinks() {
    // A fixture, so that a detector that can never fire does not pass as "no upward include".
    std::istringstream manifestText(
        "layers base model engine\n"
        "file base core/base/a.h\n"
        "file model core/model/m.h\n"
        "file model core/model/m.cpp\n"
        "file engine core/engine/e.h\n"
        "links base gigaplan_warnings gigaplan_model\n"
        "links model gigaplan_base gigaplan_warnings\n"
        "links engine gigaplan_engine yaml-cpp\n");
    const Manifest m = parseManifest(manifestText);
    QCOMPARE(m.layers.size(), std::size_t{3});
    QCOMPARE(m.layerOfFile.at("core/engine/e.h"), 2);

    std::istringstream source(
        "#include \"core/model/m.h\"\n"  // 1: own layer
        "\n"
        "#include <vector>\n"                 // 3: not ours
        "#include \"core/base/a.h\"\n"        // 4: lower layer
        "  #  include \"core/engine/e.h\"\n"  // 5: higher layer
        "// #include \"core/engine/e.h\"\n"   // 6: a comment
        "#include \"core/gone/g.h\"\n"        // 7: in no layer
        "#include \"a.h\"\n");                // 8: relative
    const std::vector<std::string> bad = badIncludes(m, "core/model/m.cpp", source);
    QCOMPARE(bad.size(), std::size_t{3});
    QCOMPARE(bad[0], std::string("core/model/m.cpp:5: model includes core/engine/e.h of engine, a higher layer"));
    QCOMPARE(bad[1], std::string("core/model/m.cpp:7: core/gone/g.h is in no layer"));
    QVERIFY(bad[2].starts_with("core/model/m.cpp:8: \"a.h\" does not name the header"));

    const std::vector<std::string> links = badLinks(m);
    QCOMPARE(links.size(), std::size_t{2});
    QCOMPARE(links[0], std::string("gigaplan_base links gigaplan_model, not a lower layer"));
    QCOMPARE(links[1], std::string("gigaplan_engine links gigaplan_engine, not a lower layer"));
  }
};

QTEST_APPLESS_MAIN(TestCoreLayers)
#include "test_core_layers.moc"
