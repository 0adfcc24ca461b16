// Atomic file writes (see file_write.h).
#include "core/io/file_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gigaplan::io {

namespace fs = std::filesystem;

std::string writeTarget(const std::string& path) {
  fs::path p(path);
  for (int links = 0; links < 40; ++links) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec)) || ec) break;
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) break;
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  return p.string();
}

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  auto fail = [&](int code) {
    if (error) *error = "cannot write " + path + ": " + std::strerror(code);
    return false;
  };
  const fs::path target(writeTarget(path));
  std::string tmp = (target.parent_path().empty() ? fs::path(".") : target.parent_path()) /
                    ("." + target.filename().string() + ".XXXXXX");
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return fail(errno);
  struct stat existing {};
  ::fchmod(fd, ::stat(target.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644);
  auto discard = [&](int code) {  // the scratch file goes, the target stays as it was
    ::unlink(tmp.c_str());
    return fail(code);
  };
  auto abandon = [&](int code) {
    ::close(fd);
    return discard(code);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return abandon(n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return abandon(errno);
  if (::close(fd) != 0) return discard(errno);
  if (::rename(tmp.c_str(), target.c_str()) != 0) return discard(errno);
  return true;
}

}  // namespace gigaplan::io
