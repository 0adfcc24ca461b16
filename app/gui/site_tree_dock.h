// The site tree dock: a tree view over SiteTreeModel whose selection stays in step with the 3D
// view's, both ways, and whose expanded branches survive every edit (the model is rebuilt from
// each new design). A row whose racks are all selected shows as the row. A search box above the
// tree (Ctrl+F) keeps only the objects whose id, name or details hold every typed word (and the
// branches that lead to them); Enter selects those objects and flies the 3D view to them.
#pragma once

#include <QModelIndex>
#include <QWidget>

#include "app/document/evaluation_runner.h"

class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class Document;
class SiteTreeModel;

class SiteTreeDock : public QWidget {
  Q_OBJECT
 public:
  SiteTreeDock(Document& doc, widgets::SiteView& view, QWidget* parent = nullptr);

  SiteTreeModel& model() { return *model_; }
  QTreeView& tree() { return *tree_; }
  QLineEdit& findBox() { return *find_; }
  /// The tree view's item of an object id (through the search filter); invalid when unknown or
  /// filtered out.
  QModelIndex treeIndexOfId(const QString& id) const;
  /// Puts the keyboard focus in the search box with its text selected (Ctrl+F).
  void startFind();
  /// Ids of the objects the search matches themselves, in tree order (not the branches shown
  /// only because they lead to a match); empty when the box is empty.
  QStringList findHits() const;
  /// Selects the hits in the 3D view and the tree and frames them; false when there is none.
  bool goToHits();
  void showEvaluation(const EvaluatedDesign& result);

 signals:
  /// A hall was picked on its own in the tree (its id).
  void hallChosen(const QString& id);

 private:
  void onDesignChanged();
  void fromTree();
  void fromView(const QStringList& ids);
  QStringList expandedIds() const;
  void expandIds(const QStringList& ids);
  void applyFind(const QString& text);

  Document& doc_;
  widgets::SiteView& view_;
  SiteTreeModel* model_;
  QSortFilterProxyModel* filter_;
  QLineEdit* find_;
  QLabel* findCount_;
  QTreeView* tree_;
  bool syncing_ = false;
  bool fresh_ = false;  // the next change is a new design (opened), not an edit
};

}  // namespace gigaplan::app
