// QSettings keys and defaults (see settings.h).
#include "app/gui/settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

#include "app/gui/samples.h"

namespace gigaplan::app::settings {
namespace {
constexpr auto kRecent = "files/recent";
constexpr auto kTheme = "view/theme";
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kFolder = "files/lastFolder";
constexpr auto kSaveFolder = "files/saveFolder";
constexpr auto kExportFolder = "export/folder";
constexpr auto kExportFormat = "export/format";
constexpr auto kUndoLimit = "edit/undoLimit";
constexpr int kMaxRecent = 10;
constexpr int kDefaultUndoLimit = 500;
}  // namespace

QStringList recentFiles() {
  return QSettings().value(kRecent).toStringList();
}

void addRecentFile(const QString& path) {
  QStringList list = recentFiles();
  const QString abs = QFileInfo(path).absoluteFilePath();
  list.removeAll(abs);
  list.prepend(abs);
  while (list.size() > kMaxRecent) list.removeLast();
  QSettings().setValue(kRecent, list);
}

int undoLimit() {
  bool ok = false;
  const int steps = QSettings().value(kUndoLimit, kDefaultUndoLimit).toInt(&ok);
  return ok && steps >= 0 ? steps : kDefaultUndoLimit;
}
void setUndoLimit(int steps) {
  QSettings().setValue(kUndoLimit, std::max(0, steps));
}

QString theme() {
  return QSettings().value(kTheme, "dark").toString();
}
void setTheme(const QString& name) {
  QSettings().setValue(kTheme, name);
}
QByteArray windowGeometry() {
  return QSettings().value(kGeometry).toByteArray();
}
void setWindowGeometry(const QByteArray& g) {
  QSettings().setValue(kGeometry, g);
}
QByteArray windowState() {
  return QSettings().value(kState).toByteArray();
}
void setWindowState(const QByteArray& s) {
  QSettings().setValue(kState, s);
}
QString lastFolder() {
  return QSettings().value(kFolder, samplesFolder()).toString();
}
void setLastFolder(const QString& folder) {
  QSettings().setValue(kFolder, folder);
}

QString saveFolder() {
  const QString saved = QSettings().value(kSaveFolder).toString();
  if (!saved.isEmpty() && QFileInfo(saved).isDir() && !isBundledSample(QDir(saved).filePath("x.yaml"))) return saved;
  const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  // A file dialog shown a folder that does not exist opens somewhere else.
  if (docs.isEmpty() || !QDir().mkpath(docs)) return QDir::homePath();
  return docs;
}

void setSaveFolder(const QString& folder) {
  QSettings().setValue(kSaveFolder, folder);
}

QString exportFolder() {
  const QString folder = QSettings().value(kExportFolder).toString();
  return QFileInfo(folder).isDir() ? folder : QString();
}

void setExportFolder(const QString& folder) {
  QSettings().setValue(kExportFolder, folder);
}

QString exportFormat() {
  const QString f = QSettings().value(kExportFormat).toString();
  for (const char* known : {"pdf", "html", "htm", "md", "json", "csv"}) {
    if (f == QLatin1String(known)) return f;
  }
  return QStringLiteral("pdf");
}

void setExportFormat(const QString& suffix) {
  QSettings().setValue(kExportFormat, suffix);
}

}  // namespace gigaplan::app::settings
