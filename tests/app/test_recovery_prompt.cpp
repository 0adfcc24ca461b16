// After a crash the next start offers the work back, met as a planner meets it (under xvfb-run):
// a child process opens a copy of a sample, retypes a rack, lets the autosave timer write the
// recovery file and dies without cleaning up; then the app's own start step (gui::resumeSession,
// what `gigaplan FILE` runs once its window shows) must put up the modal question, and the test
// clicks its buttons. Yes brings the edit back as an unsaved change; No opens the file as it was
// saved; either way the recovery file is gone (autosave.h). A session that ended cleanly leaves
// nothing to offer.
#include <QtTest>

#include <QAbstractButton>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>
#include <cstdlib>

#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/gui/gui_main.h"
#include "app/gui/main_window.h"
#include "design_test_support.h"
#include "widgets/viewport/graphics_setup.h"

using namespace gigaplan;
using test::cat;

namespace {

constexpr const char* kRack = "a-3";
constexpr const char* kNewType = "gb300-nvl72";

QString samplePath(const char* name) {
  return QString(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string rackType(const app::Document& doc, const std::string& id) {
  const auto& layout = doc.resolved()->layout;
  return layout.racks[static_cast<std::size_t>(layout.rackIndex.at(id))].type;
}

// Plays the user at the start-up question: from the event loop the modal dialog runs, waits until
// a QMessageBox with the `answer` button is the active modal widget and on screen, reads it and
// clicks that button with the mouse. Records whether a question came up at all; one it cannot
// answer is closed after 20 s so the test fails instead of hanging.
class PromptAnswerer {
 public:
  explicit PromptAnswerer(QMessageBox::StandardButton answer) {
    clock_.start();
    QObject::connect(&poll_, &QTimer::timeout, [this, answer] {
      QWidget* modal = QApplication::activeModalWidget();
      auto* box = qobject_cast<QMessageBox*>(modal);
      if (box && box->button(answer) && box->windowHandle() && box->windowHandle()->isExposed()) {
        poll_.stop();
        shown = true;
        title = box->windowTitle();
        text = box->text();
        QTest::mouseClick(box->button(answer), Qt::LeftButton);
      } else if (modal && clock_.elapsed() > 20000) {
        poll_.stop();
        modal->close();
      }
    });
    poll_.start(50);
  }

  bool shown = false;
  QString title, text;

 private:
  QTimer poll_;
  QElapsedTimer clock_;
};

// What run() builds before its start step: the document, the main window on screen and this
// session's autosave into the recovery folder.
struct StartedApp {
  explicit StartedApp(const QString& recoveryFolder) : autosave(doc, recoveryFolder) { window.show(); }
  app::Document doc{cat()};
  app::MainWindow window{doc};
  app::Autosave autosave;
};

}  // namespace

class TestRecoveryPrompt : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(&cat());
  }

  void recoverBringsTheEditBack() {
    QTemporaryDir work, recovery;
    const QString path = work.filePath("site.yaml");
    QVERIFY(QFile::copy(samplePath("teaching-hall.yaml"), path));
    const QByteArray saved = readAll(path);
    crashWhileEditing(path, recovery.path());
    if (QTest::currentTestFailed()) return;

    StartedApp started(recovery.path());
    auto& [doc, window, autosave] = started;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PromptAnswerer seen(QMessageBox::Yes);
    // The file on the command line is not opened over recovered work.
    gui::resumeSession(doc, window, recovery.path(), samplePath("teaching-hall.yaml"));

    QVERIFY2(seen.shown, "no recovery question at start-up after a crash");
    QCOMPARE(seen.title, QString("Recover unsaved work?"));
    QVERIFY2(seen.text.contains(path), qPrintable(seen.text));
    QCOMPARE(doc.filePath(), path);
    QVERIFY(doc.isModified());
    QCOMPARE(rackType(doc, kRack), std::string(kNewType));
    // The title bar shows the file with its modified mark; the file itself is as last saved.
    QVERIFY(window.isWindowModified());
    QTRY_VERIFY2(window.windowHandle()->title().startsWith("site.yaml*"), qPrintable(window.windowHandle()->title()));
    QCOMPARE(readAll(path), saved);
    QVERIFY(app::Autosave::pending(recovery.path()).empty());
  }

