// File → Export Report on the gigawatt campus, under xvfb-run: a cancel at any step of the export
// — before the 3D picture, while the report is laid out, while it is written (also from the
// dialog's own Cancel button, and queued so that it lands while a worker renders) — returns
// "cancelled", writes no file and leaves an existing file at the path byte for byte as it was; an
// export left alone replaces that file with a complete, valid report.
#include <QtTest>

#include <QDir>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/document/evaluation_runner.h"
#include "app/gui/report_actions.h"
#include "widgets/viewport/graphics_setup.h"

using namespace gigaplan;

namespace {

const QByteArray kOldReport = "an earlier report, which a cancelled export must leave alone\n";

QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Everything in the folder, hidden temporaries too.
QStringList entries(const QTemporaryDir& dir) {
  return QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

bool writeOld(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(kOldReport) == kOldReport.size();
}

}  // namespace

class TestReportExport : public QObject {
  Q_OBJECT
  std::unique_ptr<app::Document> doc_;
  std::unique_ptr<app::EvaluationRunner> runner_;
  std::unique_ptr<QWidget> window_;
  app::ReportActions* actions_ = nullptr;

 private slots:
  void initTestCase() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    doc_ = std::make_unique<app::Document>(*base);
    QVERIFY(doc_->open(GIGAPLAN_SOURCE_DIR "/samples/gigawatt-campus.yaml").isEmpty());
    runner_ = std::make_unique<app::EvaluationRunner>();
    window_ = std::make_unique<QWidget>();
    window_->resize(400, 300);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    actions_ = new app::ReportActions(*doc_, *runner_, window_.get());
  }

  void cancelledExportWritesNothing_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("cancelAt");  // start of the progress label at which to cancel
    QTest::addColumn<QString>("how");       // slot: cancelExport(); button: the dialog's Cancel; queued: a moment later
    QTest::newRow("PDF, before planning") << "campus.pdf"
                                          << "Evaluating"
                                          << "slot";
    QTest::newRow("PDF, before the 3D picture") << "campus.pdf"
                                                << "Drawing"
                                                << "slot";
    QTest::newRow("PDF, while laying out") << "campus.pdf"
                                           << "Laying out"
                                           << "queued";
    QTest::newRow("PDF, before writing") << "campus.pdf"
                                         << "Writing"
                                         << "slot";
    QTest::newRow("PDF, before saving") << "campus.pdf"
                                        << "Saving"
                                        << "slot";
    QTest::newRow("PDF, the dialog's Cancel button") << "campus.pdf"
                                                     << "Writing"
                                                     << "button";
    QTest::newRow("HTML, while writing in the background") << "campus.html"
                                                           << "Writing"
                                                           << "queued";
    QTest::newRow("Markdown, before saving") << "campus.md"
                                             << "Saving"
                                             << "slot";
    QTest::newRow("JSON, while writing in the background") << "campus.json"
                                                           << "Writing"
                                                           << "queued";
  }
  void cancelledExportWritesNothing() {
    QFETCH(QString, file);
    QFETCH(QString, cancelAt);
    QFETCH(QString, how);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QVERIFY(writeOld(path));
    QStringList labels;
    bool cancelled = false;
    const auto hook = connect(actions_, &app::ReportActions::exportStep, this, [&](const QString& label) {
      labels << label;
      if (cancelled || !label.startsWith(cancelAt)) return;
      cancelled = true;
      if (how == "slot") {
        actions_->cancelExport();
      } else if (how == "button") {
        auto* dialog = window_->findChild<QProgressDialog*>();
        QVERIFY(dialog);
        auto* button = dialog->findChild<QPushButton*>();
        QVERIFY(button);
        button->click();
      } else {
        // Posted now, delivered once the export waits for its worker (or at the next step).
        QMetaObject::invokeMethod(
            actions_,
            [this] { QMetaObject::invokeMethod(actions_, &app::ReportActions::cancelExport, Qt::QueuedConnection); },
            Qt::QueuedConnection);
      }
    });
    QString error = "not set";
    const bool written = actions_->exportTo(path, &error);
    disconnect(hook);
    QVERIFY2(cancelled, qPrintable("no step started with " + cancelAt + ": " + labels.join(" | ")));
    QVERIFY2(!written, qPrintable(labels.join(" | ")));
    // No later step started: a queued cancel stopped the worker's step it landed in.
    QVERIFY2(labels.last().startsWith(cancelAt), qPrintable(labels.join(" | ")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(contents(path), kOldReport);
    QCOMPARE(entries(dir), QStringList{file});
  }

  void uncancelledExportReplacesTheFile_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("PDF") << "campus.pdf" << QByteArray("%PDF-");
    QTest::newRow("HTML") << "campus.html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("CSV") << "campus.csv" << QByteArray();
  }
  void uncancelledExportReplacesTheFile() {
    QFETCH(QString, file);
    QFETCH(QByteArray, start);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QVERIFY(writeOld(path));
    QStringList labels;
    const auto hook = connect(actions_, &app::ReportActions::exportStep, this, [&](const QString& l) { labels << l; });
    QString error;
    const bool written = actions_->exportTo(path, &error);
    disconnect(hook);
    QVERIFY2(written, qPrintable(error));
    const QByteArray bytes = contents(path);
    QVERIFY(bytes.size() > 1000 && bytes != kOldReport);
    QVERIFY2(bytes.startsWith(start), bytes.left(40).constData());
    QVERIFY(labels.size() >= 4);
    QVERIFY2(labels.last().startsWith("Saving"), qPrintable(labels.join(" | ")));
    // Only the report is left in the folder: no temporary next to it.
    QCOMPARE(entries(dir), QStringList{file});
  }

  void refusesAnUnknownFormatBeforeAnyWork() {
    QTemporaryDir dir;
    int steps = 0;
    const auto hook = connect(actions_, &app::ReportActions::exportStep, this, [&] { ++steps; });
    QString error;
    QVERIFY(!actions_->exportTo(dir.filePath("campus.txt"), &error));
    disconnect(hook);
    QVERIFY2(error.contains("unknown report format"), qPrintable(error));
    QCOMPARE(steps, 0);
    QVERIFY(entries(dir).isEmpty());
  }

  void cleanupTestCase() {
    window_.reset();  // deletes the actions
    runner_.reset();
    doc_.reset();
  }
};

int main(int argc, char** argv) {
  widgets::prepareGraphics();
  QApplication app(argc, argv);
  TestReportExport t;
  return QTest::qExec(&t, argc, argv);
}
#include "test_report_export.moc"
