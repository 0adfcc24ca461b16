// Dashboard (see metrics_panel.h).
#include "app/gui/metrics_panel.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>
#include <cstdint>
#include <map>

#include "app/gui/breakdown_charts.h"
#include "app/gui/qt_text.h"
#include "core/reliability/failure_domains.h"
#include "core/report/training_plan.h"
#include "core/units/units.h"

namespace gigaplan::app {
namespace {
QString percent(double f) {
  return QString("%1 %").arg(100 * f, 0, 'f', 1);
}
// A precision the site's GPUs lack reads "not supported"; a site without GPUs has no peak at all.
QString peak(double v, std::int64_t gpus) {
  if (gpus <= 0) return QObject::tr("— (no GPUs)");
  return v > 0 ? quantity(v, units::Dimension::Compute) : QObject::tr("not supported");
}
// How each figure is derived, shown as the tooltip of its row and tile.
QString derivation(const QString& name) {
  static const std::map<QString, const char*> how = {
      {"GPUs", "GPUs of every compute rack in the layout: each rack type's GPUs from the catalog, summed."},
      {"Racks", "Racks in the layout, compute, network and storage, after templates and overrides."},
      {"Peak BF16", "Sum over the GPUs of each GPU type's dense BF16 peak from the catalog (no sparsity)."},
      {"Peak FP8", "Sum over the GPUs of each GPU type's dense FP8 peak from the catalog (no sparsity)."},
      {"Peak FP4", "Sum over the GPUs of each GPU type's dense FP4 peak from the catalog (no sparsity)."},
      {"HBM", "GPU memory: each GPU type's HBM from the catalog, summed."},
      {"Fabric", "The compute fabric built from the layout: switch tiers and switches, leaves to spines."},
      {"Bisection",
       "One direction through the worst half/half cut of the compute fabric: the narrowest tier's links × link "
       "rate ÷ 2, and no more than half of what the GPUs inject at their NICs' rates."},
      {"IT power",
       "Rack IT load at design (nominal) power that some feed carries; racks without a feed are named beside it and "
       "left out until fed (power.not-fed)."},
      {"Network power", "Switches and their optics (and network racks): IT load too, as PUE counts it."},
      {"Peak facility power",
       "Facility power with every rack at its peak (maximum) draw: what the sources must carry."},
      {"Facility power",
       "Drawn from the sources at design load: IT + network + cooling gear + conversion losses in the power "
       "chain."},
      {"PUE", "Facility power ÷ (IT + network power), at design load."},
      {"Sources", "Grid connection ratings plus on-site generation (batteries apart)."},
      {"Headroom", "Sources − peak facility power."},
      {"Battery ride-through", "Battery energy ÷ facility draw at peak load."},
      {"Heat", "Heat from racks and network gear the plant takes: liquid share to CDUs, air share to air handlers."},
      {"Cooling power", "Electrical draw of all cooling gear: pumps, fans and compressors (heat ÷ COP)."},
      {"Water", "Evaporation and blow-down of adiabatic coolers and towers at the design ambient, per day."},
      {"Largest failure domain", "The most GPUs one failed power node or cooling unit stops, and which one."},
      {"Training", "Wall-clock days to train the job's tokens, with checkpoints, failures and restarts."},
      {"Training days", "Wall-clock days to train the job's tokens, with checkpoints, failures and restarts."},
      {"Job", "The design's training job (Job panel)."},
      {"Plan", "Parallelism of the job: tensor × pipeline × data (× expert) and the GPUs it uses."},
      {"Step time", "Modelled time of one optimizer step: compute, exposed communication and pipeline bubble."},
      {"MFU", "Model FLOP/s over the dense peak of the precision used."},
      {"Goodput", "Share of wall time spent on useful steps once checkpoints and failures are counted."},
      {"Energy",
       "Facility energy of the job's GPUs over the run: their IT (with hosts and network) at the racks' design "
       "draw × PUE over the whole wall time — an upper bound, since communication, checkpoints and restarts draw "
       "less (the power profile follows a step); not the rest of the site (a year of weather gives the whole "
       "site's meter)."},
      {"Findings", "What the engine's checks found, by severity (Findings panel)."},
      {"Evaluated in", "Wall time of the last evaluation of the whole design."},
  };
  const auto it = how.find(name);
  return it == how.end() ? QString() : QObject::tr(it->second);
}

}  // namespace

QFormLayout* MetricsPanel::section(const QString& title, QVBoxLayout* into) {
  auto* box = new QGroupBox(title);
  auto* form = new QFormLayout(box);
  form->setLabelAlignment(Qt::AlignLeft);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->setHorizontalSpacing(14);
  form->setVerticalSpacing(3);
  into->addWidget(box);
  return form;
}

MetricsPanel::MetricsPanel(QWidget* parent)
    : QScrollArea(parent), training_(nullptr), powerChart_(new PowerChart), stepChart_(new StepChart) {
  setObjectName("metricsPanel");
  setWidgetResizable(true);
  setFrameShape(QFrame::NoFrame);
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  column->setContentsMargins(6, 6, 6, 6);
  column->setSpacing(6);
  column->addWidget(buildTiles());
  rangesButton_ = new QToolButton;
  rangesButton_->setObjectName("metricsRanges");
  rangesButton_->setText(tr("Ranges"));
  rangesButton_->setCheckable(true);
  rangesButton_->setToolTip(
      tr("How sure are these numbers: P10–P90 ranges from the catalog's grades (V ±2 %, S ±5 %, E ±10 %, U ±20 %), "
         "a Monte Carlo of 1,000 samples worked out in the background after each change. Hover a tile to see its "
         "range."));
  rangesLabel_ = new QLabel;
  rangesLabel_->setObjectName("metricsRangesText");
  rangesLabel_->setWordWrap(true);
  rangesLabel_->setForegroundRole(QPalette::PlaceholderText);
  auto* rangesRow = new QHBoxLayout;
  rangesRow->addWidget(rangesButton_);
  rangesRow->addWidget(rangesLabel_, 1);
  column->addLayout(rangesRow);
  connect(rangesButton_, &QToolButton::toggled, this, &MetricsPanel::setRangesShown);
  connect(&rangesWatcher_, &QFutureWatcher<report::Uncertainty>::finished, this, &MetricsPanel::rangesFinished);
  column->addWidget(powerChart_);
  column->addWidget(stepChart_);
  const std::pair<const char*, std::vector<const char*>> groups[] = {
      {"Compute", {"GPUs", "Racks", "Peak BF16", "Peak FP8", "Peak FP4", "HBM"}},
      {"Network", {"Fabric", "Bisection"}},
      {"Power",
       {"IT power", "Network power", "Facility power", "Peak facility power", "PUE", "Sources", "Headroom",
        "Battery ride-through"}},
      {"Cooling", {"Heat", "Cooling power", "Water"}},
      {"Reliability", {"Largest failure domain"}},
      {"Training", {"Job", "Plan", "Step time", "MFU", "Training days", "Goodput", "Energy"}},
      {"Checks", {"Findings", "Evaluated in"}},
  };
  for (const auto& [title, names] : groups) {
    QFormLayout* form = section(tr(title), column);
    if (QString(title) == "Training") training_ = form->parentWidget();
    for (const char* name : names) {
      auto* label = new QLabel(QStringLiteral("—"));
      label->setTextInteractionFlags(Qt::TextSelectableByMouse);
      label->setWordWrap(true);
      label->setObjectName(QString("metric:%1").arg(name));
      form->addRow(tr(name), label);
      label->setToolTip(derivation(name));
      if (QWidget* caption = form->labelForField(label)) caption->setToolTip(derivation(name));
      labels_[tr(name)] = label;
    }
  }
  column->addStretch(1);
  setWidget(content);
  training_->setVisible(false);
  stepChart_->setVisible(false);
}

QWidget* MetricsPanel::buildTiles() {
  auto* box = new QWidget;
  auto* grid = new QGridLayout(box);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(6);
  for (int i = 0; i < 4; ++i) {
    auto* frame = new QFrame;
    frame->setObjectName("metricTile");
    frame->setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(frame);
    v->setContentsMargins(10, 6, 10, 6);
    v->setSpacing(0);
    auto* caption = new QLabel;
    QFont small = caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    caption->setFont(small);
    caption->setForegroundRole(QPalette::PlaceholderText);
    auto* value = new QLabel(QStringLiteral("—"));
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.55);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(caption);
    v->addWidget(value);
    grid->addWidget(frame, i / 2, i % 2);
    tiles_.push_back({caption, value});
  }
  setTile(0, tr("GPUs"), QStringLiteral("—"));
  setTile(1, tr("Facility power"), QStringLiteral("—"));
  setTile(2, tr("PUE"), QStringLiteral("—"));
  setTile(3, tr("Bisection"), QStringLiteral("—"));
  return box;
}

