// Site tree dock (see site_tree_dock.h).
#include "app/gui/site_tree_dock.h"

#include <QHeaderView>
#include <QItemSelection>
#include <QTreeView>
#include <QVBoxLayout>
#include <set>

#include "app/document/document.h"
#include "app/gui/site_tree_model.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

SiteTreeDock::SiteTreeDock(Document& doc, widgets::SiteView& view, QWidget* parent)
    : QWidget(parent), doc_(doc), view_(view), model_(new SiteTreeModel(this)), tree_(new QTreeView(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tree_);
  tree_->setObjectName("siteTree");
  tree_->setModel(model_);
  tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  tree_->setUniformRowHeights(true);  // keeps thousands of racks cheap to lay out
  tree_->header()->setStretchLastSection(true);
  tree_->header()->setSectionResizeMode(SiteTreeModel::Name, QHeaderView::ResizeToContents);
  connect(tree_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SiteTreeDock::fromTree);
  connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& i) {
    if (!i.data(SiteTreeModel::IdRole).toString().isEmpty()) view_.fitSelection();
  });
  connect(&doc_, &Document::filePathChanged, this, [this] { fresh_ = true; });
  connect(&doc_, &Document::changed, this, &SiteTreeDock::onDesignChanged);
  connect(&view_, &widgets::SiteView::selectionChanged, this, &SiteTreeDock::fromView);
  onDesignChanged();
}

void SiteTreeDock::onDesignChanged() {
  const QStringList expanded = expandedIds();
  const bool fresh = model_->design() == nullptr || fresh_;
  fresh_ = false;
  syncing_ = true;
  model_->setDesign(doc_.resolved());
  syncing_ = false;
  if (fresh) {
    tree_->expand(model_->groupIndex(SiteTreeModel::Halls));  // a newly opened site shows its halls
  } else {
    expandIds(expanded);
  }
  fromView(view_.selection());
}

void SiteTreeDock::showEvaluation(const EvaluatedDesign& result) {
  if (result.design.get() == model_->design()) model_->setEvaluation(result.evaluation);
}

QStringList SiteTreeDock::expandedIds() const {
  QStringList ids;
  // Headings by their group number, objects by id; only expanded branches are walked.
  std::vector<QModelIndex> stack;
  for (int g = 0; g < model_->rowCount(); ++g) stack.push_back(model_->index(g, 0));
  while (!stack.empty()) {
    const QModelIndex i = stack.back();
    stack.pop_back();
    if (!tree_->isExpanded(i)) continue;
    const QString id = i.data(SiteTreeModel::IdRole).toString();
    ids << (id.isEmpty() ? QString("#group%1").arg(i.row()) : id);
    for (int r = 0; r < model_->rowCount(i); ++r) {
      const QModelIndex c = model_->index(r, 0, i);
      if (!(model_->flags(c) & Qt::ItemNeverHasChildren)) stack.push_back(c);
    }
  }
  return ids;
}

void SiteTreeDock::expandIds(const QStringList& ids) {
  for (const QString& id : ids) {
    const QModelIndex i = id.startsWith("#group") ? model_->index(id.mid(6).toInt(), 0) : model_->indexOfId(id);
    if (i.isValid()) tree_->expand(i);
  }
}

void SiteTreeDock::fromTree() {
  if (syncing_) return;
  QStringList ids;
  for (const QModelIndex& i : tree_->selectionModel()->selectedRows(SiteTreeModel::Name)) {
    const QString id = i.data(SiteTreeModel::IdRole).toString();
    if (!id.isEmpty()) ids << id;
  }
  syncing_ = true;
  view_.setSelection(ids);  // rows and halls stand for their racks
  syncing_ = false;
}

void SiteTreeDock::fromView(const QStringList& ids) {
  if (syncing_ || !model_->design()) return;
  const design::Layout& L = model_->design()->layout;
  std::set<int> racks;
  QItemSelection selection;
  auto add = [&](const QModelIndex& first, const QModelIndex& last) {
    selection.select(first, model_->index(last.row(), SiteTreeModel::ColumnCount - 1, last.parent()));
  };
  for (const QString& id : ids) {
    if (auto it = L.rackIndex.find(id.toStdString()); it != L.rackIndex.end())
      racks.insert(it->second);
    else if (const QModelIndex i = model_->indexOfId(id); i.isValid())
      add(i, i);
  }
  // Whole rows as their row item, the rest as runs of consecutive racks.
  std::set<int> rows;
  for (int r : racks) rows.insert(L.racks[static_cast<std::size_t>(r)].row);
  for (int row : rows) {
    const design::Row& R = L.rows[static_cast<std::size_t>(row)];
    int k = 0;
    bool whole = true;
    for (k = 0; k < R.rackCount && whole; ++k) whole = racks.count(R.firstRack + k) > 0;
    if (whole) {
      const QModelIndex i = model_->indexOfId(QString::fromStdString(R.id));
      add(i, i);
      continue;
    }
    for (k = 0; k < R.rackCount; ++k) {
      if (!racks.count(R.firstRack + k)) continue;
      int end = k;
      while (end + 1 < R.rackCount && racks.count(R.firstRack + end + 1)) ++end;
      add(model_->indexOfId(QString::fromStdString(L.racks[static_cast<std::size_t>(R.firstRack + k)].id)),
          model_->indexOfId(QString::fromStdString(L.racks[static_cast<std::size_t>(R.firstRack + end)].id)));
      k = end;
    }
  }
  syncing_ = true;
  tree_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  if (!selection.isEmpty()) {
    const QModelIndex first = selection.first().topLeft();
    for (QModelIndex p = first.parent(); p.isValid(); p = p.parent()) tree_->expand(p);
    tree_->scrollTo(first);
  }
  syncing_ = false;
}

}  // namespace gigaplan::app
