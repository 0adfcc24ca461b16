// The properties dock: a table over PropertiesModel following the 3D view's selection, with a
// combo box for fields that take one of a list (types, feeds, cooling units, models) and a
// button that drops the selection's overrides.
#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QTableView;
class QPushButton;

namespace gigaplan::app {

class DesignEditor;
class PropertiesModel;

/// Edits a value from PropertiesModel::ChoicesRole in a combo box; other values as usual.
class ChoiceDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

class PropertiesDock : public QWidget {
  Q_OBJECT
 public:
  PropertiesDock(DesignEditor& editor, QWidget* parent = nullptr);
  PropertiesModel& model() { return *model_; }
  QTableView& table() { return *table_; }

 private:
  DesignEditor& editor_;
  PropertiesModel* model_;
  QTableView* table_;
  QPushButton* clear_;
};

}  // namespace gigaplan::app