  void declineOpensTheFileAsSaved() {
    QTemporaryDir work, recovery;
    const QString path = work.filePath("site.yaml");
    QVERIFY(QFile::copy(samplePath("teaching-hall.yaml"), path));
    crashWhileEditing(path, recovery.path());
    if (QTest::currentTestFailed()) return;
    const std::string savedType = [&] {
      app::Document before(cat());
      return before.open(path).isEmpty() ? rackType(before, kRack) : std::string();
    }();
    QVERIFY(!savedType.empty() && savedType != kNewType);

    StartedApp started(recovery.path());
    auto& [doc, window, autosave] = started;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PromptAnswerer seen(QMessageBox::No);
    gui::resumeSession(doc, window, recovery.path(), path);

    QVERIFY2(seen.shown, "no recovery question at start-up after a crash");
    QCOMPARE(doc.filePath(), path);
    QVERIFY(!doc.isModified());
    QCOMPARE(rackType(doc, kRack), savedType);
    QVERIFY(!window.isWindowModified());
    QTRY_VERIFY2(window.windowHandle()->title().startsWith("site.yaml —"), qPrintable(window.windowHandle()->title()));
    // Declined work is dropped: the next start does not ask again.
    QVERIFY(app::Autosave::pending(recovery.path()).empty());
  }

  void cleanEndOffersNothing() {
    QTemporaryDir work, recovery;
    const QString path = work.filePath("site.yaml");
    QVERIFY(QFile::copy(samplePath("teaching-hall.yaml"), path));
    // The previous session autosaved its edit, then ended normally (the edit discarded).
    runPreviousSession(path, recovery.path(), "clean");
    if (QTest::currentTestFailed()) return;
    QVERIFY(app::Autosave::pending(recovery.path()).empty());

    StartedApp started(recovery.path());
    auto& [doc, window, autosave] = started;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PromptAnswerer seen(QMessageBox::Yes);
    gui::resumeSession(doc, window, recovery.path(), path);
    QTest::qWait(300);  // a question, had there been one, would have come up by now
    QVERIFY(!seen.shown);
    QCOMPARE(doc.filePath(), path);
    QVERIFY(!doc.isModified());
  }

  // Runs only as the child of runPreviousSession: opens the file, retypes a rack, waits for the
  // autosave timer to write the recovery file, then dies without any destructor running
  // (GIGAPLAN_TEST_SESSION_END=crash) or returns normally (clean).
  void previousSession() {
    const QByteArray file = qgetenv("GIGAPLAN_TEST_SESSION_FILE"), folder = qgetenv("GIGAPLAN_TEST_SESSION_FOLDER");
    if (file.isEmpty() || folder.isEmpty()) QSKIP("only runs as the child of a test's previous session");
    app::Document doc(cat());
    QVERIFY(doc.open(QString::fromUtf8(file)).isEmpty());
    app::Autosave autosave(doc, QString::fromUtf8(folder), 100);
    QVERIFY(doc.edit("Retype", [](design::Design& d) { d.overrides[kRack].type = kNewType; }).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(autosave.recoveryFile()); }, 10000));
    if (qgetenv("GIGAPLAN_TEST_SESSION_END") == "crash") std::abort();
  }

 private:
  // A previous session of the app (a child process) edits `path` and ends as `end` says: "crash"
  // leaves one recovery file in `folder`, "clean" leaves none.
  static void runPreviousSession(const QString& path, const QString& folder, const QString& end) {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GIGAPLAN_TEST_SESSION_FILE", path);
    env.insert("GIGAPLAN_TEST_SESSION_FOLDER", folder);
    env.insert("GIGAPLAN_TEST_SESSION_END", end);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {"previousSession"});
    QVERIFY(child.waitForFinished(60000));
    const bool crashed = child.exitStatus() == QProcess::CrashExit;
    QVERIFY2(end == "crash" ? crashed : !crashed && child.exitCode() == 0, child.readAll().constData());
  }

  static void crashWhileEditing(const QString& path, const QString& folder) {
    runPreviousSession(path, folder, "crash");
    if (QTest::currentTestFailed()) return;
    const auto pending = app::Autosave::pending(folder);
    QCOMPARE(pending.size(), std::size_t{1});
    QCOMPARE(pending.front().originalPath, path);
  }
};

int main(int argc, char** argv) {
  widgets::prepareGraphics();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("GigaPlanTest");
  QApplication::setApplicationName("GigaPlanRecoveryTest");
  TestRecoveryPrompt t;
  return QTest::qExec(&t, argc, argv);
}
#include "test_recovery_prompt.moc"