void MetricsPanel::setTile(int i, const QString& caption, const QString& value) {
  tiles_[static_cast<std::size_t>(i)].first->setText(caption);
  tiles_[static_cast<std::size_t>(i)].second->setText(value);
  // The tile (caption, value and frame) explains its figure, and its range when worked out.
  tiles_[static_cast<std::size_t>(i)].first->parentWidget()->setToolTip(derivation(caption));
  if (rangesButton_) applyRanges();
}

QLabel* MetricsPanel::row(const QString& name) const {
  return labels_.at(name);
}

QString MetricsPanel::value(const QString& name) const {
  auto it = labels_.find(name);
  return it == labels_.end() ? QString() : it->second->text();
}

void MetricsPanel::show(const EvaluatedDesign& r) {
  if (!r.evaluation) return;
  latest_ = r.design;
  if (ranges_ || rangesWatcher_.isRunning()) {  // the bands on screen were the last design's
    ranges_.reset();
    rangesStale_ = true;
  }
  const engine::Evaluation& e = *r.evaluation;
  using D = units::Dimension;
  row(tr("GPUs"))->setText(QLocale().toString(static_cast<qlonglong>(e.compute.gpus)));
  row(tr("Racks"))->setText(QLocale().toString(static_cast<qlonglong>(r.design->layout.racks.size())));
  row(tr("Peak BF16"))->setText(peak(e.compute.peakBf16, e.compute.gpus));
  row(tr("Peak FP8"))->setText(peak(e.compute.peakFp8, e.compute.gpus));
  row(tr("Peak FP4"))->setText(peak(e.compute.peakFp4, e.compute.gpus));
  row(tr("HBM"))->setText(quantity(e.compute.hbm, D::DataSize));
  row(tr("Fabric"))
      ->setText(e.fabric.problem.empty()
                    ? tr("%1 tiers, %2 switches").arg(e.fabric.tiers).arg(QLocale().toString(e.fabric.totalSwitches))
                    : QString::fromStdString(e.fabric.problem));
  row(tr("Bisection"))->setText(quantity(e.fabric.bisectionBandwidth, D::DataRate));
  row(tr("IT power"))
      ->setText(e.power.unfed > 0 ? tr("%1 (+ %2 in racks without a feed)")
                                        .arg(quantity(e.power.it, D::Power), quantity(e.power.unfed, D::Power))
                                  : quantity(e.power.it, D::Power));
  row(tr("Network power"))->setText(quantity(e.power.network, D::Power));
  row(tr("Facility power"))->setText(quantity(e.power.facility, D::Power));
  row(tr("Peak facility power"))->setText(quantity(e.power.peakFacility, D::Power));
  row(tr("PUE"))->setText(e.power.pue > 0 ? QString::number(e.power.pue, 'f', 3) : QStringLiteral("—"));
  row(tr("Sources"))->setText(quantity(e.power.sourceCapacity, D::Power));
  row(tr("Headroom"))->setText(quantity(e.power.headroom, D::Power));
  row(tr("Battery ride-through"))
      ->setText(e.power.rideThrough > 0 ? quantity(e.power.rideThrough, D::Time) : tr("none"));
  row(tr("Heat"))->setText(quantity(e.cooling.heat, D::Power));
  row(tr("Cooling power"))->setText(quantity(e.cooling.power, D::Power));
  row(tr("Water"))->setText(tr("%1 m³/day").arg(QLocale().toString(std::llround(e.cooling.water / 1000.0))));
  row(tr("Largest failure domain"))->setText(QString::fromStdString(reliability::largestDomainText(e.reliability)));
  row(tr("Findings"))
      ->setText(
          QStringList{counted(e.errors, "error"), counted(e.warnings, "warning"), counted(e.infos, "note")}.join(", "));
  row(tr("Evaluated in"))->setText(tr("%1 ms").arg(r.seconds * 1000, 0, 'f', 1));
  powerChart_->show(e.power);
  setTile(0, tr("GPUs"), row(tr("GPUs"))->text());
  setTile(1, tr("Facility power"), row(tr("Facility power"))->text());
  setTile(2, tr("PUE"), row(tr("PUE"))->text());
  bisection_ = row(tr("Bisection"))->text();
  if (tiles_[3].first->text() == tr("Bisection")) setTile(3, tr("Bisection"), bisection_);
  if (rangesButton_->isChecked()) startRanges();
  applyRanges();
}

