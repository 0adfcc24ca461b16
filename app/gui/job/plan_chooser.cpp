// Plan chooser dialog (see plan_chooser.h).
#include "app/gui/job/plan_chooser.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/units/units.h"

namespace gigaplan::app {

QString rankLabel(training::RankBy rank) {
  switch (rank) {
    case training::RankBy::Energy:
      return QObject::tr("facility energy, then days");
    case training::RankBy::Step:
      return QObject::tr("step time, then energy");
    case training::RankBy::Cost:
      return QObject::tr("cost at the prices given, then days");
    case training::RankBy::Days:
      break;
  }
  return QObject::tr("days to train with failures, then energy");
}

PlanChooser::PlanChooser(const training::SearchResult& result, const training::Cluster& cluster,
                         const training::GpuParams& gpu, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
  setObjectName("planChooser");
  setWindowTitle(tr("Best parallel plans"));
  for (const auto& p : result.best) plans_.push_back(training::estimate(p.job, cluster, gpu));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(
      new QLabel(tr("%1 valid plans, %2 fit in memory. Best first by %3:")
                     .arg(QLocale().toString(static_cast<qulonglong>(result.candidates)),
                          QLocale().toString(static_cast<qulonglong>(result.fitting)), rankLabel(result.rank)),
                 this));
  const bool cost = result.rank == training::RankBy::Cost;
  QStringList headers = {tr("Plan"), tr("GPUs"), tr("Step"), tr("MFU"), tr("Memory"), tr("Days"), tr("Energy")};
  if (cost) headers << tr("Cost");
  table_->setColumnCount(static_cast<int>(headers.size()));
  table_->setHorizontalHeaderLabels(headers);
  table_->setRowCount(static_cast<int>(plans_.size()));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  for (int r = 0; r < static_cast<int>(plans_.size()); ++r) {
    const auto& e = plans_[static_cast<std::size_t>(r)];
    QStringList cells = {QString::fromStdString(training::planText(e.job)),
                         QLocale().toString(e.gpusUsed),
                         tr("%1 s").arg(e.step.total, 0, 'f', 3),
                         tr("%1 %").arg(100 * e.mfu, 0, 'f', 1),
                         tr("%1 GiB").arg(e.memory.total / units::kGiB, 0, 'f', 1),
                         tr("%1").arg(e.effectiveTrainingDays, 0, 'f', 1),
                         tr("%1 MWh").arg(QLocale().toString(e.energyMwh, 'f', 0))};
    if (cost) cells << QLocale().toString(result.best[static_cast<std::size_t>(r)].cost, 'f', 0);
    for (int c = 0; c < static_cast<int>(cells.size()); ++c) table_->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
  table_->resizeColumnsToContents();
  if (!plans_.empty()) table_->selectRow(0);
  layout->addWidget(table_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
  buttons->button(QDialogButtonBox::Apply)->setEnabled(!plans_.empty());
  buttons->button(QDialogButtonBox::Apply)->setDefault(true);
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
    if (const int row = chosen(); row >= 0) emit apply(plans_[static_cast<std::size_t>(row)].job);
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row) {
    emit apply(plans_[static_cast<std::size_t>(row)].job);
    accept();
  });
  layout->addWidget(buttons);
  resize(900, 360);
}

int PlanChooser::chosen() const {
  const auto rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? (plans_.empty() ? -1 : 0) : rows.front().row();
}

}  // namespace gigaplan::app
