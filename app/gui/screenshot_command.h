// `gigaplan screenshot FILE -o OUT.png [--view plan|iso] [--color-by KEY] [--size WxH] [--theme dark|light]`:
// renders a design without showing a window (needs a display, or xvfb-run).
#pragma once

#include <QStringList>
#include <iosfwd>

namespace gigaplan::app {

int runScreenshot(const QStringList& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::app
