// The Help menu: the user guide (F1, docs/user-guide.md compiled into the app, with the documents
// it links to: the design file format, the models, their validation), the keyboard and mouse
// reference — built from the window's own actions, so it can never disagree with them — and
// About (version, licence, what the figures are).
//
//   auto* help = new HelpActions(window);
//   help->fillMenu(window->menuBar()->addMenu(tr("&Help")));
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;

namespace gigaplan::app {

class HelpActions : public QObject {
  Q_OBJECT
 public:
  explicit HelpActions(QMainWindow* window);

  void fillMenu(QMenu* menu);
  QAction* guideAction() const { return guide_; }

  /// The user guide's Markdown, from the app's resources.
  static QString guideText();
  /// The keyboard reference as Markdown rows: every menu action with a shortcut, the key, and
  /// where it acts ("3D view" for bare keys, "window" for the rest); then the mouse bindings.
  QString keyboardAndMouseText() const;

  void showGuide();
  void showKeys();
  void showAbout();
  /// Opens a bundled document ("format.md") in a help window whose links to the other bundled
  /// documents open there too; web links open in the browser.
  void showDocument(const QString& name, const QString& title);

 private:
  QMainWindow* window_;
  QAction* guide_;
};

}  // namespace gigaplan::app
