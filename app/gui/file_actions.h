// File menu behaviour: New, Open, Save, Save As, recent files, bundled samples, open by
// drag-and-drop, asking before discarding changes, and noticing files changed on disk.
#pragma once

#include <QObject>

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
  bool openFile(const QString& path);
  bool save();
  bool saveAs();
  /// True when it is fine to drop the current design (saved, discarded, or unchanged).
  bool maybeKeepChanges();

 signals:
  void statusMessage(const QString& text);

 private:
  void refreshRecent();

  Document& doc_;
  QWidget* window_;
  QAction *new_, *open_, *save_, *saveAs_, *quit_;
  QMenu *recent_, *samples_;
};

}  // namespace gigaplan::app
