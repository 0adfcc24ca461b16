// The comparison panel (see compare_panel.h).
#include "app/gui/compare_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "app/document/document.h"
#include "app/gui/app_style.h"
#include "app/gui/qt_text.h"
#include "app/gui/settings.h"
#include "core/io/design_io.h"

namespace gigaplan::app {
namespace {

constexpr int kVariantRole = Qt::UserRole + 1;  // choice: the variant's name
constexpr int kFileRole = Qt::UserRole + 2;     // choice: "another design file…"
constexpr int kObjectRole = Qt::UserRole + 3;   // list: the object's id in the design on screen
constexpr int kListedObjects = 500;             // object differences listed one by one

QColor findingColor(engine::Severity s) {
  switch (s) {
    case engine::Severity::Error:
      return errorInk();
    case engine::Severity::Warning:
      return warningInk();
    default:
      return {};
  }
}

}  // namespace

ComparePanel::ComparePanel(Document& doc, QWidget* parent)
    : QWidget(parent),
      doc_(doc),
      message_(new QLabel(this)),
      choice_(new QComboBox(this)),
      onlyDifferences_(new QCheckBox(tr("Only what differs"), this)),
      showInView_(new QPushButton(tr("Show in 3D"), this)),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)),
      findingsTitle_(new QLabel(this)),
      findings_(new QListWidget(this)),
      objectsTitle_(new QLabel(this)),
      objects_(new QListWidget(this)),
      sections_(new QTabWidget(this)) {
  setObjectName("comparePanel");
  message_->setObjectName("compareMessage");
  message_->setWordWrap(true);
  choice_->setObjectName("compareChoice");
  choice_->setToolTip(tr("What to compare the design on screen with: one of its variants, or another design file"));
  choice_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  choice_->setMinimumContentsLength(24);
  onlyDifferences_->setObjectName("compareOnlyDifferences");
  onlyDifferences_->setChecked(true);
  showInView_->setObjectName("compareShowInView");
  showInView_->setToolTip(
      tr("Colour the 3D view by difference: what the other design changes (orange) and what it "
         "lacks (red)"));
  summary_->setObjectName("compareSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setObjectName("compareTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  for (QLabel* title : {findingsTitle_, objectsTitle_}) {
    title->setWordWrap(true);  // long names never widen the window
    title->setMinimumWidth(1);
  }
  summary_->setMinimumWidth(1);
  findings_->setObjectName("compareFindings");
  findings_->setWordWrap(true);
  objects_->setObjectName("compareObjects");
  objects_->setUniformItemSizes(true);
  // The height goes by the layout's stretch (the figures first), not by what each list would like.
  const int line = fontMetrics().height() + 6;
  for (QAbstractScrollArea* area : std::initializer_list<QAbstractScrollArea*>{table_, findings_, objects_}) {
    area->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    area->setMinimumHeight(3 * line);
  }

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Compare with"), this));
  top->addWidget(choice_, 1);
  top->addWidget(onlyDifferences_);
  top->addWidget(showInView_);
  // Figures, findings and objects on tabs of their own: each takes the panel's whole height, which
  // on a 1366 × 768 screen held five figures and a line or two of each list when they shared it.
  auto page = [](QLabel* title, QWidget* body) {
    auto* w = new QWidget;
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 2, 0, 0);
    l->addWidget(title);
    l->addWidget(body, 1);
    return w;
  };
  sections_->setObjectName("compareSections");
  sections_->setDocumentMode(true);
  sections_->addTab(table_, tr("Figures"));
  sections_->addTab(page(findingsTitle_, findings_), tr("Findings"));
  sections_->addTab(page(objectsTitle_, objects_), tr("Objects"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addLayout(top);
  layout->addWidget(message_);
  layout->addWidget(summary_);
  layout->addWidget(sections_, 1);

  connect(choice_, &QComboBox::activated, this, [this](int i) {
    if (choice_->itemData(i, kFileRole).toBool()) {
      chooseFile();
    } else if (const QString v = choice_->itemData(i, kVariantRole).toString(); !v.isEmpty()) {
      compareWith({v, true});
    }
  });
  connect(onlyDifferences_, &QCheckBox::toggled, this, [this] { showComparison(); });
  connect(showInView_, &QPushButton::clicked, this, &ComparePanel::showDifferencesRequested);
  connect(objects_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    if (const QString id = item->data(kObjectRole).toString(); !id.isEmpty()) emit objectChosen(id);
  });
  connect(findings_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    if (const QString id = item->data(kObjectRole).toString(); !id.isEmpty()) emit objectChosen(id);
  });
  connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ComparePanel::finished);
  fillChoices();
  showComparison();
}

