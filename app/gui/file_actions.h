// File menu behaviour: New, Open, Save, Save As, recent files, bundled samples, open by
// drag-and-drop, asking before discarding changes, and noticing files changed on disk. Opening
// reads and checks the file off the GUI thread behind a progress dialog that can cancel, so a
// gigawatt campus never freezes the window.
#pragma once

#include <QObject>
#include <optional>

#include "core/design/design.h"

class QAction;
class QMenu;
class QWidget;

namespace gigaplan::app {

class Document;

class FileActions : public QObject {
  Q_OBJECT
 public:
  FileActions(Document& doc, QWidget* window);

  QAction* newAction() const { return new_; }
  QAction* openAction() const { return open_; }
  QAction* saveAction() const { return save_; }
  QAction* saveAsAction() const { return saveAs_; }
  QAction* quitAction() const { return quit_; }
  QMenu* recentMenu() const { return recent_; }
  QMenu* samplesMenu() const { return samples_; }

  /// Opens `path` (after asking to keep unsaved changes); shows the load error when it fails.
  /// Returns when the file is open, failed, or the planner cancelled.
  bool openFile(const QString& path);
  /// Seconds the last successful open took (read and check in the background, then install).
  double lastOpenSeconds() const { return lastOpenSeconds_; }
  bool save();
  bool saveAs();
  /// True when it is fine to drop the current design (saved, discarded, or unchanged).
  bool maybeKeepChanges();

 signals:
  void statusMessage(const QString& text);

 private:
  void refreshRecent();
  /// Reads and resolves `path` in the background; nullopt on error (in `error`) or cancel.
  std::optional<design::Design> load(const QString& path, QString& error);

  Document& doc_;
  QWidget* window_;
  QAction *new_, *open_, *save_, *saveAs_, *quit_;
  QMenu *recent_, *samples_;
  double lastOpenSeconds_ = 0;
};

}  // namespace gigaplan::app
