// The design through a year of weather (core/annual): the report's annual figures and its charts —
// PUE as a day × hour heat map, the IT throttled when the plant cannot reject the heat, energy,
// water and carbon by month — drawn by the report's own drawing code on a white card, so the
// panel and the report show the same thing. Made off the GUI thread after each evaluation while
// the panel is on screen (setOnScreen). A design without a weather file gets a button to choose
// one (site.weather, one undo step).
//
//   YearPanel panel(editor);
//   panel.showDesign(evaluated, jobDays);   // jobDays: the design's job without weather throttling, if any
//   panel.setWeatherFile("resources/weather/chicago.epw");
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "app/document/evaluation_runner.h"
#include "core/annual/year.h"
#include "core/report/report_document.h"

class QLabel;
class QPushButton;
class QScrollArea;

namespace gigaplan::app {

class DesignEditor;

/// Figures of the report's display list painted one under another, scaled to the widget's width.
class FigureView : public QWidget {
  Q_OBJECT
 public:
  explicit FigureView(QWidget* parent = nullptr);
  void setFigures(std::vector<report::Figure> figures);
  const std::vector<report::Figure>& figures() const { return figures_; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<report::Figure> figures_;
};

class YearPanel : public QWidget {
  Q_OBJECT
 public:
  explicit YearPanel(DesignEditor& editor, QWidget* parent = nullptr);
  ~YearPanel() override;

  /// The latest evaluation; the year is made again (now, or once the panel is on screen).
  void showDesign(const EvaluatedDesign& evaluated, std::optional<double> jobDays);
  /// Whether the panel is on screen (its dock's tab selected): the year is made only then.
  void setOnScreen(bool onScreen);
  /// Names `path` as the design's weather file (relative to the design file when it has one):
  /// one undo step. False, with the reason in the status, when the edit is refused.
  bool setWeatherFile(const QString& path);
  /// Names `path` as the grid's hourly carbon file (site.grid_carbon_hourly, replacing a constant
  /// grid_carbon), the same way: one undo step.
  bool setGridCarbonFile(const QString& path);

  /// For tests: the year on screen (none without weather, while computing, or when it failed).
  const annual::YearResult* year() const { return year_ ? &*year_ : nullptr; }
  bool busy() const { return watcher_.isRunning(); }
  QString summary() const;
  QString message() const;
  FigureView& figureView() { return *figures_; }

 signals:
  void yearShown();

 private:
  struct Made {
    std::optional<annual::YearResult> year;
    std::string error;  // the weather file could not be read (file:line:column …)
    report::Section section;
  };
  void start();
  void finished();
  void chooseWeather();
  void chooseGridCarbon();
  /// `path` as the design stores it: relative to the file the design was read from, if any.
  QString besideDesign(const QString& path) const;

  DesignEditor& editor_;
  std::optional<EvaluatedDesign> request_;  // the latest design that names a weather file
  std::optional<double> jobDays_;
  bool stale_ = false, onScreen_ = false;
  QFutureWatcher<Made> watcher_;
  std::optional<annual::YearResult> year_;

  QLabel* message_;
  QPushButton* choose_;
  QPushButton* carbon_;
  QLabel* summary_;
  FigureView* figures_;
  QScrollArea* scroll_;
};

}  // namespace gigaplan::app
