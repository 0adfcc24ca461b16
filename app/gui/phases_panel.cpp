// The phases panel (see phases_panel.h).
#include "app/gui/phases_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <algorithm>

#include "app/gui/app_style.h"
#include "app/gui/qt_text.h"
#include "app/gui/year_panel.h"
#include "core/base/date.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::app {
namespace {

constexpr int kObjectRole = Qt::UserRole + 1;  // a finding's object id

QColor toneColor(report::Tone tone) {
  switch (tone) {
    case report::Tone::Error:
      return errorInk();
    case report::Tone::Warning:
      return warningInk();
    default:
      return {};
  }
}

}  // namespace

PhasesPanel::PhasesPanel(widgets::SiteView& view, QWidget* parent)
    : QWidget(parent),
      view_(&view),
      message_(new QLabel(this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      heading_(new QLabel(this)),
      table_(new QTableWidget(this)),
      job_(new QLabel(this)),
      figure_(new FigureView(this)),
      findingsTitle_(new QLabel(this)),
      findings_(new QListWidget(this)),
      scroll_(new QScrollArea(this)) {
  setObjectName("phasesPanel");
  message_->setObjectName("phasesMessage");
  message_->setWordWrap(true);
  slider_->setObjectName("phaseSlider");
  slider_->setTickPosition(QSlider::TicksBelow);
  slider_->setPageStep(1);
  slider_->setToolTip(tr("Scrub the phases: the 3D view shows the site as it stands at each one"));
  heading_->setObjectName("phaseHeading");
  heading_->setWordWrap(true);
  heading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setObjectName("phasesTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);  // compact rows
  table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  job_->setObjectName("phasesJob");
  job_->setWordWrap(true);
  job_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  figure_->setObjectName("phasesFigure");
  findingsTitle_->setObjectName("phaseFindingsTitle");
  findings_->setObjectName("phaseFindings");
  findings_->setWordWrap(true);
  findings_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Phase"), this));
  top->addWidget(slider_, 1);
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  column->setContentsMargins(4, 0, 4, 4);
  column->addWidget(table_);
  column->addWidget(findingsTitle_);
  column->addWidget(findings_);
  column->addWidget(job_);
  column->addWidget(figure_);
  column->addStretch(1);
  scroll_->setWidget(content);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addWidget(message_);
  layout->addLayout(top);
  layout->addWidget(heading_);
  layout->addWidget(scroll_, 1);

  connect(slider_, &QSlider::valueChanged, this, [this] {
    showPhase();
    applyToView();
  });
  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row >= 0) slider_->setValue(row);
  });
  connect(findings_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const QString id = item->data(kObjectRole).toString();
    if (id.isEmpty() || !view_) return;
    view_->setSelection({id});
    view_->fitSelection();
  });
  connect(&watcher_, &QFutureWatcher<report::PhasesOverview>::finished, this, &PhasesPanel::finished);
  message_->setText(tr("The design's phases show here once it is evaluated."));
  for (QWidget* w : std::initializer_list<QWidget*>{slider_, heading_, scroll_}) w->setEnabled(false);
}

PhasesPanel::~PhasesPanel() {
  watcher_.waitForFinished();
}

void PhasesPanel::showDesign(const EvaluatedDesign& evaluated) {
  const bool phased = evaluated.design && evaluated.evaluation && !evaluated.design->design.phases.empty();
  request_ = phased ? std::optional(evaluated) : std::nullopt;
  stale_ = true;
  if (!request_) {
    overview_.reset();
    slider_->setRange(0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{slider_, heading_, scroll_}) w->setEnabled(false);
    heading_->clear();
    table_->setRowCount(0);
    findings_->clear();
    findingsTitle_->clear();
    job_->clear();
    figure_->setFigures({});
    message_->setText(
        tr("The design has no phases: it is evaluated as built all at once. List phases: in the design "
           "file — each a date and what comes online (Help › Design file format) — to see the site come online "
           "here, phase by phase."));
    applyToView();
    return;
  }
  if (onScreen_) start();
}

void PhasesPanel::setOnScreen(bool onScreen) {
  onScreen_ = onScreen;
  if (onScreen_ && stale_ && request_) start();
  applyToView();
}

