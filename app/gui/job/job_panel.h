// The job panel: the design's training job — model (from a preset or by hand), tokens and batch,
// precision, parallel plan — edited in place (each change one undoable edit of design.job), the
// estimate on this site, and "Find best plan", which runs the parallelism search in the
// background with progress and cancel and offers the best plans to apply, ranked as the planner
// chooses (days to train by default, energy, step time, or cost at the planner's own prices).
#pragma once

#include <QSpinBox>
#include <QWidget>
#include <functional>
#include <vector>

#include "app/gui/job/job_estimate.h"
#include "core/training/job.h"
#include "core/training/search.h"

class QCheckBox;
class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QProgressDialog;
class QPushButton;
class QStackedWidget;

namespace gigaplan::app {

class DesignEditor;
class PlanSearch;
class PlanChooser;

/// A number field of the job. One that does not apply to the model (the MoE sizes of a dense
/// model, the MLA sizes under grouped-query attention, the KV heads under MLA) is disabled and
/// reads "—": the number it keeps is not the model's.
class JobField : public QSpinBox {
 public:
  using QSpinBox::QSpinBox;
  void setApplies(bool applies);

 protected:
  QString textFromValue(int value) const override;

 private:
  bool applies_ = true;
};

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  JobPanel(DesignEditor& editor, QWidget* parent = nullptr);
  ~JobPanel() override;

  /// The estimate of the current design's job (after each evaluation).
  void showOutlook(const JobOutlook& outlook);
  /// Starts the search on the latest outlook's cluster; false (and a message) when it cannot.
  bool findBestPlan();
  /// How Find best plan ranks (the "Find best plan by" box); cost needs a price.
  training::RankBy rankBy() const;
  void setRanking(training::RankBy rank, training::Prices prices = {});
  PlanSearch& search() { return *search_; }
  /// Writes a plan (a job with explicit parallelism) into the design as one undoable edit.
  bool applyPlan(const training::Job& plan);
  /// Changes the design's job through `change`, as one undoable edit named `text`; edits of the
  /// same field in a row merge.
  bool editJob(const QString& text, const std::function<void(training::Job&)>& change, int field = -1);

 signals:
  /// The search ended and its plans are on offer (the chooser is open).
  void plansOffered(PlanChooser* chooser);

 private:
  void build();
  void load();
  QWidget* buildEditor();
  JobField* intField(QFormLayout* form, const QString& label, int min, int max,
                     const std::function<int&(training::Job&)>& ref, bool plan = false,
                     const std::function<void(training::Job&)>& settle = {});
  void onSearchFinished(bool cancelled);

  DesignEditor& editor_;
  PlanSearch* search_;
  QProgressDialog* progress_ = nullptr;
  JobOutlook outlook_;
  QStackedWidget* stack_;
  QComboBox *preset_, *activation_, *precision_, *recompute_;
  QCheckBox *automatic_, *sequenceParallel_, *distributed_, *fsdp_, *dualPipe_, *epOverlap_, *epPerNode_;
  QCheckBox* foldExperts_ = nullptr;
  QSpinBox* commSms_ = nullptr;               // parallelism.comm_sms
  std::vector<QCheckBox*> recomputeModules_;  // kRecomputeModuleNames order
  QComboBox* rank_;
  QDoubleSpinBox *gpuHourPrice_, *mwhPrice_;
  QLabel* summary_;
  QPushButton* find_;
  std::vector<std::function<void(const training::Job&)>> loaders_;  // job → widgets
  std::vector<QWidget*> planWidgets_;                               // disabled while parallelism is auto
  int fields_ = 0;                                                  // merge keys, one per field
};

}  // namespace gigaplan::app
