// Properties of the selection (see properties_model.h).
#include "app/gui/properties_model.h"

#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <set>

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"
#include "core/model/rack_power.h"
#include "core/units/units.h"

namespace gigaplan::app {
namespace {

using Key = PropertiesModel::Key;

QString mixed() {
  return QObject::tr("(mixed)");
}
QString metres(double v) {
  return QObject::tr("%1 m").arg(v, 0, 'f', 2);
}

// The value every index gives, or nothing when they differ.
template <class F>
std::optional<std::string> common(const std::vector<int>& items, F value) {
  std::optional<std::string> out;
  for (int i : items) {
    const std::string v = value(static_cast<std::size_t>(i));
    if (out && *out != v) return std::nullopt;
    out = v;
  }
  return out;
}

// A bank's rating as the planner reads it: "2 × 1.5 MW ups-1500kw = 3 MW" for one node of
// several units, the plain total otherwise (units 0: a selection of several nodes).
QString bankRating(int units, double total, const std::string& model) {
  const QString sum = quantity(total, units::Dimension::Power);
  if (units < 2) return sum;
  return QString("%1 × %2 %3 = %4")
      .arg(QLocale().toString(units), quantity(total / units, units::Dimension::Power), qs(model), sum)
      .simplified();
}

// "tx-1, tx-2": the ids a list of layout indices names (power nodes or cooling units).
std::string idList(const design::Layout& L, const std::vector<int>& items, bool power) {
  std::string out;
  for (int i : items) {
    if (!out.empty()) out += ", ";
    out += power ? L.power[static_cast<std::size_t>(i)].id : L.cooling[static_cast<std::size_t>(i)].id;
  }
  return out;
}

// The ids a planner typed: separated by commas and/or spaces.
std::vector<std::string> splitIds(const QString& text) {
  std::vector<std::string> out;
  for (const QString& part : text.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts))
    out.push_back(part.toStdString());
  return out;
}

QString pendingText() {
  return QObject::tr("— (evaluating)");
}

QString idText(const std::optional<std::string>& v) {
  if (!v) return mixed();
  return v->empty() ? noneLabel() : qs(*v);
}

QString overriddenFields(const design::Override& o) {
  QStringList f;
  if (o.position) f << QObject::tr("position");
  if (o.rotation) f << QObject::tr("rotation");
  if (o.type) f << QObject::tr("type");
  if (o.feedA) f << QObject::tr("feed A");
  if (o.feedB) f << QObject::tr("feed B");
  if (o.cdu) f << QObject::tr("CDU");
  if (o.airHandler) f << QObject::tr("air handler");
  return f.join(", ");
}

}  // namespace

PropertiesModel::PropertiesModel(DesignEditor& editor, QObject* parent) : QAbstractTableModel(parent), editor_(editor) {
  connect(&editor_, &DesignEditor::hallRenamed, this, &PropertiesModel::renameHall);
  rebuild();
}

void PropertiesModel::setSelection(const QStringList& ids) {
  ids_ = ids;
  // A hall stands for its racks in the 3D view: the same racks, picked again (the view shows an
  // edit), keep the hall; anything else replaces it.
  if (!hall_.isEmpty() && !selectsHallRacks(ids)) hall_.clear();
  refresh();
}

bool PropertiesModel::selectsHallRacks(const QStringList& ids) const {
  const auto r = editor_.document().resolved();
  const auto hall = r->layout.hallIndex.find(hall_.toStdString());
  if (hall == r->layout.hallIndex.end() || ids.isEmpty()) return false;
  std::size_t racks = 0;
  for (const design::Rack& rack : r->layout.racks) racks += rack.hall == hall->second ? 1 : 0;
  if (static_cast<std::size_t>(ids.size()) != racks) return false;
  return std::all_of(ids.begin(), ids.end(), [&](const QString& id) {
    const auto it = r->layout.rackIndex.find(id.toStdString());
    return it != r->layout.rackIndex.end() &&
           r->layout.racks[static_cast<std::size_t>(it->second)].hall == hall->second;
  });
}

void PropertiesModel::renameHall(const QString& from, const QString& to) {
  if (hall_ == from) setHall(to);
}

void PropertiesModel::setHall(const QString& id) {
  hall_ = id;
  refresh();
}

void PropertiesModel::refresh() {
  beginResetModel();
  rebuild();
  endResetModel();
}

