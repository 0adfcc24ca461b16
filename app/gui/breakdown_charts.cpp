// Power and step-time charts (see breakdown_charts.h).
#include "app/gui/breakdown_charts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>
#include <algorithm>

#include "app/gui/qt_text.h"
#include "core/units/units.h"

namespace gigaplan::app {
namespace {

void styleChart(QChart* chart, bool dark) {
  chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  QFont small = chart->legend()->font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  chart->legend()->setFont(small);
  chart->legend()->setMarkerShape(QLegend::MarkerShapeCircle);
  chart->setBackgroundRoundness(0);
  chart->setBackgroundVisible(false);  // blend with the dock
  chart->setMargins(QMargins(2, 2, 2, 2));
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->setAnimationOptions(QChart::NoAnimation);  // a drag re-evaluates many times a second
}

// One colour per meaning, the same in both themes.
const QColor kIt(0x4a, 0x9e, 0xe8), kNetwork(0x9b, 0x6c, 0xd6), kCooling(0x2e, 0xb8, 0xa6), kLosses(0xe8, 0x8a, 0x3c);

}  // namespace

PowerChart::PowerChart(QWidget* parent) : QChartView(parent), series_(new QPieSeries) {
  setRenderHint(QPainter::Antialiasing);
  auto* chart = new QChart;
  chart->addSeries(series_);
  chart->setTitle(tr("Facility power"));
  series_->setHoleSize(0.5);
  setChart(chart);
  styleChart(chart, true);
  setFixedHeight(190);
}

void PowerChart::show(const power::PowerResult& p) {
  series_->clear();
  const std::pair<QString, std::pair<double, QColor>> parts[] = {{tr("IT"), {p.it, kIt}},
                                                                 {tr("Network"), {p.network, kNetwork}},
                                                                 {tr("Cooling"), {p.cooling, kCooling}},
                                                                 {tr("Losses"), {p.losses, kLosses}}};
  for (const auto& [name, value] : parts) {
    auto* s = series_->append(QString("%1 %2").arg(name, watts(value.first)), std::max(0.0, value.first));
    s->setColor(value.second);
    s->setBorderColor(Qt::transparent);
    s->setProperty("part", name);
  }
  chart()->setTitle(tr("Facility power %1, PUE %2")
                        .arg(watts(p.facility))
                        .arg(p.pue > 0 ? QString::number(p.pue, 'f', 3) : QStringLiteral("—")));
}

double PowerChart::slice(const QString& name) const {
  for (QPieSlice* s : series_->slices()) {
    if (s->property("part").toString() == name) return s->value();
  }
  return -1;
}

void PowerChart::setDark(bool dark) {
  styleChart(chart(), dark);
  const QColor colours[] = {kIt, kNetwork, kCooling, kLosses};
  int i = 0;
  for (QPieSlice* s : series_->slices()) s->setColor(colours[i++ % 4]);
}

StepChart::StepChart(QWidget* parent)
    : QChartView(parent), series_(new QHorizontalBarSeries), names_(new QBarCategoryAxis), seconds_(new QValueAxis) {
  setRenderHint(QPainter::Antialiasing);
  auto* chart = new QChart;
  chart->addSeries(series_);
  chart->setTitle(tr("Training step"));
  names_->setTruncateLabels(false);  // a narrow dock must still say what each bar is
  chart->addAxis(names_, Qt::AlignLeft);
  series_->attachAxis(names_);
  seconds_->setLabelFormat("%.2f s");
  seconds_->setTickCount(4);
  chart->addAxis(seconds_, Qt::AlignBottom);
  series_->attachAxis(seconds_);
  series_->setBarWidth(0.75);
  setChart(chart);
  setDark(true);
  setFixedHeight(240);
}

void StepChart::show(const training::StepBreakdown& b) {
  series_->clear();
  names_->clear();
  if (b.total <= 0) {
    chart()->setTitle(tr("Training step: no estimate"));
    return;
  }
  // Top to bottom in the order a step spends them (a horizontal bar axis lists bottom-up).
  const std::pair<QString, double> parts[] = {{tr("optimizer"), b.optimizer},    {tr("DP comm"), b.dataParallel},
                                              {tr("PP p2p"), b.pipelineP2p},     {tr("bubble"), b.pipelineBubble},
                                              {tr("EP comm"), b.expertParallel}, {tr("CP comm"), b.contextParallel},
                                              {tr("TP comm"), b.tensorParallel}, {tr("recompute"), b.recompute},
                                              {tr("backward"), b.backward},      {tr("forward"), b.forward}};
  auto* set = new QBarSet(tr("seconds"));
  set->setColor(kIt);
  set->setBorderColor(Qt::transparent);
  double longest = 0;
  for (const auto& [name, seconds] : parts) {
    if (seconds <= 0) continue;
    names_->append(name);
    set->append(seconds);
    longest = std::max(longest, seconds);
  }
  series_->append(set);
  seconds_->setRange(0, longest * 1.05);
  chart()->setTitle(tr("Training step %1 s").arg(b.total, 0, 'f', 3));
}

int StepChart::parts() const {
  return series_->count() ? series_->barSets().front()->count() : 0;
}

void StepChart::setDark(bool dark) {
  styleChart(chart(), dark);
  QFont small = names_->labelsFont();
  small.setPointSizeF(QFont().pointSizeF() * 0.85);
  names_->setLabelsFont(small);
  seconds_->setLabelsFont(small);
  chart()->legend()->hide();
  for (QBarSet* set : series_->barSets()) set->setColor(kIt);
}

}  // namespace gigaplan::app