ComparePanel::~ComparePanel() {
  watcher_.waitForFinished();
}

void ComparePanel::showDesign(const EvaluatedDesign& evaluated) {
  if (!evaluated.design || !evaluated.evaluation) return;
  // Another design opened: what was compared no longer applies.
  const bool sameFile = current_ && current_->design->design.sourceFile == evaluated.design->design.sourceFile;
  current_ = evaluated;
  if (!sameFile && chosen_ && chosen_->variant) {
    chosen_.reset();
    result_.reset();
    otherDesign_.reset();
  }
  fillChoices();
  if (chosen_) {
    stale_ = true;
    start();
  } else {
    showComparison();
  }
}

void ComparePanel::compareWith(const Other& other) {
  chosen_ = other;
  result_.reset();
  otherDesign_.reset();
  fillChoices();
  stale_ = true;
  start();
  showComparison();
}

void ComparePanel::chooseFile() {
  const QString folder = settings::saveFolder();
  const QString path = QFileDialog::getOpenFileName(this, tr("Compare with design"), folder,
                                                    tr("GigaPlan designs (*.yaml *.yml);;All files (*)"));
  if (path.isEmpty()) {
    fillChoices();  // back to what was chosen
    return;
  }
  compareWith({path, false});
}

void ComparePanel::fillChoices() {
  QSignalBlocker block(choice_);
  choice_->clear();
  choice_->addItem(tr("Choose a variant or a design…"));
  int selected = 0;
  if (current_) {
    for (const design::VariantSpec& v : current_->design->design.variants) {
      const QString name = qs(v.name);
      choice_->addItem(v.description.empty() ? tr("Variant %1").arg(name)
                                             : tr("Variant %1 — %2").arg(name, qs(v.description)));
      choice_->setItemData(choice_->count() - 1, name, kVariantRole);
      choice_->setItemData(choice_->count() - 1, qs(v.description), Qt::ToolTipRole);
      if (chosen_ && chosen_->variant && chosen_->name == name) selected = choice_->count() - 1;
    }
  }
  if (chosen_ && !chosen_->variant) {
    choice_->addItem(QFileInfo(chosen_->name).fileName());
    choice_->setItemData(choice_->count() - 1, chosen_->name, Qt::ToolTipRole);
    selected = choice_->count() - 1;
  }
  choice_->addItem(tr("Another design file…"));
  choice_->setItemData(choice_->count() - 1, true, kFileRole);
  choice_->setCurrentIndex(selected);
}

