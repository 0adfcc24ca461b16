// The Help menu (see help_actions.h).
#include "app/gui/help_actions.h"

#include <vtkVersion.h>
#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace gigaplan::app {
namespace {

// Menu text without its accelerator ampersand and trailing ellipsis.
// (Undo and Redo rename themselves after the next command; they carry a fixed "referenceName".)
QString plainText(const QAction* a) {
  const QVariant fixed = a->property("referenceName");
  QString t = fixed.isValid() ? fixed.toString() : a->text();
  t.remove(QRegularExpression("&(?!&)"));
  if (t.endsWith("…")) t.chop(1);
  return t;
}

void collect(const QMenu* menu, const QString& path, QStringList& rows) {
  for (const QAction* a : menu->actions()) {
    if (a->menu()) {
      collect(a->menu(), path + " › " + plainText(a), rows);
      continue;
    }
    if (a->shortcuts().isEmpty()) continue;
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    const QString where =
        a->shortcutContext() == Qt::WidgetWithChildrenShortcut ? QObject::tr("3D view") : QObject::tr("window");
    rows << QString("| %1 › %2 | %3 | %4 |").arg(path, plainText(a), keys.join(", "), where);
  }
}

QTextBrowser* helpBrowser(QDialog* dialog) {
  auto* layout = new QVBoxLayout(dialog);
  auto* text = new QTextBrowser(dialog);
  text->setObjectName("helpText");
  layout->addWidget(text);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  layout->addWidget(buttons);
  dialog->resize(760, 620);
  return text;
}

QDialog* helpDialog(QWidget* parent, const QString& title, const char* name) {
  auto* dialog = new QDialog(parent);
  dialog->setObjectName(name);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  return dialog;
}

QDialog* textDialog(QWidget* parent, const QString& title, const QString& markdown, const char* name) {
  QDialog* dialog = helpDialog(parent, title, name);
  QTextBrowser* text = helpBrowser(dialog);
  text->setOpenExternalLinks(true);
  text->setMarkdown(markdown);
  return dialog;
}

// A bundled document, its links followed: another bundled document opens in place (Back with
// Alt+Left, as in a browser), a web address in the browser; a file the app does not carry (a
// sample report, the JSON schema) is named in the status line beneath.
QDialog* documentDialog(QWidget* parent, const QString& title, const QString& document, const char* name) {
  QDialog* dialog = helpDialog(parent, title, name);
  QTextBrowser* text = helpBrowser(dialog);
  auto* status = new QLabel(dialog);
  status->setObjectName("helpStatus");
  status->setWordWrap(true);
  qobject_cast<QVBoxLayout*>(dialog->layout())->insertWidget(1, status);
  status->hide();
  text->setOpenLinks(false);
  QObject::connect(text, &QTextBrowser::anchorClicked, dialog, [text, status](const QUrl& link) {
    if (link.scheme() == "http" || link.scheme() == "https" || link.scheme() == "mailto") {
      QDesktopServices::openUrl(link);
      return;
    }
    const QUrl target = text->source().resolved(link);
    if (target.scheme() == "qrc" && target.path().endsWith(".md") && QFile::exists(":" + target.path())) {
      text->setSource(target, QTextDocument::MarkdownResource);
      status->hide();
      return;
    }
    status->setText(QObject::tr("%1 is not bundled with the app: it is in the docs folder of GigaPlan's sources.")
                        .arg(link.toString()));
    status->show();
  });
  text->setSource(QUrl("qrc:/docs/" + document), QTextDocument::MarkdownResource);
  return dialog;
}

}  // namespace

HelpActions::HelpActions(QMainWindow* window) : QObject(window), window_(window), guide_(new QAction(this)) {
  guide_->setText(tr("&User guide"));
  guide_->setShortcut(QKeySequence::HelpContents);  // F1
  guide_->setStatusTip(tr("How to lay out, check and report a site"));
  connect(guide_, &QAction::triggered, this, &HelpActions::showGuide);
}

