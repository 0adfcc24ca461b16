// `gigaplan report` in the desktop executable: the arguments and usage of app/cli/report_command.h,
// every format including PDF, and the 3D picture where OpenGL works. Creates the Qt application
// the PDF and the 3D picture need: a QApplication with the VTK surface format when a display is
// available, otherwise a QGuiApplication on the offscreen platform (the report then says the 3D
// picture was left out).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::app {

int runReportExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::app
