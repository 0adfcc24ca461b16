// GUI edits into undoable commands (see design_editor.h).
#include "app/gui/design_editor.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <map>

#include "app/document/document.h"
#include "app/gui/qt_text.h"
#include "core/fabric/placement.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {

DesignEditor::DesignEditor(Document& doc, widgets::SiteView& view, QObject* parent)
    : QObject(parent), doc_(doc), view_(view) {}

QStringList DesignEditor::selectedIds() const {
  return view_.selection();
}

editing::ObjectSet DesignEditor::selected() const {
  return objectsOf(view_.selection());
}

bool DesignEditor::apply(const QString& text, editing::EditOutcome outcome, int mergeKey) {
  if (!outcome) {
    emit message(QString::fromStdString(outcome.refusal));
    return false;
  }
  design::Design next = std::move(*outcome.design);
  const QString error = doc_.edit(
      text, [&next](design::Design& d) { d = std::move(next); }, mergeKey);
  if (!error.isEmpty()) {
    emit message(tr("%1 refused: %2").arg(text, error));
    return false;
  }
  if (!outcome.select.empty()) {
    QStringList ids;
    for (const auto& id : outcome.select) ids << QString::fromStdString(id);
    select(ids);
  }
  return true;
}

editing::ObjectSet DesignEditor::objectsOf(const QStringList& ids) const {
  std::vector<std::string> v;
  for (const QString& id : ids) v.push_back(id.toStdString());
  return editing::objectsOf(doc_.resolved()->layout, v);
}

editing::LinkOutcome DesignEditor::previewLink(const QStringList& from, const QString& to, bool secondFeed) {
  const auto r = doc_.resolved();
  if (preview_.design == r && preview_.from == from && preview_.to == to && preview_.secondFeed == secondFeed)
    return preview_.outcome;
  const editing::ObjectSet set = objectsOf(from);
  editing::LinkOutcome out = editing::linkBetween(*r, set, to.toStdString(), secondFeed);
  if (out.link) {
    editing::EditOutcome edit = editing::connectObjects(*r, set, to.toStdString(), secondFeed);
    std::shared_ptr<const design::ResolvedDesign> after;
    if (!edit) {
      out.refusal = edit.refusal;
    } else if (const QString why = doc_.check(std::move(*edit.design), &after); !why.isEmpty()) {
      out.refusal = why.toStdString();
    } else {
      if (evaluatedDesign_ != r) {
        evaluation_ = std::make_shared<engine::Evaluation>(engine::evaluate(r->design, r->layout, *r->catalog));
        evaluatedDesign_ = r;
      }
      const engine::Evaluation next = engine::evaluate(after->design, after->layout, *after->catalog);
      out.refusal = editing::newOverload(*r, *evaluation_, *after, next, to.toStdString());
    }
    if (!out.refusal.empty()) out.link.reset();
  }
  preview_ = {r, from, to, secondFeed, out};
  return out;
}

bool DesignEditor::connectLink(const QStringList& from, const QString& to, bool secondFeed) {
  const editing::LinkOutcome link = previewLink(from, to, secondFeed);
  if (!link.link) {
    emit message(tr("Not connected: %1").arg(QString::fromStdString(link.refusal)));
    return false;
  }
  const auto r = doc_.resolved();
  if (!apply(tr("Connect %1").arg(QString::fromStdString(link.description)),
             editing::connectObjects(*r, objectsOf(from), to.toStdString(), secondFeed)))
    return false;
  emit message(tr("Connected: %1").arg(QString::fromStdString(link.description)));
  return true;
}

bool DesignEditor::disconnectLink(const QStringList& from, const QString& to) {
  const auto r = doc_.resolved();
  const editing::ObjectSet set = objectsOf(from);
  return apply(tr("Disconnect %1 from %2").arg(describeSelection(set), to),
               editing::disconnectObjects(*r, set, to.toStdString()));
}

QString DesignEditor::describeSelection(const editing::ObjectSet& set) const {
  if (set.size() == 1) {
    const auto& L = doc_.resolved()->layout;
    if (!set.racks.empty())
      return tr("rack %1").arg(QString::fromStdString(L.racks[static_cast<std::size_t>(set.racks[0])].id));
    if (!set.power.empty()) return QString::fromStdString(L.power[static_cast<std::size_t>(set.power[0])].id);
    return QString::fromStdString(L.cooling[static_cast<std::size_t>(set.cooling[0])].id);
  }
  return counted(set.size(), "object");
}

bool DesignEditor::rotateSelection() {
  const auto set = selected();
  return apply(tr("Rotate %1").arg(describeSelection(set)), editing::rotateObjects(*doc_.resolved(), set, 90));
}

bool DesignEditor::duplicateSelection() {
  const auto set = selected();
  return apply(tr("Duplicate %1").arg(describeSelection(set)), editing::duplicateRows(*doc_.resolved(), set));
}

bool DesignEditor::deleteSelection() {
  const auto set = selected();
  const QString what = describeSelection(set);
  if (!apply(tr("Delete %1").arg(what), editing::deleteObjects(*doc_.resolved(), set))) return false;
  view_.setSelection({});
  emit message(tr("Deleted %1").arg(what));
  return true;
}

