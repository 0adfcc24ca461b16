// Site tree model (see site_tree_model.h).
#include "app/gui/site_tree_model.h"

#include <QLocale>

#include <algorithm>
#include <utility>
#include <vector>

#include "app/gui/qt_text.h"
#include "core/units/units.h"

namespace gigaplan::app {
namespace {

const char* groupName(int g) {
  switch (g) {
    case SiteTreeModel::Halls:
      return QT_TRANSLATE_NOOP("SiteTreeModel", "Halls");
    case SiteTreeModel::PowerChain:
      return QT_TRANSLATE_NOOP("SiteTreeModel", "Power chain");
    case SiteTreeModel::CoolingPlant:
      return QT_TRANSLATE_NOOP("SiteTreeModel", "Cooling plant");
    default:
      return QT_TRANSLATE_NOOP("SiteTreeModel", "Network");
  }
}

// Parent of each node in the forest made by taking the first link; children and positions.
void forest(const std::vector<int>& parent, std::vector<std::vector<int>>& children, std::vector<int>& roots,
            std::vector<int>& pos) {
  children.assign(parent.size(), {});
  roots.clear();
  pos.assign(parent.size(), 0);
  for (std::size_t i = 0; i < parent.size(); ++i) {
    auto& list = parent[i] < 0 ? roots : children[static_cast<std::size_t>(parent[i])];
    pos[i] = static_cast<int>(list.size());
    list.push_back(static_cast<int>(i));
  }
}

}  // namespace

SiteTreeModel::SiteTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void SiteTreeModel::setDesign(std::shared_ptr<const design::ResolvedDesign> design) {
  beginResetModel();
  design_ = std::move(design);
  evaluation_.reset();
  rebuild();
  endResetModel();
}

void SiteTreeModel::setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation) {
  evaluation_ = std::move(evaluation);
  const int before = static_cast<int>(network_.size());
  const QModelIndex group = groupIndex(Network);
  std::vector<std::pair<QString, QString>> old = std::move(network_);
  rebuildNetwork();
  std::vector<std::pair<QString, QString>> fresh = std::move(network_);
  const int after = static_cast<int>(fresh.size());
  // Keep persistent indices and expansion: resize the group, then announce changed values.
  network_ = std::move(old);
  if (after > before) {
    beginInsertRows(group, before, after - 1);
    network_ = std::move(fresh);
    endInsertRows();
  } else if (after < before) {
    beginRemoveRows(group, after, before - 1);
    network_ = std::move(fresh);
    endRemoveRows();
  } else {
    network_ = std::move(fresh);
  }
  if (after > 0) emit dataChanged(index(0, 0, group), index(after - 1, ColumnCount - 1, group));
}

void SiteTreeModel::rebuild() {
  hallRows_.clear();
  rowPos_.clear();
  powerParent_.clear();
  coolingParent_.clear();
  if (!design_) {
    forest(powerParent_, powerChildren_, powerRoots_, powerPos_);
    forest(coolingParent_, coolingChildren_, coolingRoots_, coolingPos_);
    network_.clear();
    return;
  }
  const design::Layout& L = design_->layout;
  hallRows_.assign(L.halls.size(), {});
  rowPos_.assign(L.rows.size(), 0);
  for (std::size_t r = 0; r < L.rows.size(); ++r) {
    const int h = L.rows[r].hall;
    if (h < 0) continue;
    auto& rows = hallRows_[static_cast<std::size_t>(h)];
    rowPos_[r] = static_cast<int>(rows.size());
    rows.push_back(static_cast<int>(r));
  }
  powerParent_.resize(L.power.size());
  for (std::size_t p = 0; p < L.power.size(); ++p)
    powerParent_[p] = L.power[p].fedBy.empty() ? -1 : L.power[p].fedBy.front();
  coolingParent_.resize(L.cooling.size());
  for (std::size_t c = 0; c < L.cooling.size(); ++c)
    coolingParent_[c] = L.cooling[c].rejectsTo.empty() ? -1 : L.cooling[c].rejectsTo.front();
  forest(powerParent_, powerChildren_, powerRoots_, powerPos_);
  forest(coolingParent_, coolingChildren_, coolingRoots_, coolingPos_);
  rebuildNetwork();
}

