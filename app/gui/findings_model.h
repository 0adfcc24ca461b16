// The engine's findings for the findings panel, errors first: either one row per finding
// (severity, object, code, message) or grouped by kind — one row per finding code with its count
// and worst severity, its findings beneath. FindingsFilter keeps the severities the planner asked
// for (a group stays while any of its findings does). Adapts an Evaluation; never edits anything.
//
//   FindingsModel model;
//   model.setGrouped(true);
//   model.setEvaluation(eval);            // "power.overload (12)" › "ups-3 … 113 %"
//   FindingsFilter filter;
//   filter.setSourceModel(&model);
//   filter.setShown(engine::Severity::Info, false);
#pragma once

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>
#include <array>
#include <memory>
#include <vector>

#include "core/evaluate/evaluation.h"

namespace gigaplan::app {

class FindingsModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { Severity, Object, Code, Message, ColumnCount };
  static constexpr int ObjectIdRole = Qt::UserRole + 1;
  static constexpr int SeverityRole = Qt::UserRole + 2;  // int(engine::Severity): worst of a group
  static constexpr int IsGroupRole = Qt::UserRole + 3;

  using QAbstractItemModel::QAbstractItemModel;

  void setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation);
  /// One row per finding code with its findings beneath (true), or one row per finding.
  void setGrouped(bool grouped);
  bool grouped() const { return grouped_; }
  /// The finding a row shows; nullptr for a group row.
  const engine::Finding* finding(const QModelIndex& index) const;
  /// Findings of each severity (indexed by engine::Severity).
  std::array<int, 3> counts() const;
  bool evaluated() const { return evaluation_ != nullptr; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  struct Group {
    std::string code;
    engine::Severity worst = engine::Severity::Info;
    std::vector<int> findings;  // indices into evaluation_->findings
  };
  void regroup();
  QVariant findingData(const engine::Finding& f, int column, int role) const;
  QVariant groupData(const Group& g, int column, int role) const;

  std::shared_ptr<const engine::Evaluation> evaluation_;
  std::vector<Group> groups_;  // in the order of their first finding (errors first)
  bool grouped_ = true;
};

/// Shows only the severities asked for; keeps a group while any of its findings shows.
class FindingsFilter : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit FindingsFilter(QObject* parent = nullptr);
  void setShown(engine::Severity severity, bool shown);
  bool shown(engine::Severity severity) const { return shown_[static_cast<std::size_t>(severity)]; }

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  std::array<bool, 3> shown_{true, true, true};
};

}  // namespace gigaplan::app
