// Properties dock (see properties_dock.h).
#include "app/gui/properties_dock.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/properties_model.h"
#include "core/model/design_validation.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const {
  const QStringList values = index.data(PropertiesModel::ChoicesRole).toStringList();
  if (values.isEmpty()) {
    QWidget* w = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) {
      spin->setRange(-100000, 100000);  // metres and degrees
      spin->setDecimals(2);
    }
    if (auto* spin = qobject_cast<QSpinBox*>(w)) spin->setRange(1, model::kMaxUnits);  // unit counts
    return w;
  }
  auto* combo = new QComboBox(parent);
  const QStringList labels = index.data(PropertiesModel::ChoiceLabelsRole).toStringList();
  for (int i = 0; i < values.size(); ++i) combo->addItem(labels.value(i, values[i]), values[i]);
  combo->setMaxVisibleItems(20);
  // Apply as soon as the planner picks, like a property grid. The editor closes first: the edit
  // rebuilds the model, which would otherwise pull the editor from under the view.
  const QPersistentModelIndex target(index);
  QAbstractItemModel* model = const_cast<QAbstractItemModel*>(index.model());
  connect(combo, &QComboBox::activated, this, [this, combo, target, model] {
    const QString value = combo->currentData().toString();
    emit const_cast<ChoiceDelegate*>(this)->closeEditor(combo);
    if (target.isValid()) model->setData(target, value, Qt::EditRole);
  });
  return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    model->setData(index, combo->currentData().toString(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

PropertiesDock::PropertiesDock(DesignEditor& editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      model_(new PropertiesModel(editor, this)),
      table_(new QTableView(this)),
      clear_(new QPushButton(tr("Clear overrides"), this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_);
  layout->addWidget(clear_, 0, Qt::AlignRight);
  table_->setObjectName("propertiesTable");
  table_->setModel(model_);
  table_->setItemDelegate(new ChoiceDelegate(table_));
  table_->setEditTriggers(QAbstractItemView::AllEditTriggers);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setSectionResizeMode(PropertiesModel::Property, QHeaderView::ResizeToContents);
  table_->setWordWrap(false);
  clear_->setToolTip(tr("Drop the selected objects' overrides: back to their templates"));
  connect(clear_, &QPushButton::clicked, &editor_, &DesignEditor::clearSelectionOverrides);
  connect(&editor_.view(), &widgets::SiteView::selectionChanged, model_, &PropertiesModel::setSelection);
  connect(&editor_.document(), &Document::changed, model_, &PropertiesModel::refresh);
  auto updateButton = [this] { clear_->setEnabled(!editor_.view().selection().isEmpty()); };
  connect(&editor_.view(), &widgets::SiteView::selectionChanged, this, updateButton);
  updateButton();
}

}  // namespace gigaplan::app
