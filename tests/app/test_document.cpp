// The document as a planner relies on it: edits are undoable back to the file's exact content,
// saving is atomic and a failed save keeps the old file, a file changed by someone else is noticed,
// and after a crash the autosaved work is found again.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>
#include <cstdlib>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "core/io/design_io.h"

using namespace gigaplan;

namespace {

const catalog::Catalog& cat() {
  static const catalog::Catalog* c = cli::baseCatalog(std::cerr);
  return *c;
}

QString sample(const char* name) {
  return QString(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestDocument : public QObject {
  Q_OBJECT
 private slots:
  void openReportsErrorsAndKeepsTheDesign() {
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    const auto before = doc.resolved();
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.yaml");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("format: 1\nsite: {name: x, size: [1 m]}\n");
    f.close();
    const QString err = doc.open(bad);
    QVERIFY2(err.contains("bad.yaml:2:") && err.contains("expected a pair"), qPrintable(err));
    QCOMPARE(doc.resolved(), before);  // nothing half-applied
    QCOMPARE(doc.filePath(), sample("teaching-hall.yaml"));
  }

  void editUndoRedo() {
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    const std::string original = io::designToYaml(doc.design());
    QSignalSpy changed(&doc, &app::Document::changed);
    QVERIFY(doc.edit("Move rack",
                     [](design::Design& d) {
                       d.overrides["a-1"].position = design::Vec2{20, 20};
                     })
                .isEmpty());
    QCOMPARE(changed.count(), 1);
    QVERIFY(doc.isModified());
    const auto& rack =
        doc.resolved()->layout.racks[static_cast<std::size_t>(doc.resolved()->layout.rackIndex.at("a-1"))];
    QCOMPARE(rack.position.x, 20.0);
    doc.undoStack()->undo();
    QCOMPARE(io::designToYaml(doc.design()), original);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QVERIFY(doc.isModified());
  }

  void dragMergesIntoOneUndoStep() {
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    for (int i = 1; i <= 5; ++i) {
      QVERIFY(doc.edit(
                     "Move rack",
                     [i](design::Design& d) {
                       d.overrides["a-1"].position = design::Vec2{10.0 + i, 16};
                     },
                     7)
                  .isEmpty());
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QVERIFY(!doc.design().overrides.count("a-1"));
  }

  void invalidEditIsRefused() {
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    const QString err = doc.edit("Re-feed", [](design::Design& d) { d.overrides["a-1"].feedA = "nowhere"; });
    QVERIFY2(err.contains("nowhere"), qPrintable(err));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
  }

  void saveAndReopen() {
    QTemporaryDir dir;
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides["a-2"].type = "gb300-nvl72"; }).isEmpty());
    const QString path = dir.filePath("saved.yaml");
    QVERIFY(doc.save(path).isEmpty());
    QVERIFY(!doc.isModified());
    app::Document again(cat());
    QVERIFY(again.open(path).isEmpty());
    QCOMPARE(io::designToYaml(again.design()), io::designToYaml(doc.design()));
    QCOMPARE(again.design().overrides.at("a-2").type.value(), std::string("gb300-nvl72"));
  }

  void failedSaveKeepsTheOldFile() {
    // root ignores permission bits, so the failure comes from a path below a regular file,
    // which nobody can create.
    QTemporaryDir dir;
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides["a-2"].type = "gb300-nvl72"; }).isEmpty());
    // A file where the folder should be: no user, not even root, can create the target.
    const QString blocker = dir.filePath("not-a-folder");
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("old contents");
    f.close();
    const QString err = doc.save(blocker + "/design.yaml");
    QVERIFY2(!err.isEmpty(), "saving into a path below a file must fail");
    QVERIFY2(err.contains("Cannot"), qPrintable(err));
    QCOMPARE(readAll(blocker), QByteArray("old contents"));
    QVERIFY(doc.isModified());  // the work is still marked unsaved
  }

  void failedSaveOnReadOnlyFolder() {
    if (geteuid() == 0) QSKIP("root writes into read-only folders; covered by failedSaveKeepsTheOldFile");
    QTemporaryDir dir;
    const QString path = dir.filePath("design.yaml");
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    QVERIFY(doc.save(path).isEmpty());
    const QByteArray old = readAll(path);
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides["a-2"].type = "gb300-nvl72"; }).isEmpty());
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const QString err = doc.save(path);
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!err.isEmpty());
    QCOMPARE(readAll(path), old);
  }

  void noticesChangesOnDisk() {
    QTemporaryDir dir;
    const QString path = dir.filePath("d.yaml");
    QFile::copy(sample("teaching-hall.yaml"), path);
    app::Document doc(cat());
    QVERIFY(doc.open(path).isEmpty());
    QVERIFY(!doc.changedOnDisk());
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write("# someone else was here\n");
    f.close();
    QVERIFY(doc.changedOnDisk());
  }

  void recoversAfterACrash() {
    QTemporaryDir dir;
    // A child process opens a sample, edits, autosaves, then dies without cleaning up.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GIGAPLAN_TEST_CRASH_FOLDER", dir.path());
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {"crashChild"});
    QVERIFY(child.waitForFinished(30000));
    QVERIFY2(child.exitStatus() == QProcess::CrashExit || child.exitCode() != 0, "child should have died");
    const auto pending = app::Autosave::pending(dir.path());
    QCOMPARE(pending.size(), std::size_t{1});
    QCOMPARE(pending.front().originalPath, sample("teaching-hall.yaml"));
    // The recovered design carries the edit made before the crash.
    const auto d = io::loadDesign(pending.front().recoveryFile.toStdString(), cat());
    QCOMPARE(d.overrides.at("a-3").type.value(), std::string("gb300-nvl72"));
    app::Autosave::remove(pending.front());
    QVERIFY(app::Autosave::pending(dir.path()).empty());
  }

  void crashChild() {
    const QByteArray folder = qgetenv("GIGAPLAN_TEST_CRASH_FOLDER");
    if (folder.isEmpty()) QSKIP("only runs as the child of recoversAfterACrash");
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    app::Autosave autosave(doc, QString::fromUtf8(folder));
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides["a-3"].type = "gb300-nvl72"; }).isEmpty());
    QVERIFY(autosave.writeNow());
    std::abort();  // a crash: no destructor runs, the recovery file stays
  }

  void cleanSaveRemovesRecoveryFile() {
    QTemporaryDir dir, rec;
    app::Document doc(cat());
    QVERIFY(doc.open(sample("teaching-hall.yaml")).isEmpty());
    app::Autosave autosave(doc, rec.path());
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides["a-3"].type = "gb300-nvl72"; }).isEmpty());
    QVERIFY(autosave.writeNow());
    QVERIFY(QFile::exists(autosave.recoveryFile()));
    QVERIFY(doc.save(dir.filePath("x.yaml")).isEmpty());
    QVERIFY(!QFile::exists(autosave.recoveryFile()));
  }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "test_document.moc"
