// The look of the whole window in the dark and light themes: Fusion style with a palette that
// matches the 3D view's background, so docks, tables and charts read as one tool.
#pragma once

#include <QString>

namespace gigaplan::app {

/// "dark" or "light" (anything else is treated as dark).
void applyAppTheme(const QString& name);

}  // namespace gigaplan::app
