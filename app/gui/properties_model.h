// The properties of the selection as a two-column table (property, value): for racks their type,
// feeds, cooling, position, rotation and overrides; for equipment its model, place and ratings;
// with nothing selected, the site. Values shared by the whole selection show once, others as
// "(mixed)". Editing a value (setData) applies it to every selected object through DesignEditor,
// so each change is one undoable command; fields with a fixed set of values offer them in
// ChoicesRole (values) and ChoiceLabelsRole (labels) for a combo box.
//
//   PropertiesModel model(editor);
//   model.setSelection({"a-1", "a-2"});
//   model.setData(model.index(model.rowOf(PropertiesModel::Key::Type), 1), "dgx-h100-rack");
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "app/document/evaluation_runner.h"
#include "app/gui/choices.h"
#include "app/gui/editing/design_edits.h"

namespace gigaplan::app {

class DesignEditor;

class PropertiesModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Property, Value, ColumnCount };
  static constexpr int ChoicesRole = Qt::UserRole + 1;
  static constexpr int ChoiceLabelsRole = Qt::UserRole + 2;
  static constexpr int KeyRole = Qt::UserRole + 3;
  enum class Key {
    SiteName,
    SiteSize,
    Location,
    Ambient,
    Selection,
    Type,
    FeedA,
    FeedB,
    Cdu,
    AirHandler,
    Model,
    Kind,
    X,
    Y,
    Rotation,
    Hall,
    Row,
    Gpus,
    Power,
    Rating,
    Units,
    Capacity,
    FedBy,
    RejectsTo,
    Utilisation,
    Overrides,
    Redundancy,
    NetworkSwitch,
    Topology,
    LeafPlacement,
    HallX,
    HallY,
    HallWidth,
    HallDepth,
    HallTemplate,
    HallCount,
    HallStepX,
    HallStepY
  };

  explicit PropertiesModel(DesignEditor& editor, QObject* parent = nullptr);

  /// Shows the properties of these objects (ids as the 3D view reports them).
  void setSelection(const QStringList& ids);
  /// Shows a hall (picked in the site tree) until the selection changes: its corner and size,
  /// editable (every hall of its template moves and resizes with it), its template and contents.
  void setHall(const QString& id);
  /// Keeps showing a hall an edit renamed.
  void renameHall(const QString& from, const QString& to);
  /// Re-reads the document (after an edit, undo or open).
  void refresh();
  /// Utilisation figures when the evaluation is of the current design.
  void setEvaluation(const EvaluatedDesign& result);
  /// Table row of a property, -1 when the selection has none.
  int rowOf(Key key) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  struct Prop {
    Key key;
    QString name;
    QString text;   // shown
    QVariant edit;  // edited (double for numbers, value for choices)
    bool editable = false;
    std::vector<Choice> choices;
    QString tip;
  };
  void rebuild();
  bool selectsHallRacks(const QStringList& ids) const;  // exactly the racks of hall_
  void addSite();
  void addRacks();
  void addEquipment();
  void addPlacement(bool editable);
  void addHall(int hall);
  void add(Key key, const QString& name, const QString& text, QVariant edit = {}, bool editable = false,
           std::vector<Choice> choices = {}, const QString& tip = {});
  bool apply(Key key, const QVariant& value);

  DesignEditor& editor_;
  QStringList ids_;
  QString hall_;  // the hall shown, "" when the selection is shown
  editing::ObjectSet set_;
  EvaluatedDesign evaluated_;
  std::vector<Prop> props_;
};

}  // namespace gigaplan::app
