// Inputs that once broke (or were built to break) the loader, kept in fuzz/regressions/: each must
// load or fail with a located LoadError, quickly, and never crash.
#include <QtTest>

#include <QElapsedTimer>
#include <filesystem>

#include "core/catalog/catalog_loader.h"
#include "core/io/design_io.h"

using namespace gigaplan;

class TestFuzzRegressions : public QObject {
  Q_OBJECT
 private slots:
  void regressions_data() {
    QTest::addColumn<QString>("path");
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(GIGAPLAN_SOURCE_DIR "/fuzz/regressions")) {
      QTest::newRow(e.path().filename().c_str()) << QString::fromStdString(e.path().string());
      ++n;
    }
    QVERIFY2(n >= 4, "fuzz/regressions must hold the known hostile inputs");
  }

  void regressions() {
    QFETCH(QString, path);
    static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
    QElapsedTimer timer;
    timer.start();
    try {
      io::loadDesign(path.toStdString(), cat);
    } catch (const io::LoadError& e) {
      // A precise location is part of the contract.
      QVERIFY2(QString(e.what()).startsWith(path + ":"), e.what());
    }
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString("took %1 ms").arg(timer.elapsed())));
  }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
