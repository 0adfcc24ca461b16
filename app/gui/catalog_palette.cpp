// Catalog palette (see catalog_palette.h).
#include "app/gui/catalog_palette.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"
#include "core/units/units.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {

enum Group { Racks, Power, Cooling };
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kGroupRole = Qt::UserRole + 2;

QString tip(const catalog::Provenance& p) {
  return QObject::tr("Source: %1\nGrade: %2%3")
      .arg(qs(p.source), qs(p.grade), p.note.empty() ? QString() : "\n" + qs(p.note));
}

}  // namespace

CatalogPalette::CatalogPalette(DesignEditor& editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      search_(new QLineEdit(this)),
      tree_(new QTreeWidget(this)),
      racks_(new QSpinBox(this)),
      addRow_(new QPushButton(tr("Add row"), this)),
      addRack_(new QPushButton(tr("Add rack"), this)),
      addGear_(new QPushButton(tr("Add unit"), this)),
      apply_(new QPushButton(tr("Use for selection"), this)),
      hallWidth_(new QDoubleSpinBox(this)),
      hallDepth_(new QDoubleSpinBox(this)),
      gridRating_(new QDoubleSpinBox(this)),
      addHall_(new QPushButton(tr("Add hall"), this)),
      addGrid_(new QPushButton(tr("Add grid"), this)) {
  setObjectName("catalogPalette");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  // A site starts from a hall and a grid connection, neither of which is a catalog entry.
  auto spin = [](QDoubleSpinBox* box, const char* name, double lo, double hi, double value, const QString& suffix,
                 const QString& tip) {
    box->setObjectName(name);
    box->setRange(lo, hi);
    box->setDecimals(1);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setGroupSeparatorShown(true);
  };
  spin(hallWidth_, "hallWidth", 5, 2000, 60, tr(" m"), tr("Width (east–west) of a new hall"));
  spin(hallDepth_, "hallDepth", 5, 2000, 30, tr(" m"), tr("Depth (north–south) of a new hall"));
  spin(gridRating_, "gridRating", 0.1, 5000, 20, tr(" MW"), tr("Capacity of a new grid connection"));
  addHall_->setObjectName("addHall");
  addGrid_->setObjectName("addGrid");
  addHall_->setToolTip(tr("Add an empty hall of this size east of the others; rows and gear then go there"));
  addGrid_->setToolTip(tr("Add a grid connection of this capacity in the yard of the selected hall"));
  auto* hallRow = new QHBoxLayout;
  hallRow->addWidget(hallWidth_);
  hallRow->addWidget(new QLabel(QStringLiteral("×"), this));
  hallRow->addWidget(hallDepth_);
  hallRow->addWidget(addHall_);
  layout->addLayout(hallRow);
  auto* gridRow = new QHBoxLayout;
  gridRow->addWidget(gridRating_);
  gridRow->addWidget(addGrid_);
  gridRow->addStretch(1);
  layout->addLayout(gridRow);
  connect(addHall_, &QPushButton::clicked, this, [this] { editor_.addHall(hallWidth_->value(), hallDepth_->value()); });
  connect(addGrid_, &QPushButton::clicked, this, [this] { editor_.addGridConnection(gridRating_->value() * 1e6); });

  search_->setPlaceholderText(tr("Filter the catalog…"));
  search_->setClearButtonEnabled(true);
  layout->addWidget(search_);
  tree_->setColumnCount(2);
  tree_->setHeaderLabels({tr("Equipment"), tr("Figures")});
  // Names take the room the dock has (elided); the figures always show in full.
  tree_->header()->setStretchLastSection(false);
  tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tree_->setTextElideMode(Qt::ElideRight);  // "NVIDIA GB200 NV…": the model survives, not just the vendor
  tree_->setRootIsDecorated(true);
  tree_->setUniformRowHeights(true);
  layout->addWidget(tree_, 1);
  auto* row = new QHBoxLayout;
  racks_->setRange(1, 200);
  racks_->setValue(8);
  racks_->setSuffix(tr(" racks"));
  racks_->setToolTip(tr("Racks in a new row"));
  row->addWidget(racks_);
  row->addWidget(addRow_);
  row->addWidget(addRack_);
  layout->addLayout(row);
  auto* gearRow = new QHBoxLayout;
  gearRow->addWidget(addGear_);
  gearRow->addWidget(apply_, 1);
  layout->addLayout(gearRow);
  addGear_->setObjectName("addGear");
  addRow_->setObjectName("addRow");
  addRack_->setObjectName("addRack");
  apply_->setObjectName("useForSelection");
  racks_->setObjectName("rowRacks");
  search_->setObjectName("paletteFilter");
  addRow_->setToolTip(tr("Add a row of the chosen rack type to the selected hall, at the first free place"));
  addRack_->setToolTip(tr("Add one rack of the chosen type (a row of one) to the selected hall"));
  apply_->setToolTip(tr("Give the selected racks this type, or the selected equipment this model"));

  connect(search_, &QLineEdit::textChanged, this, &CatalogPalette::filter);
  connect(tree_, &QTreeWidget::currentItemChanged, this, &CatalogPalette::updateButtons);
  connect(&editor_.view(), &widgets::SiteView::selectionChanged, this, &CatalogPalette::updateButtons);
  connect(addRow_, &QPushButton::clicked, this, [this] { addRow(racks_->value()); });
  connect(addRack_, &QPushButton::clicked, this, [this] { addRow(1); });
  connect(addGear_, &QPushButton::clicked, this, [this] { addEquipment(); });
  connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->data(0, kIdRole).toString().isEmpty()) return;
    if (item->data(0, kGroupRole).toInt() == Racks)
      addRow(racks_->value());
    else
      addEquipment();
  });
  connect(apply_, &QPushButton::clicked, this, [this] {
    int group = 0;
    const QString id = chosenId(&group);
    const auto r = editor_.document().resolved();
    const auto set = editor_.selected();
    if (group == Racks)
      editor_.apply(tr("Set type to %1").arg(id),
                    editing::setRackField(*r, set, editing::RackField::Type, id.toStdString()));
    else
      editor_.apply(tr("Set model to %1").arg(id), editing::setEquipmentModel(*r, set, id.toStdString()));
  });
  // The effective catalog changes only with the design's local catalog entries.
  connect(&editor_.document(), &Document::changed, this, [this] {
    if (editor_.document().resolved()->catalog.get() != filledFrom_) fill();
  });
  fill();
}

