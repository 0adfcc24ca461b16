// The command line as scripts and CI use it: exit codes, messages on stderr, help and version.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <sstream>

#include "app/gui/app_commands.h"

using namespace gigaplan;

namespace {

struct Run {
  int code = -1;
  QString out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  const auto code = app::appCommandLine().run(args, out, err);
  r.code = code.value_or(-1);
  r.out = QString::fromStdString(out.str());
  r.err = QString::fromStdString(err.str());
  return r;
}

std::string sample(const char* name) {
  return std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name;
}

}  // namespace

class TestCommandLine : public QObject {
  Q_OBJECT
 private slots:
  void helpAndVersion() {
    const Run help = run({"--help"});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains("gigaplan validate FILE..."));
    const Run version = run({"--version"});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.startsWith("gigaplan " GIGAPLAN_VERSION));
  }

  void unknownOptionIsAUsageError() {
    const Run r = run({"--frobnicate"});
    QCOMPARE(r.code, 64);
    QVERIFY(r.err.contains("unknown option '--frobnicate'"));
  }

  void designFileMeansGui() {
    std::ostringstream out, err;
    const cli::CommandLine line = app::appCommandLine();
    QVERIFY(!line.run({sample("teaching-hall.yaml")}, out, err).has_value());
    QVERIFY(!line.run({"new-site.yaml"}, out, err).has_value());  // not there yet: the app says so
    QVERIFY(!line.run({}, out, err).has_value());
  }

  // gigaplan's table is gigaplan-cli's plus screenshot; each command answers --help with exit 0.
  void everyCommandHasHelp() {
    const cli::CommandLine line = app::appCommandLine();
    for (const char* name : {"validate", "summary", "evaluate", "train", "search", "report", "screenshot"})
      QVERIFY2(line.find(name), name);
    for (const auto& c : line.commands()) {
      const Run r = run({c.name, "--help"});
      QVERIFY2(r.code == 0, c.name.c_str());
      QVERIFY2(r.out.startsWith(QString::fromStdString("usage: gigaplan " + c.name)), qPrintable(r.out));
      QVERIFY(r.out.contains("   3  output not writable"));
    }
    QVERIFY(
        run({"report", "--help"}).out.contains("The 3D picture needs OpenGL"));  // the Qt report, not gigaplan-cli's
    QVERIFY(run({"--help"}).out.contains("gigaplan screenshot FILE -o OUT.png"));
  }

  // A mistyped command is an error naming the closest command, never the GUI opening a file.
  void typoIsAUsageError() {
    const Run r = run({"evalute", "f.yaml"});
    QCOMPARE(r.code, 64);
    QVERIFY2(r.err.contains("gigaplan: 'evalute' is not a command; did you mean 'evaluate'?"), qPrintable(r.err));
    QCOMPARE(run({"screenshto"}).code, 64);
    QVERIFY(run({"screenshto"}).err.contains("did you mean 'screenshot'?"));
  }

  // The app's own commands print usage errors as gigaplan-cli's do: the problem, then the usage.
  // screenshot reads its arguments before it looks for a display, so that without one (as here:
  // DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset) a usage error is still named as one.
  void appCommandsNameTheProblem() {
    std::vector<std::pair<const char*, QByteArray>> saved;
    for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
      saved.emplace_back(v, qgetenv(v));
      qunsetenv(v);
    }
    const auto restore = qScopeGuard([&] {
      for (const auto& [v, value] : saved)
        if (!value.isNull()) qputenv(v, value);
    });
    const Run noDisplay = run({"screenshot", sample("teaching-hall.yaml"), "-o", "x.png"});
    QCOMPARE(noDisplay.code, 3);  // well-formed: the missing display is the problem
    QVERIFY2(noDisplay.err.startsWith("gigaplan screenshot: no display"), qPrintable(noDisplay.err));
    for (const QString name : {"report", "scene", "screenshot"}) {
      const Run bogus = run({name.toStdString(), sample("teaching-hall.yaml"), "--bogus"});
      QCOMPARE(bogus.code, 64);
      QVERIFY2(bogus.err.startsWith("gigaplan " + name + ": unknown option '--bogus'\nusage: gigaplan " + name + " "),
               qPrintable(bogus.err));
      const Run none = run({name.toStdString()});
      QCOMPARE(none.code, 64);
      QVERIFY2(none.err.startsWith("gigaplan " + name + ": missing FILE\nusage: gigaplan " + name + " "),
               qPrintable(none.err));
    }
  }

  // `gigaplan scene`: glTF 2.0 of the 3D scene — a JSON asset of version 2.0 whose scene holds one
  // node per mesh, one mesh per non-empty glyph layer (racks, power gear, cooling gear, busways)
  // and drawn static layer, each mesh's accessors within its inline buffers, vertex colours on the
  // glyph meshes, y up (the nodes turn the site's z up onto y); --phase; errors exit 64 / 2 / 3.
  void sceneExportsGltf() {
    QTemporaryDir dir;
    const QString path = dir.filePath("site.gltf");
    const Run r = run({"scene", sample("teaching-hall.yaml"), "-o", path.toStdString()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(": 10 meshes"), qPrintable(r.out));
    QVERIFY(!QFile::exists(path + ".part"));  // written beside it and renamed over it
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject g = QJsonDocument::fromJson(f.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(g["asset"].toObject()["version"].toString(), QString("2.0"));
    const QJsonArray meshes = g["meshes"].toArray(), nodes = g["nodes"].toArray(), accessors = g["accessors"].toArray();
    const QJsonArray views = g["bufferViews"].toArray(), buffers = g["buffers"].toArray();
    // 4 glyph layers (racks, power, cooling, busway bars) + ground, hall floors, hall outlines,
    // power feeds, pipes and hall names (the teaching hall is too small for the campus road).
    QCOMPARE(meshes.size(), 10);
    int meshNodes = 0;
    for (const QJsonValue n : nodes) {
      if (!n.toObject().contains("mesh")) continue;
      ++meshNodes;
      const QJsonArray m = n.toObject()["matrix"].toArray();
      QCOMPARE(m.size(), 16);
      QVERIFY(std::abs(m[9].toDouble() - 1) < 1e-9 && std::abs(m[6].toDouble() + 1) < 1e-9);  // z → y, y → −z
    }
    QCOMPARE(meshNodes, 10);
    // The camera node (camera to world, as glTF has it) stands south-east of the 100 m × 60 m site
    // and above it, looking at its middle (50 m east, 30 m north: glTF (50, ·, −30)).
    int cameras = 0;
    for (const QJsonValue n : nodes) {
      if (!n.toObject().contains("camera")) continue;
      ++cameras;
      const QJsonArray m = n.toObject()["matrix"].toArray();
      const double x = m[12].toDouble(), y = m[13].toDouble(), z = m[14].toDouble();
      QVERIFY2(x > 50 && y > 20 && z > -30, qPrintable(QString("%1 %2 %3").arg(x).arg(y).arg(z)));
      // Seen from above, its line of sight passes through the middle (within 5 m).
      const double dx = -m[8].toDouble(), dz = -m[10].toDouble();
      const double t = ((50 - x) * dx + (-30 - z) * dz) / (dx * dx + dz * dz);
      QVERIFY2(t > 0 && std::hypot(x + t * dx - 50, z + t * dz + 30) < 5,
               qPrintable(QString("%1 %2").arg(x + t * dx).arg(z + t * dz)));
    }
    QCOMPARE(cameras, 1);
    int coloured = 0;
    for (const QJsonValue m : meshes) {
      for (const QJsonValue p : m.toObject()["primitives"].toArray()) {
        const QJsonObject attributes = p.toObject()["attributes"].toObject();
        QVERIFY(attributes.contains("POSITION"));
        coloured += attributes.contains("COLOR_0");
        for (const QString& key : attributes.keys()) {
          const int a = attributes[key].toInt();
          QVERIFY(a >= 0 && a < accessors.size());
          const int v = accessors[a].toObject()["bufferView"].toInt();
          QVERIFY(v >= 0 && v < views.size());
          const QJsonObject view = views[v].toObject();
          const int b = view["buffer"].toInt();
          QVERIFY(b >= 0 && b < buffers.size());
          QVERIFY(view["byteOffset"].toInt() + view["byteLength"].toInt() <=
                  buffers[b].toObject()["byteLength"].toInt());
          QVERIFY(buffers[b].toObject()["uri"].toString().startsWith("data:application/octet-stream;base64,"));
        }
      }
    }
    QCOMPARE(coloured, 4);
    // The rack layer's vertices: 9 racks of the teaching hall, each its full shape.
    const int rackPositions =
        accessors
            [meshes[0].toObject()["primitives"].toArray()[0].toObject()["attributes"].toObject()["POSITION"].toInt()]
                .toObject()["count"]
                .toInt();
    QVERIFY2(rackPositions >= 9 * 8, qPrintable(QString::number(rackPositions)));

    QCOMPARE(
        run({"scene", sample("gigawatt-campus.yaml"), "-o", dir.filePath("p.gltf").toStdString(), "--phase", "2"}).code,
        0);
    QCOMPARE(
        run({"scene", sample("teaching-hall.yaml"), "-o", dir.filePath("p.gltf").toStdString(), "--phase", "1"}).code,
        64);  // no phases
    QCOMPARE(run({"scene", sample("teaching-hall.yaml"), "-o", dir.filePath("x.png").toStdString()}).code, 64);
    QCOMPARE(run({"scene", "missing.yaml", "-o", path.toStdString()}).code, 2);
    QCOMPARE(run({"scene", sample("teaching-hall.yaml"), "-o", "/nonexistent/dir/site.gltf"}).code, 3);
    // The report's "How sure" section is for documents; JSON ranges come from evaluate.
    const Run json = run(
        {"report", sample("teaching-hall.yaml"), "-o", dir.filePath("r.json").toStdString(), "--uncertainty", "20"});
    QCOMPARE(json.code, 64);
    QVERIFY2(json.err.contains("gigaplan evaluate --uncertainty N --json"), qPrintable(json.err));
    const Run html = run({"report", sample("teaching-hall.yaml"), "-o", dir.filePath("r.html").toStdString(),
                          "--uncertainty", "20", "--no-3d"});
    QVERIFY2(html.code == 0, qPrintable(html.err));
    QFile page(dir.filePath("r.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    QVERIFY(page.readAll().contains("How sure are these numbers"));
  }

  void validateGoodSample() {
    const Run r = run({"validate", sample("teaching-hall.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("ok"), qPrintable(r.out + r.err));
  }

  void validateBadFileExits2WithLocatedError() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("format: 1\nsite:\n  name: x\n  size: [10 m, 10 m]\n  ambient: hot\n");
    f.close();
    const Run r = run({"validate", path.toStdString()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(path + ":5:12: site.ambient: found 'hot', expected a temperature"), qPrintable(r.err));
  }

  void validateExits1OnErrorFindings() {
    // Five GB200 NVL72 racks (5 × 132 kW) on one 546 kW busway: the engine reports an overload.
    QTemporaryDir dir;
    const QString path = dir.filePath("overloaded.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "format: 1\nsite: {name: o, size: [50 m, 50 m]}\n"
        "power:\n  - {id: grid, kind: grid, rating: 5 MW}\n"
        "  - {id: bw, kind: busway, model: busway-800a, fed_by: grid}\n"
        "halls:\n  - id: h\n    origin: [0 m, 0 m]\n    size: [20 m, 20 m]\n"
        "    rows:\n      - {id: r, origin: [2 m, 2 m], racks: 5, rack: gb200-nvl72, feed_a: bw}\n");
    f.close();
    const Run r = run({"validate", path.toStdString()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("power.overload"), qPrintable(r.err));
    // evaluate still reports (exit 0) and lists the finding.
    const Run e = run({"evaluate", path.toStdString(), "--json"});
    QCOMPARE(e.code, 0);
    QVERIFY(e.out.contains("\"code\": \"power.overload\""));
  }

  void validateWithoutFilesIsAUsageError() { QCOMPARE(run({"validate"}).code, 64); }

  void summaryPrintsCounts() {
    const Run r = run({"summary", sample("teaching-hall.yaml")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("racks: 9"), qPrintable(r.out));
  }
};

QTEST_APPLESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
