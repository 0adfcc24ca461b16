// The desktop app's start: graphics setup, QApplication, catalog, recovery offer, main window.
// `screenshot` and the other commands run through app_commands.h before it.
#pragma once

class QString;

namespace gigaplan::app {
class Document;
class MainWindow;
}  // namespace gigaplan::app

namespace gigaplan::gui {

/// Runs the GUI; returns the process exit code.
int run(int argc, char** argv);

/// The start once the window shows: for each recovery file a crash left in `autosaveFolder`, a
/// modal "Recover unsaved work?" question (Yes adopts the work as a modified, unsaved design; No
/// drops it; the recovery file is removed either way); then opens `file`, if one is given, unless
/// work was recovered. run() calls it; tests drive it to meet the question as a planner does.
///
///   window.show();
///   resumeSession(doc, window, app::Autosave::defaultFolder(), fileFromCommandLine);
void resumeSession(app::Document& doc, app::MainWindow& window, const QString& autosaveFolder, const QString& file);

}  // namespace gigaplan::gui
