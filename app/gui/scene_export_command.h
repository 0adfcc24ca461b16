// `gigaplan scene FILE -o OUT.gltf [--phase N] [--theme dark|light]`: the 3D scene as glTF 2.0 (one
// .gltf file, buffers inline) for Blender, a web viewer or a visualisation team — racks, power and
// cooling gear, busways, feeds, pipes, halls and their names, coloured by type. Needs no display.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gigaplan::app {

std::string sceneUsage();

/// Exit 0 written, 2 design not loadable, 3 not writable, 64 usage.
int runSceneExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::app
