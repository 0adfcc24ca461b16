// The engine stays free of Qt and VTK: no file under core/ may include their headers.
// (The rule that keeps the computation core headless, testable and reusable.)
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <regex>

namespace {
// A plain string, not a raw one: moc's tokenizer stumbles over quotes inside raw strings.
const std::regex& forbiddenInclude() {
  static const std::regex re("^\\s*#\\s*include\\s*[<\"](Q[A-Za-z]|qt|vtk)[^>\"]*[>\"]");
  return re;
}
}  // namespace

class TestCorePurity : public QObject {
  Q_OBJECT
 private slots:
  void coreIncludesNoQtOrVtk() {
    const std::regex& forbidden = forbiddenInclude();
    int files = 0;
    QStringList offenders;
    for (const auto& e : std::filesystem::recursive_directory_iterator(GIGAPLAN_SOURCE_DIR "/core")) {
      const auto ext = e.path().extension();
      if (ext != ".h" && ext != ".cpp" && ext != ".hpp") continue;
      ++files;
      std::ifstream in(e.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        if (std::regex_search(line, forbidden)) {
          offenders << QString("%1:%2: %3")
                           .arg(QString::fromStdString(e.path().string()))
                           .arg(n)
                           .arg(QString::fromStdString(line));
        }
      }
    }
    QVERIFY2(files > 10, "core/ sources not found");
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
  }

  void detectorCatchesAnInclude() {
    // Guard against a regex that can never match.
    const std::regex& forbidden = forbiddenInclude();
    QVERIFY(std::regex_search(std::string("#include <QString>"), forbidden));
    QVERIFY(std::regex_search(std::string("  #include \"vtkActor.h\""), forbidden));
    QVERIFY(!std::regex_search(std::string("#include <yaml-cpp/yaml.h>"), forbidden));
  }
};

QTEST_APPLESS_MAIN(TestCorePurity)
#include "test_core_purity.moc"
