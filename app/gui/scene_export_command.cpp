// `gigaplan scene` (see scene_export_command.h).
#include "app/gui/scene_export_command.h"

#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/report/report_format.h"
#include "widgets/scene/site_scene.h"
#include "widgets/scene/theme.h"

namespace gigaplan::app {

std::string sceneUsage() {
  return "usage: gigaplan scene FILE -o OUT.gltf [--phase N] [--theme dark|light]\n"
         "  The site's 3D scene as glTF 2.0 (one file, its buffers inline), for Blender or a web viewer: every\n"
         "  rack, power and cooling unit and busway as the app draws it, coloured by type, with the ground,\n"
         "  halls, feeds, pipes and hall names; in metres, y up (glTF's axes). --phase N: the site at its Nth phase\n"
         "  (what is not yet built drawn pale, only feeds and pipes in service). Needs no display.\n";
}

int runSceneExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file, output;
  int phase = 0;
  widgets::scene::Theme theme = widgets::scene::lightTheme();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if ((a == "-o" || a == "--output") && hasValue) {
      output = args[++i];
    } else if (a == "--phase" && hasValue) {
      phase = std::atoi(args[++i].c_str());
      if (phase < 1) throw cli::UsageError("--phase takes a phase number from 1");
    } else if (a == "--theme" && hasValue) {
      const auto t = widgets::scene::themeByName(args[++i]);
      if (!t) throw cli::UsageError("--theme takes dark or light");
      theme = *t;
    } else if (file.empty() && !cli::isOption(a)) {
      file = a;
    } else {
      throw cli::UsageError(cli::unexpectedArgument(a));
    }
  }
  if (file.empty()) throw cli::UsageError("missing FILE");
  if (output.empty()) throw cli::UsageError("missing -o OUT.gltf");
  if (output.size() < 5 || output.compare(output.size() - 5, 5, ".gltf") != 0)
    throw cli::UsageError("the output is glTF: name it OUT.gltf");
  const catalog::Catalog* base = cli::baseCatalog(err);
  if (!base) return cli::kLoadError;
  std::shared_ptr<const design::ResolvedDesign> r;
  try {
    r = design::resolve(io::loadDesign(file, *base), *base);
  } catch (const std::exception& e) {
    err << e.what() << "\n";
    return cli::kLoadError;
  }
  const std::string problem = cli::phaseOutOfRange(phase, static_cast<int>(r->design.phases.size()), file);
  if (!problem.empty()) throw cli::UsageError(problem);
  auto renderer = vtkSmartPointer<vtkRenderer>::New();  // holds the scene's actors; never rendered
  widgets::scene::SiteScene scene(renderer);
  scene.setTheme(theme);
  scene.setSiteSize(r->design.site.size.x, r->design.site.size.y);
  scene.build(r->layout, *r->catalog);
  if (phase > 0) scene.setPhase(phase - 1);
  std::string error;
  const int meshes = scene.exportGltf(output, &error);
  if (meshes < 0) {
    err << "gigaplan scene: " << error << "\n";
    return cli::kWriteError;
  }
  out << output << ": " << report::counted(meshes, "mesh", "meshes") << "\n";
  return cli::kOk;
}

}  // namespace gigaplan::app
