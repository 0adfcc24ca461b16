// Ctrl+click, Ctrl+drag and box selection (see select_tool.h).
#include "widgets/tools/select_tool.h"

#include <QMouseEvent>
#include <QRubberBand>

#include "core/model/default_sizes.h"
#include "widgets/scene/site_scene.h"
#include "widgets/tools/view_geometry.h"
#include "widgets/viewport/site_view.h"

namespace gigaplan::widgets {
SelectTool::SelectTool(SiteView& view)
    : QObject(&view), view_(view), band_(new QRubberBand(QRubberBand::Rectangle, &view)) {
  view.installEventFilter(this);
}

SelectTool::~SelectTool() {
  view_.removeEventFilter(this);
}

QStringList SelectTool::idsInRect(const QRect& rect) const {
  QStringList ids;
  const design::Layout& L = view_.scene().layout();
  auto test = [&](const std::string& id, design::Vec2 p, double height) {
    if (rect.contains(widgetPointOf(view_, {p.x, p.y, 0.5 * height}).toPoint())) ids << QString::fromStdString(id);
  };
  // The scene's layout owns its catalog (SiteScene::build), so the spec pointers are valid here.
  for (const auto& r : L.racks) test(r.id, r.position, r.spec ? r.spec->height : model::kUnknownRackSize.height);
  for (const auto& n : L.power) test(n.id, n.position, n.spec ? n.spec->height : model::kUnknownGearSize.height);
  for (const auto& c : L.cooling) test(c.id, c.position, c.spec ? c.spec->height : model::kUnknownGearSize.height);
  return ids;
}

void SelectTool::finish(const QPoint& pos) {
  const bool band = band_->isVisible();
  band_->hide();
  pressed_ = false;
  QStringList ids = adding_ ? view_.selection() : QStringList();
  if (band) {
    for (const QString& id : idsInRect(QRect(pressPos_, pos).normalized())) {
      if (!ids.contains(id)) ids << id;
    }
  } else if (const QString hit = view_.objectIdAt(pos); !hit.isEmpty()) {
    if (adding_ && ids.contains(hit))
      ids.removeAll(hit);  // Ctrl+click toggles
    else
      ids << hit;
  } else if (adding_) {
    return;  // Ctrl+click on empty floor keeps the selection
  }
  view_.setSelection(ids);
}

bool SelectTool::eventFilter(QObject*, QEvent* event) {
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton) return false;
      const bool ctrl = e->modifiers() == Qt::ControlModifier;
      if (!ctrl && !(boxMode_ && e->modifiers() == Qt::NoModifier)) return false;
      pressed_ = true;
      adding_ = ctrl;
      pressPos_ = e->position().toPoint();
      return true;
    }
    case QEvent::MouseMove: {
      if (!pressed_) return false;
      const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
      if (!band_->isVisible() && (pos - pressPos_).manhattanLength() > kDragSlop) band_->show();
      if (band_->isVisible()) band_->setGeometry(QRect(pressPos_, pos).normalized());
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (!pressed_ || e->button() != Qt::LeftButton) return false;
      finish(e->position().toPoint());
      return true;
    }
    default:
      return false;
  }
}

}  // namespace gigaplan::widgets