void ComparePanel::start() {
  if (!current_ || !chosen_ || watcher_.isRunning()) return;  // a running one restarts on finishing
  stale_ = false;
  message_->setText(tr("Comparing…"));
  message_->setVisible(true);
  const EvaluatedDesign current = *current_;
  const Other other = *chosen_;
  const catalog::Catalog* base = &doc_.baseCatalog();
  // A variant merges over the design as it stands; from the file itself when nothing is unsaved, so
  // that messages point at the file's own lines.
  const bool fromFile = !doc_.isModified() && !doc_.filePath().isEmpty();
  const std::string file = doc_.filePath().toStdString();
  const std::shared_ptr<const report::LoadedDesign> cached =
      !other.variant && other.name == fileCacheName_ ? fileCache_ : nullptr;
  watcher_.setFuture(QtConcurrent::run([current, other, base, fromFile, file, cached] {
    Outcome o;
    try {
      std::shared_ptr<const report::LoadedDesign> loaded = cached;
      const std::string name = other.name.toStdString();
      if (other.variant) {
        design::Design v =
            fromFile ? io::loadDesign(file + "#" + name, *base) : io::variantOf(current.design->design, name, *base);
        loaded = std::make_shared<const report::LoadedDesign>(report::prepareForComparison(std::move(v), *base));
      } else if (!loaded) {
        loaded = std::make_shared<const report::LoadedDesign>(report::loadForComparison(name, *base));
      }
      const report::TrainingPlan plan = report::planTraining(*current.design, *current.evaluation);
      report::ComparedDesign b = loaded->side();
      b.label = other.variant ? "variant " + name : QFileInfo(other.name).fileName().toStdString();
      o.comparison = report::compare({"this design", *current.design, *current.evaluation, &plan}, b);
      o.other = loaded;
    } catch (const std::exception& e) {  // a load error, with its place in the file
      o.error = QString::fromUtf8(e.what());
    }
    return o;
  }));
}

void ComparePanel::finished() {
  if (stale_ && current_ && chosen_) {  // the design or the choice changed meanwhile
    start();
    return;
  }
  if (!watcher_.future().isValid() || watcher_.future().resultCount() == 0) return;
  const Outcome o = watcher_.result();
  result_ = o.comparison;
  otherDesign_ = o.other;
  if (o.other && chosen_ && !chosen_->variant) {
    fileCache_ = o.other;
    fileCacheName_ = chosen_->name;
  }
  message_->setText(o.error.isEmpty() ? QString() : tr("Could not compare: %1").arg(o.error));
  message_->setVisible(!message_->text().isEmpty());
  showComparison();
  emit comparisonShown();
}

QString ComparePanel::message() const {
  return message_->text();
}

