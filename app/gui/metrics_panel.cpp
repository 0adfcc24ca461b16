// Headline metrics (see metrics_panel.h).
#include "app/gui/metrics_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

#include "core/units/units.h"

namespace gigaplan::app {
namespace {
QString fmt(double v, units::Dimension d) { return QString::fromStdString(units::format(v, d)); }
}  // namespace

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent), form_(new QFormLayout(this)) {
  form_->setLabelAlignment(Qt::AlignRight);
  for (const char* name : {"GPUs", "Racks", "Peak BF16", "Peak FP8", "Peak FP4", "HBM", "Fabric", "Bisection",
                           "IT power", "Facility power", "PUE", "Sources", "Headroom", "Battery ride-through",
                           "Heat", "Cooling power", "Water", "Largest failure domain", "Findings", "Evaluated in"}) {
    row(tr(name));
  }
}

QLabel* MetricsPanel::row(const QString& name) {
  auto it = labels_.find(name);
  if (it != labels_.end()) return it->second;
  auto* label = new QLabel(QStringLiteral("—"), this);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form_->addRow(name + ":", label);
  labels_[name] = label;
  return label;
}

QString MetricsPanel::value(const QString& name) const {
  auto it = labels_.find(name);
  return it == labels_.end() ? QString() : it->second->text();
}

void MetricsPanel::show(const EvaluatedDesign& r) {
  if (!r.evaluation) return;
  const engine::Evaluation& e = *r.evaluation;
  using D = units::Dimension;
  row(tr("GPUs"))->setText(QLocale().toString(static_cast<qlonglong>(e.compute.gpus)));
  row(tr("Racks"))->setText(QLocale().toString(static_cast<qlonglong>(r.design->layout.racks.size())));
  row(tr("Peak BF16"))->setText(fmt(e.compute.peakBf16, D::Compute));
  row(tr("Peak FP8"))->setText(fmt(e.compute.peakFp8, D::Compute));
  row(tr("Peak FP4"))->setText(fmt(e.compute.peakFp4, D::Compute));
  row(tr("HBM"))->setText(fmt(e.compute.hbm, D::DataSize));
  row(tr("Fabric"))->setText(tr("%1 tiers, %2 switches").arg(e.fabric.tiers).arg(e.fabric.totalSwitches));
  row(tr("Bisection"))->setText(fmt(e.fabric.bisectionBandwidth, D::DataRate));
  row(tr("IT power"))->setText(fmt(e.power.it, D::Power));
  row(tr("Facility power"))->setText(fmt(e.power.facility, D::Power));
  row(tr("PUE"))->setText(QString::number(e.power.pue, 'f', 3));
  row(tr("Sources"))->setText(fmt(e.power.sourceCapacity, D::Power));
  row(tr("Headroom"))->setText(fmt(e.power.headroom, D::Power));
  row(tr("Battery ride-through"))->setText(e.power.rideThrough > 0 ? fmt(e.power.rideThrough, D::Time) : tr("none"));
  row(tr("Heat"))->setText(fmt(e.cooling.heat, D::Power));
  row(tr("Cooling power"))->setText(fmt(e.cooling.power, D::Power));
  row(tr("Water"))->setText(tr("%1 m³/day").arg(e.cooling.water / 1000.0, 0, 'f', 0));
  row(tr("Largest failure domain"))->setText(tr("%1 GPUs (%2)").arg(e.reliability.largestGpus).arg(QString::fromStdString(e.reliability.largestId)));
  row(tr("Findings"))->setText(tr("%1 errors, %2 warnings, %3 notes").arg(e.errors).arg(e.warnings).arg(e.infos));
  row(tr("Evaluated in"))->setText(tr("%1 ms").arg(r.seconds * 1000, 0, 'f', 1));
}

}  // namespace gigaplan::app
