// Site tree dock (see site_tree_dock.h).
#include "app/gui/site_tree_dock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <set>

#include "app/document/document.h"
#include "app/gui/empty_hint.h"
#include "app/gui/site_tree_model.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {

// Keeps an item when its own id, name or details hold every word of the search (case-insensitive),
// or when one of its descendants does (recursive filtering).
class SiteTreeFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void setWords(const QString& text) {
    words_ = text.toLower().split(' ', Qt::SkipEmptyParts);
    invalidateFilter();
  }
  bool active() const { return !words_.isEmpty(); }

  bool matches(const QModelIndex& source) const {
    if (words_.isEmpty()) return true;
    const QString text = (source.data(SiteTreeModel::IdRole).toString() + ' ' +
                          source.siblingAtColumn(SiteTreeModel::Name).data().toString() + ' ' +
                          source.siblingAtColumn(SiteTreeModel::Detail).data().toString())
                             .toLower();
    for (const QString& w : words_) {
      if (!text.contains(w)) return false;
    }
    return true;
  }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const QModelIndex i = sourceModel()->index(row, SiteTreeModel::Name, parent);
    // Headings and network facts are not objects: they stay only when something below matches.
    return !i.data(SiteTreeModel::IdRole).toString().isEmpty() && matches(i);
  }

 private:
  QStringList words_;
};

}  // namespace

SiteTreeDock::SiteTreeDock(Document& doc, widgets::SiteView& view, QWidget* parent)
    : QWidget(parent),
      doc_(doc),
      view_(view),
      model_(new SiteTreeModel(this)),
      filter_(new SiteTreeFilter(this)),
      find_(new QLineEdit(this)),
      findCount_(new QLabel(this)),
      tree_(new QTreeView(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto* findRow = new QHBoxLayout;
  findRow->setContentsMargins(2, 2, 2, 0);
  findRow->addWidget(find_, 1);
  findRow->addWidget(findCount_);
  layout->addLayout(findRow);
  layout->addWidget(tree_);
  find_->setObjectName("siteFind");
  find_->setPlaceholderText(tr("Find id, name or kind (Ctrl+F)"));
  find_->setClearButtonEnabled(true);
  find_->setToolTip(
      tr("Keeps the objects whose id, name or details contain every word typed; "
         "Enter selects them and flies the 3D view to them"));
  findCount_->setObjectName("siteFindCount");
  connect(find_, &QLineEdit::textChanged, this, &SiteTreeDock::applyFind);
  connect(find_, &QLineEdit::returnPressed, this, &SiteTreeDock::goToHits);
  filter_->setRecursiveFilteringEnabled(true);
  filter_->setSourceModel(model_);
  tree_->setObjectName("siteTree");
  tree_->setModel(filter_);
  tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  tree_->setUniformRowHeights(true);  // keeps thousands of racks cheap to lay out
  tree_->header()->setStretchLastSection(true);
  tree_->header()->setSectionResizeMode(SiteTreeModel::Name, QHeaderView::ResizeToContents);
  showWhenEmpty(tree_, [this] {
    return static_cast<SiteTreeFilter*>(filter_)->active()
               ? tr("Nothing on the site matches “%1”.").arg(find_->text().trimmed())
               : QString();
  });
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
    tree_->expand(filter_->mapFromSource(model_->groupIndex(SiteTreeModel::Halls)));  // a new site shows its halls
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
    if (!tree_->isExpanded(filter_->mapFromSource(i))) continue;
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
    if (i.isValid()) tree_->expand(filter_->mapFromSource(i));
  }
}

QModelIndex SiteTreeDock::treeIndexOfId(const QString& id) const {
  return filter_->mapFromSource(model_->indexOfId(id));
}

void SiteTreeDock::startFind() {
  find_->setFocus(Qt::ShortcutFocusReason);
  find_->selectAll();
}

void SiteTreeDock::applyFind(const QString& text) {
  auto* filter = static_cast<SiteTreeFilter*>(filter_);
  filter->setWords(text);
  if (!filter->active()) {
    findCount_->clear();
    fromView(view_.selection());
    return;
  }
  tree_->expandAll();  // only the branches leading to a match are left to expand
  const qsizetype n = findHits().size();
  findCount_->setText(n == 0   ? tr("no match")
                      : n == 1 ? tr("1 match")
                               : tr("%1 matches").arg(QLocale().toString(static_cast<qlonglong>(n))));
}

QStringList SiteTreeDock::findHits() const {
  const auto* filter = static_cast<const SiteTreeFilter*>(filter_);
  QStringList ids;
  if (!filter->active()) return ids;
  std::vector<QModelIndex> stack;
  for (int r = filter_->rowCount() - 1; r >= 0; --r) stack.push_back(filter_->index(r, 0));
  while (!stack.empty()) {
    const QModelIndex i = stack.back();
    stack.pop_back();
    const QModelIndex source = filter_->mapToSource(i);
    const QString id = source.data(SiteTreeModel::IdRole).toString();
    if (!id.isEmpty() && filter->matches(source)) ids << id;
    for (int r = filter_->rowCount(i) - 1; r >= 0; --r) stack.push_back(filter_->index(r, 0, i));
  }
  return ids;
}

bool SiteTreeDock::goToHits() {
  const QStringList ids = findHits();
  if (ids.isEmpty()) return false;
  view_.setSelection(ids);
  view_.goToSelection();
  return true;
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
  // A hall picked on its own is where rows and gear added next go (it may have no racks yet), and
  // what Properties shows: announced after the selection, which would otherwise replace it.
  if (ids.size() == 1 && model_->design() && model_->design()->layout.hallIndex.count(ids.front().toStdString()))
    emit hallChosen(ids.front());
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
  selection = filter_->mapSelectionFromSource(selection);
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
