// Where a keyboard shortcut acts. A shortcut that is a bare key (R, B, F, 7, Delete) acts only
// while the 3D view — or a widget inside it — has the keyboard focus, so typing in the site tree,
// the search box or the properties panel never rotates, deletes or re-frames anything. Shortcuts
// with Ctrl act anywhere in the window.
//
//   QAction* rotate = new QAction(tr("Rotate"), this);
//   rotate->setShortcut(Qt::Key_R);
//   scopeShortcut(rotate, &view);   // bare key: only while the view has focus
#pragma once

#include <QAction>
#include <QWidget>

namespace gigaplan::app {

/// True when none of the action's shortcuts uses Ctrl, Alt or Meta (a bare key, maybe with Shift).
inline bool isBareKeyShortcut(const QAction& a) {
  if (a.shortcuts().isEmpty()) return false;
  for (const QKeySequence& k : a.shortcuts()) {
    const Qt::KeyboardModifiers m = k[0].keyboardModifiers();
    if (m & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
  }
  return true;
}

/// Makes a bare-key action act only while `view` (or a child of it) has the focus; an action
/// with Ctrl, Alt or Meta acts anywhere in `window` (when given; an action in the menu bar
/// already does).
inline void scopeShortcut(QAction* a, QWidget* view, QWidget* window = nullptr) {
  if (isBareKeyShortcut(*a)) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(a);
  } else if (window) {
    window->addAction(a);
  }
}

}  // namespace gigaplan::app
