// Bar charts on the display list (see charts.h).
#include "core/report/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/date.h"
#include "core/report/report_format.h"

namespace gigaplan::report {
namespace {

constexpr double kBarRow = 15;
constexpr double kValueRoom = 92;

// Tick labels with as few decimals as the step needs.
std::string tickText(double v, double step) {
  const int decimals = step >= 1 ? 0 : std::min(3, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  return fixed(v, decimals);
}

// Value axis along the bottom of the plot with vertical grid lines.
void drawAxis(Drawing& d, double x0, double x1, double top, double bottom, const std::vector<double>& ticks,
              const ChartOptions& o) {
  const double max = ticks.back();
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : max;
  for (double t : ticks) {
    const double x = x0 + (x1 - x0) * t / max;
    d.line({x, top}, {x, bottom}, Style::line(Color::rgb(0xdddddd), 0.4));
    d.text({x, bottom + 9}, tickText(t, step), {.size = 6.5, .anchor = Anchor::Middle, .color = kMuted});
  }
  d.line({x0, bottom}, {x1, bottom}, Style::line(kMuted, 0.6));
  if (!o.unit.empty()) d.text({x1, bottom + 18}, o.unit, {.size = 6.5, .anchor = Anchor::End, .color = kMuted});
}

void drawLimit(Drawing& d, double x, double top, double bottom, const std::string& label) {
  d.line({x, top - 2}, {x, bottom}, Style{kBad, kTransparent, 0.9, true});
  if (label.empty()) return;
  // Centred over the line unless that would run off the drawing's right edge.
  const bool fits = x + textWidth(label, 6.5) / 2 < d.width() - 2;
  d.text({fits ? x : d.width() - 2, top - 4}, label,
         {.size = 6.5, .anchor = fits ? Anchor::Middle : Anchor::End, .color = kBad});
}

}  // namespace

std::vector<double> niceTicks(double max, int target) {
  if (!(max > 0) || !std::isfinite(max)) return {0, 1};
  const double raw = max / std::max(1, target);
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * p;
  for (double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * p >= raw) {
      step = m * p;
      break;
    }
  }
  std::vector<double> ticks;
  for (int i = 0; ticks.empty() || ticks.back() < max * (1 - 1e-9); ++i) ticks.push_back(i * step);
  return ticks;
}

std::vector<double> niceRange(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (hi - lo <= std::max(std::abs(hi), 1.0) * 1e-9) {  // a flat line: a band around it
    const double pad = std::max(std::abs(hi) * 0.05, 1.0);
    lo -= pad, hi += pad;
  }
  const std::vector<double> unit = niceTicks(hi - lo, target);
  const double step = unit.size() > 1 ? unit[1] : hi - lo;
  std::vector<double> ticks;
  for (double t = std::floor(lo / step) * step; ticks.empty() || ticks.back() < hi - step * 1e-9; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

std::vector<std::size_t> envelope(const std::vector<double>& values, std::size_t first, std::size_t count,
                                  std::size_t columns) {
  std::vector<std::size_t> out;
  const std::size_t end = std::min(values.size(), first + count);
  if (first >= end) return out;
  const std::size_t n = end - first;
  columns = std::max<std::size_t>(1, columns);
  if (n <= 2 * columns) {
    for (std::size_t i = first; i < end; ++i) out.push_back(i);
    return out;
  }
  out.reserve(2 * columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const std::size_t a = first + n * c / columns, b = first + n * (c + 1) / columns;
    std::size_t lowAt = a, highAt = a;
    for (std::size_t i = a; i < b; ++i) {
      if (values[i] < values[lowAt]) lowAt = i;
      if (values[i] > values[highAt]) highAt = i;
    }
    out.push_back(std::min(lowAt, highAt));
    if (lowAt != highAt) out.push_back(std::max(lowAt, highAt));
  }
  return out;
}

namespace {

// "0:30", "1:00:00": time labels on a time axis of seconds.
std::string clockText(double seconds) {
  const long s = std::lround(seconds);
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

Drawing lineChart(const std::vector<Series>& series, const LineChartOptions& o) {
  constexpr double kLegend = 14, kAxisLabels = 16, kValueLabels = 40;
  Drawing d(o.width, o.height);
  const double left = kValueLabels, right = o.width - 6, top = kLegend + 4, bottom = o.height - kAxisLabels;
  double lo = INFINITY, hi = -INFINITY;
  for (const Series& s : series) {
    if (!s.values) continue;
    const std::size_t end = std::min(s.values->size(), o.first + o.count);
    for (std::size_t i = o.first; i < end; ++i) {
      lo = std::min(lo, (*s.values)[i] * s.scale * o.scale);
      hi = std::max(hi, (*s.values)[i] * s.scale * o.scale);
    }
  }
  if (!(lo <= hi)) lo = 0, hi = 1;
  const std::vector<double> ticks = niceRange(lo, hi, 4);
  const double y0 = ticks.front(), y1 = ticks.back();
  auto yAt = [&](double v) { return bottom - (bottom - top) * (v - y0) / (y1 - y0); };
  const double yStep = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  for (double t : ticks) {
    d.line({left, yAt(t)}, {right, yAt(t)}, Style::line(kRule, 0.3));
    d.text({left - 3, yAt(t) + 2.5}, tickText(t, yStep) + " " + o.unit,
           {.size = 6.5, .anchor = Anchor::End, .color = kMuted});
  }
  // Time axis: about six labels on a clock's steps (10 s, 1 min, 10 min …), at whole multiples.
  const double span = static_cast<double>(o.count) * o.dx;
  const double t0 = static_cast<double>(o.first) * o.dx;
  double step = 43200;
  for (double candidate :
       {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 21600.0}) {
    if (candidate * 6 >= span) {
      step = candidate;
      break;
    }
  }
  for (double t = std::ceil(t0 / step - 1e-9) * step; t <= t0 + span * (1 + 1e-9); t += step) {
    const double x = left + (right - left) * (t - t0) / std::max(span, 1e-9);
    d.line({x, bottom}, {x, bottom + 3}, Style::line(kMuted, 0.5));
    // Centred on its tick, or ending there where centred it would run off the drawing.
    const std::string label = clockText(t);
    const bool atEdge = x + textWidth(label, 6.5) / 2 > o.width;
    d.text({x, bottom + 11}, label, {.size = 6.5, .anchor = atEdge ? Anchor::End : Anchor::Middle, .color = kMuted});
  }
  d.line({left, bottom}, {right, bottom}, Style::line(kMuted, 0.5));
  // Lines: one point per sample, or each column's lowest and highest sample in time order.
  const std::size_t columns = static_cast<std::size_t>(std::max(1.0, right - left));  // two samples each
  double legendX = left;
  for (const Series& s : series) {
    if (!s.values || s.values->size() <= o.first) continue;
    const std::size_t end = std::min(s.values->size(), o.first + o.count);
    std::vector<Point> points;
    auto xAt = [&](std::size_t i) {
      return left + (right - left) * static_cast<double>(i - o.first) /
                        static_cast<double>(std::max<std::size_t>(1, o.count - 1));
    };
    for (std::size_t i : envelope(*s.values, o.first, end - o.first, columns))
      points.push_back({xAt(i), yAt((*s.values)[i] * s.scale * o.scale)});
    // Earlier series a little wider, so a later one drawn over the same values leaves them showing.
    const double width = 0.8 + 0.6 * static_cast<double>(series.size() - 1 - (&s - series.data()));
    d.polygon(std::move(points), Style::line(s.color, width), false);
    d.line({legendX, 7}, {legendX + 12, 7}, Style::line(s.color, 1.5));
    d.text({legendX + 15, 9.5}, s.label, {.size = 7});
    legendX += 15 + textWidth(s.label, 7) + 14;
  }
  return d;
}

Drawing barChart(const std::vector<Bar>& bars, const ChartOptions& o) {
  const double top = o.limit > 0 && !o.limitLabel.empty() ? 14 : 6;
  const double bottom = top + kBarRow * static_cast<double>(bars.size()) + 4;
  Drawing d(o.width, bottom + 22);
  double max = o.limit;
  for (const auto& b : bars) max = std::max(max, b.value);
  const std::vector<double> ticks = niceTicks(max * o.scale);
  const double axisMax = ticks.back() / o.scale;
  const double x0 = o.labelWidth + 6, x1 = o.width - kValueRoom;
  drawAxis(d, x0, x1, top, bottom, ticks, o);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = top + 2 + kBarRow * static_cast<double>(i);
    d.text({o.labelWidth, y + 9}, elide(b.label, 7, o.labelWidth - 4), {.size = 7, .anchor = Anchor::End});
    const double w = (x1 - x0) * std::clamp(b.value / axisMax, 0.0, 1.0);
    d.rect({x0, y + 1.5, std::max(w, 0.5), kBarRow - 4}, Style::filled(b.color));
    const std::string text = b.valueText.empty() ? fixed(b.value * o.scale, 2) + " " + o.unit : b.valueText;
    if (x0 + w + 6 + textWidth(text, 6.5) > x1 + kValueRoom - 2 || w > (x1 - x0) * 0.8) {
      d.text({x0 + w - 4, y + 9}, text, {.size = 6.5, .anchor = Anchor::End, .color = kWhite});  // inside a long bar
    } else {
      d.text({x0 + w + 4, y + 9}, text, {.size = 6.5, .color = kInk});
    }
  }
  if (o.limit > 0) drawLimit(d, x0 + (x1 - x0) * o.limit / axisMax, top, bottom, o.limitLabel);
  return d;
}

Drawing stackedBar(const std::vector<Bar>& parts, const ChartOptions& o) {
  const double top = 16, barH = 20;
  double total = 0;
  for (const auto& p : parts) total += std::max(0.0, p.value);
  const std::vector<double> ticks = niceTicks(std::max(total, o.limit) * o.scale);
  const double axisMax = ticks.back() / o.scale;
  const double x0 = 8, x1 = o.width - 12;
  const double bottom = top + barH + 6;
  Drawing d(o.width, bottom + 30);
  drawAxis(d, x0, x1, top, bottom, ticks, o);
  double x = x0;
  for (const auto& p : parts) {
    const double w = (x1 - x0) * std::max(0.0, p.value) / axisMax;
    d.rect({x, top + 3, w, barH}, Style::outlined(p.color, kWhite, 0.5));
    x += w;
  }
  if (o.limit > 0) drawLimit(d, x0 + (x1 - x0) * o.limit / axisMax, top, bottom, o.limitLabel);
  // Legend: swatch, label, value, flowing onto more lines as needed.
  double lx = x0, ly = bottom + 30;
  for (const auto& p : parts) {
    const std::string text =
        p.label + " " + (p.valueText.empty() ? fixed(p.value * o.scale, 1) + " " + o.unit : p.valueText);
    const double w = 12 + textWidth(text, 7) + 12;
    if (lx + w > o.width && lx > x0) lx = x0, ly += 12;
    d.rect({lx, ly - 7, 8, 8}, Style::filled(p.color));
    d.text({lx + 11, ly}, text, {.size = 7});
    lx += w;
  }
  d.setHeight(ly + 6);
  return d;
}

Color heatColor(double t) {
  // Nine steps after the viridis scale (perceptually uniform, readable in grey and by the colour
  // blind): van der Walt and Smith, matplotlib, 2015.
  static constexpr std::array<std::uint32_t, kHeatSteps> kSteps = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
                                                                   0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
  const int i = std::clamp(static_cast<int>(std::floor(t * kHeatSteps)), 0, kHeatSteps - 1);
  return Color::rgb(kSteps[static_cast<std::size_t>(i)]);
}

namespace {

constexpr const char* kMonthInitials[12] = {"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"};
constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

}  // namespace

Drawing heatMap(const std::vector<double>& hourly, const HeatMapOptions& o) {
  constexpr double kLeft = 30, kTop = 4, kCell = 5, kLegend = 150;
  const double right = o.width - kLegend - 8, bottom = kTop + 24 * kCell;
  Drawing d(o.width, bottom + 22);
  const std::size_t days = std::min<std::size_t>(365, (hourly.size() + 23) / 24);
  if (days == 0) return d;
  double lo = INFINITY, hi = -INFINITY;
  for (double v : hourly) lo = std::min(lo, v), hi = std::max(hi, v);
  const double span = hi - lo;
  auto step = [&](double v) {
    return span > 0 ? std::clamp(static_cast<int>(std::floor((v - lo) / span * kHeatSteps)), 0, kHeatSteps - 1) : 0;
  };
  const double dayWidth = (right - kLeft) / 365;
  // One rectangle per run of hours in a day on the same colour step; a hair wider than a day so
  // that neighbouring days leave no seam.
  for (std::size_t day = 0; day < days; ++day) {
    const double x = kLeft + dayWidth * static_cast<double>(day);
    std::size_t hour = 0;
    while (hour < 24 && day * 24 + hour < hourly.size()) {
      const int c = step(hourly[day * 24 + hour]);
      std::size_t end = hour + 1;
      while (end < 24 && day * 24 + end < hourly.size() && step(hourly[day * 24 + end]) == c) ++end;
      d.rect({x, kTop + kCell * static_cast<double>(hour), dayWidth + 0.25, kCell * static_cast<double>(end - hour)},
             Style::filled(heatColor((c + 0.5) / kHeatSteps)));
      hour = end;
    }
  }
  // Hours of the day (hour 1 is 00:00-01:00) and months.
  for (int h : {0, 6, 12, 18, 24}) {
    const double y = kTop + kCell * h;
    d.line({kLeft - 3, y}, {kLeft, y}, Style::line(kMuted, 0.5));
    d.text({kLeft - 5, y + 2.3}, (h < 10 ? "0" : "") + std::to_string(h) + ":00",
           {.size = 6, .anchor = Anchor::End, .color = kMuted});
  }
  int first = 0;
  for (int m = 0; m < 12; ++m) {
    const double x = kLeft + dayWidth * first;
    d.line({x, bottom}, {x, bottom + 3}, Style::line(kMuted, 0.5));
    d.text({x + dayWidth * kMonthDays[m] / 2, bottom + 10}, kMonthInitials[m],
           {.size = 6.5, .anchor = Anchor::Middle, .color = kMuted});
    first += kMonthDays[m];
  }
  d.rect({kLeft, kTop, right - kLeft, bottom - kTop}, Style::line(kMuted, 0.4));
  // Legend: the steps from low to high with the year's range.
  const double lx = right + 14, lw = kLegend - 20;
  d.text({lx, kTop + 8}, o.label, {.size = 7, .bold = true});
  for (int i = 0; i < kHeatSteps; ++i)
    d.rect({lx + lw * i / kHeatSteps, kTop + 14, lw / kHeatSteps + 0.25, 10},
           Style::filled(heatColor((i + 0.5) / kHeatSteps)));
  auto value = [&](double v) { return fixed(v * o.scale, o.decimals) + (o.unit.empty() ? "" : " " + o.unit); };
  d.text({lx, kTop + 33}, value(lo), {.size = 6.5, .color = kMuted});
  d.text({lx + lw, kTop + 33}, value(hi), {.size = 6.5, .anchor = Anchor::End, .color = kMuted});
  d.text({lx, kTop + 46}, "lowest to highest hour", {.size = 6, .color = kMuted});
  return d;
}

namespace {

// A small panel's value axis from 0 up to at least `max`: grid lines and labels at nice ticks, with
// as many decimals as the step needs. Returns the axis' top value.
double panelAxis(Drawing& d, double left, double right, double top, double bottom, double max) {
  const std::vector<double> ticks = niceTicks(max, 4);
  const double axisMax = std::max(ticks.back(), 1e-12);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  for (double t : ticks) {
    const double y = bottom - (bottom - top) * t / axisMax;
    d.line({left, y}, {right, y}, Style::line(kRule, 0.3));
    d.text({left - 3, y + 2.3}, fixed(t, decimals), {.size = 6, .anchor = Anchor::End, .color = kMuted});
  }
  return axisMax;
}

}  // namespace

Drawing monthlyColumns(const std::vector<MonthlyPanel>& panels, double width) {
  constexpr double kTitle = 12, kAxis = 34, kHeight = 130, kGap = 10;
  Drawing d(width, kHeight);
  if (panels.empty()) return d;
  const double panelWidth =
      (width - kGap * static_cast<double>(panels.size() - 1)) / static_cast<double>(panels.size());
  const double top = kTitle + 6, bottom = kHeight - 14;
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const MonthlyPanel& panel = panels[p];
    const double x0 = (panelWidth + kGap) * static_cast<double>(p), left = x0 + kAxis, right = x0 + panelWidth;
    d.text({x0, kTitle - 3}, panel.title + " (" + panel.unit + ")", {.size = 7, .bold = true});
    double max = 0;
    for (double v : panel.values) max = std::max(max, v * panel.scale);
    const double axisMax = panelAxis(d, left, right, top, bottom, max);
    auto yAt = [&](double v) { return bottom - (bottom - top) * v / axisMax; };
    const double column = (right - left) / 12;
    for (int m = 0; m < 12; ++m) {
      const double v = std::max(0.0, panel.values[static_cast<std::size_t>(m)] * panel.scale);
      const double x = left + column * m;
      d.rect({x + column * 0.15, yAt(v), column * 0.7, bottom - yAt(v)}, Style::filled(panel.color));
      d.text({x + column / 2, bottom + 9}, kMonthInitials[m], {.size = 6, .anchor = Anchor::Middle, .color = kMuted});
    }
    d.line({left, bottom}, {right, bottom}, Style::line(kMuted, 0.5));
  }
  return d;
}

Drawing timelinePanels(const std::vector<TimelinePanel>& panels, const std::vector<int>& dates, int endDay,
                       double width) {
  constexpr double kTitle = 12, kAxis = 34, kHeight = 130, kGap = 10;
  Drawing d(width, kHeight);
  if (panels.empty() || dates.empty() || endDay <= dates.front()) return d;
  const double panelWidth =
      (width - kGap * static_cast<double>(panels.size() - 1)) / static_cast<double>(panels.size());
  const double top = kTitle + 6, bottom = kHeight - 14;
  const double span = static_cast<double>(endDay - dates.front());
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const TimelinePanel& panel = panels[p];
    const double x0 = (panelWidth + kGap) * static_cast<double>(p), left = x0 + kAxis, right = x0 + panelWidth;
    const auto xAt = [&](int day) { return left + (right - left) * static_cast<double>(day - dates.front()) / span; };
    d.text({x0, kTitle - 3}, panel.title + (panel.unit.empty() ? "" : " (" + panel.unit + ")"),
           {.size = 7, .bold = true});
    double max = 0;
    for (double v : panel.values) max = std::max(max, v * panel.scale);
    const double axisMax = panelAxis(d, left, right, top, bottom, max);
    auto yAt = [&](double v) { return bottom - (bottom - top) * v / axisMax; };
    for (std::size_t i = 0; i < dates.size() && i < panel.values.size(); ++i) {
      const double xa = xAt(dates[i]), xb = xAt(i + 1 < dates.size() ? dates[i + 1] : endDay);
      const double v = std::max(0.0, panel.values[i] * panel.scale);
      d.rect({xa, yAt(v), xb - xa, bottom - yAt(v)}, Style::filled(lighter(panel.color, 0.55)));
      d.line({xa, yAt(v)}, {xb, yAt(v)}, Style::line(panel.color, 1.2));
      if (i > 0)
        d.line({xa, yAt(std::max(0.0, panel.values[i - 1] * panel.scale))}, {xa, yAt(v)},
               Style::line(panel.color, 1.2));
      if (xb - xa >= 8)
        d.text({(xa + xb) / 2, bottom - 3}, std::to_string(i + 1),
               {.size = 6, .anchor = Anchor::Middle, .color = kInk});
    }
    d.line({left, bottom}, {right, bottom}, Style::line(kMuted, 0.5));
    // Years: the first at the axis start, then a tick at each 1 January inside the span.
    const int firstYear = base::yearOf(dates.front()), lastYear = base::yearOf(endDay);
    d.text({left, bottom + 10}, std::to_string(firstYear), {.size = 6, .anchor = Anchor::Start, .color = kMuted});
    for (int year = firstYear + 1; year <= lastYear; ++year) {
      const std::optional<int> jan1 = base::parseDate(std::to_string(year) + "-01-01");
      if (!jan1 || *jan1 < dates.front() || *jan1 > endDay) continue;
      const double x = xAt(*jan1);
      d.line({x, bottom}, {x, bottom + 3}, Style::line(kMuted, 0.5));
      if (right - x >= 12 && x - left >= 24)
        d.text({x, bottom + 10}, std::to_string(year), {.size = 6, .anchor = Anchor::Middle, .color = kMuted});
    }
  }
  return d;
}

Drawing tornadoChart(const std::vector<TornadoInput>& inputs, double nominal, const std::string& unit, double scale,
                     double width) {
  constexpr double kLabel = 220, kRow = 14, kTop = 6, kAxis = 22;
  const double height = kTop + kRow * static_cast<double>(inputs.size()) + kAxis;
  Drawing d(width, height);
  if (inputs.empty()) return d;
  double lo = nominal * scale, hi = nominal * scale;
  for (const TornadoInput& in : inputs) {
    lo = std::min({lo, in.low * scale, in.high * scale});
    hi = std::max({hi, in.low * scale, in.high * scale});
  }
  if (!(hi > lo)) hi = lo + std::max(1e-9, std::abs(lo) * 0.01);
  const std::vector<double> ticks = niceRange(lo, hi, 5);
  const double axisLo = ticks.front(), axisHi = std::max(ticks.back(), axisLo + 1e-12);
  const double left = kLabel, right = width - 10, bottom = kTop + kRow * static_cast<double>(inputs.size());
  const auto xAt = [&](double v) { return left + (right - left) * (v - axisLo) / (axisHi - axisLo); };
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  for (double t : ticks) {
    d.line({xAt(t), kTop}, {xAt(t), bottom}, Style::line(kRule, 0.3));
    d.text({xAt(t), bottom + 10}, fixed(t, decimals), {.size = 6, .anchor = Anchor::Middle, .color = kMuted});
  }
  d.text({right, bottom + 19}, unit, {.size = 6, .anchor = Anchor::End, .color = kMuted});
  const Color dark = paletteColor(0), light = lighter(dark, 0.55);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const TornadoInput& in = inputs[i];
    const double y = kTop + kRow * static_cast<double>(i);
    d.text({left - 4, y + kRow * 0.65}, in.label, {.size = 6.5, .anchor = Anchor::End});
    const double x0 = xAt(nominal * scale);
    for (const auto& [value, colour] : {std::pair{in.low, light}, std::pair{in.high, dark}}) {
      const double x = xAt(value * scale);
      d.rect({std::min(x0, x), y + 2, std::abs(x - x0), kRow - 4}, Style::filled(colour));
    }
  }
  d.line({xAt(nominal * scale), kTop - 2}, {xAt(nominal * scale), bottom + 2}, Style::line(kInk, 0.8));
  return d;
}

}  // namespace gigaplan::report
