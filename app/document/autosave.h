// Never lose a planner's work: while a document is modified, its design is written every
// interval to a recovery file; a clean save or close removes it; at the next start, recovery
// files left behind by a crash are offered back.
//
//   Autosave autosave(doc, Autosave::defaultFolder());   // starts its 2-minute timer
//   for (const auto& r : Autosave::pending(folder)) ...   // at start-up
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <vector>

namespace gigaplan::app {

class Document;

class Autosave : public QObject {
  Q_OBJECT
 public:
  struct Recovery {
    QString recoveryFile;  // the autosaved design
    QString originalPath;  // where the design came from ("" for a new design)
    QDateTime savedAt;
  };

  Autosave(Document& doc, QString folder, int intervalMs = 2 * 60 * 1000, QObject* parent = nullptr);
  ~Autosave() override;

  /// Writes the recovery file now if the document is modified; returns false when it could not.
  bool writeNow();
  /// Removes this session's recovery file (after a save, or a close without changes).
  void discard();
  QString recoveryFile() const { return file_; }

  static QString defaultFolder();
  /// Recovery files from earlier sessions that did not end cleanly.
  static std::vector<Recovery> pending(const QString& folder);
  /// Deletes a recovery file (and its note) once recovered or declined.
  static void remove(const Recovery& r);

 private:
  Document& doc_;
  QString folder_, file_;
  QTimer timer_;
};

}  // namespace gigaplan::app
