// The wheel scrolls a form rather than edit its fields (see wheel_guard.h).
#include "app/gui/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QWidget>

namespace gigaplan::app {
namespace {

class WheelGuard : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() != QEvent::Wheel) return false;
    auto* field = qobject_cast<QWidget*>(watched);
    if (!field || field->hasFocus()) return false;
    // Not the field's: the scroll area holding it scrolls. (A wheel event sent on does not climb
    // to the parents by itself, so it goes to the area's viewport directly.)
    for (QWidget* w = field->parentWidget(); w; w = w->parentWidget()) {
      if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
        QCoreApplication::sendEvent(area->viewport(), event);
        break;
      }
    }
    return true;
  }
};

}  // namespace

void guardWheel(QWidget* form) {
  auto* guard = new WheelGuard(form);
  const auto watch = [guard](QWidget* field) {
    field->setFocusPolicy(Qt::StrongFocus);  // the wheel no longer gives focus (Qt::WheelFocus)
    field->installEventFilter(guard);
  };
  for (auto* box : form->findChildren<QAbstractSpinBox*>()) watch(box);
  for (auto* box : form->findChildren<QComboBox*>()) watch(box);
}

}  // namespace gigaplan::app
