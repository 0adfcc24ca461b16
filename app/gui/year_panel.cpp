// The year of weather panel (see year_panel.h).
#include "app/gui/year_panel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/qt_text.h"
#include "app/report/drawing_painter.h"
#include "core/catalog/catalog_loader.h"
#include "core/io/diagnostic.h"
#include "core/io/epw_reader.h"
#include "core/report/year_report.h"

namespace gigaplan::app {
namespace {

constexpr int kCardMargin = 10;  // px of white around the figures
constexpr int kCaption = 18;     // px for a figure's caption

}  // namespace

FigureView::FigureView(QWidget* parent) : QWidget(parent) {
  QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
}

void FigureView::setFigures(std::vector<report::Figure> figures) {
  figures_ = std::move(figures);
  updateGeometry();
  update();
}

int FigureView::heightForWidth(int width) const {
  const double inner = std::max(1, width - 2 * kCardMargin);
  double h = kCardMargin;
  for (const report::Figure& f : figures_) {
    h += kCaption;
    for (const report::Drawing& d : f.parts) h += d.width() > 0 ? d.height() * inner / d.width() : 0;
    h += kCardMargin;
  }
  return figures_.empty() ? 0 : static_cast<int>(std::ceil(h));
}

QSize FigureView::sizeHint() const {
  return {600, heightForWidth(600)};
}

void FigureView::paintEvent(QPaintEvent*) {
  if (figures_.empty()) return;
  QPainter p(this);
  // The report's figures on the window's own base: white in a light theme; in a dark one their
  // greys are turned over (Paper::Dark) and their colour scales kept.
  const QColor base = palette().color(QPalette::Base);
  const Paper paper = base.lightness() < 128 ? Paper::Dark : Paper::Light;
  p.fillRect(rect(), paper == Paper::Dark ? base : QColor(Qt::white));
  const double inner = std::max(1, width() - 2 * kCardMargin);
  double y = kCardMargin;
  QFont caption = font();
  caption.setBold(true);
  for (const report::Figure& f : figures_) {
    p.setPen(onPaper(QColor(0x22, 0x22, 0x22), paper));
    p.setFont(caption);
    p.drawText(QRectF(kCardMargin, y, inner, kCaption), Qt::AlignLeft | Qt::AlignVCenter, qs(f.caption));
    y += kCaption;
    for (const report::Drawing& d : f.parts) {
      if (d.width() <= 0) continue;
      const double scale = inner / d.width();
      paintDrawing(p, d, QPointF(kCardMargin, y), scale, paper);
      y += d.height() * scale;
    }
    y += kCardMargin;
  }
}

YearPanel::YearPanel(DesignEditor& editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      message_(new QLabel(this)),
      choose_(new QPushButton(tr("Choose weather file…"), this)),
      carbon_(new QPushButton(tr("Hourly grid carbon…"), this)),
      summary_(new QLabel(this)),
      figures_(new FigureView(this)),
      scroll_(new QScrollArea(this)) {
  setObjectName("yearPanel");
  message_->setObjectName("yearMessage");
  message_->setWordWrap(true);
  choose_->setObjectName("yearChooseWeather");
  choose_->setToolTip(tr("Name a typical-year hourly weather file (EPW) as the site's weather (site.weather)"));
  carbon_->setObjectName("yearChooseGridCarbon");
  carbon_->setToolTip(
      tr("Name a file of the grid's carbon intensity hour by hour (site.grid_carbon_hourly): a "
         "header naming g/kWh or kg/kWh, then 8,760 rows"));
  summary_->setObjectName("yearSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  figures_->setObjectName("yearFigures");

  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  column->setContentsMargins(4, 4, 4, 4);
  column->addWidget(message_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(choose_);
  buttons->addWidget(carbon_);
  buttons->addStretch(1);
  column->addLayout(buttons);
  column->addWidget(summary_);
  column->addWidget(figures_);
  column->addStretch(1);
  scroll_->setWidget(content);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll_);

  connect(choose_, &QPushButton::clicked, this, &YearPanel::chooseWeather);
  connect(carbon_, &QPushButton::clicked, this, &YearPanel::chooseGridCarbon);
  connect(&watcher_, &QFutureWatcher<Made>::finished, this, &YearPanel::finished);
  message_->setText(tr("The design's year of weather shows here once it is evaluated."));
  summary_->hide();
}

YearPanel::~YearPanel() {
  watcher_.waitForFinished();
}

void YearPanel::showDesign(const EvaluatedDesign& evaluated, std::optional<double> jobDays) {
  const bool named = evaluated.design && evaluated.evaluation && !evaluated.design->design.site.weather.empty();
  request_ = named ? std::optional(evaluated) : std::nullopt;
  jobDays_ = jobDays;
  stale_ = true;
  if (!request_) {
    year_.reset();
    figures_->setFigures({});
    summary_->hide();
    choose_->setText(tr("Choose weather file…"));
    message_->setText(
        tr("No year of weather: the design names no weather file (site.weather). Choose a "
           "typical-year EPW file — two ship with GigaPlan — to see its energy, PUE, water and "
           "carbon hour by hour."));
    return;
  }
  choose_->setText(tr("Change weather file…"));
  if (onScreen_) start();
}

void YearPanel::setOnScreen(bool onScreen) {
  onScreen_ = onScreen;
  if (onScreen_ && stale_ && request_) start();
}

void YearPanel::start() {
  if (!request_ || watcher_.isRunning()) return;  // a running one restarts on finishing
  stale_ = false;
  message_->setText(tr("Working out the year of weather…"));
  const EvaluatedDesign e = *request_;
  const std::optional<double> jobDays = jobDays_;
  watcher_.setFuture(QtConcurrent::run([e, jobDays] {
    Made m;
    try {
      const design::ResolvedDesign& r = *e.design;
      m.year = annual::simulateSiteYear(r.design, r.layout, *e.evaluation);
      m.section = report::yearSection(*m.year, {.design = r.design.sourceFile, .jobDays = jobDays});
    } catch (const std::exception& error) {  // a file that cannot be read (io::LoadError), or worse
      m.error = error.what();
    }
    return m;
  }));
}

void YearPanel::finished() {
  if (stale_ && request_ && onScreen_) {  // the design changed while this one was computed
    start();
    return;
  }
  if (!request_ || !watcher_.future().isValid() || watcher_.future().resultCount() == 0) return;
  Made m = watcher_.result();
  year_ = std::move(m.year);
  if (!year_) {
    figures_->setFigures({});
    summary_->hide();
    message_->setText(tr("No year of weather: %1").arg(qs(m.error).toHtmlEscaped()));
    return;
  }
  // The report's section: its opening note, its annual figures and its charts.
  std::vector<report::Figure> figures;
  QString intro, rows, notes;
  for (const report::Block& b : m.section.blocks) {
    if (const auto* p = std::get_if<report::Paragraph>(&b)) {  // the opening note, then the notes
      if (intro.isEmpty())
        intro = qs(p->text).toHtmlEscaped();
      else
        notes += QStringLiteral("<p style='color:gray'>%1</p>").arg(qs(p->text).toHtmlEscaped());
    } else if (const auto* kv = std::get_if<report::KeyValues>(&b)) {
      for (const auto& [key, value] : kv->entries)
        rows += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td><b>%2</b></td></tr>")
                    .arg(qs(key).toHtmlEscaped(), qs(value).toHtmlEscaped());
    } else if (const auto* f = std::get_if<report::Figure>(&b)) {
      figures.push_back(*f);
    }
  }
  message_->setText(intro);
  summary_->setText(QStringLiteral("<table>%1</table>%2").arg(rows, notes));
  summary_->show();
  figures_->setFigures(std::move(figures));
  emit yearShown();
}

QString YearPanel::summary() const {
  return summary_->isVisible() || year_ ? summary_->text() : QString();
}

QString YearPanel::message() const {
  return message_->text();
}

QString YearPanel::besideDesign(const QString& path) const {
  // Relative to where the core resolves it (io::pathBesideDesign: the design's sourceFile), else
  // absolute: a design never read from a file has no folder to be relative to.
  const QString source = QString::fromStdString(editor_.document().design().sourceFile);
  const QString absolute = QFileInfo(path).absoluteFilePath();
  return source.isEmpty() ? absolute : QFileInfo(source).dir().relativeFilePath(absolute);
}

bool YearPanel::setWeatherFile(const QString& path) {
  design::Design d = editor_.document().design();
  d.site.weather = besideDesign(path).toStdString();
  return editor_.apply(tr("Set weather file to %1").arg(QFileInfo(path).fileName()), {std::move(d), {}, {}});
}

bool YearPanel::setGridCarbonFile(const QString& path) {
  design::Design d = editor_.document().design();
  d.site.gridCarbonHourly = besideDesign(path).toStdString();
  d.site.gridCarbon = -1;  // one or the other (design_reader)
  return editor_.apply(tr("Set hourly grid carbon to %1").arg(QFileInfo(path).fileName()), {std::move(d), {}, {}});
}

void YearPanel::chooseGridCarbon() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Hourly grid carbon"), QString(),
                                                    tr("Comma-separated values (*.csv *.txt);;All files (*)"));
  if (!path.isEmpty()) setGridCarbonFile(path);
}

void YearPanel::chooseWeather() {
  // The design's weather file, else the typical years we ship (not the design's folder: a design
  // naming none would open where there is no weather).
  const design::Design& d = editor_.document().design();
  QString start = d.site.weather.empty() ? QString() : QString::fromStdString(io::siteWeatherPath(d));
  if (start.isEmpty() || !QFileInfo::exists(start))
    start = QString::fromStdString(catalog::defaultResourceDir()) + "/weather";  // the typical years we ship
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Weather file"), start, tr("EnergyPlus weather (*.epw);;All files (*)"));
  if (!path.isEmpty()) setWeatherFile(path);
}

}  // namespace gigaplan::app
