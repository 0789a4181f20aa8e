// Where libxlsxwriter writes a workbook's parts before zipping them. It creates and deletes ~19
// files a statement; on ext4 each is an inode allocated and freed, which made up most of a
// 10,000-client statement run's system time. In memory (a tmpfs) the same documents cost less:
// seven alternated pairs, system time lower in every one (docs/speed.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace clause::xlsx {

// What a folder is, as far as the choice goes.
struct FolderState {
  bool is_tmpfs = false;
  bool writable = false;
  std::uintmax_t available_bytes = 0;
};

// A workbook's scratch files hold under 100 kB and a run has one workbook open per render thread;
// a tmpfs with less than this free is left alone (a container's /dev/shm can be 64 MB, shared).
inline constexpr std::uintmax_t kScratchSpaceNeeded = 16u << 20;

// The choice, without I/O: the folder `TMPDIR` names is the administrator's and libxlsxwriter
// honours it itself (empty result); otherwise /dev/shm when it is a writable tmpfs with room;
// otherwise empty (libxlsxwriter's default, /tmp).
std::filesystem::path choose_scratch_folder(const char* tmpdir_variable, const std::optional<FolderState>& dev_shm);

// choose_scratch_folder for this process's environment and /dev/shm, decided at the first call.
const std::filesystem::path& default_scratch_folder();

}  // namespace clause::xlsx
