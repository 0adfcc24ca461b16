// PDF back end of the report: QPdfWriter + QPainter on A4 — a title page with the headline
// figures and a contents list with page numbers, then every section with word-wrapped text,
// tables that break across pages with their header row repeated, vector drawings and charts
// (painted from the same display list as the SVG), running headers and "page N of M" footers.
// Needs a QGuiApplication (the offscreen platform is enough).
//
//   QString error;
//   if (!app::writePdf(report::buildReport(inputs), "site.pdf", &error)) qWarning() << error;
#pragma once

#include <QString>

#include "core/report/report_document.h"

namespace gigaplan::app {

bool writePdf(const report::ReportDocument& doc, const QString& path, QString* error);

}  // namespace gigaplan::app
