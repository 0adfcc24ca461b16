// Findings model and severity filter (see findings_model.h).
#include "app/gui/findings_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <map>

#include "app/gui/qt_text.h"

namespace gigaplan::app {
namespace {

// Child rows carry their group's index + 1 as internal id; group and flat rows carry 0.
constexpr quintptr kTopLevel = 0;

QBrush severityBrush(engine::Severity s) {
  switch (s) {
    case engine::Severity::Error:
      return QBrush(QColor(0xe5, 0x48, 0x4d));
    case engine::Severity::Warning:
      return QBrush(QColor(0xf0, 0xa0, 0x20));
    case engine::Severity::Info:
      break;
  }
  return QBrush(QColor(0x4a, 0x9e, 0xe8));
}

QString severityText(engine::Severity s) {
  return QString::fromUtf8(engine::toString(s).data());
}

}  // namespace

void FindingsModel::setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation) {
  beginResetModel();
  evaluation_ = std::move(evaluation);
  regroup();
  endResetModel();
}

void FindingsModel::setGrouped(bool grouped) {
  if (grouped == grouped_) return;
  beginResetModel();
  grouped_ = grouped;
  endResetModel();
}

void FindingsModel::regroup() {
  groups_.clear();
  if (!evaluation_) return;
  std::map<std::string, std::size_t> byCode;
  const auto& all = evaluation_->findings;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto [it, fresh] = byCode.try_emplace(all[i].code, groups_.size());
    if (fresh) groups_.push_back({all[i].code, all[i].severity, {}});
    Group& g = groups_[it->second];
    g.findings.push_back(static_cast<int>(i));
    if (static_cast<int>(all[i].severity) > static_cast<int>(g.worst)) g.worst = all[i].severity;
  }
}

std::array<int, 3> FindingsModel::counts() const {
  std::array<int, 3> n{0, 0, 0};
  if (evaluation_) {
    for (const auto& f : evaluation_->findings) ++n[static_cast<std::size_t>(f.severity)];
  }
  return n;
}

const engine::Finding* FindingsModel::finding(const QModelIndex& index) const {
  if (!evaluation_ || !index.isValid() || index.model() != this) return nullptr;
  const auto row = static_cast<std::size_t>(index.row());
  if (!grouped_) return row < evaluation_->findings.size() ? &evaluation_->findings[row] : nullptr;
  if (index.internalId() == kTopLevel) return nullptr;  // a group
  const Group& g = groups_[index.internalId() - 1];
  return row < g.findings.size() ? &evaluation_->findings[static_cast<std::size_t>(g.findings[row])] : nullptr;
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
  if (!parent.isValid()) return createIndex(row, column, kTopLevel);
  return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || !grouped_ || child.internalId() == kTopLevel) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kTopLevel);
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
  if (!evaluation_ || parent.column() > 0) return 0;
  if (!parent.isValid()) return static_cast<int>(grouped_ ? groups_.size() : evaluation_->findings.size());
  if (!grouped_ || parent.internalId() != kTopLevel) return 0;
  return static_cast<int>(groups_[static_cast<std::size_t>(parent.row())].findings.size());
}

int FindingsModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !evaluation_) return {};
  if (role == IsGroupRole) return grouped_ && index.internalId() == kTopLevel;
  if (grouped_ && index.internalId() == kTopLevel)
    return groupData(groups_[static_cast<std::size_t>(index.row())], index.column(), role);
  const engine::Finding* f = finding(index);
  return f ? findingData(*f, index.column(), role) : QVariant();
}

QVariant FindingsModel::findingData(const engine::Finding& f, int column, int role) const {
  if (role == ObjectIdRole) return QString::fromStdString(f.object);
  if (role == SeverityRole) return static_cast<int>(f.severity);
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (column) {
      case Severity:
        return severityText(f.severity);
      case Object:
        return f.object.empty() ? tr("site") : QString::fromStdString(f.object);
      case Code:
        return QString::fromStdString(f.code);
      case Message:
        return QString::fromStdString(f.message);
      default:
        return {};
    }
  }
  if (role == Qt::ForegroundRole && column == Severity) return severityBrush(f.severity);
  return {};
}

QVariant FindingsModel::groupData(const Group& g, int column, int role) const {
  if (role == SeverityRole) return static_cast<int>(g.worst);
  if (role == ObjectIdRole) return QString();
  const int n = static_cast<int>(g.findings.size());
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (column) {
      case Severity:
        return severityText(g.worst);
      case Object:
        return counted(n, "object");
      case Code:
        return QString::fromStdString(g.code);
      case Message:
        // The first finding says what the kind is about; the count says how often.
        return n == 1 ? QString::fromStdString(evaluation_->findings[static_cast<std::size_t>(g.findings[0])].message)
                      : tr("%1 (and %2 more)")
                            .arg(QString::fromStdString(
                                     evaluation_->findings[static_cast<std::size_t>(g.findings[0])].message),
                                 QLocale().toString(n - 1));
      default:
        return {};
    }
  }
  if (role == Qt::ForegroundRole && column == Severity) return severityBrush(g.worst);
  if (role == Qt::FontRole) {
    QFont bold;
    bold.setBold(true);
    return bold;
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
      return tr("Kind");
    case Message:
      return tr("Message");
    default:
      return {};
  }
}

FindingsFilter::FindingsFilter(QObject* parent) : QSortFilterProxyModel(parent) {
  setRecursiveFilteringEnabled(true);  // a group stays while a finding beneath it is shown
}

void FindingsFilter::setShown(engine::Severity severity, bool shown) {
  if (shown_[static_cast<std::size_t>(severity)] == shown) return;
  shown_[static_cast<std::size_t>(severity)] = shown;
  invalidateFilter();
}

bool FindingsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
  if (i.data(FindingsModel::IsGroupRole).toBool()) return false;  // shown through its findings
  return shown_[static_cast<std::size_t>(i.data(FindingsModel::SeverityRole).toInt())];
}

}  // namespace gigaplan::app
