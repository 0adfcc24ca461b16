// GUI edits into undoable commands (see design_editor.h).
#include "app/gui/design_editor.h"

#include "app/document/document.h"
#include "app/gui/counted.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

DesignEditor::DesignEditor(Document& doc, widgets::SiteView& view, QObject* parent)
    : QObject(parent), doc_(doc), view_(view) {}

QStringList DesignEditor::selectedIds() const {
  return view_.selection();
}

editing::ObjectSet DesignEditor::selected() const {
  std::vector<std::string> ids;
  for (const QString& id : view_.selection()) ids.push_back(id.toStdString());
  return editing::objectsOf(doc_.resolved()->layout, ids);
}

bool DesignEditor::apply(const QString& text, editing::EditOutcome outcome, int mergeKey) {
  if (!outcome) {
    emit message(QString::fromStdString(outcome.refusal));
    return false;
  }
  design::Design next = std::move(*outcome.design);
  const QString error = doc_.edit(
      text, [&next](design::Design& d) { d = std::move(next); }, mergeKey);
  if (!error.isEmpty()) {
    emit message(tr("%1 refused: %2").arg(text, error));
    return false;
  }
  if (!outcome.select.empty()) {
    QStringList ids;
    for (const auto& id : outcome.select) ids << QString::fromStdString(id);
    select(ids);
  }
  return true;
}

QString DesignEditor::describeSelection(const editing::ObjectSet& set) const {
  if (set.size() == 1) {
    const auto& L = doc_.resolved()->layout;
    if (!set.racks.empty())
      return tr("rack %1").arg(QString::fromStdString(L.racks[static_cast<std::size_t>(set.racks[0])].id));
    if (!set.power.empty()) return QString::fromStdString(L.power[static_cast<std::size_t>(set.power[0])].id);
    return QString::fromStdString(L.cooling[static_cast<std::size_t>(set.cooling[0])].id);
  }
  return counted(set.size(), "object");
}

bool DesignEditor::rotateSelection() {
  const auto set = selected();
  return apply(tr("Rotate %1").arg(describeSelection(set)), editing::rotateObjects(*doc_.resolved(), set, 90));
}

bool DesignEditor::duplicateSelection() {
  const auto set = selected();
  return apply(tr("Duplicate %1").arg(describeSelection(set)), editing::duplicateRows(*doc_.resolved(), set));
}

bool DesignEditor::deleteSelection() {
  const auto set = selected();
  const QString what = describeSelection(set);
  if (!apply(tr("Delete %1").arg(what), editing::deleteObjects(*doc_.resolved(), set))) return false;
  view_.setSelection({});
  emit message(tr("Deleted %1").arg(what));
  return true;
}

bool DesignEditor::clearSelectionOverrides() {
  const auto set = selected();
  return apply(tr("Clear overrides of %1").arg(describeSelection(set)), editing::clearOverrides(*doc_.resolved(), set));
}

void DesignEditor::select(const QStringList& ids) {
  if (selectHook_)
    selectHook_(ids);
  else
    view_.setSelection(ids);
}

int DesignEditor::currentHall() const {
  const auto& L = doc_.resolved()->layout;
  if (L.halls.empty()) return -1;
  const auto set = selected();
  if (!set.racks.empty()) return L.racks[static_cast<std::size_t>(set.racks[0])].hall;
  if (!set.power.empty() && L.power[static_cast<std::size_t>(set.power[0])].hall >= 0)
    return L.power[static_cast<std::size_t>(set.power[0])].hall;
  if (!set.cooling.empty() && L.cooling[static_cast<std::size_t>(set.cooling[0])].hall >= 0)
    return L.cooling[static_cast<std::size_t>(set.cooling[0])].hall;
  return 0;
}

bool DesignEditor::addRow(const QString& rackType, int racks) {
  const int hall = currentHall();
  const QString text = racks == 1 ? tr("Add %1 rack").arg(rackType) : tr("Add row of %1 × %2").arg(racks).arg(rackType);
  return apply(text, editing::addRow(*doc_.resolved(), hall, rackType.toStdString(), racks));
}

bool DesignEditor::addEquipment(const QString& model) {
  return apply(tr("Add %1").arg(model), editing::addEquipment(*doc_.resolved(), currentHall(), model.toStdString()));
}

}  // namespace gigaplan::app
