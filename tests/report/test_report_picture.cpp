// The report's 3D picture on a real display (GUI test: runs under xvfb-run): rendered, embedded in
// the HTML as a PNG data URI and in the PDF as one raster image.
#include <QApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "app/report/export_report.h"
#include "app/report/site_picture.h"
#include "report_fixture.h"
#include "widgets/viewport/graphics_setup.h"

using namespace gigaplan;

class TestReportPicture : public QObject {
  Q_OBJECT
 private slots:
  void pictureIsRenderedAndEmbedded() {
    QString why;
    if (!app::canRenderSitePicture(&why)) QSKIP(qPrintable(why));
    const auto& s = report_fixture::evaluated(report_fixture::samplePath("teaching-hall.yaml"));
    const QByteArray png = app::sitePicturePng(*s.design, &why, {800, 500});
    QVERIFY2(!png.isEmpty(), qPrintable(why));
    const QImage image = QImage::fromData(png, "PNG");
    QCOMPARE(image.size(), QSize(800, 500));

    QTemporaryDir dir;
    QString error;
    QVERIFY2(app::exportReport(*s.design, s.eval, dir.filePath("r.html"), &error), qPrintable(error));
    QFile html(dir.filePath("r.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("src=\"data:image/png;base64,"));
    QVERIFY2(app::exportReport(*s.design, s.eval, dir.filePath("r.pdf"), &error), qPrintable(error));
    QProcess p;
    p.start("pdfimages", {"-list", dir.filePath("r.pdf")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n').size(), 3);  // header, rule, one image
  }
};

int main(int argc, char** argv) {
  widgets::prepareGraphics();  // before QApplication: the VTK surface format
  QApplication app(argc, argv);
  TestReportPicture t;
  return QTest::qExec(&t, argc, argv);
}

#include "test_report_picture.moc"
