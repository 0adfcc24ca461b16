// Typed wrappers over QSettings: every setting the app remembers, each with its key and default.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gigaplan::app::settings {

QStringList recentFiles();
void addRecentFile(const QString& path);  // most recent first, at most 10

QString theme();  // "dark" (default) or "light"
void setTheme(const QString& name);

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& g);
QByteArray windowState();  // dock layout
void setWindowState(const QByteArray& s);

/// Undo steps the editor keeps (QUndoStack::setUndoLimit); 0 = unlimited. Default 500: a step
/// holds one Design snapshot (44 kB on the gigawatt campus, so at most ~22 MB; README, Performance).
int undoLimit();
void setUndoLimit(int steps);

QString lastFolder();  // for file dialogs; default: the samples folder
void setLastFolder(const QString& folder);

}  // namespace gigaplan::app::settings
