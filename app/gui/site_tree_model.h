// The site as a tree for the site dock: halls → rows → racks; the power chain from the sources
// down (each node under its first feed); the cooling plant from the heat sinks down (each unit
// under the first unit it rejects to); the network plan. Adapts a resolved design (and, for the
// network, its evaluation); never edits anything. Lazy: items are computed when the view asks,
// so a gigawatt site of 8,000 racks costs nothing until rows are expanded.
//
//   SiteTreeModel model;
//   model.setDesign(doc.resolved());
//   QModelIndex i = model.indexOfId("a-3");              // the rack's item
//   QString id = i.data(SiteTreeModel::IdRole).toString();
#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "core/design/resolved_design.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::app {

class SiteTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { Name, Detail, ColumnCount };
  /// The object id of an item (rack, row, hall, power node, cooling unit); "" for headings.
  static constexpr int IdRole = Qt::UserRole + 1;
  enum class Kind : quint8 { Group, Hall, Row, Rack, Power, Cooling, NetworkItem };
  static constexpr int KindRole = Qt::UserRole + 2;
  enum Group { Halls, PowerChain, CoolingPlant, Network, GroupCount };

  explicit SiteTreeModel(QObject* parent = nullptr);

  void setDesign(std::shared_ptr<const design::ResolvedDesign> design);
  /// Network details (tiers, switch counts) from an evaluation of the current design.
  void setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation);
  const design::ResolvedDesign* design() const { return design_.get(); }

  /// The item of a rack, row, hall, power node or cooling unit id; invalid when unknown.
  QModelIndex indexOfId(const QString& id) const;
  QModelIndex groupIndex(Group g) const { return index(g, 0); }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 private:
  struct Node {
    Kind kind;
    int index;
  };
  static quintptr pack(Node n) {
    return (static_cast<quintptr>(n.kind) << 32) | static_cast<quintptr>(static_cast<quint32>(n.index));
  }
  static Node unpack(quintptr id) {
    return {static_cast<Kind>(id >> 32), static_cast<int>(static_cast<quint32>(id & 0xffffffffu))};
  }
  QModelIndex make(Node n, int column) const;
  /// The children of a node, as (kind, index) of each child in order.
  int childCount(Node n) const;
  Node child(Node n, int row) const;
  /// Row of `n` under its parent, and the parent.
  std::pair<int, Node> position(Node n) const;
  void rebuild();
  void rebuildNetwork();
  QString idOf(Node n) const;  // "" for headings and network items
  QString name(Node n) const;
  QString detail(Node n) const;

  std::shared_ptr<const design::ResolvedDesign> design_;
  std::shared_ptr<const engine::Evaluation> evaluation_;
  // Structure, rebuilt with the design.
  std::vector<std::vector<int>> hallRows_;        // per hall: layout rows
  std::vector<int> rowPos_;                       // per row: position in its hall
  std::vector<int> powerParent_, coolingParent_;  // first feed / first heat sink, or -1
  std::vector<std::vector<int>> powerChildren_, coolingChildren_;
  std::vector<int> powerRoots_, coolingRoots_;
  std::vector<int> powerPos_, coolingPos_;            // position under the parent (or among roots)
  std::vector<std::pair<QString, QString>> network_;  // label, value
};

}  // namespace gigaplan::app
