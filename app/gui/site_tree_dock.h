// The site tree dock: a tree view over SiteTreeModel whose selection stays in step with the 3D
// view's, both ways, and whose expanded branches survive every edit (the model is rebuilt from
// each new design). A row whose racks are all selected shows as the row.
#pragma once

#include <QWidget>

#include "app/document/evaluation_runner.h"

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
  void showEvaluation(const EvaluatedDesign& result);

 private:
  void onDesignChanged();
  void fromTree();
  void fromView(const QStringList& ids);
  QStringList expandedIds() const;
  void expandIds(const QStringList& ids);

  Document& doc_;
  widgets::SiteView& view_;
  SiteTreeModel* model_;
  QTreeView* tree_;
  bool syncing_ = false;
  bool fresh_ = false;  // the next change is a new design (opened), not an edit
};

}  // namespace gigaplan::app
