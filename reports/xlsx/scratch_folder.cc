#include "reports/xlsx/scratch_folder.h"

#include <linux/magic.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cstdlib>

namespace clause::xlsx {
namespace {

std::optional<FolderState> folder_state(const char* path) {
  struct statfs fs {};
  if (::statfs(path, &fs) != 0) return std::nullopt;
  FolderState state;
  state.is_tmpfs = fs.f_type == TMPFS_MAGIC;
  state.writable = ::access(path, W_OK | X_OK) == 0;
  state.available_bytes = static_cast<std::uintmax_t>(fs.f_bavail) * static_cast<std::uintmax_t>(fs.f_bsize);
  return state;
}

}  // namespace

std::filesystem::path choose_scratch_folder(const char* tmpdir_variable, const std::optional<FolderState>& dev_shm) {
  if (tmpdir_variable != nullptr && *tmpdir_variable != '\0') return {};
  if (dev_shm && dev_shm->is_tmpfs && dev_shm->writable && dev_shm->available_bytes >= kScratchSpaceNeeded)
    return "/dev/shm";
  return {};
}

const std::filesystem::path& default_scratch_folder() {
  static const std::filesystem::path folder = choose_scratch_folder(std::getenv("TMPDIR"), folder_state("/dev/shm"));
  return folder;
}

}  // namespace clause::xlsx
