// Snapshot-based undo command (see edit_command.h).
#include "app/document/edit_command.h"

#include "app/document/document.h"

namespace gigaplan::app {

EditCommand::EditCommand(Document& doc, const QString& text, std::shared_ptr<const design::Design> before,
                         std::shared_ptr<const design::Design> after,
                         std::shared_ptr<const design::ResolvedDesign> resolvedAfter, int mergeKey)
    : QUndoCommand(text),
      doc_(doc),
      before_(std::move(before)),
      after_(std::move(after)),
      pending_(std::move(resolvedAfter)),
      mergeKey_(mergeKey) {}

void EditCommand::undo() {
  pending_.reset();
  doc_.install(before_);
}

void EditCommand::redo() {
  if (pending_) {
    doc_.install(after_, std::move(pending_));
    pending_.reset();
    return;
  }
  doc_.install(after_);
}

bool EditCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = dynamic_cast<const EditCommand*>(other);
  if (!o || mergeKey_ < 0 || o->mergeKey_ != mergeKey_) return false;
  after_ = o->after_;  // keep our `before_`: the whole drag undoes in one step
  setText(o->text());  // and say where it ended, not the first value typed
  return true;
}

}  // namespace gigaplan::app
