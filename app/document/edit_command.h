// One undoable change to the design, kept as the Design before and after — not the resolved
// design: a Design is templates plus overrides (tens of kilobytes even for a gigawatt site), its
// resolved layout megabytes. Undo and redo install the snapshot and the document resolves it
// again (what loading does), so undo can never drift from redo. Consecutive commands share the
// snapshot between them, so a step costs one Design.
#pragma once

#include <QUndoCommand>
#include <memory>

#include "core/design/design.h"
#include "core/design/resolved_design.h"

namespace gigaplan::app {

class Document;

class EditCommand : public QUndoCommand {
 public:
  /// `resolvedAfter` is `after` already resolved (Document::edit resolved it to validate the
  /// edit): the first redo — the push — installs it instead of resolving again, then lets it go.
  EditCommand(Document& doc, const QString& text, std::shared_ptr<const design::Design> before,
              std::shared_ptr<const design::Design> after, std::shared_ptr<const design::ResolvedDesign> resolvedAfter,
              int mergeKey);

  void undo() override;
  void redo() override;
  int id() const override { return mergeKey_; }
  bool mergeWith(const QUndoCommand* other) override;

  const std::shared_ptr<const design::Design>& before() const { return before_; }
  const std::shared_ptr<const design::Design>& after() const { return after_; }

 private:
  Document& doc_;
  std::shared_ptr<const design::Design> before_, after_;
  std::shared_ptr<const design::ResolvedDesign> pending_;  // for the first redo only
  int mergeKey_;
};

}  // namespace gigaplan::app