MetricsPanel::~MetricsPanel() {
  rangesWatcher_.waitForFinished();
}

void MetricsPanel::setRangesShown(bool on) {
  if (rangesButton_->isChecked() != on) rangesButton_->setChecked(on);  // toggled() comes back here
  if (on && !ranges_) startRanges();
  if (!on) ranges_.reset();
  applyRanges();
}

void MetricsPanel::startRanges() {
  if (!latest_) return;
  if (rangesWatcher_.isRunning()) {  // the newest design is worked out once the running one ends
    rangesStale_ = true;
    return;
  }
  rangesStale_ = false;
  rangesFor_ = latest_;
  report::UncertaintyOptions o;
  o.samples = rangeSamples_;
  const auto design = rangesFor_;
  rangesWatcher_.setFuture(QtConcurrent::run([design, o] {
    try {
      return report::propagateUncertainty(*design, o);
    } catch (const std::exception&) {  // never leave the panel waiting
      return report::Uncertainty{};
    }
  }));
}

void MetricsPanel::rangesFinished() {
  if (!rangesButton_->isChecked()) return;
  if (rangesStale_ || rangesFor_ != latest_) {
    startRanges();
    applyRanges();
    return;
  }
  if (rangesWatcher_.future().resultCount() == 0) return;
  ranges_ = rangesWatcher_.result();
  applyRanges();
  emit rangesShown();
}

