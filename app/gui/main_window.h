// The main window: the 3D site view in the middle, docks for metrics and findings, menus from the
// action classes. It only wires parts together; behaviour lives in those parts.
#pragma once

#include <QMainWindow>
#include <memory>

#include "app/document/evaluation_runner.h"

class QLabel;
class QTableView;
class QSortFilterProxyModel;

namespace gigaplan::widgets {
class SiteView;
}

namespace gigaplan::app {

class Document;
class FileActions;
class ViewActions;
class MetricsPanel;
class FindingsModel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(Document& doc, QWidget* parent = nullptr);
  ~MainWindow() override;

  widgets::SiteView& siteView() { return *view_; }
  FileActions& fileActions() { return *fileActions_; }
  ViewActions& viewActions() { return *viewActions_; }
  MetricsPanel& metrics() { return *metrics_; }
  QTableView& findingsView() { return *findingsView_; }
  EvaluationRunner& evaluations() { return runner_; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  void buildDocks();
  void onDesignChanged();
  void onEvaluated(const EvaluatedDesign& result);
  void applyColors();
  void updateTitle();

  Document& doc_;
  widgets::SiteView* view_;
  FileActions* fileActions_;
  ViewActions* viewActions_;
  MetricsPanel* metrics_;
  FindingsModel* findings_;
  QSortFilterProxyModel* findingsSorted_;
  QTableView* findingsView_;
  QLabel* status_;
  EvaluationRunner runner_;
  const void* shownLayout_ = nullptr;  // the layout the view was last built from
};

}  // namespace gigaplan::app
