// Writing a file so that a failure never leaves a broken one where a good one was: the bytes go
// to a temporary file beside the target, reach the disk, and are renamed over it. A path that is a
// symbolic link is written through: the file it points to is replaced, the link stays a link.
// The design writer, `gigaplan export` and `report`, and the app's exports all write this way.
//
//   std::string error;
//   if (!io::writeFileAtomically("site.csv", csv, &error)) std::cerr << error << "\n";
#pragma once

#include <string>
#include <string_view>

namespace gigaplan::io {

/// The file a write to `path` lands in: `path` itself, or the end of its chain of symbolic links
/// (a relative link read against the folder that holds it), which need not exist yet. At most 40
/// links are followed, as Linux does; a longer chain is returned where it stopped.
std::string writeTarget(const std::string& path);

/// Writes `bytes` to writeTarget(path) atomically. The file keeps an existing file's permissions;
/// a new one gets rw-r--r--. False, with "cannot write PATH: reason" in `error`, on failure; the
/// temporary file is removed.
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace gigaplan::io
