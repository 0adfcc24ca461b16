// The `gigaplan` executable's commands (see app_commands.h).
#include "app/gui/app_commands.h"

#include "app/cli/report_command.h"
#include "app/gui/scene_export_command.h"
#include "app/gui/screenshot_command.h"
#include "app/report/report_export_command.h"

namespace gigaplan::app {

cli::CommandLine appCommandLine(const std::string& program) {
  cli::CommandLine line(program, cli::headlessCommands(), cli::CommandLine::OpensGui);
  line.set({"report", "gigaplan report FILE -o OUT.{pdf,html,md,json,csv} [--no-3d]   design report",
            cli::reportUsage(cli::ReportFlavour::WithQt), runReportExport});
  line.set({"screenshot",
            "gigaplan screenshot FILE -o OUT.png [--view plan|iso] [--color-by KEY] [--size WxH] [--theme dark|light]\n"
            "                                              render the site without a window (needs OpenGL: a display "
            "or xvfb-run)",
            screenshotUsage(), runScreenshotCommand});
  line.set({"scene", "gigaplan scene FILE -o OUT.gltf [--phase N]   the 3D scene as glTF 2.0 (Blender, web viewers)",
            sceneUsage(), runSceneExport});
  return line;
}

}  // namespace gigaplan::app
