// Findings table model (see findings_model.h).
#include "app/gui/findings_model.h"

#include <QBrush>
#include <QColor>

namespace gigaplan::app {

void FindingsModel::setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation) {
  beginResetModel();
  evaluation_ = std::move(evaluation);
  endResetModel();
}

const engine::Finding* FindingsModel::finding(const QModelIndex& index) const {
  if (!evaluation_ || !index.isValid() || index.row() >= rowCount()) return nullptr;
  return &evaluation_->findings[static_cast<std::size_t>(index.row())];
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !evaluation_ ? 0 : static_cast<int>(evaluation_->findings.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
  const engine::Finding* f = finding(index);
  if (!f) return {};
  if (role == ObjectIdRole) return QString::fromStdString(f->object);
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (index.column()) {
      case Severity:
        return QString::fromUtf8(engine::toString(f->severity).data());
      case Object:
        return f->object.empty() ? tr("site") : QString::fromStdString(f->object);
      case Code:
        return QString::fromStdString(f->code);
      case Message:
        return QString::fromStdString(f->message);
      default:
        return {};
    }
  }
  if (role == Qt::ForegroundRole && index.column() == Severity) {
    switch (f->severity) {
      case engine::Severity::Error:
        return QBrush(QColor(0xe5, 0x48, 0x4d));
      case engine::Severity::Warning:
        return QBrush(QColor(0xf0, 0xa0, 0x20));
      case engine::Severity::Info:
        return QBrush(QColor(0x4a, 0x9e, 0xe8));
    }
  }
  return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Severity:
      return tr("Severity");
    case Object:
      return tr("Object");
    case Code:
      return tr("Code");
    case Message:
      return tr("Message");
    default:
      return {};
  }
}

}  // namespace gigaplan::app