// The tiles' tooltips and the line beneath them: each figure's derivation, then its band.
void MetricsPanel::applyRanges() {
  const auto band = [](const report::Band& b, const std::function<QString(double)>& text) {
    return tr("P10–P90: %1 – %2 (P50 %3)").arg(text(b.p10), text(b.p90), text(b.p50));
  };
  const auto power = [](double w) { return quantity(w, units::Dimension::Power); };
  const auto ratio = [](double v) { return QString::number(v, 'f', 3); };
  const auto days = [](double d) { return tr("%1 days").arg(d, 0, 'f', 1); };
  for (std::size_t i = 0; i < tiles_.size(); ++i) {
    const QString caption = tiles_[i].first->text();
    QString tip = derivation(caption);
    if (ranges_ && ranges_->samples > 0) {
      if (caption == tr("Facility power")) tip += "\n\n" + band(ranges_->facility, power);
      if (caption == tr("PUE")) tip += "\n\n" + band(ranges_->pue, ratio);
      if (caption == tr("Training") && ranges_->job) tip += "\n\n" + band(ranges_->days, days);
    }
    tiles_[i].first->parentWidget()->setToolTip(tip);
  }
  if (!rangesButton_->isChecked()) {
    rangesLabel_->clear();
  } else if (!ranges_) {
    rangesLabel_->setText(tr("Working out ranges…"));
  } else if (ranges_->samples == 0) {
    rangesLabel_->setText(tr("The ranges could not be worked out for this design."));
  } else {
    QString text = tr("P10–P90 from %1 over %2: facility %3 – %4, PUE %5 – %6")
                       .arg(counted(ranges_->samples, "sample"), counted(ranges_->inputs, "graded figure"),
                            power(ranges_->facility.p10), power(ranges_->facility.p90), ratio(ranges_->pue.p10),
                            ratio(ranges_->pue.p90));
    if (ranges_->job) text += tr(", training %1 – %2").arg(days(ranges_->days.p10), days(ranges_->days.p90));
    rangesLabel_->setText(text + ".");
  }
}