void HelpActions::fillMenu(QMenu* menu) {
  menu->addAction(guide_);
  menu->addAction(tr("&Design file format"), this, [this] { showDocument("format.md", tr("Design file format")); });
  menu->addAction(tr("Model &validation"), this,
                  [this] { showDocument("validation.md", tr("Validation of the models")); });
  menu->addAction(tr("&Keyboard and mouse"), this, &HelpActions::showKeys);
  menu->addSeparator();
  menu->addAction(tr("&About GigaPlan"), this, &HelpActions::showAbout);
}

QString HelpActions::guideText() {
  QFile f(":/docs/user-guide.md");
  if (!f.open(QIODevice::ReadOnly)) return tr("The user guide is missing from this build.");
  return QString::fromUtf8(f.readAll());
}

QString HelpActions::keyboardAndMouseText() const {
  QStringList rows;
  for (const QAction* a : window_->menuBar()->actions()) {
    if (a->menu()) collect(a->menu(), plainText(a), rows);
  }
  QString md =
      tr("# Keyboard\n\nKeys without Ctrl act only while the 3D view has the focus (click it first), so "
         "typing in the site tree, the search box or a panel never changes the site.\n\n"
         "| command | keys | acts in |\n|---|---|---|\n");
  md += rows.join('\n');
  md +=
      tr("\n| Site › Find | Enter in the search box | search box |\n"
         "| 3D view › Cancel a drag | Esc | 3D view |\n\n"
         "# Mouse (3D view)\n\n"
         "| gesture | does |\n|---|---|\n"
         "| click an object | select it (Shift+click adds, Ctrl+click toggles) |\n"
         "| drag a selected object | move the selection; snaps to the grid set in the toolbar, gear also to other "
         "gear's centre lines; Esc cancels |\n"
         "| drag a hall's wall (four-way arrow) | move the hall with everything in it; Esc cancels |\n"
         "| drag a hall's corner (diagonal arrow) | resize the hall; the opposite corner stays |\n"
         "| drag on empty floor | orbit the camera |\n"
         "| Ctrl+drag, or drag with Box select on | select everything inside the box |\n"
         "| middle-drag | pan |\n"
         "| wheel, right-drag | zoom towards the cursor |\n"
         "| click a drawn feed or pipe | pick that connection; Delete removes it |\n"
         "| drag with Draw hall on (H) | a rectangle on the site: a new hall |\n"
         "| drag with Draw row on (Shift+R) | a row inside a hall, as long as the drag |\n"
         "| drag with Measure on (M) | the distance, straight and along the cable trays |\n"
         "| right-click | the selection's context menu (feeds, cooling, rotate, duplicate, delete); on a "
         "hall's floor also duplicate, delete or take the hall out of its template |\n"
         "| hover | what the object is, its rating and load |\n"
         "| double-click in the site tree | frame that object in the 3D view |\n");
  return md;
}

void HelpActions::showGuide() {
  documentDialog(window_, tr("GigaPlan user guide"), "user-guide.md", "userGuide")->show();
}

void HelpActions::showDocument(const QString& name, const QString& title) {
  documentDialog(window_, title, name, "helpDocument")->show();
}

void HelpActions::showKeys() {
  QDialog* d = textDialog(window_, tr("Keyboard and mouse"), keyboardAndMouseText(), "keyboardReference");
  d->show();
}

void HelpActions::showAbout() {
  QMessageBox::about(
      window_, tr("About GigaPlan"),
      tr("<h3>GigaPlan %1</h3>"
         "<p>Plan AI training sites up to gigawatt scale: halls, racks, the power chain and the cooling plant "
         "in 3D, and what they deliver — compute, fabric, power, cooling, failure domains and training time.</p>"
         "<p>Figures are planning estimates. Every catalog figure names its public source and a grade "
         "(V vendor document, P published paper or measurement, S secondary source, E arithmetic on sourced "
         "inputs, U planning default to override); "
         "reports list them.</p>"
         "<p>Licence: GNU General Public License, version 3.</p>"
         "<p>Built with Qt %2 and VTK %3.</p>")
          .arg(GIGAPLAN_VERSION, qVersion(), vtkVersion::GetVTKVersion()));
}

}  // namespace gigaplan::app
