// The dossier's zip (batch/dossier_archive.h), with libarchive (Debian libarchive-dev).
#include "batch/dossier_archive.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

#include "batch/output_files.h"

namespace clause {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFreer {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

void check(archive* a, int status, const std::string& what) {
  if (status < ARCHIVE_OK)
    throw std::runtime_error(what + ": " + (archive_error_string(a) ? archive_error_string(a) : "libarchive error"));
}

}  // namespace

void write_zip_of_folder(const std::filesystem::path& folder, const std::string& prefix,
                         const std::filesystem::path& archive_path, std::chrono::sys_seconds mtime) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(folder));
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.generic_string() < b.generic_string(); });

  const auto tmp = temporary_name(archive_path);
  std::filesystem::create_directories(archive_path.parent_path());
  std::unique_ptr<archive, ArchiveCloser> a(archive_write_new());
  check(a.get(), archive_write_set_format_zip(a.get()), "zip format");
  check(a.get(), archive_write_set_options(a.get(), "zip:compression=deflate"), "zip options");
  check(a.get(), archive_write_open_filename(a.get(), tmp.c_str()), tmp.string());
  const time_t t = std::chrono::system_clock::to_time_t(mtime);
  for (const auto& relative : files) {
    const std::string bytes = read_file(folder / relative);
    std::unique_ptr<archive_entry, EntryFreer> e(archive_entry_new());
    archive_entry_set_pathname(e.get(), (prefix + "/" + relative.generic_string()).c_str());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_mtime(e.get(), t, 0);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    check(a.get(), archive_write_header(a.get(), e.get()), relative.string());
    if (!bytes.empty() && archive_write_data(a.get(), bytes.data(), bytes.size()) < 0)
      check(a.get(), ARCHIVE_FATAL, relative.string());
  }
  check(a.get(), archive_write_close(a.get()), tmp.string());
  a.reset();
  commit_file(tmp, archive_path);
}

}  // namespace clause
