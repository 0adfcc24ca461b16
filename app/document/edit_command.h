// One undoable change to the design, kept as the resolved design before and after: the design,
// its effective catalog and the whole expanded layout (3.9 MB a step on the gigawatt campus, and
// no limit on the steps kept). Resolved designs are shared, so a step copies nothing and undo can
// never drift from redo.
#pragma once

#include <QUndoCommand>
#include <memory>

#include "core/design/resolved_design.h"

namespace gigaplan::app {

class Document;

class EditCommand : public QUndoCommand {
 public:
  EditCommand(Document& doc, const QString& text, std::shared_ptr<const design::ResolvedDesign> before,
              std::shared_ptr<const design::ResolvedDesign> after, int mergeKey);

  void undo() override;
  void redo() override;
  int id() const override { return mergeKey_; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  Document& doc_;
  std::shared_ptr<const design::ResolvedDesign> before_, after_;
  int mergeKey_;
};

}  // namespace gigaplan::app
