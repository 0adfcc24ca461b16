// `gigaplan screenshot FILE -o OUT.png [--view plan|iso] [--color-by KEY] [--size WxH] [--theme dark|light]`:
// renders a design without showing a window (needs a display, or xvfb-run).
#pragma once

#include <QStringList>
#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::app {

std::string screenshotUsage();

/// The command as the dispatcher runs it: creates the QApplication (with the VTK surface format)
/// unless the process has one; exit 3 without a display.
int runScreenshotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The command inside a running QApplication; throws cli::UsageError for bad arguments.
int runScreenshot(const QStringList& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::app
