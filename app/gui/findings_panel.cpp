// Findings panel (see findings_panel.h).
#include "app/gui/findings_panel.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/empty_hint.h"
#include "app/gui/findings_model.h"
#include "app/gui/qt_text.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {

// The message column's rows are as tall as the message wrapped to the column's width (the
// view's own row heights do not follow a column's width).
class WrappingDelegate : public QStyledItemDelegate {
 public:
  explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != FindingsModel::Message || index.data(FindingsModel::IsGroupRole).toBool()) return size;
    const int width = std::max(40, view_->columnWidth(index.column()) - 8);
    QFont font = option.font;
    if (const QVariant f = index.data(Qt::FontRole); f.canConvert<QFont>()) font = f.value<QFont>();
    const QRect text = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap,
                                                       index.data(Qt::DisplayRole).toString());
    size.setHeight(std::max(size.height(), text.height() + 4));
    return size;
  }

 protected:
  void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
    QStyledItemDelegate::initStyleOption(option, index);
    // A kind's line stays one line (its first message, elided); its findings wrap in full.
    if (index.data(FindingsModel::IsGroupRole).toBool()) {
      option->features &= ~QStyleOptionViewItem::WrapText;
      option->textElideMode = Qt::ElideRight;
    }
  }

 private:
  QTreeView* view_;
};

}  // namespace

FindingsPanel::FindingsPanel(widgets::SiteView& view, QWidget* parent)
    : QWidget(parent),
      site_(view),
      model_(new FindingsModel(this)),
      filter_(new FindingsFilter(this)),
      tree_(new QTreeView(this)),
      group_(new QToolButton(this)) {
  setObjectName("findingsPanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(4, 2, 4, 0);
  // Errors first, as the list is ordered.
  const std::pair<engine::Severity, const char*> order[] = {{engine::Severity::Error, "showErrors"},
                                                            {engine::Severity::Warning, "showWarnings"},
                                                            {engine::Severity::Info, "showInfos"}};
  for (const auto& [severity, name] : order) {
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setCheckable(true);
    b->setChecked(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setToolTip(tr("Show or hide findings of this severity"));
    connect(b, &QToolButton::toggled, this, [this, s = severity](bool on) { filter_->setShown(s, on); });
    buttons_[static_cast<std::size_t>(severity)] = b;
    bar->addWidget(b);
  }
  bar->addStretch(1);
  group_->setObjectName("groupFindings");
  group_->setText(tr("Group by kind"));
  group_->setCheckable(true);
  group_->setChecked(model_->grouped());
  group_->setToolTip(tr("One row per kind of finding with its count, the findings beneath"));
  connect(group_, &QToolButton::toggled, this, [this](bool on) {
    model_->setGrouped(on);
    tree_->setRootIsDecorated(on);
  });
  bar->addWidget(group_);
  layout->addLayout(bar);

  filter_->setSourceModel(model_);
  tree_->setObjectName("findingsView");
  tree_->setModel(filter_);
  tree_->setRootIsDecorated(model_->grouped());
  tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->setAlternatingRowColors(true);
  tree_->setSortingEnabled(true);
  tree_->sortByColumn(-1, Qt::AscendingOrder);  // the engine's order: errors first
  // Long messages wrap to the panel's width instead of running off its edge.
  tree_->setWordWrap(true);
  tree_->setItemDelegate(new WrappingDelegate(tree_));
  tree_->setUniformRowHeights(false);
  tree_->setTextElideMode(Qt::ElideNone);
  tree_->header()->setStretchLastSection(true);
  tree_->header()->setSectionResizeMode(QHeaderView::Interactive);
  layout->addWidget(tree_, 1);
  showWhenEmpty(tree_, [this] {
    if (!model_->evaluated()) return QString();
    const auto n = model_->counts();
    return n[0] + n[1] + n[2] == 0 ? tr("No findings: every check holds.")
                                   : tr("No findings shown: the severity buttons above hide them all.");
  });
  // Wrapped rows take their height from the message column's width: lay the rows out again when
  // it changes (the panel resized, a column dragged), once per burst of changes.
  auto* relayout = new QTimer(this);
  relayout->setSingleShot(true);
  relayout->setInterval(0);
  connect(relayout, &QTimer::timeout, tree_, &QTreeView::doItemsLayout);
  connect(tree_->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));

  connect(tree_, &QTreeView::clicked, this, [this](const QModelIndex& index) {
    const QString id = index.data(FindingsModel::ObjectIdRole).toString();
    if (id.isEmpty()) return;
    site_.setSelection({id});
    site_.fitSelection();
  });
  updateCounts();
}

void FindingsPanel::setEvaluation(std::shared_ptr<const engine::Evaluation> evaluation) {
  model_->setEvaluation(std::move(evaluation));
  for (int c = FindingsModel::Severity; c < FindingsModel::Message; ++c) tree_->resizeColumnToContents(c);
  // Findings under a kind are indented: leave their severity room.
  tree_->setColumnWidth(FindingsModel::Severity, tree_->columnWidth(FindingsModel::Severity) + tree_->indentation());
  updateCounts();
}

void FindingsPanel::updateCounts() {
  const auto n = model_->counts();
  buttons_[static_cast<std::size_t>(engine::Severity::Error)]->setText(counted(n[2], "error"));
  buttons_[static_cast<std::size_t>(engine::Severity::Warning)]->setText(counted(n[1], "warning"));
  buttons_[static_cast<std::size_t>(engine::Severity::Info)]->setText(counted(n[0], "note"));
}

}  // namespace gigaplan::app
