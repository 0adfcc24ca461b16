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

QString lastFolder();  // for opening files; default: the samples folder
void setLastFolder(const QString& folder);
/// Where Save As starts: the folder last saved to, else the user's documents — never the bundled
/// samples.
QString saveFolder();
void setSaveFolder(const QString& folder);
/// The folder and format (file suffix: "pdf", "html", …) of the last report export ("" and "pdf"
/// before the first).
QString exportFolder();
void setExportFolder(const QString& folder);
QString exportFormat();
void setExportFormat(const QString& suffix);

}  // namespace gigaplan::app::settings
