// The power swings chart (see power_swings_panel.h).
#include "app/gui/power_swings_panel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>

#include "app/gui/qt_text.h"
#include "core/report/charts.h"
#include "core/report/power_swings.h"
#include "core/report/report_extras.h"
#include "core/units/units.h"

namespace gigaplan::app {
namespace {

// The same meanings as the report's chart: sources, grid meter, state of charge.
const QColor kSite(0x4a, 0x9e, 0xe8), kGrid(0xe8, 0x8a, 0x3c), kCharge(0x2e, 0xb8, 0xa6);

QLineSeries* line(const QString& name, const QColor& colour, qreal width) {
  auto* s = new QLineSeries;
  s->setName(name);
  QPen pen(colour);
  pen.setWidthF(width);
  s->setPen(pen);
  return s;
}

}  // namespace

PowerSwingsPanel::PowerSwingsPanel(QWidget* parent)
    : QWidget(parent),
      figures_(new QLabel(this)),
      message_(new QLabel(this)),
      view_(new QChartView(this)),
      chart_(new QChart),
      site_(line(tr("at the sources"), kSite, 2.2)),
      grid_(line(tr("at the grid meter"), kGrid, 1.2)),
      charge_(line(tr("battery charge"), kCharge, 1.2)),
      time_(new QValueAxis),
      power_(new QValueAxis),
      percent_(new QValueAxis),
      refill_(new QTimer(this)) {
  setObjectName("powerSwings");
  figures_->setObjectName("powerSwingsFigures");
  figures_->setWordWrap(true);
  figures_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->setObjectName("powerSwingsMessage");
  message_->setWordWrap(true);
  message_->setText(tr("The power swings of the design's training job show here once it is evaluated."));

  chart_->addSeries(site_);
  chart_->addSeries(grid_);
  chart_->addSeries(charge_);
  chart_->addAxis(time_, Qt::AlignBottom);
  chart_->addAxis(power_, Qt::AlignLeft);
  chart_->addAxis(percent_, Qt::AlignRight);
  for (QLineSeries* s : {site_, grid_}) s->attachAxis(time_), s->attachAxis(power_);
  charge_->attachAxis(time_);
  charge_->attachAxis(percent_);
  time_->setTitleText(tr("time since the record starts (s)"));
  time_->setLabelFormat("%.0f");
  power_->setTitleText(tr("MW"));
  power_->setLabelFormat("%.2f");
  percent_->setRange(0, 100);
  percent_->setLabelFormat("%.0f %%");  // no title: the figures' key names the line
  chart_->setMargins(QMargins(2, 2, 2, 2));
  QFont small = font();  // axis text a size smaller, for a low dock
  small.setPointSizeF(small.pointSizeF() * 0.85);
  for (QValueAxis* a : {time_, power_, percent_}) a->setLabelsFont(small), a->setTitleFont(small);
  power_->setTickCount(4);
  chart_->setBackgroundRoundness(0);
  chart_->setAnimationOptions(QChart::NoAnimation);
  chart_->legend()->hide();  // the key is in the figures, in the lines' colours
  view_->setObjectName("powerSwingsChart");
  view_->setChart(chart_);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setRubberBand(QChartView::HorizontalRubberBand);  // drag across to zoom; right-click zooms out
  view_->setMinimumSize(240, 140);
  view_->setToolTip(tr("Drag across the chart to zoom in on a stretch of time; right-click to zoom out"));

  // Figures, the spans and the key in a column beside the chart, so that the chart keeps its
  // height in a low bottom dock (1366 × 768).
  auto* buttons = new QHBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->setSpacing(2);
  const std::pair<QString, double> spans[] = {
      {tr("Step"), 0}, {tr("1 min"), 60}, {tr("10 min"), 600}, {tr("Hour"), 3600}};
  for (const auto& [text, seconds] : spans) {
    auto* b = new QToolButton(this);
    b->setText(text);
    b->setObjectName(QStringLiteral("powerSwingsSpan%1").arg(static_cast<int>(seconds)));
    b->setToolTip(seconds > 0 ? tr("The record's first %1 from just before the job starts").arg(text)
                              : tr("Two training steps from just before the job starts"));
    connect(b, &QToolButton::clicked, this,
            [this, s = seconds] { setWindow(s > 0 ? s : (profile_ ? 2 * profile_->step.period + 10 : 60)); });
    buttons->addWidget(b);
    spans_.push_back(b);
  }
  buttons->addStretch(1);

  // The figures scroll when the dock is low, the spans stay in reach below them.
  auto* text = new QWidget;
  auto* textLayout = new QVBoxLayout(text);
  textLayout->setContentsMargins(0, 0, 0, 0);
  textLayout->addWidget(message_);
  textLayout->addWidget(figures_);
  textLayout->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setObjectName("powerSwingsText");
  scroll->setWidget(text);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(220);
  auto* column = new QVBoxLayout;
  column->setContentsMargins(0, 0, 0, 0);
  column->addWidget(scroll, 1);
  column->addLayout(buttons);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->addLayout(column, 2);
  layout->addWidget(view_, 5);

  refill_->setSingleShot(true);
  refill_->setInterval(0);
  connect(refill_, &QTimer::timeout, this, &PowerSwingsPanel::refill);
  connect(time_, &QValueAxis::rangeChanged, refill_, qOverload<>(&QTimer::start));
  connect(&watcher_, &QFutureWatcher<Made>::finished, this, &PowerSwingsPanel::finished);
  setDark(true);
  showState();  // nothing yet: the message alone
}

PowerSwingsPanel::~PowerSwingsPanel() {
  watcher_.waitForFinished();
}

void PowerSwingsPanel::setDark(bool dark) {
  chart_->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  chart_->setBackgroundVisible(false);  // blend with the dock
  for (auto [s, colour, width] : {std::tuple{site_, kSite, 2.2}, {grid_, kGrid, 1.2}, {charge_, kCharge, 1.2}}) {
    QPen pen(colour);
    pen.setWidthF(width);
    s->setPen(pen);
  }
}

void PowerSwingsPanel::showDesign(const EvaluatedDesign& evaluated, const JobOutlook& outlook) {
  if (outlook.estimate && evaluated.design && evaluated.evaluation) {
    request_ = Request{evaluated, *outlook.estimate, outlook.cluster.gpu};
    message_->clear();
  } else {
    request_.reset();
    message_->setText(outlook.hasJob
                          ? tr("No power swings: %1").arg(outlook.problem)
                          : tr("No power swings: the design has no training job (add one in the Job panel)."));
  }
  stale_ = true;
  ++generation_;
  // Without a job nothing is shown; with one, the last profile stays until the new one replaces it.
  if (!request_) profile_.reset();
  if (onScreen_) start();
  showState();
}

void PowerSwingsPanel::setOnScreen(bool onScreen) {
  onScreen_ = onScreen;
  if (onScreen_ && stale_) start();
}

void PowerSwingsPanel::start() {
  if (!request_ || watcher_.isRunning()) return;  // a running one restarts on finishing
  stale_ = false;
  computing_ = generation_;
  const Request r = *request_;
  watcher_.setFuture(QtConcurrent::run([r] {
    Made m;
    try {
      m.profile = report::jobSwings(*r.evaluated.design, *r.evaluated.evaluation, r.estimate, r.gpu);
    } catch (const std::exception& e) {  // never silently: the panel says what stopped it
      m.error = e.what();
    }
    return m;
  }));
}

void PowerSwingsPanel::finished() {
  if (computing_ == generation_ && watcher_.future().resultCount() > 0) {  // this design's, not an older one's
    const Made m = watcher_.result();
    profile_ = m.profile;
    if (!m.error.empty()) message_->setText(tr("No power swings: %1").arg(qs(m.error).toHtmlEscaped()));
  }
  if (stale_ && request_ && onScreen_) {  // the design changed while this one was computed
    start();
    return;
  }
  showState();
}

void PowerSwingsPanel::showState() {
  const bool shown = profile_ && request_;
  figures_->setVisible(shown);
  view_->setVisible(shown);
  for (QToolButton* b : spans_) b->setVisible(shown);
  message_->setVisible(!shown);
  if (!shown) return;
  const dynamics::PowerProfile& p = *profile_;
  figures_->setText(headline());
  QStringList notes;
  for (const auto& n : p.notes) notes << QString::fromStdString(n);
  figures_->setToolTip(tr("A first-order planning model. Approximate: %1").arg(notes.join("; ")));
  charge_->setVisible(!p.dispatch.stateOfCharge.empty());
  percent_->setVisible(!p.dispatch.stateOfCharge.empty());
  double lo = INFINITY, hi = -INFINITY;
  for (const auto* v : {&p.waveform.site, &p.dispatch.grid})
    for (double w : *v) lo = std::min(lo, w), hi = std::max(hi, w);
  const double pad = std::max((hi - lo) * 0.05, 1e3);
  power_->setRange((lo - pad) / 1e6, (hi + pad) / 1e6);
  power_->applyNiceNumbers();
  // As many decimals as the tick step needs: "200", "1.25".
  const double step = (power_->max() - power_->min()) / std::max(1, power_->tickCount() - 1);
  power_->setLabelFormat(QStringLiteral("%.%1f").arg(step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)))));
  time_->setRange(0, static_cast<double>(p.waveform.size()) * p.waveform.dt);
  refill();
  emit profileShown();
}

