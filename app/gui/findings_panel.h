// The findings panel: what the evaluation found, grouped by kind (one row per finding code with
// its count, its findings beneath) or as a flat list, with a toggle per severity that shows its
// count ("3 errors", "12 warnings", "1 info"), messages wrapped to the panel's width and shown in
// full as tooltips. Clicking a finding on an object selects and frames it in the 3D view.
//
//   FindingsPanel panel(view);
//   panel.setEvaluation(result.evaluation);
#pragma once

#include <QWidget>
#include <array>
#include <memory>

#include "core/evaluate/evaluation.h"

class QToolButton;
class QTreeView;

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class FindingsModel;
class FindingsFilter;

class FindingsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit FindingsPanel(widgets::SiteView& view, QWidget* parent = nullptr);

  void setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation);
  QTreeView& view() { return *tree_; }
  FindingsModel& model() { return *model_; }
  FindingsFilter& filter() { return *filter_; }
  /// The toggle of a severity ("errors", "warnings", "infos") and the grouping toggle.
  QToolButton& severityButton(engine::Severity severity) { return *buttons_[static_cast<std::size_t>(severity)]; }
  QToolButton& groupButton() { return *group_; }

 private:
  void updateCounts();

  widgets::SiteView& site_;
  FindingsModel* model_;
  FindingsFilter* filter_;
  QTreeView* tree_;
  std::array<QToolButton*, 3> buttons_{};
  QToolButton* group_;
};

}  // namespace gigaplan::app