void ComparePanel::showComparison() {
  table_->clear();
  table_->setRowCount(0);
  findings_->clear();
  objects_->clear();
  const bool has = result_.has_value();
  for (QWidget* w : std::initializer_list<QWidget*>{onlyDifferences_, showInView_, table_, findings_, objects_})
    w->setEnabled(has);
  if (!has) {
    summary_->clear();
    findingsTitle_->setText(tr("Findings"));
    objectsTitle_->setText(tr("Objects"));
    for (int i = 0; i < sections_->count(); ++i) sections_->setTabText(i, tabTitle(i, -1));
    if (!chosen_)
      message_->setText(current_ && !current_->design->design.variants.empty()
                            ? tr("Choose one of the design's variants, or another design file, to compare with.")
                            : tr("Choose a design file to compare with. A design may also hold its own "
                                 "alternatives under variants: (Help › Design file format)."));
    message_->setVisible(!message_->text().isEmpty());
    return;
  }
  if (chosen_ && message_->text() == tr("Comparing…")) message_->clear();
  message_->setVisible(!message_->text().isEmpty());
  const report::Comparison& c = *result_;
  const QString other = qs(c.labelB);
  summary_->setText(tr("This design against %1: %2 differ; objects: %3.")
                        .arg(other, counted(c.changedMetrics(), "headline figure"), qs(report::objectSummary(c))));

  const QStringList headers = {tr("Figure"), tr("This design"), other, tr("Difference"), tr("Change")};
  table_->setColumnCount(static_cast<int>(headers.size()));
  table_->setHorizontalHeaderLabels(headers);
  for (const report::ComparedMetric& m : c.metrics) {
    if (onlyDifferences_->isChecked() && !m.differs()) continue;
    const int row = table_->rowCount();
    table_->insertRow(row);
    const QStringList cells = {qs(m.section + ": " + m.label), qs(m.valueText(false)), qs(m.valueText(true)),
                               qs(m.differenceText()), qs(m.changeText())};
    for (int col = 0; col < static_cast<int>(cells.size()); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (col > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(row, col, item);
    }
  }
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  for (int col = 1; col < table_->columnCount(); ++col)
    table_->horizontalHeader()->setSectionResizeMode(col, QHeaderView::ResizeToContents);

  findingsTitle_->setText(tr("Findings: %1 only in the other, %2 only in this design, %3 in both")
                              .arg(QLocale().toString(static_cast<qlonglong>(c.appeared.size())),
                                   QLocale().toString(static_cast<qlonglong>(c.disappeared.size())),
                                   QLocale().toString(static_cast<qlonglong>(c.kept))));
  const auto addFindings = [&](const std::vector<engine::Finding>& fs, const QString& mark, bool here) {
    for (const engine::Finding& f : fs) {
      auto* item = new QListWidgetItem(QStringLiteral("%1 %2 %3: %4")
                                           .arg(mark, qs(std::string(engine::toString(f.severity))),
                                                f.object.empty() ? tr("site") : qs(f.object), qs(f.message)),
                                       findings_);
      item->setForeground(findingColor(f.severity));
      if (here && !f.object.empty()) item->setData(kObjectRole, qs(f.object));
    }
  };
  addFindings(c.appeared, QStringLiteral("+"), false);
  addFindings(c.disappeared, QStringLiteral("\u2212"), true);

  objectsTitle_->setText(tr("Objects that differ: %1 (+ only in the other, \u2212 only here, ~ changed)")
                             .arg(QLocale().toString(static_cast<qlonglong>(c.objects.size()))));
  int listed = 0;
  for (const design::ObjectDifference& d : c.objects) {
    if (listed++ == kListedObjects) {
      new QListWidgetItem(
          tr("… and %1 more").arg(QLocale().toString(static_cast<qlonglong>(c.objects.size()) - kListedObjects)),
          objects_);
      break;
    }
    auto* item = new QListWidgetItem(qs(report::objectLine(d)), objects_);
    if (d.change != design::ObjectChange::Added) item->setData(kObjectRole, qs(d.id));
  }
  sections_->setTabText(kFiguresTab, tabTitle(kFiguresTab, static_cast<long long>(c.changedMetrics())));
  sections_->setTabText(kFindingsTab,
                        tabTitle(kFindingsTab, static_cast<long long>(c.appeared.size() + c.disappeared.size())));
  sections_->setTabText(kObjectsTab, tabTitle(kObjectsTab, static_cast<long long>(c.objects.size())));
}

QString ComparePanel::tabTitle(int tab, long long differences) {
  const QString name = tab == kFiguresTab ? tr("Figures") : tab == kFindingsTab ? tr("Findings") : tr("Objects");
  return differences < 0 ? name : QStringLiteral("%1 (%2)").arg(name, QLocale().toString(differences));
}

widgets::scene::ColorScalars ComparePanel::differenceScalars(const design::Layout& layout) const {
  widgets::scene::ColorScalars s;
  if (!result_) {
    s.categories = {"Nothing compared"};
    return s;
  }
  const std::string other = result_->labelB;
  s.categories = {"The same", "Changed in " + other, "Not in " + other};
  s.racks.assign(layout.racks.size(), 0);
  s.power.assign(layout.power.size(), 0);
  s.cooling.assign(layout.cooling.size(), 0);
  for (const design::ObjectDifference& d : result_->objects) {
    if (d.change == design::ObjectChange::Added) continue;  // not in the design on screen
    const double category = d.change == design::ObjectChange::Changed ? 1 : 2;
    // By id: the layout on screen may be newer than the comparison; what it lacks is skipped.
    const auto mark = [&](const std::unordered_map<std::string, int>& index, std::vector<double>& values) {
      if (const auto it = index.find(d.id); it != index.end()) values[static_cast<std::size_t>(it->second)] = category;
    };
    if (d.type == design::ObjectType::Rack) mark(layout.rackIndex, s.racks);
    if (d.type == design::ObjectType::Power) mark(layout.powerIndex, s.power);
    if (d.type == design::ObjectType::Cooling) mark(layout.coolingIndex, s.cooling);
  }
  return s;
}

}  // namespace gigaplan::app