QString PowerSwingsPanel::headline() const {
  if (!profile_ || !request_) return {};
  const dynamics::PowerProfile& p = *profile_;
  auto key = [](const QColor& c, const QString& name) {
    return QStringLiteral("<span style='color:%1'>&#9632;</span> <b>%2</b>").arg(c.name(), name);
  };
  QString text =
      tr("%1: swing %2 (%3 to %4), fastest ramp %5/s, dominant frequency: %6")
          .arg(key(kSite, tr("At the sources")), watts(p.site.swing), watts(p.site.trough), watts(p.site.peak),
               watts(p.site.fastestRamp), qs(report::dominantText(p, p.site)).toHtmlEscaped());
  text += QStringLiteral("<br>") +
          tr("%1: swing %2, largest change in a second %3")
              .arg(key(kGrid, tr("At the grid meter")), watts(p.grid.figures.swing), watts(p.grid.second.range));
  if (!p.dispatch.stateOfCharge.empty())
    text += QStringLiteral("<br>") + key(kCharge, tr("Battery charge (right axis)"));
  const report::LabelledRows rows = report::profileRows(p, request_->evaluated.design->design.powerDynamics);
  for (const auto& [label, value] : rows)
    if (label == "smallest battery")
      text += QStringLiteral("<br>") + tr("Smallest battery: %1").arg(qs(value).toHtmlEscaped());
  if (!p.findings.empty())
    text += QStringLiteral("<br><span style='color:#e05a4f'>%1</span>")
                .arg(tr("%n finding(s) on the swings: see the report", "", static_cast<int>(p.findings.size())));
  return text;
}

