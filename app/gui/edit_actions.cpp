// Edit actions and the view's context menu (see edit_actions.h).
#include "app/gui/edit_actions.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QToolBar>
#include <QUndoStack>

#include "app/document/document.h"
#include "app/gui/choices.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"
#include "app/gui/tools/hall_drag.h"
#include "app/gui/view_shortcuts.h"
#include "widgets/scene/site_scene.h"
#include "widgets/tools/hall_grip_tool.h"
#include "widgets/tools/select_tool.h"
#include "widgets/tools/sketch_tool.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/tools/wire_tool.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {
constexpr int kMenuChoices = 12;  // nearest feeds / cooling units offered in the context menu
}

EditActions::EditActions(DesignEditor& editor, widgets::SelectTool& select, widgets::WireTool& wire, QWidget* window)
    : QObject(window), editor_(editor), select_(select), wireTool_(wire), window_(window) {
  QUndoStack* stack = editor_.document().undoStack();
  undo_ = stack->createUndoAction(this, tr("&Undo"));
  undo_->setShortcut(QKeySequence::Undo);
  undo_->setProperty("referenceName", tr("Undo"));  // the keyboard reference's name (help_actions.h)
  redo_ = stack->createRedoAction(this, tr("&Redo"));
  redo_->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
  redo_->setProperty("referenceName", tr("Redo"));
  auto make = [this](const QString& text, const QList<QKeySequence>& keys, const QString& tip, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcuts(keys);
    a->setToolTip(
        QString("%1 (%2)").arg(tip, keys.isEmpty() ? QString() : keys.front().toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    connect(a, &QAction::triggered, this, slot);
    scopeShortcut(a, &editor_.view(), window_);  // bare keys only while the 3D view has the focus
    return a;
  };
  delete_ = make(tr("&Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)},
                 tr("Delete the selected racks, rows, equipment, or the picked feed or pipe"), [this] {
                   const auto& scene = editor_.view().scene();
                   if (scene.selectedLink() < 0) {
                     editor_.deleteSelection();
                     return;
                   }
                   const auto& link = scene.links()[static_cast<std::size_t>(scene.selectedLink())];
                   QStringList from;
                   for (const auto& id : link.from) from << QString::fromStdString(id);
                   editor_.disconnectLink(from, QString::fromStdString(link.to));
                 });
  duplicate_ = make(tr("D&uplicate rows"), {QKeySequence(Qt::CTRL | Qt::Key_D)},
                    tr("Copy the selected rows one row pitch to the side"), [this] { editor_.duplicateSelection(); });
  rotate_ = make(tr("&Rotate 90°"), {QKeySequence(Qt::Key_R)}, tr("Turn the selection 90° about its centre"),
                 [this] { editor_.rotateSelection(); });
  selectAll_ = make(tr("Select &all racks"), {QKeySequence::SelectAll}, tr("Select every rack"), [this] {
    QStringList halls;
    for (const auto& h : editor_.document().resolved()->layout.halls) halls << QString::fromStdString(h.id);
    editor_.view().setSelection(halls);
  });
  selectNone_ = make(tr("Select &none"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}, tr("Clear the selection"),
                     [this] { editor_.view().setSelection({}); });
  box_ = make(tr("&Box select"), {QKeySequence(Qt::Key_B)}, tr("Drag on empty floor to select what is inside the box"),
              [] {});
  box_->setCheckable(true);
  connect(box_, &QAction::toggled, this, [this](bool on) { select_.setBoxMode(on); });
  wire_ = make(tr("&Wire"), {QKeySequence(Qt::Key_W)},
               tr("Drag from racks or gear onto their feed, CDU, air handler or heat sink to connect them"), [] {});
  wire_->setCheckable(true);
  connect(wire_, &QAction::toggled, this, [this](bool on) { wireTool_.setEnabled(on); });
  // Each target the cursor reaches is judged once: the line and cursor show the verdict, the
  // status bar what the drop would do or why not.
  connect(&wireTool_, &widgets::WireTool::hovered, this,
          [this](const QStringList& from, const QString& to, bool second) {
            if (to.isEmpty()) {
              wireTool_.setVerdict(true);
              emit editor_.message(tr("Drop onto a feed, CDU, air handler or heat sink"));
              return;
            }
            const editing::LinkOutcome link = editor_.previewLink(from, to, second);
            wireTool_.setVerdict(link.link.has_value());
            emit editor_.message(link.link ? tr("Connect: %1").arg(QString::fromStdString(link.description))
                                           : tr("Cannot connect: %1").arg(QString::fromStdString(link.refusal)));
          });
  connect(&wireTool_, &widgets::WireTool::dropped, this,
          [this](const QStringList& from, const QString& to, bool second) { editor_.connectLink(from, to, second); });
  connect(&wireTool_, &widgets::WireTool::cancelled, this, [this] { emit editor_.message(tr("Nothing connected")); });
  // Drawing: a rectangle on the floor makes a hall, a drag inside a hall a row. Both show the plan
  // view, where the floor is seen square on.
  // Halls held by a wall move, by a corner resize (while no other tool owns the mouse).
  hallGrip_ = new widgets::HallGripTool(editor_.view());
  new HallDrag(*hallGrip_, editor_, this);
  sketch_ = new widgets::SketchTool(editor_.view());
  drawHall_ =
      make(tr("Draw &hall"), {QKeySequence(Qt::Key_H)}, tr("Drag a rectangle on the site to add a hall there"), [] {});
  drawRow_ = make(tr("Draw r&ow"), {QKeySequence(Qt::SHIFT | Qt::Key_R)},
                  tr("Drag inside a hall to lay a row of the palette's rack type"), [] {});
  measure_ = make(tr("&Measure"), {QKeySequence(Qt::Key_M)},
                  tr("Drag between two points: the straight distance and a cable's length along the trays"), [] {});
  for (QAction* mode : {box_, wire_, drawHall_, drawRow_, measure_}) {
    mode->setCheckable(true);
    connect(mode, &QAction::toggled, this, [this, mode](bool on) {
      if (on) {
        for (QAction* other : {box_, wire_, drawHall_, drawRow_, measure_})
          if (other != mode) other->setChecked(false);
      }
      hallGrip_->setEnabled(!wire_->isChecked() && !drawHall_->isChecked() && !drawRow_->isChecked() &&
                            !measure_->isChecked());
    });
  }
  auto drawing = [this](bool on) {
    sketch_->setEnabled(drawHall_->isChecked() || drawRow_->isChecked() || measure_->isChecked());
    if (!on) return;
    if (measure_->isChecked()) {
      emit editor_.message(tr("Drag from one point to another to measure (Esc cancels)"));
      return;
    }
    editor_.view().showPlan();
    emit editor_.message(drawHall_->isChecked()
                             ? tr("Drag a rectangle on the site for the new hall (Esc cancels)")
                             : tr("Drag inside a hall to lay a row of %1 (Esc cancels)").arg(editor_.drawRackType()));
  };
  for (QAction* mode : {drawHall_, drawRow_, measure_}) connect(mode, &QAction::toggled, this, drawing);
  auto shape = [this] {
    return drawHall_->isChecked()  ? DesignEditor::Shape::Hall
           : drawRow_->isChecked() ? DesignEditor::Shape::Row
                                   : DesignEditor::Shape::Measure;
  };
  connect(sketch_, &widgets::SketchTool::sketched, this, [this, shape](QPointF from, QPointF to) {
    const DesignEditor::Sketch s = editor_.sketch(shape(), from, to);
    sketch_->setOutline(s.outline, s.allowed);
    emit editor_.message(s.message);
  });
  connect(sketch_, &widgets::SketchTool::finished, this,
          [this, shape](QPointF from, QPointF to) { editor_.draw(shape(), from, to); });
  connect(sketch_, &widgets::SketchTool::cancelled, this, [this] { emit editor_.message(tr("Nothing drawn")); });

  clear_ = make(tr("&Clear overrides"), {}, tr("Put the selected objects back as their templates make them"),
                [this] { editor_.clearSelectionOverrides(); });
  connect(&editor_.view(), &widgets::SiteView::selectionChanged, this, &EditActions::updateEnabled);
  connect(&editor_.view(), &widgets::SiteView::linkSelected, this, [this](int index) {
    updateEnabled();
    if (index < 0) return;
    const auto& link = editor_.view().scene().links()[static_cast<std::size_t>(index)];
    using Kind = widgets::scene::SiteScene::Link::Kind;
    const QString what = link.kind == Kind::Feed      ? tr("Feed")
                         : link.kind == Kind::Coolant ? tr("Coolant pipe")
                                                      : tr("Heat-rejection pipe");
    const QString from =
        link.from.size() == 1 ? QString::fromStdString(link.from.front()) : counted(link.from.size(), "rack");
    emit editor_.message(tr("%1 %2 → %3: Delete removes it").arg(what, QString::fromStdString(link.to), from));
  });
  editor_.view().installEventFilter(this);
  updateEnabled();
}

void EditActions::updateEnabled() {
  const bool any = !editor_.view().selection().isEmpty();
  for (QAction* a : {delete_, duplicate_, rotate_, selectNone_, clear_}) a->setEnabled(any);
  if (editor_.view().scene().selectedLink() >= 0) delete_->setEnabled(true);
}

void EditActions::fillMenu(QMenu* menu) {
  menu->addAction(undo_);
  menu->addAction(redo_);
  menu->addSeparator();
  menu->addAction(rotate_);
  menu->addAction(duplicate_);
  menu->addAction(delete_);
  menu->addAction(clear_);
  menu->addSeparator();
  menu->addAction(selectAll_);
  menu->addAction(selectNone_);
  menu->addAction(box_);
  menu->addAction(wire_);
  menu->addAction(drawHall_);
  menu->addAction(drawRow_);
  menu->addAction(measure_);
}

void EditActions::fillToolBar(QToolBar* bar) {
  bar->addAction(undo_);
  bar->addAction(redo_);
  bar->addSeparator();
  bar->addAction(rotate_);
  bar->addAction(duplicate_);
  bar->addAction(delete_);
  bar->addAction(box_);
  bar->addAction(wire_);
  bar->addAction(drawHall_);
  bar->addAction(drawRow_);
  bar->addAction(measure_);
  bar->addSeparator();
  bar->addWidget(new QLabel(tr(" Grid "), bar));
  grid_ = new QDoubleSpinBox(bar);
  grid_->setObjectName("gridSpin");
  grid_->setRange(0, 10);
  grid_->setDecimals(2);
  grid_->setSingleStep(0.1);
  grid_->setSuffix(" m");
  grid_->setSpecialValueText(tr("off"));
  grid_->setValue(editor_.grid());
  grid_->setToolTip(tr("Drags snap to this grid along and across the row (0 = off)"));
  connect(grid_, &QDoubleSpinBox::valueChanged, this, [this](double v) { editor_.setGrid(v); });
  bar->addWidget(grid_);
}

void EditActions::assignMenu(QMenu* menu, const QString& title, int field) {
  const auto r = editor_.document().resolved();
  const auto set = editor_.selected();
  if (set.racks.empty()) return;
  const auto& rack = r->layout.racks[static_cast<std::size_t>(set.racks.front())];
  const auto f = static_cast<editing::RackField>(field);
  std::vector<Choice> choices;
  switch (f) {
    case editing::RackField::FeedA:
    case editing::RackField::FeedB:
      choices = feedChoices(r->layout, rack.hall, rack.position, f == editing::RackField::FeedB, kMenuChoices);
      break;
    case editing::RackField::Cdu:
      choices = coolingChoices(r->layout, rack.hall, design::CoolingKind::Cdu, rack.position, kMenuChoices);
      break;
    default:
      choices = coolingChoices(r->layout, rack.hall, design::CoolingKind::AirHandler, rack.position, kMenuChoices);
      break;
  }
  QMenu* sub = menu->addMenu(title);
  sub->setEnabled(!choices.empty());
  for (const Choice& c : choices) {
    sub->addAction(c.label, this, [this, title, f, value = c.value] {
      const auto now = editor_.document().resolved();
      editor_.apply(tr("Set %1 to %2").arg(title, value.isEmpty() ? noneLabel() : value),
                    editing::setRackField(*now, editor_.selected(), f, value.toStdString()));
    });
  }
}

void EditActions::disconnectMenu(QMenu* menu) {
  // Everything the selection is wired to: feeds, cooling, fed_by and rejects_to.
  const auto r = editor_.document().resolved();
  const design::Layout& L = r->layout;
  const auto set = editor_.selected();
  std::vector<std::pair<std::string, QString>> links;  // target id, what it is to the selection
  auto add = [&](const std::string& id, const QString& role) {
    for (const auto& l : links)
      if (l.first == id) return;
    links.push_back({id, role});
  };
  auto power = [&](int i) { return L.power[static_cast<std::size_t>(i)].id; };
  auto cooling = [&](int i) { return L.cooling[static_cast<std::size_t>(i)].id; };
  for (int i : set.racks) {
    const design::Rack& rack = L.racks[static_cast<std::size_t>(i)];
    if (rack.feedA != design::kNone) add(power(rack.feedA), tr("feed A"));
    if (rack.feedB != design::kNone) add(power(rack.feedB), tr("feed B"));
    if (rack.cdu != design::kNone) add(cooling(rack.cdu), tr("CDU"));
    if (rack.airHandler != design::kNone) add(cooling(rack.airHandler), tr("air handler"));
  }
  for (int i : set.power)
    for (int p : L.power[static_cast<std::size_t>(i)].fedBy) add(power(p), tr("feed"));
  for (int i : set.cooling) {
    for (int p : L.cooling[static_cast<std::size_t>(i)].fedBy) add(power(p), tr("pump and fan feed"));
    for (int c : L.cooling[static_cast<std::size_t>(i)].rejectsTo) add(cooling(c), tr("heat sink"));
  }
  if (links.empty()) return;
  QMenu* sub = menu->addMenu(tr("Disconnect from"));
  sub->setObjectName("disconnectMenu");
  constexpr std::size_t kMaxEntries = 24;
  for (std::size_t k = 0; k < links.size() && k < kMaxEntries; ++k) {
    const QString id = QString::fromStdString(links[k].first);
    sub->addAction(tr("%1 (%2)").arg(id, links[k].second), this,
                   [this, id] { editor_.disconnectLink(editor_.view().selection(), id); });
  }
}

void EditActions::fillContextMenu(QMenu* menu) {
  menu->addAction(rotate_);
  menu->addAction(duplicate_);
  menu->addAction(delete_);
  menu->addAction(clear_);
  if (!editor_.selected().racks.empty()) {
    menu->addSeparator();
    assignMenu(menu, tr("Feed A"), static_cast<int>(editing::RackField::FeedA));
    assignMenu(menu, tr("Feed B"), static_cast<int>(editing::RackField::FeedB));
    assignMenu(menu, tr("CDU"), static_cast<int>(editing::RackField::Cdu));
    assignMenu(menu, tr("Air handler"), static_cast<int>(editing::RackField::AirHandler));
  }
  disconnectMenu(menu);
  hallMenu(menu);
  menu->addSeparator();
  menu->addAction(tr("Fit selection"), &editor_.view(), &widgets::SiteView::fitSelection);
}

void EditActions::hallMenu(QMenu* menu) {
  // The hall whose floor was clicked.
  const auto floor = widgets::floorPointAt(editor_.view(), QPointF(rightPress_), 0);
  if (!floor) return;
  const auto r = editor_.document().resolved();
  const design::Hall* hall = nullptr;
  for (const auto& h : r->layout.halls) {
    if ((*floor)[0] >= h.origin.x && (*floor)[0] <= h.origin.x + h.size.x && (*floor)[1] >= h.origin.y &&
        (*floor)[1] <= h.origin.y + h.size.y)
      hall = &h;
  }
  if (!hall) return;
  const QString id = QString::fromStdString(hall->id);
  const int count = r->design.halls[static_cast<std::size_t>(hall->specIndex)].count;
  menu->addSeparator();
  QMenu* sub = menu->addMenu(tr("Hall %1").arg(QString::fromStdString(hall->name)));
  sub->setObjectName("hallMenu");
  sub->addAction(tr("Select its racks"), this, [this, id] { editor_.view().setSelection({id}); });
  sub->addAction(tr("Duplicate hall"), this, [this, id] { editor_.duplicateHall(id); });
  sub->addAction(tr("Delete hall"), this, [this, id] { editor_.deleteHall(id); });
  if (count > 1)
    sub->addAction(tr("Take out of its template (%1 halls)").arg(count), this,
                   [this, id] { editor_.breakOutHall(id); });
}

bool EditActions::eventFilter(QObject*, QEvent* event) {
  // Right-drag dollies the camera; a right click without a drag opens the context menu.
  if (event->type() == QEvent::MouseButtonPress) {
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->button() == Qt::RightButton) rightPress_ = e->position().toPoint();
  } else if (event->type() == QEvent::MouseButtonRelease) {
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->button() != Qt::RightButton || (e->position().toPoint() - rightPress_).manhattanLength() > 4) return false;
    const QString hit = editor_.view().objectIdAt(e->position().toPoint());
    if (!hit.isEmpty() && !editor_.view().selection().contains(hit)) editor_.view().setSelection({hit});
    QMenu menu(window_);
    fillContextMenu(&menu);
    menu.exec(e->globalPosition().toPoint());
  }
  return false;
}

}  // namespace gigaplan::app
