// The engine's findings as a table (severity, object, code, message), errors first.
// Adapts an Evaluation; never edits anything.
#pragma once

#include <QAbstractTableModel>
#include <memory>

#include "core/evaluate/evaluation.h"

namespace gigaplan::app {

class FindingsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Severity, Object, Code, Message, ColumnCount };
  static constexpr int ObjectIdRole = Qt::UserRole + 1;

  using QAbstractTableModel::QAbstractTableModel;

  void setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation);
  const engine::Finding* finding(const QModelIndex& index) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::shared_ptr<const engine::Evaluation> evaluation_;
};

}  // namespace gigaplan::app