void PropertiesModel::setEvaluation(const EvaluatedDesign& result) {
  evaluated_ = result;
  if (result.design != editor_.document().resolved()) return;
  // The evaluation adds figures (utilisation, power) to the same properties: update the values in
  // place, so a field the planner is typing into stays open; reset only when the rows change.
  std::vector<Key> before;
  for (const Prop& p : props_) before.push_back(p.key);
  std::vector<Prop> old = std::move(props_);
  rebuild();
  std::vector<Key> after;
  for (const Prop& p : props_) after.push_back(p.key);
  if (after == before) {
    if (!props_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return;
  }
  props_ = std::move(old);
  refresh();
}

int PropertiesModel::rowOf(Key key) const {
  for (std::size_t i = 0; i < props_.size(); ++i) {
    if (props_[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

void PropertiesModel::add(Key key, const QString& name, const QString& text, QVariant edit, bool editable,
                          std::vector<Choice> choices, const QString& tip) {
  props_.push_back({key, name, text, std::move(edit), editable, std::move(choices), tip});
}

void PropertiesModel::rebuild() {
  props_.clear();
  std::vector<std::string> ids;
  for (const QString& id : ids_) ids.push_back(id.toStdString());
  const design::Layout& layout = editor_.document().resolved()->layout;
  set_ = editing::objectsOf(layout, ids);
  if (const auto hall = layout.hallIndex.find(hall_.toStdString()); !hall_.isEmpty() && hall != layout.hallIndex.end())
    addHall(hall->second);
  else if (set_.empty())
    addSite();
  else if (!set_.racks.empty() && set_.power.empty() && set_.cooling.empty())
    addRacks();
  else if (set_.racks.empty())
    addEquipment();
  else {
    add(Key::Selection, tr("Selection"),
        tr("%1 racks, %2 power, %3 cooling").arg(set_.racks.size()).arg(set_.power.size()).arg(set_.cooling.size()));
    addPlacement(true);
  }
}

void PropertiesModel::addSite() {
  const design::Design& d = editor_.document().design();
  const design::Layout& L = editor_.document().resolved()->layout;
  add(Key::SiteName, tr("Site"), qs(d.site.name), qs(d.site.name), true);
  add(Key::Location, tr("Location"), qs(d.site.location));
  add(Key::SiteSize, tr("Size"), tr("%1 × %2").arg(metres(d.site.size.x), metres(d.site.size.y)));
  add(Key::Ambient, tr("Design ambient"), tr("%1 °C dry bulb, %2 °C wet bulb").arg(d.site.ambient).arg(d.site.wetBulb));
  add(Key::Selection, tr("Contents"),
      QStringList{counted(L.halls.size(), "hall"), counted(L.rows.size(), "row"), counted(L.racks.size(), "rack")}.join(
          ", "));
  // The network the engine builds from the layout.
  const auto& cat = *editor_.document().resolved()->catalog;
  const std::string sw = d.network.switchModel;
  add(Key::NetworkSwitch, tr("Network switch"), sw.empty() ? noneLabel() : qs(sw), qs(sw), true, switchChoices(cat),
      tr("The switch model every tier of the compute fabric is built from"));
  const QString topology = qs(std::string(design::toString(d.network.topology)));
  add(Key::Topology, tr("Topology"), topology, topology, true, topologyChoices());
  const QString leaves = qs(std::string(design::toString(d.network.leafPlacement)));
  add(Key::LeafPlacement, tr("Leaf placement"), leaves, leaves, true, leafPlacementChoices(),
      tr("Where leaf switches stand: at the end or middle of each row, or in network rows"));
}

void PropertiesModel::addHall(int index) {
  const auto r = editor_.document().resolved();
  const design::Layout& L = r->layout;
  const design::Hall& h = L.halls[static_cast<std::size_t>(index)];
  const design::HallSpec& spec = r->design.halls[static_cast<std::size_t>(h.specIndex)];
  add(Key::Hall, tr("Hall"), tr("%1 (%2)").arg(qs(h.name), qs(h.id)));
  const QString together =
      spec.count > 1 ? tr("Moves and resizes all %1 halls of its template").arg(QLocale().toString(spec.count))
                     : QString();
  if (spec.count > 1)
    add(Key::HallTemplate, tr("Template"),
        tr("Hall %1 of %2, %3 apart")
            .arg(QLocale().toString(h.instance), QLocale().toString(spec.count),
                 metres(std::hypot(spec.step.x, spec.step.y))),
        {}, false, {}, together + tr(" (template %1 in the design file)").arg(qs(spec.id)));
  const QString corner = tr("South-west corner, site coordinates") + (together.isEmpty() ? "" : ". " + together);
  add(Key::HallX, tr("Corner x"), metres(h.origin.x), h.origin.x, true, {}, corner);
  add(Key::HallY, tr("Corner y"), metres(h.origin.y), h.origin.y, true, {}, corner);
  add(Key::HallWidth, tr("Width (x)"), metres(h.size.x), h.size.x, true, {}, together);
  add(Key::HallDepth, tr("Depth (y)"), metres(h.size.y), h.size.y, true, {}, together);
  add(Key::HallCount, tr("Halls in template"), QLocale().toString(spec.count), spec.count, true, {},
      tr("How many halls this hall's template makes, one step apart (1 = a hall of its own)"));
  if (spec.count > 1) {
    const QString step = tr("From one hall's corner to the next");
    add(Key::HallStepX, tr("Step x"), metres(spec.step.x), spec.step.x, true, {}, step);
    add(Key::HallStepY, tr("Step y"), metres(spec.step.y), spec.step.y, true, {}, step);
  }
  int rows = 0, racks = 0, power = 0, cooling = 0;
  for (const auto& row : L.rows) rows += row.hall == index;
  for (const auto& rack : L.racks) racks += rack.hall == index;
  for (const auto& p : L.power) power += p.hall == index;
  for (const auto& c : L.cooling) cooling += c.hall == index;
  add(Key::Selection, tr("Contents"),
      QStringList{counted(rows, "row"), counted(racks, "rack"), counted(power, "power node"),
                  counted(cooling, "cooling unit")}
          .join(", "));
}

void PropertiesModel::addPlacement(bool editable) {
  const design::Layout& L = editor_.document().resolved()->layout;
  std::vector<std::pair<design::Vec2, double>> places;
  for (int i : set_.racks)
    places.push_back({L.racks[static_cast<std::size_t>(i)].position, L.racks[static_cast<std::size_t>(i)].rotation});
  for (int i : set_.power)
    places.push_back({L.power[static_cast<std::size_t>(i)].position, L.power[static_cast<std::size_t>(i)].rotation});
  for (int i : set_.cooling)
    places.push_back(
        {L.cooling[static_cast<std::size_t>(i)].position, L.cooling[static_cast<std::size_t>(i)].rotation});
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  std::set<double> rotations;
  for (const auto& [p, rot] : places) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    rotations.insert(rot);
  }
  const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
  const QString tip =
      places.size() > 1 ? tr("Centre of the selection; a new value moves every selected object") : QString();
  add(Key::X, places.size() > 1 ? tr("Centre x") : tr("Position x"), metres(cx), cx, editable, {}, tip);
  add(Key::Y, places.size() > 1 ? tr("Centre y") : tr("Position y"), metres(cy), cy, editable, {}, tip);
  const bool same = rotations.size() == 1;
  add(Key::Rotation, tr("Rotation"), same ? tr("%1°").arg(*rotations.begin()) : mixed(),
      same ? *rotations.begin() : 0.0, editable, {}, tr("Degrees counter-clockwise; 0 = racks along +x"));
}

void PropertiesModel::addRacks() {
  const auto resolved = editor_.document().resolved();
  const design::Layout& L = resolved->layout;
  const design::Design& d = resolved->design;
  const auto& racks = set_.racks;
  const design::Rack& first = L.racks[static_cast<std::size_t>(racks.front())];
  std::set<int> rows, halls;
  for (int i : racks)
    rows.insert(L.racks[static_cast<std::size_t>(i)].row), halls.insert(L.racks[static_cast<std::size_t>(i)].hall);
  add(Key::Selection, tr("Selection"),
      racks.size() == 1  ? tr("rack %1").arg(qs(first.id))
      : rows.size() == 1 ? tr("%1 racks in one row").arg(racks.size())
                         : tr("%1 racks in %2 rows").arg(racks.size()).arg(rows.size()));

  auto id = [&](int p, const auto& list) {
    return p == design::kNone ? std::string() : list[static_cast<std::size_t>(p)].id;
  };
  const auto type = common(racks, [&](std::size_t i) { return L.racks[i].type; });
  const auto feedA = common(racks, [&](std::size_t i) { return id(L.racks[i].feedA, L.power); });
  const auto feedB = common(racks, [&](std::size_t i) { return id(L.racks[i].feedB, L.power); });
  const auto cdu = common(racks, [&](std::size_t i) { return id(L.racks[i].cdu, L.cooling); });
  const auto air = common(racks, [&](std::size_t i) { return id(L.racks[i].airHandler, L.cooling); });
  const design::Vec2 near = first.position;
  add(Key::Type, tr("Type"), idText(type), type ? qs(*type) : QString(), true, rackTypeChoices(*resolved->catalog),
      first.spec ? qs(first.spec->name + " — " + first.spec->provenance.source) : QString());
  const auto feeds = feedChoices(L, first.hall, near, true);
  add(Key::FeedA, tr("Feed A"), idText(feedA), feedA ? qs(*feedA) : QString(), true, feeds);
  add(Key::FeedB, tr("Feed B"), idText(feedB), feedB ? qs(*feedB) : QString(), true, feeds);
  add(Key::Cdu, tr("CDU"), idText(cdu), cdu ? qs(*cdu) : QString(), true,
      coolingChoices(L, first.hall, design::CoolingKind::Cdu, near));
  add(Key::AirHandler, tr("Air handler"), idText(air), air ? qs(*air) : QString(), true,
      coolingChoices(L, first.hall, design::CoolingKind::AirHandler, near));
  addPlacement(true);

  QStringList hallNames;
  for (int h : halls) hallNames << qs(L.halls[static_cast<std::size_t>(h)].name);
  add(Key::Hall, tr("Hall"), hallNames.join(", "));
  if (rows.size() == 1) add(Key::Row, tr("Row"), qs(L.rows[static_cast<std::size_t>(*rows.begin())].id));
  long long gpus = 0;
  for (int i : racks) {
    if (const auto* s = L.racks[static_cast<std::size_t>(i)].spec) gpus += s->gpus;
  }
  add(Key::Gpus, tr("GPUs"), QLocale().toString(gpus));
  // The engine's per-rack figures once this design is evaluated (network racks draw their
  // switches); until then the catalog's IT figures, and the text says what is missing.
  const bool evaluated = evaluated_.evaluation && evaluated_.design == resolved;
  const model::RackPower power = evaluated ? model::sumRackPower(L, racks, &evaluated_.evaluation->rackPower,
                                                                 &evaluated_.evaluation->rackPeakPower)
                                           : model::sumRackPower(L, racks);
  QString powerText =
      tr("%1 design, %2 peak")
          .arg(quantity(power.nominal, units::Dimension::Power), quantity(power.peak, units::Dimension::Power));
  if (power.fromSwitches && !evaluated) powerText += tr(" (switches counted after the evaluation)");
  add(Key::Power, power.fromSwitches ? tr("Power") : tr("IT power"), powerText);
  // Always present (a row appearing when the evaluation lands would reset the table and close
  // the field the planner is typing into).
  if (evaluated) {
    double util = 0;
    for (int i : racks) util = std::max(util, evaluated_.evaluation->rackFeedUtilisation[static_cast<std::size_t>(i)]);
    add(Key::Utilisation, tr("Feed utilisation"), tr("%1 % at peak (highest)").arg(100 * util, 0, 'f', 1));
  } else {
    add(Key::Utilisation, tr("Feed utilisation"), pendingText());
  }
  if (racks.size() == 1) {
    const auto it = d.overrides.find(first.id);
    add(Key::Overrides, tr("Overrides"),
        it == d.overrides.end() ? tr("none (as its row template)") : overriddenFields(it->second));
  } else {
    std::size_t n = 0;
    for (int i : racks) n += d.overrides.count(L.racks[static_cast<std::size_t>(i)].id);
    add(Key::Overrides, tr("Overrides"), tr("%1 of %2 racks").arg(n).arg(racks.size()));
  }
}

void PropertiesModel::addEquipment() {
  const auto resolved = editor_.document().resolved();
  const design::Layout& L = resolved->layout;
  const design::Design& d = resolved->design;
  const bool power = !set_.power.empty() && set_.cooling.empty();
  const bool cooling = set_.power.empty() && !set_.cooling.empty();
  const std::size_t n = set_.size();
  const std::string firstId = power || !set_.power.empty()
                                  ? L.power[static_cast<std::size_t>(set_.power.empty() ? 0 : set_.power[0])].id
                                  : L.cooling[static_cast<std::size_t>(set_.cooling[0])].id;
  add(Key::Selection, tr("Selection"), n == 1 ? qs(firstId) : counted(n, "object"));
  if (power) {
    const auto kind = common(set_.power, [&](std::size_t i) { return std::string(design::toString(L.power[i].kind)); });
    const auto model = common(set_.power, [&](std::size_t i) { return L.power[i].model; });
    const design::PowerNode& first = L.power[static_cast<std::size_t>(set_.power[0])];
    add(Key::Kind, tr("Kind"), idText(kind));
    add(Key::Model, tr("Model"), idText(model), model ? qs(*model) : QString(), kind && first.spec != nullptr,
        first.spec ? powerModelChoices(*resolved->catalog, first.spec->kind) : std::vector<Choice>{});
    double rating = 0;
    for (int i : set_.power) rating += L.power[static_cast<std::size_t>(i)].rating;
    const auto count = common(set_.power, [&](std::size_t i) { return std::to_string(L.power[i].units); });
    add(Key::Rating, tr("Rating"), bankRating(n == 1 ? first.units : 0, rating, first.model));
    add(Key::Units, tr("Units"), count ? QLocale().toString(first.units) : mixed(), count ? first.units : 0,
        first.kind != design::PowerKind::Grid && first.spec != nullptr, {},
        tr("Identical units in parallel in this node; the rating is units × the model's"));
    const auto redundancy =
        common(set_.power, [&](std::size_t i) { return std::string(design::toString(L.power[i].redundancy)); });
    if (first.kind != design::PowerKind::Grid) {
      add(Key::Redundancy, tr("Redundancy"), redundancy ? redundancyLabel(idText(redundancy)) : mixed(),
          redundancy ? qs(*redundancy) : QString(), true, redundancyChoices(),
          tr("What this node promises its children (2N: their two feeds are independent)"));
    }
    const auto feeds = common(set_.power, [&](std::size_t i) { return idList(L, L.power[i].fedBy, true); });
    if (first.kind != design::PowerKind::Grid) {
      add(Key::FedBy, tr("Fed by"),
          !feeds           ? mixed()
          : feeds->empty() ? tr("(a source)")
                           : qs(*feeds),
          feeds ? qs(*feeds) : QString(), true, {},
          tr("The power nodes upstream, separated by commas; in the 3D view, Wire (W) and drag onto them"));
    }
    if (n == 1) {
      add(Key::Utilisation, tr("Utilisation"),
          evaluated_.evaluation && evaluated_.design == resolved
              ? tr("%1 % at peak")
                    .arg(100 * evaluated_.evaluation->power.utilisation[static_cast<std::size_t>(set_.power[0])], 0,
                         'f', 1)
              : pendingText());
    }
  } else if (cooling) {
    const auto kind =
        common(set_.cooling, [&](std::size_t i) { return std::string(design::toString(L.cooling[i].kind)); });
    const auto model = common(set_.cooling, [&](std::size_t i) { return L.cooling[i].model; });
    const design::CoolingUnit& first = L.cooling[static_cast<std::size_t>(set_.cooling[0])];
    add(Key::Kind, tr("Kind"), idText(kind));
    add(Key::Model, tr("Model"), idText(model), model ? qs(*model) : QString(), kind && first.spec != nullptr,
        first.spec ? coolingModelChoices(*resolved->catalog, first.spec->kind) : std::vector<Choice>{});
    double capacity = 0;
    for (int i : set_.cooling) capacity += L.cooling[static_cast<std::size_t>(i)].capacity;
    const auto count = common(set_.cooling, [&](std::size_t i) { return std::to_string(L.cooling[i].units); });
    add(Key::Capacity, tr("Capacity"), bankRating(n == 1 ? first.units : 0, capacity, first.model));
    add(Key::Units, tr("Units"), count ? QLocale().toString(first.units) : mixed(), count ? first.units : 0,
        first.spec != nullptr, {}, tr("Identical units in parallel; the capacity is units × the model's"));
    const bool sinkKind = first.kind == design::CoolingKind::Cdu || first.kind == design::CoolingKind::AirHandler;
    const auto sinks = common(set_.cooling, [&](std::size_t i) { return idList(L, L.cooling[i].rejectsTo, false); });
    if (sinkKind || (sinks && !sinks->empty())) {
      add(Key::RejectsTo, tr("Rejects to"),
          !sinks           ? mixed()
          : sinks->empty() ? noneLabel()
                           : qs(*sinks),
          sinks ? qs(*sinks) : QString(), true, {},
          tr("Chillers, dry coolers or towers taking this unit's heat, separated by commas"));
    }
    const auto pumps = common(set_.cooling, [&](std::size_t i) { return idList(L, L.cooling[i].fedBy, true); });
    add(Key::FedBy, tr("Fed by"),
        !pumps           ? mixed()
        : pumps->empty() ? tr("(the facility)")
                         : qs(*pumps),
        pumps ? qs(*pumps) : QString(), true, {},
        tr("Power nodes feeding the pumps and fans, separated by commas (none: drawn at the sources)"));
    if (n == 1) {
      add(Key::Utilisation, tr("Utilisation"),
          evaluated_.evaluation && evaluated_.design == resolved
              ? tr("%1 %").arg(
                    100 * evaluated_.evaluation->cooling.unitUtilisation[static_cast<std::size_t>(set_.cooling[0])], 0,
                    'f', 1)
              : pendingText());
    }
  }
  addPlacement(true);
  if (n == 1) {
    const auto it = d.overrides.find(firstId);
    add(Key::Overrides, tr("Overrides"),
        it == d.overrides.end() ? tr("none (as its template)") : overriddenFields(it->second));
  }
}

int PropertiesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(props_.size());
}

int PropertiesModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertiesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Prop& p = props_[static_cast<std::size_t>(index.row())];
  if (role == KeyRole) return static_cast<int>(p.key);
  if (index.column() == Property) {
    if (role == Qt::DisplayRole) return p.name;
    if (role == Qt::ToolTipRole && !p.tip.isEmpty()) return p.tip;
    return {};
  }
  switch (role) {
    case Qt::DisplayRole:
      return p.text;
    case Qt::EditRole:
      return p.edit.isValid() ? p.edit : QVariant(p.text);
    case Qt::ToolTipRole:
      return p.tip.isEmpty() ? p.text : p.tip;
    case ChoicesRole: {
      if (p.choices.empty()) return {};
      QStringList values;
      for (const Choice& c : p.choices) values << c.value;
      return values;
    }
    case ChoiceLabelsRole: {
      if (p.choices.empty()) return {};
      QStringList labels;
      for (const Choice& c : p.choices) labels << c.label;
      return labels;
    }
    default:
      return {};
  }
}

Qt::ItemFlags PropertiesModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  if (index.column() == Value && props_[static_cast<std::size_t>(index.row())].editable) f |= Qt::ItemIsEditable;
  return f;
}

QVariant PropertiesModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == Property ? tr("Property") : tr("Value");
}