void PhasesPanel::setPhase(int phase) {
  slider_->setValue(phase);
}

int PhasesPanel::phase() const {
  return slider_->value();
}

void PhasesPanel::start() {
  if (!request_ || watcher_.isRunning()) return;  // a running one restarts on finishing
  stale_ = false;
  message_->setText(tr("Working out the phases…"));
  const EvaluatedDesign e = *request_;
  watcher_.setFuture(QtConcurrent::run([e] {
    try {
      return report::overviewPhases(*e.design, false);
    } catch (const std::exception&) {  // the engine reports findings, not exceptions; never leave the panel waiting
      return report::PhasesOverview{};
    }
  }));
}

void PhasesPanel::finished() {
  if (stale_ && request_ && onScreen_) {  // the design changed while this one was computed
    start();
    return;
  }
  if (!request_ || !watcher_.future().isValid() || watcher_.future().resultCount() == 0) return;
  overview_ = watcher_.result();
  const report::PhasesOverview& o = *overview_;
  if (o.phases.empty()) {
    message_->setText(tr("The phases could not be worked out."));
    return;
  }
  const report::Section section = report::phasesSection(o);
  // The report's own table of phases, rows and tones as it prints them.
  for (const report::Block& b : section.blocks) {
    const auto* t = std::get_if<report::Table>(&b);
    if (!t) continue;
    table_->clear();
    table_->setColumnCount(static_cast<int>(t->columns.size()));
    table_->setRowCount(static_cast<int>(t->rows.size()));
    // Figures' headers on two lines, the unit under the quantity ("Facility / MW"), so that every
    // column, the findings last, fits a 1366-pixel window without scrolling sideways.
    QStringList headers;
    for (const report::Table::Column& c : t->columns) {
      QString h = qs(c.header);
      if (c.align == report::Align::Right) {
        const qsizetype space = h.lastIndexOf(' ');
        if (space > 0) h[space] = '\n';
      }
      headers << h;
    }
    table_->setHorizontalHeaderLabels(headers);
    // What the findings column counts (the site's checks, not the job's) rides on its header.
    if (!t->columns.empty() && !t->footnote.empty())
      table_->horizontalHeaderItem(static_cast<int>(t->columns.size()) - 1)->setToolTip(qs(t->footnote));
    // The phase's name, the column the report widens most, gives way when the panel is narrow:
    // elided, whole in its tooltip and in the heading above, so that every figure stays in view.
    const auto widest = std::max_element(t->columns.begin(), t->columns.end(),
                                         [](const auto& x, const auto& y) { return x.weight < y.weight; });
    const int names = static_cast<int>(widest - t->columns.begin());
    for (int r = 0; r < static_cast<int>(t->rows.size()); ++r) {
      const auto& row = t->rows[static_cast<std::size_t>(r)];
      const report::Tone tone =
          r < static_cast<int>(t->rowTones.size()) ? t->rowTones[static_cast<std::size_t>(r)] : report::Tone::Normal;
      for (int c = 0; c < static_cast<int>(row.size()); ++c) {
        auto* item = new QTableWidgetItem(qs(row[static_cast<std::size_t>(c)]));
        if (c == names) item->setToolTip(item->text());
        if (t->columns[static_cast<std::size_t>(c)].align == report::Align::Right)
          item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (toneColor(tone).isValid() && c + 1 == static_cast<int>(row.size())) item->setForeground(toneColor(tone));
        table_->setItem(r, c, item);
      }
    }
    table_->resizeColumnsToContents();
    if (names < table_->columnCount()) table_->horizontalHeader()->setSectionResizeMode(names, QHeaderView::Stretch);
    // Every row shows (the panel scrolls, not the table), with room for the horizontal scroll bar a
    // narrow window brings: without it the last phase hid behind the bar at 1366 × 768.
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + table_->rowHeight(0) * table_->rowCount() +
                           table_->horizontalScrollBar()->sizeHint().height() + 2 * table_->frameWidth());
    break;
  }
  QString job;
  for (const report::Block& b : section.blocks) {
    if (const auto* kv = std::get_if<report::KeyValues>(&b)) {
      for (const auto& [key, value] : kv->entries)
        job += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2</td></tr>")
                   .arg(qs(key).toHtmlEscaped(), qs(value).toHtmlEscaped());
    }
  }
  if (o.job.present) {
    job_->setText(tr("<b>The design's job across the phases</b> (a fixed plan larger than a phase runs fewer "
                     "data-parallel replicas there)<table>%1</table>%2")
                      .arg(job, o.job.note.empty()
                                    ? QString()
                                    : QStringLiteral("<p>The job %1.</p>").arg(qs(o.job.note).toHtmlEscaped())));
    job_->show();
  } else {
    job_->hide();
  }
  figure_->setFigures({report::phasesFigure(o)});
  message_->setText(tr("%1, %2 to %3. The 3D view shows the chosen phase; pale: not built yet or retired.")
                        .arg(counted(o.phases.size(), "phase"), qs(base::displayDate(o.phases.front().date)),
                             qs(base::displayDate(o.phases.back().date))));
  for (QWidget* w : std::initializer_list<QWidget*>{slider_, heading_, scroll_}) w->setEnabled(true);
  const int keep = std::min(slider_->value(), static_cast<int>(o.phases.size()) - 1);
  const QSignalBlocker block(slider_);
  slider_->setRange(0, static_cast<int>(o.phases.size()) - 1);
  slider_->setValue(keep);
  showPhase();
  applyToView();
  emit phasesShown();
}