QString MetricsPanel::tileToolTip(int tile) const {
  return tiles_[static_cast<std::size_t>(tile)].first->parentWidget()->toolTip();
}

QString MetricsPanel::rangesText() const {
  return rangesLabel_->text();
}

void MetricsPanel::showJob(const JobOutlook& o) {
  training_->setVisible(o.hasJob);
  stepChart_->setVisible(o.hasJob && o.estimate.has_value());
  if (o.estimate)
    setTile(3, tr("Training"), tr("%1 days").arg(o.estimate->effectiveTrainingDays, 0, 'f', 1));
  else
    setTile(3, tr("Bisection"), bisection_.isEmpty() ? QStringLiteral("—") : bisection_);
  if (!o.hasJob) return;
  if (!o.estimate) {
    row(tr("Job"))->setText(o.problem);
    for (const char* n : {"Plan", "Step time", "MFU", "Training days", "Goodput", "Energy"})
      row(tr(n))->setText(QStringLiteral("—"));
    stepChart_->show({});
    return;
  }
  const training::Estimate& e = *o.estimate;
  row(tr("Job"))->setText(QString::fromStdString(report::jobLabel(e, o.cluster.gpu)));
  row(tr("Plan"))
      ->setText(QString::fromStdString(training::planShapeText(e.job)) +
                (o.searched ? tr(" (chosen automatically: the search's best)") : QString()));
  row(tr("Step time"))
      ->setText(
          tr("%1 s, %2 tokens/s").arg(e.step.total, 0, 'f', 3).arg(QLocale().toString(e.tokensPerSecond, 'f', 0)));
  row(tr("MFU"))->setText(tr("%1 (%2 TFLOP/s per GPU)").arg(percent(e.mfu)).arg(e.tflopsPerGpu, 0, 'f', 0));
  row(tr("Training days"))
      ->setText(tr("%1 days (%2 of compute)").arg(e.effectiveTrainingDays, 0, 'f', 1).arg(e.trainingDays, 0, 'f', 1));
  row(tr("Goodput"))
      ->setText(tr("%1, %2 interruptions/day")
                    .arg(percent(e.reliability.goodput))
                    .arg(e.reliability.interruptionsPerDay, 0, 'f', 1));
  row(tr("Energy"))->setText(tr("%1 GWh").arg(e.energyMwh / 1000, 0, 'f', 1));
  stepChart_->show(e.step);
}

void MetricsPanel::setDark(bool dark) {
  powerChart_->setDark(dark);
  stepChart_->setDark(dark);
}

}  // namespace gigaplan::app