void CatalogPalette::fill() {
  const QString current = chosenId();
  const auto r = editor_.document().resolved();
  filledFrom_ = r->catalog.get();
  const catalog::Catalog& cat = *r->catalog;
  tree_->clear();
  auto group = [&](const QString& title, Group g) {
    auto* item = new QTreeWidgetItem(tree_, {title});
    item->setData(0, kGroupRole, g);
    item->setFlags(Qt::ItemIsEnabled);
    item->setFirstColumnSpanned(true);  // a group's title takes the whole row
    item->setExpanded(g == Racks);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    return item;
  };
  auto entry = [&](QTreeWidgetItem* parent, Group g, const std::string& id, const std::string& name,
                   const QString& figures, const catalog::Provenance& p) {
    auto* item = new QTreeWidgetItem(parent, {qs(name.empty() ? id : name), figures});
    item->setData(0, kIdRole, qs(id));
    item->setData(0, kGroupRole, g);
    item->setToolTip(0, qs(id) + "\n" + tip(p));
    item->setToolTip(1, tip(p));
  };
  QTreeWidgetItem* racks = group(tr("Rack types"), Racks);
  for (const auto& [id, t] : cat.racks) {
    // A network rack draws what its switches draw (counted per switch), not its own 0 W.
    const QString figures = t.gpus > 0 ? tr("%1 GPUs, %2").arg(QLocale().toString(t.gpus), watts(t.power))
                            : t.kind == catalog::RackKind::Network && t.power <= 0 ? tr("switches' draw")
                                                                                   : watts(t.power);
    entry(racks, Racks, id, t.name, figures, t.provenance);
  }
  QTreeWidgetItem* power = group(tr("Power gear"), Power);
  for (const auto& [id, g] : cat.powerGear) entry(power, Power, id, g.name, watts(g.rating), g.provenance);
  QTreeWidgetItem* cooling = group(tr("Cooling gear"), Cooling);
  for (const auto& [id, g] : cat.coolingGear) entry(cooling, Cooling, id, g.name, watts(g.capacity), g.provenance);
  if (!current.isEmpty()) choose(current);
  filter(search_->text());
  updateButtons();
}

void CatalogPalette::filter(const QString& text) {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      QTreeWidgetItem* item = group->child(i);
      const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                         item->data(0, kIdRole).toString().contains(text, Qt::CaseInsensitive);
      item->setHidden(!match);
    }
    if (!text.isEmpty()) group->setExpanded(true);
  }
}

QString CatalogPalette::chosenId(int* group) const {
  const QTreeWidgetItem* item = tree_->currentItem();
  if (!item) return {};
  if (group) *group = item->data(0, kGroupRole).toInt();
  return item->data(0, kIdRole).toString();
}

bool CatalogPalette::choose(const QString& id) {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      if (group->child(i)->data(0, kIdRole).toString() == id) {
        group->setExpanded(true);
        tree_->setCurrentItem(group->child(i));
        return true;
      }
    }
  }
  return false;
}

void CatalogPalette::updateButtons() {
  int group = -1;
  const QString id = chosenId(&group);
  const bool rack = !id.isEmpty() && group == Racks;
  const bool hasHall = !editor_.document().resolved()->layout.halls.empty();
  addRow_->setEnabled(rack && hasHall);
  if (rack) editor_.setDrawRackType(id);  // what Draw row lays
  addRack_->setEnabled(rack && hasHall);
  const bool gear = !id.isEmpty() && (group == Power || group == Cooling);
  addGear_->setEnabled(gear);
  const auto r = editor_.document().resolved();
  addGear_->setToolTip(!gear      ? tr("Add one unit of the chosen power or cooling gear")
                       : !hasHall ? tr("Add one %1 on the site, at the first free place").arg(id)
                       : editing::standsInYard(*r->catalog, id.toStdString())
                           ? tr("Add one %1 outside the selected hall, at the nearest free place").arg(id)
                           : tr("Add one %1 inside the selected hall, at the first free place").arg(id));
  const auto set = editor_.selected();
  apply_->setEnabled(!id.isEmpty() && ((rack && !set.racks.empty()) || (group == Power && !set.power.empty()) ||
                                       (group == Cooling && !set.cooling.empty())));
}

bool CatalogPalette::addRow(int racks) {
  int group = -1;
  const QString id = chosenId(&group);
  if (id.isEmpty() || group != Racks) {
    emit editor_.message(tr("Choose a rack type in the palette first."));
    return false;
  }
  return editor_.addRow(id, racks);
}

bool CatalogPalette::addEquipment() {
  int group = -1;
  const QString id = chosenId(&group);
  if (id.isEmpty() || (group != Power && group != Cooling)) {
    emit editor_.message(tr("Choose power or cooling gear in the palette first."));
    return false;
  }
  return editor_.addEquipment(id);
}

}  // namespace gigaplan::app
