// The desktop app's start: graphics setup, QApplication, catalog, recovery offer, main window;
// and the window-needing subcommand `screenshot`.
#pragma once

namespace gigaplan::gui {

/// Runs the GUI (or `gigaplan screenshot …`); returns the process exit code.
int run(int argc, char** argv);

}  // namespace gigaplan::gui
