// `gigaplan report FILE -o OUT [--no-3d] [--date YYYY-MM-DD] [--bench [N]]`: writes a design report,
// the format from OUT's extension (.pdf .html .md .json .csv, see app/report/export_report.h).
// Creates the Qt application the PDF and the 3D picture need: a QApplication with the VTK surface
// format when a display is available, otherwise a QGuiApplication on the offscreen platform (the
// report then says the 3D picture was left out). --bench N repeats load, evaluation and export N
// times and prints the time of each step (the median over the runs) on stdout.
//
// Exit codes: 0 written, 2 the design or catalog cannot be loaded, 3 the report cannot be written,
// 64 usage error.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::cli {

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