bool DesignEditor::clearSelectionOverrides() {
  const auto set = selected();
  return apply(tr("Clear overrides of %1").arg(describeSelection(set)), editing::clearOverrides(*doc_.resolved(), set));
}

void DesignEditor::select(const QStringList& ids) {
  if (selectHook_)
    selectHook_(ids);
  else
    view_.setSelection(ids);
}

int DesignEditor::currentHall() const {
  const auto& L = doc_.resolved()->layout;
  if (L.halls.empty()) return -1;
  const auto set = selected();
  if (!set.racks.empty()) return L.racks[static_cast<std::size_t>(set.racks[0])].hall;
  if (!set.power.empty() && L.power[static_cast<std::size_t>(set.power[0])].hall >= 0)
    return L.power[static_cast<std::size_t>(set.power[0])].hall;
  if (!set.cooling.empty() && L.cooling[static_cast<std::size_t>(set.cooling[0])].hall >= 0)
    return L.cooling[static_cast<std::size_t>(set.cooling[0])].hall;
  if (const auto it = L.hallIndex.find(workHall_.toStdString()); it != L.hallIndex.end()) return it->second;
  return 0;
}

bool DesignEditor::addHall(double width, double depth) {
  editing::EditOutcome out = editing::addHall(*doc_.resolved(), {width, depth});
  const QString id = out && !out.select.empty() ? QString::fromStdString(out.select.front()) : QString();
  out.select.clear();  // a hall has no objects to select yet
  if (!apply(tr("Add hall %1 × %2").arg(QLocale().toString(width), QLocale().toString(depth)) + " m", std::move(out)))
    return false;
  workHall_ = id;
  view_.setSelection({});
  emit message(tr("Added %1: rows and gear now go there").arg(id));
  return true;
}

bool DesignEditor::addGridConnection(double rating) {
  return apply(tr("Add grid connection"), editing::addGridConnection(*doc_.resolved(), currentHall(), rating));
}

bool DesignEditor::addRow(const QString& rackType, int racks) {
  const int hall = currentHall();
  const QString text = racks == 1 ? tr("Add %1 rack").arg(rackType) : tr("Add row of %1 × %2").arg(racks).arg(rackType);
  return apply(text, editing::addRow(*doc_.resolved(), hall, rackType.toStdString(), racks));
}

bool DesignEditor::addEquipment(const QString& model) {
  return apply(tr("Add %1").arg(model), editing::addEquipment(*doc_.resolved(), currentHall(), model.toStdString()));
}

namespace {
int hallNamed(const design::Layout& L, const QString& id) {
  const auto it = L.hallIndex.find(id.toStdString());
  return it == L.hallIndex.end() ? -1 : it->second;
}

}  // namespace

DesignEditor::Sketch DesignEditor::sketch(Shape shape, QPointF from, QPointF to) const {
  const auto r = doc_.resolved();
  Sketch out;
  if (shape == Shape::Hall) {
    const editing::HallSketch s = editing::sketchHall(*r, {from.x(), from.y()}, {to.x(), to.y()});
    const double x0 = s.origin.x, y0 = s.origin.y, x1 = x0 + s.size.x, y1 = y0 + s.size.y;
    out.outline = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    out.allowed = s.refusal.empty();
    out.message = out.allowed ? tr("Hall %1 × %2 at %3, %4")
                                    .arg(metresText(s.size.x), metresText(s.size.y), metresText(x0), metresText(y0))
                              : tr("Cannot add the hall: %1").arg(QString::fromStdString(s.refusal));
    return out;
  }
  if (shape == Shape::Measure) {
    // The straight line and the route a cable takes along the trays (x first, then y).
    out.outline = {{from.x(), from.y()}, {to.x(), from.y()}, {to.x(), to.y()}};
    out.allowed = true;
    const design::NetworkPlan& plan = r->design.network;
    const double straight = std::hypot(to.x() - from.x(), to.y() - from.y());
    const double cable = fabric::trayCableLength({from.x(), from.y()}, {to.x(), to.y()}, plan);
    out.message = tr("Distance %1 straight; a cable along the trays %2 (%3 m up and down at each end, %4 % slack)")
                      .arg(metresText(straight), metresText(cable), QLocale().toString(fabric::trayDrop(plan), 'f', 1),
                           QLocale().toString(100 * std::max(0.0, plan.slack), 'f', 0));
    return out;
  }
  const QString type = drawRackType();
  const editing::RowSketch s = editing::sketchRow(*r, type.toStdString(), {from.x(), from.y()}, {to.x(), to.y()});
  if (s.racks > 0) {
    const design::Vec2 dir = s.rotation == 0 ? design::Vec2{1, 0} : design::Vec2{0, 1};
    const design::Vec2 across{-dir.y, dir.x};
    const double a0 = -0.5 * s.width, a1 = (s.racks - 1) * s.pitch + 0.5 * s.width, c = 0.5 * s.depth;
    auto at = [&](double along, double side) -> std::array<double, 2> {
      return {s.first.x + along * dir.x + side * across.x, s.first.y + along * dir.y + side * across.y};
    };
    out.outline = {at(a0, -c), at(a1, -c), at(a1, c), at(a0, c)};
  }
  out.allowed = s.refusal.empty();
  out.message = out.allowed ? tr("Row of %1 × %2").arg(s.racks).arg(type)
                            : tr("Cannot add the row: %1").arg(QString::fromStdString(s.refusal));
  return out;
}

