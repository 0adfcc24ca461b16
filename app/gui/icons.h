// The toolbar's icons, drawn as simple line glyphs in the theme's text colour (no icon theme is
// needed, and they stay crisp at any scale).
#pragma once

#include <QColor>
#include <QIcon>

namespace gigaplan::app {

enum class Glyph { Open, Save, Undo, Redo, Rotate, Duplicate, Delete, BoxSelect, Plan, Isometric, FitAll };

QIcon glyphIcon(Glyph glyph, const QColor& colour);

}  // namespace gigaplan::app
