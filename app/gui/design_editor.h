// The one place GUI edits go through: turns an edit outcome (app/gui/editing) into an undoable
// Document command, reports refusals, and selects what an edit created. Also the edits of the
// Edit menu applied to the 3D view's selection, and the snapping grid.
//
//   DesignEditor editor(doc, view);
//   editor.apply(tr("Rotate"), editing::rotateObjects(*doc.resolved(), editor.selected()));
//   connect(&editor, &DesignEditor::message, statusBar(), ...);
#pragma once

#include <QObject>
#include <QPointF>
#include <QStringList>
#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "app/gui/editing/design_edits.h"

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class Document;

class DesignEditor : public QObject {
  Q_OBJECT
 public:
  DesignEditor(Document& doc, widgets::SiteView& view, QObject* parent = nullptr);

  Document& document() { return doc_; }
  widgets::SiteView& view() { return view_; }
  QStringList selectedIds() const;
  editing::ObjectSet selected() const;

  /// Pushes the outcome as one command named `text` (commands with the same non-negative
  /// `mergeKey` in a row merge). Refusals and load errors are announced through message().
  bool apply(const QString& text, editing::EditOutcome outcome, int mergeKey = -1);
  /// A merge key no earlier edit used (one per drag).
  int newMergeKey() { return ++mergeKey_; }

  /// Snapping grid for drags, metres (0 = off). Default 0.6 m, one rack width.
  double grid() const { return grid_; }
  void setGrid(double metres) { grid_ = metres; }

  bool rotateSelection();
  bool duplicateSelection();
  bool deleteSelection();
  bool clearSelectionOverrides();
  /// Adds a row to the hall of the selection (else the first hall).
  bool addRow(const QString& rackType, int racks);
  /// Adds one unit of catalog power or cooling gear in or next to the hall of the selection (else
  /// the first hall; see editing::addEquipment) and selects it.
  bool addEquipment(const QString& model);
  /// What dropping the objects `from` onto `to` would connect (editing::linkBetween), or why it
  /// would be refused: the link itself, then the rules every edit keeps (Document::check: a loop
  /// in the power graph, a source as a rack feed, a sink that is not one), then capacity (the
  /// engine's peak utilisation, editing::newOverload). The last answer is kept, so a cursor
  /// resting on one target costs one evaluation.
  editing::LinkOutcome previewLink(const QStringList& from, const QString& to, bool secondFeed);
  /// Makes that link as one undoable edit; a refusal is announced through message().
  bool connectLink(const QStringList& from, const QString& to, bool secondFeed);
  /// Removes the links from `from` to `to` as one undoable edit.
  bool disconnectLink(const QStringList& from, const QString& to);
  /// Adds an empty hall of `width` × `depth` m east of the others (editing::addHall); it becomes
  /// the hall rows and gear are added to until something else is selected.
  bool addHall(double width, double depth);
  /// What the Draw hall and Draw row modes make of a drag from `from` to `to` (floor, m).
  enum class Shape { Hall, Row, Measure };
  struct Sketch {
    std::vector<std::array<double, 2>> outline;  // closed, site coordinates
    bool allowed = false;
    QString message;  // what dropping would add, or why it would not
  };
  Sketch sketch(Shape shape, QPointF from, QPointF to) const;
  /// Adds the sketched hall or row (of drawRackType()) as one undoable edit; a measurement is
  /// announced through message() and changes nothing.
  bool draw(Shape shape, QPointF from, QPointF to);
  /// The rack type Draw row lays: the one chosen in the palette, else the design's most common,
  /// else the catalog's first.
  QString drawRackType() const;
  void setDrawRackType(const QString& id) { drawRackType_ = id; }

  /// Hall edits (editing::setHallGeometry, duplicateHall, deleteHall, breakOutHall) on the hall
  /// with this id, each one undoable command.
  bool setHallGeometry(const QString& hall, double x, double y, double width, double depth);
  bool duplicateHall(const QString& hall);
  bool deleteHall(const QString& hall);
  bool breakOutHall(const QString& hall);
  /// Sets how many halls the hall's template makes and their step (editing::repeatHall); the
  /// Properties panel keeps showing the hall under its new id.
  bool repeatHall(const QString& hall, int count, double stepX, double stepY);

  /// Adds a grid connection of `rating` W in the yard of the current hall.
  bool addGridConnection(double rating);
  /// The hall rows and gear go to when the selection names none (a hall picked in the site tree,
  /// or the one just added).
  void setWorkHall(const QString& id) { workHall_ = id; }
  /// Layout::halls index of the first selected object's hall, else the work hall, else 0 (-1
  /// without halls).
  int currentHall() const;
  /// Selects objects an edit created once the 3D view shows them (the window may redraw the
  /// site a moment after the edit; see MainWindow).
  void select(const QStringList& ids);
  /// Set by the window: selects `ids` as soon as the view shows the current design.
  void setSelectHook(std::function<void(const QStringList&)> hook) { selectHook_ = std::move(hook); }

 signals:
  /// Something to tell the planner (a refused edit, what an edit did).
  void message(const QString& text);
  /// An edit gave a hall a new id (a hall of its own that started repeating).
  void hallRenamed(const QString& from, const QString& to);

 private:
  QString describeSelection(const editing::ObjectSet& set) const;
  editing::ObjectSet objectsOf(const QStringList& ids) const;

  struct LinkPreview {
    std::shared_ptr<const design::ResolvedDesign> design;  // the design it was judged on
    QStringList from;
    QString to;
    bool secondFeed = false;
    editing::LinkOutcome outcome;
  };
  LinkPreview preview_;
  // The engine's answer for the current design, for capacity checks while wiring.
  std::shared_ptr<const design::ResolvedDesign> evaluatedDesign_;
  std::shared_ptr<const engine::Evaluation> evaluation_;

  Document& doc_;
  widgets::SiteView& view_;
  std::function<void(const QStringList&)> selectHook_;
  double grid_ = 0.6;
  QString workHall_;
  QString drawRackType_;
  int mergeKey_ = 1000;
};

}  // namespace gigaplan::app
