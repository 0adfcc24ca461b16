// The main window: the 3D site view in the middle with its editing tools, docks for the site
// tree, properties, metrics dashboard, job, catalog palette, findings and undo history, menus and
// toolbars from the action classes. It only wires parts together; behaviour lives in those parts.
#pragma once

#include <QMainWindow>
#include <memory>

#include "app/document/evaluation_runner.h"

class QDockWidget;
class QTimer;
class QLabel;
class QTreeView;

namespace gigaplan::widgets {
class SiteView;
class SelectTool;
class MoveTool;
class WireTool;
}  // namespace gigaplan::widgets

namespace gigaplan::app {

class Document;
class DesignEditor;
class DragMove;
class EditActions;
class FileActions;
class ReportActions;
class ViewActions;
class MetricsPanel;
class FindingsPanel;
class PhasesPanel;
class ComparePanel;
class PowerSwingsPanel;
class YearPanel;
class SiteTreeDock;
class HelpActions;
class PropertiesDock;
class JobPanel;
class CatalogPalette;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(Document& doc, QWidget* parent = nullptr);
  ~MainWindow() override;

  widgets::SiteView& siteView() { return *view_; }
  DesignEditor& editor() { return *editor_; }
  FileActions& fileActions() { return *fileActions_; }
  ReportActions& reportActions() { return *reportActions_; }
  ViewActions& viewActions() { return *viewActions_; }
  EditActions& editActions() { return *editActions_; }
  MetricsPanel& metrics() { return *metrics_; }
  QTreeView& findingsView();
  FindingsPanel& findingsPanel() { return *findings_; }
  SiteTreeDock& siteTree() { return *siteTree_; }
  PropertiesDock& properties() { return *properties_; }
  JobPanel& jobPanel() { return *job_; }
  PowerSwingsPanel& powerSwings() { return *swings_; }
  YearPanel& yearPanel() { return *year_; }
  PhasesPanel& phasesPanel() { return *phases_; }
  ComparePanel& comparePanel() { return *compare_; }
  CatalogPalette& palette() { return *palette_; }
  HelpActions& help() { return *helpActions_; }
  EvaluationRunner& evaluations() { return runner_; }
  /// Why the 3D view cannot draw here (no OpenGL: widgets::openGLProblem()), or empty when it can.
  /// Without OpenGL a message takes the view's place and the status bar says so; the view stays
  /// hidden (never drawn), so selection, the site tree and every other panel work as usual.
  const QString& viewUnavailable() const { return viewUnavailable_; }
  /// Puts the docks back where a new installation has them.
  void resetLayout();
  /// True when every shown panel is at least the size its content needs and the 3D view keeps
  /// kMinViewWidth × kMinViewHeight.
  bool panelsFit() const;
  static constexpr int kMinViewWidth = 360, kMinViewHeight = 240;

 signals:
  /// The dashboard shows this evaluation; after an edit, its numbers have been painted
  /// (benchmarks time edits to here).
  void metricsShown(const gigaplan::app::EvaluatedDesign& result);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  void buildDocks();
  QDockWidget* dock(const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area);
  void sizeDocks();
  void onDesignChanged();
  /// Brings the 3D view up to the current design (keeping camera and selection).
  void rebuildScene();
  void onEvaluated(const EvaluatedDesign& result);
  void applyColors();
  /// The core room the latest evaluation of the shown design places. While that evaluation is
  /// stale the room drawn stays (an edit seldom moves it), unless `freshDesign` (another file).
  void showCoreRoom(bool freshDesign = false);
  void applyTheme(const QString& name);
  void applyIcons();
  void updateTitle();
  void updateStatus();

  Document& doc_;
  widgets::SiteView* view_;
  DesignEditor* editor_;
  widgets::SelectTool* selectTool_;
  widgets::MoveTool* moveTool_;
  widgets::WireTool* wireTool_;
  DragMove* dragMove_;
  FileActions* fileActions_;
  ReportActions* reportActions_;
  ViewActions* viewActions_;
  EditActions* editActions_;
  MetricsPanel* metrics_;
  FindingsPanel* findings_;
  SiteTreeDock* siteTree_;
  PropertiesDock* properties_;
  JobPanel* job_;
  PowerSwingsPanel* swings_;
  YearPanel* year_;
  PhasesPanel* phases_;
  ComparePanel* compare_;
  CatalogPalette* palette_;
  HelpActions* helpActions_;
  QMenu* docksMenu_ = nullptr;
  QString viewUnavailable_;
  std::unique_ptr<widgets::SiteView> detachedView_;  // the view without OpenGL (see makeView)
  QLabel* selectionLabel_;
  QLabel* evaluationLabel_;
  EvaluationRunner runner_;
  QByteArray defaultState_;
  bool shown_ = false;  // the view has shown a design (so the next edit keeps the camera)
  bool freshDesign_ = false;
  bool siteWasEmpty_ = false;  // the scene last shown had nothing on the site
  bool sized_ = false;  // docks got their first sizes  // the next change replaces the design (open, new, recovery)
  // After an edit the dashboard goes first: the 3D view is rebuilt when the new metrics are on
  // screen, or after a short wait, so a slow 3D frame never holds the numbers back.
  bool sceneStale_ = false;
  QTimer* sceneTimer_;
  QStringList pendingSelection_;
  bool selectionPending_ = false;
};

}  // namespace gigaplan::app
