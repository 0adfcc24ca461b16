// The design on screen against another one (core/report/comparison.h): one of its own variants
// (design::VariantSpec, merged over the design as it now stands, unsaved edits included) or another
// design file. Shows every headline figure that differs — this design, the other, the difference and
// the change — the findings only one of them has, and the objects added, removed or changed; and
// colours the 3D view by difference (ColorBy::Difference: what the other design changes, and what
// it lacks). Loaded and compared off the GUI thread, again after each evaluation.
//
//   ComparePanel panel(doc);
//   panel.showDesign(evaluated);          // the design on screen, after each evaluation
//   panel.compareWith({"gb300", true});   // its variant gb300; {"b.yaml", false}: another file
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <optional>

#include "app/document/evaluation_runner.h"
#include "core/report/comparison.h"
#include "widgets/scene/color_by.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace gigaplan::app {

class Document;

class ComparePanel : public QWidget {
  Q_OBJECT
 public:
  /// What the design on screen is compared with.
  struct Other {
    QString name;          // the variant's name, or the design file ("b.yaml", "b.yaml#v")
    bool variant = false;  // a variant of the design on screen
  };

  explicit ComparePanel(Document& doc, QWidget* parent = nullptr);
  ~ComparePanel() override;

  /// The latest evaluation of the design on screen: compared again when something is chosen.
  void showDesign(const EvaluatedDesign& evaluated);
  /// Compares with `other` from now on (the choice box follows).
  void compareWith(const Other& other);
  /// Asks for a design file and compares with it.
  void chooseFile();

  /// The comparison on screen (A: the design on screen), or null (none chosen, computing, failed).
  const report::Comparison* comparison() const { return result_ ? &*result_ : nullptr; }
  /// The other design, as loaded for the comparison on screen.
  std::shared_ptr<const report::LoadedDesign> other() const { return otherDesign_; }
  /// Per object of the design on screen, for ColorBy::Difference: 0 the same, 1 changed in the
  /// other design, 2 not in it. Without a comparison, no values (the view draws no-data grey).
  widgets::scene::ColorScalars differenceScalars(const design::Layout& layout) const;

  bool busy() const { return watcher_.isRunning(); }
  QComboBox& choice() { return *choice_; }
  QTableWidget& table() { return *table_; }
  QListWidget& findings() { return *findings_; }
  QListWidget& objects() { return *objects_; }
  /// The tabs: figures, findings, objects, each titled with its count of differences.
  QTabWidget& sections() { return *sections_; }
  static constexpr int kFiguresTab = 0, kFindingsTab = 1, kObjectsTab = 2;
  QCheckBox& onlyDifferences() { return *onlyDifferences_; }
  QPushButton& showInView() { return *showInView_; }
  QString message() const;

 signals:
  /// A comparison (or its failure) is on screen.
  void comparisonShown();
  /// The planner asked to see the differences in the 3D view.
  void showDifferencesRequested();
  /// The planner clicked an object in the lists.
  void objectChosen(const QString& id);

 private:
  struct Outcome {
    std::shared_ptr<const report::LoadedDesign> other;
    std::optional<report::Comparison> comparison;
    QString error;
  };

  void fillChoices();
  void start();
  void finished();
  void showComparison();

  Document& doc_;
  std::optional<EvaluatedDesign> current_;
  std::optional<Other> chosen_;
  bool stale_ = false;
  QFutureWatcher<Outcome> watcher_;
  std::optional<report::Comparison> result_;
  std::shared_ptr<const report::LoadedDesign> otherDesign_;
  // A design file loads once (a variant is merged again over each new state of the design).
  std::shared_ptr<const report::LoadedDesign> fileCache_;
  QString fileCacheName_;

  QLabel* message_;
  QComboBox* choice_;
  QCheckBox* onlyDifferences_;
  QPushButton* showInView_;
  QLabel* summary_;
  QTableWidget* table_;
  QLabel* findingsTitle_;
  QListWidget* findings_;
  QLabel* objectsTitle_;
  QListWidget* objects_;
  QTabWidget* sections_;
  /// "Objects (54)"; without a count (< 0) the name alone.
  static QString tabTitle(int tab, long long differences);
};

}  // namespace gigaplan::app
