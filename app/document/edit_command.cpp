// Snapshot-based undo command (see edit_command.h).
#include "app/document/edit_command.h"

#include "app/document/document.h"

namespace gigaplan::app {

EditCommand::EditCommand(Document& doc, const QString& text, std::shared_ptr<const design::ResolvedDesign> before,
                         std::shared_ptr<const design::ResolvedDesign> after, int mergeKey)
    : QUndoCommand(text), doc_(doc), before_(std::move(before)), after_(std::move(after)), mergeKey_(mergeKey) {}

void EditCommand::undo() { doc_.install(before_); }

void EditCommand::redo() { doc_.install(after_); }

bool EditCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = dynamic_cast<const EditCommand*>(other);
  if (!o || mergeKey_ < 0 || o->mergeKey_ != mergeKey_) return false;
  after_ = o->after_;  // keep our `before_`: the whole drag undoes in one step
  return true;
}

}  // namespace gigaplan::app
