// The empty-view line (see empty_hint.h).
#include "app/gui/empty_hint.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QVariant>

namespace gigaplan::app {
namespace {

constexpr const char* kHintProperty = "gigaplanEmptyHint";

// Paints after the viewport has painted itself (an empty background), on the same event.
class EmptyHint : public QObject {
 public:
  EmptyHint(QAbstractItemView* view, std::function<QString()> text)
      : QObject(view), view_(view), viewport_(view->viewport()), text_(std::move(text)) {}

  QString current() const {
    const QAbstractItemModel* model = view_->model();
    if (!model || model->rowCount(view_->rootIndex()) > 0) return {};
    return text_();
  }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    // Compared with the viewport kept at the start, never asked of the view: the viewport's events
    // reach here while the view is being destroyed, when its own members are gone.
    if (event->type() != QEvent::Paint || watched != viewport_) return false;
    const QString text = current();
    if (text.isEmpty()) return false;
    // The view paints its (empty) background first, then the line over it.
    viewport_->removeEventFilter(this);
    QCoreApplication::sendEvent(viewport_, event);
    viewport_->installEventFilter(this);
    QPainter p(viewport_);
    p.setPen(view_->palette().color(QPalette::PlaceholderText));
    const QRect area = viewport_->rect().adjusted(12, 12, -12, -12);
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
    return true;
  }

 private:
  QAbstractItemView* view_;
  QWidget* viewport_;  // the view's, as it was when the hint was made (views keep theirs)
  std::function<QString()> text_;
};

}  // namespace

void showWhenEmpty(QAbstractItemView* view, std::function<QString()> text) {
  auto* hint = new EmptyHint(view, std::move(text));
  view->viewport()->installEventFilter(hint);
  view->setProperty(kHintProperty, QVariant::fromValue(static_cast<QObject*>(hint)));
}

QString emptyHint(const QAbstractItemView* view) {
  const auto* hint = dynamic_cast<const EmptyHint*>(view->property(kHintProperty).value<QObject*>());
  return hint ? hint->current() : QString();
}

}  // namespace gigaplan::app