bool DesignEditor::draw(Shape shape, QPointF from, QPointF to) {
  const auto r = doc_.resolved();
  if (shape == Shape::Measure) {
    emit message(sketch(shape, from, to).message);
    return true;
  }
  if (shape == Shape::Hall) {
    editing::EditOutcome out = editing::drawHall(*r, {from.x(), from.y()}, {to.x(), to.y()});
    const QString id = out && !out.select.empty() ? QString::fromStdString(out.select.front()) : QString();
    out.select.clear();
    if (!apply(tr("Draw hall"), std::move(out))) return false;
    workHall_ = id;
    view_.setSelection({});
    emit message(tr("Added %1: rows and gear now go there").arg(id));
    return true;
  }
  const QString type = drawRackType();
  return apply(tr("Draw row of %1").arg(type),
               editing::drawRow(*r, type.toStdString(), {from.x(), from.y()}, {to.x(), to.y()}));
}

QString DesignEditor::drawRackType() const {
  if (!drawRackType_.isEmpty()) return drawRackType_;
  const auto r = doc_.resolved();
  std::map<std::string, int> uses;
  for (const auto& rack : r->layout.racks) ++uses[rack.type];
  const auto best = std::max_element(uses.begin(), uses.end(), [](auto& a, auto& b) { return a.second < b.second; });
  if (best != uses.end()) return QString::fromStdString(best->first);
  for (const auto& [id, type] : r->catalog->racks)
    if (!type.gpu.empty()) return QString::fromStdString(id);  // a compute rack
  return r->catalog->racks.empty() ? QString() : QString::fromStdString(r->catalog->racks.begin()->first);
}

bool DesignEditor::setHallGeometry(const QString& hall, double x, double y, double width, double depth) {
  const auto r = doc_.resolved();
  return apply(tr("Move or resize %1").arg(hall),
               editing::setHallGeometry(*r, hallNamed(r->layout, hall), {x, y}, {width, depth}));
}

bool DesignEditor::duplicateHall(const QString& hall) {
  const auto r = doc_.resolved();
  editing::EditOutcome out = editing::duplicateHall(*r, hallNamed(r->layout, hall));
  const QString id = out && !out.select.empty() ? QString::fromStdString(out.select.front()) : QString();
  out.select = {id.toStdString()};  // its racks, once the view shows them
  if (!apply(tr("Duplicate %1").arg(hall), std::move(out))) return false;
  workHall_ = id;
  emit message(tr("Duplicated %1 as %2").arg(hall, id));
  return true;
}

bool DesignEditor::deleteHall(const QString& hall) {
  const auto r = doc_.resolved();
  if (!apply(tr("Delete %1").arg(hall), editing::deleteHall(*r, hallNamed(r->layout, hall)))) return false;
  if (workHall_ == hall) workHall_.clear();
  view_.setSelection({});
  emit message(tr("Deleted %1 and everything in it").arg(hall));
  return true;
}

bool DesignEditor::repeatHall(const QString& hall, int count, double stepX, double stepY) {
  const auto r = doc_.resolved();
  const int index = hallNamed(r->layout, hall);
  const int before =
      index < 0
          ? 0
          : r->design.halls[static_cast<std::size_t>(r->layout.halls[static_cast<std::size_t>(index)].specIndex)].count;
  if (!apply(count == 1 ? tr("Make %1 a single hall").arg(hall) : tr("Repeat %1 × %2").arg(hall).arg(count),
             editing::repeatHall(*r, index, count, {stepX, stepY})))
    return false;
  // A hall that started repeating was renamed ("hall-1" → "hall-1-1"): follow it.
  const auto& L = doc_.resolved()->layout;
  if (!L.hallIndex.count(hall.toStdString()) && before == 1 && L.hallIndex.count(hall.toStdString() + "-1")) {
    workHall_ = hall + "-1";
    select({workHall_});  // its racks, under their new ids: the old ones are gone
    emit hallRenamed(hall, workHall_);
  }
  emit message(count == 1 ? tr("%1 is a single hall").arg(hall)
                          : tr("%1's template now makes %2 halls").arg(hall).arg(count));
  return true;
}

bool DesignEditor::breakOutHall(const QString& hall) {
  const auto r = doc_.resolved();
  if (!apply(tr("Take %1 out of its template").arg(hall), editing::breakOutHall(*r, hallNamed(r->layout, hall))))
    return false;
  emit message(tr("%1 is now a hall of its own").arg(hall));
  return true;
}

}  // namespace gigaplan::app
