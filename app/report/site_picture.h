// The 3D picture for reports: the site rendered by GigaPlan's 3D view (isometric, coloured by
// equipment type, light theme) as PNG bytes. It needs OpenGL, so a QApplication on a real display
// platform (xcb / wayland, e.g. under xvfb-run); elsewhere it returns nothing and says why, and the
// report carries that note instead of the picture.
//
//   QString why;
//   QByteArray png = app::sitePicturePng(*resolved, &why, {1600, 1000}, &eval.fabric);   // empty: see why
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include "core/design/resolved_design.h"
#include "core/fabric/fabric.h"

namespace gigaplan::app {

/// True when this process can render the 3D view (see the file comment); otherwise `whyNot` says why.
bool canRenderSitePicture(QString* whyNot);

/// `fabric` (optional): the evaluation's fabric, whose core room is drawn too.
QByteArray sitePicturePng(const design::ResolvedDesign& design, QString* whyNot, QSize size = {1600, 1000},
                          const fabric::FabricResult* fabric = nullptr);

}  // namespace gigaplan::app
