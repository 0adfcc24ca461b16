// The catalog palette: rack types, power gear and cooling gear from the effective catalog, each
// with its key figures and source. A rack type can be added as a new row (or a single rack) in
// the selected hall at the first free place; power or cooling gear as one new unit in or next to
// the selected hall (editing::addEquipment); any entry can be applied to the selected objects of
// its kind (rack type to racks, model to power or cooling equipment). Above the catalog, a new
// empty hall of a given size and a grid connection of a given rating: what a site starts from.
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;
class QTreeWidget;

namespace gigaplan::app {

class DesignEditor;

class CatalogPalette : public QWidget {
  Q_OBJECT
 public:
  CatalogPalette(DesignEditor& editor, QWidget* parent = nullptr);

  QTreeWidget& tree() { return *tree_; }
  /// Selects the entry with this catalog id (for tests and shortcuts); false when absent.
  bool choose(const QString& id);
  /// Adds a row of the chosen rack type with the given number of racks.
  bool addRow(int racks);
  /// Adds one unit of the chosen power or cooling gear.
  bool addEquipment();

 private:
  void fill();
  void filter(const QString& text);
  void updateButtons();
  QString chosenId(int* group = nullptr) const;

  DesignEditor& editor_;
  QLineEdit* search_;
  QTreeWidget* tree_;
  QSpinBox* racks_;
  QPushButton *addRow_, *addRack_, *addGear_, *apply_;
  QDoubleSpinBox *hallWidth_, *hallDepth_, *gridRating_;
  QPushButton *addHall_, *addGrid_;
  const void* filledFrom_ = nullptr;
};

}  // namespace gigaplan::app