void SiteTreeModel::rebuildNetwork() {
  network_.clear();
  if (!design_) return;
  const design::NetworkPlan& n = design_->design.network;
  network_.push_back({tr("Topology"), qs(std::string(design::toString(n.topology)))});
  network_.push_back({tr("Switch"), n.switchModel.empty() ? tr("(none)") : qs(n.switchModel)});
  network_.push_back({tr("Leaf placement"), qs(std::string(design::toString(n.leafPlacement)))});
  network_.push_back({tr("Oversubscription"), QString("%1:1").arg(n.oversubscription)});
  if (!evaluation_) return;
  const auto& f = evaluation_->fabric;
  if (!f.problem.empty()) {
    network_.push_back({tr("Problem"), qs(f.problem)});
    return;
  }
  for (const auto& t : f.tierStats) {
    network_.push_back({qs(t.name), counted(t.switches, "switch", "switches")});
  }
  network_.push_back({tr("Bisection"), qs(units::format(f.bisectionBandwidth, units::Dimension::DataRate))});
  network_.push_back({tr("Cables"), QLocale().toString(static_cast<qlonglong>(f.totalCables))});
}

QModelIndex SiteTreeModel::make(Node n, int column) const {
  const int row = n.kind == Kind::Group ? n.index : position(n).first;
  return createIndex(row, column, pack(n));
}

int SiteTreeModel::childCount(Node n) const {
  if (!design_) return 0;
  const design::Layout& L = design_->layout;
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case Kind::Group:
      switch (n.index) {
        case Halls:
          return static_cast<int>(L.halls.size());
        case PowerChain:
          return static_cast<int>(powerRoots_.size());
        case CoolingPlant:
          return static_cast<int>(coolingRoots_.size());
        default:
          return static_cast<int>(network_.size());
      }
    case Kind::Hall:
      return static_cast<int>(hallRows_[i].size());
    case Kind::Row:
      return L.rows[i].rackCount;
    case Kind::Power:
      return static_cast<int>(powerChildren_[i].size());
    case Kind::Cooling:
      return static_cast<int>(coolingChildren_[i].size());
    default:
      return 0;
  }
}

SiteTreeModel::Node SiteTreeModel::child(Node n, int row) const {
  const auto i = static_cast<std::size_t>(n.index);
  const auto r = static_cast<std::size_t>(row);
  switch (n.kind) {
    case Kind::Group:
      switch (n.index) {
        case Halls:
          return {Kind::Hall, row};
        case PowerChain:
          return {Kind::Power, powerRoots_[r]};
        case CoolingPlant:
          return {Kind::Cooling, coolingRoots_[r]};
        default:
          return {Kind::NetworkItem, row};
      }
    case Kind::Hall:
      return {Kind::Row, hallRows_[i][r]};
    case Kind::Row:
      return {Kind::Rack, design_->layout.rows[i].firstRack + row};
    case Kind::Power:
      return {Kind::Power, powerChildren_[i][r]};
    case Kind::Cooling:
      return {Kind::Cooling, coolingChildren_[i][r]};
    default:
      return n;
  }
}

std::pair<int, SiteTreeModel::Node> SiteTreeModel::position(Node n) const {
  const design::Layout& L = design_->layout;
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case Kind::Hall:
      return {n.index, {Kind::Group, Halls}};
    case Kind::Row:
      return {rowPos_[i], {Kind::Hall, L.rows[i].hall}};
    case Kind::Rack: {
      const int row = L.racks[i].row;
      return {n.index - L.rows[static_cast<std::size_t>(row)].firstRack, {Kind::Row, row}};
    }
    case Kind::Power:
      return {powerPos_[i], powerParent_[i] < 0 ? Node{Kind::Group, PowerChain} : Node{Kind::Power, powerParent_[i]}};
    case Kind::Cooling:
      return {coolingPos_[i],
              coolingParent_[i] < 0 ? Node{Kind::Group, CoolingPlant} : Node{Kind::Cooling, coolingParent_[i]}};
    case Kind::NetworkItem:
      return {n.index, {Kind::Group, Network}};
    default:
      return {n.index, n};
  }
}

QModelIndex SiteTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
  if (!parent.isValid()) return createIndex(row, column, pack({Kind::Group, row}));
  return createIndex(row, column, pack(child(unpack(parent.internalId()), row)));
}

QModelIndex SiteTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const Node n = unpack(child.internalId());
  if (n.kind == Kind::Group) return {};
  return make(position(n).second, 0);
}

int SiteTreeModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return design_ ? GroupCount : 0;
  if (parent.column() != 0) return 0;
  return childCount(unpack(parent.internalId()));
}

int SiteTreeModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QString SiteTreeModel::idOf(Node n) const {
  const design::Layout& L = design_->layout;
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case Kind::Hall:
      return qs(L.halls[i].id);
    case Kind::Row:
      return qs(L.rows[i].id);
    case Kind::Rack:
      return qs(L.racks[i].id);
    case Kind::Power:
      return qs(L.power[i].id);
    case Kind::Cooling:
      return qs(L.cooling[i].id);
    default:
      return QString();
  }
}

QString SiteTreeModel::name(Node n) const {
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case Kind::Group:
      return tr(groupName(n.index));
    case Kind::Hall:
      return qs(design_->layout.halls[i].name);
    case Kind::Row:
      return tr("Row %1").arg(idOf(n));
    case Kind::NetworkItem:
      return network_[i].first;
    default:
      return idOf(n);
  }
}

QString SiteTreeModel::detail(Node n) const {
  const design::Layout& L = design_->layout;
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case Kind::Group:
      switch (n.index) {
        case Halls:
          return counted(L.racks.size(), "rack");
        case PowerChain:
          return counted(L.power.size(), "node");
        case CoolingPlant:
          return counted(L.cooling.size(), "unit");
        default:
          return qs(std::string(design::toString(design_->design.network.topology)));
      }
    case Kind::Hall:
      return counted(hallRows_[i].size(), "row");
    case Kind::Row: {
      // The row's racks by type, most first: overrides on single racks show ("3 × gb200-nvl72, 1 ×
      // dgx-h100-rack"), not only the row's first rack.
      const auto& row = L.rows[i];
      std::vector<std::pair<std::string, int>> types;
      for (int r = row.firstRack; r < row.firstRack + row.rackCount; ++r) {
        const std::string& type = L.racks[static_cast<std::size_t>(r)].type;
        auto it = std::find_if(types.begin(), types.end(), [&](const auto& t) { return t.first == type; });
        if (it == types.end())
          types.emplace_back(type, 1);
        else
          ++it->second;
      }
      std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      QStringList parts;
      for (const auto& [type, count] : types) parts << tr("%1 × %2").arg(QLocale().toString(count), qs(type));
      return parts.isEmpty() ? tr("no racks") : parts.join(", ");
    }
    case Kind::Rack:
      return qs(L.racks[i].type);
    case Kind::Power: {
      const auto& p = L.power[i];
      return QString("%1 %2 %3")
          .arg(qs(std::string(design::toString(p.kind))), qs(p.model), watts(p.rating))
          .simplified();
    }
    case Kind::Cooling: {
      const auto& c = L.cooling[i];
      return QString("%1 %2 %3")
          .arg(qs(std::string(design::toString(c.kind))), qs(c.model), watts(c.capacity))
          .simplified();
    }
    case Kind::NetworkItem:
      return network_[i].second;
  }
  return {};
}

QVariant SiteTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !design_) return {};
  const Node n = unpack(index.internalId());
  switch (role) {
    case Qt::DisplayRole:
      return index.column() == Name ? name(n) : detail(n);
    case Qt::ToolTipRole:
      return name(n) + " — " + detail(n);
    case KindRole:
      return static_cast<int>(n.kind);
    case IdRole:
      return idOf(n);
    default:
      return {};
  }
}

QVariant SiteTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == Name ? tr("Object") : tr("Details");
}

Qt::ItemFlags SiteTreeModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  const Kind k = unpack(index.internalId()).kind;
  Qt::ItemFlags f = Qt::ItemIsEnabled;
  if (k != Kind::Group && k != Kind::NetworkItem) f |= Qt::ItemIsSelectable;
  if (childCount(unpack(index.internalId())) == 0) f |= Qt::ItemNeverHasChildren;
  return f;
}

QModelIndex SiteTreeModel::indexOfId(const QString& qid) const {
  if (!design_) return {};
  const design::Layout& L = design_->layout;
  const std::string id = qid.toStdString();
  if (auto it = L.rackIndex.find(id); it != L.rackIndex.end()) return make({Kind::Rack, it->second}, 0);
  if (auto it = L.rowIndex.find(id); it != L.rowIndex.end()) return make({Kind::Row, it->second}, 0);
  if (auto it = L.hallIndex.find(id); it != L.hallIndex.end()) return make({Kind::Hall, it->second}, 0);
  if (auto it = L.powerIndex.find(id); it != L.powerIndex.end()) return make({Kind::Power, it->second}, 0);
  if (auto it = L.coolingIndex.find(id); it != L.coolingIndex.end()) return make({Kind::Cooling, it->second}, 0);
  return {};
}

}  // namespace gigaplan::app