bool PropertiesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !index.isValid() || index.column() != Value || !(flags(index) & Qt::ItemIsEditable))
    return false;
  const Prop& p = props_[static_cast<std::size_t>(index.row())];
  if (value == p.edit) return false;  // unchanged: no empty undo step
  return apply(p.key, value);
}

bool PropertiesModel::apply(Key key, const QVariant& value) {
  const auto r = editor_.document().resolved();
  const std::string v = value.toString().toStdString();
  using editing::RackField;
  auto field = [&](RackField f, const QString& what) {
    return editor_.apply(tr("Set %1 to %2").arg(what, v.empty() ? noneLabel() : value.toString()),
                         editing::setRackField(*r, set_, f, v));
  };
  switch (key) {
    case Key::SiteName: {
      design::Design d = r->design;
      d.site.name = v;
      return editor_.apply(tr("Rename site"), {std::move(d), {}, {}});
    }
    case Key::Type:
      return field(RackField::Type, tr("type"));
    case Key::FeedA:
      return field(RackField::FeedA, tr("feed A"));
    case Key::FeedB:
      return field(RackField::FeedB, tr("feed B"));
    case Key::Cdu:
      return field(RackField::Cdu, tr("CDU"));
    case Key::AirHandler:
      return field(RackField::AirHandler, tr("air handler"));
    case Key::Model:
      return editor_.apply(tr("Set model to %1").arg(value.toString()), editing::setEquipmentModel(*r, set_, v));
    case Key::HallX:
    case Key::HallY:
    case Key::HallWidth:
    case Key::HallDepth:
    case Key::HallCount:
    case Key::HallStepX:
    case Key::HallStepY: {
      bool ok = false;
      const double number = value.toDouble(&ok);
      const auto it = r->layout.hallIndex.find(hall_.toStdString());
      if (!ok || !std::isfinite(number) || it == r->layout.hallIndex.end()) return false;
      const design::Hall& h = r->layout.halls[static_cast<std::size_t>(it->second)];
      if (key == Key::HallX || key == Key::HallY || key == Key::HallWidth || key == Key::HallDepth) {
        design::Vec2 origin = h.origin, size = h.size;
        (key == Key::HallX       ? origin.x
         : key == Key::HallY     ? origin.y
         : key == Key::HallWidth ? size.x
                                 : size.y) = number;
        return editor_.setHallGeometry(hall_, origin.x, origin.y, size.x, size.y);
      }
      const design::HallSpec& spec = r->design.halls[static_cast<std::size_t>(h.specIndex)];
      // A hall of its own repeats eastwards with a 20 m gap unless told otherwise.
      design::Vec2 step = spec.count > 1 ? spec.step : design::Vec2{h.size.x + 20, 0};
      int count = spec.count;
      if (key == Key::HallCount)
        count = static_cast<int>(std::lround(number));
      else
        (key == Key::HallStepX ? step.x : step.y) = number;
      return editor_.repeatHall(hall_, count, step.x, step.y);
    }
    case Key::X:
    case Key::Y: {
      bool ok = false;
      const double target = value.toDouble(&ok);
      const double now = props_[static_cast<std::size_t>(rowOf(key))].edit.toDouble();
      if (!ok || !std::isfinite(target)) return false;
      const design::Vec2 delta = key == Key::X ? design::Vec2{target - now, 0} : design::Vec2{0, target - now};
      return editor_.apply(tr("Move to %1 = %2 m").arg(key == Key::X ? "x" : "y").arg(target),
                           editing::moveObjects(*r, set_, delta));
    }
    case Key::Units: {
      bool ok = false;
      const int units = value.toInt(&ok);
      if (!ok) return false;
      return editor_.apply(tr("Set units to %1").arg(QLocale().toString(units)),
                           editing::setEquipmentUnits(*r, set_, units));
    }
    case Key::Redundancy: {
      design::Redundancy want = design::Redundancy::None;
      for (auto red : {design::Redundancy::None, design::Redundancy::NPlus1, design::Redundancy::TwoN}) {
        if (design::toString(red) == v) want = red;
      }
      return editor_.apply(tr("Set redundancy to %1").arg(value.toString()), editing::setRedundancy(*r, set_, want));
    }
    case Key::NetworkSwitch:
      return editor_.apply(tr("Set network switch to %1").arg(value.toString()),
                           editing::setNetworkField(*r, editing::NetworkField::Switch, v));
    case Key::Topology:
      return editor_.apply(tr("Set topology to %1").arg(value.toString()),
                           editing::setNetworkField(*r, editing::NetworkField::Topology, v));
    case Key::LeafPlacement:
      return editor_.apply(tr("Set leaf placement to %1").arg(value.toString()),
                           editing::setNetworkField(*r, editing::NetworkField::LeafPlacement, v));
    case Key::FedBy:
      return editor_.apply(tr("Set feeds to %1").arg(value.toString().isEmpty() ? noneLabel() : value.toString()),
                           editing::setPowerFeeds(*r, set_, splitIds(value.toString())));
    case Key::RejectsTo:
      return editor_.apply(tr("Set heat sinks to %1").arg(value.toString().isEmpty() ? noneLabel() : value.toString()),
                           editing::setHeatSinks(*r, set_, splitIds(value.toString())));
    case Key::Rotation: {
      bool ok = false;
      const double deg = value.toDouble(&ok);
      if (!ok || !std::isfinite(deg)) return false;
      return editor_.apply(tr("Set rotation to %1°").arg(deg), editing::setRotation(*r, set_, deg));
    }
    default:
      return false;
  }
}

}  // namespace gigaplan::app
