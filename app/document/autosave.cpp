// Recovery files (see autosave.h). Each session writes <folder>/<pid>-<time>.yaml next to a
// one-line .origin note naming the original file; a clean end removes both.
#include "app/document/autosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include "app/document/document.h"
#include "core/io/design_io.h"

namespace gigaplan::app {

Autosave::Autosave(Document& doc, QString folder, int intervalMs, QObject* parent)
    : QObject(parent), doc_(doc), folder_(std::move(folder)) {
  QDir().mkpath(folder_);
  file_ = QDir(folder_).filePath(
      QString("%1-%2.yaml").arg(QCoreApplication::applicationPid()).arg(QDateTime::currentMSecsSinceEpoch()));
  timer_.setInterval(intervalMs);
  connect(&timer_, &QTimer::timeout, this, &Autosave::writeNow);
  timer_.start();
  // A saved (clean) document needs no recovery file.
  connect(&doc_, &Document::modifiedChanged, this, [this](bool modified) {
    if (!modified) discard();
  });
}

Autosave::~Autosave() {
  discard();
}

bool Autosave::writeNow() {
  if (!doc_.isModified()) return true;
  const std::string text = io::designToYaml(doc_.design());
  QSaveFile out(file_);
  if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
      !out.commit()) {
    return false;
  }
  QSaveFile note(file_ + ".origin");
  if (note.open(QIODevice::WriteOnly)) {
    note.write(doc_.filePath().toUtf8());
    note.commit();
  }
  return true;
}

void Autosave::discard() {
  QFile::remove(file_);
  QFile::remove(file_ + ".origin");
}

QString Autosave::defaultFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}

std::vector<Autosave::Recovery> Autosave::pending(const QString& folder) {
  std::vector<Recovery> out;
  const QDir dir(folder);
  for (const QFileInfo& info : dir.entryInfoList({"*.yaml"}, QDir::Files, QDir::Time)) {
    // Skip files of a session still running (pid alive and it is us).
    if (info.fileName().startsWith(QString::number(QCoreApplication::applicationPid()) + "-")) continue;
    Recovery r;
    r.recoveryFile = info.absoluteFilePath();
    r.savedAt = info.lastModified();
    QFile note(r.recoveryFile + ".origin");
    if (note.open(QIODevice::ReadOnly)) r.originalPath = QString::fromUtf8(note.readAll());
    out.push_back(r);
  }
  return out;
}

void Autosave::remove(const Recovery& r) {
  QFile::remove(r.recoveryFile);
  QFile::remove(r.recoveryFile + ".origin");
}

}  // namespace gigaplan::app
