// QSettings keys and defaults (see settings.h).
#include "app/gui/settings.h"

#include <QFileInfo>
#include <QSettings>

#include "app/gui/samples.h"

namespace gigaplan::app::settings {
namespace {
constexpr auto kRecent = "files/recent";
constexpr auto kTheme = "view/theme";
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kFolder = "files/lastFolder";
constexpr int kMaxRecent = 10;
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

}  // namespace gigaplan::app::settings