void PhasesPanel::showPhase() {
  if (!overview_ || overview_->phases.empty()) return;
  const int p = std::clamp(slider_->value(), 0, static_cast<int>(overview_->phases.size()) - 1);
  const engine::PhaseResult& r = overview_->phases[static_cast<std::size_t>(p)];
  const engine::Evaluation& e = r.evaluation;
  {
    const QSignalBlocker block(table_);
    table_->selectRow(p);
  }
  heading_->setText(tr("<b>%1 of %2 · %3</b> · %4 · %5 GPUs · %6 EFLOP/s BF16 · %7 at the facility")
                        .arg(tr("Phase %1").arg(p + 1))
                        .arg(overview_->phases.size())
                        .arg(qs(r.label).toHtmlEscaped(), qs(base::displayDate(r.date)),
                             qs(report::count(e.compute.gpus)), qs(report::fixed(e.compute.peakBf16 / 1e18, 1)),
                             watts(e.power.facility)));
  findings_->clear();
  int shown = 0;
  for (const engine::Finding& f : e.findings) {
    if (f.severity == engine::Severity::Info) continue;
    const bool error = f.severity == engine::Severity::Error;
    auto* item = new QListWidgetItem(
        QStringLiteral("%1  %2: %3")
            .arg(error ? tr("error") : tr("warning"), f.object.empty() ? tr("site") : qs(f.object), qs(f.message)));
    item->setForeground(error ? errorInk() : warningInk());
    item->setData(kObjectRole, qs(f.object));
    item->setToolTip(qs(f.message));
    findings_->addItem(item);
    ++shown;
  }
  findingsTitle_->setText(shown == 0 ? tr("<b>Phase %1 holds</b>: no errors or warnings.").arg(p + 1)
                                     : tr("<b>Phase %1</b>: %2 — click one to select its object")
                                           .arg(p + 1)
                                           .arg(e.errors > 0 && e.warnings > 0
                                                    ? counted(e.errors, "error") + ", " + counted(e.warnings, "warning")
                                                : e.errors > 0 ? counted(e.errors, "error")
                                                               : counted(e.warnings, "warning")));
  findings_->setVisible(shown > 0);
  int rows = 0;
  for (int i = 0; i < findings_->count(); ++i) rows += findings_->sizeHintForRow(i);
  findings_->setFixedHeight(std::min(rows + 6, 220));
}

void PhasesPanel::applyToView() {
  if (!view_) return;
  view_->setPhase(onScreen_ && overview_ && !overview_->phases.empty() ? slider_->value() : -1);
}

QString PhasesPanel::heading() const {
  return heading_->text();
}

QString PhasesPanel::jobText() const {
  return job_->text();
}

QString PhasesPanel::message() const {
  return message_->text();
}

}  // namespace gigaplan::app
