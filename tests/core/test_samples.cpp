// Every bundled sample: loads, has a header comment saying what it shows and where its figures
// come from, round-trips through save → load unchanged, and expands to the size its header claims.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/catalog/catalog_loader.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/io/file_write.h"

using namespace gigaplan;

namespace {

const catalog::Catalog& testCatalog() {
  static const catalog::Catalog cat = catalog::loadDirectory(GIGAPLAN_SOURCE_DIR "/resources/catalog");
  return cat;
}

std::string samplePath(const QString& name) {
  return GIGAPLAN_SOURCE_DIR "/samples/" + name.toStdString();
}

}  // namespace

class TestSamples : public QObject {
  Q_OBJECT
 private slots:
  void everySampleIsListed() {
    // A new sample file must be added to the table below (with the figures its header claims).
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(GIGAPLAN_SOURCE_DIR "/samples")) {
      if (e.path().extension() == ".yaml") ++files;
    }
    QCOMPARE(files, 5);
  }

  void sample_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minGpus");
    QTest::addColumn<int>("maxGpus");
    QTest::addColumn<int>("minHalls");
    QTest::newRow("teaching hall") << "teaching-hall.yaml" << 384 << 384 << 1;
    QTest::newRow("superpod su") << "superpod-gb200-su.yaml" << 576 << 576 << 1;
    QTest::newRow("llama3 cluster") << "llama3-cluster.yaml" << 24576 << 24576 << 1;
    QTest::newRow("colossus1-like") << "colossus1-like.yaml" << 95000 << 110000 << 4;
    QTest::newRow("gigawatt campus") << "gigawatt-campus.yaml" << 400000 << 700000 << 2;
  }

  void sample() {
    QFETCH(QString, file);
    QFETCH(int, minGpus);
    QFETCH(int, maxGpus);
    QFETCH(int, minHalls);
    const std::string path = samplePath(file);
    design::Design d;
    try {
      d = io::loadDesign(path, testCatalog());
    } catch (const io::LoadError& e) {
      QFAIL(e.what());
    }
    // Every sample carries a training job, so the app opens on "how many days".
    QVERIFY2(d.job.has_value(), "sample needs a job: section");
    // Header comment: what it shows and where its figures come from.
    QVERIFY2(d.headerComment.size() > 200, "sample needs a header comment");
    QVERIFY2(QString::fromStdString(d.headerComment).contains("Figures", Qt::CaseInsensitive) ||
                 QString::fromStdString(d.headerComment).contains("source", Qt::CaseInsensitive),
             "header must say where its figures come from");

    auto r = design::resolve(d, testCatalog());
    long long gpus = 0;
    for (const auto& rack : r->layout.racks) gpus += rack.spec->gpus;
    QVERIFY2(gpus >= minGpus && gpus <= maxGpus, qPrintable(QString("GPUs: %1").arg(gpus)));
    QVERIFY(static_cast<int>(r->layout.halls.size()) >= minHalls);

    // Round trip: save, load again, same design and same expansion.
    const std::string copy = (QDir::tempPath() + "/gigaplan-roundtrip-" + file).toStdString();
    io::saveDesign(d, copy);
    const design::Design again = io::loadDesign(copy, testCatalog());
    QVERIFY(again.site == d.site);
    QVERIFY(again.power == d.power);
    QVERIFY(again.cooling == d.cooling);
    QVERIFY(again.halls == d.halls);
    QVERIFY(again.network == d.network);
    QVERIFY(again.job == d.job);
    QVERIFY(again.overrides == d.overrides);
    QVERIFY(again.catalogOverrides == d.catalogOverrides);
    QCOMPARE(again.headerComment, d.headerComment);
    // Saving the reloaded design gives the same text: the writer is deterministic.
    QCOMPARE(io::designToYaml(again), io::designToYaml(d));
    std::filesystem::remove(copy);
  }

  // Saving never costs the planner a file or a link: a design kept behind a symbolic link (two
  // deep, the second relative) is saved into the file at the end of the links, with its
  // permissions; the links stay links. A save that cannot happen throws naming the path and
  // leaves nothing behind.
  void savingKeepsLinksAndPermissions() {
    namespace fs = std::filesystem;
    const design::Design d = io::loadDesign(samplePath("teaching-hall.yaml"), testCatalog());
    const fs::path folder = fs::path(QDir::tempPath().toStdString()) / "gigaplan-save-links";
    fs::remove_all(folder);
    fs::create_directories(folder / "real");
    const fs::path real = folder / "real" / "site.yaml";
    std::ofstream(real) << "old\n";
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write);
    fs::create_symlink(real, folder / "first.yaml");
    fs::create_symlink("first.yaml", folder / "second.yaml");
    QCOMPARE(io::writeTarget((folder / "second.yaml").string()), real.string());
    io::saveDesign(d, (folder / "second.yaml").string());
    QVERIFY(fs::is_symlink(folder / "first.yaml") && fs::is_symlink(folder / "second.yaml"));
    QVERIFY(fs::status(real).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    QVERIFY(io::loadDesign(real.string(), testCatalog()).halls == d.halls);
    QCOMPARE(std::distance(fs::directory_iterator(folder / "real"), fs::directory_iterator{}), 1L);  // no leftovers

    // A link to a file not made yet: the save makes it.
    fs::create_symlink("real/new.yaml", folder / "dangling.yaml");
    io::saveDesign(d, (folder / "dangling.yaml").string());
    QVERIFY(fs::is_regular_file(folder / "real" / "new.yaml") && fs::is_symlink(folder / "dangling.yaml"));

    const std::string nowhere = (folder / "no" / "such" / "site.yaml").string();
    try {
      io::saveDesign(d, nowhere);
      QFAIL("saving into a folder that does not exist succeeded");
    } catch (const std::runtime_error& e) {
      QVERIFY2(std::string(e.what()).find(nowhere) != std::string::npos, e.what());
    }
    fs::remove_all(folder);
  }
};

QTEST_APPLESS_MAIN(TestSamples)
#include "test_samples.moc"
