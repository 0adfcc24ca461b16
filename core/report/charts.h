// Vector charts for reports on the drawing display list: horizontal bar charts (step-time
// breakdown, utilisation per cooling loop) and single stacked bars with a limit line (memory per
// GPU against HBM, facility power against the grid). Values are SI; `scale` and `unit` say how the
// axis prints them.
//
//   ChartOptions o;  o.unit = "ms";  o.scale = 1e3;
//   Drawing d = report::barChart({{"forward", 1.2, paletteColor(0)}, {"backward", 2.4, paletteColor(1)}}, o);
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/report/drawing.h"

namespace gigaplan::report {

struct Bar {
  std::string label;
  double value = 0;  // SI
  Color color = kMuted;
  std::string valueText;  // printed after the bar (or in the legend); empty = the axis format
};

struct ChartOptions {
  double width = 515;
  std::string unit;         // axis unit, e.g. "ms", "GiB", "%"
  double scale = 1;         // SI value × scale = axis value
  double limit = 0;         // SI; > 0 draws a dashed limit line (HBM capacity, 100 %)
  std::string limitLabel;   // "HBM 192 GB"
  double labelWidth = 130;  // pt for bar labels (bar charts)
};

/// One horizontal bar per entry, with a value axis and grid lines.
Drawing barChart(const std::vector<Bar>& bars, const ChartOptions& options);

/// One horizontal bar split into `parts`, with a legend below (label and valueText per part).
Drawing stackedBar(const std::vector<Bar>& parts, const ChartOptions& options);

/// Axis ticks from 0 to at least `max`: about `target` steps of 1, 2 or 5 × 10^n.
std::vector<double> niceTicks(double max, int target = 5);

/// Ticks of the same steps covering [lo, hi] (lo may be above 0: a band of MW).
std::vector<double> niceRange(double lo, double hi, int target = 5);

/// Samples of values[first, first + count) to draw in `columns` columns: all of them when they fit,
/// else each column's lowest and highest sample in time order, so no peak is lost.
std::vector<std::size_t> envelope(const std::vector<double>& values, std::size_t first, std::size_t count,
                                  std::size_t columns);

/// One line of a time series chart: values (SI) sampled every `LineChartOptions::dx`.
struct Series {
  std::string label;
  const std::vector<double>* values = nullptr;
  Color color = kInk;
  double scale = 1;  // values × scale are drawn (state of charge as a share of the axis)
};

struct LineChartOptions {
  double width = 515, height = 170;
  std::size_t first = 0, count = 0;  // the samples drawn: [first, first + count)
  double dx = 1;                     // s between samples
  std::string unit = "MW";           // the value axis
  double scale = 1e-6;               // SI × scale = axis value
};

/// Lines over time, with value and time axes and a legend. A series longer than the plot has
/// points is drawn as its minimum and maximum per column, so no peak is lost.
Drawing lineChart(const std::vector<Series>& series, const LineChartOptions& options);

struct HeatMapOptions {
  double width = 515;
  std::string label;  // what the colours mean, before the legend's scale ("PUE")
  std::string unit;   // after each legend value ("MW"; empty for a ratio)
  double scale = 1;   // SI × scale = legend value
  int decimals = 2;   // legend values
};

/// Colour on the heat maps' sequential scale (dark blue, low, through teal and green to yellow,
/// high) for `t` in [0, 1]; kHeatSteps distinct colours.
inline constexpr int kHeatSteps = 9;
Color heatColor(double t);

/// A year of hourly values (8,760, from 1 January hour 1; fewer are drawn as far as they go) as a
/// day × hour map: the days of the year left to right under month ticks, the hours of the day top
/// to bottom, each cell coloured from the year's lowest value to its highest, with a legend.
Drawing heatMap(const std::vector<double>& hourly, const HeatMapOptions& options);

/// One panel of monthly columns: twelve values (SI), their unit and colour.
struct MonthlyPanel {
  std::string title;  // "Energy at the meter"
  std::array<double, 12> values{};
  std::string unit;  // "MWh"
  double scale = 1;  // SI × scale = axis value
  Color color = kInk;
};

/// Panels of twelve monthly columns side by side, each with its own axis.
Drawing monthlyColumns(const std::vector<MonthlyPanel>& panels, double width = 515);

/// One panel of a timeline: a value per step (SI) held from that step's date to the next.
struct TimelinePanel {
  std::string title;  // "GPUs"
  std::vector<double> values;
  std::string unit;  // "MW"; empty for a count
  double scale = 1;  // SI × scale = axis value
  Color color = kInk;
};

/// Panels side by side of values held as steps over time: step i from dates[i] to dates[i + 1]
/// (the last to `endDay`), in days since 1970-01-01; each step numbered, the years marked.
Drawing timelinePanels(const std::vector<TimelinePanel>& panels, const std::vector<int>& dates, int endDay,
                       double width = 515);

/// One input of a tornado chart: the outcome (SI) with the input at its low and at its high value.
struct TornadoInput {
  std::string label;
  double low = 0, high = 0;
};

/// A tornado: one row per input, as given (largest swing first), a bar from the nominal outcome
/// to the outcome at the input's low value (light) and one to its high value (dark), around a
/// line at the nominal.
Drawing tornadoChart(const std::vector<TornadoInput>& inputs, double nominal, const std::string& unit, double scale,
                     double width = 515);

}  // namespace gigaplan::report
