// HTML back end of the report: one self-contained file — styles inline, drawings as SVG and the
// 3D picture as PNG in data: URIs, a Content-Security-Policy that forbids every remote load, and
// every name from the design escaped.
//
//   std::ofstream("report.html") << report::toHtml(report::buildReport(inputs));
#pragma once

#include <string>

#include "core/report/report_document.h"

namespace gigaplan::report {

std::string toHtml(const ReportDocument& doc);

}  // namespace gigaplan::report
