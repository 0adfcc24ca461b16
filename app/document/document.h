// The open design: the one place that holds what the planner decided, its undo stack, and where it
// lives on disk. Every change goes through edit() as an undoable command; views follow changed().
//
//   Document doc(baseCatalog);
//   if (QString err = doc.open("site.yaml"); !err.isEmpty()) showError(err);
//   doc.edit(tr("Move rack"), [](design::Design& d) { d.overrides["a-1"].position = {{3, 4}}; });
//   doc.undoStack()->undo();
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/resolved_design.h"

namespace gigaplan::app {

class Document : public QObject {
  Q_OBJECT
 public:
  explicit Document(const catalog::Catalog& base, QObject* parent = nullptr);

  /// Loads `path`. On failure returns the load error (file:line:column: …) and changes nothing.
  QString open(const QString& path);
  /// Replaces the document with an already loaded design (e.g. from a recovery file).
  void adopt(design::Design design, const QString& path, bool modified);
  /// Writes the design atomically (QSaveFile). On failure returns why and the old file is intact.
  QString save(const QString& path);
  /// An empty site.
  void reset();

  /// Applies `change` to a copy of the design; when the result keeps every rule loading applies
  /// (model::designViolations: the job's plan rules, coordinates, rotations; then design::resolve:
  /// references, ids, limits) pushes it as one undoable command named `text` and returns "".
  /// Otherwise returns the rule's message (key path, found, expected) and nothing changes: an edit
  /// that would save a file that does not reload is never made. Edits with the same non-negative
  /// `mergeKey` in a row merge into one undo step (a drag is one step).
  QString edit(const QString& text, const std::function<void(design::Design&)>& change, int mergeKey = -1);
  /// The rules edit() applies, on a candidate design: "" and the resolved design when it keeps
  /// them all, else the rule's message. Lets a gesture say before the drop why it would be refused.
  QString check(design::Design next, std::shared_ptr<const design::ResolvedDesign>* resolved = nullptr) const;

  const design::Design& design() const { return resolved_->design; }
  std::shared_ptr<const design::ResolvedDesign> resolved() const { return resolved_; }
  const catalog::Catalog& baseCatalog() const { return base_; }
  QUndoStack* undoStack() { return &undo_; }

  QString filePath() const { return path_; }
  bool isModified() const { return !undo_.isClean() || dirtyWithoutUndo_; }
  /// True when the file on disk changed since it was opened or last saved (someone else wrote it).
  bool changedOnDisk() const;

  /// Used by the undo commands: installs a design snapshot, resolving it again (or taking
  /// `resolved`, the same design already resolved).
  void install(std::shared_ptr<const design::Design> design,
               std::shared_ptr<const design::ResolvedDesign> resolved = nullptr);

 signals:
  /// The design changed (edit, undo, redo, open, reset). Views re-read resolved().
  void changed();
  void modifiedChanged(bool modified);
  void filePathChanged(const QString& path);

 private:
  void rememberDiskState();

  const catalog::Catalog& base_;
  std::shared_ptr<const design::ResolvedDesign> resolved_;
  std::shared_ptr<const design::Design> snapshot_;  // == resolved_->design, shared with the undo stack
  QUndoStack undo_;
  QString path_;
  QDateTime diskModified_;
  qint64 diskSize_ = -1;
  bool dirtyWithoutUndo_ = false;
};

}  // namespace gigaplan::app