double PowerSwingsPanel::jobStart() const {
  if (!profile_) return 0;
  const auto& a = profile_->waveform.activity;
  std::size_t i = 0;
  while (i < a.size() && a[i] == dynamics::Activity::Idle) ++i;
  return static_cast<double>(i) * profile_->waveform.dt;
}

void PowerSwingsPanel::setWindow(double seconds) {
  if (!profile_) return;
  const double total = static_cast<double>(profile_->waveform.size()) * profile_->waveform.dt;
  if (seconds >= total) {
    time_->setRange(0, total);
    return;
  }
  const double from = std::clamp(jobStart() - std::min(5.0, seconds / 10), 0.0, total - seconds);
  time_->setRange(from, from + seconds);
}

std::pair<double, double> PowerSwingsPanel::visibleRange() const {
  return {time_->min(), time_->max()};
}

int PowerSwingsPanel::sitePoints() const {
  return static_cast<int>(site_->count());
}

int PowerSwingsPanel::chargePoints() const {
  return charge_->isVisible() ? static_cast<int>(charge_->count()) : 0;
}

void PowerSwingsPanel::refill() {
  if (!profile_) return;
  // Time ticks on whole steps of 1, 2 or 5 × 10^n s whatever the zoom (the report's steps).
  const std::vector<double> ticks = report::niceTicks(time_->max() - time_->min(), 5);
  if (ticks.size() > 1) {
    time_->setTickType(QValueAxis::TicksDynamic);
    time_->setTickAnchor(0);
    time_->setTickInterval(ticks[1]);
  }
  const dynamics::PowerProfile& p = *profile_;
  const double dt = p.waveform.dt;
  const std::size_t n = p.waveform.size();
  const auto first = static_cast<std::size_t>(std::clamp(std::floor(time_->min() / dt), 0.0, static_cast<double>(n)));
  const auto last = static_cast<std::size_t>(std::clamp(std::ceil(time_->max() / dt) + 1, 0.0, static_cast<double>(n)));
  const std::size_t columns = static_cast<std::size_t>(std::max(100, view_->width()));
  auto fill = [&](QLineSeries* s, const std::vector<double>& v, double scale) {
    QList<QPointF> points;
    if (!v.empty())
      for (std::size_t i : report::envelope(v, first, last > first ? last - first : 0, columns))
        points.append(QPointF(static_cast<double>(i) * dt, v[i] * scale));
    s->replace(points);
  };
  fill(site_, p.waveform.site, 1e-6);
  fill(grid_, p.dispatch.grid, 1e-6);
  fill(charge_, p.dispatch.stateOfCharge, 100);
}

}  // namespace gigaplan::app
